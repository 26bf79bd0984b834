#!/usr/bin/env bash
# Quick start, command 2: install what is missing, then build and run the whole test suite
# twice: under AddressSanitizer + UndefinedBehaviorSanitizer (clang, shared library, real
# libFuzzer smoke runs) and as a release build (g++, static library). Both include the
# consumer test that builds a separate project against the installed package. Warnings are
# errors. Each ctest run gets a throwaway PostgreSQL server (scripts/with-postgresql.sh), so the
# PostgreSQL backend is tested against a real server, never skipped; the server is stopped and
# deleted when the tests end, pass or fail. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

for preset in asan release; do
  echo "== $preset: configure, build, test"
  # ARCHIVE_WITH_POSTGRESQL=ON: fail rather than build without the backend (and override an
  # OFF cached by a configure that ran before libpq-dev was installed).
  cmake --preset "$preset" -DARCHIVE_WERROR=ON -DARCHIVE_WITH_POSTGRESQL=ON >/dev/null
  cmake --build --preset "$preset"
  bash scripts/with-postgresql.sh ctest --preset "$preset"
done
