// JSON Lines import and export (docs/jsonl.md). One record per line; nlohmann-json's SAX
// parser reads each line into a value (LineParser), refusing raw NULs and duplicate keys and
// reporting what json::parse would throw. Lines longer than kMaxLineBytes are reported and
// skipped without being held in memory. Agent ids and agent names are resolved after the whole
// input is read.
#include "archive/io/jsonl.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <istream>
#include <iterator>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "archive/date/parse_date.hpp"
#include "archive/names/match.hpp"
#include "archive/names/transliterator.hpp"
#include "archive/text/script.hpp"
#include "io/io_common.hpp"

namespace archive {
namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

/// The longest line read (16 MiB); longer lines are reported as errors and skipped.
constexpr std::size_t kMaxLineBytes = std::size_t{16} << 20;

// ---------------------------------------------------------------------------------------------
// Lines

/// Reads lines from a stream in blocks; a line over the limit is skipped, not stored.
class LineReader {
 public:
  explicit LineReader(std::istream& in) : in_(in) {}

  enum class Status : std::uint8_t { line, too_long, end };

  /// The next line (without '\n' or a trailing '\r'), or too_long (its size in `length`).
  Status next(std::string& line, std::size_t& length) {
    line.clear();
    length = 0;
    bool any = false;
    bool over = false;
    for (;;) {
      if (pos_ == end_) {
        if (!fill()) break;
      }
      any = true;
      const char* begin = buffer_.data() + pos_;
      const auto* nl = static_cast<const char*>(std::memchr(begin, '\n', end_ - pos_));
      const std::size_t take = nl ? static_cast<std::size_t>(nl - begin) : end_ - pos_;
      length += take;
      if (!over) {
        if (line.size() + take > kMaxLineBytes) {
          over = true;
          line.clear();
          line.shrink_to_fit();
        } else {
          line.append(begin, take);
        }
      }
      pos_ += take;
      if (nl) {
        ++pos_;
        break;
      }
    }
    if (!any) return Status::end;
    if (over) return Status::too_long;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return Status::line;
  }

  [[nodiscard]] bool failed() const { return in_.bad(); }

 private:
  bool fill() {
    pos_ = 0;
    end_ = 0;
    if (!in_) return false;
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    end_ = static_cast<std::size_t>(in_.gcount());
    return end_ > 0;
  }

  std::istream& in_;
  std::array<char, 1 << 16> buffer_{};
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Small conversions

std::string format_timestamp(Timestamp t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd(days);
  const std::chrono::hh_mm_ss<std::chrono::seconds> hms(t - days);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::optional<Timestamp> parse_timestamp(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SSZ
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
      s[16] != ':' || s[19] != 'Z')
    return std::nullopt;
  auto num = [&](std::size_t at, std::size_t n) -> std::optional<int> {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  const auto y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2),
             se = num(17, 2);
  if (!y || !mo || !d || !h || !mi || !se) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(*y),
                                        std::chrono::month(static_cast<unsigned>(*mo)),
                                        std::chrono::day(static_cast<unsigned>(*d))};
  if (!ymd.ok() || *h > 23 || *mi > 59 || *se > 60) return std::nullopt;
  return std::chrono::sys_days(ymd) + std::chrono::hours(*h) + std::chrono::minutes(*mi) +
         std::chrono::seconds(*se);
}

text::Script script_of_text(std::string_view s) {
  auto r = text::detect_script(s);
  return r ? *r : text::Script::none;
}

/// The text a date is written as: the expression as written, else its EDTF.
std::string date_text(const FuzzyDate& date) {
  if (!date.provenance().original.empty()) return date.provenance().original;
  return date.to_edtf();
}

std::string json_type_name(const json& v) {
  return v.type_name();
}

/// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error …" →
/// "syntax error …".
std::string clean_json_message(std::string_view what) {
  if (what.starts_with("[json.exception.")) {
    if (auto p = what.find("] "); p != std::string_view::npos) what.remove_prefix(p + 2);
  }
  if (what.starts_with("parse error")) {
    if (auto p = what.find(": "); p != std::string_view::npos) what.remove_prefix(p + 2);
  }
  return std::string(what);
}

// ---------------------------------------------------------------------------------------------
// Parsing one line

/// Why a line is not one readable JSON value, and where.
struct LineProblem {
  std::size_t column = 0;  // 1-based byte in the line
  std::string field;       // path of the value, e.g. "agents[1].role"; empty for syntax errors
  std::string message;
};

/// A char iterator over a line that records how far the parser has read, so that events the
/// SAX interface reports without a position (a key) can be placed in the line.
class TrackedChars {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackedChars(const char* at, const char** read_to) : at_(at), read_to_(read_to) {}
  reference operator*() const { return *at_; }
  TrackedChars& operator++() {
    *read_to_ = ++at_;
    return *this;
  }
  TrackedChars operator++(int) {
    TrackedChars before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackedChars& other) const { return at_ == other.at_; }

