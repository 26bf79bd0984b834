// Dublin Core: documents as oai_dc XML, both ways, with pugixml. The mapping is in
// docs/dublin_core.md; keep the two in step.
#include "archive/io/dublin_core.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <istream>
#include <optional>
#include <ostream>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "archive/date/parse_date.hpp"
#include "archive/model/validate.hpp"
#include "archive/text/utf8.hpp"
#include "io/io_common.hpp"
#include "text/utf8_decode.hpp"

namespace archive {
namespace {

// A URL ("https://…", "urn:…" is not one): dc:identifier and dc:relation often carry the
// record's web address beside its id; the id is the identifier that is not a URL.
bool is_url(std::string_view value) noexcept {
  const auto colon = value.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = value[i];
    const bool scheme = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!scheme) return false;
  }
  return true;
}

constexpr const char* kOaiDcNs = "http://www.openarchives.org/OAI/2.0/oai_dc/";
constexpr const char* kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr const char* kOaiNs = "http://www.openarchives.org/OAI/2.0/";
constexpr const char* kXsiNs = "http://www.w3.org/2001/XMLSchema-instance";
constexpr std::string_view kCollectionPrefix = "collection:";
constexpr std::string_view kPersonPrefix = "person:";
constexpr std::string_view kOrganizationPrefix = "organization:";

// ---- characters ----

