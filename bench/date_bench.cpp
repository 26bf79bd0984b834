// Throughput of the date part (values per second): the strict EDTF parser, the canonical
// printer, the strict bounds, and the cataloger's-date parser.
//
// EDTF input is the 100,000 generated strings of the edtf.js comparison (edtf_compare/), and
// the strings of edtf/edtf_vectors.tsv in the optional public test data set
// (ARCHIVE_SHARED_DATA_DIR: the test vectors of edtf.js, python-edtf, edtf-validate and
// undate, all three levels); natural-language input is column 1 of its
// dates_natural/dates_natural.tsv (museum catalogs' date texts). Without the data set built-in
// lists are used; the label says which.
#include <benchmark/benchmark.h>

#include <archive/date.hpp>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "edtf_compare/edtf_mix.hpp"

namespace {

const char* const kEdtfBuiltin[] = {
    // level 0
    "1985-04-12", "1985-04", "1985", "-0999", "0000", "1985-04-12T23:20:30", "1985-04-12T23:20:30Z",
    "1985-04-12T23:20:30-04:00", "1964/2008", "2004-06/2006-08", "2004-02-01/2005-02-08",
    "2005/2006-02",
    // level 1
    "1984?", "2004-06~", "2004-06-11%", "201X", "20XX", "2004-XX", "1985-04-XX", "1985-XX-XX",
    "-01XX", "Y170000002", "Y-170000002", "2001-21", "2010-24", "1985-04-12/..", "../1985", "1985/",
    "/1985-04", "1984?/2004-06~", "1952-23~/1953",
    // level 2
    "2004?-06-11", "2004-06~-11", "?2004-%06", "2004?-~06-~04", "156X-12-25", "15XX-12-XX",
    "1560-XX-25", "XXXX-XX-23", "[1667, 1668, 1670..1672]", "[..1760-12-03]", "[1760-12..]",
    "{1667,1668, 1670..1672}", "{1960, 1961-12}", "Y17E7", "1950S2", "Y17101E4S3", "2001-29",
    "2001-34", "2001-41", "2004-06-~01/2004-06-~20", "2004-06-XX/2004-07-03"};

const char* const kInvalidBuiltin[] = {"",
                                       "not a edtf string",
                                       "1945-13",
                                       "1945-02-29",
                                       "2001-42",
                                       "2004-06-~",
                                       "2016-02-39",
                                       "-0000-01-01",
                                       "2004-(06)?-11",
                                       "Y1945",
                                       "1985-04-12T25:00:00",
                                       "[1667,, 1668]",
                                       "{1960",
                                       "2004-06-11/2004-06-10"};

// The seed's dates; also the fallback when the public test data set is missing.
const char* const kNaturalBuiltin[] = {
    "July 6, 1945",           "c. 1945",    "Spring 1946", "1940s",         "6 июля 1945 г.",
    "۱۵ شهریور ۱۳۲۵",         "early 1946", "n.d.",        "весна 1946 г.", "between 1945 and 1947",
    "24 October 1917 (O.S.)", "1945-1946",  "[1945?]",     "XX век"};

std::filesystem::path shared_data() {
  return ARCHIVE_SHARED_DATA_DIR;
}

// Column `column` (0-based) of a TSV file's rows after the header; empty without the file.
std::vector<std::string> tsv_column(const std::filesystem::path& file, std::size_t column) {
  std::vector<std::string> values;
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < column && start != std::string::npos; ++i) {
      start = line.find('\t', start);
      if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos) continue;
    values.push_back(line.substr(start, line.find('\t', start) - start));
  }
  return values;
}

template <std::size_t N>
std::vector<std::string> builtin(const char* const (&list)[N]) {
  return {std::begin(list), std::end(list)};
}

// Valid EDTF strings and their parsed values.
struct Corpus {
  std::vector<std::string> strings;
  std::vector<archive::FuzzyDate> values;
  std::string label;
};

// The vectors' inputs (or the built-in lists), split by what parse_edtf says of them: the
// valid ones by level, and those it rejects.
struct Vectors {
  Corpus valid[4];  // [0] every level, [1 + n] level n
  std::vector<std::string> invalid;
};

const Vectors& vectors() {
  static const Vectors v = [] {
    Vectors out;
    std::vector<std::string> all = tsv_column(shared_data() / "edtf" / "edtf_vectors.tsv", 0);
    const bool shared = !all.empty();
    if (!shared) {
      all = builtin(kEdtfBuiltin);
      for (const char* s : kInvalidBuiltin)
        all.emplace_back(s);
    }
    for (std::string& s : all) {
      auto parsed = archive::parse_edtf(s);
      if (!parsed) {
        out.invalid.push_back(std::move(s));
        continue;
      }
      for (Corpus* c : {&out.valid[0], &out.valid[1 + parsed->level()]}) {
        c->strings.push_back(s);
        c->values.push_back(*parsed);
      }
    }
    for (int i = 0; i < 4; ++i) {
      out.valid[i].label = std::string(shared ? "edtf_vectors.tsv" : "built-in list") +
                           (i == 0 ? "" : ", level " + std::to_string(i - 1));
    }
    return out;
  }();
  return v;
}

