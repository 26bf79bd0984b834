// The snapshot file format: Boost.Serialization of the records, and the frame around them.
//
// The payload is a Boost text archive, not the binary one: the binary archive writes native
// sizes and byte order, so a file written on one architecture need not read on another, while
// the text archive is portable (and a catalog outlives its hardware). Measured on 100,000
// documents (Release, docs/snapshot.md) the text archive encodes as fast as the binary one
// (≈300 ms), decodes ≈15% slower (≈390 ms against ≈340 ms) and makes a smaller file (42 MB
// against 57 MB), so portability wins. The stream is imbued with the classic locale and the archive
// opened with no_codecvt, so neither the user's locale nor a code conversion facet changes the
// bytes.
//
// Every serialized class has a BOOST_CLASS_VERSION (written once per file) and is never
// tracked (records are values, never shared by pointer). A new field or a new enumerator is a
// new class version: load() branches on the version, and an older build refuses the file with
// unsupported (Boost's unsupported_class_version) instead of misreading it.
//
// The reader is Boost's text archive with one change (CheckedIarchive): a length read from
// the payload is never trusted further than the bytes left in it. Boost's own text_iarchive
// resizes a string to the length it reads, and a vector to the count it reads, before reading
// their contents, so a forged length (with the checksum recomputed) made it allocate
// gigabytes for a file of kilobytes.
#include "snapshot_format.hpp"

#include <algorithm>
#include <array>
#include <boost/archive/archive_exception.hpp>
#include <boost/archive/detail/archive_serializer_map.hpp>
#include <boost/archive/impl/archive_serializer_map.ipp>
#include <boost/archive/impl/basic_text_iarchive.ipp>
#include <boost/archive/impl/text_iarchive_impl.ipp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/collection_size_type.hpp>
#include <boost/serialization/item_version_type.hpp>
#include <boost/serialization/level.hpp>
#include <boost/serialization/library_version_type.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/vector.hpp>
#include <boost/serialization/version.hpp>
#include <boost/version.hpp>
#include <charconv>
#include <istream>
#include <limits>
#include <locale>
#include <new>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <type_traits>
#include <utility>
#include <variant>

namespace archive::detail::snapshot {

namespace {

/// Thrown by the load functions below for a payload that parses but makes no sense; caught
/// in decode() and reported as corrupt.
class Malformed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Thrown when a class in the payload has a newer version than this build's: Boost 1.74 no
/// longer checks it (the check in iserializer.hpp is compiled out), so every load() does.
class NewerVersion : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

template <class T>
void check_version(unsigned version, const char* name) {
  constexpr unsigned kCurrent = boost::serialization::version<T>::value;
  if (version > kCurrent) {
    throw NewerVersion(std::string(name) + " is at class version " + std::to_string(version) +
                       ", this build reads up to " + std::to_string(kCurrent));
  }
}

template <class E>
unsigned enum_value(E value) {
  return static_cast<unsigned>(value);
}

template <class E>
E enum_from(unsigned value, E last, const char* what) {
  if (value > static_cast<unsigned>(last)) {
    throw Malformed(std::string(what) + " " + std::to_string(value) + " is out of range");
  }
  return static_cast<E>(value);
}

// Bytes as a message can show them: printable ASCII as is, the rest as \xNN, at most `limit`.
std::string printable(std::string_view bytes, std::size_t limit = 40) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  for (std::size_t i = 0; i < bytes.size() && i < limit; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      text += static_cast<char>(c);
    } else {
      text += "\\x";
      text += kHex[c >> 4];
      text += kHex[c & 0xF];
    }
  }
  if (bytes.size() > limit) text += "…";
  return text;
}

// A view of bytes as an input stream buffer, so the payload is parsed in place.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view bytes) {
    // std::streambuf wants char*; nothing writes through it (no put area, no putback).
    auto* begin = const_cast<char*>(bytes.data());
    setg(begin, begin, begin + bytes.size());
  }
  /// Bytes read so far, and bytes not read yet.
  [[nodiscard]] std::size_t consumed() const { return static_cast<std::size_t>(gptr() - eback()); }
  [[nodiscard]] std::size_t remaining() const { return static_cast<std::size_t>(egptr() - gptr()); }
};

