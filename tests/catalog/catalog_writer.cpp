// catalog_writer ADDRESS PREFIX COUNT BATCH: adds COUNT documents with ids PREFIX-1 … PREFIX-COUNT
// to the catalog at ADDRESS through a Catalog (its index kept and saved as a program would), in
// batches of BATCH, renaming its own person after every few batches so that documents naming
// him are re-indexed. multi_writer_test runs two of these at once on one store. Exit status 0
// when every batch committed and the index was saved, 1 otherwise (the error on standard error).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "archive/catalog.hpp"
#include "archive/date/fuzzy_date.hpp"

namespace {

unsigned long number(const char* text) {
  char* end = nullptr;
  const auto value = std::strtoul(text, &end, 10);
  return (end != text && *end == '\0' && value > 0) ? value : 0;
}

int fail(const std::string& what, const archive::Error& error) {
  std::fprintf(stderr, "catalog_writer: %s: %s\n", what.c_str(), error.describe().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const auto count = argc == 5 ? number(argv[3]) : 0;
  const auto batch_size = argc == 5 ? number(argv[4]) : 0;
  if (count == 0 || batch_size == 0) {
    std::fprintf(stderr, "usage: catalog_writer ADDRESS PREFIX COUNT BATCH\n");
    return 2;
  }
  const std::string prefix = argv[2];
  auto catalog = archive::Catalog::open(argv[1]);
  if (!catalog) return fail("opening", catalog.error());

  archive::Person author;
  author.id = archive::PersonId("person-" + prefix);
  author.name.form = "Vyacheslav Molotov " + prefix;
  author.name.script = archive::text::Script::latin;
  const auto july = archive::parse_edtf("1945-07-06").value();
  unsigned long batches = 0;
  for (unsigned long first = 1; first <= count; first += batch_size, ++batches) {
    archive::Records records;
    if (batches % 4 == 0) {  // the author is renamed: his documents are re-indexed
      author.name.form = "Vyacheslav Molotov " + prefix + " " + std::to_string(batches);
      records.people.push_back(author);
    }
    for (auto n = first; n < first + batch_size && n <= count; ++n) {
      archive::Document d;
      d.id = archive::DocumentId(prefix + "-" + std::to_string(n));
      d.title = "Telegram " + std::to_string(n) + " from Stalin to Bagirov";
      d.date = july;
      d.agents.push_back({author.id, archive::AgentRole::author});
      records.documents.push_back(std::move(d));
    }
    if (auto r = catalog->put(records); !r)
      return fail("batch " + std::to_string(batches), r.error());
  }
  if (auto r = catalog->flush(); !r) return fail("saving the index", r.error());
  return 0;
}
