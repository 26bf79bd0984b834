#!/usr/bin/env bash
# bench/edtf_compare/run.sh [BUILD_DIR]: `archive dates edtf` against edtf.js (the npm package
# `edtf`) on the same generated EDTF strings, whole command against whole command, then the
# bounds of the two compared. Builds nothing: BUILD_DIR (default build/release of this
# checkout) must hold tools/archive/archive and bench/edtf_generate, and `npm install` must
# have been run in this folder. COUNT (default 100000) strings, best of RUNS (default 3).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/release}
archive=$build/tools/archive/archive
generate=$build/bench/edtf_generate
count=${COUNT:-100000}
runs=${RUNS:-3}
for f in "$archive" "$generate"; do
  [[ -x $f ]] || { echo "run.sh: no $f (build it first)" >&2; exit 2; }
done
[[ -d $here/node_modules/edtf ]] || { echo "run.sh: run 'npm install' in $here" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$generate" "$count" >"$tmp/in.txt"
export TZ=UTC # edtf.js reads a date-time without a zone in local time

run_archive() { "$archive" dates edtf <"$tmp/in.txt" >"$tmp/archive.tsv"; }
run_edtf_js() { node "$here/edtf_js.mjs" <"$tmp/in.txt" >"$tmp/edtf_js.tsv"; }

# Best wall-clock seconds of $runs runs of a command.
best_of() {
  local best="" t0 t1 i
  for ((i = 0; i < runs; ++i)); do
    t0=$(date +%s.%N)
    "$@"
    t1=$(date +%s.%N)
    best=$(awk -v a="$t0" -v b="$t1" -v best="$best" \
      'BEGIN { t = b - a; print (best == "" || t < best) ? t : best }')
  done
  echo "$best"
}

version=$(sed -n 's/^ *"version": "\(.*\)".*/\1/p' "$here/node_modules/edtf/package.json")
echo "$count EDTF strings from edtf_generate; best of $runs runs, whole commands:"
t_archive=$(best_of run_archive)
t_js=$(best_of run_edtf_js)
awk -v n="$count" -v a="$t_archive" -v j="$t_js" -v v="$version" 'BEGIN {
  printf "  archive dates edtf : %8.3f s  %12.0f strings/s\n", a, n / a
  printf "  edtf.js %-10s : %8.3f s  %12.0f strings/s\n", v, j, n / j
  printf "  ratio              : %8.1fx\n", j / a
}'
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 "$archive dates edtf <$tmp/in.txt" "node $here/edtf_js.mjs <$tmp/in.txt"
fi

# Compare the bounds line by line, by kind of string (its main feature); show the first
# three disagreements of each kind.
echo
awk -F'\t' -v js="$tmp/edtf_js.tsv" '
function kind(s) {
  if (s ~ /^[[{]/) return "set"
  if (s ~ /\//) return "interval"
  if (s ~ /T/) return "date-time"
  if (s ~ /S/) return "significant digits"
  if (s ~ /^Y/) return "Y year"
  if (s ~ /^-?[0-9X]+-[?~%]?[2-4][0-9][?~%]?$/) return "season"
  if (s ~ /X/) return "unspecified digits"
  if (s ~ /[?~%]/) return "qualified"
  return "plain date"
}
{
  if ((getline other < js) <= 0) { print "edtf.js output is short"; exit 1 }
  split(other, o, "\t")
  ours = ($2 ~ /^error/) ? "error" : $3 ".." $4
  theirs = (o[2] == "error") ? "error" : o[2] ".." o[3]
  k = kind($1)
  if (!(k in total)) order[++kinds] = k
  ++total[k]
  if (ours == theirs) { ++agree; next }
  if (++n[k] <= 3) example[k, n[k]] = sprintf("    %-32s archive %-24s edtf.js %s", $1, ours, theirs)
}
END {
  printf "bounds: %d of %d agree, %d disagree (by kind: disagreements / strings)\n", agree, NR, NR - agree
  for (i = 1; i <= kinds; ++i) {
    k = order[i]
    printf "  %-20s %6d / %6d\n", k, n[k], total[k]
    for (j = 1; j <= 3 && j <= n[k]; ++j) print example[k, j]
  }
}' "$tmp/archive.tsv"
