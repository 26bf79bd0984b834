// The randomized model test of the storage conformance suite (conformance.hpp runs it on every
// backend), in the manner of leveldb's model test: random puts, erases and batches — a put then
// an erase of one key, repeated puts, erases of keys that are not there, an empty batch, the
// odd invalid batch that must change nothing — readers held across later batches, gets of
// absent keys, scans in id order and, for a backend that keeps its records, reopenings. Every
// answer is checked against a std::map model and the generation counter, and the commit id
// (StoreState) where the backend keeps one: a reader's stays as it was, a commit makes one never
// seen before, and nothing else (an empty or refused batch, a reopening) changes it. Ids come from
// a small pool, so keys collide across steps and within batches (and one id names records of every
// kind); records have varied fields (Cyrillic, Persian, empty, long, NUL, every date form).
//
// Seeded and reproducible: the generator is splitmix64 with no standard distribution, so a
// seed gives the same steps everywhere, and a failure names the seed and the step.
//   ARCHIVE_MODEL_SEED=N    run the sequence of seed N (default kDefaultModelSeed)
//   ARCHIVE_MODEL_STEPS=N   run N steps (default kDefaultModelSteps)
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "archive/date.hpp"
#include "archive/io/jsonl.hpp"
#include "archive/model.hpp"
#include "archive/storage/storage.hpp"

namespace archive_test {

inline constexpr std::uint64_t kDefaultModelSeed = 0x2d3b'6a41'95c7'e801ULL;
inline constexpr std::size_t kDefaultModelSteps = 800;

/// A number from the environment variable `name`, or `fallback` when it is unset or not a
/// number.
inline std::uint64_t env_number(const char* name, std::uint64_t fallback) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return fallback;
  char* end = nullptr;
  const auto value = std::strtoull(text, &end, 0);
  return end != nullptr && *end == '\0' ? value : fallback;
}