/// Boost's text input archive, except that a length read from the payload is checked against
/// the bytes left in it before anything is allocated for it: a string of N bytes needs N bytes
/// left, a list of N items (and a count of N records) at least N, since every item takes at
/// least one byte. A longer one is Malformed, naming the record being read and the byte.
class CheckedIarchive : public boost::archive::text_iarchive_impl<CheckedIarchive> {
 public:
  /// Reads the archive in `in`, whose bytes are `buffer`'s; `file_offset` is where the payload
  /// starts in the file (for messages). Reads the archive's own header at once.
  CheckedIarchive(std::istream& in, const ViewBuffer& buffer, std::size_t file_offset)
      : text_iarchive_impl(in, boost::archive::no_codecvt),
        buffer_(buffer),
        file_offset_(file_offset) {
    init();
  }

  /// Bytes of the payload not read yet.
  [[nodiscard]] std::size_t remaining() const { return buffer_.remaining(); }

  /// What is being read, for messages: the count of records of `kind` (index 0), or record
  /// `index` of `count`.
  void set_context(RecordKind kind, std::uint64_t index = 0, std::uint64_t count = 0) {
    kind_ = to_string(kind);
    index_ = index;
    count_ = count;
    id_.clear();
  }
  /// The id of the record being read, once it is known.
  void set_record_id(const std::string& id) { id_.assign(id); }

  /// Refuses a length of `count` read just now unless the payload has at least `count` bytes
  /// left; `what` and `unit` name it in the message ("a list of", "items").
  void check_length(std::uint64_t count, const char* what, const char* unit) const {
    if (count <= remaining()) return;
    throw Malformed(context() + ": " + what + " " + std::to_string(count) + " " + unit +
                    " at byte " + std::to_string(file_offset_ + buffer_.consumed()) +
                    " of the file, where " + std::to_string(remaining()) +
                    " bytes of the payload remain");
  }

  // The archive's load functions (Boost calls them); the one for strings is checked.
  template <class T>
  void load(T& t) {
    text_iarchive_impl::load(t);
  }
  void load(std::string& s) {
    // As text_iarchive_impl::load(std::string&) reads it: the length, a space, the bytes.
    std::size_t size = 0;
    *this >> size;
    is.get();
    check_length(size, "a text of", "bytes");
    s.resize(size);
    if (size > 0) is.read(s.data(), static_cast<std::streamsize>(size));
  }

 private:
  // "document 3 of 42 ('doc-00000002')", built only for a message.
  [[nodiscard]] std::string context() const {
    const std::string kind(kind_);
    if (kind.empty()) return "the payload's own header";
    if (index_ == 0) return "the count of " + kind + " records";
    auto text = kind + " " + std::to_string(index_) + " of " + std::to_string(count_);
    if (!id_.empty()) text += " ('" + printable(id_) + "')";
    return text;
  }

  const ViewBuffer& buffer_;
  std::size_t file_offset_;
  std::string_view kind_;  // empty: the archive's own header
  std::uint64_t index_ = 0;
  std::uint64_t count_ = 0;
  std::string id_;
};

// A record's id, once read, names the record in messages about the rest of it.
template <class Ar, class Tag>
void note_id(Ar& ar, const Id<Tag>& id) {
  if constexpr (std::is_same_v<Ar, CheckedIarchive>) ar.set_record_id(id.str());
}

}  // namespace

}  // namespace archive::detail::snapshot

// The reader's archive is a Boost archive of its own: its templates are instantiated here,
// as Boost's library does for text_iarchive.
template class boost::archive::detail::archive_serializer_map<
    ::archive::detail::snapshot::CheckedIarchive>;
template class boost::archive::basic_text_iarchive<::archive::detail::snapshot::CheckedIarchive>;
template class boost::archive::text_iarchive_impl<::archive::detail::snapshot::CheckedIarchive>;

