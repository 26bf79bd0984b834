// Plugging in a storage backend of your own (json_files_storage.hpp: the catalog as JSON Lines
// files in a directory) and using it like any other store: write the sample collection in one
// atomic batch, close, reopen, read it back.
#include <filesystem>
#include <iostream>

#include "archive/io/jsonl.hpp"
#include "json_files_storage.hpp"

int main() {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / "archive-example-json-files";
  fs::remove_all(dir);

  auto sample = archive::read_jsonl_file(ARCHIVE_DATA_DIR "/sample_collection.jsonl");
  if (!sample) return std::cerr << "error: " << sample.error().describe() << '\n', 1;

  {
    auto store = example::JsonFilesStorage::open(dir);
    if (!store) return std::cerr << "error: " << store.error().describe() << '\n', 1;
    archive::WriteBatch batch;
    for (const auto& d : sample->records.documents)
      batch.put(d);
    for (const auto& c : sample->records.collections)
      batch.put(c);
    for (const auto& p : sample->records.people)
      batch.put(p);
    for (const auto& o : sample->records.organizations)
      batch.put(o);
    auto generation = (*store)->apply(batch);
    if (!generation) return std::cerr << "error: " << generation.error().describe() << '\n', 1;
    std::cout << "wrote " << batch.size() << " records to " << (*store)->address()
              << " (generation " << *generation << ")\n";
  }

  auto store = example::JsonFilesStorage::open(dir);  // reopened: everything is still there
  if (!store) return std::cerr << "error: " << store.error().describe() << '\n', 1;
  auto reader = (*store)->read().value();
  auto all = reader->read_all().value();
  std::cout << "reopened at generation " << reader->generation() << ": " << all.documents.size()
            << " documents, " << all.collections.size() << " collections, " << all.people.size()
            << " people, " << all.organizations.size() << " organizations\n";
  auto bagirov = reader->person(archive::PersonId("person-bagirov"));
  if (bagirov) std::cout << "person-bagirov: " << bagirov->name.form << '\n';
  fs::remove_all(dir);
  return all == sample->records ? 0 : 1;
}
