// `archive validate FILE…` and `archive convert --from F --to F [FILE]`: the io part.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "archive/io/csv.hpp"
#include "archive/io/dublin_core.hpp"
#include "archive/io/jsonl.hpp"
#include "commands.hpp"
#include "formats.hpp"

namespace archive::cli {

namespace {

constexpr int kExitProblems = 1;

int validate_files(const std::vector<std::string>& files) {
  std::size_t problems = 0;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (auto readable = check_input(file); !readable || !in) {
      std::cout << file << ": error: "
                << (readable ? std::string("cannot open the file") : readable.error().describe())
                << '\n';
      ++problems;
      continue;
    }
    auto result = read_records(in, file, format_of(file), ImportOptions{});
    if (!result) {
      std::cout << file << ": error: " << result.error().describe() << '\n';
      ++problems;
      continue;
    }
    for (const ImportIssue& issue : result->issues)
      std::cout << issue.describe() << '\n';
    problems += result->issues.size();
    std::cout << file << ": " << result->records.size() << " records read, " << result->rejected
              << " rejected, " << result->issues.size() << " problems\n";
  }
  return problems == 0 ? 0 : kExitProblems;
}

int convert(const std::string& from, const std::string& to, const std::string& file) {
  std::ifstream file_in;
  std::istream* in = &std::cin;
  if (!file.empty() && file != "-") {
    if (auto readable = check_input(file); !readable) {
      std::cerr << "archive: " << readable.error().describe() << '\n';
      return kExitProblems;
    }
    file_in.open(file, std::ios::binary);
    if (!file_in) {
      std::cerr << "archive: cannot open " << file << '\n';
      return kExitProblems;
    }
    in = &file_in;
  }
  auto result = read_records(*in, file.empty() ? "-" : file, from, ImportOptions{});
  if (!result) {
    std::cerr << "archive: " << result.error().describe() << '\n';
    return kExitProblems;
  }
  for (const ImportIssue& issue : result->issues)
    std::cerr << issue.describe() << '\n';
  const Result<void> written = to == "oai_dc" ? write_oai_dc(std::cout, result->records)
                                              : write_jsonl(std::cout, result->records);
  if (!written) {
    std::cerr << "archive: " << written.error().describe() << '\n';
    return kExitProblems;
  }
  // A file that could not be read gives an error but rejects no record: it fails too.
  return has_errors(*result) ? kExitProblems : 0;
}

}  // namespace

void add_io_commands(CLI::App& parent, Action& action) {
  CLI::App* validate = parent.add_subcommand(
      "validate",
      "Check files of records (JSON Lines, CSV or oai_dc XML, by extension) and "
      "report every problem; exit 1 if there is any");
  auto files = std::make_shared<std::vector<std::string>>();
  validate->add_option("FILE", *files, "Files to check")->required();
  validate->callback([&action, files] { action = [files] { return validate_files(*files); }; });

  CLI::App* convert_command = parent.add_subcommand(
      "convert", "Convert records between formats: FILE (or standard input) to standard output");
  auto from = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  convert_command->add_option("--from", *from, "jsonl, csv or oai_dc")
      ->required()
      ->check(CLI::IsMember({"jsonl", "csv", "oai_dc"}));
  convert_command->add_option("--to", *to, "jsonl or oai_dc")
      ->required()
      ->check(CLI::IsMember({"jsonl", "oai_dc"}));
  convert_command->add_option("FILE", *file, "Input file (default: standard input)");
  convert_command->callback([&action, from, to, file] {
    action = [from, to, file] { return convert(*from, *to, *file); };
  });
}

}  // namespace archive::cli