// Whether XML 1.0 allows `c` in a document (its Char production): TAB, LF, CR,
// U+0020..U+D7FF, U+E000..U+FFFD and U+10000..U+10FFFF.
constexpr bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// "U+0001".
std::string code_point_name(std::uint32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

struct BadChar {
  std::size_t offset;
  std::uint32_t code_point;
};

// The first character of `text` that XML 1.0 does not allow: a C0 control other than TAB, LF
// and CR, U+FFFE or U+FFFF. In well-formed UTF-8 these are the only ones (surrogates and values
// above U+10FFFF cannot be encoded), and none of their bytes occurs inside another character.
std::optional<BadChar> find_non_xml_char(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') return BadChar{i, b};
    if (b == 0xEF && i + 2 < text.size() && text[i + 1] == '\xBF' &&
        (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      return BadChar{i, text[i + 2] == '\xBE' ? 0xFFFEU : 0xFFFFU};
    }
  }
  return std::nullopt;
}

// ---- writing ----

std::string agent_text(const AgentLink& link) {
  std::string text(std::holds_alternative<PersonId>(link.id) ? kPersonPrefix : kOrganizationPrefix);
  text += agent_id_text(link.id);
  if (link.role != AgentRole::author) {
    text += " (";
    text += to_string(link.role);
    text += ')';
  }
  return text;
}

std::string indexed(std::string_view field, std::size_t i) {
  return std::string(field) + '[' + std::to_string(i) + ']';
}

// Writes one document's Dublin Core elements, refusing text XML 1.0 cannot hold (not UTF-8, or
// a character outside its Char production): pugixml would cut a value at a NUL and write a
// control character as a reference no XML parser accepts. The first such value is kept as the
// error, naming the document and the field, and nothing further is written.
class DcWriter {
 public:
  explicit DcWriter(const Document& document) : d_(document) {}

  // True when `value`, the document's `field`, is XML 1.0 text; otherwise keeps the error.
  bool check(std::string_view value, std::string_view field) {
    if (error_) return false;
    ErrorCode code = ErrorCode::invalid_argument;
    std::string problem;
    std::size_t at = 0;
    if (auto utf8 = text::validate_utf8(value); !utf8) {
      code = ErrorCode::invalid_utf8;
      problem = "not valid UTF-8: " + utf8.error().message;
      at = utf8.error().offset.value_or(0);
    } else if (const auto bad = find_non_xml_char(value)) {
      problem = code_point_name(bad->code_point) + " is a character XML 1.0 does not allow";
      at = bad->offset;
    } else {
      return true;
    }
    // An id that cannot be written is not printed either.
    const std::string which = field == "id" ? "a document" : "document '" + d_.id.str() + "'";
    error_ = Error{
        code, "cannot write " + which + " as oai_dc XML: " + std::string(field) + ": " + problem,
        at};
    return false;
  }

  // Fills `dc` (an <oai_dc:dc> element) with the document's fields.
  void fill(pugi::xml_node dc) {
    const Document& d = d_;
    dc.append_attribute("xmlns:oai_dc").set_value(kOaiDcNs);
    dc.append_attribute("xmlns:dc").set_value(kDcNs);
    dc.append_attribute("xmlns:xsi").set_value(kXsiNs);
    dc.append_attribute("xsi:schemaLocation")
        .set_value(
            "http://www.openarchives.org/OAI/2.0/oai_dc/ "
            "http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
    add(dc, "dc:identifier", d.id.str(), "id");
    add(dc, "dc:title", d.title, "title");
    const std::string edtf = d.date.to_edtf();
    const std::string& original = d.date.provenance().original;
    add(dc, "dc:date", edtf.empty() ? original : edtf, edtf.empty() ? "date.original" : "date");
    if (!edtf.empty() && !original.empty() && original != edtf) {
      add(dc, "dc:date", original, "date.original");
    }
    add(dc, "dc:description", d.summary, "summary");
    add(dc, "dc:type", d.doc_type, "doc_type");
    for (std::size_t i = 0; i < d.languages.size(); ++i)
      add(dc, "dc:language", d.languages[i], indexed("languages", i));
    for (std::size_t i = 0; i < d.agents.size(); ++i) {
      const AgentLink& link = d.agents[i];
      add(dc, link.role == AgentRole::author ? "dc:creator" : "dc:contributor", agent_text(link),
          indexed("agents", i) + ".id");
    }
    for (std::size_t i = 0; i < d.subjects.size(); ++i)
      add(dc, "dc:subject", d.subjects[i], indexed("subjects", i));
    for (std::size_t i = 0; i < d.places.size(); ++i)
      add(dc, "dc:coverage", d.places[i], indexed("places", i));
    if ((!d.source.repository.empty() || !d.source.reference.empty()) &&
        check(d.source.repository, "source.repository") &&
        check(d.source.reference, "source.reference")) {
      std::string source = d.source.repository;
      if (!d.source.reference.empty()) {
        source += source.empty() ? "| " : " | ";
        source += d.source.reference;
      }
      add(dc, "dc:source", source, "source");
    }
    add(dc, "dc:rights", d.rights, "rights");
    for (std::size_t i = 0; i < d.collections.size(); ++i) {
      add(dc, "dc:relation", std::string(kCollectionPrefix) + d.collections[i].str(),
          indexed("collections", i));
    }
    for (std::size_t i = 0; i < d.related.size(); ++i)
      add(dc, "dc:relation", d.related[i].str(), indexed("related", i));
  }

  [[nodiscard]] Result<void> result() const {
    if (error_) return *error_;
    return {};
  }

 private:
  void add(pugi::xml_node parent, const char* name, std::string_view value,
           std::string_view field) {
    if (value.empty() || !check(value, field)) return;
    parent.append_child(name).text().set(std::string(value).c_str());
  }

  const Document& d_;
  std::optional<Error> error_;
};

std::string xml_text(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default | pugi::format_no_declaration, pugi::encoding_utf8);
  return std::move(out).str();
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  const std::size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buffer, n);
}

std::string day_of(const Timestamp& t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{days};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

// ---- reading ----

using detail::trim;

std::string_view local_name(std::string_view qname) {
  const auto colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// The namespace URI of an element, from the xmlns declarations in scope.
std::string_view namespace_of(pugi::xml_node node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  std::string attribute = "xmlns";
  if (colon != std::string_view::npos) {
    attribute += ':';
    attribute += name.substr(0, colon);
  }
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    if (const pugi::xml_attribute a = n.attribute(attribute.c_str())) return a.value();
  }
  return {};
}

bool is_element(pugi::xml_node node, std::string_view ns, std::string_view local) {
  return node.type() == pugi::node_element && local_name(node.name()) == local &&
         namespace_of(node) == ns;
}

// Maps byte offsets to 1-based lines and columns.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  [[nodiscard]] std::pair<std::size_t, std::size_t> at(std::size_t offset) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::size_t>(it - starts_.begin());  // >= 1
    return {line, offset - starts_[line - 1] + 1};
  }

 private:
  std::vector<std::size_t> starts_{0};
};

