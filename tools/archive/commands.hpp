// Registration of the `archive` program's subcommands. Each group adds its subcommands to
// the parent and, when one of them is chosen, sets `action` to what runs it (returning the
// exit status).
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace archive::cli {

using Action = std::function<int()>;

void add_text_commands(CLI::App& parent, Action& action);
void add_date_commands(CLI::App& parent, Action& action);
void add_names_commands(CLI::App& parent, Action& action);
void add_io_commands(CLI::App& parent, Action& action);
void add_catalog_commands(CLI::App& parent, Action& action);

}  // namespace archive::cli
