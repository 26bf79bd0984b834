// The search index. See search_index.hpp for what it holds; the query evaluation is here too:
// a query tree becomes sorted lists of (document number, score), intersected for AND, merged
// for OR, subtracted for exclusions.
#include "index/search_index.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <numeric>
#include <optional>
#include <span>
#include <unordered_map>
#include <utility>

#include "archive/names/match.hpp"
#include "archive/text/normalize.hpp"
#include "detail/files.hpp"
#include "index/postings.hpp"
#include "text/tokenizer.hpp"

namespace archive::detail {

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;
constexpr std::uint32_t kFieldShift = 24;  // a position's field is position >> kFieldShift
constexpr std::uint32_t kValueGap = 8;     // positions between two values of one field
enum Slot : std::uint32_t { kTitle = 0, kNames = 1, kSubjects = 2, kPlaces = 3, kSummary = 4 };
constexpr std::uint32_t kSlotWeight[] = {kTitleWeight, kNameWeight, kSubjectWeight, kPlaceWeight,
                                         kSummaryWeight};
constexpr double kBm25K1 = 1.2;
constexpr double kBm25B = 0.75;
constexpr double kExpansionDiscount = 0.9;  // a cross-script or spelling match vs. the exact term

// A fast hash for short strings (terms, ids): eight bytes at a time, then a final mix.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (s.size() * 0xFF51AFD7ED558CCDull);
    const char* p = s.data();
    std::size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ (w * 0xBF58476D1CE4E5B9ull)) * 0x94D049BB133111EBull;
      h ^= h >> 31;
    }
    if (n > 0) {  // the last 1–7 bytes, without a variable-length memcpy call
      std::uint64_t w = 0;
      if (s.size() >= 8) {
        std::memcpy(&w, s.data() + s.size() - 8, 8);  // overlaps bytes already mixed in
      } else {
        for (std::size_t k = 0; k < n; ++k)
          w |= std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
      }
      h = (h ^ (w * 0xBF58476D1CE4E5B9ull)) * 0x94D049BB133111EBull;
    }
    h ^= h >> 29;
    return static_cast<std::size_t>(h * 0xBF58476D1CE4E5B9ull);
  }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// Facet values of one kind (types, languages, collections, agents) and their documents.
struct ValueDict {
  StringMap<std::uint32_t> ids;
  std::vector<std::string> values;
  std::vector<std::vector<std::uint32_t>> docs;  // ascending document numbers, dead ones too

  std::uint32_t intern(std::string_view value) {
    if (auto it = ids.find(value); it != ids.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(values.size());
    ids.emplace(std::string(value), id);
    values.emplace_back(value);
    docs.emplace_back();
    return id;
  }
  [[nodiscard]] std::uint32_t find(std::string_view value) const {
    auto it = ids.find(value);
    return it == ids.end() ? kNone : it->second;
  }
};

struct DocRow {
  std::string id;
  std::string title;
  std::int64_t earliest = 0;
  std::int64_t latest = 0;
  DayBound::Kind earliest_kind = DayBound::Kind::unknown;
  DayBound::Kind latest_kind = DayBound::Kind::unknown;
  std::uint8_t qualifiers = 0;  // how many of uncertain / approximate apply (0–2)
  std::uint8_t precision = 0;
  bool dated = false;
  bool live = true;
  bool has_set = false;  // a set date: its elements are in Impl::set_elements
  std::uint64_t views = 0;
  std::uint32_t length = 0;  // weighted token count
  std::uint32_t type = kNone;
  // Facet values in one allocation: languages, then collections, then agents.
  std::vector<std::uint32_t> values;
  std::uint32_t languages_end = 0;
  std::uint32_t collections_end = 0;

  [[nodiscard]] std::span<const std::uint32_t> languages() const {
    return {values.data(), languages_end};
  }
  [[nodiscard]] std::span<const std::uint32_t> collections() const {
    return {values.data() + languages_end, collections_end - languages_end};
  }
  [[nodiscard]] std::span<const std::uint32_t> agents() const {
    return {values.data() + collections_end, values.size() - collections_end};
  }
  // Adds a value to the last section unless that section has it.
  bool add_value(std::uint32_t v, std::size_t section_start) {
    if (std::find(values.begin() + static_cast<std::ptrdiff_t>(section_start), values.end(), v) !=
        values.end()) {
      return false;
    }
    values.push_back(v);
    return true;
  }
};

struct Term {
  std::string text;
  PostingList postings;
};

// Ids by their text (terms by text, documents by id): open addressing over one array of
// (hash tag, id) words, the text compared through `text_of(id)` — one cache line per lookup, no
// node per entry. Erased entries leave tombstones, dropped when the table grows.
class OpenTable {
 public:
  template <class TextOf>
  [[nodiscard]] std::uint32_t find(std::string_view text, const TextOf& text_of) const {
    if (slots_.empty()) return kNone;
    const auto h = StringHash{}(text);
    const auto tag = tag_of(h);
    for (auto i = h & mask_;; i = (i + 1) & mask_) {
      const auto slot = slots_[i];
      if (slot == kEmpty) return kNone;
      if (slot == kTombstone) continue;
      const auto id = static_cast<std::uint32_t>(slot);
      if (static_cast<std::uint32_t>(slot >> 32) == tag && text_of(id) == text) return id;
    }
  }
  /// Precondition: text_of(id) is not in the table.
  template <class TextOf>
  void insert(std::uint32_t id, const TextOf& text_of) {
    if ((used_ + 1) * 2 > slots_.size()) grow(text_of);
    place(id, StringHash{}(text_of(id)));
    ++used_;
    ++live_;
  }
  /// Removes `text`; false when it is not there.
  template <class TextOf>
  bool erase(std::string_view text, const TextOf& text_of) {
    if (slots_.empty()) return false;
    const auto h = StringHash{}(text);
    const auto tag = tag_of(h);
    for (auto i = h & mask_;; i = (i + 1) & mask_) {
      const auto slot = slots_[i];
      if (slot == kEmpty) return false;
      if (slot == kTombstone) continue;
      const auto id = static_cast<std::uint32_t>(slot);
      if (static_cast<std::uint32_t>(slot >> 32) == tag && text_of(id) == text) {
        slots_[i] = kTombstone;
        --live_;
        return true;
      }
    }
  }
  [[nodiscard]] std::size_t size() const noexcept { return live_; }
  [[nodiscard]] std::size_t memory_bytes() const {
    return slots_.capacity() * sizeof(std::uint64_t);
  }

 private:
  static constexpr std::uint64_t kEmpty = 0;
  static constexpr std::uint64_t kTombstone = ~std::uint64_t{0};
  static std::uint32_t tag_of(std::size_t h) {
    return (static_cast<std::uint32_t>(h >> 32) | 1u) & 0x7FFFFFFFu;  // never 0, never ~0
  }
  void place(std::uint32_t id, std::size_t h) {
    auto i = h & mask_;
    while (slots_[i] != kEmpty)
      i = (i + 1) & mask_;
    slots_[i] = (static_cast<std::uint64_t>(tag_of(h)) << 32) | id;
  }
  template <class TextOf>
  void grow(const TextOf& text_of) {
    const auto old = std::move(slots_);
    std::size_t size = 1024;
    while (size < (live_ + 1) * 4)
      size *= 2;
    slots_.assign(size, kEmpty);
    mask_ = slots_.size() - 1;
    for (auto slot : old) {
      if (slot != kEmpty && slot != kTombstone) {
        const auto id = static_cast<std::uint32_t>(slot);
        place(id, StringHash{}(text_of(id)));
      }
    }
    used_ = live_;
  }
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
  std::size_t used_ = 0;  // live entries and tombstones
  std::size_t live_ = 0;
};

struct AgentRow {
  bool organization = false;
  std::vector<std::string> names;  // preferred first
  // The names' terms with positions relative to the first name, tokenized once per agent and
  // copied into every document that names the agent.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> tokens;
  std::uint32_t span = 0;  // positions the names take
};

struct Scored {
  std::uint32_t doc;
  float score;
};
using Hits = std::vector<Scored>;  // ascending doc

Hits intersect(const Hits& a, const Hits& b) {
  Hits out;
  out.reserve(std::min(a.size(), b.size()));
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].doc < b[j].doc) {
      ++i;
    } else if (b[j].doc < a[i].doc) {
      ++j;
    } else {
      out.push_back({a[i].doc, a[i].score + b[j].score});
      ++i, ++j;
    }
  }
  return out;
}

