#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build (release preset), run the main demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target demo archive_cli
./build/release/examples/demo
