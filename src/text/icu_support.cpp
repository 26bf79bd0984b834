#include "text/icu_support.hpp"

#include <unicode/bytestream.h>
#include <unicode/stringpiece.h>
#include <unicode/utypes.h>

#include <cstdint>

namespace archive::text::detail {

namespace {
const icu::Normalizer2* load(const char* name, UNormalization2Mode mode) noexcept {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getInstance(nullptr, name, mode, status);
  return U_SUCCESS(status) ? n : nullptr;
}
}  // namespace

const icu::Normalizer2* nfc() noexcept {
  static const icu::Normalizer2* const n = load("nfc", UNORM2_COMPOSE);
  return n;
}
const icu::Normalizer2* nfd() noexcept {
  static const icu::Normalizer2* const n = load("nfc", UNORM2_DECOMPOSE);
  return n;
}
const icu::Normalizer2* nfkc() noexcept {
  static const icu::Normalizer2* const n = load("nfkc", UNORM2_COMPOSE);
  return n;
}
const icu::Normalizer2* nfkc_casefold() noexcept {
  static const icu::Normalizer2* const n = load("nfkc_cf", UNORM2_COMPOSE);
  return n;
}

Error icu_error(std::string_view what, UErrorCode status) {
  std::string message = "ICU ";
  message += what;
  message += " failed: ";
  message += u_errorName(status);
  return make_error(ErrorCode::internal, std::move(message));
}

Result<void> normalize_utf8(const icu::Normalizer2* normalizer, std::string_view in,
                            std::string& out) {
  out.clear();
  if (normalizer == nullptr) {
    return make_error(ErrorCode::internal, "ICU normalization data is not available");
  }
  if (in.size() > static_cast<std::size_t>(INT32_MAX)) {
    return make_error(ErrorCode::invalid_argument, "text longer than 2 GiB cannot be normalized");
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(in.data(), static_cast<int32_t>(in.size()));
  if (normalizer->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    out.assign(in);
    return {};
  }
  status = U_ZERO_ERROR;
  out.reserve(in.size() + in.size() / 4);
  icu::StringByteSink<std::string> sink(&out);
  normalizer->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) {
    out.clear();
    return icu_error("normalization", status);
  }
  return {};
}

}  // namespace archive::text::detail
