#!/bin/sh
# SPDX-License-Identifier: MIT
# Checks one sckg output with strict RDF parsers or against the SHACL shapes.
#
#   check.sh strict SCKG SRCDIR CASE   the RDF/XML parses with rapper (strict)
#                                      and Jena RIOT (strict), the N-Triples with
#                                      rapper and Jena's strict N-Triples parser,
#                                      without an error or a warning; both give
#                                      the same set of triples (Jena's canonical
#                                      N-Triples, sorted) with no duplicate
#                                      statement; Oxigraph parses both and agrees
#   check.sh shacl SCKG SRCDIR CASE    the RDF/XML, the N-Triples and the
#                                      Turtle each conform to schema/shapes.ttl
#                                      on their own, and the N-Triples with the
#                                      ontology (schema/sckg.rdf) too, in two
#                                      engines: rdf-validate-shacl (npm) and
#                                      Jena's SHACL (jena-shacl, java -cp)
#
# CASE names the inputs:
#   seeds              no FILE: the two built-in articles
#   golden/NAME        tests/golden/NAME (its input*.txt and args)
#   cases/NAME         tests/stores/cases/NAME (same layout)
#   shard/ap           corpus/ap-2023-04-07.txt alone
#   shard/reuters      corpus/reuters-2023-04-07.txt alone, --date 2023-04-07
# sckg runs from SRCDIR, so identifiers do not depend on the build folder.
#
# Environment (set by tests/stores/CMakeLists.txt): SCKG_JENA_DIR (the
# stores.setup.jena fixture), SCKG_NODE_DIR (stores.setup.node), SCKG_RAPPER.
set -u

mode=$1 sckg=$2 src=$3 case=$4
here=$(cd "$(dirname "$0")" && pwd)
cd "$src" || exit 1
src=$(pwd)

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

fail() {
  echo "FAIL: $*"
  exit 1
}