// Corpus arg: 0 = the 100,000 strings of the edtf.js comparison (edtf_compare/edtf_mix.hpp),
// 1 = every valid vector, 2 / 3 / 4 = the vectors of level 0 / 1 / 2.
const Corpus& corpus(std::int64_t which) {
  static const Corpus generated = [] {
    Corpus c;
    c.strings = edtf_mix::generate(100000);
    for (const std::string& s : c.strings)
      c.values.push_back(*archive::parse_edtf(s));
    c.label = "edtf.js comparison mix";
    return c;
  }();
  return which == 0 ? generated : vectors().valid[which - 1];
}

void label(benchmark::State& state, const std::string& what, std::size_t count) {
  state.SetLabel(what + ", " + std::to_string(count) + " values");
}

void BM_ParseEdtf(benchmark::State& state) {
  const Corpus& c = corpus(state.range(0));
  for (auto _ : state) {
    for (const std::string& s : c.strings) {
      auto parsed = archive::parse_edtf(s);
      if (!parsed) state.SkipWithError("a valid string did not parse");
      benchmark::DoNotOptimize(parsed);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.strings.size()));
  label(state, c.label, c.strings.size());
}
BENCHMARK(BM_ParseEdtf)->DenseRange(0, 4)->Unit(benchmark::kMicrosecond);

// The error path: strings parse_edtf rejects (with an offset and a reason).
void BM_ParseEdtfInvalid(benchmark::State& state) {
  const std::vector<std::string>& inputs = vectors().invalid;
  for (auto _ : state) {
    for (const std::string& s : inputs) {
      auto parsed = archive::parse_edtf(s);
      if (parsed) state.SkipWithError("an invalid vector parsed");
      benchmark::DoNotOptimize(parsed);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * inputs.size()));
  label(state, vectors().valid[0].label + " (invalid)", inputs.size());
}
BENCHMARK(BM_ParseEdtfInvalid)->Unit(benchmark::kMicrosecond);

void BM_ToEdtf(benchmark::State& state) {
  const Corpus& c = corpus(state.range(0));
  for (auto _ : state) {
    for (const archive::FuzzyDate& d : c.values) {
      benchmark::DoNotOptimize(d.to_edtf());
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.values.size()));
  label(state, c.label, c.values.size());
}
BENCHMARK(BM_ToEdtf)->DenseRange(0, 1)->Unit(benchmark::kMicrosecond);

void BM_EarliestLatest(benchmark::State& state) {
  const Corpus& c = corpus(state.range(0));
  for (auto _ : state) {
    for (const archive::FuzzyDate& d : c.values) {
      benchmark::DoNotOptimize(d.earliest());
      benchmark::DoNotOptimize(d.latest());
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.values.size()));
  label(state, c.label, c.values.size());
}
BENCHMARK(BM_EarliestLatest)->DenseRange(0, 1)->Unit(benchmark::kMicrosecond);

// What `archive dates edtf` does per line, minus the I/O: parse, then both bounds as text.
void BM_EdtfLine(benchmark::State& state) {
  const Corpus& c = corpus(state.range(0));
  for (auto _ : state) {
    for (const std::string& s : c.strings) {
      auto parsed = archive::parse_edtf(s);
      if (!parsed) state.SkipWithError("a valid string did not parse");
      benchmark::DoNotOptimize(parsed->earliest().to_string());
      benchmark::DoNotOptimize(parsed->latest().to_string());
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.strings.size()));
  label(state, c.label, c.strings.size());
}
BENCHMARK(BM_EdtfLine)->DenseRange(0, 1)->Unit(benchmark::kMicrosecond);

// Range arg: 0 = dates_natural.tsv (the built-in list without the data set), 1 = the
// built-in list (the seed's expressions). Errors per pass are counted, not fatal: text the
// parser cannot read is an answer too.
void BM_ParseDate(benchmark::State& state) {
  std::vector<std::string> inputs;
  if (state.range(0) == 0) {
    inputs = tsv_column(shared_data() / "dates_natural" / "dates_natural.tsv", 0);
  }
  const bool shared = !inputs.empty();
  if (!shared) inputs = builtin(kNaturalBuiltin);
  std::size_t errors = 0;
  for (auto _ : state) {
    for (const std::string& s : inputs) {
      auto parsed = archive::parse_date(s);
      errors += parsed ? 0 : 1;
      benchmark::DoNotOptimize(parsed);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * inputs.size()));
  state.counters["errors"] =
      benchmark::Counter(static_cast<double>(errors), benchmark::Counter::kAvgIterations);
  label(state, shared ? "dates_natural.tsv" : "built-in list", inputs.size());
}
BENCHMARK(BM_ParseDate)->DenseRange(0, 1)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
