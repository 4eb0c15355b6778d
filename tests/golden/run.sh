#!/bin/sh
# SPDX-License-Identifier: MIT
# Golden tests: run sckg on one case of tests/golden/ and check its output.
#
#   run.sh golden SCKG SRCDIR CASE FORMAT   FORMAT: nt, ttl, rdf or dot (--view all);
#                                           byte-compares with CASE/expected.FORMAT
#   run.sh parse SCKG SRCDIR CASE RAPPER    the RDF/XML and the Turtle parse with
#                                           rapper in strict mode without a warning,
#                                           and each gives the same triples as the
#                                           N-Triples
#
# A case is a folder holding input*.txt (passed in name order) and an optional
# file `args`: more arguments, one per line, '#' lines ignored (options, or
# files named from the repository root). sckg runs from SRCDIR, so the names
# of the inputs, and hence the article identifiers, do not depend on the
# build folder.
#
# SCKG_UPDATE_GOLDEN=1 rewrites expected files that differ (golden mode),
# unless SCKG_GOLDEN_NO_UPDATE=1 (set on the second-locale run, which only
# compares). SCKG_WRAP is put in front of the sckg command (leakcheck uses
# valgrind).
set -u

mode=$1 sckg=$2 src=$3 case=$4 what=$5
dir=tests/golden/$case
cd "$src" || exit 1
[ -d "$dir" ] || { echo "no such case: $dir"; exit 1; }

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# The case's arguments become the positional parameters.
set --
if [ -f "$dir/args" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in '' | '#'*) continue ;; esac
    set -- "$@" "$line"
  done <"$dir/args"
fi
for f in "$dir"/input*.txt; do
  [ -e "$f" ] && set -- "$@" "$f"
done

# run OUTFILE COMMAND [ARGS...]: sckg with the case's arguments; fails the
# test with sckg's diagnostics when it does not exit 0.
run() {
  out=$1
  shift
  # shellcheck disable=SC2086 # SCKG_WRAP is a command line to split
  ${SCKG_WRAP:-} "$sckg" "$@" >"$out" 2>"$tmp/stderr"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "FAIL: sckg $* exited $rc"
    head -n 30 "$tmp/stderr"
    exit 1
  fi
  if [ -s "$tmp/stderr" ]; then
    echo "note: sckg $* wrote diagnostics:"
    head -n 30 "$tmp/stderr"
  fi
}

golden() {
  fmt=$what
  case $fmt in
  nt | ttl | rdf) run "$tmp/actual" "$fmt" "$@" ;;
  dot) run "$tmp/actual" dot --view all "$@" ;;
  *)
    echo "unknown format: $fmt"
    exit 1
    ;;
  esac
  expected=$dir/expected.$fmt
  if [ -f "$expected" ] && cmp -s "$expected" "$tmp/actual"; then
    echo "ok: $expected"
    exit 0
  fi
  if [ "${SCKG_UPDATE_GOLDEN:-0}" = 1 ] && [ "${SCKG_GOLDEN_NO_UPDATE:-0}" != 1 ]; then
    # Replace by rename, so a concurrent reader never sees half a file.
    cp "$tmp/actual" "$expected.new" && mv "$expected.new" "$expected" || exit 1
    echo "updated: $expected (review with git diff)"
    exit 0
  fi
  if [ ! -f "$expected" ]; then
    echo "FAIL: $expected is missing; make it with: SCKG_UPDATE_GOLDEN=1 ctest -R golden"
    exit 1
  fi
  echo "FAIL: sckg output differs from $expected:"
  diff -u --label "$expected" --label "sckg $fmt (actual)" "$expected" "$tmp/actual" | head -n 200
  echo "(if the change is intended: SCKG_UPDATE_GOLDEN=1 ctest -R golden, then review git diff)"
  exit 1
}

# rapper's exit: 0 fine, 1 error, 2 warning; anything but 0 fails the test.
rapper_to_nt() {
  syntax=$1 in=$2 out=$3
  "$rapper" -i "$syntax" -f strict -q -o ntriples "$in" "https://example.invalid/base" >"$out" 2>"$tmp/rapper.err"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "FAIL: rapper -i $syntax exited $rc ($([ "$rc" = 2 ] && echo warning || echo error)) on sckg's output:"
    head -n 30 "$tmp/rapper.err"
    exit 1
  fi
}

parse() {
  rapper=$what
  run "$tmp/graph.rdf" rdf "$@"
  run "$tmp/graph.ttl" ttl "$@"
  run "$tmp/graph.nt" nt "$@"
  rapper_to_nt rdfxml "$tmp/graph.rdf" "$tmp/from-rdf.nt"
  rapper_to_nt turtle "$tmp/graph.ttl" "$tmp/from-ttl.nt"
  # The N-Triples go through rapper too, so that both sides are written by
  # one serializer (rapper escapes non-ASCII as \u, sckg writes UTF-8).
  rapper_to_nt ntriples "$tmp/graph.nt" "$tmp/from-nt.nt"
  LC_ALL=C sort -u "$tmp/from-rdf.nt" >"$tmp/rdf.sorted"
  LC_ALL=C sort -u "$tmp/from-ttl.nt" >"$tmp/ttl.sorted"
  LC_ALL=C sort -u "$tmp/from-nt.nt" >"$tmp/nt.sorted"
  n_rdf=$(wc -l <"$tmp/from-rdf.nt") n_nt=$(wc -l <"$tmp/graph.nt")
  n_set=$(wc -l <"$tmp/nt.sorted")
  status=0
  if ! cmp -s "$tmp/rdf.sorted" "$tmp/nt.sorted"; then
    echo "FAIL: the RDF/XML and the N-Triples hold different triples:"
    diff -u --label "from sckg rdf" --label "from sckg nt" "$tmp/rdf.sorted" "$tmp/nt.sorted" | head -n 100
    status=1
  fi
  if ! cmp -s "$tmp/ttl.sorted" "$tmp/nt.sorted"; then
    echo "FAIL: the Turtle and the N-Triples hold different triples:"
    diff -u --label "from sckg ttl" --label "from sckg nt" "$tmp/ttl.sorted" "$tmp/nt.sorted" | head -n 100
    status=1
  fi
  n_ttl=$(wc -l <"$tmp/from-ttl.nt")
  if [ "$n_rdf" -ne "$n_set" ] || [ "$n_nt" -ne "$n_set" ] || [ "$n_ttl" -ne "$n_set" ]; then
    echo "FAIL: duplicate statements: $n_rdf in RDF/XML, $n_ttl in Turtle, $n_nt in N-Triples, $n_set distinct"
    status=1
  fi
  if [ "$n_set" -eq 0 ]; then
    echo "FAIL: the graph is empty"
    status=1
  fi
  [ "$status" = 0 ] && echo "ok: $case: $n_set triples, RDF/XML = Turtle = N-Triples"
  exit "$status"
}

case $mode in
golden) golden "$@" ;;
parse) parse "$@" ;;
*)
  echo "usage: run.sh golden|parse SCKG SRCDIR CASE FORMAT|RAPPER"
  exit 2
  ;;
esac
