#!/bin/sh
# SPDX-License-Identifier: MIT
# One row of the argument table in tests/CMakeLists.txt: run sckg with ARGS
# in an empty folder and check the exit code and the conventions of its
# output (serd's options suite, jq's die()):
#
#   expect.sh CODE SCKG [ARGS...]
#
#   0  stderr empty, stdout not empty
#   1  stdout empty, every stderr line starts with "sckg: "
#   2  stdout empty, exactly two stderr lines, "sckg: " each, the second
#      pointing at --help
#   and in every case no file is left in the folder: printing commands and
#   failed runs write nothing.
set -u

want=$1 sckg=$2
shift 2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
mkdir "$tmp/cwd"

(cd "$tmp/cwd" && exec "$sckg" "$@") >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
got=$?

status=0
fail() {
  echo "FAIL: $*"
  status=1
}

[ "$got" -eq "$want" ] || fail "exit code $got, expected $want"
if [ "$want" -eq 0 ]; then
  [ -s "$tmp/stderr" ] && fail "stderr not empty"
  [ -s "$tmp/stdout" ] || fail "stdout empty"
else
  [ -s "$tmp/stdout" ] && fail "stdout not empty"
  [ -s "$tmp/stderr" ] || fail "no message on stderr"
  if grep -v '^sckg: ' "$tmp/stderr" >/dev/null; then
    fail "stderr lines without the 'sckg: ' prefix"
  fi
fi
if [ "$want" -eq 2 ]; then
  [ "$(wc -l <"$tmp/stderr")" -eq 2 ] || fail "misuse should print two lines"
  grep -q "^sckg: Try 'sckg --help'" "$tmp/stderr" || fail "no pointer at 'sckg --help'"
fi
if [ -n "$(ls -A "$tmp/cwd")" ]; then
  fail "files left in the working folder: $(ls -A "$tmp/cwd")"
fi

echo "sckg $* -> exit $got"
echo "--- stderr:"
cat "$tmp/stderr"
echo "--- stdout (first lines):"
head -c 600 "$tmp/stdout" | LC_ALL=C tr -c '[:print:]\n' '.' | head -n 8
exit "$status"