Hits unite(const Hits& a, const Hits& b) {
  Hits out;
  out.reserve(a.size() + b.size());
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].doc < b[j].doc)) {
      out.push_back(a[i++]);
    } else if (i == a.size() || b[j].doc < a[i].doc) {
      out.push_back(b[j++]);
    } else {
      out.push_back({a[i].doc, a[i].score + b[j].score});
      ++i, ++j;
    }
  }
  return out;
}

Hits subtract(const Hits& a, const Hits& b) {
  Hits out;
  out.reserve(a.size());
  std::size_t j = 0;
  for (const auto& h : a) {
    while (j < b.size() && b[j].doc < h.doc)
      ++j;
    if (j == b.size() || b[j].doc != h.doc) out.push_back(h);
  }
  return out;
}

}  // namespace

struct SearchIndex::Impl {
  std::vector<DocRow> docs;
  OpenTable doc_numbers;  // live documents by id
  [[nodiscard]] auto doc_id() const {
    return [this](std::uint32_t d) -> std::string_view { return docs[d].id; };
  }
  std::unordered_map<std::uint32_t, std::vector<std::pair<DayBound, DayBound>>> set_elements;
  std::size_t live = 0;
  std::uint64_t total_length = 0;  // of live documents

  std::vector<Term> terms;
  OpenTable term_ids;
  [[nodiscard]] auto term_text() const {
    return [this](std::uint32_t id) -> std::string_view { return terms[id].text; };
  }
  StringMap<std::vector<std::uint32_t>> key_terms;  // match key -> terms with it

  ValueDict types, languages, collections, agents;
  StringMap<std::string> collection_titles;  // collection id -> title
  StringMap<AgentRow> agent_rows;            // agent id -> names

  std::uint64_t generation = 0;
  std::string instance_id;
  std::string commit_id;
  std::shared_ptr<const std::string> file;  // a loaded index file: its postings live here

  // Built on first use after agents change: person:/org: lookups. Guarded for concurrent
  // searches.
  mutable std::mutex matcher_mutex;
  mutable std::shared_ptr<const NameMatcher> matcher;
  mutable std::vector<std::string> matcher_ids;

  // The date interval index: documents [0, covered) by earliest day, with the greatest latest
  // day of each block of kDateBlock entries, so a range query skips the blocks that end before
  // it; documents added since are scanned as a tail. Rebuilt (under its mutex, by a search)
  // when the tail outgrows an eighth of the whole. Open or unknown bounds sort as unbounded.
  static constexpr std::size_t kDateBlock = 64;
  struct DateEntry {
    std::int64_t earliest;
    std::int64_t latest;
    std::uint32_t doc;
  };
  struct DateIndex {
    std::vector<DateEntry> entries;  // dated documents, by earliest
    std::vector<std::int64_t> block_latest;
    std::uint32_t covered = 0;
  };
  mutable std::mutex date_mutex;
  mutable std::shared_ptr<const DateIndex> date_index;

  // Writer scratch: a document's occurrences grouped by term as they come (no sorting): each
  // term seen in the document has an entry whose positions form a list through `nodes`.
  struct DocTerm {
    std::uint32_t term;
    std::uint32_t head;  // first node
    std::uint32_t tail;  // last node
    std::uint32_t weighted;
  };
  struct Node {
    std::uint32_t position;
    std::uint32_t next;
  };
  Tokenizer tokenizer;
  std::vector<std::uint32_t> term_slot;  // per term: its entry in doc_terms, or kNone
  std::vector<DocTerm> doc_terms;
  std::vector<Node> nodes;
  std::vector<std::uint32_t> positions_scratch;

  void occurrence(std::uint32_t term, std::uint32_t position) {
    if (term >= term_slot.size()) term_slot.resize(terms.size() + 1024, kNone);
    const auto node = static_cast<std::uint32_t>(nodes.size());
    nodes.push_back({position, kNone});
    auto& slot = term_slot[term];
    if (slot == kNone) {
      slot = static_cast<std::uint32_t>(doc_terms.size());
      doc_terms.push_back({term, node, node, 0});
    } else {
      auto& entry = doc_terms[slot];
      nodes[entry.tail].next = node;
      entry.tail = node;
    }
    doc_terms[slot].weighted += kSlotWeight[position >> kFieldShift];
  }

  // ---- writing ----------------------------------------------------------------------------

  std::uint32_t term_id(std::string_view text) {
    if (auto found = term_ids.find(text, term_text()); found != kNone) return found;
    const auto id = static_cast<std::uint32_t>(terms.size());
    terms.push_back(Term{std::string(text), {}});
    term_ids.insert(id, term_text());
    add_keys(id);
    return id;
  }

  // Files a new term under its cross-script match keys (computed once per distinct term).
  void add_keys(std::uint32_t id) {
    const auto& text = terms[id].text;
    if (text.size() < 3) return;
    bool letter = false;
    for (char c : text) {
      letter = letter || static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z');
    }
    if (!letter) return;
    auto keys = name_keys(text);
    if (!keys) return;
    for (auto& key : *keys) {
      auto& list = key_terms[key];
      if (list.empty() || list.back() != id) list.push_back(id);
    }
  }

  void tokenize_into(std::string_view text, Slot slot, std::uint32_t& position) {
    tokenizer.tokenize(text, position, [&](std::string_view term, std::uint32_t pos) {
      occurrence(term_id(term), (static_cast<std::uint32_t>(slot) << kFieldShift) |
                                    (pos & ((1u << kFieldShift) - 1)));
    });
    position += kValueGap;
  }