struct Reader {
  std::string file;
  const ImportOptions& options;
  ImportResult result;

  void issue(Severity severity, std::size_t line, std::string field, std::string message) {
    result.issues.push_back(
        ImportIssue{severity, file, line, 0, std::move(field), std::move(message)});
  }

  // Reads one <oai_dc:dc>; false when strict mode must stop.
  bool read(pugi::xml_node dc, std::size_t line) {
    Document d;
    std::vector<ImportIssue> issues;
    bool error = false;
    const auto note = [&](Severity s, std::string field, std::string message) {
      if (s == Severity::error) error = true;
      issues.push_back(ImportIssue{s, file, line, 0, std::move(field), std::move(message)});
    };
    bool have_id = false;
    bool have_title = false;
    bool have_summary = false;
    std::vector<std::string> dates;
    for (pugi::xml_node child : dc.children()) {
      if (child.type() != pugi::node_element || namespace_of(child) != kDcNs) continue;
      const std::string_view name = local_name(child.name());
      const std::string value(trim(child.text().get()));
      if (value.empty()) continue;
      if (name == "identifier") {
        if (!have_id && is_valid_id(value) && !is_url(value)) {
          d.id = DocumentId(value);
          have_id = true;
        }
      } else if (name == "title") {
        if (have_title) {
          note(Severity::warning, "title", "a second dc:title is not kept: '" + value + "'");
        } else {
          d.title = value;
          have_title = true;
        }
      } else if (name == "date") {
        dates.push_back(value);
      } else if (name == "description") {
        if (have_summary) {
          d.summary += "\n\n";
        }
        d.summary += value;
        have_summary = true;
      } else if (name == "type") {
        if (d.doc_type.empty()) d.doc_type = value;
      } else if (name == "language") {
        d.languages.push_back(value);
      } else if (name == "creator" || name == "contributor") {
        read_agent(d, value, name == "creator", note);
      } else if (name == "subject") {
        d.subjects.push_back(value);
      } else if (name == "coverage") {
        d.places.push_back(value);
      } else if (name == "source") {
        const auto bar = value.find('|');
        if (bar == std::string::npos) {
          d.source.repository = value;
        } else {
          d.source.repository = std::string(trim(std::string_view(value).substr(0, bar)));
          d.source.reference = std::string(trim(std::string_view(value).substr(bar + 1)));
        }
      } else if (name == "rights") {
        d.rights = value;
      } else if (name == "relation") {
        read_relation(d, value, note);
      }
    }
    if (!have_id) note(Severity::error, "id", "no dc:identifier holds a record id");
    read_dates(d, dates, note);
    for (const Problem& p : validate(d)) {
      if (p.field == "id" && !have_id) continue;  // already reported
      note(p.severity, p.field, p.message);
    }
    for (auto& i : issues)
      result.issues.push_back(std::move(i));
    if (error) {
      ++result.rejected;
      if (options.strict) {
        result.stopped = true;
        return false;
      }
      return true;
    }
    result.records.documents.push_back(std::move(d));
    return true;
  }

  template <class Note>
  void read_agent(Document& d, std::string_view value, bool creator, Note& note) {
    AgentRole role = creator ? AgentRole::author : AgentRole::mentioned;
    std::string_view ref = value;
    if (ref.ends_with(')')) {
      const auto open = ref.rfind(" (");
      if (open != std::string_view::npos) {
        const auto parsed = parse_agent_role(trim(ref.substr(open + 2, ref.size() - open - 3)));
        if (parsed) {
          role = *parsed;
          ref = trim(ref.substr(0, open));
        }
      }
    }
    const char* field = creator ? "agents (dc:creator)" : "agents (dc:contributor)";
    if (ref.starts_with(kPersonPrefix) && is_valid_id(ref.substr(kPersonPrefix.size()))) {
      d.agents.push_back({PersonId(std::string(ref.substr(kPersonPrefix.size()))), role});
    } else if (ref.starts_with(kOrganizationPrefix) &&
               is_valid_id(ref.substr(kOrganizationPrefix.size()))) {
      d.agents.push_back(
          {OrganizationId(std::string(ref.substr(kOrganizationPrefix.size()))), role});
    } else {
      note(Severity::warning, field,
           "not an agent reference ('person:ID' or 'organization:ID'), not kept: '" +
               std::string(value) + "'");
    }
  }

