// The search index at 10k and 100k documents of the archival corpus (corpus.hpp), and at 1M
// when ARCHIVE_BENCH_LARGE=1: indexing (documents/s and MB/s of text, with transliteration
// keys and dates), query latency over the fixed query mix (p50 and p99 as counters), the open
// time of a persisted index beside an SQLite store, and memory per document.
//
//   build/release/bench/bench_index --benchmark_filter='Query'
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <archive/catalog.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "corpus.hpp"

namespace {

namespace fs = std::filesystem;

const std::vector<archive::Document>& corpus(std::size_t count) {
  static std::vector<archive::Document> docs;
  static archive_bench::Corpus generator;
  while (docs.size() < count)
    docs.push_back(generator.document(docs.size()));
  return docs;
}

std::size_t text_bytes(std::size_t count) {
  std::size_t bytes = 0;
  const auto& docs = corpus(count);
  for (std::size_t i = 0; i < count; ++i)
    bytes += archive_bench::Corpus::text_of(docs[i]).size();
  return bytes;
}

bool fill(benchmark::State& state, archive::Catalog& catalog, std::size_t count) {
  archive::Records people;
  people.people = archive_bench::Corpus::people_records();
  if (auto r = catalog.put(people); !r) {
    state.SkipWithError(r.error().describe().c_str());
    return false;
  }
  const auto& docs = corpus(count);
  archive::WriteBatch batch;
  for (std::size_t i = 0; i < count; ++i) {
    batch.put(docs[i]);
    if (batch.size() == 1000 || i + 1 == count) {
      if (auto r = catalog.apply(batch); !r) {
        state.SkipWithError(r.error().describe().c_str());
        return false;
      }
      batch.clear();
    }
  }
  return true;
}

// Documents indexed per second (an in-memory store, so the index is what is measured).
void BM_Index(benchmark::State& state) {
  const auto count = static_cast<std::size_t>(state.range(0));
  corpus(count);
  std::size_t memory = 0;
  for (auto _ : state) {
    auto catalog = archive::Catalog::open("memory:");
    if (!catalog) {
      state.SkipWithError(catalog.error().describe().c_str());
      return;
    }
    if (!fill(state, *catalog, count)) return;
    state.PauseTiming();
    memory = catalog->stats().memory_bytes;
    {
      auto gone = std::move(*catalog);  // freed outside the timing
    }
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text_bytes(count)));
  state.counters["memory_per_doc"] = static_cast<double>(memory) / static_cast<double>(count);
}

archive::Catalog* filled_catalog(benchmark::State& state, std::size_t count) {
  static std::map<std::size_t, std::unique_ptr<archive::Catalog>> cache;
  auto& slot = cache[count];
  if (!slot) {
    auto catalog = archive::Catalog::open("memory:");
    if (!catalog || !fill(state, *catalog, count)) return nullptr;
    slot = std::make_unique<archive::Catalog>(std::move(*catalog));
  }
  return slot.get();
}

// The query mix, one query per iteration, top 20 by relevance; p50/p99 over all of them.
void BM_Query(benchmark::State& state) {
  const auto count = static_cast<std::size_t>(state.range(0));
  auto* catalog = filled_catalog(state, count);
  if (!catalog) return;
  const auto& mix = archive_bench::query_mix();
  std::vector<double> micros;
  std::size_t i = 0;
  for (auto _ : state) {
    const auto t = std::chrono::steady_clock::now();
    auto r = catalog->search(mix[i++ % mix.size()],
                             {.limit = 20, .offset = 0, .facets = false, .facet_limit = 0});
    micros.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t).count());
    if (!r) {
      state.SkipWithError(r.error().describe().c_str());
      return;
    }
    benchmark::DoNotOptimize(r);
  }
  std::sort(micros.begin(), micros.end());
  auto at = [&](double q) {
    return micros[std::min(micros.size() - 1,
                           static_cast<std::size_t>(q * static_cast<double>(micros.size())))];
  };
  state.counters["p50_us"] = at(0.50);
  state.counters["p99_us"] = at(0.99);
  state.SetItemsProcessed(state.iterations());
}

// Opening a catalog whose index was saved beside its SQLite store.
void BM_OpenPersisted(benchmark::State& state) {
  const auto count = static_cast<std::size_t>(state.range(0));
  auto pattern = (fs::temp_directory_path() / "archive-bench-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) std::abort();
  const fs::path dir = pattern;
  const auto address = "sqlite:" + (dir / "catalog.db").string();
  {
    auto catalog = archive::Catalog::open(address);
    if (!catalog || !fill(state, *catalog, count)) return;
  }
  std::uintmax_t index_bytes = fs::file_size(dir / "catalog.db.index");
  for (auto _ : state) {
    auto catalog = archive::Catalog::open(address);
    if (!catalog || !catalog->index_was_loaded()) {
      state.SkipWithError("the saved index was not loaded");
      break;
    }
  }
  state.counters["index_bytes_per_doc"] =
      static_cast<double>(index_bytes) / static_cast<double>(count);
  fs::remove_all(dir);
}

void register_all() {
  std::vector<std::int64_t> sizes = {10'000, 100'000};
  if (const char* large = std::getenv("ARCHIVE_BENCH_LARGE"); large && *large == '1') {
    sizes.push_back(1'000'000);
  }
  for (auto n : sizes) {
    benchmark::RegisterBenchmark("Index", BM_Index)
        ->Arg(n)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(1);
    benchmark::RegisterBenchmark("Query", BM_Query)->Arg(n)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("OpenPersisted", BM_OpenPersisted)
        ->Arg(n)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3);
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
