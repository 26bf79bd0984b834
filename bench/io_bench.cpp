// JSON Lines: records parsed per second. The input is a few thousand document records built
// in memory; their titles and dates come from corpus/records-001.jsonl (Tate collection
// records) of the optional public test data set (ARCHIVE_SHARED_DATA_DIR) when it is present, else
// from built-in titles in the seed's style (the context line says which). Each record has the
// fields a cataloger fills in: title, a date expression, summary, type, languages, agents (by id),
// collections and views.
#include <benchmark/benchmark.h>

#include <archive/io/jsonl.hpp>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kRecords = 5000;

const char* const kTitles[] = {
    "Decree of the CC CPSU Politburo on measures to organize a separatist movement",
    "Телеграмма ЦК КП Азербайджана М.Д. Багирову о советско-иранском соглашении",
    "نامهٔ محمدرضا پهلوی به ژنرالیسیموس استالین",
    "Resolution of the CC of the People's Party of Iran of 1 March 1957",
};
const char* const kDates[] = {
    "July 6, 1945", "6 июля 1945 г.", "۱۵ شهریور ۱۳۲۵", "Spring 1946",
    "c. 1945",      "n.d.",           "1945-07-06",     "between 1945 and 1947"};

/// Titles from the public data set's corpus (its "title" values), or none when it is absent.
std::vector<std::string> shared_titles() {
  std::vector<std::string> titles;
  const auto path = std::filesystem::path(ARCHIVE_SHARED_DATA_DIR) / "corpus" / "records-001.jsonl";
  std::ifstream in(path);
  if (!in) return titles;
  std::string line;
  while (titles.size() < kRecords && std::getline(in, line)) {
    // A light scan for "title": "…" (the values there have no escaped quotes worth keeping).
    const auto key = line.find("\"title\": \"");
    if (key == std::string::npos) continue;
    const auto start = key + 10;
    const auto end = line.find('"', start);
    if (end == std::string::npos) continue;
    std::string title = line.substr(start, end - start);
    if (title.find('\\') != std::string::npos) continue;
    titles.push_back(std::move(title));
  }
  return titles;
}

struct Input {
  std::string text;
  bool shared = false;
};

const Input& input() {
  static const Input built = [] {
    Input in;
    const auto titles = shared_titles();
    in.shared = !titles.empty();
    archive::Records records;
    archive::Organization org;
    org.id = archive::OrganizationId("org-politburo");
    org.name.form = "CC CPSU Politburo";
    records.organizations.push_back(org);
    archive::Collection coll;
    coll.id = archive::CollectionId("coll-azerbaijan");
    coll.title = "The Azerbaijan Crisis";
    records.collections.push_back(coll);
    std::ostringstream lines;
    (void)archive::write_jsonl(lines, records);
    for (std::size_t i = 0; i < kRecords; ++i) {
      const std::string title = in.shared ? titles[i % titles.size()] : kTitles[i % 4];
      lines << R"({"type":"document","id":"doc-)" << i << R"(","title":")" << title
            << R"(","date":")" << kDates[i % 8]
            << R"(","summary":"A summary of the document in a sentence or two.",)"
            << R"("doc_type":"telegram","languages":["ru"],)"
            << R"("agents":[{"id":"org-politburo","role":"author"}],)"
            << R"("collections":["coll-azerbaijan"],"views":)" << i * 7 << "}\n";
    }
    in.text = lines.str();
    return in;
  }();
  return built;
}

void BM_ReadJsonl(benchmark::State& state) {
  const Input& in = input();
  std::size_t records = 0;
  for (auto _ : state) {
    std::istringstream stream(in.text);
    auto result = archive::read_jsonl(stream, "bench.jsonl");
    if (!result || result->records.documents.size() != kRecords) {
      state.SkipWithError("the generated records did not all read");
      break;
    }
    records += result->records.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["records/s"] =
      benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(in.text.size()));
  state.SetLabel(in.shared ? "titles from the public data set" : "built-in titles");
}
BENCHMARK(BM_ReadJsonl)->Unit(benchmark::kMillisecond);

void BM_WriteJsonl(benchmark::State& state) {
  std::istringstream stream(input().text);
  auto result = archive::read_jsonl(stream, "bench.jsonl");
  if (!result) {
    state.SkipWithError("the generated records did not read");
    return;
  }
  std::size_t records = 0;
  for (auto _ : state) {
    std::ostringstream out;
    (void)archive::write_jsonl(out, result->records);
    records += result->records.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["records/s"] =
      benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_WriteJsonl)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
