// The catalog commands: import, search, count, show, stats, export.
//
//   archive import [--into ADDRESS] [--format F] [--strict] FILE…
//   archive search [--in ADDRESS] [--limit N] [--offset N] [--format tsv|json] [--facets] QUERY
//   archive count  [--in ADDRESS] QUERY
//   archive show   [--in ADDRESS] ID
//   archive stats  [--in ADDRESS]
//   archive export [--in ADDRESS] [--format jsonl|oai_dc]
// ADDRESS is a storage address (memory:, sqlite:PATH or a bare path, snapshot:PATH,
// postgresql://…); the default is the SQLite file archive.db. A QUERY of "-" reads one query
// per line from standard input (batch mode); one that begins with '-' (-telegram) may follow
// `--` or stand alone (take_query_after_dash).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "archive/catalog.hpp"
#include "archive/io/dublin_core.hpp"
#include "archive/io/jsonl.hpp"
#include "batch.hpp"
#include "commands.hpp"
#include "formats.hpp"

namespace archive::cli {

namespace {

constexpr int kExitFailed = 1;
constexpr const char* kDefaultAddress = "archive.db";
constexpr std::size_t kImportBatch = 5000;

using Clock = std::chrono::steady_clock;

int fail(const std::string& message) {
  std::cerr << "archive: error: " << message << '\n';
  return kExitFailed;
}

// Progress of an import on standard error: a bar redrawn in place on a terminal, a plain line
// every few seconds otherwise.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), terminal_(::isatty(2) == 1) {}

  void update(std::size_t done, bool last = false) {
    const auto now = Clock::now();
    const auto since_shown = std::chrono::duration<double>(now - shown_).count();
    if (!last && since_shown < (terminal_ ? 0.2 : 5.0)) return;
    shown_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : 0.0;
    char line[160];
    if (terminal_) {
      constexpr int kWidth = 30;
      const int filled =
          total_ == 0
              ? kWidth
              : static_cast<int>(kWidth * static_cast<double>(done) / static_cast<double>(total_));
      std::string bar(static_cast<std::size_t>(filled), '#');
      bar.resize(kWidth, '-');
      std::snprintf(line, sizeof line, "\r[%s] %zu/%zu records  %.0f/s  ETA %.0fs ", bar.c_str(),
                    done, total_, rate, eta);
      std::cerr << line << (last ? "\n" : "") << std::flush;
    } else {
      std::snprintf(line, sizeof line, "import: %zu/%zu records (%.0f/s, ETA %.0fs)\n", done,
                    total_, rate, eta);
      std::cerr << line << std::flush;
    }
  }

 private:
  std::size_t total_;
  bool terminal_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point shown_ = Clock::time_point{};
};

Result<Catalog> open_existing(const std::string& address) {
  CatalogOptions options;
  options.storage.create_if_missing = address == "memory:";
  return Catalog::open(address, options);
}

int import_files(const std::string& address, const std::string& format, bool strict,
                 const std::vector<std::string>& files) {
  // Every input is checked before the catalog is opened, and the catalog is opened (created,
  // when new) only once there is something to put in it, or at the end of a run without an
  // error: an import that could read nothing leaves no new catalog behind.
  for (const auto& file : files) {
    if (auto readable = check_input(file); !readable) return fail(readable.error().describe());
  }
  std::optional<Catalog> catalog;
  const auto open = [&]() -> Result<void> {
    if (catalog) return {};
    auto opened = Catalog::open(address);
    if (!opened) return std::move(opened).error();
    catalog.emplace(std::move(*opened));
    return {};
  };
  const auto started = Clock::now();
  std::size_t documents = 0, collections = 0, people = 0, organizations = 0, rejected = 0;
  std::size_t errors = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail("cannot open " + file);
    auto read = read_records(in, file, format.empty() ? format_of(file) : format,
                             ImportOptions{.strict = strict});
    if (!read) return fail(read.error().describe());
    for (const auto& issue : read->issues) {
      std::cerr << issue.describe() << '\n';
      if (issue.severity == Severity::error) ++errors;
    }
    rejected += read->rejected;
    if (strict && (read->stopped || read->rejected > 0)) {
      return fail(file + ": stopped at the first error (--strict); nothing of it imported");
    }
    const auto& r = read->records;
    WriteBatch all;
    for (const auto& x : r.people)
      all.put(x);
    for (const auto& x : r.organizations)
      all.put(x);
    for (const auto& x : r.collections)
      all.put(x);
    for (const auto& x : r.documents)
      all.put(x);
    if (all.size() > 0) {
      if (auto opened = open(); !opened) return fail(opened.error().describe());
    }
    Progress progress(all.size());
    WriteBatch batch;
    std::size_t done = 0;
    for (const auto& op : all.operations()) {
      batch.put(*op.record);
      if (batch.size() == kImportBatch || done + batch.size() == all.size()) {
        auto applied = catalog->apply(batch);
        if (!applied) {
          return fail(applied.error().describe() + " (" + std::to_string(done) + " records of " +
                      file + " were imported before it)");
        }
        done += batch.size();
        batch.clear();
        progress.update(done, done == all.size());
      }
    }
    documents += r.documents.size();
    collections += r.collections.size();
    people += r.people.size();
    organizations += r.organizations.size();
  }
  if (errors == 0) {
    if (auto opened = open(); !opened) return fail(opened.error().describe());
  }
  if (!catalog) {
    std::cerr << "imported nothing; " << address << " was not opened (nothing created or changed); "
              << rejected << " rejected, " << errors << (errors == 1 ? " error\n" : " errors\n");
    return kExitFailed;
  }
  if (auto saved = catalog->flush(); !saved) {
    std::cerr << "archive: warning: the index was not saved (" << saved.error().describe()
              << "); it will be rebuilt on the next open\n";
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  char line[256];
  std::snprintf(line, sizeof line,
                "imported %zu records (%zu documents, %zu collections, %zu people, %zu "
                "organizations) into %s in %.2f s; %zu rejected",
                documents + collections + people + organizations, documents, collections, people,
                organizations, catalog->address().c_str(), seconds, rejected);
  std::cerr << line;
  if (errors > 0) std::cerr << ", " << errors << (errors == 1 ? " error" : " errors");
  std::cerr << '\n';
  // A file that could not be read gives an error but rejects no record: it fails too.
  return rejected == 0 && errors == 0 ? 0 : kExitFailed;
}

std::string score_text(double score) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", score);
  return text;
}

