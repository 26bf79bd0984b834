// Internal: an enum's names, written once as a table of {value, name} pairs that gives both
// directions — to_string() and parse_*() — so the two can never disagree.
//
//   constexpr auto kKinds = detail::enum_names<RecordKind>(
//       {{RecordKind::document, "document"}, {RecordKind::collection, "collection"}, …},
//       "document");                                  // the name of a value outside the enum
//   static_assert(kKinds.valid());
//   const std::string& to_string(RecordKind kind) noexcept {
//     return detail::enum_name<kKinds>(kind);       // a std::string that lives for ever
//   }
//   kKinds.name(kind)                                // the same name as a std::string_view
//   if (auto kind = kKinds.parse(text)) …            // std::optional<RecordKind>
//   "(expected " + kKinds.expected() + ")"           // "document, collection, … or organization"
//
// The first entries name the values 0, 1, 2, … in declaration order, one entry each: the
// canonical names, which name() gives. Entries after them are aliases that parse() accepts too
// ("solar-hijri" for Calendar::persian). valid() checks that shape; use it in a static_assert.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace archive::detail {

template <class E>
struct EnumName {
  E value;
  std::string_view name;
};

template <class E, std::size_t N>
class EnumNames {
  static_assert(std::is_enum_v<E>);

 public:
  using enum_type = E;

  constexpr EnumNames(const std::array<EnumName<E>, N>& entries, std::string_view fallback)
      : entries_(entries), fallback_(fallback) {
    while (values_ < N && index_of(entries_[values_].value) == values_)
      ++values_;
  }

  /// The number of values named (the canonical entries).
  [[nodiscard]] constexpr std::size_t values() const noexcept { return values_; }

  /// The canonical name of `value`; the fallback for a value outside the table.
  [[nodiscard]] constexpr std::string_view name(E value) const noexcept {
    const auto i = index_of(value);
    return i < values_ ? entries_[i].name : fallback_;
  }

  /// The value a canonical name or an alias names; none for any other text.
  [[nodiscard]] constexpr std::optional<E> parse(std::string_view name) const noexcept {
    for (const auto& entry : entries_) {
      if (entry.name == name) return entry.value;
    }
    return std::nullopt;
  }

  /// The canonical names for a message: "a, b, c or d" (an empty name is left out).
  [[nodiscard]] std::string expected() const {
    std::size_t listed = 0;
    for (std::size_t i = 0; i < values_; ++i)
      listed += entries_[i].name.empty() ? 0 : 1;
    std::string out;
    for (std::size_t i = 0, n = 0; i < values_; ++i) {
      if (entries_[i].name.empty()) continue;
      if (n > 0) out += n + 1 == listed ? " or " : ", ";
      out += entries_[i].name;
      ++n;
    }
    return out;
  }

  /// Every canonical entry names its value in order, each alias names a value the table names,
  /// and no name appears twice.
  [[nodiscard]] constexpr bool valid() const noexcept {
    for (std::size_t i = values_; i < N; ++i) {
      if (index_of(entries_[i].value) >= values_) return false;
    }
    for (std::size_t i = 0; i < N; ++i) {
      for (std::size_t j = i + 1; j < N; ++j) {
        if (entries_[i].name == entries_[j].name) return false;
      }
    }
    return values_ > 0;
  }

  /// The name of each position: the canonical names, then (at values()) the fallback.
  [[nodiscard]] std::array<std::string, N + 1> strings() const {
    std::array<std::string, N + 1> out;
    for (std::size_t i = 0; i < values_; ++i)
      out[i] = std::string(entries_[i].name);
    out[values_] = std::string(fallback_);
    return out;
  }

  /// The position name() looks `value` up at: its underlying value, values() when outside.
  [[nodiscard]] constexpr std::size_t position(E value) const noexcept {
    const auto i = index_of(value);
    return i < values_ ? i : values_;
  }

 private:
  static constexpr std::size_t index_of(E value) noexcept {
    const auto raw = static_cast<std::underlying_type_t<E>>(value);
    if constexpr (std::is_signed_v<std::underlying_type_t<E>>) {
      if (raw < 0) return N;
    }
    return static_cast<std::size_t>(raw);
  }

  std::array<EnumName<E>, N> entries_;
  std::string_view fallback_;
  std::size_t values_ = 0;
};

/// The table of `E`'s names (see above); `fallback` is the name of a value outside it.
template <class E, std::size_t N>
constexpr EnumNames<E, N> enum_names(const EnumName<E> (&entries)[N], std::string_view fallback) {
  std::array<EnumName<E>, N> copy{};
  for (std::size_t i = 0; i < N; ++i)
    copy[i] = entries[i];
  return EnumNames<E, N>(copy, fallback);
}

/// The canonical name of `value` in `Table` (its fallback for a value outside it) as a
/// std::string that lives until the program ends, so that it joins other strings with + and
/// can be kept by reference. The strings are made once, on first use (thread-safe); only an
/// allocation failure then could throw, and it ends the program.
template <const auto& Table>
const std::string& enum_name(
    typename std::remove_cvref_t<decltype(Table)>::enum_type value) noexcept {
  static_assert(Table.valid(), "an enum's names: one per value in order, then aliases, no repeats");
  static const auto strings = Table.strings();
  return strings[Table.position(value)];
}

}  // namespace archive::detail
