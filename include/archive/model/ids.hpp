// Record ids: distinct types per record kind, so a PersonId cannot be passed where a
// DocumentId is expected: such a call does not compile.
#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "archive/error.hpp"
#include "archive/export.hpp"

namespace archive {

/// The longest id, in bytes.
inline constexpr std::size_t kMaxIdBytes = 256;

/// True for a well-formed record id: an archive's identifier as it writes it ("A00001",
/// "MS 123", "RG-59/Box 12", "Ф.17 Оп.162 Д.38"): 1–256 bytes of UTF-8 in NFC, without
/// control characters (Unicode Cc) or bidirectional controls (U+202A–U+202E, U+2066–U+2069),
/// without a leading or trailing space. Case-sensitive; kept byte for byte as given.
[[nodiscard]] ARCHIVE_EXPORT bool is_valid_id(std::string_view text) noexcept;

/// Checks an id: parse_error (invalid_utf8 for bad UTF-8) with the byte offset of the problem.
[[nodiscard]] ARCHIVE_EXPORT Result<void> check_id(std::string_view text);

/// An id of one kind of record. Regular, ordered, hashable; empty when default-constructed.
template <class Tag>
class Id {
 public:
  Id() = default;
  /// Precondition: is_valid_id(value) (use parse() for untrusted text).
  explicit Id(std::string value) : value_(std::move(value)) {}
  /// The id of untrusted text, or a parse_error saying what is wrong where.
  [[nodiscard]] static Result<Id> parse(std::string_view text) {
    if (auto r = check_id(text); !r) return std::move(r).error();
    return Id(std::string(text));
  }
  [[nodiscard]] const std::string& str() const noexcept { return value_; }
  [[nodiscard]] bool empty() const noexcept { return value_.empty(); }
  friend bool operator==(const Id&, const Id&) = default;
  friend auto operator<=>(const Id&, const Id&) = default;

 private:
  std::string value_;
};

struct DocumentTag;
struct CollectionTag;
struct PersonTag;
struct OrganizationTag;
using DocumentId = Id<DocumentTag>;
using CollectionId = Id<CollectionTag>;
using PersonId = Id<PersonTag>;
using OrganizationId = Id<OrganizationTag>;

/// An agent of a document: a person or an organization.
using AgentId = std::variant<PersonId, OrganizationId>;

/// The id text of an agent.
[[nodiscard]] inline const std::string& agent_id_text(const AgentId& id) noexcept {
  return std::visit([](const auto& v) -> const std::string& { return v.str(); }, id);
}

}  // namespace archive

template <class Tag>
struct std::hash<archive::Id<Tag>> {
  std::size_t operator()(const archive::Id<Tag>& id) const noexcept {
    return std::hash<std::string>{}(id.str());
  }
};
