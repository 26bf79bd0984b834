#include "names/translit_lexicon.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <limits>
#include <vector>

#include "archive/text/normalize.hpp"
#include "archive/text/utf8.hpp"
#include "detail/enum_names.hpp"
#include "text/utf8_decode.hpp"

namespace archive::detail {

namespace {

constexpr std::string_view kHeader = "persian\tpopular\tbgn_pcgn\tala_lc\tkind\tbasis";
constexpr std::string_view kHamza = "\xD8\xA1";  // ء
// Words longer than this (in code points) are not split into entries.
constexpr std::size_t kMaxSplitLength = 64;

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

// The kind column's names.
constexpr auto kKinds = enum_names<LexiconKind>({{LexiconKind::given, "given"},
                                                 {LexiconKind::family, "family"},
                                                 {LexiconKind::place, "place"},
                                                 {LexiconKind::title, "title"},
                                                 {LexiconKind::particle, "particle"},
                                                 {LexiconKind::suffix, "suffix"},
                                                 {LexiconKind::article, "article"}},
                                                "given");
static_assert(kKinds.valid());

Error line_error(std::size_t line, std::string_view what) {
  std::string message = "Persian name lexicon, line ";
  message += std::to_string(line);
  message += ": ";
  message += what;
  return make_error(ErrorCode::invalid_argument, std::move(message));
}

}  // namespace

void capitalize_first(std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const text::detail::Decoded d = text::detail::decode_utf8(s, i);
    const auto cp = static_cast<UChar32>(d.code_point);
    if (u_isupper(cp) || u_istitle(cp)) return;
    if (u_islower(cp)) {
      if (cp < 0x80) {
        s[i] = static_cast<char>(s[i] - ('a' - 'A'));
        return;
      }
      icu::UnicodeString letter(cp);
      letter.toUpper();
      std::string upper;
      letter.toUTF8String(upper);
      s.replace(i, d.length, upper);
      return;
    }
    i += d.length;
  }
}

Result<void> PersianLexicon::key_of(std::string_view word, std::string& key) {
  if (auto r = text::fold_into(word, key); !r) return r;
  for (std::size_t at = key.find(kHamza); at != std::string::npos; at = key.find(kHamza, at)) {
    key.erase(at, kHamza.size());
  }
  return {};
}

Result<void> PersianLexicon::load(std::string_view tsv) {
  bool header_seen = false;
  std::size_t number = 0;
  std::string key;
  while (!tsv.empty()) {
    const std::size_t end = tsv.find('\n');
    std::string_view line = tsv.substr(0, end);
    tsv.remove_prefix(end == std::string_view::npos ? tsv.size() : end + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {
      if (line != kHeader) return line_error(number, "the header is not the documented one");
      header_seen = true;
      continue;
    }
    const std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() != 6) return line_error(number, "expected 6 tab-separated fields");
    LexiconEntry entry;
    const auto kind = kKinds.parse(fields[4]);
    if (!kind) return line_error(number, "unknown kind");
    entry.kind = *kind;
    for (std::size_t i = 0; i < 4; ++i) {
      if (fields[i].empty()) return line_error(number, "empty field");
      if (!text::is_valid_utf8(fields[i])) return line_error(number, "invalid UTF-8");
    }
    entry.forms[static_cast<std::size_t>(LexiconScheme::popular)] = fields[1];
    entry.forms[static_cast<std::size_t>(LexiconScheme::bgn_pcgn)] = fields[2];
    entry.forms[static_cast<std::size_t>(LexiconScheme::ala_lc)] = fields[3];
    if (auto r = key_of(fields[0], key); !r) return line_error(number, r.error().message);
    if (key.empty()) return line_error(number, "the Persian spelling is empty after folding");
    if (!entries_.emplace(key, std::move(entry)).second) {
      return line_error(number, "the spelling is already in the lexicon");
    }
  }
  if (!header_seen) return line_error(number, "no header line");
  return {};
}

Result<void> PersianLexicon::add(std::string_view persian, const LexiconEntry& entry) {
  std::string key;
  if (auto r = key_of(persian, key); !r) return r;
  if (key.empty()) {
    return make_error(ErrorCode::invalid_argument, "the Persian spelling is empty");
  }
  entries_.insert_or_assign(std::move(key), entry);
  return {};
}

bool PersianLexicon::romanize(std::string_view key, LexiconScheme scheme, std::string& out) const {
  // Code point boundaries of the key.
  std::array<std::size_t, kMaxSplitLength + 1> at{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < key.size(); ++n) {
    if (n == kMaxSplitLength) return false;
    at[n] = i;
    i += text::detail::decode_utf8(key, i).length;
  }
  at[n] = key.size();
  if (n == 0) return false;

  // parts[i]: fewest entries covering key[at[i]..]; next[i]: where the first of them ends.
  // Longest first part wins a tie (candidates are tried longest first, replaced only by fewer).
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::array<std::size_t, kMaxSplitLength + 1> parts{};
  std::array<std::size_t, kMaxSplitLength + 1> next{};
  std::array<const LexiconEntry*, kMaxSplitLength + 1> entry_at{};
  parts[n] = 0;
  for (std::size_t i = n; i-- > 0;) {
    parts[i] = kNone;
    for (std::size_t j = n; j > i; --j) {
      if (parts[j] == kNone) continue;
      const auto found = entries_.find(key.substr(at[i], at[j] - at[i]));
      if (found == entries_.end()) continue;
      const LexiconEntry& e = found->second;
      const bool whole = i == 0 && j == n;
      if (i == 0 && e.kind == LexiconKind::suffix) continue;
      if (i == 0 && !whole && e.kind == LexiconKind::article) continue;
      if (!whole && j - i < 2 && e.kind != LexiconKind::suffix) continue;
      if (parts[j] + 1 < parts[i]) {
        parts[i] = parts[j] + 1;
        next[i] = j;
        entry_at[i] = &e;
      }
    }
  }
  if (parts[0] == kNone) return false;

  out.clear();
  for (std::size_t i = 0; i < n; i = next[i]) {
    std::string_view form = entry_at[i]->forms[static_cast<std::size_t>(scheme)];
    const bool attach = !form.empty() && form.front() == '+';
    if (attach) form.remove_prefix(1);
    if (!attach && !out.empty()) out += ' ';
    const bool first = out.empty();
    out += form;
    // A suffix form that starts the word (only as a whole word) is capitalized like a name.
    if (first && attach) capitalize_first(out);
  }
  return true;
}

}  // namespace archive::detail
