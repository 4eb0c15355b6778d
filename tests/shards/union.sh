#!/bin/sh
# SPDX-License-Identifier: MIT
# Shards unite into one run: the articles (the built-in ones, the
# development articles of tests/layout/dev and the stories of
# tests/views/articles) split into shards, each shard run apart with
# --shard, and `sckg union` over the shards' graphs gives byte for byte
# the N-Triples of one run over all the articles. Splits: each article
# alone (one --stream run), 2 and 4 shards drawn with fixed seeds, and
# shards written as Turtle and RDF/XML.
#
#   union.sh SCKG SRCDIR
set -u
sckg=$1 src=$2
cd "$src" || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

ls corpus/*.txt tests/layout/dev/*.txt tests/views/articles/*.txt >"$tmp/files"
status=0
fail() {
  echo "FAIL: $*"
  status=1
}

xargs "$sckg" nt <"$tmp/files" >"$tmp/one.nt" 2>/dev/null || fail "one run"
[ -s "$tmp/one.nt" ] || fail "one run wrote nothing"

# same WHAT: $tmp/union.nt is the one-run graph.
same() {
  if cmp -s "$tmp/union.nt" "$tmp/one.nt"; then
    echo "ok: $1: the union is the one-run graph ($(wc -l <"$tmp/one.nt") triples)"
  else
    fail "$1: the union differs from one run:"
    diff "$tmp/one.nt" "$tmp/union.nt" | head -n 20
  fi
}

# Each article alone: --stream reads each apart and keeps nothing between.
xargs "$sckg" nt --stream --shard <"$tmp/files" >"$tmp/stream.nt" 2>/dev/null ||
  fail "nt --stream --shard"
"$sckg" union "$tmp/stream.nt" >"$tmp/union.nt" || fail "union of the stream"
same "each article alone"

# K shards, each article drawn into one by awk's generator with a fixed
# seed.
for k in 2 4; do
  for seed in 1 2; do
    rm -f "$tmp"/shard-*.nt
    awk -v k="$k" -v seed="$seed" 'BEGIN { srand(seed) }
      { print int(rand() * k), $0 }' "$tmp/files" >"$tmp/drawn"
    i=0
    while [ "$i" -lt "$k" ]; do
      awk -v i="$i" '$1 == i { print $2 }' "$tmp/drawn" >"$tmp/list"
      if [ -s "$tmp/list" ]; then
        xargs "$sckg" nt --shard <"$tmp/list" >"$tmp/shard-$i.nt" 2>/dev/null ||
          fail "shard $i of $k"
      fi
      i=$((i + 1))
    done
    "$sckg" union "$tmp"/shard-*.nt >"$tmp/union.nt" || fail "union of $k shards"
    same "$k shards, seed $seed"
  done
done

# Shards in other syntaxes: union reads any.
head -n 20 "$tmp/files" | xargs "$sckg" ttl --shard >"$tmp/a.ttl" 2>/dev/null
tail -n +21 "$tmp/files" | xargs "$sckg" rdf --shard >"$tmp/b.rdf" 2>/dev/null
"$sckg" union "$tmp/a.ttl" "$tmp/b.rdf" >"$tmp/union.nt" || fail "union of ttl and rdf"
same "a Turtle shard and an RDF/XML shard"

# Without --shard, an undated report joins a dated event within its own
# run, and the union cannot undo it: the plain union of the stream differs.
xargs "$sckg" nt --stream <"$tmp/files" >"$tmp/plain.nt" 2>/dev/null
"$sckg" union "$tmp/plain.nt" >"$tmp/union.nt"
if cmp -s "$tmp/union.nt" "$tmp/one.nt"; then
  echo "note: without --shard the union matched too (no undated report joined across articles)"
else
  echo "ok: without --shard the union differs, as the README says"
fi
exit "$status"
