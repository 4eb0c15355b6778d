#!/bin/sh
# SPDX-License-Identifier: MIT
# The shapes reject broken graphs: tests/stores/broken/valid.nt (with the
# ontology) conforms to schema/shapes.ttl; each tests/stores/broken/NAME.txt
# makes one defect out of it and must be rejected with the violations it
# names.
#
#   broken.sh SRCDIR
#
# NAME.txt: '# ' comment lines; 'expect: COMPONENT PATH FOCUS' (a violation
# the report must hold: the constraint component and the path's local names,
# the focus node); '- TRIPLE' (a line of valid.nt to drop; it must be there);
# '+ TRIPLE' (a line to add).
set -u
src=$1
here=$src/tests/stores
dir=$here/broken
shapes=$src/schema/shapes.ttl
onto=$src/schema/sckg.rdf

command -v node >/dev/null 2>&1 || {
  echo "FAIL: node is missing: install Node.js with npm (Debian: apt-get install -y nodejs npm)"
  exit 1
}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

tool() { node "$here/rdf-tool.mjs" "$@"; }

status=0
if tool shacl "$shapes" "$dir/valid.nt" "$onto" >"$tmp/out"; then
  echo "ok: valid.nt conforms"
else
  echo "FAIL: valid.nt, the base of the broken graphs, does not conform:"
  cat "$tmp/out"
  exit 1
fi

n=0
for def in "$dir"/*.txt; do
  name=$(basename "$def" .txt)
  n=$((n + 1))
  cp "$dir/valid.nt" "$tmp/graph.nt"
  : >"$tmp/expect"
  bad=0
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
    '#'* | '') ;;
    'expect: '*)
      # COMPONENT PATH <FOCUS> -> the report's "COMPONENT<tab>PATH<tab>FOCUS"
      set -- ${line#expect: }
      focus=${3#<}
      printf '%s\t%s\t%s\n' "$1" "$2" "${focus%>}" >>"$tmp/expect"
      ;;
    '- '*)
      triple=${line#- }
      if ! grep -qxF -- "$triple" "$tmp/graph.nt"; then
        echo "FAIL: $name: the line to drop is not in valid.nt: $triple"
        bad=1
      fi
      grep -vxF -- "$triple" "$tmp/graph.nt" >"$tmp/next.nt"
      mv "$tmp/next.nt" "$tmp/graph.nt"
      ;;
    '+ '*) printf '%s\n' "${line#+ }" >>"$tmp/graph.nt" ;;
    *)
      echo "FAIL: $name: cannot read the line: $line"
      bad=1
      ;;
    esac
  done <"$def"
  if [ ! -s "$tmp/expect" ]; then
    echo "FAIL: $name names no expected violation"
    bad=1
  fi
  tool report "$shapes" "$tmp/graph.nt" "$onto" >"$tmp/report" || bad=1
  if [ ! -s "$tmp/report" ]; then
    echo "FAIL: $name: the broken graph is accepted (no violation)"
    bad=1
  fi
  while IFS= read -r want; do
    if ! grep -qxF -- "$want" "$tmp/report"; then
      echo "FAIL: $name: the report lacks the violation: $want"
      echo "  it has:"
      sed 's/^/    /' "$tmp/report"
      bad=1
    fi
  done <"$tmp/expect"
  if [ "$bad" = 0 ]; then
    echo "ok: $name rejected: $(cut -f1,2 "$tmp/expect" | tr "\t" " " | paste -sd ";" -)"
  else
    status=1
  fi
done
[ "$n" -gt 0 ] || {
  echo "FAIL: no broken graph in $dir"
  exit 1
}
[ "$status" = 0 ] && echo "ok: the shapes accept valid.nt and reject all $n broken graphs"
exit "$status"