// Classes with a version: the class version is written once per file. Version 1 is the layout
// of snapshot format 1.
BOOST_CLASS_VERSION(::archive::Document, 1)
BOOST_CLASS_VERSION(::archive::Collection, 1)
BOOST_CLASS_VERSION(::archive::Person, 1)
BOOST_CLASS_VERSION(::archive::Organization, 1)
BOOST_CLASS_VERSION(::archive::NameVariant, 1)
BOOST_CLASS_VERSION(::archive::AgentLink, 1)
BOOST_CLASS_VERSION(::archive::Position, 1)
BOOST_CLASS_VERSION(::archive::AuthorityIds, 1)
BOOST_CLASS_VERSION(::archive::SourceCitation, 1)
BOOST_CLASS_VERSION(::archive::FuzzyDate, 1)
BOOST_CLASS_TRACKING(::archive::Document, boost::serialization::track_never)
BOOST_CLASS_TRACKING(::archive::Collection, boost::serialization::track_never)
BOOST_CLASS_TRACKING(::archive::Person, boost::serialization::track_never)
BOOST_CLASS_TRACKING(::archive::Organization, boost::serialization::track_never)
BOOST_CLASS_TRACKING(::archive::NameVariant, boost::serialization::track_never)
BOOST_CLASS_TRACKING(::archive::AgentLink, boost::serialization::track_never)
BOOST_CLASS_TRACKING(::archive::Position, boost::serialization::track_never)
BOOST_CLASS_TRACKING(::archive::AuthorityIds, boost::serialization::track_never)
BOOST_CLASS_TRACKING(::archive::SourceCitation, boost::serialization::track_never)
BOOST_CLASS_TRACKING(::archive::FuzzyDate, boost::serialization::track_never)

// Ids, timestamps and optional fields are part of the class that holds them (their layout is
// that class's version): serialized inline, without class information or tracking.
#define ARCHIVE_SNAPSHOT_INLINE(T)                                         \
  BOOST_CLASS_IMPLEMENTATION(T, boost::serialization::object_serializable) \
  BOOST_CLASS_TRACKING(T, boost::serialization::track_never)
ARCHIVE_SNAPSHOT_INLINE(::archive::DocumentId)
ARCHIVE_SNAPSHOT_INLINE(::archive::CollectionId)
ARCHIVE_SNAPSHOT_INLINE(::archive::PersonId)
ARCHIVE_SNAPSHOT_INLINE(::archive::OrganizationId)
ARCHIVE_SNAPSHOT_INLINE(::archive::Timestamp)
ARCHIVE_SNAPSHOT_INLINE(std::optional<::archive::Timestamp>)
ARCHIVE_SNAPSHOT_INLINE(std::optional<::archive::CollectionId>)
ARCHIVE_SNAPSHOT_INLINE(std::optional<::archive::OrganizationId>)
#undef ARCHIVE_SNAPSHOT_INLINE

