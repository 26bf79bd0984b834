// CSV import (RFC 4180 with a BOM, CRLF and embedded newlines) of catalogers' spreadsheets.
// The default mapping and the cell forms are documented in docs/csv.md; keep the two in step.
#include "archive/io/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "archive/date/parse_date.hpp"
#include "archive/model/validate.hpp"
#include "archive/text/utf8.hpp"
#include "io/io_common.hpp"

namespace archive {
namespace {

using detail::trim;

std::string key_of(std::string_view header) {
  std::string key(trim(header));
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

const std::set<std::string, std::less<>>& known_fields() {
  static const std::set<std::string, std::less<>> fields = {
      "id",         "title",     "date",           "summary",  "doc_type",
      "languages",  "agents",    "places",         "subjects", "collections",
      "repository", "reference", "classification", "rights",   "views"};
  return fields;
}

struct Cell {
  std::string text;
  std::size_t line = 0;  // where the field begins
};

struct Row {
  std::vector<Cell> cells;
  std::size_t line = 0;
};

struct SyntaxError {
  std::size_t line = 0;
  std::size_t column = 0;
  std::string message;
};

// Splits the text into rows (RFC 4180). Stops at an unterminated quote.
std::vector<Row> split_rows(std::string_view text, std::optional<SyntaxError>& error) {
  std::vector<Row> rows;
  std::size_t line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // Skip blank lines.
    if (text[i] == '\n' || (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) {
      i += text[i] == '\r' ? 2 : 1;
      ++line;
      continue;
    }
    Row row;
    row.line = line;
    for (;;) {
      Cell cell;
      cell.line = line;
      if (i < n && text[i] == '"') {
        ++i;
        bool closed = false;
        while (i < n) {
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              cell.text += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          if (c == '\r' && i + 1 < n && text[i + 1] == '\n') {
            ++i;
            continue;  // CRLF inside a field becomes LF
          }
          cell.text += c;
          ++i;
        }
        if (!closed) {
          error = SyntaxError{cell.line, row.cells.size() + 1,
                              "unterminated quoted field (the quote opens on line " +
                                  std::to_string(cell.line) + ")"};
          return rows;
        }
      }
      // Unquoted text, or text after a closing quote, up to the delimiter or line end.
      while (i < n && text[i] != ',' && text[i] != '\n' &&
             !(text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) {
        cell.text += text[i];
        ++i;
      }
      row.cells.push_back(std::move(cell));
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < n) {
        i += text[i] == '\r' ? 2 : 1;
        ++line;
      }
      break;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= cell.size()) {
    auto end = cell.find(';', start);
    if (end == std::string_view::npos) end = cell.size();
    const auto item = trim(cell.substr(start, end - start));
    if (!item.empty()) items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

// An agents item is taken as a record id when it is written in the id alphabet this reader has
// always recognized (a-z, 0-9 and . _ : -, starting with a letter or digit: "person-bagirov");
// anything else is a name ("Mir Jafar Bagirov"). Record ids in general may be any text
// (model/ids.hpp), so in this one field the slug form is what tells an id from a name.
bool looks_like_agent_id(std::string_view item) noexcept {
  if (item.empty() || item.size() > kMaxIdBytes) return false;
  for (std::size_t i = 0; i < item.size(); ++i) {
    const char c = item[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool punct = c == '.' || c == '_' || c == ':' || c == '-';
    if (!alnum && !(punct && i > 0)) return false;
  }
  return true;
}

AgentId agent_id_of(std::string_view id) {
  if (id.starts_with("org-") || id.starts_with("org:") || id.starts_with("organization")) {
    return OrganizationId(std::string(id));
  }
  return PersonId(std::string(id));
}

struct Importer {
  std::string file;
  const CsvMapping& mapping;
  const ImportOptions& options;
  ImportResult result;
  std::set<std::string> people_seen;

  void issue(Severity s, std::size_t line, std::size_t column, std::string field,
             std::string message) {
    result.issues.push_back(
        ImportIssue{s, file, line, column, std::move(field), std::move(message)});
  }

  void read(const std::vector<Row>& rows) {
    // The header: which field each column feeds.
    std::map<std::string, std::string> by_key;
    for (const auto& [header, field] : mapping.columns)
      by_key[key_of(header)] = field;
    const Row& header = rows.front();
    std::vector<std::string> fields(header.cells.size());
    std::map<std::string, std::size_t> first_column;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
      const std::string key = key_of(header.cells[c].text);
      const auto it = by_key.find(key);
      if (it == by_key.end()) {
        if (!key.empty()) {
          issue(Severity::warning, header.line, c + 1, "",
                "column '" + std::string(trim(header.cells[c].text)) +
                    "' is not mapped to a field; ignored");
        }
        continue;
      }
      if (!known_fields().contains(it->second)) {
        issue(Severity::error, header.line, c + 1, it->second,
              "the mapping names an unknown field '" + it->second + "'");
        result.stopped = options.strict;
        if (options.strict) return;
        continue;
      }
      fields[c] = it->second;
      first_column.emplace(it->second, c + 1);
    }
    for (const char* required : {"id", "title"}) {
      if (!first_column.contains(required)) {
        issue(Severity::error, header.line, 0, required,
              std::string("no column maps to the field '") + required + "'");
        result.rejected = rows.size() - 1;
        result.stopped = options.strict;
        return;
      }
    }
    for (std::size_t r = 1; r < rows.size(); ++r) {
      if (!read_row(rows[r], fields, first_column)) {
        result.stopped = true;
        return;
      }
    }
  }

  // False when strict mode must stop.
  bool read_row(const Row& row, const std::vector<std::string>& fields,
                const std::map<std::string, std::size_t>& first_column) {
    Document d;
    std::vector<Person> new_people;
    std::vector<ImportIssue> issues;
    bool error = false;
    std::set<std::string, std::less<>> fields_in_error;
    const auto note = [&](Severity s, std::size_t column, std::string field, std::string msg) {
      if (s == Severity::error) {
        error = true;
        fields_in_error.insert(field);
      }
      issues.push_back(ImportIssue{s, file, row.line, column, std::move(field), std::move(msg)});
    };
    if (row.cells.size() != fields.size()) {
      note(Severity::warning, 0, "",
           "the row has " + std::to_string(row.cells.size()) + " fields, the header " +
               std::to_string(fields.size()) +
               (row.cells.size() < fields.size() ? "; the missing ones are empty"
                                                 : "; the extra ones are ignored"));
    }
    for (std::size_t c = 0; c < row.cells.size() && c < fields.size(); ++c) {
      const Cell& cell = row.cells[c];
      const std::size_t column = c + 1;
      if (auto valid = text::validate_utf8(cell.text); !valid) {
        const std::size_t at = valid.error().offset.value_or(0);
        const auto line_in_cell = static_cast<std::size_t>(std::count(
            cell.text.begin(), cell.text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        issues.push_back(
            ImportIssue{Severity::error, file, cell.line + line_in_cell, column,
                        fields[c].empty() ? "" : fields[c],
                        "invalid UTF-8 (byte " + std::to_string(at + 1) + " of the field)"});
        error = true;
        continue;
      }
      if (fields[c].empty()) continue;
      const std::string& field = fields[c];
      const std::string_view value = trim(cell.text);
      if (value.empty()) continue;
      const auto set_text = [&](std::string& target) {
        if (target.empty()) target = std::string(value);
      };
      if (field == "id") {
        if (auto id = DocumentId::parse(value)) {
          if (d.id.empty()) d.id = std::move(*id);
        } else {
          note(Severity::error, column, field,
               "'" + std::string(value) + "' is not a record id: " + id.error().message);
        }
      } else if (field == "title") {
        set_text(d.title);
      } else if (field == "summary") {
        set_text(d.summary);
      } else if (field == "doc_type") {
        set_text(d.doc_type);
      } else if (field == "classification") {
        set_text(d.classification);
      } else if (field == "rights") {
        set_text(d.rights);
      } else if (field == "repository") {
        set_text(d.source.repository);
      } else if (field == "reference") {
        set_text(d.source.reference);
      } else if (field == "languages") {
        for (auto& item : split_list(value))
          d.languages.push_back(std::move(item));
      } else if (field == "places") {
        for (auto& item : split_list(value))
          d.places.push_back(std::move(item));
      } else if (field == "subjects") {
        for (auto& item : split_list(value))
          d.subjects.push_back(std::move(item));
      } else if (field == "collections") {
        for (const auto& item : split_list(value)) {
          if (auto id = CollectionId::parse(item)) {
            d.collections.push_back(std::move(*id));
          } else {
            note(Severity::error, column, field, "'" + item + "' is not a collection id");
          }
        }
      } else if (field == "views") {
        std::uint64_t views = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), views);
        if (ec != std::errc{} || end != value.data() + value.size()) {
          note(Severity::error, column, field,
               "'" + std::string(value) + "' is not a whole number");
        } else {
          d.views = views;
        }
      } else if (field == "date") {
        if (!d.date.is_undated() || !d.date.provenance().original.empty()) continue;
        auto date = parse_date(value);
        if (date) {
          d.date = std::move(*date);
        } else {
          FuzzyDate undated;
          undated.set_provenance(Provenance{std::string(value), Calendar::gregorian, {}});
          d.date = std::move(undated);
          d.date_error = date.error().message;
          note(options.strict ? Severity::error : Severity::warning, column, field,
               "cannot read '" + std::string(value) + "' (" + d.date_error +
                   "); kept as written, undated");
        }
      } else if (field == "agents") {
        for (const auto& item : split_list(value)) {
          read_agent(item, column, d, new_people, note);
        }
      }
    }
    for (const Problem& p : validate(d)) {
      const auto base = p.field.substr(0, p.field.find_first_of("[."));
      if (fields_in_error.contains(base)) continue;  // already reported, more precisely
      const auto it = first_column.find(base);
      note(p.severity, it == first_column.end() ? 0 : it->second, p.field, p.message);
    }
    for (auto& i : issues)
      result.issues.push_back(std::move(i));
    if (error) {
      ++result.rejected;
      return !options.strict;
    }
    for (auto& person : new_people) {
      if (people_seen.insert(person.id.str()).second) {
        result.records.people.push_back(std::move(person));
      }
    }
    result.records.documents.push_back(std::move(d));
    return true;
  }

  template <class Note>
  void read_agent(const std::string& item, std::size_t column, Document& d,
                  std::vector<Person>& new_people, Note& note) {
    AgentRole role = AgentRole::author;
    std::string_view ref = item;
    if (ref.ends_with(')') && ref.find('(') != std::string_view::npos) {
      const auto open = ref.rfind('(');
      const auto role_text = trim(ref.substr(open + 1, ref.size() - open - 2));
      auto parsed = parse_agent_role(role_text);
      if (!parsed) {
        note(Severity::error, column, "agents",
             "unknown role '" + std::string(role_text) + "' in '" + item +
                 "' (author, recipient, signatory or mentioned)");
        return;
      }
      role = *parsed;
      ref = trim(ref.substr(0, open));
    } else if (const auto colon = ref.rfind(':'); colon != std::string_view::npos) {
      if (auto parsed = parse_agent_role(trim(ref.substr(colon + 1)))) {
        role = *parsed;
        ref = trim(ref.substr(0, colon));
      }
    }
    if (ref.empty()) {
      note(Severity::error, column, "agents", "no agent in '" + item + "'");
      return;
    }
    if (looks_like_agent_id(ref)) {
      d.agents.push_back({agent_id_of(ref), role});
      return;
    }
    Person person;
    person.id = PersonId(detail::person_id_from_name(ref));
    person.name.form = std::string(ref);
    d.agents.push_back({person.id, role});
    new_people.push_back(std::move(person));
  }
};

}  // namespace

CsvMapping CsvMapping::defaults() {
  CsvMapping m;
  for (const auto& field : known_fields())
    m.columns[field] = field;
  m.columns["Identifier"] = "id";
  m.columns["Title"] = "title";
  m.columns["Date"] = "date";
  m.columns["Description"] = "summary";
  m.columns["Type"] = "doc_type";
  m.columns["Language"] = "languages";
  m.columns["Creator"] = "agents";
  m.columns["Subject"] = "subjects";
  m.columns["Coverage"] = "places";
  return m;
}

Result<ImportResult> read_csv(std::istream& in, std::string_view file_name,
                              const CsvMapping& mapping, const ImportOptions& options) {
  auto text = detail::read_all(in, file_name);
  if (!text) return std::move(text).error();
  std::string_view view = *text;
  if (view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);
  Importer importer{std::string(file_name), mapping, options, {}, {}};
  std::optional<SyntaxError> syntax;
  const std::vector<Row> rows = split_rows(view, syntax);
  if (!rows.empty()) importer.read(rows);
  if (syntax && !importer.result.stopped) {
    importer.issue(Severity::error, syntax->line, syntax->column, "", syntax->message);
    ++importer.result.rejected;
    importer.result.stopped = options.strict;
  } else if (rows.empty() && !syntax) {
    importer.issue(Severity::warning, 0, 0, "", "no header row: the file is empty");
  }
  return std::move(importer.result);
}

}  // namespace archive