  void put_document(const Document& d) {
    erase_document(d.id.str());
    const auto number = static_cast<std::uint32_t>(docs.size());
    DocRow row;
    row.id = d.id.str();
    row.title = d.title;
    row.views = d.views;
    if (!d.date.is_undated()) {
      row.dated = true;
      const auto lo = d.date.earliest();
      const auto hi = d.date.latest();
      row.earliest_kind = lo.kind;
      row.latest_kind = hi.kind;
      row.earliest = lo.day.count();
      row.latest = hi.day.count();
      row.qualifiers =
          static_cast<std::uint8_t>(int{d.date.is_uncertain()} + int{d.date.is_approximate()});
      row.precision = static_cast<std::uint8_t>(d.date.precision());
      if (d.date.kind() == FuzzyDate::Kind::one_of || d.date.kind() == FuzzyDate::Kind::all_of) {
        std::vector<std::pair<DayBound, DayBound>> elements;
        for (const auto& e : d.date.elements()) {
          auto element_date = [&](const FuzzyDate::Endpoint& p) -> FuzzyDate {
            if (p.type != FuzzyDate::Endpoint::Type::date) return {};
            auto f = FuzzyDate::from_date(p.date);
            return f ? *f : FuzzyDate{};
          };
          const auto first = element_date(e.first);
          const auto last = element_date(e.range ? e.last : e.first);
          elements.emplace_back(
              e.first.type == FuzzyDate::Endpoint::Type::open ? DayBound::open() : first.earliest(),
              e.range && e.last.type == FuzzyDate::Endpoint::Type::open ? DayBound::open()
                                                                        : last.latest());
        }
        row.has_set = true;
        set_elements[number] = std::move(elements);
      }
    }
    if (!d.doc_type.empty()) {
      auto folded = text::fold(d.doc_type);
      row.type = types.intern(folded ? *folded : d.doc_type);
      types.docs[row.type].push_back(number);
    }
    row.values.reserve(d.languages.size() + d.collections.size() + d.agents.size());
    for (const auto& code : d.languages) {
      auto folded = text::fold(code);
      const auto v = languages.intern(folded ? *folded : code);
      if (row.add_value(v, 0)) languages.docs[v].push_back(number);
    }
    row.languages_end = static_cast<std::uint32_t>(row.values.size());
    for (const auto& c : d.collections) {
      const auto v = collections.intern(c.str());
      if (row.add_value(v, row.languages_end)) collections.docs[v].push_back(number);
    }
    row.collections_end = static_cast<std::uint32_t>(row.values.size());
    for (const auto& a : d.agents) {
      const auto v = agents.intern(agent_id_text(a.id));
      if (row.add_value(v, row.collections_end)) agents.docs[v].push_back(number);
    }

    // Text: every field's words with positions, then one posting per distinct term.
    doc_terms.clear();
    nodes.clear();
    std::uint32_t position = 0;
    tokenize_into(d.title, kTitle, position);
    position = 0;
    for (const auto& a : d.agents) {
      if (auto it = agent_rows.find(agent_id_text(a.id)); it != agent_rows.end()) {
        for (const auto& [term, relative] : it->second.tokens) {
          occurrence(term, (static_cast<std::uint32_t>(kNames) << kFieldShift) |
                               ((position + relative) & ((1u << kFieldShift) - 1)));
        }
        position += it->second.span + kValueGap;
      }
    }
    position = 0;
    for (const auto& s : d.subjects)
      tokenize_into(s, kSubjects, position);
    position = 0;
    for (const auto& p : d.places)
      tokenize_into(p, kPlaces, position);
    position = 0;
    tokenize_into(d.summary, kSummary, position);

    std::uint32_t length = 0;
    for (const auto& entry : doc_terms) {
      positions_scratch.clear();
      for (auto n = entry.head; n != kNone; n = nodes[n].next) {
        positions_scratch.push_back(nodes[n].position);
      }
      // A document naming one agent twice repeats its positions: keep them ascending, once.
      if (!std::is_sorted(positions_scratch.begin(), positions_scratch.end())) {
        std::sort(positions_scratch.begin(), positions_scratch.end());
      }
      positions_scratch.erase(std::unique(positions_scratch.begin(), positions_scratch.end()),
                              positions_scratch.end());
      length += entry.weighted;
      terms[entry.term].postings.append(number, entry.weighted, positions_scratch);
      term_slot[entry.term] = kNone;
    }
    row.length = length;
    total_length += length;
    docs.push_back(std::move(row));
    doc_numbers.insert(number, doc_id());
    ++live;
  }

  void erase_document(std::string_view id) {
    const auto number = doc_numbers.find(id, doc_id());
    if (number == kNone) return;
    doc_numbers.erase(id, doc_id());
    auto& row = docs[number];
    row.live = false;
    total_length -= row.length;
    --live;
    set_elements.erase(number);
  }

  void put_agent(const std::string& id, bool organization, const NameVariant& name,
                 const std::vector<NameVariant>& variants) {
    AgentRow row;
    row.organization = organization;
    if (!name.form.empty()) row.names.push_back(name.form);
    for (const auto& v : variants) {
      if (!v.form.empty() &&
          std::find(row.names.begin(), row.names.end(), v.form) == row.names.end()) {
        row.names.push_back(v.form);
      }
    }
    tokenize_agent(row);
    agent_rows[id] = std::move(row);
    agents.intern(id);
    invalidate_matcher();
  }

  void tokenize_agent(AgentRow& row) {
    row.tokens.clear();
    std::uint32_t position = 0;
    for (const auto& name : row.names) {
      tokenizer.tokenize(name, position, [&](std::string_view term, std::uint32_t pos) {
        row.tokens.emplace_back(term_id(term), pos);
      });
      position += kValueGap;
    }
    row.span = position;
  }

  void invalidate_matcher() {
    std::lock_guard lock(matcher_mutex);
    matcher.reset();
  }

  // ---- reading ----------------------------------------------------------------------------

  [[nodiscard]] double average_length() const {
    return live == 0 ? 1.0
                     : std::max(1.0, static_cast<double>(total_length) / static_cast<double>(live));
  }

  [[nodiscard]] double idf(std::uint32_t df) const {
    const double n = static_cast<double>(std::max<std::size_t>(live, df));
    return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
  }

  [[nodiscard]] float bm25(double idf_value, std::uint32_t tf, std::uint32_t length) const {
    const double norm = kBm25K1 * (1.0 - kBm25B + kBm25B * length / average_length());
    return static_cast<float>(idf_value * tf * (kBm25K1 + 1.0) / (tf + norm));
  }