  template <class Note>
  void read_relation(Document& d, const std::string& value, Note& note) {
    const std::string_view v = value;
    if (v.starts_with(kCollectionPrefix) && is_valid_id(v.substr(kCollectionPrefix.size()))) {
      d.collections.emplace_back(std::string(v.substr(kCollectionPrefix.size())));
    } else if (is_valid_id(v) && !is_url(v)) {
      d.related.emplace_back(value);
    } else {
      note(Severity::warning, "related",
           "dc:relation is not a record id, not kept: '" + value + "'");
    }
  }

  template <class Note>
  void read_dates(Document& d, const std::vector<std::string>& dates, Note& note) {
    if (dates.empty()) return;
    auto first = parse_date(dates[0]);
    if (!first) {
      FuzzyDate undated;
      undated.set_provenance(Provenance{dates[0], Calendar::gregorian, {}});
      d.date = std::move(undated);
      d.date_error = first.error().message;
      note(options.strict ? Severity::error : Severity::warning, "date",
           "cannot read '" + dates[0] + "' (" + d.date_error + "); kept as written, undated");
      return;
    }
    d.date = std::move(*first);
    if (dates.size() > 1) {
      // The second dc:date is the expression as written (see docs/dublin_core.md).
      auto written = parse_date(dates[1]);
      if (written && *written == d.date) {
        d.date = std::move(*written);
      } else {
        Provenance p = d.date.provenance();
        p.original = dates[1];
        d.date.set_provenance(std::move(p));
      }
      for (std::size_t i = 2; i < dates.size(); ++i) {
        note(Severity::warning, "date", "a further dc:date is not kept: '" + dates[i] + "'");
      }
    }
  }
};

// ---- what pugixml does not check ----

// Where in the text (as converted to UTF-8) a file-level problem is.
struct TextProblem {
  std::size_t offset;
  std::string message;
};

// Makes `text` UTF-8. UTF-16 with a byte order mark is converted (the BOM dropped); UTF-32 and
// UTF-16 without a BOM are refused by name, since parsed as UTF-8 they only give a puzzling
// syntax error. Anything else is taken as UTF-8 as it is (pugixml skips a UTF-8 BOM). On a
// problem, `text` holds what was converted before it and the offset points there.
std::optional<TextProblem> make_utf8(std::string& text) {
  using namespace std::string_view_literals;
  const std::string_view in = text;
  if (in.starts_with("\xFF\xFE\0\0"sv) || in.starts_with("\0\0\xFE\xFF"sv)) {
    return TextProblem{0,
                       "the file is UTF-32 (it starts with a UTF-32 byte order mark); "
                       "only UTF-8 and UTF-16 are read"};
  }
  const bool little = in.starts_with("\xFF\xFE"sv);
  if (!little && !in.starts_with("\xFE\xFF"sv)) {
    if (in.starts_with("<\0"sv) || in.starts_with("\0<"sv)) {
      return TextProblem{0,
                         "the file looks like UTF-16 without a byte order mark (BOM); save "
                         "it as UTF-8, or as UTF-16 with a BOM"};
    }
    return std::nullopt;
  }
  const auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<std::uint32_t>(static_cast<unsigned char>(in[i]));
    const auto b = static_cast<std::uint32_t>(static_cast<unsigned char>(in[i + 1]));
    return little ? (b << 8U) | a : (a << 8U) | b;
  };
  std::string out;
  out.reserve(in.size() + in.size() / 2);
  std::optional<TextProblem> problem;
  std::size_t i = 2;
  for (; i + 1 < in.size(); i += 2) {
    std::uint32_t c = unit(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 3 < in.size() && unit(i + 2) >= 0xDC00 &&
        unit(i + 2) <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10U) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      problem = TextProblem{out.size(), "not valid UTF-16: a lone surrogate " + code_point_name(c)};
      break;
    }
    text::detail::append_utf8(out, static_cast<char32_t>(c));
  }
  if (!problem && i < in.size()) {
    problem = TextProblem{out.size(),
                          "not valid UTF-16: the file ends inside a character (its "
                          "length in bytes is odd)"};
  }
  text = std::move(out);
  return problem;
}