// The non-intrusive serialize functions, where Boost.Serialization looks for them.
namespace boost::serialization {

namespace wire = ::archive::detail::snapshot;

// Lists, as the reader loads them (more specialized than the load of
// boost/serialization/vector.hpp, which still writes them): the same format — count, item
// version, items — with the count checked against the bytes left before anything is
// allocated, and memory reserved only as far as those bytes could fill it.
template <class U, class Allocator>
void load(wire::CheckedIarchive& ar, std::vector<U, Allocator>& items, const unsigned int) {
  collection_size_type count;
  ar >> BOOST_SERIALIZATION_NVP(count);
  item_version_type item_version(0);
  if (library_version_type(3) < ar.get_library_version()) {
    ar >> BOOST_SERIALIZATION_NVP(item_version);
  }
  const auto n = static_cast<std::size_t>(std::as_const(count));
  ar.check_length(n, "a list of", "items");
  items.clear();
  items.reserve(std::min(n, ar.remaining() / sizeof(U)));
  for (std::size_t i = 0; i < n; ++i) {
    items.emplace_back();
    ar >> make_nvp("item", items.back());
  }
}

// Ids: their text. A record's own id is checked after loading (check_record); references to
// other records are kept as given, as every backend keeps them.
template <class Ar, class Tag>
void save(Ar& ar, const ::archive::Id<Tag>& id, unsigned /*version*/) {
  ar << id.str();
}
template <class Ar, class Tag>
void load(Ar& ar, ::archive::Id<Tag>& id, unsigned /*version*/) {
  std::string text;
  ar >> text;
  id = ::archive::Id<Tag>(std::move(text));
}
template <class Ar, class Tag>
void serialize(Ar& ar, ::archive::Id<Tag>& id, unsigned version) {
  split_free(ar, id, version);
}

// Timestamps: whole seconds since 1970-01-01 UTC.
template <class Ar>
void save(Ar& ar, const ::archive::Timestamp& time, unsigned /*version*/) {
  const std::int64_t seconds = time.time_since_epoch().count();
  ar << seconds;
}
template <class Ar>
void load(Ar& ar, ::archive::Timestamp& time, unsigned /*version*/) {
  std::int64_t seconds = 0;
  ar >> seconds;
  time = ::archive::Timestamp{std::chrono::seconds{seconds}};
}
template <class Ar>
void serialize(Ar& ar, ::archive::Timestamp& time, unsigned version) {
  split_free(ar, time, version);
}

// Optional fields: a flag, then the value when there is one.
template <class Ar, class T>
void save(Ar& ar, const std::optional<T>& value, unsigned /*version*/) {
  const bool present = value.has_value();
  ar << present;
  if (present) ar << *value;
}
template <class Ar, class T>
void load(Ar& ar, std::optional<T>& value, unsigned /*version*/) {
  bool present = false;
  ar >> present;
  if (present) {
    T loaded;
    ar >> loaded;
    value = std::move(loaded);
  } else {
    value.reset();
  }
}
template <class Ar, class T>
void serialize(Ar& ar, std::optional<T>& value, unsigned version) {
  split_free(ar, value, version);
}

// A fuzzy date: its canonical EDTF text (empty when undated) and its provenance; parse_edtf
// reads the text back. encode() checks that every date reads back before it writes a file.
template <class Ar>
void save(Ar& ar, const ::archive::FuzzyDate& date, unsigned /*version*/) {
  const std::string edtf = date.to_edtf();
  const auto& provenance = date.provenance();
  const unsigned calendar = wire::enum_value(provenance.calendar);
  ar << edtf << provenance.original << calendar << provenance.note;
}
template <class Ar>
void load(Ar& ar, ::archive::FuzzyDate& date, unsigned version) {
  wire::check_version<::archive::FuzzyDate>(version, "FuzzyDate");
  std::string edtf;
  ::archive::Provenance provenance;
  unsigned calendar = 0;
  ar >> edtf >> provenance.original >> calendar >> provenance.note;
  provenance.calendar = wire::enum_from(calendar, ::archive::Calendar::hijri, "calendar");
  if (edtf.empty()) {
    date = ::archive::FuzzyDate{};
  } else {
    auto parsed = ::archive::parse_edtf(edtf);
    if (!parsed) {
      throw wire::Malformed("date '" + edtf + "' does not parse: " + parsed.error().describe());
    }
    date = std::move(*parsed);
  }
  date.set_provenance(std::move(provenance));
}
template <class Ar>
void serialize(Ar& ar, ::archive::FuzzyDate& date, unsigned version) {
  split_free(ar, date, version);
}

// An agent link: the agent's kind (0 person, 1 organization), its id and its role.
template <class Ar>
void save(Ar& ar, const ::archive::AgentLink& link, unsigned /*version*/) {
  const unsigned kind = static_cast<unsigned>(link.id.index());
  const unsigned role = wire::enum_value(link.role);
  ar << kind << ::archive::agent_id_text(link.id) << role;
}
template <class Ar>
void load(Ar& ar, ::archive::AgentLink& link, unsigned version) {
  wire::check_version<::archive::AgentLink>(version, "AgentLink");
  unsigned kind = 0;
  std::string id;
  unsigned role = 0;
  ar >> kind >> id >> role;
  if (kind == 0) {
    link.id = ::archive::PersonId(std::move(id));
  } else if (kind == 1) {
    link.id = ::archive::OrganizationId(std::move(id));
  } else {
    throw wire::Malformed("agent kind " + std::to_string(kind) + " is out of range");
  }
  link.role = wire::enum_from(role, ::archive::AgentRole::mentioned, "agent role");
}
template <class Ar>
void serialize(Ar& ar, ::archive::AgentLink& link, unsigned version) {
  split_free(ar, link, version);
}

// A name variant: the form, its script, its romanization scheme (flag, value) and source.
template <class Ar>
void save(Ar& ar, const ::archive::NameVariant& name, unsigned /*version*/) {
  const unsigned script = wire::enum_value(name.script);
  const bool has_scheme = name.scheme.has_value();
  const unsigned scheme = has_scheme ? wire::enum_value(*name.scheme) : 0;
  ar << name.form << script << has_scheme << scheme << name.source;
}
template <class Ar>
void load(Ar& ar, ::archive::NameVariant& name, unsigned version) {
  wire::check_version<::archive::NameVariant>(version, "NameVariant");
  unsigned script = 0;
  bool has_scheme = false;
  unsigned scheme = 0;
  ar >> name.form >> script >> has_scheme >> scheme >> name.source;
  name.script = wire::enum_from(script, ::archive::text::Script::other, "script");
  name.scheme.reset();
  if (has_scheme) name.scheme = wire::enum_from(scheme, ::archive::Scheme::popular, "scheme");
}
template <class Ar>
void serialize(Ar& ar, ::archive::NameVariant& name, unsigned version) {
  split_free(ar, name, version);
}

template <class Ar>
void serialize(Ar& ar, ::archive::SourceCitation& source, unsigned version) {
  wire::check_version<::archive::SourceCitation>(version, "SourceCitation");
  ar& source.repository& source.reference;
}

template <class Ar>
void serialize(Ar& ar, ::archive::AuthorityIds& ids, unsigned version) {
  wire::check_version<::archive::AuthorityIds>(version, "AuthorityIds");
  ar& ids.viaf& ids.wikidata& ids.lcnaf;
}

template <class Ar>
void serialize(Ar& ar, ::archive::Position& position, unsigned version) {
  wire::check_version<::archive::Position>(version, "Position");
  ar& position.title& position.organization& position.date;
}

template <class Ar>
void serialize(Ar& ar, ::archive::Document& d, unsigned version) {
  wire::check_version<::archive::Document>(version, "Document");
  ar& d.id;
  wire::note_id(ar, d.id);
  ar& d.title& d.date& d.date_error& d.summary& d.doc_type& d.languages;
  ar& d.translations& d.agents& d.places& d.subjects& d.collections& d.source;
  ar& d.classification& d.rights& d.related& d.views& d.created& d.modified;
}

template <class Ar>
void serialize(Ar& ar, ::archive::Collection& c, unsigned version) {
  wire::check_version<::archive::Collection>(version, "Collection");
  ar& c.id;
  wire::note_id(ar, c.id);
  ar& c.title& c.description& c.image_caption& c.parent& c.related& c.documents;
}

template <class Ar>
void serialize(Ar& ar, ::archive::Person& p, unsigned version) {
  wire::check_version<::archive::Person>(version, "Person");
  ar& p.id;
  wire::note_id(ar, p.id);
  ar& p.name& p.variants& p.born& p.died& p.positions& p.affiliations;
  ar& p.identifiers& p.note;
}

template <class Ar>
void serialize(Ar& ar, ::archive::Organization& o, unsigned version) {
  wire::check_version<::archive::Organization>(version, "Organization");
  ar& o.id;
  wire::note_id(ar, o.id);
  ar& o.name& o.variants& o.existed& o.parent& o.identifiers;
}

}  // namespace boost::serialization

