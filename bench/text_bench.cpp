// Throughput of the text part on the indexer's hot path: segmentation + folding of every
// token, on mixed English / Russian / Persian text (MB/s = bytes of input per second).
//
// The English text is the museum records' titles and descriptions in corpus/ of the optional
// public test data set (ARCHIVE_SHARED_DATA_DIR), the Russian and Persian text is built from
// its Wikidata name pairs in names/ (as lines of names) plus sentences in the seed's style.
// Without the data set the built-in sentences alone are used, and the benchmark says so in its
// context.
#include <benchmark/benchmark.h>

#include <archive/text.hpp>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace text = archive::text;

constexpr std::size_t kTargetBytes = 4u << 20;  // about 4 MB of text per language mix

const char* const kEnglish[] = {
    "Telegram from the CC CP of Azerbaijan to M.D. Bagirov on the Soviet-Iranian agreement",
    ("Letter, Mohammed Reza Pahlavi to Generalissimo Stalin, Chairman of the Council of "
     "Ministers of the Union of Soviet Socialist Republics"),
    ("Resolution of the CC of the People's Party of Iran of 1 March 1957 Regarding the Events "
     "of February 1949"),
};
const char* const kRussian[] = {
    ("Постановление Политбюро ЦК ВКП(б) о мерах по организации сепаратистского движения в "
     "Южном Азербайджане и других провинциях Северного Ирана, 6 июля 1945 г."),
    "Телеграмма ЦК КП Азербайджана М.Д. Багирову о советско-иранском соглашении",
    "Письмо Мохаммеда Резы Пехлеви генералиссимусу Сталину, весна 1946 г.",
};
const char* const kPersian[] = {
    "نامهٔ محمدرضا پهلوی به ژنرالیسیموس استالین، ۱۵ شهریور ۱۳۲۵",
    "قطعنامهٔ کمیتهٔ مرکزی حزب تودهٔ ایران دربارهٔ رویدادهای بهمن ۱۳۲۷ و نورالدین کیانوری",
    "فرقهٔ دموکرات آذربایجان می‌خواهد",
};

std::filesystem::path shared_data() {
  return ARCHIVE_SHARED_DATA_DIR;
}

// The value of a JSON string field in one JSON Lines record (escapes kept simple: quote and
// backslash are unescaped, other escapes are dropped).
std::string json_field(std::string_view line, std::string_view key) {
  std::string needle = "\"";  // built by appending: g++ 12 -Wrestrict misfires on operator+
  needle.append(key).append("\": \"");
  const std::size_t at = line.find(needle);
  std::string value;
  if (at == std::string_view::npos) return value;
  for (std::size_t i = at + needle.size(); i < line.size() && line[i] != '"'; ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      ++i;
      if (line[i] == '"' || line[i] == '\\') value += line[i];
      if (line[i] == 'u') i += 4;
      continue;
    }
    value += line[i];
  }
  return value;
}

// Lines of text in one language, about `bytes` long.
std::vector<std::string> lines_of(std::string_view language, std::size_t bytes) {
  std::vector<std::string> lines;
  std::size_t total = 0;
  auto add = [&](std::string line) {
    total += line.size() + 1;
    lines.push_back(std::move(line));
  };
  const std::filesystem::path data = shared_data();
  if (language == "en") {
    std::ifstream in(data / "corpus" / "records-001.jsonl");
    for (std::string line; total < bytes && std::getline(in, line);) {
      add(json_field(line, "title") + ". " + json_field(line, "description"));
    }
  } else {
    std::ifstream in(data / "names" / (language == "ru" ? "names_ru.tsv" : "names_ar.tsv"));
    std::string line, sentence;
    std::getline(in, line);  // header
    int words = 0;
    while (total < bytes / 2 && std::getline(in, line)) {
      const std::size_t tab1 = line.find('\t');
      const std::size_t tab2 = line.find('\t', tab1 + 1);
      if (tab1 == std::string::npos || tab2 == std::string::npos) continue;
      if (!sentence.empty()) sentence += ' ';
      sentence += line.substr(tab1 + 1, tab2 - tab1 - 1);
      if (++words == 12) {
        add(std::move(sentence));
        sentence.clear();
        words = 0;
      }
    }
  }
  const auto& builtin = language == "en" ? kEnglish : language == "ru" ? kRussian : kPersian;
  while (total < bytes) {
    for (const char* s : builtin)
      add(s);
  }
  return lines;
}

