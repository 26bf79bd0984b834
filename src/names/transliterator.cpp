// Placeholder until the transliteration lands: returns the text as is.
#include "archive/names/transliterator.hpp"

namespace archive {

struct Transliterator::Impl {};

std::string_view to_string(Scheme scheme) noexcept {
  switch (scheme) {
    case Scheme::bgn_pcgn:
      return "bgn-pcgn";
    case Scheme::ala_lc:
      return "ala-lc";
    case Scheme::iso9:
      return "iso9";
    case Scheme::popular:
      return "popular";
  }
  return "popular";
}

Result<Scheme> parse_scheme(std::string_view name) {
  for (Scheme s : {Scheme::bgn_pcgn, Scheme::ala_lc, Scheme::iso9, Scheme::popular}) {
    if (to_string(s) == name) return s;
  }
  return make_error(ErrorCode::invalid_argument, "unknown scheme '" + std::string(name) + "'");
}

Transliterator::Transliterator(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
Transliterator::~Transliterator() = default;
Transliterator::Transliterator(Transliterator&&) noexcept = default;
Transliterator& Transliterator::operator=(Transliterator&&) noexcept = default;

Result<Transliterator> Transliterator::create() {
  return Transliterator(std::make_unique<Impl>());
}

const Transliterator& Transliterator::shared() {
  static const Transliterator instance = std::move(create()).value();
  return instance;
}

Result<std::string> Transliterator::romanize(std::string_view text, const RomanizeOptions&) const {
  return std::string(text);
}

Result<void> Transliterator::add_persian_name(std::string_view, std::string_view, std::string_view,
                                              std::string_view) {
  return {};
}

std::size_t Transliterator::persian_lexicon_size() const noexcept {
  return 0;
}

}  // namespace archive
