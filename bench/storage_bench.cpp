// Storage backends side by side: documents written per second in batches, point reads per
// second and a full scan, for memory:, sqlite:, snapshot: and — when ARCHIVE_BENCH_POSTGRESQL
// holds a libpq URI (scripts/with-postgresql.sh sets ARCHIVE_TEST_POSTGRESQL, which is used
// too) — postgresql://. Each write run starts from an empty store in a fresh temporary folder
// (PostgreSQL: a fresh schema). The documents are archival records of the seed's kind: title,
// summary, a day-precision date with its written form, type, language, three agents, two
// subjects, a place, a collection and views; about 700 bytes of JSON each.
//
//   build/release/bench/bench_storage --benchmark_filter='Write.*sqlite'
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <archive/storage/storage.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#ifdef ARCHIVE_BENCH_WITH_LIBPQ
#include <libpq-fe.h>
#endif

namespace {

archive::Document make_document(int n) {
  using namespace archive;
  static const char* const kTitles[] = {
      "Decree of the CC CPSU Politburo on measures to organize a separatist movement",
      "Телеграмма ЦК КП Азербайджана М.Д. Багирову о советско-иранском соглашении",
      "نامهٔ محمدرضا پهلوی به ژنرالیسیموس استالین",
      "Letter from Nureddin Kianuri to the CC of the Tudeh Party"};
  static const char* const kPeople[] = {"person-stalin",  "person-molotov", "person-bagirov",
                                        "person-pahlavi", "person-kianuri", "person-qavam"};
  Document d;
  char id[32];
  std::snprintf(id, sizeof id, "doc-%08d", n);
  d.id = DocumentId(id);
  d.title = std::string(kTitles[n % 4]) + " No. " + std::to_string(n);
  d.summary =
      "Soviet measures in Southern Azerbaijan and Northern Iran, 1945–1946: instructions, "
      "reports and correspondence about the Democratic Party of Azerbaijan.";
  const auto day = Day::from_civil(1945 + n % 12, static_cast<unsigned>(1 + n % 12),
                                   static_cast<unsigned>(1 + n % 28));
  d.date = FuzzyDate::from_day(day);
  d.date.set_provenance({day.to_string(), Calendar::gregorian, {}});
  d.doc_type = n % 3 == 0 ? "telegram" : n % 3 == 1 ? "decree" : "letter";
  d.languages = {n % 5 == 0 ? "fa" : "ru"};
  d.agents = {{PersonId(kPeople[n % 6]), AgentRole::author},
              {PersonId(kPeople[(n + 1) % 6]), AgentRole::recipient},
              {OrganizationId("org-cc-cpsu-politburo"), AgentRole::mentioned}};
  d.subjects = {"Azerbaijan crisis", "Soviet-Iranian relations"};
  d.places = {n % 2 ? "Tabriz" : "Baku"};
  d.collections = {CollectionId("coll-iran-1945-1946")};
  d.views = static_cast<std::uint64_t>(n * 7 % 1000);
  return d;
}

const std::vector<archive::Document>& documents(int count) {
  static std::vector<archive::Document> all;
  while (static_cast<int>(all.size()) < count)
    all.push_back(make_document(static_cast<int>(all.size())));
  return all;
}

const char* postgresql_uri() {
  if (const char* uri = std::getenv("ARCHIVE_BENCH_POSTGRESQL")) return uri;
  return std::getenv("ARCHIVE_TEST_POSTGRESQL");
}

// A fresh, empty location for one backend; removed afterwards.
class Location {
 public:
  explicit Location(const std::string& backend) : backend_(backend) {
    if (backend == "memory") {
      address_ = "memory:";
      return;
    }
    if (backend == "postgresql") {
#ifdef ARCHIVE_BENCH_WITH_LIBPQ
      static int serial = 0;
      schema_ = "bench_" + std::to_string(::getpid()) + "_" + std::to_string(++serial);
      run_sql("CREATE SCHEMA " + schema_);
      std::string uri = postgresql_uri();
      address_ = uri + (uri.find('?') == std::string::npos ? "?" : "&") +
                 "options=-csearch_path%3D" + schema_;
#endif
      return;
    }
    auto pattern = (std::filesystem::temp_directory_path() / "archive-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    dir_ = pattern;
    address_ = backend + ":" + (dir_ / "store").string();
  }
  ~Location() {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
#ifdef ARCHIVE_BENCH_WITH_LIBPQ
    if (!schema_.empty()) run_sql("DROP SCHEMA " + schema_ + " CASCADE");
#endif
  }
  Location(const Location&) = delete;
  Location& operator=(const Location&) = delete;

  [[nodiscard]] const std::string& address() const {
    return address_;
  }
  [[nodiscard]] std::uintmax_t bytes_on_disk() const {
    std::uintmax_t total = 0;
    if (dir_.empty()) return 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir_)) {
      if (e.is_regular_file()) total += e.file_size();
    }
    return total;
  }

