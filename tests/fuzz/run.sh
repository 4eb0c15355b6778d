#!/bin/sh
# SPDX-License-Identifier: MIT
# Run every fuzz harness for a bounded time, two at a time (one per core of
# a small machine), starting from the seed corpus with the dictionary, and
# fail if any of them finds a crash, a leak, a time-out or a broken
# invariant. What .ci/run calls; by hand:
#
#   tests/fuzz/run.sh BUILD_FUZZ_DIR SECONDS [WORKDIR]
#
# BUILD_FUZZ_DIR holds sckg_fuzz_* (a -DSCKG_FUZZ=ON build); WORKDIR (a
# temporary folder by default) gets each harness's corpus, log and crash
# inputs. A crash input belongs in tests/fuzz/regressions/ once understood:
# ctest replays that folder on every build.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$1 seconds=$2
work=${3:-$(mktemp -d)}
mkdir -p "$work"

run_one() {
  e=$1
  mkdir -p "$work/$e/corpus" "$work/$e/crashes"
  "$bin/sckg_fuzz_$e" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=2048 -dict="$here/sckg.dict" -print_final_stats=1 \
    -artifact_prefix="$work/$e/crashes/" "$work/$e/corpus" "$here/corpus" \
    >"$work/$e/log" 2>&1
  echo $? >"$work/$e/rc"
}

status=0
set -- article rdfxml nt dot inputs
while [ $# -gt 0 ]; do
  run_one "$1" &
  a=$!
  b=
  if [ $# -gt 1 ]; then
    run_one "$2" &
    b=$!
  fi
  wait "$a"
  [ -n "$b" ] && wait "$b"
  shift
  [ $# -gt 0 ] && shift
done

for e in article rdfxml nt dot inputs; do
  rc=$(cat "$work/$e/rc")
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$e/log")
  files=$(ls "$work/$e/corpus" | wc -l)
  echo "fuzz $e: ${seconds} s, ${runs:-?} runs, corpus $files new inputs, exit $rc"
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "FAIL: sckg_fuzz_$e found a problem:"
    grep -E -e 'ERROR|SUMMARY|invariant|  in: |runtime error' \
      -e '^    #[0-9] ' "$work/$e/log" | head -n 30
    for f in "$work/$e/crashes"/*; do
      [ -f "$f" ] || continue
      echo "input $f, $(wc -c <"$f") bytes; base64 (first 1200 chars):"
      base64 -w0 <"$f" | head -c 1200
      echo
    done
  fi
done
exit "$status"
