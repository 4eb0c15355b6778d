#!/bin/sh
# SPDX-License-Identifier: MIT
# The SPARQL example of the README's "Loading into a triple store": its query
# and its answer, so that the store tests check that the README tells the
# truth.
#
#   readme.sh README OUTDIR   writes OUTDIR/readme-example.rq (the ```sparql
#                             block after "<!-- stores.readme: query -->") and
#                             OUTDIR/readme-example.tsv (the table after
#                             "<!-- stores.readme: answer -->", as the
#                             normalised rows of rdf-tool.mjs: a header of
#                             ?variables, then the rows sorted by bytes)
set -u
readme=$1 out=$2
mkdir -p "$out" || exit 1

awk '
  /^<!-- stores\.readme: query -->$/ { marker = 1; next }
  marker && /^```sparql$/ { inside = 1; marker = 0; next }
  inside && /^```$/ { exit }
  inside { print }
' "$readme" >"$out/readme-example.rq"

# Table rows "| a | b |" -> "a<TAB>b"; the header gets "?" before each name;
# the |---| line is dropped.
awk '
  /^<!-- stores\.readme: answer -->$/ { marker = 1; next }
  marker && /^\|/ {
    line = $0
    sub(/^\| */, "", line); sub(/ *\| *$/, "", line)
    n = split(line, cell, / *\| */)
    if (cell[1] ~ /^-+$/) next
    row = ""
    for (i = 1; i <= n; i++) row = row (i > 1 ? "\t" : "") (header ? "" : "?") cell[i]
    if (!header) { print row > headfile; header = 1 } else print row
    next
  }
  marker && header { exit }
' headfile="$out/readme-example.head" "$readme" | LC_ALL=C sort >"$out/readme-example.rows"
cat "$out/readme-example.head" "$out/readme-example.rows" >"$out/readme-example.tsv" 2>/dev/null
rm -f "$out/readme-example.head" "$out/readme-example.rows"

if [ ! -s "$out/readme-example.rq" ] || [ "$(wc -l <"$out/readme-example.tsv")" -lt 2 ]; then
  echo "FAIL: $readme lacks the example query or its answer (the stores.readme markers)"
  exit 1
fi