namespace archive::detail::snapshot {

namespace {

constexpr std::string_view kTrailerPrefix = "\nchecksum fnv1a64 ";
constexpr std::size_t kTrailerSize = kTrailerPrefix.size() + 16 + 1;
constexpr std::size_t kMaxHeaderLine = 256;

std::string hex16(std::uint64_t value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4)
    text[static_cast<std::size_t>(i)] = kHex[value & 0xF];
  return text;
}

Error corrupt(const std::string& path, const std::string& what) {
  return make_error(ErrorCode::corrupt, "snapshot file '" + path + "': " + what);
}

// What a file that is not a snapshot seems to be, for the message.
std::string describe_foreign(std::string_view bytes) {
  struct Signature {
    std::string_view prefix;
    const char* what;
  };
  static constexpr Signature kSignatures[] = {
      {std::string_view("SQLite format 3\0", 16), "an SQLite database"},
      {"\x89PNG\r\n\x1A\n", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"%PDF-", "a PDF document"},
      {"\x1F\x8B", "gzip-compressed data"},
      {"PK\x03\x04", "a ZIP archive"},
      {"22 serialization::archive", "a bare Boost.Serialization archive without the frame"},
      {"{", "text that looks like JSON"},
  };
  for (const auto& signature : kSignatures) {
    if (bytes.starts_with(signature.prefix)) {
      return std::string("not an archive snapshot: it looks like ") + signature.what;
    }
  }
  return "not an archive snapshot: it starts with '" + printable(bytes, 16) + "'";
}

template <class T>
bool parse_number(std::string_view text, T& value) {
  if (text.empty() || text.front() < '0' || text.front() > '9') return false;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc{} && ptr == end;
}

bool valid_instance_id(std::string_view text) {
  if (text.empty() || text.size() > 128) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-')) return false;
  }
  return true;
}

