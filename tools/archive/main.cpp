// The `archive` command-line program: a thin layer over the library. See `archive --help`.
#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "archive/version.hpp"
#include "commands.hpp"

namespace {
constexpr int kExitBadUsage = 2;
}

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);  // batch mode: do not flush the output before every input line
  CLI::App app{
      "archive — archival metadata: fuzzy dates, names across scripts, search.\n"
      "Transforming subcommands read one value per line on standard input and write "
      "one TSV line per input line.",
      "archive"};
  app.set_version_flag("--version", std::string("archive ") + std::string(archive::kVersion));
  app.require_subcommand(1);
  app.fallthrough(false);

  archive::cli::Action action;
  archive::cli::add_text_commands(app, action);
  archive::cli::add_date_commands(app, action);
  archive::cli::add_names_commands(app, action);
  archive::cli::add_io_commands(app, action);
  archive::cli::add_catalog_commands(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // A word where a subcommand belongs is reported as what it is, not as a missing one.
    const std::vector<std::string> rest = app.remaining(true);
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && !rest.empty()) {
      std::cerr << "archive: unknown command '" << rest.front() << "' (see archive --help)\n";
      return kExitBadUsage;
    }
    const int code = app.exit(e);  // prints help, version or the usage error
    return code == 0 ? 0 : kExitBadUsage;
  }
  if (!action) {
    std::cerr << app.help();
    return kExitBadUsage;
  }
  return action();
}
