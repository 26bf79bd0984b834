#!/usr/bin/env bash
# Quick start, command 2: install what is missing, then build and run the whole test suite
# twice: under AddressSanitizer + UndefinedBehaviorSanitizer (clang, shared library, real
# libFuzzer smoke runs) and as a release build (g++, static library). Both include the
# consumer test that builds a separate project against the installed package. Warnings are
# errors. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

for preset in asan release; do
  echo "== $preset: configure, build, test"
  cmake --preset "$preset" -DARCHIVE_WERROR=ON >/dev/null
  cmake --build --preset "$preset"
  ctest --preset "$preset"
done