  // The terms a query word stands for: itself, and the terms it matches across scripts and
  // spellings (through shared match keys, confirmed by the names part's match score).
  struct Expansion {
    std::uint32_t term;
    double weight;
  };
  std::vector<Expansion> expand(std::string_view folded) const {
    std::vector<Expansion> out;
    if (auto found = term_ids.find(folded, term_text()); found != kNone) {
      out.push_back({found, 1.0});
    }
    if (folded.size() < 3) return out;
    auto keys = name_keys(folded);
    if (!keys) return out;
    std::vector<std::uint32_t> candidates;
    for (const auto& key : *keys) {
      if (auto it = key_terms.find(key); it != key_terms.end()) {
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (auto t : candidates) {
      if (!out.empty() && out[0].term == t && out[0].weight == 1.0) continue;
      auto score = match(folded, terms[t].text);
      if (score && *score >= kNameMatchThreshold) {
        out.push_back({t, kExpansionDiscount * *score});
      }
    }
    return out;
  }

  // Documents with any of `expansion`'s terms; `slot` restricts to one field (kNone: any).
  Hits term_hits(const std::vector<Expansion>& expansion, std::uint32_t slot) const {
    Hits out;
    for (const auto& e : expansion) {
      const auto& list = terms[e.term].postings;
      const double idf_value = idf(list.document_count());
      Hits these;
      these.reserve(list.document_count());
      for (auto cursor = list.begin(); !cursor.done(); cursor.next()) {
        const auto doc = cursor.document();
        if (doc >= docs.size() || !docs[doc].live) continue;
        const auto& row = docs[doc];
        std::uint32_t tf = cursor.weighted_frequency();
        if (slot != kNone) {
          tf = 0;
          cursor.for_each_position([&](std::uint32_t p) {
            if ((p >> kFieldShift) == slot) tf += kSlotWeight[slot];
          });
          if (tf == 0) continue;
        }
        these.push_back({doc, static_cast<float>(e.weight) * bm25(idf_value, tf, row.length)});
      }
      // Best of the expansions per document, not their sum.
      Hits merged;
      merged.reserve(out.size() + these.size());
      std::size_t i = 0, j = 0;
      while (i < out.size() || j < these.size()) {
        if (j == these.size() || (i < out.size() && out[i].doc < these[j].doc)) {
          merged.push_back(out[i++]);
        } else if (i == out.size() || these[j].doc < out[i].doc) {
          merged.push_back(these[j++]);
        } else {
          merged.push_back({out[i].doc, std::max(out[i].score, these[j].score)});
          ++i, ++j;
        }
      }
      out = std::move(merged);
    }
    return out;
  }

  std::vector<std::string> query_terms(std::string_view text) const {
    std::vector<std::string> out;
    Tokenizer local;
    std::uint32_t position = 0;
    local.tokenize(text, position,
                   [&](std::string_view term, std::uint32_t) { out.emplace_back(term); });
    return out;
  }

  Hits word_hits(std::string_view text, std::uint32_t slot) const {
    const auto words = query_terms(text);
    if (words.empty()) return {};  // refused before evaluation (unsearchable); never every document
    if (words.size() > 1) return phrase_hits(words, slot);
    return term_hits(expand(words[0]), slot);
  }

  // Documents where the words stand next to each other, in order (each word may match any of
  // its expansions).
  Hits phrase_hits(const std::vector<std::string>& words, std::uint32_t slot) const {
    struct WordPositions {
      std::vector<Expansion> expansion;  // worked out once per word (keys and match scores)
      std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_doc;
      Hits hits;
    };
    std::vector<WordPositions> per_word(words.size());
    for (std::size_t w = 0; w < words.size(); ++w) {
      per_word[w].expansion = expand(words[w]);
      per_word[w].hits = term_hits(per_word[w].expansion, slot);
    }
    Hits candidates = per_word[0].hits;
    for (std::size_t w = 1; w < words.size(); ++w)
      candidates = intersect(candidates, per_word[w].hits);
    if (candidates.empty()) return candidates;
    // Collect positions of the candidates only.
    std::vector<std::uint32_t> wanted;
    for (const auto& c : candidates)
      wanted.push_back(c.doc);
    for (std::size_t w = 0; w < words.size(); ++w) {
      for (const auto& e : per_word[w].expansion) {
        for (auto cursor = terms[e.term].postings.begin(); !cursor.done(); cursor.next()) {
          const auto doc = cursor.document();
          if (!std::binary_search(wanted.begin(), wanted.end(), doc)) continue;
          auto& list = per_word[w].by_doc[doc];
          cursor.for_each_position([&](std::uint32_t p) {
            if (slot == kNone || (p >> kFieldShift) == slot) list.push_back(p);
          });
        }
      }
      for (auto& [doc, list] : per_word[w].by_doc)
        std::sort(list.begin(), list.end());
    }
    Hits out;
    for (const auto& c : candidates) {
      const auto& first = per_word[0].by_doc[c.doc];
      bool found = false;
      for (auto p : first) {
        bool all = true;
        for (std::size_t w = 1; w < words.size() && all; ++w) {
          const auto& list = per_word[w].by_doc[c.doc];
          all = std::binary_search(list.begin(), list.end(), p + static_cast<std::uint32_t>(w));
        }
        if (all) {
          found = true;
          break;
        }
      }
      if (found) out.push_back(c);
    }
    return out;
  }

  Hits all_hits() const {
    Hits out;
    out.reserve(live);
    for (std::uint32_t d = 0; d < docs.size(); ++d) {
      if (docs[d].live) out.push_back({d, 0.0f});
    }
    return out;
  }

  Hits value_hits(const ValueDict& dict, std::uint32_t value, float score = 0.0f) const {
    Hits out;
    if (value == kNone) return out;
    for (auto d : dict.docs[value]) {
      const auto& row = docs[d];
      if (!row.live) continue;
      out.push_back({d, score});
    }
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Scored& a, const Scored& b) { return a.doc == b.doc; }),
              out.end());
    return out;
  }

  // The rows of a value list still naming the value: a document re-put without it is dead
  // under its old number, so live rows are current.
  Hits field_value_hits(const ValueDict& dict, std::string_view text, bool fold_it) const {
    std::string key(text);
    if (fold_it) {
      if (auto f = text::fold(text)) key = *f;
    }
    return value_hits(dict, dict.find(key));
  }

  std::shared_ptr<const NameMatcher> agent_matcher() const {
    std::lock_guard lock(matcher_mutex);
    if (!matcher) {
      auto m = std::make_shared<NameMatcher>();
      matcher_ids.clear();
      for (const auto& [id, row] : agent_rows) {
        const auto n = matcher_ids.size();
        matcher_ids.push_back(id);
        for (const auto& name : row.names)
          (void)m->add(n, name);
      }
      matcher = std::move(m);
    }
    return matcher;
  }

  Hits agent_hits(std::string_view name, bool organization) const {
    auto m = agent_matcher();
    std::vector<std::string> ids;
    {
      std::lock_guard lock(matcher_mutex);
      auto found = m->find(name, 1000);
      if (found) {
        for (const auto& c : *found) {
          const auto& id = matcher_ids[c.id];
          auto it = agent_rows.find(id);
          if (it != agent_rows.end() && it->second.organization == organization) {
            ids.push_back(id);
          }
        }
      }
    }
    // Also an agent id written as is (person:person-bagirov).
    if (agents.find(name) != kNone) ids.emplace_back(name);
    Hits out;
    for (const auto& id : ids)
      out = unite(out, value_hits(agents, agents.find(id), 1.0f));
    for (auto& h : out)
      h.score = 0.0f;
    return out;
  }

  Hits collection_hits(std::string_view text) const {
    if (auto v = collections.find(text); v != kNone) return value_hits(collections, v);
    const auto words = query_terms(text);
    Hits out;
    if (words.empty()) return out;
    for (const auto& [id, title] : collection_titles) {
      const auto title_words = query_terms(title);
      bool all = true;
      for (const auto& w : words) {
        all = all && std::find(title_words.begin(), title_words.end(), w) != title_words.end();
      }
      if (all) out = unite(out, value_hits(collections, collections.find(id)));
    }
    return out;
  }

  bool date_matches(const DocRow& row, std::uint32_t doc, const QueryNode& node) const {
    if (!row.dated) return false;
    const DayBound lo{row.earliest_kind, Day(row.earliest)};
    const DayBound hi{row.latest_kind, Day(row.latest)};
    const auto& r = node.range;
    if (node.date_match == DateMatch::certainly_within) {
      const bool low_ok = !r.first || (lo.is_day() && lo.day >= *r.first);
      const bool high_ok = !r.last || (hi.is_day() && hi.day <= *r.last);
      return low_ok && high_ok;
    }
    auto overlaps = [&](DayBound a, DayBound b) {
      const bool below = b.is_day() && r.first && b.day < *r.first;
      const bool above = a.is_day() && r.last && a.day > *r.last;
      return !below && !above;
    };
    if (row.has_set) {
      auto it = set_elements.find(doc);
      if (it != set_elements.end()) {
        for (const auto& [a, b] : it->second) {
          if (overlaps(a, b)) return true;
        }
        return false;
      }
    }
    return overlaps(lo, hi);
  }

  // FuzzyDate::match_strength on the stored bounds.
  float date_strength(const DocRow& row, const DayRange& r) const {
    const double factor = row.qualifiers == 2 ? 0.7 : row.qualifiers == 1 ? 0.8 : 1.0;
    if (row.earliest_kind != DayBound::Kind::day || row.latest_kind != DayBound::Kind::day) {
      return static_cast<float>(0.1 * factor);
    }
    const auto lo = row.earliest, hi = row.latest;
    const auto first = r.first ? std::max(lo, r.first->count()) : lo;
    const auto last = r.last ? std::min(hi, r.last->count()) : hi;
    const double span = static_cast<double>(hi - lo + 1);
    const double inside = last < first ? 0.0 : static_cast<double>(last - first + 1);
    return static_cast<float>(factor * inside / span);
  }

  static std::int64_t low_key(const DocRow& row) {
    return row.earliest_kind == DayBound::Kind::day ? row.earliest
                                                    : std::numeric_limits<std::int64_t>::min();
  }
  static std::int64_t high_key(const DocRow& row) {
    return row.latest_kind == DayBound::Kind::day ? row.latest
                                                  : std::numeric_limits<std::int64_t>::max();
  }

  std::shared_ptr<const DateIndex> dates() const {
    std::lock_guard lock(date_mutex);
    const auto tail = docs.size() - (date_index ? date_index->covered : 0);
    if (!date_index || tail > std::max<std::size_t>(1024, docs.size() / 8)) {
      auto fresh = std::make_shared<DateIndex>();
      for (std::uint32_t d = 0; d < docs.size(); ++d) {
        const auto& row = docs[d];
        if (row.live && row.dated) fresh->entries.push_back({low_key(row), high_key(row), d});
      }
      std::sort(fresh->entries.begin(), fresh->entries.end(),
                [](const DateEntry& a, const DateEntry& b) { return a.earliest < b.earliest; });
      for (std::size_t i = 0; i < fresh->entries.size(); i += kDateBlock) {
        std::int64_t latest = std::numeric_limits<std::int64_t>::min();
        for (std::size_t k = i; k < std::min(i + kDateBlock, fresh->entries.size()); ++k) {
          latest = std::max(latest, fresh->entries[k].latest);
        }
        fresh->block_latest.push_back(latest);
      }
      fresh->covered = static_cast<std::uint32_t>(docs.size());
      date_index = std::move(fresh);
    }
    return date_index;
  }

  Hits date_hits(const QueryNode& node, const Hits* within) const {
    Hits out;
    auto consider = [&](std::uint32_t d) {
      const auto& row = docs[d];
      if (row.live && date_matches(row, d, node)) {
        out.push_back({d, date_strength(row, node.range)});
      }
    };
    if (within) {
      for (const auto& h : *within)
        consider(h.doc);
      return out;
    }
    // The interval index: candidates whose bounds can match, each then checked exactly.
    const auto index = dates();
    const auto& entries = index->entries;
    const auto first =
        node.range.first ? node.range.first->count() : std::numeric_limits<std::int64_t>::min();
    const auto last =
        node.range.last ? node.range.last->count() : std::numeric_limits<std::int64_t>::max();
    // Entries that start after the range cannot match either way.
    const auto end = static_cast<std::size_t>(
        std::upper_bound(entries.begin(), entries.end(), last,
                         [](std::int64_t v, const DateEntry& e) { return v < e.earliest; }) -
        entries.begin());
    std::size_t begin = 0;
    if (node.date_match == DateMatch::certainly_within) {  // and none that start before it
      begin = static_cast<std::size_t>(
          std::lower_bound(entries.begin(), entries.end(), first,
                           [](const DateEntry& e, std::int64_t v) { return e.earliest < v; }) -
          entries.begin());
    }
    for (std::size_t i = begin; i < end;) {
      const auto block = i / kDateBlock;
      if ((i % kDateBlock) == 0 && index->block_latest[block] < first) {
        i += kDateBlock;  // every entry of the block ends before the range
        continue;
      }
      if (entries[i].latest >= first) consider(entries[i].doc);
      ++i;
    }
    for (auto d = index->covered; d < docs.size(); ++d)
      consider(d);
    std::sort(out.begin(), out.end(),
              [](const Scored& a, const Scored& b) { return a.doc < b.doc; });
    return out;
  }

  Hits undated_hits() const {
    Hits out;
    for (std::uint32_t d = 0; d < docs.size(); ++d) {
      if (docs[d].live && !docs[d].dated) out.push_back({d, 0.0f});
    }
    return out;
  }

  static bool is_date(const QueryNode& n) { return n.kind == QueryNode::Kind::date_range; }

  Hits evaluate(const QueryNode& node) const {
    using Kind = QueryNode::Kind;
    switch (node.kind) {
      case Kind::term:
      case Kind::phrase:
        switch (node.field) {
          case QueryField::any:
            return word_hits(node.text, kNone);
          case QueryField::title:
            return word_hits(node.text, kTitle);
          case QueryField::person:
            return agent_hits(node.text, false);
          case QueryField::organization:
            return agent_hits(node.text, true);
          case QueryField::collection:
            return collection_hits(node.text);
          case QueryField::doc_type:
            return field_value_hits(types, node.text, true);
          case QueryField::language:
            return field_value_hits(languages, node.text, true);
        }
        return {};
      case Kind::any_of: {
        Hits out;
        for (const auto& c : node.children)
          out = unite(out, evaluate(c));
        return out;
      }
      case Kind::exclude:
        return subtract(all_hits(), node.children.empty() ? Hits{} : evaluate(node.children[0]));
      case Kind::date_range:
        return date_hits(node, nullptr);
      case Kind::date_unknown:
        return undated_hits();
      case Kind::all_of: {
        // Positive children first, intersected; then date filters scale the scores; then
        // exclusions are removed.
        std::optional<Hits> acc;
        for (const auto& c : node.children) {
          if (c.kind == Kind::exclude || is_date(c)) continue;
          auto h = evaluate(c);
          acc = acc ? intersect(*acc, h) : std::move(h);
          if (acc->empty()) return {};
        }
        bool text = acc.has_value();
        for (const auto& c : node.children) {
          if (!is_date(c)) continue;
          auto h = date_hits(c, acc ? &*acc : nullptr);
          if (!acc) {
            acc = std::move(h);
            continue;
          }
          // Scale: a document inside the range keeps its score, one that merely overlaps it
          // loses up to half.
          Hits scaled;
          scaled.reserve(h.size());
          std::size_t j = 0;
          for (const auto& x : h) {
            while ((*acc)[j].doc != x.doc)
              ++j;
            scaled.push_back({x.doc, text ? (*acc)[j].score * (0.5f + 0.5f * x.score)
                                          : (*acc)[j].score * x.score});
          }
          acc = std::move(scaled);
          text = true;
        }
        if (!acc) acc = all_hits();
        for (const auto& c : node.children) {
          if (c.kind != Kind::exclude || c.children.empty()) continue;
          *acc = subtract(*acc, evaluate(c.children[0]));
        }
        return std::move(*acc);
      }
    }
    return {};
  }

  DayBound bound(DayBound::Kind kind, std::int64_t day) const { return {kind, Day(day)}; }

  // The fuzzy date order (FuzzyDate's <=> on the bounds): undated last; by earliest (open or
  // unknown first), latest (open or unknown last), precision (coarser first).
  bool date_before(const DocRow& a, const DocRow& b) const {
    if (a.dated != b.dated) return a.dated;
    if (!a.dated) return false;
    auto low_key = [](const DocRow& r) {
      return r.earliest_kind == DayBound::Kind::day ? std::pair{1, r.earliest}
                                                    : std::pair{0, std::int64_t{0}};
    };
    auto high_key = [](const DocRow& r) {
      return r.latest_kind == DayBound::Kind::day ? std::pair{0, r.latest}
                                                  : std::pair{1, std::int64_t{0}};
    };
    if (low_key(a) != low_key(b)) return low_key(a) < low_key(b);
    if (high_key(a) != high_key(b)) return high_key(a) < high_key(b);
    return a.precision < b.precision;
  }

  void sort_hits(Hits& hits, SortOrder order, std::size_t wanted) const {
    auto by_id = [&](const Scored& a, const Scored& b) { return docs[a.doc].id < docs[b.doc].id; };
    auto compare = [&](const Scored& a, const Scored& b) {
      const auto& ra = docs[a.doc];
      const auto& rb = docs[b.doc];
      switch (order) {
        case SortOrder::relevance:
          if (a.score != b.score) return a.score > b.score;
          if (ra.views != rb.views) return ra.views > rb.views;
          return by_id(a, b);
        case SortOrder::popularity:
          if (ra.views != rb.views) return ra.views > rb.views;
          if (a.score != b.score) return a.score > b.score;
          return by_id(a, b);
        case SortOrder::date_ascending:
          if (date_before(ra, rb)) return true;
          if (date_before(rb, ra)) return false;
          return by_id(a, b);
        case SortOrder::date_descending:
          if (ra.dated != rb.dated) return ra.dated;
          if (date_before(rb, ra)) return true;
          if (date_before(ra, rb)) return false;
          return by_id(a, b);
      }
      return by_id(a, b);
    };
    if (wanted < hits.size()) {
      std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(wanted),
                        hits.end(), compare);
      hits.resize(wanted);
    } else {
      std::sort(hits.begin(), hits.end(), compare);
    }
  }

  std::vector<FacetCount> top(const std::unordered_map<std::string, std::size_t>& counts,
                              std::size_t limit,
                              const std::function<std::string(const std::string&)>& label) const {
    std::vector<FacetCount> out;
    out.reserve(counts.size());
    for (const auto& [value, count] : counts)
      out.push_back({value, {}, count});
    std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (out.size() > limit) out.resize(limit);
    for (auto& f : out)
      f.label = label(f.value);
    return out;
  }

  Facets facets(const Hits& hits, std::size_t limit) const {
    std::vector<std::size_t> by_type(types.values.size()), by_language(languages.values.size()),
        by_collection(collections.values.size()), by_agent(agents.values.size());
    std::unordered_map<std::string, std::size_t> by_decade;
    std::unordered_map<std::int64_t, std::size_t> decade_counts;
    for (const auto& h : hits) {
      const auto& row = docs[h.doc];
      if (row.type != kNone) ++by_type[row.type];
      for (auto v : row.languages())
        ++by_language[v];
      for (auto v : row.collections())
        ++by_collection[v];
      for (auto v : row.agents())
        ++by_agent[v];
      if (row.dated && row.earliest_kind == DayBound::Kind::day) {
        const auto year = Day(row.earliest).civil().year;
        ++decade_counts[year >= 0 ? year / 10 : -((-year + 9) / 10)];
      }
    }
    auto to_map = [](const ValueDict& dict, const std::vector<std::size_t>& counts) {
      std::unordered_map<std::string, std::size_t> m;
      for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i]) m[dict.values[i]] = counts[i];
      }
      return m;
    };
    for (const auto& [decade, count] : decade_counts) {
      by_decade[std::to_string(decade * 10) + "s"] = count;
    }
    auto same = [](const std::string& v) { return v; };
    Facets f;
    f.collections = top(to_map(collections, by_collection), limit, [&](const std::string& v) {
      auto it = collection_titles.find(v);
      return it == collection_titles.end() || it->second.empty() ? v : it->second;
    });
    f.doc_types = top(to_map(types, by_type), limit, same);
    f.languages = top(to_map(languages, by_language), limit, same);
    f.agents = top(to_map(agents, by_agent), limit, [&](const std::string& v) {
      auto it = agent_rows.find(v);
      return it == agent_rows.end() || it->second.names.empty() ? v : it->second.names[0];
    });
    f.decades = top(by_decade, limit, same);
    return f;
  }
};

