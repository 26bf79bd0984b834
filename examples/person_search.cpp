// Finding a person whichever script or spelling is typed: the sample collection in an
// in-memory catalog, searched for Bagirov, Stalin and Kianuri as users write them.
#include <archive/catalog.hpp>
#include <archive/io/jsonl.hpp>
#include <iostream>

int main() {
  auto sample = archive::read_jsonl_file(ARCHIVE_DATA_DIR "/sample_collection.jsonl");
  auto catalog = archive::Catalog::open("memory:");
  if (!sample || !catalog || !catalog->add(sample->records)) {
    std::cerr << "error: cannot load the sample collection\n";
    return 1;
  }
  // Bare words find the name in titles and summaries and among the documents' agents;
  // person: asks only for documents whose agents match the name.
  for (const char* query : {"Bagirov", "Багиров", "Baghirov", "Bağırov", "person:\"M.D. Bagirov\"",
                            "Stalin", "Сталин", "استالین", "person:Kyanuri", "کیانوری"}) {
    auto results = catalog->search(query);
    if (!results) {
      std::cerr << "error: " << results.error().describe() << '\n';
      return 1;
    }
    std::cout << query << "  ->  " << results->total << " document(s)\n";
    for (const auto& hit : results->hits)
      std::cout << "    " << hit.id.str() << '\n';
  }
  return 0;
}
