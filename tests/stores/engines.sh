#!/bin/sh
# SPDX-License-Identifier: MIT
# The competency queries on other SPARQL engines give the answers that
# Virtuoso gives (the same expected files, so that the expected answers are
# the store's reading of the query, not one engine's quirk).
#
#   engines.sh oxigraph SCKG SRCDIR   Oxigraph (npm, in memory)
#   engines.sh jena SCKG SRCDIR       Apache Jena ARQ (arq.sparql)
#
# Data: `sckg nt` (the two built-in articles) and schema/sckg.rdf. Each
# tests/stores/queries/NAME.rq must answer tests/stores/expected/NAME.tsv
# (normalised by rdf-tool.mjs), each tests/stores/checks/*.rq no row.
set -u

engine=$1 sckg=$2 src=$3
here=$(cd "$(dirname "$0")" && pwd)
cd "$src" || exit 1
src=$(pwd)

fail() {
  echo "FAIL: $*"
  exit 1
}
command -v node >/dev/null 2>&1 ||
  fail "node is missing: install Node.js with npm (Debian: apt-get install -y nodejs npm)"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

"$sckg" nt >"$tmp/seeds.nt" 2>"$tmp/sckg.err" || {
  cat "$tmp/sckg.err"
  fail "sckg nt exited $?"
}

# answer RQ: the engine's normalised answer to the query on stdout.
answer() {
  case $engine in
  oxigraph)
    node "$here/rdf-tool.mjs" query "$1" "$tmp/seeds.nt" schema/sckg.rdf
    ;;
  jena)
    [ -n "${SCKG_JENA_DIR:-}" ] && [ -f "$SCKG_JENA_DIR/classpath" ] ||
      fail "Jena's class path is missing: run the stores.setup.jena test (tests/stores/setup-jena.sh)"
    java -cp "$(cat "$SCKG_JENA_DIR/classpath")" arq.sparql --data="$tmp/seeds.nt" \
      --data=schema/sckg.rdf --query="$1" --results=json >"$tmp/answer.json" 2>"$tmp/jena.err" || {
      cat "$tmp/answer.json" "$tmp/jena.err" | head -n 20
      return 1
    }
    node "$here/rdf-tool.mjs" normalise <"$tmp/answer.json"
    ;;
  *) fail "unknown engine $engine" ;;
  esac
}

status=0
# compare RQ EXPECTED NAME
compare() {
  if ! answer "$1" >"$tmp/$3.tsv"; then
    echo "FAIL: $engine cannot answer $3"
    status=1
  elif cmp -s "$2" "$tmp/$3.tsv"; then
    echo "ok: $3: $(($(wc -l <"$2") - 1)) rows, as expected"
  else
    echo "FAIL: $3: $engine's answer differs from $2:"
    diff -u --label "$2" --label "$engine's answer" "$2" "$tmp/$3.tsv" | head -n 60
    status=1
  fi
}
for rq in "$here"/queries/*.rq; do
  name=$(basename "$rq" .rq)
  compare "$rq" "$here/expected/$name.tsv" "$name"
done
# The README's example and its answer.
if sh "$here/readme.sh" "$src/README.md" "$tmp"; then
  compare "$tmp/readme-example.rq" "$tmp/readme-example.tsv" "README example"
else
  status=1
fi
for rq in "$here"/checks/*.rq; do
  name=$(basename "$rq" .rq)
  if answer "$rq" >"$tmp/$name.tsv" && [ "$(wc -l <"$tmp/$name.tsv")" -eq 1 ]; then
    echo "ok: check $name: no row"
  else
    echo "FAIL: check $name answers rows:"
    head -n 20 "$tmp/$name.tsv"
    status=1
  fi
done
exit "$status"
