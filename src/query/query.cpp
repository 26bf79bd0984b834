// The query language: a recursive-descent parser with byte offsets in every error, the
// canonical writer (Query::to_string) and the builder.
//
//   query    := item*                       items are ANDed; sort: only at the top
//   and      := or (["AND"] or)*
//   or       := unary ("OR" unary)*
//   unary    := "-" unary | primary
//   primary  := "(" and ")" | FIELD ":" value | "\"" phrase "\"" | word
#include "archive/query/query.hpp"

#include <array>
#include <cassert>
#include <utility>

#include "archive/date/parse_date.hpp"
#include "archive/text/utf8.hpp"
#include "detail/enum_names.hpp"
#include "text/tokenizer.hpp"

namespace archive {

namespace {

constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
constexpr bool ends_word(char c) {
  return is_space(c) || c == '(' || c == ')' || c == '"';
}
constexpr bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The prefix each field is written with; "" for any, which has none.
constexpr auto kFields = detail::enum_names<QueryField>({{QueryField::any, ""},
                                                         {QueryField::title, "title"},
                                                         {QueryField::person, "person"},
                                                         {QueryField::organization, "org"},
                                                         {QueryField::collection, "collection"},
                                                         {QueryField::doc_type, "type"},
                                                         {QueryField::language, "lang"}},
                                                        "");
static_assert(kFields.valid());

constexpr auto kSortOrders = detail::enum_names<SortOrder>({{SortOrder::relevance, "relevance"},
                                                            {SortOrder::date_ascending, "date"},
                                                            {SortOrder::date_descending, "-date"},
                                                            {SortOrder::popularity, "popularity"}},
                                                           "relevance");
static_assert(kSortOrders.valid());

// How a word is named in an error: quoted, and cut to a few dozen bytes (on a character
// boundary) when it is long.
std::string shown(std::string_view text) {
  constexpr std::size_t kShown = 40;
  if (text.size() <= kShown) return "'" + std::string(text) + "'";
  std::size_t end = kShown;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  return "'" + std::string(text.substr(0, end)) + "…'";
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The day range of "A..B" bounds; either may be empty (open).
Result<DayRange> range_of(std::string_view from, std::string_view to, std::size_t from_at,
                          std::size_t to_at) {
  DayRange range;
  auto bound = [](std::string_view text, std::size_t at, bool first) -> Result<std::optional<Day>> {
    if (text.empty()) return std::optional<Day>{};
    auto date = parse_date(text);
    if (!date) {
      return make_error(ErrorCode::parse_error,
                        "cannot read the date '" + std::string(text) + "': " + date.error().message,
                        at + date.error().offset.value_or(0));
    }
    const auto b = first ? date->earliest() : date->latest();
    if (b.kind == DayBound::Kind::open) return std::optional<Day>{};
    if (!b.is_day()) {
      return make_error(ErrorCode::parse_error,
                        "the date '" + std::string(text) + "' has no " +
                            (first ? "earliest" : "latest") + " day to bound a range with",
                        at);
    }
    return std::optional<Day>{b.day};
  };
  auto first = bound(from, from_at, true);
  if (!first) return std::move(first).error();
  auto last = bound(to, to_at, false);
  if (!last) return std::move(last).error();
  range.first = *first;
  range.last = *last;
  if (range.first && range.last && *range.last < *range.first) {
    return make_error(ErrorCode::parse_error,
                      "the range ends (" + range.last->to_string() + ") before it begins (" +
                          range.first->to_string() + ")",
                      from_at);
  }
  return range;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  Result<Query> parse() {
    if (s_.size() > kMaxQueryBytes) {
      return fail("the query is longer than " + std::to_string(kMaxQueryBytes) + " bytes",
                  kMaxQueryBytes);
    }
    if (auto r = text::validate_utf8(s_); !r) return std::move(r).error();
    skip_space();
    if (at_end()) return fail("empty query", 0);
    Query q;
    std::vector<QueryNode> items;
    while (true) {
      skip_space();
      if (at_end()) break;
      if (peek() == ')') return fail("')' without a matching '('", pos_);
      if (at_keyword("sort")) {
        if (auto r = parse_sort(q); !r) return std::move(r).error();
        continue;
      }
      if (auto r = parse_item(items); !r) return std::move(r).error();
    }
    if (items.empty()) {
      q.root.kind = QueryNode::Kind::all_of;  // only sort: every document
    } else {
      q.root = items.size() == 1 ? std::move(items[0]) : query::all_of(std::move(items));
    }
    return q;
  }

 private:
  Error fail(std::string message, std::size_t at) const {
    return make_error(ErrorCode::parse_error, std::move(message), at);
  }
  // A word, phrase or field value the index makes no term of (only punctuation or symbols:
  // `%`, `*`, `...`) would match every document, or after '-' none: refused, as "" is.
  Result<QueryNode> searchable(QueryNode node, std::size_t at) const {
    if (detail::has_terms(node.text)) return node;
    return fail((node.kind == QueryNode::Kind::phrase ? "the phrase " : "") + shown(node.text) +
                    " has no letters or digits to search for",
                at);
  }
  bool at_end() const { return pos_ >= s_.size(); }
  char peek() const { return s_[pos_]; }
  void skip_space() {
    while (!at_end() && is_space(peek()))
      ++pos_;
  }
  // An operator word: exactly `op`, followed by a space, a parenthesis or the end.
  bool at_operator(std::string_view op) const {
    return s_.substr(pos_).starts_with(op) &&
           (pos_ + op.size() == s_.size() || is_space(s_[pos_ + op.size()]) ||
            s_[pos_ + op.size()] == '(' || s_[pos_ + op.size()] == ')' ||
            s_[pos_ + op.size()] == '"');
  }
  bool at_keyword(std::string_view name) const {
    return s_.substr(pos_).starts_with(name) && pos_ + name.size() < s_.size() &&
           s_[pos_ + name.size()] == ':';
  }

  Result<void> parse_sort(Query& q) {
    const auto start = pos_;
    if (sorted_) return fail("a query has one sort: order", start);
    pos_ += 5;
    const auto value_at = pos_;
    while (!at_end() && !ends_word(peek()))
      ++pos_;
    const auto value = s_.substr(value_at, pos_ - value_at);
    const auto order = kSortOrders.parse(value);
    if (!order) {
      return fail(
          "unknown sort '" + std::string(value) + "' (expected " + kSortOrders.expected() + ")",
          value_at);
    }
    q.sort = *order;
    sorted_ = true;
    return {};
  }

  // One item of an AND list, and an "AND" after it when there is one.
  Result<void> parse_item(std::vector<QueryNode>& items) {
    auto node = parse_or();
    if (!node) return std::move(node).error();
    items.push_back(std::move(*node));
    skip_space();
    if (at_operator("AND")) {
      const auto and_at = pos_;
      pos_ += 3;
      skip_space();
      if (at_end() || peek() == ')' || at_operator("OR") || at_operator("AND")) {
        return fail("'AND' needs a term after it", and_at);
      }
    }
    return {};
  }

  Result<QueryNode> parse_and(std::size_t open_at) {
    std::vector<QueryNode> items;
    while (true) {
      skip_space();
      if (at_end()) return fail("'(' without a matching ')'", open_at);
      if (peek() == ')') break;
      if (at_keyword("sort")) return fail("sort: belongs outside parentheses", pos_);
      if (auto r = parse_item(items); !r) return std::move(r).error();
    }
    if (items.empty()) return fail("empty parentheses", open_at);
    return items.size() == 1 ? std::move(items[0]) : query::all_of(std::move(items));
  }

  Result<QueryNode> parse_or() {
    if (at_operator("OR") || at_operator("AND")) {
      return fail("'" + std::string(s_.substr(pos_, at_operator("OR") ? 2 : 3)) +
                      "' needs a term before it",
                  pos_);
    }
    auto first = parse_unary();
    if (!first) return first;
    std::vector<QueryNode> alternatives;
    alternatives.push_back(std::move(*first));
    while (true) {
      const auto save = pos_;
      skip_space();
      if (!at_operator("OR")) {
        pos_ = save;
        break;
      }
      const auto or_at = pos_;
      pos_ += 2;
      skip_space();
      if (at_end() || peek() == ')' || at_operator("OR") || at_operator("AND") ||
          at_keyword("sort")) {
        return fail("'OR' needs a term after it", or_at);
      }
      auto next = parse_unary();
      if (!next) return next;
      alternatives.push_back(std::move(*next));
    }
    return alternatives.size() == 1 ? std::move(alternatives[0])
                                    : query::any_of(std::move(alternatives));
  }

  Result<QueryNode> parse_unary() {
    if (++depth_ > kMaxQueryDepth) {
      return fail("the query nests deeper than " + std::to_string(kMaxQueryDepth) + " levels",
                  pos_);
    }
    struct Leave {
      std::size_t& depth;
      ~Leave() { --depth; }
    } leave{depth_};
    if (peek() == '-') {
      const auto minus_at = pos_++;
      if (at_end() || is_space(peek()) || peek() == ')' || at_operator("OR") ||
          at_operator("AND")) {
        return fail("'-' must be followed by what to exclude", minus_at);
      }
      auto child = parse_unary();
      if (!child) return child;
      return query::exclude(std::move(*child));
    }
    return parse_primary();
  }

  Result<QueryNode> parse_primary() {
    const char c = peek();
    if (c == '(') {
      const auto open_at = pos_++;
      auto inner = parse_and(open_at);
      if (!inner) return inner;
      ++pos_;  // ')'
      return inner;
    }
    // Only what matches counts as a term (words, phrases, fields, dates), not a group: the
    // written form adds parentheses the text may not have had, and must parse back.
    if (++terms_ > kMaxQueryTerms) {
      return fail("the query has more than " + std::to_string(kMaxQueryTerms) + " terms", pos_);
    }
    if (c == ')') return fail("')' without a matching '('", pos_);
    if (c == '"') {
      const auto open_at = pos_;
      auto text = parse_quoted();
      if (!text) return std::move(text).error();
      return searchable(query::phrase(std::move(*text)), open_at);
    }
    // A field prefix: ASCII letters then ':'.
    std::size_t end = pos_;
    while (end < s_.size() && is_ascii_letter(s_[end]))
      ++end;
    if (end > pos_ && end < s_.size() && s_[end] == ':') {
      const auto name = ascii_lower(s_.substr(pos_, end - pos_));
      const auto name_at = pos_;
      if (name == "date") {
        pos_ = end + 1;
        return parse_date_value(name_at);
      }
      if (name == "sort") return fail("sort: belongs at the top level of a query", name_at);
      if (const auto field = kFields.parse(name); field && *field != QueryField::any) {
        pos_ = end + 1;
        return parse_field_value(*field, name_at);
      }
      return fail("unknown field '" + std::string(s_.substr(pos_, end - pos_)) +
                      ":' (expected title, person, org, collection, type, lang, date or sort)",
                  name_at);
    }
    const auto start = pos_;
    while (!at_end() && !ends_word(peek()))
      ++pos_;
    return searchable(query::word(std::string(s_.substr(start, pos_ - start))), start);
  }

  // A quoted string at pos_ ("…", with \" and \\ escapes); pos_ ends after the closing quote.
  Result<std::string> parse_quoted() {
    const auto open_at = pos_++;
    std::string text;
    while (true) {
      if (at_end()) return fail("'\"' without a closing '\"'", open_at);
      const char c = s_[pos_++];
      if (c == '"') break;
      if (c == '\\' && !at_end() && (peek() == '"' || peek() == '\\')) {
        text += s_[pos_++];
        continue;
      }
      text += c;
    }
    bool blank = true;
    for (char c : text)
      blank = blank && is_space(c);
    if (blank) return fail("empty quotes", open_at);
    return text;
  }

  Result<QueryNode> parse_field_value(QueryField field, std::size_t name_at) {
    if (at_end() || (ends_word(peek()) && peek() != '"')) {
      return fail("'" + std::string(to_string(field)) + ":' needs a value", name_at);
    }
    // type: and lang: compare the whole value (case-folded) with the documents' values, so any
    // value is a value; the other fields search words (and ids, which begin with a letter or
    // digit), so a value without any is refused.
    const bool words = field != QueryField::doc_type && field != QueryField::language;
    const auto start = pos_;
    QueryNode node;
    if (peek() == '"') {
      auto text = parse_quoted();
      if (!text) return std::move(text).error();
      node = query::phrase(std::move(*text), field);
    } else {
      while (!at_end() && !ends_word(peek()))
        ++pos_;
      node = query::word(std::string(s_.substr(start, pos_ - start)), field);
    }
    return words ? searchable(std::move(node), start) : std::move(node);
  }

  // After "date:": [=] ( unknown | bound [.. [bound]] | .. bound ).
  Result<QueryNode> parse_date_value(std::size_t name_at) {
    const bool certain = !at_end() && peek() == '=';
    if (certain) ++pos_;
    if (at_end() || (ends_word(peek()) && peek() != '"')) {
      return fail("'date:' needs a range, e.g. date:1945..1946", name_at);
    }
    const auto value_at = pos_;
    // "unknown", as a whole word.
    if (s_.substr(pos_).starts_with("unknown") &&
        (pos_ + 7 == s_.size() || ends_word(s_[pos_ + 7]))) {
      if (certain) return fail("date:=unknown is not a range; write date:unknown", name_at);
      pos_ += 7;
      return query::date_unknown();
    }
    struct Bound {
      std::string text;     // the bound's date expression
      std::size_t at = 0;   // where it starts
      bool quoted = false;  // written in quotes
    };
    auto read_bound = [&](Bound& b) -> Result<void> {
      b.at = pos_;
      if (!at_end() && peek() == '"') {
        auto text = parse_quoted();
        if (!text) return std::move(text).error();
        b.text = std::move(*text);
        b.quoted = true;
        ++b.at;
        return {};
      }
      const auto start = pos_;
      while (!at_end() && !ends_word(peek()) && !s_.substr(pos_).starts_with(".."))
        ++pos_;
      b.text = std::string(s_.substr(start, pos_ - start));
      return {};
    };
    Bound from, to;
    if (auto r = read_bound(from); !r) return std::move(r).error();
    bool ranged = false;
    if (s_.substr(pos_).starts_with("..")) {
      ranged = true;
      pos_ += 2;
      if (!at_end() && !is_space(peek()) && peek() != ')') {
        if (auto r = read_bound(to); !r) return std::move(r).error();
      } else {
        to.at = pos_;
      }
    }
    if (!at_end() && !ends_word(peek())) {
      return fail("unexpected '" + std::string(1, peek()) + "' in the date range", pos_);
    }
    if (ranged && from.text.empty() && to.text.empty()) {
      return fail("'..' needs a date on at least one side", value_at);
    }
    if (!ranged && from.text.empty()) return fail("'date:' needs a range", value_at);
    auto range =
        range_of(from.text, ranged ? to.text : from.text, from.at, ranged ? to.at : from.at);
    if (!range) return std::move(range).error();
    QueryNode node = query::date_range(
        *range, certain ? DateMatch::certainly_within : DateMatch::possibly_overlaps);
    node.text = std::string(s_.substr(value_at, pos_ - value_at));
    return node;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  std::size_t terms_ = 0;
  bool sorted_ = false;
};

// Writing ---------------------------------------------------------------------------------

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

// A word the parser would read back as the same term.
bool plain_word(std::string_view w) {
  if (w.empty() || w == "OR" || w == "AND" || w.front() == '-') return false;
  for (char c : w) {
    if (ends_word(c)) return false;
  }
  std::size_t letters = 0;
  while (letters < w.size() && is_ascii_letter(w[letters]))
    ++letters;
  return !(letters > 0 && letters < w.size() && w[letters] == ':');
}

// A field's value the parser would read back whole (after "title:" only a word end stops it).
bool plain_value(std::string_view v) {
  if (v.empty()) return false;
  for (char c : v) {
    if (ends_word(c)) return false;
  }
  return true;
}

void write(const QueryNode& node, std::string& out, bool nested);

void write_children(const QueryNode& node, std::string& out, std::string_view separator) {
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    if (i > 0) out += separator;
    write(node.children[i], out, true);
  }
}

void write(const QueryNode& node, std::string& out, bool nested) {
  using Kind = QueryNode::Kind;
  auto field_prefix = [&] {
    if (node.field != QueryField::any) {
      out += to_string(node.field);
      out += ':';
    }
  };
  switch (node.kind) {
    case Kind::term:
      field_prefix();
      if (node.field == QueryField::any ? plain_word(node.text) : plain_value(node.text)) {
        out += node.text;
      } else {
        out += quoted(node.text);
      }
      return;
    case Kind::phrase:
      field_prefix();
      out += quoted(node.text);
      return;
    case Kind::all_of:
    case Kind::any_of: {
      if (node.children.empty()) return;  // every document: nothing to write
      const bool parens = nested;
      if (parens) out += '(';
      write_children(node, out, node.kind == Kind::all_of ? " " : " OR ");
      if (parens) out += ')';
      return;
    }
    case Kind::exclude:
      out += '-';
      if (!node.children.empty()) write(node.children[0], out, true);
      return;
    case Kind::date_range:
      out += "date:";
      if (node.date_match == DateMatch::certainly_within) out += '=';
      if (!node.text.empty()) {
        out += node.text;
      } else {
        if (node.range.first) out += node.range.first->to_string();
        out += "..";
        if (node.range.last) out += node.range.last->to_string();
      }
      return;
    case Kind::date_unknown:
      out += "date:unknown";
      return;
  }
}

QueryNode field_node(std::string text, QueryField field) {
  bool spaced = false;
  for (char c : text)
    spaced = spaced || is_space(c);
  return spaced ? query::phrase(std::move(text), field) : query::word(std::move(text), field);
}

}  // namespace

const std::string& to_string(QueryField field) noexcept {
  return detail::enum_name<kFields>(field);
}

const std::string& to_string(SortOrder order) noexcept {
  return detail::enum_name<kSortOrders>(order);
}

std::string Query::to_string() const {
  std::string out;
  write(root, out, false);
  if (sort != SortOrder::relevance || out.empty()) {  // "sort:relevance" alone: every document
    if (!out.empty()) out += ' ';
    out += "sort:";
    out += archive::to_string(sort);
  }
  return out;
}

Result<Query> parse_query(std::string_view text) {
  return Parser(text).parse();
}

namespace query {

QueryNode word(std::string word, QueryField field) {
  QueryNode n;
  n.kind = QueryNode::Kind::term;
  n.field = field;
  n.text = std::move(word);
  return n;
}

QueryNode phrase(std::string words, QueryField field) {
  QueryNode n;
  n.kind = QueryNode::Kind::phrase;
  n.field = field;
  n.text = std::move(words);
  return n;
}

QueryNode person(std::string name) {
  return field_node(std::move(name), QueryField::person);
}
QueryNode organization(std::string name) {
  return field_node(std::move(name), QueryField::organization);
}
QueryNode collection(std::string id_or_words) {
  return field_node(std::move(id_or_words), QueryField::collection);
}
QueryNode doc_type(std::string type) {
  return field_node(std::move(type), QueryField::doc_type);
}
QueryNode language(std::string code) {
  return field_node(std::move(code), QueryField::language);
}

QueryNode all_of(std::vector<QueryNode> children) {
  assert(!children.empty());
  if (children.size() == 1) return std::move(children[0]);
  QueryNode n;
  n.kind = QueryNode::Kind::all_of;
  n.children = std::move(children);
  return n;
}

QueryNode any_of(std::vector<QueryNode> children) {
  assert(!children.empty());
  if (children.size() == 1) return std::move(children[0]);
  QueryNode n;
  n.kind = QueryNode::Kind::any_of;
  n.children = std::move(children);
  return n;
}

QueryNode exclude(QueryNode child) {
  QueryNode n;
  n.kind = QueryNode::Kind::exclude;
  n.children.push_back(std::move(child));
  return n;
}

Result<QueryNode> date_between(std::string_view from, std::string_view to, DateMatch match) {
  if (from.empty() && to.empty()) {
    return make_error(ErrorCode::invalid_argument, "a date range needs at least one bound");
  }
  auto range = range_of(from, to, 0, 0);
  if (!range) return std::move(range).error();
  auto node = date_range(*range, match);
  node.text.clear();
  auto bound = [](std::string_view b) {
    bool plain = !b.empty();
    for (char c : b)
      plain = plain && !ends_word(c);
    return plain && b.find("..") == std::string_view::npos ? std::string(b) : quoted(b);
  };
  if (!from.empty()) node.text += bound(from);
  node.text += "..";
  if (!to.empty()) node.text += bound(to);
  return node;
}

QueryNode date_range(DayRange range, DateMatch match) {
  QueryNode n;
  n.kind = QueryNode::Kind::date_range;
  n.range = range;
  n.date_match = match;
  if (range.first) n.text += range.first->to_string();
  n.text += "..";
  if (range.last) n.text += range.last->to_string();
  return n;
}

QueryNode date_unknown() {
  QueryNode n;
  n.kind = QueryNode::Kind::date_unknown;
  return n;
}

}  // namespace query

}  // namespace archive