SearchIndex::SearchIndex() : impl_(std::make_unique<Impl>()) {}
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

void SearchIndex::put(const Record& record) {
  std::visit(
      [&](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Document>) {
          impl_->put_document(r);
        } else if constexpr (std::is_same_v<T, Person>) {
          impl_->put_agent(r.id.str(), false, r.name, r.variants);
        } else if constexpr (std::is_same_v<T, Organization>) {
          impl_->put_agent(r.id.str(), true, r.name, r.variants);
        } else {
          impl_->collection_titles[r.id.str()] = r.title;
          impl_->collections.intern(r.id.str());
        }
      },
      record);
}

void SearchIndex::erase(const RecordKey& key) {
  switch (key.kind) {
    case RecordKind::document:
      impl_->erase_document(key.id);
      break;
    case RecordKind::collection:
      impl_->collection_titles.erase(key.id);
      break;
    case RecordKind::person:
    case RecordKind::organization:
      if (auto it = impl_->agent_rows.find(key.id); it != impl_->agent_rows.end()) {
        const bool organization = key.kind == RecordKind::organization;
        if (it->second.organization == organization) {
          impl_->agent_rows.erase(it);
          impl_->invalidate_matcher();
        }
      }
      break;
  }
}

std::vector<DocumentId> SearchIndex::documents_with_agent(std::string_view agent_id) const {
  std::vector<DocumentId> out;
  const auto v = impl_->agents.find(agent_id);
  if (v == kNone) return out;
  for (auto d : impl_->agents.docs[v]) {
    if (impl_->docs[d].live) out.emplace_back(impl_->docs[d].id);
  }
  return out;
}

