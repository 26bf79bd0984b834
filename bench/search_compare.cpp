// Side by side, in one run, on the same corpus (corpus.hpp): archive's index, SQLite FTS5
// (unicode61, remove_diacritics 2) and Xapian's TermGenerator. Prints indexing throughput,
// index size on disk, query latency p50/p99 over the fixed query mix, archive's open time of
// its persisted index and memory per document, and the ratios.
//
//   build/release/bench/search_compare [--documents N] [--rounds R]
//
// archive indexes more than the others: every Cyrillic and Persian term is joined to its Latin
// spellings through match keys, agents' names are indexed, dates are kept for range queries.
// FTS5 and Xapian index the title, summary, subjects and places as plain text.
#include <sqlite3.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <archive/catalog.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "corpus.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

std::uintmax_t size_on_disk(const fs::path& p) {
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) return fs::file_size(p, ec);
  std::uintmax_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(p, ec)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

struct Latency {
  double p50 = 0, p99 = 0;
};
Latency percentiles(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  if (ms.empty()) return {};
  auto at = [&](double q) {
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  return {at(0.50), at(0.99)};
}

template <class Run>
Latency time_queries(int rounds, Run&& run) {
  std::vector<double> ms;
  for (int r = 0; r < rounds; ++r) {
    for (const auto& q : archive_bench::query_mix()) {
      const auto t = Clock::now();
      run(q);
      ms.push_back(seconds_since(t) * 1000.0);
    }
  }
  return percentiles(std::move(ms));
}

void die(const std::string& message) {
  std::fprintf(stderr, "search_compare: %s\n", message.c_str());
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 100'000;
  int rounds = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--documents") == 0) count = std::strtoull(argv[i + 1], nullptr, 10);
    if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::atoi(argv[i + 1]);
  }
  auto pattern = (fs::temp_directory_path() / "archive-compare-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) die("cannot make a temporary folder");
  const fs::path dir = pattern;

  std::printf("corpus: %zu documents (85%% English, 10%% Russian, 5%% Persian), generating…\n",
              count);
  archive_bench::Corpus corpus;
  std::vector<archive::Document> docs;
  docs.reserve(count);
  std::size_t text_bytes = 0;
  for (std::size_t n = 0; n < count; ++n) {
    docs.push_back(corpus.document(n));
    text_bytes += archive_bench::Corpus::text_of(docs.back()).size();
  }
  const double mb = static_cast<double>(text_bytes) / 1e6;
  std::printf("text: %.1f MB\n\n", mb);

  // ---- archive -----------------------------------------------------------------------------
  const auto index_file = dir / "archive.index";
  double ours_s = 0;
  Latency ours_q;
  std::size_t ours_memory = 0;
  {
    auto catalog = archive::Catalog::open("memory:", {.storage = {}, .index_path = index_file});
    if (!catalog) die(catalog.error().describe());
    archive::Records people;
    people.people = archive_bench::Corpus::people_records();
    if (auto r = catalog->put(people); !r) die(r.error().describe());
    const auto t = Clock::now();
    archive::WriteBatch batch;
    for (const auto& d : docs) {
      batch.put(d);
      if (batch.size() == 1000) {
        if (auto r = catalog->apply(batch); !r) die(r.error().describe());
        batch.clear();
      }
    }
    if (!batch.empty()) {
      if (auto r = catalog->apply(batch); !r) die(r.error().describe());
    }
    ours_s = seconds_since(t);
    ours_memory = catalog->stats().memory_bytes;
    ours_q = time_queries(rounds, [&](const std::string& q) {
      auto r = catalog->search(q, {.limit = 20, .offset = 0, .facets = false, .facet_limit = 0});
      if (!r) die(q + ": " + r.error().describe());
    });
    if (auto r = catalog->flush(); !r) die(r.error().describe());
  }
  const auto ours_size = size_on_disk(index_file);

  // ---- SQLite FTS5 -----------------------------------------------------------------------------
  const auto fts_file = dir / "fts5.db";
  double fts_s = 0;
  Latency fts_q;
  {
    sqlite3* db = nullptr;
    if (sqlite3_open(fts_file.c_str(), &db) != SQLITE_OK) die("cannot open the FTS5 database");
    auto exec = [&](const char* sql) {
      char* error = nullptr;
      if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) die(error ? error : sql);
    };
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    exec(
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, "
        "tokenize = 'unicode61 remove_diacritics 2')");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", -1, &insert,
                       nullptr);
    const auto t = Clock::now();
    exec("BEGIN");
    for (std::size_t n = 0; n < docs.size(); ++n) {
      const auto body = archive_bench::Corpus::text_of(docs[n]).substr(docs[n].title.size() + 1);
      sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(n + 1));
      sqlite3_bind_text(insert, 2, docs[n].title.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert, 3, body.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(insert) != SQLITE_DONE) die(sqlite3_errmsg(db));
      sqlite3_reset(insert);
      if ((n + 1) % 1000 == 0) exec("COMMIT; BEGIN");
    }
    exec("COMMIT");
    fts_s = seconds_since(t);
    sqlite3_finalize(insert);
    exec("PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_stmt* query = nullptr;
    sqlite3_prepare_v2(db, "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20", -1,
                       &query, nullptr);
    fts_q = time_queries(rounds, [&](const std::string& q) {
      sqlite3_bind_text(query, 1, q.c_str(), -1, SQLITE_TRANSIENT);
      while (sqlite3_step(query) == SQLITE_ROW) {
      }
      sqlite3_reset(query);
    });
    sqlite3_finalize(query);
    sqlite3_close(db);
  }
  const auto fts_size = size_on_disk(fts_file);

  // ---- Xapian ------------------------------------------------------------------------------
  const auto xapian_dir = dir / "xapian";
  double xapian_s = 0;
  Latency xapian_q;
  {
    Xapian::WritableDatabase db(xapian_dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    const auto t = Clock::now();
    for (const auto& d : docs) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(archive_bench::Corpus::text_of(d));
      doc.set_data(d.id.str());
      db.add_document(doc);
    }
    db.commit();
    xapian_s = seconds_since(t);
    Xapian::Enquire enquire(db);
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_default_op(Xapian::Query::OP_AND);
    xapian_q = time_queries(rounds, [&](const std::string& q) {
      enquire.set_query(parser.parse_query(q, Xapian::QueryParser::FLAG_DEFAULT));
      auto mset = enquire.get_mset(0, 20);
      (void)mset.size();
    });
  }
  const auto xapian_size = size_on_disk(xapian_dir);

  // ---- archive: opening the persisted index (with an SQLite store) ---------------------------
  double open_s = 0;
  {
    const auto store = dir / "catalog.db";
    {
      auto catalog = archive::Catalog::open("sqlite:" + store.string());
      if (!catalog) die(catalog.error().describe());
      archive::Records all;
      all.people = archive_bench::Corpus::people_records();
      all.documents = docs;
      if (auto r = catalog->put(all); !r) die(r.error().describe());
    }
    const auto t = Clock::now();
    auto catalog = archive::Catalog::open("sqlite:" + store.string());
    open_s = seconds_since(t);
    if (!catalog) die(catalog.error().describe());
    if (!catalog->index_was_loaded()) die("the persisted index was not used");
  }

  auto rate = [&](double s) { return static_cast<double>(count) / s; };
  std::printf("%-22s %14s %10s %12s %10s %10s\n", "engine", "documents/s", "MB/s", "size (MB)",
              "p50 (ms)", "p99 (ms)");
  auto row = [&](const char* name, double s, std::uintmax_t size, Latency q) {
    std::printf("%-22s %14.0f %10.1f %12.1f %10.3f %10.3f\n", name, rate(s), mb / s,
                static_cast<double>(size) / 1e6, q.p50, q.p99);
  };
  row("archive (index)", ours_s, ours_size, ours_q);
  row("SQLite FTS5", fts_s, fts_size, fts_q);
  row("Xapian", xapian_s, xapian_size, xapian_q);
  std::printf("\narchive vs FTS5:   indexing %.2fx, size %.2fx, p50 %.2fx, p99 %.2fx\n",
              fts_s / ours_s, static_cast<double>(ours_size) / static_cast<double>(fts_size),
              ours_q.p50 / fts_q.p50, ours_q.p99 / fts_q.p99);
  std::printf("archive vs Xapian: indexing %.2fx, size %.2fx, p50 %.2fx, p99 %.2fx\n",
              xapian_s / ours_s, static_cast<double>(ours_size) / static_cast<double>(xapian_size),
              ours_q.p50 / xapian_q.p50, ours_q.p99 / xapian_q.p99);
  std::printf(
      "archive: persisted index opened in %.3f s (with its SQLite store); %.0f bytes of "
      "memory per document\n",
      open_s, static_cast<double>(ours_memory) / static_cast<double>(count));
  fs::remove_all(dir);
  return 0;
}