void append_hit(std::string& out, const SearchHit& hit) {
  out += hit.id.str();
  out += '\t';
  out += score_text(hit.score);
  out += '\t';
  out += hit.earliest.to_string();
  out += '\t';
  out += hit.latest.to_string();
  out += '\t';
  append_tsv_field(out, hit.title);
  out += '\n';
}

nlohmann::ordered_json facets_json(const Facets& f) {
  auto list = [](const std::vector<FacetCount>& v) {
    auto a = nlohmann::ordered_json::array();
    for (const auto& c : v)
      a.push_back({{"value", c.value}, {"label", c.label}, {"count", c.count}});
    return a;
  };
  return {{"collection", list(f.collections)},
          {"type", list(f.doc_types)},
          {"lang", list(f.languages)},
          {"agent", list(f.agents)},
          {"decade", list(f.decades)}};
}

void print_facets_tsv(std::string& out, const Facets& f) {
  auto list = [&](const char* name, const std::vector<FacetCount>& v) {
    for (const auto& c : v) {
      out += "facet\t";
      out += name;
      out += '\t';
      append_tsv_field(out, c.value);
      out += '\t';
      out += std::to_string(c.count);
      out += '\t';
      append_tsv_field(out, c.label);
      out += '\n';
    }
  };
  list("collection", f.collections);
  list("type", f.doc_types);
  list("lang", f.languages);
  list("agent", f.agents);
  list("decade", f.decades);
}

// --limit and --offset: a whole number from 0 to kMaxCount. CLI11 alone took -1 and
// 99999999999999999999 (each wrapped or saturated to a huge count).
constexpr std::size_t kMaxCount = 1'000'000'000;

std::string check_count(const std::string& text) {
  std::size_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, problem] = std::from_chars(text.data(), end, value);
  if (problem != std::errc{} || stop != end || value > kMaxCount) {  // "-1" is not a number
    return "must be a whole number from 0 to " + std::to_string(kMaxCount) + ", not '" + text + "'";
  }
  return {};
}

// A query that begins with '-' (an exclusion: -telegram) looks like an option to CLI11. After
// `--` it is the query; without it, one argument that begins with a single '-' and is no
// option of the command is taken as the query when no other was given. Anything else left
// over is an error, as before. Runs in the command's callback (the command allows extras).
void take_query_after_dash(const CLI::App& command, const CLI::Option& given, std::string& query) {
  std::vector<std::string> extras = command.remaining();
  if (extras.size() > command.remaining_size()) {  // CLI11 keeps the `--` it read among them
    if (auto mark = std::find(extras.begin(), extras.end(), "--"); mark != extras.end()) {
      extras.erase(mark);
    }
  }
  if (given.count() == 0 && extras.size() == 1 && extras[0].size() > 1 && extras[0][0] == '-' &&
      extras[0][1] != '-') {
    query = extras[0];
    return;
  }
  if (!extras.empty()) throw CLI::ExtrasError(extras);
  // Not a RequiredError: main() reads that, with arguments left over, as an unknown command.
  if (given.count() == 0) throw CLI::ParseError("QUERY is required", CLI::ExitCodes::RequiredError);
}