// The first character reference (&#N; or &#xH;) that stands for a character XML 1.0 does not
// allow, or that is not a reference at all (&#; or &#12 without its ';'). pugixml would decode
// &#0; to a NUL that silently ends the text, and &#1; to a control character. Comments, CDATA
// sections and processing instructions hold text, not references, and are passed over.
std::optional<TextProblem> find_bad_reference(std::string_view text) {
  std::size_t i = 0;
  while ((i = text.find_first_of("&<", i)) != std::string_view::npos) {
    if (text[i] == '<') {
      const std::string_view rest = text.substr(i);
      std::string_view end;
      if (rest.starts_with("<!--")) {
        end = "-->";
      } else if (rest.starts_with("<![CDATA[")) {
        end = "]]>";
      } else if (rest.starts_with("<?")) {
        end = "?>";
      }
      if (end.empty()) {
        ++i;
        continue;
      }
      const std::size_t close = text.find(end, i + 2);
      if (close == std::string_view::npos) return std::nullopt;  // the parser reports it
      i = close + end.size();
      continue;
    }
    if (i + 1 >= text.size() || text[i + 1] != '#') {
      ++i;
      continue;
    }
    std::size_t j = i + 2;
    const bool hex = j < text.size() && text[j] == 'x';
    if (hex) ++j;
    const std::size_t digits = j;
    std::uint32_t value = 0;
    bool too_large = false;
    for (; j < text.size(); ++j) {
      const char ch = text[j];
      std::uint32_t digit = 0;
      if (ch >= '0' && ch <= '9') {
        digit = static_cast<std::uint32_t>(ch - '0');
      } else if (hex && ch >= 'a' && ch <= 'f') {
        digit = static_cast<std::uint32_t>(ch - 'a' + 10);
      } else if (hex && ch >= 'A' && ch <= 'F') {
        digit = static_cast<std::uint32_t>(ch - 'A' + 10);
      } else {
        break;
      }
      value = value * (hex ? 16 : 10) + digit;  // at most 0x10FFFF * 16 + 15: no overflow
      if (value > 0x10FFFF) {
        too_large = true;
        value = 0x10FFFF + 1;
      }
    }
    const bool terminated = j < text.size() && text[j] == ';';
    const std::size_t length = j - i + (terminated ? 1 : 0);
    constexpr std::size_t kShown = 24;
    const std::string written = length <= kShown
                                    ? std::string(text.substr(i, length))
                                    : std::string(text.substr(i, kShown - 1)) + "\u2026";
    if (j == digits || !terminated) {
      return TextProblem{i, "malformed XML: '" + written + "' is not a character reference"};
    }
    if (too_large || !is_xml_char(value)) {
      return TextProblem{
          i, "malformed XML: the character reference '" + written + "' stands for " +
                 (too_large ? std::string("no character (it is above U+10FFFF)")
                            : code_point_name(value) + ", a character XML 1.0 does not allow")};
    }
    i = j + 1;
  }
  return std::nullopt;
}

// Every <oai_dc:dc> element in document order (what lies inside one is not searched for
// more), walked without recursion; or, when elements are nested deeper than kOaiDcMaxDepth
// anywhere, the first that is.
struct Found {
  std::vector<pugi::xml_node> records;
  pugi::xml_node too_deep;
};

Found collect(const pugi::xml_document& doc) {
  Found found;
  pugi::xml_node node = doc.first_child();
  std::size_t depth = 1;         // of `node`: the document's children are at 1
  std::size_t record_depth = 0;  // of the record being walked through, 0 outside one
  while (node) {
    if (node.type() == pugi::node_element) {
      if (depth > kOaiDcMaxDepth) {
        found.too_deep = node;
        return found;
      }
      if (record_depth == 0 && is_element(node, kOaiDcNs, "dc")) {
        found.records.push_back(node);
        record_depth = depth;
      }
    }
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (!node.next_sibling()) {
      node = node.parent();
      if (--depth == 0) return found;  // back at the document
    }
    node = node.next_sibling();
    if (depth <= record_depth) record_depth = 0;
  }
  return found;
}

}  // namespace

