// StoreState: which committed state of a store something reflects — a reader's view, or the
// search index kept beside a store. A plain value, apart from the Storage interface
// (storage/storage.hpp), so that what only labels a state need not depend on the interface.
#pragma once

#include <cstdint>
#include <string>

namespace archive {

/// Which committed state of a store a reader shows: its generation, and the id of the commit
/// that made it. Two stores with one instance id (copies of one file or database) at one
/// generation hold the same records only when their commit ids agree too; an index built from
/// one state is current for exactly that state.
struct StoreState {
  std::uint64_t generation = 0;
  /// Identifies the commit within the store's lineage (a backend draws it at random or derives
  /// it from the committed bytes). Empty when the backend keeps none: then the generation alone
  /// identifies the state, and a copied-then-diverged store cannot be told apart.
  std::string commit_id;
  friend bool operator==(const StoreState&, const StoreState&) = default;
};

}  // namespace archive