# ---- The case's arguments become the positional parameters --------------------
set --
case_dir() {
  dir=$1
  shift
  [ -d "$dir" ] || fail "no such case: $dir"
  if [ -f "$dir/args" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in '' | '#'*) continue ;; esac
      set -- "$@" "$line"
    done <"$dir/args"
  fi
  for f in "$dir"/input*.txt; do
    [ -e "$f" ] && set -- "$@" "$f"
  done
  # Hand the list back through a file, one argument per line.
  : >"$tmp/args"
  for a in "$@"; do printf '%s\n' "$a" >>"$tmp/args"; done
}
case $case in
seeds) : >"$tmp/args" ;;
golden/*) case_dir "tests/golden/${case#golden/}" ;;
cases/*) case_dir "tests/stores/cases/${case#cases/}" ;;
shard/ap) printf '%s\n' corpus/ap-2023-04-07.txt >"$tmp/args" ;;
shard/reuters) printf '%s\n' --date 2023-04-07 corpus/reuters-2023-04-07.txt >"$tmp/args" ;;
*) fail "unknown case $case" ;;
esac
while IFS= read -r a; do set -- "$@" "$a"; done <"$tmp/args"

# sckg_out FORMAT OUTFILE ARGS...: sckg FORMAT with the case's arguments.
sckg_out() {
  fmt=$1 out=$2
  shift 2
  "$sckg" "$fmt" "$@" >"$out" 2>"$tmp/sckg.err"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "FAIL: sckg $fmt $* exited $rc:"
    head -n 20 "$tmp/sckg.err"
    exit 1
  fi
}
sckg_out rdf "$tmp/graph.rdf" "$@"
sckg_out nt "$tmp/graph.nt" "$@"
sckg_out ttl "$tmp/graph.ttl" "$@"
echo "sckg rdf|nt|ttl $*"

# ---- strict -----------------------------------------------------------------------
rapper_check() {
  syntax=$1 in=$2 out=$3
  rapper=${SCKG_RAPPER:-rapper}
  command -v "$rapper" >/dev/null 2>&1 || fail "rapper is missing: apt-get install -y raptor2-utils"
  "$rapper" -i "$syntax" -f strict -q -o ntriples "$in" "https://example.invalid/base" >"$out" 2>"$tmp/rapper.err"
  rc=$?
  # rapper's exit: 0 fine, 1 error, 2 warning.
  if [ "$rc" -ne 0 ]; then
    echo "FAIL: rapper -i $syntax -f strict exited $rc ($([ "$rc" = 2 ] && echo warning || echo error)) on sckg's output:"
    head -n 30 "$tmp/rapper.err"
    exit 1
  fi
  echo "ok: rapper -i $syntax -f strict: no error, no warning"
}

# jena_nt SYNTAX IN OUT: Jena RIOT in strict mode with term checking, writing
# N-Triples. RIOT logs its warnings and errors on stdout among the triples and
# exits 1 on any: every line that is not a triple is one.
jena_nt() {
  syntax=$1 in=$2 out=$3
  [ -n "${SCKG_JENA_DIR:-}" ] && [ -f "$SCKG_JENA_DIR/classpath" ] ||
    fail "Jena's class path is missing: run the stores.setup.jena test (tests/stores/setup-jena.sh)"
  java -cp "$(cat "$SCKG_JENA_DIR/classpath")" riotcmd.riot --strict --check \
    --syntax="$syntax" --output=nt "$in" >"$tmp/jena.out" 2>"$tmp/jena.err"
  rc=$?
  grep -v -e '^<' -e '^_:' "$tmp/jena.out" >"$tmp/jena.log"
  if [ "$rc" -ne 0 ] || [ -s "$tmp/jena.log" ] || [ -s "$tmp/jena.err" ]; then
    echo "FAIL: Jena RIOT --strict ($syntax) exited $rc on sckg's output, saying:"
    head -n 30 "$tmp/jena.log"
    head -n 30 "$tmp/jena.err"
    exit 1
  fi
  grep -e '^<' -e '^_:' "$tmp/jena.out" >"$out"
  echo "ok: Jena RIOT --strict --check ($syntax): no error, no warning"
}

strict() {
  status=0
  rapper_check rdfxml "$tmp/graph.rdf" "$tmp/rapper-rdf.nt"
  rapper_check ntriples "$tmp/graph.nt" "$tmp/rapper-nt.nt"
  jena_nt RDF/XML "$tmp/graph.rdf" "$tmp/jena-rdf.nt"
  jena_nt N-Triples "$tmp/graph.nt" "$tmp/jena-nt.nt"

  LC_ALL=C sort -u "$tmp/jena-rdf.nt" >"$tmp/rdf.set"
  LC_ALL=C sort -u "$tmp/jena-nt.nt" >"$tmp/nt.set"
  if ! cmp -s "$tmp/rdf.set" "$tmp/nt.set"; then
    echo "FAIL: Jena reads different triples from the RDF/XML and the N-Triples:"
    diff -u --label "sckg rdf (via Jena)" --label "sckg nt (via Jena)" "$tmp/rdf.set" "$tmp/nt.set" | head -n 60
    status=1
  fi
  n_set=$(wc -l <"$tmp/nt.set")
  for f in jena-rdf.nt jena-nt.nt rapper-rdf.nt graph.nt; do
    n=$(wc -l <"$tmp/$f")
    if [ "$n" -ne "$n_set" ]; then
      echo "FAIL: $f holds $n statements for $n_set distinct triples (duplicates, or a triple lost)"
      status=1
    fi
  done
  [ "$n_set" -gt 0 ] || fail "the graph is empty"

  SCKG_NODE_DIR=${SCKG_NODE_DIR:-} node "$here/rdf-tool.mjs" same "$tmp/graph.rdf" "$tmp/graph.nt" || status=1

  # The offsets give back the sentences (code points, as NIF 2.1 says).
  for rq in "$here"/checks/*.rq; do
    SCKG_NODE_DIR=${SCKG_NODE_DIR:-} node "$here/rdf-tool.mjs" query "$rq" "$tmp/graph.nt" >"$tmp/check.tsv" || status=1
    if [ "$(wc -l <"$tmp/check.tsv")" -eq 1 ]; then
      echo "ok: check $(basename "$rq" .rq) (Oxigraph): no row"
    else
      echo "FAIL: check $(basename "$rq" .rq) ($rq) answers rows:"
      head -n 20 "$tmp/check.tsv"
      status=1
    fi
  done
  [ "$status" = 0 ] && echo "ok: $case: $n_set triples, the same from RDF/XML and N-Triples in Jena, rapper and Oxigraph"
  exit "$status"
}

# ---- shacl ------------------------------------------------------------------------
# jena_shacl FILE: Jena's SHACL validator on FILE (N-Triples) alone; its
# report must say the data conforms (the command exits 0 either way).
jena_shacl() {
  [ -n "${SCKG_JENA_DIR:-}" ] && [ -f "$SCKG_JENA_DIR/classpath" ] ||
    fail "Jena's class path is missing: run the stores.setup.jena test (tests/stores/setup-jena.sh)"
  java -cp "$(cat "$SCKG_JENA_DIR/classpath")" shacl.shacl validate \
    --shapes "$src/schema/shapes.ttl" --data "$1" >"$tmp/jena-shacl.ttl" 2>&1
  if grep -q 'sh:conforms *true' "$tmp/jena-shacl.ttl"; then
    echo "ok: Jena SHACL: $(basename "$1") conforms"
  else
    echo "FAIL: Jena SHACL: $(basename "$1") does not conform:"
    grep -E 'resultMessage|focusNode|sourceShape' "$tmp/jena-shacl.ttl" | head -n 20
    status=1
  fi
}

shacl() {
  status=0
  # Each output alone: the graph carries all the shapes ask of it.
  for f in graph.rdf graph.nt graph.ttl; do
    (cd "$tmp" && SCKG_NODE_DIR=${SCKG_NODE_DIR:-} node "$here/rdf-tool.mjs" shacl \
      "$src/schema/shapes.ttl" "$f") || status=1
  done
  # With the ontology, whose concepts the shapes check too.
  (cd "$tmp" && SCKG_NODE_DIR=${SCKG_NODE_DIR:-} node "$here/rdf-tool.mjs" shacl \
    "$src/schema/shapes.ttl" graph.nt "$src/schema/sckg.rdf") || status=1
  # The second engine on the same: the union as one N-Triples file.
  rapper=${SCKG_RAPPER:-rapper}
  "$rapper" -q -i rdfxml -o ntriples "$src/schema/sckg.rdf" >"$tmp/onto.nt" ||
    fail "rapper cannot read schema/sckg.rdf"
  cat "$tmp/graph.nt" "$tmp/onto.nt" >"$tmp/with-ontology.nt"
  jena_shacl "$tmp/graph.nt"
  jena_shacl "$tmp/with-ontology.nt"
  exit "$status"
}

command -v node >/dev/null 2>&1 || fail "node is missing: install Node.js with npm (Debian: apt-get install -y nodejs npm)"
case $mode in
strict) strict ;;
shacl) shacl ;;
*) fail "usage: check.sh strict|shacl SCKG SRCDIR CASE" ;;
esac
