// Normalization and folding: NFC for what is stored, NFKC for what is compared, and the
// search fold that makes Bağırov, BAGIROV and bagirov one key.
//
// All functions take UTF-8 and give UTF-8; ill-formed input gives an invalid_utf8 Error with
// the byte offset. They are thread-safe (the ICU data they use is immutable and shared).
#pragma once

#include <string>
#include <string_view>

#include "archive/error.hpp"
#include "archive/export.hpp"

namespace archive::text {

/// Unicode Normalization Form C (canonical composition): the form archive stores text in.
[[nodiscard]] ARCHIVE_EXPORT Result<std::string> to_nfc(std::string_view text);

/// Unicode Normalization Form KC (compatibility composition): ligatures, full-width and
/// presentation forms (e.g. Arabic ﻻ) become their plain letters. The form for comparison.
[[nodiscard]] ARCHIVE_EXPORT Result<std::string> to_nfkc(std::string_view text);

/// Persian/Arabic letter unification, keeping the text readable (use it before storing
/// Persian text): Arabic yeh and alef maksura → Persian yeh (ي ى → ی), Arabic kaf → keheh
/// (ك → ک), hamzated and wasla alefs → plain alef (أ إ ٱ → ا; alef madda آ is kept), tatweel
/// removed, runs of ZWNJ collapsed and ZWNJ at a word's edge removed, Arabic-Indic and
/// Persian digits → ASCII (۱۳۲۵ → 1325). The result is NFC. Other scripts are untouched.
[[nodiscard]] ARCHIVE_EXPORT Result<std::string> unify_persian(std::string_view text);

/// The search fold, for match keys and index terms (never for display):
///  - NFKC with Unicode case folding (ẞ/ß → ss, Ⅳ → iv, full-width → ASCII);
///  - diacritics removed from Latin, Greek, Cyrillic and Arabic-script letters
///    (Bağırov → bagirov, Ёлкин → елкин, Mossadegh stays mossadegh), except the breve of
///    Russian й, which is a letter of its own; harakat (fatha, kasra, damma, shadda, sukun,
///    tanwin) removed from Persian and Arabic;
///  - letters with no decomposition folded to their base: ı ł ø đ ħ ŧ → i l o d h t,
///    æ œ þ → ae oe th;
///  - unify_persian's letter mappings, plus teh marbuta and heh variants → ه (ة ۀ ە ۃ ہ ھ),
///    all alefs (including آ) → ا, tatweel and ZWNJ/ZWJ/bidi marks removed;
///  - every decimal digit of any script → ASCII.
/// Idempotent: fold(fold(x)) == fold(x). Pure ASCII input takes a fast path.
[[nodiscard]] ARCHIVE_EXPORT Result<std::string> fold(std::string_view text);

/// fold() into a caller-owned buffer (its content is replaced, its capacity reused): the
/// allocation-free form for hot loops. `text` may view `out` itself. `out` is left empty on
/// error.
ARCHIVE_EXPORT Result<void> fold_into(std::string_view text, std::string& out);

}  // namespace archive::text