Result<std::string> to_oai_dc(const Document& document) {
  pugi::xml_document doc;
  DcWriter writer(document);
  writer.fill(doc.append_child("oai_dc:dc"));
  if (const Result<void> written = writer.result(); !written) return written.error();
  return xml_text(doc);
}

Result<void> write_oai_dc(std::ostream& out, const Records& records) {
  const std::string now = utc_now();
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
  auto root = doc.append_child("OAI-PMH");
  root.append_attribute("xmlns").set_value(kOaiNs);
  root.append_attribute("xmlns:xsi").set_value(kXsiNs);
  root.append_attribute("xsi:schemaLocation")
      .set_value(
          "http://www.openarchives.org/OAI/2.0/ "
          "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
  root.append_child("responseDate").text().set(now.c_str());
  auto request = root.append_child("request");
  request.append_attribute("verb").set_value("ListRecords");
  request.append_attribute("metadataPrefix").set_value("oai_dc");
  auto list = root.append_child("ListRecords");
  for (const Document& d : records.documents) {
    DcWriter writer(d);
    if (!writer.check(d.id.str(), "id")) return writer.result();
    auto record = list.append_child("record");
    auto header = record.append_child("header");
    header.append_child("identifier").text().set(("oai:archive:" + d.id.str()).c_str());
    const auto stamp = d.modified ? d.modified : d.created;
    header.append_child("datestamp")
        .text()
        .set(stamp ? day_of(*stamp).c_str() : now.substr(0, 10).c_str());
    writer.fill(record.append_child("metadata").append_child("oai_dc:dc"));
    if (Result<void> written = writer.result(); !written) return written;  // nothing written yet
  }
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  out.flush();
  if (!out) return make_error(ErrorCode::io_error, "cannot write the oai_dc XML");
  return {};
}

Result<ImportResult> read_oai_dc(std::istream& in, std::string_view file_name,
                                 const ImportOptions& options) {
  auto read = detail::read_all(in, file_name);
  if (!read) return std::move(read).error();
  std::string text = std::move(*read);
  Reader reader{std::string(file_name), options, {}};
  // A problem with the file as a whole: one error, and nothing is read from it.
  const auto unreadable = [&](std::size_t offset, std::string message) {
    const auto [line, column] = LineIndex(text).at(std::min(offset, text.size()));
    reader.result.issues.push_back(
        ImportIssue{Severity::error, reader.file, line, column, "", std::move(message)});
    reader.result.stopped = options.strict;
    return std::move(reader.result);
  };
  if (auto problem = make_utf8(text)) return unreadable(problem->offset, problem->message);
  if (const auto bad = find_non_xml_char(text)) {
    return unreadable(bad->offset, "malformed XML: " + code_point_name(bad->code_point) +
                                       " is a character XML 1.0 does not allow");
  }
  if (auto problem = find_bad_reference(text)) return unreadable(problem->offset, problem->message);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return unreadable(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)),
                      std::string("malformed XML: ") + parsed.description());
  }
  const Found found = collect(doc);
  if (found.too_deep) {
    return unreadable(
        static_cast<std::size_t>(std::max<std::ptrdiff_t>(found.too_deep.offset_debug() - 1, 0)),
        "elements are nested more than " + std::to_string(kOaiDcMaxDepth) +
            " deep; such a file is not read");
  }
  if (found.records.empty()) {
    reader.issue(Severity::warning, 0, "", "no oai_dc:dc record found");
  }
  const LineIndex lines(text);
  for (pugi::xml_node dc : found.records) {
    const std::ptrdiff_t at = dc.offset_debug();
    const std::size_t line = at < 0 ? 0 : lines.at(static_cast<std::size_t>(at)).first;
    if (!reader.read(dc, line)) break;
  }
  return std::move(reader.result);
}

}  // namespace archive
