# Warning flags shared by every target of the project (never exported to consumers).
add_library(archive_warnings INTERFACE)
target_compile_options(archive_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang,AppleClang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual>
  # g++ 12 at -O2/-O3 reports false -Wrestrict on "literal" + std::string (GCC bug 105329).
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_GREATER_EQUAL:$<CXX_COMPILER_VERSION>,12>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>
  $<$<AND:$<BOOL:${ARCHIVE_WERROR}>,$<CXX_COMPILER_ID:GNU,Clang,AppleClang>>:-Werror>)

# The optional public test data set (ARCHIVE_SHARED_DATA_DIR): EDTF test vectors, museum
# catalogs' date expressions, Wikidata name pairs and museum records, read in place and never
# copied into the repository. The accuracy tests (ctest label `accuracy`) skip visibly without
# it and the benchmarks fall back to built-in inputs. Nothing else needs it. The default looks
# for a folder shared/data beside the source tree; point it elsewhere with
# -DARCHIVE_SHARED_DATA_DIR=PATH.
set(ARCHIVE_SHARED_DATA_DIR "${PROJECT_SOURCE_DIR}/../shared/data" CACHE PATH
  "The optional public test data set, read in place by the accuracy tests and benchmarks")
get_filename_component(ARCHIVE_SHARED_DATA_DIR "${ARCHIVE_SHARED_DATA_DIR}" ABSOLUTE)
