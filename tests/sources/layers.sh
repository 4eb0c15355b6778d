#!/bin/sh
# SPDX-License-Identifier: MIT
# The library's house rules, read from the sources (README, "Source
# layout"):
#   - the modules (folders of graph/, and read.c) include one another
#     without a cycle;
#   - no C file is over 900 lines;
#   - no file of the library (graph/ but graph/cli/) prints: diagnostics go
#     to the caller's sink, and only the program writes stdout and stderr.
# Usage: layers.sh SOURCE_DIR
set -eu
cd "$1/graph"
status=0

# Module of a file: its folder, or "read" for the files at the top.
module_of() {
  case $1 in
  */*) echo "${1%%/*}" ;;
  *) echo read ;;
  esac
}

edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
find . -name '*.[ch]' | sed 's|^\./||' | sort | while read -r f; do
  from=$(module_of "$f")
  sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f" | while read -r inc; do
    case $inc in sckg/*) continue ;; esac
    to=$(module_of "$inc")
    # a self-edge keeps every module in tsort's input
    echo "$from $to"
  done
done >"$edges"
if ! tsort "$edges" >/dev/null 2>&1; then
  echo "layers: the modules include one another in a cycle:" >&2
  tsort "$edges" 2>&1 >/dev/null | sed 's/^/  /' >&2
  status=1
fi

for f in $(find . -name '*.[ch]' | sort); do
  n=$(wc -l <"$f")
  if [ "$n" -gt 900 ]; then
    echo "layers: graph/${f#./} has $n lines (at most 900)" >&2
    status=1
  fi
done

# Code lines (not comment lines, not printf-like format attributes) naming
# a standard stream or a function that prints to one.
printing=$(find . -name '*.[ch]' ! -path './cli/*' | sed 's|^\./||' | sort |
  xargs grep -nE \
    '(^|[^a-z_])(stdout|stderr|printf|puts|putchar|perror)([^a-z_]|$)' |
  grep -vE '^[^:]*:[0-9]+:[[:space:]]*(/?\*|//)' |
  grep -v 'format(printf' || true)
if [ -n "$printing" ]; then
  echo "layers: the library prints (report to the caller's sink instead):" >&2
  echo "$printing" | sed 's/^/  graph\//' >&2
  status=1
fi
exit $status