// Reads the header line "key value\n" at `pos`; its value, or why it is not there.
Result<std::string_view> header_field(std::string_view bytes, std::size_t& pos,
                                      std::string_view key, const std::string& path) {
  const auto rest = bytes.substr(pos);
  const auto newline = rest.substr(0, kMaxHeaderLine).find('\n');
  if (newline == std::string_view::npos) {
    if (rest.size() < kMaxHeaderLine) {
      return corrupt(path, "truncated in the header (the file ends after " +
                               std::to_string(bytes.size()) + " bytes)");
    }
    return corrupt(path, "the header line '" + std::string(key) + " …' is missing or too long");
  }
  const auto line = rest.substr(0, newline);
  if (!line.starts_with(key) || line.size() <= key.size() + 1 || line[key.size()] != ' ') {
    return corrupt(path, "expected the header line '" + std::string(key) + " …', found '" +
                             printable(line) + "'");
  }
  pos += newline + 1;
  return line.substr(key.size() + 1);
}

template <class T>
void save_kind(boost::archive::text_oarchive& out, const VersionedRecords::State& state) {
  std::uint64_t count = 0;
  for (const auto& record : state)
    count += std::holds_alternative<T>(*record) ? 1 : 0;
  out << count;
  for (const auto& record : state) {
    if (const auto* value = std::get_if<T>(record.get())) out << *value;
  }
}

template <class T>
void load_kind(CheckedIarchive& in, std::vector<T>& records, RecordKind kind) {
  in.set_context(kind);
  std::uint64_t count = 0;
  in >> count;
  // Every record takes more than a byte: a larger count is damage, not a reason to allocate;
  // and memory is reserved only for as many records as the bytes left could hold.
  in.check_length(count, "a count of", "records");
  records.reserve(std::min(static_cast<std::size_t>(count), in.remaining() / sizeof(T)));
  for (std::uint64_t i = 0; i < count; ++i) {
    in.set_context(kind, i + 1, count);
    T record;
    in >> record;
    records.push_back(std::move(record));
  }
}

// Every loaded record passes check_record, and ids ascend strictly within a kind.
template <class T>
Result<void> check_kind(std::vector<T>& records, RecordKind kind, const std::string& path) {
  for (std::size_t i = 0; i < records.size(); ++i) {
    Record record(std::move(records[i]));
    auto checked = check_record(record);
    records[i] = std::move(std::get<T>(record));
    const auto& id = records[i].id.str();
    if (!checked) {
      return corrupt(path, std::string(to_string(kind)) + " '" + printable(id) +
                               "': " + checked.error().message);
    }
    if (i > 0 && !(records[i - 1].id.str() < id)) {
      return corrupt(path,
                     std::string(to_string(kind)) + " '" + id + "' is out of order or repeated");
    }
  }
  return {};
}

// Every date must read back as itself: a file is never written that its reader would refuse.
Result<void> check_dates_read_back(const VersionedRecords::State& state) {
  auto check = [](const FuzzyDate& date, const Record& record) -> Result<void> {
    if (date.is_undated()) return {};
    const auto text = date.to_edtf();
    auto parsed = parse_edtf(text);
    if (parsed && *parsed == date) return {};
    const auto key = key_of(record);
    // to_edtf() promises that parse_edtf() reads its text back as an equal date; if it ever
    // does not, refuse to write rather than write a file that will not open.
    return make_error(ErrorCode::internal,
                      std::string(to_string(key.kind)) + " '" + key.id + "': the date '" + text +
                          "' does not read back as the same date, so the snapshot is not "
                          "written (a bug in FuzzyDate::to_edtf or parse_edtf)");
  };
  for (const auto& ptr : state) {
    const auto& record = *ptr;
    Result<void> r;
    if (const auto* d = std::get_if<Document>(&record)) {
      r = check(d->date, record);
    } else if (const auto* p = std::get_if<Person>(&record)) {
      r = check(p->born, record);
      if (r) r = check(p->died, record);
      for (std::size_t i = 0; r && i < p->positions.size(); ++i)
        r = check(p->positions[i].date, record);
    } else if (const auto* o = std::get_if<Organization>(&record)) {
      r = check(o->existed, record);
    }
    if (!r) return r;
  }
  return {};
}

}  // namespace