namespace {

// A query built in C++ may hold what the parser refuses: a word, phrase or field value with no
// term to look up, which would match every document (or, after an exclusion, none).
Result<void> check_searchable(const QueryNode& node) {
  const bool words = node.field != QueryField::doc_type && node.field != QueryField::language;
  if ((node.kind == QueryNode::Kind::term || node.kind == QueryNode::Kind::phrase) && words &&
      !has_terms(node.text)) {
    return make_error(ErrorCode::invalid_argument, "'" + std::string(cut_term(node.text)) +
                                                       "' has no letters or digits to search for");
  }
  for (const auto& child : node.children) {
    if (auto r = check_searchable(child); !r) return r;
  }
  return {};
}

}  // namespace

Result<SearchResults> SearchIndex::search(const Query& query, const SearchOptions& options) const {
  if (auto r = check_searchable(query.root); !r) return std::move(r).error();
  auto hits = impl_->evaluate(query.root);
  SearchResults results;
  results.total = hits.size();
  if (options.facets) results.facets = impl_->facets(hits, options.facet_limit);
  // offset + limit, saturated: a huge limit must not wrap to a small end.
  const auto wanted = options.limit > std::numeric_limits<std::size_t>::max() - options.offset
                          ? std::numeric_limits<std::size_t>::max()
                          : options.offset + options.limit;
  impl_->sort_hits(hits, query.sort, std::max(wanted, options.offset));
  for (std::size_t i = options.offset; i < hits.size() && i < wanted; ++i) {
    const auto& row = impl_->docs[hits[i].doc];
    SearchHit hit;
    hit.id = DocumentId(row.id);
    hit.score = hits[i].score;
    hit.earliest = row.dated ? impl_->bound(row.earliest_kind, row.earliest) : DayBound::unknown();
    hit.latest = row.dated ? impl_->bound(row.latest_kind, row.latest) : DayBound::unknown();
    hit.title = row.title;
    hit.views = row.views;
    results.hits.push_back(std::move(hit));
  }
  return results;
}

Result<std::size_t> SearchIndex::count(const Query& query) const {
  if (auto r = check_searchable(query.root); !r) return std::move(r).error();
  return impl_->evaluate(query.root).size();
}

IndexStats SearchIndex::stats() const {
  IndexStats s;
  s.documents = impl_->live;
  s.terms = impl_->terms.size();
  s.generation = impl_->generation;
  std::size_t memory = 0;
  for (const auto& t : impl_->terms) {
    s.postings_bytes += t.postings.size_bytes();
    memory += sizeof(Term) + t.text.capacity() + t.postings.capacity_bytes();
  }
  memory += impl_->term_ids.memory_bytes();
  for (const auto& [key, list] : impl_->key_terms) {
    memory += sizeof(std::string) + key.capacity() + 16 + list.capacity() * sizeof(std::uint32_t);
  }
  for (const auto& row : impl_->docs) {
    memory += sizeof(DocRow) + row.id.capacity() + row.title.capacity() +
              row.values.capacity() * sizeof(std::uint32_t);
  }
  memory += impl_->doc_numbers.memory_bytes();
  if (impl_->file) memory += impl_->file->capacity();  // the loaded postings
  for (const auto* dict : {&impl_->types, &impl_->languages, &impl_->collections, &impl_->agents}) {
    for (const auto& list : dict->docs)
      memory += list.capacity() * sizeof(std::uint32_t);
    memory += dict->values.size() * 2 * (sizeof(std::string) + 16);
  }
  s.memory_bytes = memory;
  return s;
}

