// Fuzzy date ranges with both semantics: date:A..B keeps documents whose date possibly
// overlaps the range, date:=A..B only those certainly within it; a document dated inside the
// range outranks one that merely overlaps it; undated documents are asked for by date:unknown.
#include <archive/catalog.hpp>
#include <archive/date.hpp>
#include <iostream>

archive::Document document(const char* id, const char* title, const char* date) {
  archive::Document d;
  d.id = archive::DocumentId(id);
  d.title = title;
  if (auto parsed = archive::parse_date(date)) d.date = *parsed;
  return d;
}

int main() {
  auto catalog = archive::Catalog::open("memory:");
  archive::Records records;
  records.documents = {
      document("doc-decree", "Politburo decree on Southern Azerbaijan", "July 6, 1945"),
      document("doc-telegram", "Telegram to Bagirov on the Soviet-Iranian agreement",
               "12 апреля 1946 г."),
      document("doc-letter", "Letter from the Shah to Stalin", "۱۵ شهریور ۱۳۲۵"),
      document("doc-report", "Report on the Azerbaijan crisis", "1940s"),
      document("doc-note", "Note on the Azerbaijan crisis, undated", "n.d."),
  };
  if (!catalog || !catalog->add(records)) return 1;
  for (const char* query : {"date:1945..1946", "date:=1945..1946", "azerbaijan date:1945..1946",
                            "date:\"Spring 1946\"..\"Autumn 1946\" sort:date", "date:unknown"}) {
    auto results = catalog->search(query);
    if (!results) {
      std::cerr << "error: " << results.error().describe() << '\n';
      return 1;
    }
    std::cout << query << '\n';
    for (const auto& hit : results->hits) {
      std::cout << "    " << hit.id.str() << "  " << hit.earliest.to_string() << ".."
                << hit.latest.to_string() << "  score " << hit.score << '\n';
    }
  }
  return 0;
}