/// splitmix64: small, fast, and the same sequence on every platform.
class ModelRng {
 public:
  explicit ModelRng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// 0 … n-1 (n > 0).
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  /// True with `percent` % probability.
  bool chance(unsigned percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

/// Random records of every kind with ids from a small pool.
class RandomRecords {
 public:
  /// The ids every kind draws from: few, so keys collide; chosen so that bytewise order is
  /// not the order a person would guess ("a-b" < "a.b" < "a0" < "a_b", "x-10" < "x-9").
  static const std::vector<std::string>& ids() {
    static const std::vector<std::string> pool = {"0",   "a",   "a-b",  "a.b", "a0",
                                                  "a_b", "b:1", "x-10", "x-9"};
    return pool;
  }

  explicit RandomRecords(ModelRng& rng) : rng_(rng) {}

  archive::RecordKind kind() { return static_cast<archive::RecordKind>(rng_.below(4)); }
  archive::RecordKey key() { return {kind(), rng_.pick(ids())}; }

  archive::Record record(const archive::RecordKey& key) {
    switch (key.kind) {
      case archive::RecordKind::document:
        return document(key.id);
      case archive::RecordKind::collection:
        return collection(key.id);
      case archive::RecordKind::person:
        return person(key.id);
      case archive::RecordKind::organization:
        return organization(key.id);
    }
    return document(key.id);
  }

 private:
  std::string text() {
    static const std::vector<std::string> texts = {
        "",
        " ",
        "Telegram",
        "Телеграмма ЦК КП Азербайджана М.Д. Багирову о советско-иранском соглашении",
        "نامهٔ محمدرضا پهلوی به ژنرالیسیموس استالین",
        "Mir Cəfər Bağırov — Мир Джафар Багиров — میرجعفر باقروف",
        "O'Brien \"quoted\" \\ back%slash_under; -- DROP TABLE",
        "line\nbreak\ttab\rreturn",
        std::string("nul\0byte", 8),
        "Azərbaycan ə ğ ı ö ü ç ş, e\xCC\x81 combining, \xF0\x9F\x87\xA6\xF0\x9F\x87\xBF flag",
        std::string(500, 'x') + " long",
    };
    return rng_.pick(texts);
  }
  std::vector<std::string> texts(std::size_t most) {
    std::vector<std::string> out(rng_.below(most + 1));
    for (auto& t : out)
      t = text();
    return out;
  }
  std::vector<std::string> codes() {
    static const std::vector<std::string> pool = {"ru", "en", "fa", "az", "az-Cyrl", ""};
    std::vector<std::string> out(rng_.below(4));
    for (auto& c : out)
      c = rng_.pick(pool);
    return out;
  }
  template <class IdType>
  IdType id() {
    return IdType(rng_.pick(ids()));
  }
  template <class IdType>
  std::vector<IdType> id_list(std::size_t most) {
    std::vector<IdType> out;
    for (std::size_t n = rng_.below(most + 1); n > 0; --n)
      out.push_back(id<IdType>());
    return out;
  }
  template <class IdType>
  std::optional<IdType> maybe_id() {
    return rng_.chance(50) ? std::optional<IdType>(id<IdType>()) : std::nullopt;
  }

  archive::FuzzyDate date() {
    static const std::vector<std::string> forms = {
        "",           "1945-07-06",       "1945-07",       "1945",
        "1933/1953",  "1953-03~/1953-07", "1941-10-02/..", "../1946-05-09",
        "1945?",      "1945-07-06%",      "194X",          "[1945-07-06,1945-07-09]",
        "{1945,1947}"};
    const auto& form = rng_.pick(forms);
    archive::FuzzyDate date;
    if (!form.empty()) {
      auto parsed = archive::parse_edtf(form);
      if (!parsed) {
        ADD_FAILURE() << "the model test's date '" << form
                      << "' does not parse: " << parsed.error().describe();
      } else {
        date = *parsed;
      }
    }
    if (rng_.chance(50)) {
      date.set_provenance({text(), static_cast<archive::Calendar>(rng_.below(4)), text()});
    }
    return date;
  }
  archive::NameVariant name() {
    archive::NameVariant n;
    n.form = text();
    n.script = static_cast<archive::text::Script>(rng_.below(6));
    if (rng_.chance(50)) n.scheme = static_cast<archive::Scheme>(rng_.below(4));
    n.source = text();
    return n;
  }
  std::vector<archive::NameVariant> names() {
    std::vector<archive::NameVariant> out;
    for (std::size_t n = rng_.below(4); n > 0; --n)
      out.push_back(name());
    return out;
  }
  archive::AuthorityIds identifiers() {
    static const std::vector<std::string> pool = {"", "41845489", "Q317207", "n85000000"};
    return {rng_.pick(pool), rng_.pick(pool), rng_.pick(pool)};
  }
  std::optional<archive::Timestamp> timestamp() {
    static const std::vector<long long> seconds = {0, -1, -2208988800LL, 1700000000, 4102444800LL};
    if (rng_.chance(40)) return std::nullopt;
    return archive::Timestamp{std::chrono::seconds{rng_.pick(seconds)}};
  }

  archive::Document document(const std::string& id) {
    using namespace archive;
    static const std::vector<std::uint64_t> views = {0,
                                                     1,
                                                     12345,
                                                     (1ULL << 53) + 1,
                                                     static_cast<std::uint64_t>(INT64_MAX),
                                                     std::numeric_limits<std::uint64_t>::max()};
    Document d;
    d.id = DocumentId(id);
    d.title = text();
    d.date = date();
    if (rng_.chance(20)) d.date_error = text();
    d.summary = text();
    d.doc_type = text();
    d.languages = codes();
    d.translations = codes();
    for (std::size_t n = rng_.below(4); n > 0; --n) {
      const auto role = static_cast<AgentRole>(rng_.below(4));
      if (rng_.chance(50)) {
        d.agents.push_back({this->id<PersonId>(), role});
      } else {
        d.agents.push_back({this->id<OrganizationId>(), role});
      }
    }
    d.places = texts(3);
    d.subjects = texts(3);
    d.collections = id_list<CollectionId>(2);
    d.source = {text(), text()};
    d.classification = text();
    d.rights = text();
    d.related = id_list<DocumentId>(2);
    d.views = rng_.pick(views);
    d.created = timestamp();
    d.modified = timestamp();
    return d;
  }
  archive::Collection collection(const std::string& id) {
    using namespace archive;
    Collection c;
    c.id = CollectionId(id);
    c.title = text();
    c.description = text();
    c.image_caption = text();
    c.parent = maybe_id<CollectionId>();
    c.related = id_list<CollectionId>(3);
    c.documents = id_list<DocumentId>(4);
    return c;
  }
  archive::Person person(const std::string& id) {
    using namespace archive;
    Person p;
    p.id = PersonId(id);
    p.name = name();
    p.variants = names();
    p.born = date();
    p.died = date();
    for (std::size_t n = rng_.below(3); n > 0; --n)
      p.positions.push_back({text(), maybe_id<OrganizationId>(), date()});
    p.affiliations = id_list<OrganizationId>(2);
    p.identifiers = identifiers();
    p.note = text();
    return p;
  }
  archive::Organization organization(const std::string& id) {
    using namespace archive;
    Organization o;
    o.id = OrganizationId(id);
    o.name = name();
    o.variants = names();
    o.existed = date();
    o.parent = maybe_id<OrganizationId>();
    o.identifiers = identifiers();
    return o;
  }

  ModelRng& rng_;
};

/// Whether two records are the same, dates' provenance included (== leaves it out).
inline bool same_record(const archive::Record& a, const archive::Record& b) {
  using namespace archive;
  if (!(a == b)) return false;
  if (const auto* d = std::get_if<Document>(&a)) {
    return d->date.identical(std::get<Document>(b).date);
  }
  if (const auto* p = std::get_if<Person>(&a)) {
    const auto& q = std::get<Person>(b);
    if (!p->born.identical(q.born) || !p->died.identical(q.died)) return false;
    for (std::size_t i = 0; i < p->positions.size(); ++i) {
      if (!p->positions[i].date.identical(q.positions[i].date)) return false;
    }
    return true;
  }
  if (const auto* o = std::get_if<Organization>(&a)) {
    return o->existed.identical(std::get<Organization>(b).existed);
  }
  return true;
}

/// A record as JSON Lines, for messages.
inline std::string show(const archive::Record& record) {
  archive::Records one;
  archive::add_to(one, record);
  std::ostringstream out;
  if (!archive::write_jsonl(out, one)) return "<not writable as JSON Lines>";
  return out.str();
}

inline std::string show(const archive::RecordKey& key) {
  return std::string(to_string(key.kind)) + " '" + key.id + "'";
}

/// One run of the model test against `store`, which `reopen` closes and opens again (for a
/// backend that keeps its records; empty otherwise). `holds` says which records the backend
/// keeps, for one that keeps only some (and must refuse the others with invalid_argument);
/// empty: every record that passes check_record. Failures are reported with GoogleTest; the
/// run stops at the first step that fails.
class StorageModelRun {
 public:
  using State = std::map<archive::RecordKey, archive::Record>;
  using Holds = std::function<bool(const archive::Record&)>;

  StorageModelRun(std::unique_ptr<archive::Storage>& store, std::function<bool()> reopen,
                  Holds holds, std::uint64_t seed)
      : store_(store),
        reopen_(std::move(reopen)),
        holds_(std::move(holds)),
        seed_(seed),
        rng_(seed),
        records_(rng_) {}

  void run(std::size_t steps) {
    instance_id_ = store_->instance_id();
    generation_ = store_->generation().value_or(0);
    ASSERT_EQ(generation_, 0u) << "the model test starts from a new store";
    for (step_ = 1; step_ <= steps; ++step_) {
      SCOPED_TRACE(::testing::Message() << "model test seed " << seed_ << ", step " << step_);
      what_.clear();
      one_step();
      if (::testing::Test::HasFailure()) {
        ADD_FAILURE() << "the model test failed at step " << step_ << " of " << steps << " (seed "
                      << seed_ << "): " << what_ << "\nrerun it with ARCHIVE_MODEL_SEED=" << seed_
                      << " ARCHIVE_MODEL_STEPS=" << step_;
        return;
      }
    }
    what_ = "the final check";
    check_now(/*deep=*/true);
    if (reopen_) {
      what_ = "the final reopen";
      reopen();
    }
  }

  /// What the run did, for the test's log.
  [[nodiscard]] std::string summary() const {
    std::ostringstream out;
    out << "seed " << seed_ << ": " << batches_ << " batches (" << operations_
        << " puts and erases, " << refused_ << " invalid batches refused), " << readers_
        << " readers held across later batches, " << reopens_ << " reopenings; " << state_.size()
        << " records at generation " << generation_ << " in the end";
    return out.str();
  }

 private:
  void one_step() {
    const auto roll = rng_.below(100);
    if (roll < 25) {
      write_batch(1 + rng_.below(16));
    } else if (roll < 31) {
      single_put();
    } else if (roll < 35) {
      single_erase();
    } else if (roll < 37) {
      empty_batch();
    } else if (roll < 40) {
      if (holds_ && rng_.chance(50)) {
        unheld_record();
      } else {
        invalid_batch();
      }
    } else if (roll < 48) {
      hold_reader();
    } else if (roll < 52) {
      drop_reader();
    } else if (roll < 70) {
      check_held(/*deep=*/rng_.chance(20));
    } else if (roll < 90) {
      check_now(/*deep=*/false);
    } else if (roll < 98 || !reopen_) {
      check_now(/*deep=*/true);
    } else {
      reopen();
    }
  }

  // A key to write or erase: mostly from the pool at random; sometimes one already stored.
  archive::RecordKey some_key() {
    if (!state_.empty() && rng_.chance(30)) {
      auto it = state_.begin();
      std::advance(it, static_cast<std::ptrdiff_t>(rng_.below(state_.size())));
      return it->first;
    }
    return records_.key();
  }

  // A random record with `key` that the backend keeps.
  archive::Record record(const archive::RecordKey& key) {
    auto record = records_.record(key);
    for (int tries = 0; holds_ && !holds_(record) && tries < 200; ++tries)
      record = records_.record(key);
    if (holds_ && !holds_(record)) ADD_FAILURE() << "no record for " << show(key) << " it holds";
    return record;
  }

  // Random operations for a batch of about `size`: puts, erases, and now and then a put and
  // an erase of the same key or two puts of one key in a row.
  void add_operations(archive::WriteBatch& batch, std::size_t size) {
    while (batch.size() < size) {
      const auto key = some_key();
      const auto roll = rng_.below(100);
      if (roll < 55) {
        batch.put(record(key));
      } else if (roll < 80) {
        batch.erase(key);
      } else if (roll < 90) {
        batch.put(record(key)).erase(key);
      } else {
        batch.put(record(key)).put(record(key));
      }
    }
  }

  static std::string describe(const archive::WriteBatch& batch) {
    std::string text;
    for (const auto& op : batch.operations()) {
      if (!text.empty()) text += ", ";
      text += (op.record ? "put " : "erase ") + show(op.key);
    }
    return text;
  }

  // Applies `batch` to the model and to the store, and checks the store's answer.
  void apply(const archive::WriteBatch& batch, const std::string& what) {
    what_ = what + ": " + describe(batch);
    auto expected = state_;
    for (const auto& op : batch.operations()) {
      if (op.record) {
        expected.insert_or_assign(op.key, *op.record);
      } else {
        expected.erase(op.key);
      }
    }
    auto result = store_->apply(batch);
    ASSERT_TRUE(result) << result.error().describe();
    if (!batch.empty()) committed();
    EXPECT_EQ(*result, generation_) << "the generation apply() returned";
    state_ = std::move(expected);
    ++batches_;
    operations_ += batch.size();
  }

  void write_batch(std::size_t size) {
    archive::WriteBatch batch;
    add_operations(batch, size);
    apply(batch, "a batch of " + std::to_string(batch.size()));
  }

  void single_put() {
    const auto key = some_key();
    auto put = record(key);
    what_ = "put " + show(key);
    auto result = store_->put(put);
    ASSERT_TRUE(result) << result.error().describe();
    committed();
    EXPECT_EQ(*result, generation_);
    state_.insert_or_assign(key, std::move(put));
    ++batches_;
    ++operations_;
  }

  void single_erase() {
    const auto key = some_key();
    what_ = "erase " + show(key) + (state_.contains(key) ? "" : " (not stored)");
    auto result = store_->erase(key);
    ASSERT_TRUE(result) << result.error().describe();
    committed();
    EXPECT_EQ(*result, generation_);
    state_.erase(key);
    ++batches_;
    ++operations_;
  }

  void empty_batch() {
    what_ = "an empty batch";
    auto result = store_->apply(archive::WriteBatch{});
    ASSERT_TRUE(result) << result.error().describe();
    EXPECT_EQ(*result, generation_) << "an empty batch leaves the generation";
  }

  // A batch with one bad record among good operations: refused whole, nothing changes.
  void invalid_batch() {
    archive::WriteBatch batch;
    add_operations(batch, rng_.below(5));
    const auto key = records_.key();
    auto bad = records_.record(key);
    if (rng_.chance(50)) {
      std::visit([](auto& r) { r.id = std::decay_t<decltype(r.id)>(" not an id (leading space)"); },
                 bad);
    } else if (auto* d = std::get_if<archive::Document>(&bad)) {
      d->summary = "valid start \xC3\x28 invalid";
    } else if (auto* c = std::get_if<archive::Collection>(&bad)) {
      c->title = "\xFF";
    } else if (auto* p = std::get_if<archive::Person>(&bad)) {
      p->note = "\xED\xA0\x80 a surrogate";
    } else {
      std::get<archive::Organization>(bad).name.form = "\xC0\xAF overlong";
    }
    batch.put(std::move(bad));
    add_operations(batch, batch.size() + rng_.below(4));
    what_ = "an invalid batch: " + describe(batch);
    auto result = store_->apply(batch);
    ASSERT_FALSE(result) << "an invalid batch was applied";
    EXPECT_EQ(result.error().code, archive::ErrorCode::invalid_argument)
        << result.error().describe();
    ++refused_;
    check_now(/*deep=*/rng_.chance(25));
  }

  // A batch with a record the backend does not keep among ones it keeps: refused whole.
  void unheld_record() {
    archive::WriteBatch batch;
    add_operations(batch, rng_.below(4));
    const auto key = records_.key();
    auto unheld = records_.record(key);
    for (int tries = 0; holds_(unheld) && tries < 200; ++tries)
      unheld = records_.record(key);
    if (holds_(unheld)) return;
    batch.put(std::move(unheld));
    add_operations(batch, batch.size() + rng_.below(4));
    what_ = "a batch with a record the backend does not keep: " + describe(batch);
    auto result = store_->apply(batch);
    ASSERT_FALSE(result) << "a record the backend says it does not keep was applied";
    EXPECT_EQ(result.error().code, archive::ErrorCode::invalid_argument)
        << result.error().describe();
    ++refused_;
    check_now(/*deep=*/rng_.chance(25));
  }

  void hold_reader() {
    what_ = "open a reader to hold";
    auto reader = store_->read();
    ASSERT_TRUE(reader) << reader.error().describe();
    observe_commit(**reader);
    if (held_.size() == 4) held_.erase(held_.begin());
    auto commit_id = (*reader)->commit_id();
    held_.push_back({std::move(*reader), std::make_shared<const State>(state_), generation_,
                     std::move(commit_id), step_});
    ++readers_;
    check_reader(*held_.back().reader, *held_.back().state, generation_, false);
  }

  void drop_reader() {
    what_ = "drop a held reader";
    if (!held_.empty())
      held_.erase(held_.begin() + static_cast<std::ptrdiff_t>(rng_.below(held_.size())));
  }

  void check_held(bool deep) {
    if (held_.empty()) return check_now(deep);
    auto& held = held_[rng_.below(held_.size())];
    what_ = std::string(deep ? "scan" : "get") + " through a reader held since step " +
            std::to_string(held.since_step) + " (generation " + std::to_string(held.generation) +
            ", now " + std::to_string(generation_) + ")";
    EXPECT_EQ(held.reader->commit_id(), held.commit_id) << "a held reader's commit id changed";
    check_reader(*held.reader, *held.state, held.generation, deep);
  }

  void check_now(bool deep) {
    if (what_.empty()) what_ = deep ? "scan everything now" : "get now";
    EXPECT_EQ(store_->instance_id(), instance_id_);
    auto generation = store_->generation();
    ASSERT_TRUE(generation) << generation.error().describe();
    EXPECT_EQ(*generation, generation_);
    auto reader = store_->read();
    ASSERT_TRUE(reader) << reader.error().describe();
    observe_commit(**reader);
    check_reader(**reader, state_, generation_, deep);
  }

  // A batch committed: the generation moves on, and the commit id is new (seen next time).
  void committed() {
    ++generation_;
    commit_id_.reset();
  }

  // The commit id a reader of the current state shows: the one seen since the last commit, or
  // (the first time after a commit) one never seen before.
  void observe_commit(const archive::StorageReader& reader) {
    const auto id = reader.commit_id();
    if (commit_id_) {
      EXPECT_EQ(id, *commit_id_) << "the commit id changed without a commit";
      return;
    }
    if (!id.empty()) {
      EXPECT_FALSE(commit_ids_.contains(id))
          << "generation " << generation_ << " has the commit id '" << id
          << "' of an earlier state";
      commit_ids_.insert(id);
    }
    commit_id_ = id;
  }

  void reopen() {
    if (what_.empty()) what_ = "reopen";
    held_.clear();  // a reader must not outlive its store
    ASSERT_TRUE(reopen_()) << "the store does not open again";
    ++reopens_;
    EXPECT_EQ(store_->instance_id(), instance_id_);
    check_now(/*deep=*/true);
  }

  // Checks a view against the model's state at `generation`: gets of a few keys (stored or
  // not), and when `deep`, a scan of every kind in id order and read_all().
  void check_reader(archive::StorageReader& reader, const State& state, std::uint64_t generation,
                    bool deep) {
    EXPECT_EQ(reader.generation(), generation);
    for (int n = 0; n < 3; ++n) {
      const auto key = n == 0 ? some_key() : records_.key();
      auto got = reader.get(key);
      const auto it = state.find(key);
      if (it == state.end()) {
        ASSERT_FALSE(got) << show(key) << " is not stored, yet get() found\n" << show(*got);
        EXPECT_EQ(got.error().code, archive::ErrorCode::not_found) << got.error().describe();
      } else {
        ASSERT_TRUE(got) << show(key) << ": " << got.error().describe();
        EXPECT_TRUE(same_record(*got, it->second))
            << show(key) << " differs\n stored: " << show(it->second) << " got:    " << show(*got);
      }
    }
    if (!deep) return;
    for (auto kind : {archive::RecordKind::document, archive::RecordKind::collection,
                      archive::RecordKind::person, archive::RecordKind::organization}) {
      auto it = state.lower_bound({kind, ""});
      bool stopped = false;
      auto scanned = reader.scan(kind, [&](archive::Record&& record) {
        const auto key = archive::key_of(record);
        if (it == state.end() || it->first.kind != kind) {
          ADD_FAILURE() << "the scan of " << to_string(kind) << " gave " << show(key)
                        << " after the last one stored";
          stopped = true;
          return false;
        }
        if (key != it->first || !same_record(record, it->second)) {
          ADD_FAILURE() << "the scan of " << to_string(kind) << " gave " << show(key)
                        << " where the model has " << show(it->first)
                        << "\n stored: " << show(it->second) << " got:    " << show(record);
          stopped = true;
          return false;
        }
        ++it;
        return true;
      });
      ASSERT_TRUE(scanned) << scanned.error().describe();
      if (stopped) return;
      EXPECT_TRUE(it == state.end() || it->first.kind != kind)
          << "the scan of " << to_string(kind) << " ended before " << show(it->first);
    }
    auto all = reader.read_all();
    ASSERT_TRUE(all) << all.error().describe();
    EXPECT_EQ(all->size(), state.size());
  }

  struct Held {
    std::unique_ptr<archive::StorageReader> reader;
    std::shared_ptr<const State> state;
    std::uint64_t generation;
    std::string commit_id;
    std::size_t since_step;
  };

  std::unique_ptr<archive::Storage>& store_;
  std::function<bool()> reopen_;
  Holds holds_;
  std::uint64_t seed_;
  ModelRng rng_;
  RandomRecords records_;
  State state_;
  std::uint64_t generation_ = 0;
  std::string instance_id_;
  std::optional<std::string> commit_id_;  // the current state's (none: not seen since a commit)
  std::set<std::string> commit_ids_;      // every one seen, to tell that a commit's is new
  std::vector<Held> held_;
  std::size_t step_ = 0;
  std::string what_;
  std::size_t batches_ = 0, operations_ = 0, refused_ = 0, readers_ = 0, reopens_ = 0;
};

}  // namespace archive_test
