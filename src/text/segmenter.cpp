#include "archive/text/segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <cassert>
#include <cstdint>

#include "archive/text/utf8.hpp"
#include "text/icu_support.hpp"
#include "text/script_detail.hpp"
#include "text/utf8_decode.hpp"

namespace archive::text {

namespace {

// One word break iterator built from ICU's rules, cloned for each Segmenter.
struct Prototype {
  std::unique_ptr<icu::BreakIterator> iterator;
  UErrorCode status = U_ZERO_ERROR;
};

const Prototype& prototype() {
  static const Prototype p = [] {
    Prototype made;
    made.iterator.reset(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), made.status));
    if (U_FAILURE(made.status)) made.iterator.reset();
    return made;
  }();
  return p;
}

bool is_capital(char32_t cp) noexcept {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp)) != 0 || u_istitle(static_cast<UChar32>(cp)) != 0;
}

bool is_mark(char32_t cp) noexcept {
  return cp >= 0x80 && (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

// A word of capital letters joined by periods ("M.D", which UAX #29 keeps together, followed
// by its final "."), or one capital followed by a period ("M" + "."), is a run of initials:
// appends them and returns true. A letter may carry combining marks ("É" in NFD). The last
// letter may lack its period when others have one ("M.D Bagirov"). Lower-case letters are
// abbreviations, not initials ("г." for год in "1945 г.").
bool split_initials(std::string_view text, std::size_t begin, std::size_t end,
                    std::vector<Token>& out) {
  const std::size_t first_out = out.size();
  for (std::size_t i = begin; i < end;) {
    const detail::Decoded d = detail::decode_utf8(text, i);
    std::size_t next = i + d.length;
    while (next < end) {  // the letter's combining marks
      const detail::Decoded m = detail::decode_utf8(text, next);
      if (!is_mark(m.code_point)) break;
      next += m.length;
    }
    const bool period_follows = next < text.size() && text[next] == '.';
    const bool last_in_word = next == end;
    if (!is_capital(d.code_point) ||
        (!period_follows && !(last_in_word && out.size() > first_out))) {
      out.resize(first_out);
      return false;
    }
    out.push_back(Token{text.substr(i, next - i), i, TokenKind::initial, script_of(d.code_point)});
    if (last_in_word) return true;
    i = next + 1;  // skip the period
  }
  out.resize(first_out);
  return false;
}

// UAX #29 keeps a ZWNJ or ZWJ that ends (or starts) a word inside it; a token does not.
void trim_joiners(std::string_view text, std::size_t& begin, std::size_t& end) noexcept {
  constexpr std::string_view kZwnj = "\xE2\x80\x8C", kZwj = "\xE2\x80\x8D";
  auto joiner_at = [&](std::size_t at) {
    const std::string_view s = text.substr(at, 3);
    return s == kZwnj || s == kZwj;
  };
  while (end - begin >= 3 && joiner_at(end - 3))
    end -= 3;
  while (end - begin >= 3 && joiner_at(begin))
    begin += 3;
}

}  // namespace

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> iterator;
  UErrorCode status = U_ZERO_ERROR;
  UText text = UTEXT_INITIALIZER;

  Impl() {
    const Prototype& p = prototype();
    status = p.status;
    if (p.iterator) iterator.reset(p.iterator->clone());
    if (!iterator && U_SUCCESS(status)) status = U_MEMORY_ALLOCATION_ERROR;
  }
  ~Impl() { utext_close(&text); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
};

Segmenter::Segmenter() : impl_(std::make_unique<Impl>()) {}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

Result<std::vector<Token>> Segmenter::segment(std::string_view text) {
  std::vector<Token> tokens;
  if (auto r = segment_into(text, tokens); !r) return std::move(r).error();
  return tokens;
}

Result<void> Segmenter::segment_into(std::string_view text, std::vector<Token>& out) {
  out.clear();
  assert(impl_ && "use of a moved-from Segmenter");
  if (!impl_->iterator) return detail::icu_error("word break iterator creation", impl_->status);
  if (auto v = validate_utf8(text); !v) return v;
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) {
    return make_error(ErrorCode::invalid_argument, "text longer than 2 GiB cannot be segmented");
  }
  if (text.empty()) return {};

  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&impl_->text, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return detail::icu_error("UText over UTF-8", status);
  icu::BreakIterator& it = *impl_->iterator;
  it.setText(&impl_->text, status);
  if (U_FAILURE(status)) return detail::icu_error("break iterator setText", status);

  int32_t begin = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
    const int32_t status_tag = it.getRuleStatus();
    if (status_tag < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation, symbols
    const auto b = static_cast<std::size_t>(begin);
    const auto e = static_cast<std::size_t>(end);
    if (status_tag >= UBRK_WORD_NUMBER && status_tag < UBRK_WORD_NUMBER_LIMIT) {
      out.push_back(Token{text.substr(b, e - b), b, TokenKind::number, Script::none});
      continue;
    }
    if (split_initials(text, b, e, out)) continue;
    std::size_t wb = b, we = e;
    trim_joiners(text, wb, we);
    if (wb == we) continue;
    const std::string_view word = text.substr(wb, we - wb);
    out.push_back(Token{word, wb, TokenKind::word, detail::script_of_valid(word)});
  }
  // The iterator keeps pointing at the caller's buffer until the next call re-opens the
  // UText; it is never read in between.
  return {};
}

}  // namespace archive::text
