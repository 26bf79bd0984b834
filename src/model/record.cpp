// Record, RecordKind and RecordKey: one record of any kind, and check_record().
#include "archive/model/record.hpp"

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "archive/text/utf8.hpp"
#include "detail/enum_names.hpp"
#include "model/record_fields.hpp"

namespace archive {

namespace {

constexpr auto kRecordKinds =
    detail::enum_names<RecordKind>({{RecordKind::document, "document"},
                                    {RecordKind::collection, "collection"},
                                    {RecordKind::person, "person"},
                                    {RecordKind::organization, "organization"}},
                                   "document");
static_assert(kRecordKinds.valid());

}  // namespace

const std::string& to_string(RecordKind kind) noexcept {
  return detail::enum_name<kRecordKinds>(kind);
}

Result<RecordKind> parse_record_kind(std::string_view name) {
  if (auto kind = kRecordKinds.parse(name)) return *kind;
  return make_error(
      ErrorCode::invalid_argument,
      "unknown record kind '" + std::string(name) + "' (expected " + kRecordKinds.expected() + ")");
}

RecordKind kind_of(const Record& record) noexcept {
  return static_cast<RecordKind>(record.index());
}

void add_to(Records& records, Record record) {
  std::visit(
      [&](auto&& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Document>) records.documents.push_back(std::move(r));
        if constexpr (std::is_same_v<T, Collection>) records.collections.push_back(std::move(r));
        if constexpr (std::is_same_v<T, Person>) records.people.push_back(std::move(r));
        if constexpr (std::is_same_v<T, Organization>) {
          records.organizations.push_back(std::move(r));
        }
      },
      std::move(record));
}

RecordKey key_of(const Record& record) {
  return std::visit([](const auto& r) { return key_of(r.id); }, record);
}

namespace {

// The walk over a record's fields (record_fields.hpp), stopping at the first problem. A store
// keeps references to other records as given, so only their text is checked here.
class RecordChecker {
 public:
  Result<void> check(const Record& record) {
    std::visit([this](const auto& r) { detail::walk_fields(*this, r); }, record);
    if (failed_) return std::move(*failed_);
    return {};
  }

  void own_id(std::string_view field, std::string_view value) {
    if (failed_) return;
    if (auto r = check_id(value); !r) {
      failed_ =
          make_error(ErrorCode::invalid_argument, std::string(field) + ": " + r.error().describe());
    }
  }
  void reference(std::string_view field, std::string_view value) { text(field, value); }
  void text(std::string_view field, std::string_view value) {
    if (failed_) return;
    if (auto r = text::validate_utf8(value); !r) {
      failed_ = make_error(ErrorCode::invalid_argument,
                           std::string(field) + ": not valid UTF-8 (at byte " +
                               std::to_string(r.error().offset.value_or(0)) + ")");
    }
  }
  void date(std::string_view field, const FuzzyDate& value) {
    text(std::string(field) + ".original", value.provenance().original);
    text(std::string(field) + ".note", value.provenance().note);
  }
  void name(std::string_view field, const NameVariant& value) {
    text(std::string(field) + ".form", value.form);
    text(std::string(field) + ".source", value.source);
  }

 private:
  std::optional<Error> failed_;
};

}  // namespace

Result<void> check_record(const Record& record) {
  return RecordChecker{}.check(record);
}

}  // namespace archive
