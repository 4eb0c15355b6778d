#!/bin/sh
# SPDX-License-Identifier: MIT
# The committed out/ holds what the build makes: run a bare `sckg` (which
# writes ./out/ from the embedded articles) in a fresh folder and compare
# with SRCDIR/out/. RDF/XML, N-Triples and DOT byte for byte; the SVGs carry
# the Graphviz version and font-dependent coordinates, so they are compared
# by structure: both well-formed (xmllint), the same number of node and
# edge groups, the same set of <title>s.
#
#   out.sh SCKG SRCDIR XMLLINT
set -u

sckg=$1 src=$2 xmllint=$3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

if ! (cd "$tmp" && "$sckg" >/dev/null 2>"$tmp/stderr"); then
  echo "FAIL: sckg (no arguments) failed:"
  cat "$tmp/stderr"
  exit 1
fi

status=0
fail() {
  echo "FAIL: $*"
  status=1
}
hint="if the change is intended: run build/sckg from the repository root and commit out/"

for f in graph.rdf graph.nt graph.ttl statement.dot graph.dot; do
  if [ ! -f "$src/out/$f" ]; then
    fail "out/$f is missing ($hint)"
  elif ! cmp -s "$src/out/$f" "$tmp/out/$f"; then
    fail "out/$f differs from what the build writes ($hint):"
    diff -u --label "out/$f (committed)" --label "$f (built)" \
      "$src/out/$f" "$tmp/out/$f" | head -n 100
  else
    echo "ok: out/$f"
  fi
done

# count PATTERN FILE: occurrences of PATTERN (not lines) in FILE.
count() { grep -o "$1" "$2" | wc -l; }

for f in statement.svg graph.svg; do
  committed=$src/out/$f built=$tmp/out/$f
  if [ ! -f "$committed" ]; then
    fail "out/$f is missing ($hint)"
    continue
  fi
  for svg in "$committed" "$built"; do
    if ! "$xmllint" --noout "$svg" 2>"$tmp/xmllint.err"; then
      fail "$svg is not well-formed XML:"
      head -n 20 "$tmp/xmllint.err"
    fi
  done
  for class in node edge; do
    a=$(count "class=\"$class\"" "$committed") b=$(count "class=\"$class\"" "$built")
    [ "$a" -eq "$b" ] || fail "out/$f has $a $class groups, the build makes $b ($hint)"
  done
  grep -o '<title>[^<]*</title>' "$committed" | LC_ALL=C sort -u >"$tmp/titles.committed"
  grep -o '<title>[^<]*</title>' "$built" | LC_ALL=C sort -u >"$tmp/titles.built"
  if ! cmp -s "$tmp/titles.committed" "$tmp/titles.built"; then
    fail "out/$f has other <title>s than the build makes ($hint):"
    diff -u --label "out/$f (committed)" --label "$f (built)" \
      "$tmp/titles.committed" "$tmp/titles.built" | head -n 60
  else
    echo "ok: out/$f ($(count 'class="node"' "$built") nodes, $(count 'class="edge"' "$built") edges)"
  fi
done
exit "$status"
