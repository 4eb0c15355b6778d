#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# bench/dict.sh: prints the word list of the bound (issue 19): every actor
# label, alias (without its `@` mark) and demonym of schema/actors.tsv and
# every trigger of schema/events.tsv as it stood at commit REV, one fixed
# string a line (a trigger "expressed * concern" gives its two fixed parts),
# LC_ALL=C sorted, no duplicates. That is what `grep -F -f` reads.
#
#   bench/dict.sh [REV] > FILE        REV defaults to a709f11
#
# The list is pinned: bench/dict-a709f11.txt is its output for a709f11,
# committed, and run.sh reads that file, not the schema of the day, so that
# the bound does not grow with the lexicon. To check the file:
#
#   bench/dict.sh | cmp - bench/dict-a709f11.txt

set -euo pipefail
export LC_ALL=C

rev=${1:-a709f11}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$root" archive "$rev" schema/actors.tsv schema/events.tsv |
  tar -x -C "$tmp"

{
  awk -F'\t' '!/^#/ && NF >= 5 {
      print $5
      n = split($6, a, "|"); for (i = 1; i <= n; i++) { sub(/@$/, "", a[i]); print a[i] }
      n = split($7, a, "|"); for (i = 1; i <= n; i++) print a[i]
    }' "$tmp/schema/actors.tsv"
  awk -F'\t' '!/^#/ && NF >= 3 {
      n = split($3, a, "|")
      for (i = 1; i <= n; i++) {
        m = split(a[i], p, / *\* */)
        for (k = 1; k <= m; k++) print p[k]
      }
    }' "$tmp/schema/events.tsv"
} | grep -v -e '^-$' -e '^[[:space:]]*$' | sort -u
