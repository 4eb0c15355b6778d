#!/bin/sh
# SPDX-License-Identifier: MIT
# schema/shapes.ttl is valid Turtle for every parser: rapper (strict, no
# warning), Jena RIOT (strict, no warning) and Oxigraph.
#
#   parse-shapes.sh SRCDIR
set -u
src=$1
shapes=$src/schema/shapes.ttl
here=$src/tests/stores
status=0

rapper=${SCKG_RAPPER:-rapper}
if "$rapper" -i turtle -f strict -q -c "$shapes" 2>&1; then
  echo "ok: rapper -i turtle -f strict: no error, no warning"
else
  echo "FAIL: rapper rejects $shapes (exit 2: a warning)"
  status=1
fi

if [ -n "${SCKG_JENA_DIR:-}" ] && [ -f "$SCKG_JENA_DIR/classpath" ]; then
  out=$(java -cp "$(cat "$SCKG_JENA_DIR/classpath")" riotcmd.riot --strict --validate "$shapes" 2>&1)
  rc=$?
  if [ "$rc" -eq 0 ] && [ -z "$out" ]; then
    echo "ok: Jena RIOT --strict --validate: no error, no warning"
  else
    echo "FAIL: Jena RIOT --strict exited $rc on $shapes:"
    printf '%s\n' "$out" | head -n 20
    status=1
  fi
else
  echo "FAIL: Jena's class path is missing: run the stores.setup.jena test (tests/stores/setup-jena.sh)"
  status=1
fi

node "$here/rdf-tool.mjs" parse "$shapes" || status=1
exit "$status"
