// Internal helpers shared by the interchange readers.
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "archive/error.hpp"
#include "archive/names/transliterator.hpp"

namespace archive::detail {

/// Everything left in `in`, or an io_error naming `file_name` when reading fails. The bytes
/// are read with istream::read, which turns a failing read (a directory opened as a file, a
/// device error) into badbit where std::istreambuf_iterator lets the stream buffer's exception
/// escape. Exceptions the caller enabled on `in` are off while reading; the mask is restored.
inline Result<std::string> read_all(std::istream& in, std::string_view file_name) {
  const std::ios_base::iostate mask = in.exceptions();
  in.exceptions(std::ios_base::goodbit);
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    in.read(buffer, sizeof buffer);
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (!in) break;
  }
  const bool failed = in.bad();
  try {
    in.exceptions(mask);
  } catch (const std::ios_base::failure&) {  // the state stays for the caller to see
  }
  if (failed) return make_error(ErrorCode::io_error, "cannot read " + std::string(file_name));
  return text;
}

/// `s` without leading and trailing spaces, tabs and line breaks.
inline std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return s;
}

/// The id of a person created from a bare name: "person-" and the romanized name in lower
/// case ASCII with hyphens ("Mir Jafar Bagirov" and "Мир Джафар Багиров" → similar ids),
/// at most 100 characters; "person" when nothing is left. Callers make it unique.
inline std::string person_id_from_name(std::string_view name) {
  std::string latin(name);
  if (auto r = Transliterator::shared().romanize(name)) latin = std::move(*r);
  std::string slug;
  bool dash = false;
  for (const unsigned char ch : latin) {
    const bool digit = ch >= '0' && ch <= '9';
    const bool lower = ch >= 'a' && ch <= 'z';
    const bool upper = ch >= 'A' && ch <= 'Z';
    if (digit || lower || upper) {
      if (dash && !slug.empty()) slug += '-';
      dash = false;
      slug += upper ? static_cast<char>(ch - 'A' + 'a') : static_cast<char>(ch);
    } else {
      dash = true;
    }
  }
  if (slug.size() > 100) slug.resize(100);
  while (!slug.empty() && slug.back() == '-')
    slug.pop_back();
  return slug.empty() ? std::string("person") : "person-" + slug;
}

}  // namespace archive::detail
