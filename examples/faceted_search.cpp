// A faceted search: the matching documents counted by collection, type, language, agent and
// decade — the filters a digital archive's search page offers beside its results.
#include <archive/catalog.hpp>
#include <archive/io/jsonl.hpp>
#include <iostream>

int main() {
  auto sample = archive::read_jsonl_file(ARCHIVE_DATA_DIR "/sample_collection.jsonl");
  auto catalog = archive::Catalog::open("memory:");
  if (!sample || !catalog || !catalog->add(sample->records)) return 1;
  auto results = catalog->search("soviet OR iran",
                                 {.limit = 3, .offset = 0, .facets = true, .facet_limit = 5});
  if (!results) {
    std::cerr << "error: " << results.error().describe() << '\n';
    return 1;
  }
  std::cout << results->total << " documents match \"soviet OR iran\"; the best "
            << results->hits.size() << ":\n";
  for (const auto& hit : results->hits)
    std::cout << "  " << hit.title << '\n';
  const std::pair<const char*, const std::vector<archive::FacetCount>*> facets[] = {
      {"collection", &results->facets.collections},
      {"type", &results->facets.doc_types},
      {"language", &results->facets.languages},
      {"agent", &results->facets.agents},
      {"decade", &results->facets.decades}};
  for (const auto& [name, counts] : facets) {
    std::cout << name << ":\n";
    for (const auto& c : *counts)
      std::cout << "  " << c.label << " (" << c.count << ")\n";
  }
  // Narrowing by a facet value is a field in the query.
  std::cout << "type:telegram narrows it to "
            << catalog->count("(soviet OR iran) type:telegram").value() << '\n';
  return 0;
}