constexpr const char* kQueryHelp =
    "Required: the query (one argument: quote it), or - for one query per input line";

std::string dash_footer(const std::string& command) {
  return "A query that begins with '-' (an exclusion) may follow --, as in\n  archive " + command +
         " -- -telegram\nor stand alone (archive " + command +
         " -telegram) when it is no option; one that begins\nwith -h is the help flag, so write "
         "it after --.";
}

int search(const std::string& address, const std::string& query, const SearchOptions& options,
           const std::string& format) {
  auto catalog = open_existing(address);
  if (!catalog) return fail(catalog.error().describe());
  if (query == "-") {  // batch: query<TAB>hit columns per hit, in input order
    std::string line, out;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      auto results = catalog->search(line, options);
      out.clear();
      if (!results) {
        append_tsv_field(out, line);
        out += "\terror: " + tsv_field(results.error().describe()) + '\n';
      } else {
        for (const auto& hit : results->hits) {
          append_tsv_field(out, line);
          out += '\t';
          append_hit(out, hit);
        }
      }
      std::cout << out;
    }
    return 0;
  }
  auto results = catalog->search(query, options);
  if (!results) return fail(results.error().describe());
  if (format == "json") {
    nlohmann::ordered_json j;
    j["total"] = results->total;
    j["hits"] = nlohmann::ordered_json::array();
    for (const auto& hit : results->hits) {
      j["hits"].push_back({{"id", hit.id.str()},
                           {"score", hit.score},
                           {"earliest", hit.earliest.to_string()},
                           {"latest", hit.latest.to_string()},
                           {"title", hit.title},
                           {"views", hit.views}});
    }
    if (options.facets) j["facets"] = facets_json(results->facets);
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return 0;
  }
  std::string out;
  for (const auto& hit : results->hits)
    append_hit(out, hit);
  if (options.facets) {
    out += '\n';
    print_facets_tsv(out, results->facets);
  }
  std::cout << out;
  return 0;
}

int count(const std::string& address, const std::string& query) {
  auto catalog = open_existing(address);
  if (!catalog) return fail(catalog.error().describe());
  if (query == "-") {
    std::string line, out;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      out.clear();
      append_tsv_field(out, line);
      auto n = catalog->count(line);
      out += n ? '\t' + std::to_string(*n) : "\terror: " + tsv_field(n.error().describe());
      std::cout << out << '\n';
    }
    return 0;
  }
  auto n = catalog->count(query);
  if (!n) return fail(n.error().describe());
  std::cout << *n << '\n';
  return 0;
}

int show(const std::string& address, const std::string& id) {
  auto catalog = open_existing(address);
  if (!catalog) return fail(catalog.error().describe());
  for (auto kind : {RecordKind::document, RecordKind::collection, RecordKind::person,
                    RecordKind::organization}) {
    auto record = catalog->get({kind, id});
    if (!record) {
      if (record.error().code == ErrorCode::not_found) continue;
      return fail(record.error().describe());
    }
    Records one;
    add_to(one, std::move(*record));
    if (auto w = write_jsonl(std::cout, one); !w) return fail(w.error().describe());
    return 0;
  }
  return fail("no record '" + id + "' in " + catalog->address());
}

int stats(const std::string& address) {
  auto catalog = open_existing(address);
  if (!catalog) return fail(catalog.error().describe());
  auto reader = catalog->read();
  if (!reader) return fail(reader.error().describe());
  std::cout << "address\t" << catalog->address() << '\n';
  std::cout << "generation\t" << (*reader)->generation() << '\n';
  for (auto kind : {RecordKind::document, RecordKind::collection, RecordKind::person,
                    RecordKind::organization}) {
    std::size_t n = 0;
    auto r = (*reader)->scan(kind, [&](Record&&) { return ++n, true; });
    if (!r) return fail(r.error().describe());
    std::cout << (kind == RecordKind::person ? "people" : std::string(to_string(kind)) + "s")
              << '\t' << n << '\n';
  }
  const auto s = catalog->stats();
  std::cout << "index\t" << (catalog->index_was_loaded() ? "loaded" : "built") << '\n';
  std::cout << "index_origin\t" << catalog->index_origin() << '\n';
  std::cout << "index_terms\t" << s.terms << '\n';
  std::cout << "index_postings_bytes\t" << s.postings_bytes << '\n';
  std::cout << "index_memory_bytes\t" << s.memory_bytes << '\n';
  if (s.documents > 0) {
    std::cout << "index_memory_per_document\t" << s.memory_bytes / s.documents << '\n';
  }
  return 0;
}