 private:
  const char* at_;
  const char** read_to_;
};

/// Builds the value of one line from nlohmann-json's SAX events, as json::parse would, but
/// refuses what json::parse lets through or throws: a raw NUL (which nlohmann-json takes for
/// the end of the text, dropping what follows), a key given twice in one object (which
/// json::parse resolves last-wins) and a number too large for a double (which json::parse
/// throws as out_of_range), each a problem with its column.
class LineParser {
 public:
  explicit LineParser(std::string_view line) : line_(line), read_to_(line.data()) {}

  /// The value of the line in `out`; the problem when the line is not one JSON value.
  std::optional<LineProblem> parse(json& out) {
    root_ = &out;
    // JSON text has no raw NUL: inside a string it is written \u0000.
    if (const auto nul = line_.find('\0'); nul != std::string_view::npos) {
      return LineProblem{nul + 1,
                         {},
                         "invalid JSON: raw NUL byte at byte offset " + std::to_string(nul) +
                             " of the line (JSON has none; in a string write \\u0000)"};
    }
    const char* begin = line_.data();
    const char* end = begin + line_.size();
    if (json::sax_parse(TrackedChars(begin, &read_to_), TrackedChars(end, &read_to_), this))
      return std::nullopt;
    if (!problem_) problem_ = LineProblem{0, {}, "invalid JSON"};  // not expected
    return std::move(problem_);
  }

