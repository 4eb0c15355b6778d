#!/bin/sh
# SPDX-License-Identifier: MIT
# The layout does not hang on a paragraph's last character or on where its
# lines break: each article of tests/layout/dev (the development articles
# of shared/eval/dev, copied) gives the same event nodes (their IRIs)
#   no-final-period  with the final period of every paragraph removed;
#   wrapped-72       hard-wrapped at 72 columns (fold -s), as plain-text
#                    feeds and e-mails send it.
#
#   property.sh MODE SCKG SRCDIR
set -u
mode=$1 sckg=$2 src=$3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

events() { # the event IRIs of an article's graph, sorted
  "$sckg" nt "$1" 2>/dev/null |
    sed -n 's|^\(<[^>]*/event/[^>]*>\) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> .*|\1|p' |
    sort -u
}

fail=0 checked=0 nonempty=0
for f in "$src"/tests/layout/dev/*.txt; do
  name=$(basename "$f")
  case $mode in
  no-final-period) sed 's/\([[:alnum:])]\)\.[[:space:]]*$/\1/' "$f" >"$tmp/$name" ;;
  wrapped-72) fold -s -w 72 "$f" >"$tmp/$name" ;;
  *) echo "unknown mode: $mode"; exit 2 ;;
  esac
  cmp -s "$f" "$tmp/$name" && { echo "FAIL: $mode left $name unchanged"; fail=1; }
  events "$f" >"$tmp/want" || fail=1
  events "$tmp/$name" >"$tmp/got" || fail=1
  [ -s "$tmp/want" ] && nonempty=$((nonempty + 1))
  if ! cmp -s "$tmp/want" "$tmp/got"; then
    echo "FAIL: $name, $mode: the event nodes differ (< as written, > $mode):"
    diff "$tmp/want" "$tmp/got"
    fail=1
  fi
  checked=$((checked + 1))
done
# the property must have been checked on real graphs, not on empty ones
[ "$checked" -ge 30 ] && [ "$nonempty" -ge 30 ] ||
  { echo "FAIL: only $checked articles, $nonempty with events"; fail=1; }
[ $fail -eq 0 ] && echo "ok: $checked articles, $mode"
exit $fail