int export_records(const std::string& address, const std::string& format) {
  auto catalog = open_existing(address);
  if (!catalog) return fail(catalog.error().describe());
  auto reader = catalog->read();
  if (!reader) return fail(reader.error().describe());
  auto all = (*reader)->read_all();
  if (!all) return fail(all.error().describe());
  auto written = format == "oai_dc" ? write_oai_dc(std::cout, *all) : write_jsonl(std::cout, *all);
  if (!written) return fail(written.error().describe());
  return 0;
}

}  // namespace

void add_catalog_commands(CLI::App& parent, Action& action) {
  auto address = std::make_shared<std::string>(kDefaultAddress);

  CLI::App* import = parent.add_subcommand(
      "import", "Import records (JSON Lines, CSV or oai_dc XML) into a catalog");
  auto format = std::make_shared<std::string>();
  auto strict = std::make_shared<bool>(false);
  auto files = std::make_shared<std::vector<std::string>>();
  import->add_option("--into", *address, "Storage address (default: archive.db)");
  import->add_option("--format", *format, "jsonl, csv or oai_dc (default: by extension)")
      ->check(CLI::IsMember({"jsonl", "csv", "oai_dc"}));
  import->add_flag("--strict", *strict)
      ->description("Refuse a file with any bad record (default: keep the good ones)");
  import->add_option("FILE", *files, "Files to import")->required();
  import->callback([&action, address, format, strict, files] {
    action = [=] { return import_files(*address, *format, *strict, *files);
};
}  // namespace archive::cli
);

CLI::App* search_command = parent.add_subcommand(
    "search", "Search a catalog's documents: id, score, earliest, latest, title per hit");
auto query = std::make_shared<std::string>();
auto options = std::make_shared<SearchOptions>();
auto output = std::make_shared<std::string>("tsv");
search_command->add_option("--in", *address, "Storage address (default: archive.db)");
search_command->add_option("--limit", options->limit, "Hits to show (default 20)")
    ->check(CLI::Validator(check_count, "0 to 1000000000"));
search_command->add_option("--offset", options->offset, "Hits to skip first")
    ->check(CLI::Validator(check_count, "0 to 1000000000"));
search_command->add_option("--format", *output, "tsv or json")
    ->check(CLI::IsMember({"tsv", "json"}));
search_command->add_flag("--facets", options->facets)
    ->description("Also count collections, types, languages, agents and decades");
CLI::Option* search_query = search_command->add_option("QUERY", *query, kQueryHelp);
search_command->allow_extras();  // a query that begins with '-': take_query_after_dash
search_command->footer(dash_footer("search"));
search_command->callback([&action, search_command, search_query, address, query, options, output] {
  take_query_after_dash(*search_command, *search_query, *query);
  action = [=] { return search(*address, *query, *options, *output); };
});

CLI::App* count_command = parent.add_subcommand("count", "Count the documents matching a query");
count_command->add_option("--in", *address, "Storage address (default: archive.db)");
CLI::Option* count_query = count_command->add_option("QUERY", *query, kQueryHelp);
count_command->allow_extras();
count_command->footer(dash_footer("count"));
count_command->callback([&action, count_command, count_query, address, query] {
  take_query_after_dash(*count_command, *count_query, *query);
  action = [=] { return count(*address, *query); };
});

CLI::App* show_command = parent.add_subcommand("show", "Print one record as JSON");
auto id = std::make_shared<std::string>();
show_command->add_option("--in", *address, "Storage address (default: archive.db)");
show_command->add_option("ID", *id, "A record id")->required();
show_command->callback([&action, address, id] { action = [=] { return show(*address, *id); }; });

CLI::App* stats_command =
    parent.add_subcommand("stats", "Records per kind, generation and index size");
stats_command->add_option("--in", *address, "Storage address (default: archive.db)");
stats_command->callback([&action, address] { action = [=] { return stats(*address); }; });

CLI::App* export_command = parent.add_subcommand("export", "Write every record to standard output");
auto export_format = std::make_shared<std::string>("jsonl");
export_command->add_option("--in", *address, "Storage address (default: archive.db)");
export_command->add_option("--format", *export_format, "jsonl or oai_dc")
    ->check(CLI::IsMember({"jsonl", "oai_dc"}));
export_command->callback([&action, address, export_format] {
  action = [=] { return export_records(*address, *export_format); };
});
}

}  // namespace archive::cli