  // The SAX interface (nlohmann::json_sax).
  bool null() { return add(nullptr); }
  bool boolean(bool b) { return add(b); }
  bool number_integer(json::number_integer_t n) { return add(n); }
  bool number_unsigned(json::number_unsigned_t n) { return add(n); }
  bool number_float(json::number_float_t x, const std::string& /*text*/) { return add(x); }
  bool string(std::string& s) { return add(std::move(s)); }
  bool binary(json::binary_t& b) { return add(std::move(b)); }
  bool start_object(std::size_t /*elements*/) { return open(json::value_t::object); }
  bool start_array(std::size_t /*elements*/) { return open(json::value_t::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& name) {
    Frame& top = stack_.back();
    auto& members = top.value->get_ref<json::object_t&>();
    auto [it, added] = members.try_emplace(std::move(name));
    top.key = &it->first;
    top.member = &it->second;
    if (!added) {
      problem_ = LineProblem{
          key_column(), path(),
          "duplicate key '" + it->first + "' (a key may appear only once in an object)"};
      return false;
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token, const json::exception& e) {
    if (e.id == kNumberOverflow && last_token.size() <= position) {
      // `position` is the 1-based byte of the number's last character.
      problem_ = LineProblem{position + 1 - last_token.size(), path(),
                             "number " + shown_number(last_token) +
                                 " is out of range (its magnitude is above 1.8e308)"};
    } else {
      problem_ = LineProblem{position, {}, "invalid JSON: " + clean_json_message(e.what())};
    }
    return false;
  }

 private:
  /// nlohmann-json's id for "number overflow parsing".
  static constexpr int kNumberOverflow = 406;

  struct Frame {
    json* value = nullptr;             // an object or array being read
    const std::string* key = nullptr;  // object: the member being read
    json* member = nullptr;            // object: its value
    std::size_t elements = 0;          // array: elements read so far
  };

  /// A number as written, shortened when long.
  static std::string shown_number(const std::string& text) {
    constexpr std::size_t kShown = 20;
    if (text.size() <= kShown) return text;
    return text.substr(0, kShown) + "… (" + std::to_string(text.size()) + " characters)";
  }

  template <class V>
  json* place(V&& v) {
    if (stack_.empty()) {
      *root_ = json(std::forward<V>(v));
      return root_;
    }
    Frame& top = stack_.back();
    if (top.value->is_array()) {
      ++top.elements;
      top.value->emplace_back(std::forward<V>(v));
      return &top.value->back();
    }
    *top.member = json(std::forward<V>(v));
    return top.member;
  }
  template <class V>
  bool add(V&& v) {
    place(std::forward<V>(v));
    return true;
  }
  bool open(json::value_t type) {
    stack_.push_back(Frame{place(type)});
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  /// The path of the value being read: "agents[1].role".
  [[nodiscard]] std::string path() const {
    std::string p;
    for (std::size_t i = 0; i < stack_.size(); ++i) {
      const Frame& f = stack_[i];
      if (f.value->is_object()) {
        if (!f.key) break;
        if (!p.empty()) p += '.';
        p += *f.key;
      } else {
        // An open container below this array is its last element; a scalar is the next one.
        const bool inner = i + 1 < stack_.size();
        p += "[" + std::to_string(inner ? f.elements - 1 : f.elements) + "]";
      }
    }
    return p;
  }

  /// The 1-based column of the key just read: the parser has read up to its closing quote.
  [[nodiscard]] std::size_t key_column() const {
    const auto close = static_cast<std::size_t>(read_to_ - line_.data()) - 1;
    for (std::size_t i = close; i-- > 0;) {
      if (line_[i] != '"') continue;
      std::size_t backslashes = 0;
      while (backslashes < i && line_[i - 1 - backslashes] == '\\')
        ++backslashes;
      if (backslashes % 2 == 0) return i + 1;  // the opening quote
    }
    return close + 1;
  }

  std::string_view line_;
  const char* read_to_;  // how far the parser has read
  json* root_ = nullptr;
  std::vector<Frame> stack_;
  std::optional<LineProblem> problem_;
};

// ---------------------------------------------------------------------------------------------
// Reading one record

struct NamedAgent {
  std::size_t document = 0;  // index into records.documents
  std::size_t agent = 0;
  std::string name;
  std::size_t line = 0;
};

/// Reads the fields of one JSON object, collecting problems.
class Fields {
 public:
  Fields(const json& object, std::vector<ImportIssue>& issues, std::string_view file,
         std::size_t line, bool strict)
      : obj_(object), issues_(issues), file_(file), line_(line), strict_(strict) {}

  void error(std::string field, std::string message) {
    issues_.push_back(ImportIssue{Severity::error, std::string(file_), line_, 0, std::move(field),
                                  std::move(message)});
    failed_ = true;
  }
  void warning(std::string field, std::string message) {
    issues_.push_back(ImportIssue{Severity::warning, std::string(file_), line_, 0, std::move(field),
                                  std::move(message)});
  }
  /// A warning, or an error in strict mode.
  void soft(std::string field, std::string message) {
    if (strict_)
      error(std::move(field), std::move(message));
    else
      warning(std::move(field), std::move(message));
  }
  [[nodiscard]] bool failed() const { return failed_; }

  /// The member, nullptr when absent or null; marks it known.
  const json* member(const char* name) {
    known_.insert(name);
    auto it = obj_.find(name);
    if (it == obj_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  void string(const char* name, std::string& out) { string_at(member(name), name, out); }
  void string_at(const json* v, const std::string& field, std::string& out) {
    if (!v) return;
    if (!v->is_string()) {
      error(field, "expected a string, got " + json_type_name(*v));
      return;
    }
    out = v->get<std::string>();
  }

  void strings(const char* name, std::vector<std::string>& out) {
    const json* v = member(name);
    if (!v) return;
    if (!v->is_array()) {
      error(name, "expected an array of strings, got " + json_type_name(*v));
      return;
    }
    std::size_t i = 0;
    for (const auto& e : *v) {
      const std::string field = std::string(name) + "[" + std::to_string(i++) + "]";
      if (!e.is_string()) {
        error(field, "expected a string, got " + json_type_name(e));
        continue;
      }
      out.push_back(e.get<std::string>());
    }
  }

  template <class IdT>
  std::optional<IdT> id_at(const json* v, const std::string& field) {
    if (!v) return std::nullopt;
    if (!v->is_string()) {
      error(field, "expected an id string, got " + json_type_name(*v));
      return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    auto id = IdT::parse(s);
    if (!id) {
      error(field, "invalid id '" + s + "': " + id.error().describe());
      return std::nullopt;
    }
    return *id;
  }
  template <class IdT>
  std::optional<IdT> id(const char* name) {
    return id_at<IdT>(member(name), name);
  }

  template <class IdT>
  void ids(const char* name, std::vector<IdT>& out) {
    const json* v = member(name);
    if (!v) return;
    if (!v->is_array()) {
      error(name, "expected an array of ids, got " + json_type_name(*v));
      return;
    }
    std::size_t i = 0;
    for (const auto& e : *v) {
      if (auto x = id_at<IdT>(&e, std::string(name) + "[" + std::to_string(i++) + "]"))
        out.push_back(std::move(*x));
    }
  }

  /// A date expression: parsed by parse_date; unreadable text is kept in the provenance.
  /// Returns the parser's reason when it could not be read.
  std::string date_at(const json* v, const std::string& field, FuzzyDate& out) {
    if (v && v->is_object()) return exact_date_at(*v, field, out);
    std::string text;
    string_at(v, field, text);
    if (text.empty()) return {};
    auto parsed = parse_date(text);
    if (parsed) {
      out = std::move(*parsed);
      return {};
    }
    out = FuzzyDate{};
    out.set_provenance(Provenance{text, Calendar::gregorian, {}});
    std::string reason = parsed.error().describe();
    soft(field, "cannot read '" + text + "' (" + reason + "); kept as written, undated");
    return reason;
  }

  /// The exact form {"edtf", "original", "calendar", "note"} the writer uses when the
  /// expression alone would not read back as the same date.
  std::string exact_date_at(const json& v, const std::string& field, FuzzyDate& out) {
    std::string edtf, original, calendar, note;
    for (const auto& [key, value] : v.items()) {
      std::string* target = key == "edtf"       ? &edtf
                            : key == "original" ? &original
                            : key == "calendar" ? &calendar
                            : key == "note"     ? &note
                                                : nullptr;
      if (!target) {
        warning(field + "." + key, "unknown field, ignored");
        continue;
      }
      string_at(&value, field + "." + key, *target);
    }
    Provenance provenance{original, Calendar::gregorian, note};
    if (!calendar.empty()) {
      auto c = parse_calendar(calendar);
      if (!c) {
        error(field + ".calendar", c.error().message);
        return c.error().message;
      }
      provenance.calendar = *c;
    }
    out = FuzzyDate{};
    if (!edtf.empty()) {
      auto parsed = parse_edtf(edtf);
      if (!parsed) {
        error(field + ".edtf", "not EDTF: " + parsed.error().describe());
        return parsed.error().describe();
      }
      out = std::move(*parsed);
    }
    out.set_provenance(std::move(provenance));
    return {};
  }

  void timestamp(const char* name, std::optional<Timestamp>& out) {
    const json* v = member(name);
    if (!v) return;
    if (!v->is_string()) {
      error(name, "expected a timestamp string, got " + json_type_name(*v));
      return;
    }
    auto t = parse_timestamp(v->get_ref<const std::string&>());
    if (!t) {
      error(name, "expected an ISO 8601 UTC time like 2026-11-27T00:00:00Z, got '" +
                      v->get<std::string>() + "'");
      return;
    }
    out = *t;
  }

  void identifiers(AuthorityIds& out) {
    const json* v = member("identifiers");
    if (!v) return;
    if (!v->is_object()) {
      error("identifiers", "expected an object, got " + json_type_name(*v));
      return;
    }
    auto get = [&](const char* key, std::string& s) {
      auto it = v->find(key);
      if (it != v->end() && !it->is_null()) string_at(&*it, std::string("identifiers.") + key, s);
    };
    get("viaf", out.viaf);
    get("wikidata", out.wikidata);
    get("lcnaf", out.lcnaf);
  }

  /// name, variants and name_forms of a person or organization.
  void names(NameVariant& name, std::vector<NameVariant>& variants) {
    string("name", name.form);
    name.script = script_of_text(name.form);
    std::vector<std::string> forms;
    strings("variants", forms);
    for (auto& f : forms) {
      NameVariant nv;
      nv.script = script_of_text(f);
      nv.form = std::move(f);
      variants.push_back(std::move(nv));
    }
    const json* v = member("name_forms");
    if (!v) return;
    if (!v->is_array()) {
      error("name_forms", "expected an array of objects, got " + json_type_name(*v));
      return;
    }
    std::set<const NameVariant*> used;
    variants.reserve(variants.size() + v->size());  // forms added below keep `used` valid
    std::size_t i = 0;
    for (const auto& e : *v) {
      const std::string field = "name_forms[" + std::to_string(i++) + "]";
      if (!e.is_object()) {
        error(field, "expected an object, got " + json_type_name(e));
        continue;
      }
      auto at = [&](const char* key) -> const json* {
        auto it = e.find(key);
        return it == e.end() || it->is_null() ? nullptr : &*it;
      };
      std::string form, script, scheme, source;
      string_at(at("form"), field + ".form", form);
      string_at(at("script"), field + ".script", script);
      string_at(at("scheme"), field + ".scheme", scheme);
      string_at(at("source"), field + ".source", source);
      // The first form with this text that no earlier entry described.
      NameVariant* target = nullptr;
      if (form == name.form && !used.contains(&name)) {
        target = &name;
      } else {
        for (auto& nv : variants) {
          if (nv.form == form && !used.contains(&nv)) {
            target = &nv;
            break;
          }
        }
      }
      if (!target) {
        // A form not listed in "variants" is one more variant, described here.
        if (form.empty()) {
          error(field + ".form", "is required");
          continue;
        }
        NameVariant added;
        added.form = form;
        added.script = text::detect_script(form).value_or(text::Script::none);
        variants.push_back(std::move(added));
        target = &variants.back();
      }
      used.insert(target);
      if (!script.empty()) {
        if (auto sc = text::parse_script(script))
          target->script = *sc;
        else
          error(field + ".script", sc.error().message);
      }
      if (!scheme.empty()) {
        if (auto sch = parse_scheme(scheme))
          target->scheme = *sch;
        else
          error(field + ".scheme",
                "unknown scheme '" + scheme + "' (expected bgn-pcgn, ala-lc, iso9 or popular)");
      }
      target->source = std::move(source);
    }
  }

  /// Warns about members no reader asked for.
  void warn_unknown() {
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
      if (it.key() != "type" && !known_.contains(it.key()))
        warning(it.key(), "unknown field, ignored");
    }
  }

 private:
  const json& obj_;
  std::vector<ImportIssue>& issues_;
  std::string_view file_;
  std::size_t line_;
  bool strict_;
  bool failed_ = false;
  std::set<std::string, std::less<>> known_;
};

// ---------------------------------------------------------------------------------------------
// Writing

void put(ordered_json& o, const char* key, const std::string& s) {
  if (!s.empty()) o[key] = s;
}
void put(ordered_json& o, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) o[key] = v;
}
template <class Tag>
void put(ordered_json& o, const char* key, const std::vector<Id<Tag>>& v) {
  if (v.empty()) return;
  ordered_json a = ordered_json::array();
  for (const auto& id : v)
    a.push_back(id.str());
  o[key] = std::move(a);
}
/// A date as its expression when reading that back gives the same date and provenance (the
/// note aside when `note_elsewhere`), else in the exact form {"edtf", "original", "calendar",
/// "note"}, so writing and reading never changes a date.
void put_date(ordered_json& o, const char* key, const FuzzyDate& d, bool note_elsewhere = false) {
  auto text = date_text(d);
  if (text.empty() && (note_elsewhere || d.provenance().note.empty())) return;
  const auto& p = d.provenance();
  bool exact = !text.empty() && p.original == text && (note_elsewhere || p.note.empty());
  if (exact) {
    auto back = parse_date(text);
    exact = back ? *back == d && back->provenance().calendar == p.calendar
                 : d.is_undated() && p.calendar == Calendar::gregorian;
  }
  if (exact) {
    put(o, key, text);
    return;
  }
  ordered_json x = ordered_json::object();
  put(x, "edtf", d.to_edtf());
  put(x, "original", p.original);
  if (p.calendar != Calendar::gregorian) x["calendar"] = to_string(p.calendar);
  if (!note_elsewhere) put(x, "note", p.note);
  o[key] = std::move(x);
}
void put_identifiers(ordered_json& o, const AuthorityIds& ids) {
  ordered_json x = ordered_json::object();
  put(x, "viaf", ids.viaf);
  put(x, "wikidata", ids.wikidata);
  put(x, "lcnaf", ids.lcnaf);
  if (!x.empty()) o["identifiers"] = std::move(x);
}
void put_names(ordered_json& o, const NameVariant& name, const std::vector<NameVariant>& variants) {
  put(o, "name", name.form);
  if (!variants.empty()) {
    ordered_json a = ordered_json::array();
    for (const auto& v : variants)
      a.push_back(v.form);
    o["variants"] = std::move(a);
  }
  // When any form carries more than its detected script, every form gets an entry, in order
  // (the reader gives entries to the forms in that order, so equal forms stay apart).
  auto plain = [](const NameVariant& nv) {
    return nv.script == script_of_text(nv.form) && !nv.scheme && nv.source.empty();
  };
  if (plain(name) && std::all_of(variants.begin(), variants.end(), plain)) return;
  ordered_json forms = ordered_json::array();
  auto add = [&](const NameVariant& nv) {
    ordered_json f = ordered_json::object();
    f["form"] = nv.form;
    f["script"] = text::to_string(nv.script);
    if (nv.scheme) f["scheme"] = to_string(*nv.scheme);
    put(f, "source", nv.source);
    forms.push_back(std::move(f));
  };
  add(name);
  for (const auto& v : variants)
    add(v);
  o["name_forms"] = std::move(forms);
}

ordered_json to_json(const Document& d) {
  ordered_json o = ordered_json::object();
  o["type"] = "document";
  o["id"] = d.id.str();
  put(o, "title", d.title);
  put_date(o, "date", d.date, /*note_elsewhere=*/true);
  put(o, "date_note", d.date.provenance().note);
  put(o, "summary", d.summary);
  put(o, "doc_type", d.doc_type);
  put(o, "languages", d.languages);
  put(o, "translations", d.translations);
  if (!d.agents.empty()) {
    ordered_json a = ordered_json::array();
    for (const auto& ag : d.agents) {
      ordered_json x = ordered_json::object();
      x["id"] = agent_id_text(ag.id);
      if (std::holds_alternative<OrganizationId>(ag.id)) x["kind"] = "organization";
      x["role"] = to_string(ag.role);
      a.push_back(std::move(x));
    }
    o["agents"] = std::move(a);
  }
  put(o, "places", d.places);
  put(o, "subjects", d.subjects);
  put(o, "collections", d.collections);
  if (!d.source.repository.empty() || !d.source.reference.empty()) {
    ordered_json s = ordered_json::object();
    put(s, "repository", d.source.repository);
    put(s, "reference", d.source.reference);
    o["source"] = std::move(s);
  }
  put(o, "classification", d.classification);
  put(o, "rights", d.rights);
  put(o, "related", d.related);
  if (d.views != 0) o["views"] = d.views;
  if (d.created) o["created"] = format_timestamp(*d.created);
  if (d.modified) o["modified"] = format_timestamp(*d.modified);
  return o;
}

ordered_json to_json(const Collection& c) {
  ordered_json o = ordered_json::object();
  o["type"] = "collection";
  o["id"] = c.id.str();
  put(o, "title", c.title);
  put(o, "description", c.description);
  put(o, "image_caption", c.image_caption);
  if (c.parent) o["parent"] = c.parent->str();
  put(o, "related", c.related);
  put(o, "documents", c.documents);
  return o;
}

ordered_json to_json(const Person& p) {
  ordered_json o = ordered_json::object();
  o["type"] = "person";
  o["id"] = p.id.str();
  put_names(o, p.name, p.variants);
  put_date(o, "born", p.born);
  put_date(o, "died", p.died);
  if (!p.positions.empty()) {
    ordered_json a = ordered_json::array();
    for (const auto& pos : p.positions) {
      ordered_json x = ordered_json::object();
      put(x, "title", pos.title);
      if (pos.organization) x["organization"] = pos.organization->str();
      put_date(x, "date", pos.date);
      a.push_back(std::move(x));
    }
    o["positions"] = std::move(a);
  }
  put(o, "affiliations", p.affiliations);
  put_identifiers(o, p.identifiers);
  put(o, "note", p.note);
  return o;
}

ordered_json to_json(const Organization& g) {
  ordered_json o = ordered_json::object();
  o["type"] = "organization";
  o["id"] = g.id.str();
  put_names(o, g.name, g.variants);
  put_date(o, "existed", g.existed);
  if (g.parent) o["parent"] = g.parent->str();
  put_identifiers(o, g.identifiers);
  return o;
}

// ---------------------------------------------------------------------------------------------
// The reader

class JsonlReader {
 public:
  JsonlReader(std::string_view file, const ImportOptions& options)
      : file_(file), options_(options) {}

  Result<ImportResult> read(std::istream& in) {
    LineReader lines(in);
    std::string line;
    std::size_t length = 0;
    std::size_t number = 0;
    for (;;) {
      const auto status = lines.next(line, length);
      if (status == LineReader::Status::end) break;
      ++number;
      if (status == LineReader::Status::too_long) {
        reject(ImportIssue{Severity::error,
                           std::string(file_),
                           number,
                           0,
                           {},
                           "line of " + std::to_string(length) +
                               " bytes is longer than the limit of " +
                               std::to_string(kMaxLineBytes) + " bytes; skipped"});
      } else {
        read_line(line, number);
      }
      if (result_.stopped) break;
    }
    if (lines.failed())
      return make_error(ErrorCode::io_error, "reading " + std::string(file_) + " failed");
    resolve_agents();
    validate_batch();
    return std::move(result_);
  }

 private:
  void reject(ImportIssue issue) {
    result_.issues.push_back(std::move(issue));
    ++result_.rejected;
    if (options_.strict) result_.stopped = true;
  }

  void read_line(const std::string& line, std::size_t number) {
    if (line.find_first_not_of(" \t\r\f\v") == std::string::npos) return;  // blank
    json value;
    if (auto problem = LineParser(line).parse(value)) {
      reject(ImportIssue{Severity::error, std::string(file_), number, problem->column,
                         std::move(problem->field), std::move(problem->message)});
      return;
    }
    if (!value.is_object()) {
      reject(ImportIssue{Severity::error,
                         std::string(file_),
                         number,
                         0,
                         {},
                         "expected a JSON object, got " + json_type_name(value)});
      return;
    }
    const auto type_it = value.find("type");
    if (type_it == value.end() || !type_it->is_string()) {
      reject(ImportIssue{Severity::error, std::string(file_), number, 0, "type",
                         type_it == value.end()
                             ? std::string("missing")
                             : "expected a string, got " + json_type_name(*type_it)});
      return;
    }
    const std::string type = type_it->get<std::string>();
    Fields f(value, result_.issues, file_, number, options_.strict);
    if (type == "document") {
      read_document(f, number);
    } else if (type == "collection") {
      read_collection(f, number);
    } else if (type == "person") {
      read_person(f, number);
    } else if (type == "organization") {
      read_organization(f, number);
    } else {
      f.error("type", "unknown record type '" + type +
                          "' (expected document, collection, person or organization)");
    }
    if (f.failed()) {
      ++result_.rejected;
      if (options_.strict) result_.stopped = true;
    }
  }

  /// The record's id (an error when missing or invalid) and a duplicate check.
  template <class IdT>
  std::optional<IdT> record_id(Fields& f, std::unordered_set<std::string>& seen, bool agent) {
    const json* v = f.member("id");
    if (!v) {
      f.error("id", "missing");
      return std::nullopt;
    }
    auto id = f.id_at<IdT>(v, "id");
    if (!id) return std::nullopt;
    if (seen.contains(id->str()) || (agent && agent_ids_.contains(id->str()))) {
      f.error("id", "duplicate id '" + id->str() + "'");
      return std::nullopt;
    }
    return id;
  }

  /// Reports the record's own validation problems; false when one is an error.
  template <class R>
  void check(Fields& f, const R& record) {
    for (auto& p : validate(record)) {
      own_problems_.insert(p.describe());
      if (p.severity == Severity::error)
        f.error(p.field, p.message);
      else
        f.warning(p.field, p.message);
    }
  }

  void read_document(Fields& f, std::size_t line) {
    Document d;
    auto id = record_id<DocumentId>(f, document_ids_, false);
    if (id) d.id = *id;
    f.string("title", d.title);
    d.date_error = f.date_at(f.member("date"), "date", d.date);
    std::string note;
    f.string("date_note", note);
    if (!note.empty()) d.date.set_note(note);
    f.string("summary", d.summary);
    f.string("doc_type", d.doc_type);
    f.strings("languages", d.languages);
    f.strings("translations", d.translations);
    std::vector<NamedAgent> named;
    if (const json* agents = f.member("agents")) {
      if (!agents->is_array()) {
        f.error("agents", "expected an array of objects, got " + json_type_name(*agents));
      } else {
        std::size_t i = 0;
        for (const auto& a : *agents) {
          const std::string field = "agents[" + std::to_string(i++) + "]";
          if (!a.is_object()) {
            f.error(field, "expected an object, got " + json_type_name(a));
            continue;
          }
          AgentLink link;
          auto role_it = a.find("role");
          if (role_it != a.end() && !role_it->is_null()) {
            std::string role;
            f.string_at(&*role_it, field + ".role", role);
            if (!role.empty()) {
              if (auto r = parse_agent_role(role))
                link.role = *r;
              else
                f.error(field + ".role", "unknown role '" + role +
                                             "' (expected author, recipient, signatory or "
                                             "mentioned)");
            }
          }
          auto id_it = a.find("id");
          auto name_it = a.find("name");
          std::string kind;
          if (auto kind_it = a.find("kind"); kind_it != a.end() && !kind_it->is_null()) {
            f.string_at(&*kind_it, field + ".kind", kind);
            if (kind != "person" && kind != "organization") {
              f.error(field + ".kind",
                      "unknown kind '" + kind + "' (expected person or organization)");
            }
          }
          if (id_it != a.end() && !id_it->is_null()) {
            if (auto pid = f.id_at<PersonId>(&*id_it, field + ".id")) link.id = *pid;
            if (kind == "organization") link.id = OrganizationId(agent_id_text(link.id));
          } else if (name_it != a.end() && !name_it->is_null()) {
            std::string name;
            f.string_at(&*name_it, field + ".name", name);
            if (name.empty()) {
              f.error(field + ".name", "empty name");
              continue;
            }
            link.id = PersonId("pending");  // resolved after the whole input is read
            named.push_back(NamedAgent{0, d.agents.size(), std::move(name), line});
          } else {
            f.error(field, "needs an \"id\" or a \"name\"");
            continue;
          }
          d.agents.push_back(std::move(link));
        }
      }
    }
    f.strings("places", d.places);
    f.strings("subjects", d.subjects);
    f.ids("collections", d.collections);
    if (const json* s = f.member("source")) {
      if (!s->is_object()) {
        f.error("source", "expected an object, got " + json_type_name(*s));
      } else {
        auto get = [&](const char* key, std::string& out) {
          auto it = s->find(key);
          if (it != s->end() && !it->is_null())
            f.string_at(&*it, std::string("source.") + key, out);
        };
        get("repository", d.source.repository);
        get("reference", d.source.reference);
      }
    }
    f.string("classification", d.classification);
    f.string("rights", d.rights);
    f.ids("related", d.related);
    if (const json* v = f.member("views")) {
      if (v->is_number_unsigned())
        d.views = v->get<std::uint64_t>();
      else if (v->is_number_integer())
        f.error("views", "expected a count (0 or more), got " + v->dump());
      else if (v->is_number_float())
        f.error("views", "expected a non-negative integer up to " +
                             std::to_string(std::numeric_limits<std::uint64_t>::max()) + ", got " +
                             v->dump());
      else
        f.error("views", "expected a non-negative integer, got " + json_type_name(*v));
    }
    f.timestamp("created", d.created);
    f.timestamp("modified", d.modified);
    f.warn_unknown();
    if (f.failed()) return;
    check(f, d);
    if (f.failed()) return;
    document_ids_.insert(d.id.str());
    for (auto& n : named) {
      n.document = result_.records.documents.size();
      named_.push_back(std::move(n));
    }
    lines_[key("document", d.id.str())] = line;
    result_.records.documents.push_back(std::move(d));
  }

  void read_collection(Fields& f, std::size_t line) {
    Collection c;
    if (auto id = record_id<CollectionId>(f, collection_ids_, false)) c.id = *id;
    f.string("title", c.title);
    f.string("description", c.description);
    f.string("image_caption", c.image_caption);
    c.parent = f.id<CollectionId>("parent");
    f.ids("related", c.related);
    f.ids("documents", c.documents);
    f.warn_unknown();
    if (f.failed()) return;
    check(f, c);
    if (f.failed()) return;
    collection_ids_.insert(c.id.str());
    lines_[key("collection", c.id.str())] = line;
    result_.records.collections.push_back(std::move(c));
  }

  void read_person(Fields& f, std::size_t line) {
    Person p;
    if (auto id = record_id<PersonId>(f, person_ids_, true)) p.id = *id;
    f.names(p.name, p.variants);
    f.date_at(f.member("born"), "born", p.born);
    f.date_at(f.member("died"), "died", p.died);
    if (const json* v = f.member("positions")) {
      if (!v->is_array()) {
        f.error("positions", "expected an array of objects, got " + json_type_name(*v));
      } else {
        std::size_t i = 0;
        for (const auto& e : *v) {
          const std::string field = "positions[" + std::to_string(i++) + "]";
          if (!e.is_object()) {
            f.error(field, "expected an object, got " + json_type_name(e));
            continue;
          }
          auto at = [&](const char* k) -> const json* {
            auto it = e.find(k);
            return it == e.end() || it->is_null() ? nullptr : &*it;
          };
          Position pos;
          f.string_at(at("title"), field + ".title", pos.title);
          pos.organization = f.id_at<OrganizationId>(at("organization"), field + ".organization");
          f.date_at(at("date"), field + ".date", pos.date);
          p.positions.push_back(std::move(pos));
        }
      }
    }
    f.ids("affiliations", p.affiliations);
    f.identifiers(p.identifiers);
    f.string("note", p.note);
    f.warn_unknown();
    if (f.failed()) return;
    check(f, p);
    if (f.failed()) return;
    person_ids_.insert(p.id.str());
    agent_ids_.insert(p.id.str());
    lines_[key("person", p.id.str())] = line;
    result_.records.people.push_back(std::move(p));
  }

  void read_organization(Fields& f, std::size_t line) {
    Organization g;
    if (auto id = record_id<OrganizationId>(f, organization_ids_, true)) g.id = *id;
    f.names(g.name, g.variants);
    f.date_at(f.member("existed"), "existed", g.existed);
    g.parent = f.id<OrganizationId>("parent");
    f.identifiers(g.identifiers);
    f.warn_unknown();
    if (f.failed()) return;
    check(f, g);
    if (f.failed()) return;
    organization_ids_.insert(g.id.str());
    agent_ids_.insert(g.id.str());
    lines_[key("organization", g.id.str())] = line;
    result_.records.organizations.push_back(std::move(g));
  }

  static std::string key(std::string_view kind, const std::string& id) {
    return std::string(kind) + '\n' + id;
  }

  /// Second pass: agent ids to persons or organizations; agent names to people.
  void resolve_agents() {
    auto& records = result_.records;
    for (auto& d : records.documents) {
      for (auto& a : d.agents) {
        const std::string& text = agent_id_text(a.id);
        if (!person_ids_.contains(text) && organization_ids_.contains(text))
          a.id = OrganizationId(text);
      }
    }
    if (named_.empty()) return;
    NameMatcher matcher;
    for (std::size_t i = 0; i < records.people.size(); ++i) {
      const auto& p = records.people[i];
      if (!p.name.form.empty()) (void)matcher.add(i, p.name.form);
      for (const auto& v : p.variants)
        (void)matcher.add(i, v.form);
    }
    std::unordered_set<std::string> taken = person_ids_;
    taken.insert(organization_ids_.begin(), organization_ids_.end());
    for (const auto& n : named_) {
      auto& link = records.documents[n.document].agents[n.agent];
      auto found = matcher.find(n.name, 1);
      if (found && !found->empty()) {
        link.id = records.people[static_cast<std::size_t>(found->front().id)].id;
        continue;
      }
      const std::string base = detail::person_id_from_name(n.name);
      std::string id = base;
      for (int k = 2; taken.contains(id); ++k)
        id = base + "-" + std::to_string(k);
      taken.insert(id);
      Person p;
      p.id = PersonId(id);
      p.name.form = n.name;
      p.name.script = script_of_text(n.name);
      p.name.source = std::string(file_);
      result_.issues.push_back(
          ImportIssue{Severity::warning, std::string(file_), n.line, 0,
                      "agents[" + std::to_string(n.agent) + "].name",
                      "no person named '" + n.name + "' in the input; created " + id});
      (void)matcher.add(records.people.size(), n.name);
      link.id = p.id;
      person_ids_.insert(id);
      records.people.push_back(std::move(p));
    }
  }

  /// Batch problems (references, duplicates across kinds) not already reported per record.
  void validate_batch() {
    ValidationOptions vo;
    vo.unknown_references_are_errors = false;
    for (auto& p : validate(result_.records, vo)) {
      if (auto it = own_problems_.find(p.describe()); it != own_problems_.end()) {
        own_problems_.erase(it);
        continue;
      }
      std::size_t line = 0;
      for (const char* kind : {"document", "collection", "person", "organization"}) {
        if (auto it = lines_.find(key(kind, p.record)); it != lines_.end()) {
          line = it->second;
          break;
        }
      }
      result_.issues.push_back(
          ImportIssue{p.severity, std::string(file_), line, 0, p.field, p.message});
    }
  }

  std::string_view file_;
  ImportOptions options_;
  ImportResult result_;
  std::unordered_set<std::string> document_ids_, collection_ids_, person_ids_, organization_ids_,
      agent_ids_;
  std::unordered_map<std::string, std::size_t> lines_;
  std::multiset<std::string> own_problems_;
  std::vector<NamedAgent> named_;
};

}  // namespace

Result<ImportResult> read_jsonl(std::istream& in, std::string_view file_name,
                                const ImportOptions& options) {
  JsonlReader reader(file_name, options);
  return reader.read(in);
}

Result<ImportResult> read_jsonl_file(const std::filesystem::path& path,
                                     const ImportOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::io_error, "cannot open " + path.string());
  return read_jsonl(in, path.string(), options);
}

Result<void> write_jsonl(std::ostream& out, const Records& records) {
  auto emit = [&](const ordered_json& o, const std::string& id) -> Result<void> {
    try {
      out << o.dump(-1, ' ', false, json::error_handler_t::strict) << '\n';
    } catch (const json::type_error& e) {
      return make_error(ErrorCode::invalid_utf8,
                        id + ": cannot write: " + clean_json_message(e.what()));
    }
    if (!out) return make_error(ErrorCode::io_error, "writing JSON Lines failed");
    return {};
  };
  for (const auto& d : records.documents)
    if (auto r = emit(to_json(d), d.id.str()); !r) return r;
  for (const auto& c : records.collections)
    if (auto r = emit(to_json(c), c.id.str()); !r) return r;
  for (const auto& p : records.people)
    if (auto r = emit(to_json(p), p.id.str()); !r) return r;
  for (const auto& g : records.organizations)
    if (auto r = emit(to_json(g), g.id.str()); !r) return r;
  return {};
}

}  // namespace archive
