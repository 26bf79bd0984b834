// Must NOT compile: a PersonId where a DocumentId is expected.
#include "archive/model/ids.hpp"

int main() {
  archive::DocumentId document = archive::PersonId("person-bagirov");
  return document.empty() ? 0 : 1;
}