void SearchIndex::set_source(const StoreState& state, std::string instance_id) {
  impl_->generation = state.generation;
  impl_->commit_id = state.commit_id;
  impl_->instance_id = std::move(instance_id);
}
StoreState SearchIndex::source() const {
  return {impl_->generation, impl_->commit_id};
}
std::uint64_t SearchIndex::generation() const noexcept {
  return impl_->generation;
}
const std::string& SearchIndex::instance_id() const noexcept {
  return impl_->instance_id;
}

// ---- the index file ------------------------------------------------------------------------
//
// Little-endian, written whole to a temporary file and renamed into place:
//   "ARCHIVE-INDEX\n" (14 bytes), u32 format version, u64 payload length,
//   payload (below), u64 checksum of the payload (kIndexChecksum).
// Payload: u64 generation, str instance id, str commit id (since format 2); documents; set
// dates; terms with their postings; the key index; the four facet value lists; collection
// titles; agents. Strings are u32 length + bytes; lists are u32 count + items. Reading checks every
// length against what is left and every document number against the document count: a damaged file
// is reported, never trusted.

namespace {

constexpr std::string_view kIndexMagic = "ARCHIVE-INDEX\n";
// 2: the commit id in the payload. 3: words longer than the term limit are kept as their cut
// prefix; formats 1 and 2 skipped them, so their files lack those terms and are rebuilt.
constexpr std::uint32_t kIndexFormat = 3;

// A 64-bit hash of the payload, eight bytes at a time (fast enough to check a large index on
// every open; catches truncation and damage, not forgery).
std::uint64_t index_checksum(const std::uint8_t* p, std::size_t n) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h ^= w * 0xBF58476D1CE4E5B9ull;
    h = (h << 31 | h >> 33) * 0x94D049BB133111EBull;
  }
  for (; i < n; ++i)
    h = (h ^ p[i]) * 0x100000001B3ull;
  h ^= h >> 29;
  return h * 0xBF58476D1CE4E5B9ull;
}

class Out {
 public:
  std::vector<std::uint8_t> bytes;
  void u8(std::uint8_t v) { bytes.push_back(v); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
      bytes.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i)
      bytes.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    bytes.insert(bytes.end(), s.begin(), s.end());
  }
  // One length, then both parts' bytes.
  void blob(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
    u32(static_cast<std::uint32_t>(a.size() + b.size()));
    bytes.insert(bytes.end(), a.begin(), a.end());
    bytes.insert(bytes.end(), b.begin(), b.end());
  }
  void u32s(std::span<const std::uint32_t> v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (auto x : v)
      u32(x);
  }
};

class In {
 public:
  In(const std::uint8_t* p, std::size_t n) : p_(p), end_(p + n) {}
  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }
  std::uint8_t u8() { return need(1) ? *p_++ : 0; }
  std::uint32_t u32() {
    if (!need(4)) return 0;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<std::uint32_t>(p_[i]) << (8 * i);
    p_ += 4;
    return v;
  }
  std::uint64_t u64() {
    if (!need(8)) return 0;
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
      v |= static_cast<std::uint64_t>(p_[i]) << (8 * i);
    p_ += 8;
    return v;
  }
  std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
  std::string str() {
    const auto n = u32();
    if (!need(n)) return {};
    std::string s(reinterpret_cast<const char*>(p_), n);
    p_ += n;
    return s;
  }
  // A length-prefixed run of bytes, as a view into the input.
  std::span<const std::uint8_t> blob() {
    const auto n = u32();
    if (!need(n)) return {};
    const std::span<const std::uint8_t> b(p_, n);
    p_ += n;
    return b;
  }
  // A count of items each at least `min_bytes` long: refused when the rest cannot hold them.
  std::uint32_t count(std::size_t min_bytes) {
    const auto n = u32();
    if (min_bytes > 0 && n > static_cast<std::size_t>(end_ - p_) / min_bytes) ok_ = false;
    return ok_ ? n : 0;
  }
  void append_u32s(std::vector<std::uint32_t>& out) {
    const auto n = count(4);
    for (std::uint32_t i = 0; i < n; ++i)
      out.push_back(u32());
  }
  std::vector<std::uint32_t> u32s() {
    const auto n = count(4);
    std::vector<std::uint32_t> v(n);
    for (auto& x : v)
      x = u32();
    return v;
  }
  void fail() { ok_ = false; }

 private:
  bool need(std::size_t n) {
    if (!ok_ || static_cast<std::size_t>(end_ - p_) < n) {
      ok_ = false;
      return false;
    }
    return true;
  }
  const std::uint8_t* p_;
  const std::uint8_t* end_;
  bool ok_ = true;
};

void put_bound_kind(Out& out, DayBound::Kind k) {
  out.u8(static_cast<std::uint8_t>(k));
}
DayBound::Kind get_bound_kind(In& in) {
  const auto v = in.u8();
  if (v > 2) in.fail();
  return static_cast<DayBound::Kind>(v > 2 ? 2 : v);
}

}  // namespace

Result<void> SearchIndex::save(const std::filesystem::path& path) const {
  const auto& x = *impl_;
  Out out;
  out.u64(x.generation);
  out.str(x.instance_id);
  out.str(x.commit_id);
  out.u32(static_cast<std::uint32_t>(x.docs.size()));
  for (const auto& row : x.docs) {
    out.str(row.id);
    out.str(row.title);
    out.i64(row.earliest);
    out.i64(row.latest);
    put_bound_kind(out, row.earliest_kind);
    put_bound_kind(out, row.latest_kind);
    out.u8(row.qualifiers);
    out.u8(row.precision);
    out.u8(static_cast<std::uint8_t>(row.dated | row.live << 1 | row.has_set << 2));
    out.u64(row.views);
    out.u32(row.length);
    out.u32(row.type);
    out.u32s(row.languages());
    out.u32s(row.collections());
    out.u32s(row.agents());
  }
  out.u32(static_cast<std::uint32_t>(x.set_elements.size()));
  for (const auto& [doc, elements] : x.set_elements) {
    out.u32(doc);
    out.u32(static_cast<std::uint32_t>(elements.size()));
    for (const auto& [a, b] : elements) {
      put_bound_kind(out, a.kind);
      out.i64(a.day.count());
      put_bound_kind(out, b.kind);
      out.i64(b.day.count());
    }
  }
  out.u32(static_cast<std::uint32_t>(x.terms.size()));
  for (const auto& t : x.terms) {
    out.str(t.text);
    out.u32(t.postings.document_count());
    out.u32(t.postings.last_document());
    out.blob(t.postings.loaded_bytes(), t.postings.appended_bytes());
  }
  out.u32(static_cast<std::uint32_t>(x.key_terms.size()));
  for (const auto& [key, list] : x.key_terms) {
    out.str(key);
    out.u32s(list);
  }
  for (const auto* dict : {&x.types, &x.languages, &x.collections, &x.agents}) {
    out.u32(static_cast<std::uint32_t>(dict->values.size()));
    for (std::size_t i = 0; i < dict->values.size(); ++i) {
      out.str(dict->values[i]);
      out.u32s(dict->docs[i]);
    }
  }
  out.u32(static_cast<std::uint32_t>(x.collection_titles.size()));
  for (const auto& [id, title] : x.collection_titles) {
    out.str(id);
    out.str(title);
  }
  out.u32(static_cast<std::uint32_t>(x.agent_rows.size()));
  for (const auto& [id, row] : x.agent_rows) {
    out.str(id);
    out.u8(row.organization ? 1 : 0);
    out.u32(static_cast<std::uint32_t>(row.names.size()));
    for (const auto& n : row.names)
      out.str(n);
  }

  Out head;
  head.bytes.assign(kIndexMagic.begin(), kIndexMagic.end());
  head.u32(kIndexFormat);
  head.u64(out.bytes.size());
  Out tail;
  tail.u64(index_checksum(out.bytes.data(), out.bytes.size()));
  std::string file;
  file.reserve(head.bytes.size() + out.bytes.size() + tail.bytes.size());
  for (const auto* part : {&head.bytes, &out.bytes, &tail.bytes}) {
    file.append(reinterpret_cast<const char*>(part->data()), part->size());
  }
  bool renamed = false;
  return replace_file(path.string(), file, "index file", renamed);
}

