# Warning flags shared by every target of the project (never exported to consumers).
add_library(archive_warnings INTERFACE)
target_compile_options(archive_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang,AppleClang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual>
  # g++ 12 at -O2/-O3 reports false -Wrestrict on "literal" + std::string (GCC bug 105329).
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_GREATER_EQUAL:$<CXX_COMPILER_VERSION>,12>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>
  $<$<AND:$<BOOL:${ARCHIVE_WERROR}>,$<CXX_COMPILER_ID:GNU,Clang,AppleClang>>:-Werror>)

# Where the shared test material lives (../shared/data beside the checkout). Tests and
# benchmarks read it in place and report a visible skip when it is absent.
set(ARCHIVE_SHARED_DATA_DIR "${PROJECT_SOURCE_DIR}/../shared/data" CACHE PATH
  "Directory of the shared public test material (read in place, never copied)")
get_filename_component(ARCHIVE_SHARED_DATA_DIR "${ARCHIVE_SHARED_DATA_DIR}" ABSOLUTE)
