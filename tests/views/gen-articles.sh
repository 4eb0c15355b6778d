#!/bin/sh
# SPDX-License-Identifier: MIT
# Write N invented news articles about sanctions, missiles and hacks into
# DIR, for measuring and testing the diagrams on graphs of any size:
#
#   gen-articles.sh N DIR [SEED]
#
# Each article (DIR/gen-0001.txt, ...) has a date line and five to eight
# sentences built from templates, with actors the lexicon knows, so that
# sckg reads a few events out of each. The same N and SEED give the same
# files on every machine: the random numbers come from a Park-Miller
# generator in awk (16807 * x mod 2^31-1 stays exact in a double), not from
# awk's rand(), which differs between awk implementations.
set -eu

n=$1 dir=$2 seed=${3:-1}
mkdir -p "$dir"
awk -v n="$n" -v dir="$dir" -v seed="$seed" '
function rnd(k) { x = (x * 16807) % 2147483647; return int(x / 2147483647 * k) }
function pick(list, count) { return list[rnd(count) + 1] }
function cap(s) { return toupper(substr(s, 1, 1)) substr(s, 2) }
BEGIN {
  x = seed * 7919 + 1
  na = split("the Treasury Department|the FBI|the Justice Department|Japan|" \
             "South Korea|the United States|the European Union|Australia|" \
             "the United Kingdom|Canada|Germany|France|" \
             "South Korea'"'"'s foreign ministry|Japan'"'"'s foreign ministry|" \
             "the State Department|Singapore|New Zealand|the Netherlands", A, "|")
  nt = split("North Korea|the Lazarus Group|Kimsuky|Andariel|" \
             "North Korea'"'"'s Reconnaissance General Bureau|Russia|Iran|" \
             "China|Syria|Belarus|Myanmar|Venezuela", T, "|")
  nd = split("Monday|Tuesday|Wednesday|Thursday|Friday", D, "|")
  ns = split("missile program|nuclear program|cyber operations|arms deals|" \
             "oil smuggling|weapons programs", S, "|")
  for (i = 1; i <= n; i++) {
    file = sprintf("%s/gen-%04d.txt", dir, i)
    y = 2017 + rnd(8); m = 1 + rnd(12); d = 1 + rnd(28)
    printf " date %04d-%02d-%02d\n", y, m, d > file
    a = pick(A, na); t = pick(T, nt)
    printf "%s acts against %s over %s\n\n", cap(a), t, pick(S, ns) > file
    k = 5 + rnd(4)
    for (j = 0; j < k; j++) {
      a = pick(A, na); b = pick(A, na); t = pick(T, nt); day = pick(D, nd)
      if (b == a) b = "the United States"
      if (b == a) b = "Japan"
      r = rnd(14)
      if (r == 0) s = cap(a) " on " day " imposed sanctions on " t "."
      else if (r == 1) s = cap(a) " condemned " t " for its " pick(S, ns) "."
      else if (r == 2) s = cap(a) " accused " t " of stealing cryptocurrency."
      else if (r == 3) s = cap(t) " fired a ballistic missile on " day ", " a " said."
      else if (r == 4) s = cap(a) " and " b " held talks on " day "."
      else if (r == 5) s = cap(a) " urged " t " to return to talks."
      else if (r == 6) s = cap(t) " has denied the allegations."
      else if (r == 7) s = cap(a) " and " b " conducted joint military exercises on " day "."
      else if (r == 8) s = cap(t) " stole $" (10 + rnd(500)) " million in cryptocurrency from an exchange, " a " said."
      else if (r == 9) s = cap(a) " froze assets linked to " t " on " day "."
      else if (r == 10) s = cap(a) " eased sanctions on " t "."
      else if (r == 11) s = cap(a) " and " b " pledged to cooperate against " t "."
      else if (r == 12) s = cap(a) " said in a statement that " t " had laundered the proceeds."
      else s = cap(t) " threatened to respond to the drills."
      printf "%s\n\n", s > file
    }
    close(file)
  }
}'
