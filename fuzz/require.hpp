// The one assertion the fuzz targets use: a property that fails names itself (expression,
// file, line) on stderr before aborting, so a finding's log says which property broke.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace archive_fuzz {
[[noreturn]] inline void fail(const char* expression, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: property failed: %s\n", file, line, expression);
  std::abort();
}
}  // namespace archive_fuzz

#define FUZZ_REQUIRE(condition) \
  ((condition) ? static_cast<void>(0) : ::archive_fuzz::fail(#condition, __FILE__, __LINE__))