 private:
#ifdef ARCHIVE_BENCH_WITH_LIBPQ
  static void run_sql(const std::string& sql) {
    PGconn* conn = PQconnectdb(postgresql_uri());
    PGresult* r = PQexec(conn, ("SET client_min_messages = warning; " + sql).c_str());
    PQclear(r);
    PQfinish(conn);
  }
  std::string schema_;
#endif
  std::string backend_;
  std::filesystem::path dir_;
  std::string address_;
};

// PostgreSQL runs only with a server to run against.
bool skip_without_server(benchmark::State& state, const std::string& backend) {
  if (backend != "postgresql" || postgresql_uri() != nullptr) return false;
  state.SkipWithError("set ARCHIVE_BENCH_POSTGRESQL to a libpq URI");
  return true;
}

std::unique_ptr<archive::Storage> open_or_skip(benchmark::State& state, const Location& where) {
  auto store = archive::open_storage(where.address());
  if (!store) {
    state.SkipWithError(store.error().describe().c_str());
    return nullptr;
  }
  return std::move(*store);
}

bool write_all(benchmark::State& state, archive::Storage& store, int count, int batch_size) {
  const auto& docs = documents(count);
  archive::WriteBatch batch;
  for (int n = 0; n < count; ++n) {
    batch.put(docs[static_cast<std::size_t>(n)]);
    if (static_cast<int>(batch.size()) == batch_size || n + 1 == count) {
      if (auto r = store.apply(batch); !r) {
        state.SkipWithError(r.error().describe().c_str());
        return false;
      }
      batch.clear();
    }
  }
  return true;
}

// args: documents, documents per batch
void BM_Write(benchmark::State& state, std::string backend) {
  if (skip_without_server(state, backend)) return;
  const int count = static_cast<int>(state.range(0));
  const int batch_size = static_cast<int>(state.range(1));
  documents(count);
  std::uintmax_t bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    {
      Location where(backend);
      auto store = open_or_skip(state, where);
      if (!store) return;
      state.ResumeTiming();
      if (!write_all(state, *store, count, batch_size)) return;
      state.PauseTiming();
      store.reset();
      bytes = where.bytes_on_disk();
    }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * count);
  state.counters["bytes_per_doc"] = static_cast<double>(bytes) / count;
}

// A store of `count` documents, filled once per backend and count, read by the benchmarks.
struct Filled {
  std::unique_ptr<Location> where;
  std::unique_ptr<archive::Storage> store;
};
Filled* filled(benchmark::State& state, const std::string& backend, int count) {
  static std::map<std::pair<std::string, int>, Filled> cache;
  auto& f = cache[{backend, count}];
  if (!f.store) {
    f.where = std::make_unique<Location>(backend);
    f.store = open_or_skip(state, *f.where);
    if (!f.store || !write_all(state, *f.store, count, 10'000)) {
      f.store.reset();
      return nullptr;
    }
  }
  return &f;
}

void BM_PointRead(benchmark::State& state, std::string backend) {
  if (skip_without_server(state, backend)) return;
  const int count = static_cast<int>(state.range(0));
  auto* f = filled(state, backend, count);
  if (!f) return;
  auto reader = f->store->read();
  if (!reader) {
    state.SkipWithError(reader.error().describe().c_str());
    return;
  }
  std::mt19937 random(42);
  std::uniform_int_distribution<int> pick(0, count - 1);
  const auto& docs = documents(count);
  for (auto _ : state) {
    auto d = (*reader)->document(docs[static_cast<std::size_t>(pick(random))].id);
    if (!d) {
      state.SkipWithError(d.error().describe().c_str());
      return;
    }
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_FullScan(benchmark::State& state, std::string backend) {
  if (skip_without_server(state, backend)) return;
  const int count = static_cast<int>(state.range(0));
  auto* f = filled(state, backend, count);
  if (!f) return;
  for (auto _ : state) {
    auto reader = f->store->read();
    if (!reader) {
      state.SkipWithError(reader.error().describe().c_str());
      return;
    }
    std::size_t seen = 0;
    auto r = (*reader)->scan(archive::RecordKind::document, [&](archive::Record&&) {
      ++seen;
      return true;
    });
    if (!r || seen != static_cast<std::size_t>(count)) {
      state.SkipWithError(r ? "the scan missed documents" : r.error().describe().c_str());
      return;
    }
  }
  state.SetItemsProcessed(state.iterations() * count);
}

void register_all() {
  for (std::string backend : {"memory", "sqlite", "snapshot", "postgresql"}) {
    auto* write = benchmark::RegisterBenchmark(("Write/" + backend).c_str(), BM_Write, backend)
                      ->Unit(benchmark::kMillisecond)
                      ->UseRealTime();
    if (backend == "snapshot") {
      write->Args({100'000, 100'000})->Args({10'000, 1'000});  // every batch rewrites the file
    } else {
      write->Args({100'000, 100'000})->Args({100'000, 1'000})->Args({10'000, 1});
    }
    if (backend == "postgresql") write->Iterations(1);
    benchmark::RegisterBenchmark(("PointRead/" + backend).c_str(), BM_PointRead, backend)
        ->Arg(100'000)
        ->UseRealTime();
    benchmark::RegisterBenchmark(("FullScan/" + backend).c_str(), BM_FullScan, backend)
        ->Arg(100'000)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