std::string commit_id_of(std::string_view file) {
  constexpr std::size_t kDigits = 16;
  const auto trailer = kTrailerPrefix.size() + kDigits + 1;
  if (file.size() < trailer || file.back() != '\n') return {};
  const auto tail = file.substr(file.size() - trailer);
  if (!tail.starts_with(kTrailerPrefix)) return {};
  return std::string(tail.substr(kTrailerPrefix.size(), kDigits));
}

std::uint64_t fnv1a64(std::string_view bytes) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

Result<std::string> encode(const VersionedRecords::State& state, std::uint64_t generation,
                           const std::string& instance_id) {
  try {
    if (auto r = check_dates_read_back(state); !r) return std::move(r).error();
    std::ostringstream out;
    out.imbue(std::locale::classic());
    {
      boost::archive::text_oarchive archive(out, boost::archive::no_codecvt);
      save_kind<Document>(archive, state);
      save_kind<Collection>(archive, state);
      save_kind<Person>(archive, state);
      save_kind<Organization>(archive, state);
    }  // the archive's destructor ends its last line
    if (!out) return make_error(ErrorCode::internal, "cannot serialize the snapshot");
    const std::string payload = std::move(out).str();

    std::string file;
    file.reserve(payload.size() + 160);
    file += kMagic;
    file += "format " + std::to_string(kFormatVersion) + "\n";
    file += "generation " + std::to_string(generation) + "\n";
    file += "instance " + instance_id + "\n";
    file += "payload " + std::to_string(payload.size()) + "\n";
    file += payload;
    const auto checksum = fnv1a64(file);
    file += kTrailerPrefix;
    file += hex16(checksum);
    file += '\n';
    return file;
  } catch (const std::exception& e) {
    return make_error(ErrorCode::internal,
                      std::string("cannot serialize the snapshot: ") + e.what());
  }
}

