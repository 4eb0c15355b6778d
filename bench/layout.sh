#!/bin/sh
# SPDX-License-Identifier: MIT
# How long Graphviz takes to lay out and render sckg's "all" view as SVG,
# (or another view) with dot and with sfdp, on generated news of growing size: the figures
# behind SCKG_VIEW_DOT_MAX_NODES (graph/view/view.h) and the README's table.
#
#   bench/layout.sh SCKG [ARTICLES...]    default: 5 10 20 40 60 80 100 150 200 300 400
#
# Prints one line per size: articles, nodes and edges of the view, seconds
# with dot and with sfdp (best of three runs; "-" past a 120 s limit).
# VIEW=... picks another view than "all", and DEPTH=N its depth, e.g.
# VIEW=actor:Q423 DEPTH=2 (North Korea is in most generated stories: its
# view has five columns, the most any view has). Timings need GNU date.
set -eu

sckg=$1
shift
[ $# -gt 0 ] || set -- 5 10 20 40 60 80 100 150 200 300 400
view=${VIEW:-all}
depth=
[ -z "${DEPTH:-}" ] || depth="--depth $DEPTH"
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# seconds LAYOUT: the best of three runs of `sckg svg` with that layout
seconds() {
  best=
  for run in 1 2 3; do
    t0=$(date +%s%N)
    # shellcheck disable=SC2086 # $depth is empty or two words
    if ! timeout 120 "$sckg" svg --view "$view" $depth --layout "$1" "$tmp"/in/*.txt >"$tmp/out.svg" 2>/dev/null; then
      echo "-"
      return
    fi
    t1=$(date +%s%N)
    ms=$(((t1 - t0) / 1000000))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  printf '%d.%02d\n' $((best / 1000)) $((best % 1000 / 10))
}

printf '%8s %6s %6s %8s %8s\n' articles nodes edges dot sfdp
for n in "$@"; do
  rm -rf "$tmp/in"
  "$here/../tests/views/gen-articles.sh" "$n" "$tmp/in"
  # shellcheck disable=SC2086
  "$sckg" dot --view "$view" $depth "$tmp"/in/*.txt >"$tmp/view.dot"
  counts=$(gvpr 'BEG_G{printf("%d %d", nNodes($G), nEdges($G))}' "$tmp/view.dot")
  printf '%8s %6s %6s %8s %8s\n' "$n" ${counts% *} ${counts#* } \
    "$(seconds dot)" "$(seconds sfdp)"
done