// Mixes are given in percent of bytes: English, Russian, Persian.
std::vector<std::string> corpus(int english, int russian, int persian) {
  std::vector<std::string> all;
  const std::pair<const char*, int> parts[] = {{"en", english}, {"ru", russian}, {"fa", persian}};
  for (const auto& [language, percent] : parts) {
    if (percent == 0) continue;
    auto lines = lines_of(language, kTargetBytes * static_cast<std::size_t>(percent) / 100);
    all.insert(all.end(), lines.begin(), lines.end());
  }
  // Interleave deterministically so the mix is spread over the run.
  std::vector<std::string> mixed(all.size());
  for (std::size_t i = 0, j = 0; i < all.size(); ++i, j = (j + 7919) % all.size()) {
    mixed[i] = std::move(all[j]);
  }
  return mixed;
}

std::size_t bytes_of(const std::vector<std::string>& lines) {
  std::size_t n = 0;
  for (const auto& l : lines)
    n += l.size();
  return n;
}

void note_data(benchmark::State& state) {
  state.SetLabel(std::filesystem::exists(shared_data())
                     ? "public test data set"
                     : "built-in text (no public test data set)");
}

const std::vector<std::string>& mix(int which) {
  static const std::vector<std::string> mixes[] = {corpus(80, 12, 8), corpus(100, 0, 0),
                                                   corpus(0, 100, 0), corpus(0, 0, 100)};
  return mixes[which];
}

// Range arg: 0 = mixed (80% English, 12% Russian, 8% Persian), 1 = English, 2 = Russian,
// 3 = Persian.
void BM_SegmentAndFold(benchmark::State& state) {
  const auto& lines = mix(static_cast<int>(state.range(0)));
  text::Segmenter segmenter;
  std::vector<text::Token> tokens;
  std::string folded;
  std::size_t token_count = 0;
  for (auto _ : state) {
    for (const std::string& line : lines) {
      if (!segmenter.segment_into(line, tokens)) state.SkipWithError("segment failed");
      for (const text::Token& t : tokens) {
        if (!text::fold_into(t.text, folded)) state.SkipWithError("fold failed");
        benchmark::DoNotOptimize(folded.data());
      }
      token_count += tokens.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(lines)));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(token_count), benchmark::Counter::kIsRate);
  note_data(state);
}
BENCHMARK(BM_SegmentAndFold)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

void BM_Segment(benchmark::State& state) {
  const auto& lines = mix(static_cast<int>(state.range(0)));
  text::Segmenter segmenter;
  std::vector<text::Token> tokens;
  for (auto _ : state) {
    for (const std::string& line : lines) {
      if (!segmenter.segment_into(line, tokens)) state.SkipWithError("segment failed");
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(lines)));
  note_data(state);
}
BENCHMARK(BM_Segment)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

void BM_FoldLines(benchmark::State& state) {
  const auto& lines = mix(static_cast<int>(state.range(0)));
  std::string folded;
  for (auto _ : state) {
    for (const std::string& line : lines) {
      if (!text::fold_into(line, folded)) state.SkipWithError("fold failed");
      benchmark::DoNotOptimize(folded.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(lines)));
  note_data(state);
}
BENCHMARK(BM_FoldLines)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

void BM_ValidateUtf8(benchmark::State& state) {
  const auto& lines = mix(0);
  for (auto _ : state) {
    for (const std::string& line : lines) {
      benchmark::DoNotOptimize(text::is_valid_utf8(line));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(lines)));
  note_data(state);
}
BENCHMARK(BM_ValidateUtf8)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
