#!/bin/sh
# SPDX-License-Identifier: MIT
# The extraction's knowledge lives in schema/, not in C: its code compares
# tokens with word classes of words.tsv, never with a quoted English word.
# This lists every string literal of graph/extract/*.c outside comments
# that holds a lowercase word (not #include names, format strings with
# '%', or names in capitals such as SCKG_DEBUG), and checks that there are
# exactly as many as the budget below. The budget is what was left to move
# into words.tsv, and it is now 0: any English literal fails the test.
#
#   english-in-c.sh SRCDIR
set -u
src=$1
budget=0

found=$(awk '
/^[ \t]*#[ \t]*include/ { next }
{
  line = $0
  while (length(line) > 0) {
    if (incomment) {
      p = index(line, "*/")
      if (p == 0) { line = ""; break }
      line = substr(line, p + 2); incomment = 0; continue
    }
    c = substr(line, 1, 1); two = substr(line, 1, 2)
    if (two == "/*") { incomment = 1; line = substr(line, 3); continue }
    if (two == "//") break
    if (c == "\047") { # a character literal
      line = substr(line, substr(line, 2, 1) == "\\" ? 5 : 4); continue
    }
    if (c == "\"") {
      s = ""; i = 2
      while (i <= length(line)) {
        d = substr(line, i, 1)
        if (d == "\\") { s = s substr(line, i, 2); i += 2; continue }
        if (d == "\"") break
        s = s d; i++
      }
      if (s ~ /[a-z][a-z]/ && s !~ /%/)
        print FILENAME ":" FNR ": \"" s "\""
      line = substr(line, i + 1); continue
    }
    line = substr(line, 2)
  }
}' "$src"/graph/extract/*.c)
n=$(printf '%s\n' "$found" | grep -c . )
if [ "$n" -ne "$budget" ]; then
  printf '%s\n' "$found"
  if [ "$n" -gt "$budget" ]; then
    echo "FAIL: $n English words in the extraction's C, over the budget of $budget:"
    echo "      put the new one in a word class of schema/words.tsv"
  else
    echo "FAIL: $n English words in the extraction's C, under the budget of $budget:"
    echo "      lower the budget in $0 to $n"
  fi
  exit 1
fi
echo "ok: $n English words left in the extraction's C (budget $budget)"