Result<Contents> decode(std::string_view bytes, const std::string& path) {
  try {
    if (bytes.empty()) return corrupt(path, "the file is empty (0 bytes)");
    if (!bytes.starts_with(kMagic)) {
      if (kMagic.starts_with(bytes)) {
        return corrupt(path, "truncated in the header (the file ends after " +
                                 std::to_string(bytes.size()) + " bytes)");
      }
      return corrupt(path, describe_foreign(bytes));
    }
    std::size_t pos = kMagic.size();

    auto format_text = header_field(bytes, pos, "format", path);
    if (!format_text) return std::move(format_text).error();
    std::uint32_t format = 0;
    if (!parse_number(*format_text, format) || format == 0) {
      return corrupt(path, "bad format version '" + printable(*format_text) + "'");
    }
    if (format > kFormatVersion) {
      return make_error(ErrorCode::unsupported,
                        "snapshot file '" + path +
                            "': written by a newer version of archive: format " +
                            std::to_string(format) + ", this build reads up to " +
                            std::to_string(kFormatVersion));
    }

    Contents contents;
    auto generation_text = header_field(bytes, pos, "generation", path);
    if (!generation_text) return std::move(generation_text).error();
    if (!parse_number(*generation_text, contents.generation)) {
      return corrupt(path, "bad generation '" + printable(*generation_text) + "'");
    }
    auto instance_text = header_field(bytes, pos, "instance", path);
    if (!instance_text) return std::move(instance_text).error();
    if (!valid_instance_id(*instance_text)) {
      return corrupt(path, "bad instance id '" + printable(*instance_text) + "'");
    }
    contents.instance_id = std::string(*instance_text);
    auto length_text = header_field(bytes, pos, "payload", path);
    if (!length_text) return std::move(length_text).error();
    std::uint64_t length = 0;
    if (!parse_number(*length_text, length)) {
      return corrupt(path, "bad payload length '" + printable(*length_text) + "'");
    }

    const std::uint64_t header_size = pos;
    constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
    if (length > kMax - header_size - kTrailerSize) {
      return corrupt(path, "impossible payload length " + std::to_string(length));
    }
    const std::uint64_t expected = header_size + length + kTrailerSize;
    if (bytes.size() < expected) {
      return corrupt(path, "truncated: the file has " + std::to_string(bytes.size()) +
                               " bytes, its header promises " + std::to_string(expected));
    }
    if (bytes.size() > expected) {
      return corrupt(path, std::to_string(bytes.size() - expected) +
                               " unexpected bytes after the end of the snapshot (expected " +
                               std::to_string(expected) + " bytes in all)");
    }
    const auto body_size = static_cast<std::size_t>(header_size + length);
    const auto trailer = bytes.substr(body_size);
    const auto stored_text = trailer.substr(kTrailerPrefix.size(), 16);
    std::uint64_t stored = 0;
    const auto [ptr, ec] =
        std::from_chars(stored_text.data(), stored_text.data() + stored_text.size(), stored, 16);
    if (!trailer.starts_with(kTrailerPrefix) || trailer.back() != '\n' || ec != std::errc{} ||
        ptr != stored_text.data() + stored_text.size() || hex16(stored) != stored_text) {
      return corrupt(
          path, "the checksum line at the end is damaged ('" + printable(trailer.substr(1)) + "')");
    }
    const auto computed = fnv1a64(bytes.substr(0, body_size));
    if (computed != stored) {
      return corrupt(path, "checksum mismatch (stored " + hex16(stored) + ", computed " +
                               hex16(computed) + "): the file is damaged");
    }

    const auto payload =
        bytes.substr(static_cast<std::size_t>(header_size), static_cast<std::size_t>(length));
    ViewBuffer buffer(payload);
    std::istream in(&buffer);
    in.imbue(std::locale::classic());
    {
      CheckedIarchive archive(in, buffer, static_cast<std::size_t>(header_size));
      load_kind(archive, contents.records.documents, RecordKind::document);
      load_kind(archive, contents.records.collections, RecordKind::collection);
      load_kind(archive, contents.records.people, RecordKind::person);
      load_kind(archive, contents.records.organizations, RecordKind::organization);
    }
    in >> std::ws;
    if (in.peek() != std::char_traits<char>::eof()) {
      return corrupt(path, "unexpected data after the last record of the payload");
    }
    if (auto r = check_kind(contents.records.documents, RecordKind::document, path); !r) {
      return std::move(r).error();
    }
    if (auto r = check_kind(contents.records.collections, RecordKind::collection, path); !r) {
      return std::move(r).error();
    }
    if (auto r = check_kind(contents.records.people, RecordKind::person, path); !r) {
      return std::move(r).error();
    }
    if (auto r = check_kind(contents.records.organizations, RecordKind::organization, path); !r) {
      return std::move(r).error();
    }
    return contents;
  } catch (const boost::archive::archive_exception& e) {
    if (e.code == boost::archive::archive_exception::unsupported_version) {
      return make_error(ErrorCode::unsupported,
                        "snapshot file '" + path +
                            "': its payload was written by a newer Boost.Serialization than "
                            "this build's (Boost " BOOST_LIB_VERSION ")");
    }
    if (e.code == boost::archive::archive_exception::unsupported_class_version) {
      return make_error(
          ErrorCode::unsupported,
          "snapshot file '" + path + "': written by a newer version of archive (" + e.what() + ")");
    }
    return corrupt(path, std::string("the payload does not parse: ") + e.what());
  } catch (const NewerVersion& e) {
    return make_error(
        ErrorCode::unsupported,
        "snapshot file '" + path + "': written by a newer version of archive: " + e.what());
  } catch (const Malformed& e) {
    return corrupt(path, std::string("the payload is malformed: ") + e.what());
  } catch (const std::bad_alloc&) {
    return make_error(ErrorCode::internal,
                      "snapshot file '" + path + "': out of memory while reading the payload");
  } catch (const std::exception& e) {
    return corrupt(path, std::string("the payload cannot be read: ") + e.what());
  }
}

}  // namespace archive::detail::snapshot
