// Internal: shared ICU singletons and error conversion for the text part. ICU types never
// leave src/.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/utypes.h>

#include <string>
#include <string_view>

#include "archive/error.hpp"

namespace archive::text::detail {

// The ICU normalizers archive uses. ICU owns them; they are immutable and thread-safe.
// Null only when ICU's data is missing, which icu_status() reports.
const icu::Normalizer2* nfc() noexcept;
const icu::Normalizer2* nfd() noexcept;
const icu::Normalizer2* nfkc() noexcept;
const icu::Normalizer2* nfkc_casefold() noexcept;

// An Error for a failed ICU call: "ICU <what> failed: U_..."
Error icu_error(std::string_view what, UErrorCode status);

// Normalizes valid UTF-8 `in` into `out` (replacing its content) with ICU's UTF-8 API.
Result<void> normalize_utf8(const icu::Normalizer2* normalizer, std::string_view in,
                            std::string& out);

}  // namespace archive::text::detail