Result<SearchIndex> SearchIndex::load(const std::filesystem::path& path) {
  auto read = read_file(path.string(), "index file");
  if (!read) return std::move(read).error();
  // The postings stay in this buffer (the index keeps it): no copy per term.
  auto file = std::make_shared<const std::string>(std::move(*read));
  const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(file->data()),
                                            file->size());
  auto corrupt = [&](const std::string& why) {
    return make_error(ErrorCode::corrupt, path.string() + ": not a usable index: " + why);
  };
  const std::size_t head_size = kIndexMagic.size() + 4 + 8;
  if (bytes.size() < head_size + 8 || std::string_view(reinterpret_cast<const char*>(bytes.data()),
                                                       kIndexMagic.size()) != kIndexMagic) {
    return corrupt("not an archive index file");
  }
  In head(bytes.data() + kIndexMagic.size(), 12);
  const auto format = head.u32();
  const auto length = head.u64();
  if (format > kIndexFormat) {
    return make_error(ErrorCode::unsupported,
                      path.string() + ": index format " + std::to_string(format) +
                          " is newer than this build reads (" + std::to_string(kIndexFormat) + ")");
  }
  if (format < kIndexFormat) {
    return make_error(ErrorCode::unsupported, path.string() + ": index format " +
                                                  std::to_string(format) +
                                                  " is older than this build writes (" +
                                                  std::to_string(kIndexFormat) + ")");
  }
  if (length != bytes.size() - head_size - 8) return corrupt("truncated or extended");
  const auto* payload = bytes.data() + head_size;
  In tail(payload + length, 8);
  if (tail.u64() != index_checksum(payload, length)) return corrupt("checksum mismatch");

  SearchIndex index;
  auto& x = *index.impl_;
  In in(payload, length);
  x.generation = in.u64();
  x.instance_id = in.str();
  x.commit_id = in.str();
  const auto doc_count = in.count(40);
  x.docs.resize(doc_count);
  for (std::uint32_t d = 0; d < doc_count && in.ok(); ++d) {
    auto& row = x.docs[d];
    row.id = in.str();
    row.title = in.str();
    row.earliest = in.i64();
    row.latest = in.i64();
    row.earliest_kind = get_bound_kind(in);
    row.latest_kind = get_bound_kind(in);
    row.qualifiers = in.u8();
    row.precision = in.u8();
    const auto flags = in.u8();
    row.dated = flags & 1;
    row.live = flags & 2;
    row.has_set = flags & 4;
    row.views = in.u64();
    row.length = in.u32();
    row.type = in.u32();
    row.values = in.u32s();
    row.languages_end = static_cast<std::uint32_t>(row.values.size());
    in.append_u32s(row.values);
    row.collections_end = static_cast<std::uint32_t>(row.values.size());
    in.append_u32s(row.values);
    if (row.live) {
      if (x.doc_numbers.find(row.id, x.doc_id()) != kNone) {
        in.fail();
      } else {
        x.doc_numbers.insert(d, x.doc_id());
      }
      ++x.live;
      x.total_length += row.length;
    }
  }
  const auto sets = in.count(8);
  for (std::uint32_t i = 0; i < sets && in.ok(); ++i) {
    const auto doc = in.u32();
    if (doc >= doc_count) in.fail();
    const auto n = in.count(18);
    std::vector<std::pair<DayBound, DayBound>> elements;
    for (std::uint32_t k = 0; k < n && in.ok(); ++k) {
      const auto ak = get_bound_kind(in);
      const auto a = in.i64();
      const auto bk = get_bound_kind(in);
      const auto b = in.i64();
      elements.emplace_back(DayBound{ak, Day(a)}, DayBound{bk, Day(b)});
    }
    x.set_elements[doc] = std::move(elements);
  }
  const auto term_count = in.count(12);
  x.terms.resize(term_count);

  for (std::uint32_t t = 0; t < term_count && in.ok(); ++t) {
    auto& term = x.terms[t];
    term.text = in.str();
    const auto count = in.u32();
    const auto last = in.u32();
    const auto saved = in.blob();
    // The checksum vouches for the bytes; decoding them stays bounds-checked, and a document
    // number beyond the documents is skipped where postings are read.
    if ((count == 0) != saved.empty() || (count > 0 && last >= doc_count)) in.fail();
    term.postings = PostingList::from_saved(saved, count, last);
    if (x.term_ids.find(term.text, x.term_text()) != kNone) {
      in.fail();
    } else {
      x.term_ids.insert(t, x.term_text());
    }
  }
  const auto key_count = in.count(8);
  x.key_terms.reserve(key_count);
  for (std::uint32_t k = 0; k < key_count && in.ok(); ++k) {
    auto key = in.str();
    auto list = in.u32s();
    for (auto t : list) {
      if (t >= term_count) in.fail();
    }
    x.key_terms.emplace(std::move(key), std::move(list));
  }
  for (auto* dict : {&x.types, &x.languages, &x.collections, &x.agents}) {
    const auto n = in.count(8);
    for (std::uint32_t i = 0; i < n && in.ok(); ++i) {
      const auto value = in.str();
      if (dict->intern(value) != i) in.fail();
      dict->docs[i] = in.u32s();
      for (auto d : dict->docs[i]) {
        if (d >= doc_count) in.fail();
      }
    }
  }
  for (const auto& row : x.docs) {
    if ((row.type != kNone && row.type >= x.types.values.size())) in.fail();
    for (auto v : row.languages()) {
      if (v >= x.languages.values.size()) in.fail();
    }
    for (auto v : row.collections()) {
      if (v >= x.collections.values.size()) in.fail();
    }
    for (auto v : row.agents()) {
      if (v >= x.agents.values.size()) in.fail();
    }
  }
  const auto titles = in.count(8);
  for (std::uint32_t i = 0; i < titles && in.ok(); ++i) {
    auto id = in.str();
    x.collection_titles[id] = in.str();
  }
  const auto agent_count = in.count(9);
  for (std::uint32_t i = 0; i < agent_count && in.ok(); ++i) {
    auto id = in.str();
    AgentRow row;
    row.organization = in.u8() != 0;
    const auto n = in.count(4);
    for (std::uint32_t k = 0; k < n && in.ok(); ++k)
      row.names.push_back(in.str());
    x.tokenize_agent(row);  // their terms exist already: this only looks them up
    x.agent_rows[id] = std::move(row);
  }
  if (!in.ok() || !in.at_end()) return corrupt("inconsistent contents");
  x.file = std::move(file);
  return index;
}

}  // namespace archive::detail
