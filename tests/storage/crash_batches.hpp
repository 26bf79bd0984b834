// The deterministic batch stream of the crash test: batch `number` of stream `seed`, the same
// in crash_writer (which imports it until it is killed) and in crash_test (which replays it in
// a memory: store to know what the killed store must hold). Batch n commits generation n.
//
// Batch n puts 200 new documents titled "batch n", rewrites 20 documents of the 10 batches
// before it, erases 30 documents of the 15 before it and every document of batch n - 20 (so
// the store stays around 4,000 documents), and rewrites a person and an organization: the
// state after a batch depends on the batches before it, and on their order.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

#include "archive/date.hpp"
#include "archive/model.hpp"
#include "archive/storage/storage.hpp"

namespace archive_test {

inline constexpr int kCrashDocumentsPerBatch = 200;

inline std::string crash_document_id(std::uint64_t batch, std::uint64_t k) {
  char id[48];
  std::snprintf(id, sizeof id, "doc-b%07llu-%03llu", static_cast<unsigned long long>(batch),
                static_cast<unsigned long long>(k));
  return id;
}

inline archive::Document crash_document(std::uint64_t batch, std::uint64_t k,
                                        std::uint64_t written_by, std::mt19937_64& rng) {
  using namespace archive;
  Document d;
  d.id = DocumentId(crash_document_id(batch, k));
  d.title = "batch " + std::to_string(written_by);
  d.summary = "record " + std::to_string(k) + " of batch " + std::to_string(batch) +
              " — запись\nسند " + std::to_string(rng() % 100000);
  const auto n = static_cast<int>(rng() % 4000);
  d.date = FuzzyDate::from_day(Day::from_civil(1945 + n % 12, static_cast<unsigned>(1 + n % 12),
                                               static_cast<unsigned>(1 + n % 28)));
  d.doc_type = (rng() % 2) != 0 ? "telegram" : "letter";
  d.languages = {"ru"};
  d.agents = {{PersonId("person-" + std::to_string(rng() % 37)), AgentRole::author}};
  d.subjects = {"subject " + std::to_string(rng() % 50)};
  d.views = rng() % 1000;
  if (rng() % 3 == 0)
    d.created = std::chrono::sys_seconds{std::chrono::seconds{rng() % 2000000000}};
  return d;
}

/// Batch `number` (1, 2, …) of the stream `seed`.
inline archive::WriteBatch crash_batch(std::uint64_t seed, std::uint64_t number) {
  using namespace archive;
  std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL + number);
  WriteBatch batch;
  for (std::uint64_t k = 0; k < kCrashDocumentsPerBatch; ++k)
    batch.put(crash_document(number, k, number, rng));
  if (number > 1) {
    const auto span = std::min<std::uint64_t>(number - 1, 10);
    for (int i = 0; i < 20; ++i) {
      const auto earlier = number - 1 - rng() % span;
      batch.put(crash_document(earlier, rng() % kCrashDocumentsPerBatch, number, rng));
    }
    const auto erase_span = std::min<std::uint64_t>(number - 1, 15);
    for (int i = 0; i < 30; ++i) {
      const auto earlier = number - 1 - rng() % erase_span;
      batch.erase(DocumentId(crash_document_id(earlier, rng() % kCrashDocumentsPerBatch)));
    }
  }
  if (number > 20) {
    for (std::uint64_t k = 0; k < kCrashDocumentsPerBatch; ++k)
      batch.erase(DocumentId(crash_document_id(number - 20, k)));
  }
  Person p;
  p.id = PersonId("person-" + std::to_string(number % 37));
  p.name = {"Person of batch " + std::to_string(number), text::Script::latin, std::nullopt, ""};
  p.note = "written by batch " + std::to_string(number);
  batch.put(p);
  const auto organization = "org-" + std::to_string(number % 5);
  if (number % 3 == 0) {
    batch.erase(OrganizationId(organization));
  } else {
    Organization o;
    o.id = OrganizationId(organization);
    o.name.form = "Organization of batch " + std::to_string(number);
    batch.put(o);
  }
  return batch;
}

}  // namespace archive_test
