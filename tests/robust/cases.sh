#!/bin/sh
# SPDX-License-Identifier: MIT
# Broken and hostile input, atomic outputs, resource bounds: one ctest test
# per case (tests/robust/CMakeLists.txt).
#
#   cases.sh CASE SCKG SRCDIR BUILD_KIND
#
# BUILD_KIND is "plain" or "sanitized" (an ASan/UBSan build: the big inputs
# are made smaller, as the sanitizers run several times slower, and the
# memory case, which needs ulimit -v, is skipped; ASan reserves terabytes of
# address space). Tools: xmllint, rapper, dot and gvpr (graphviz), valgrind
# for its case, found on PATH or passed in the environment (XMLLINT, RAPPER,
# DOT, GVPR, VALGRIND).
set -u

name=$1 sckg=$2 src=$3 kind=$4
xmllint=${XMLLINT:-xmllint} rapper=${RAPPER:-rapper}
dot=${DOT:-dot} gvpr=${GVPR:-gvpr} valgrind=${VALGRIND:-valgrind}
inputs=$src/tests/robust/inputs
ap=$src/corpus/ap-2023-04-07.txt
reuters=$src/corpus/reuters-2023-04-07.txt
outputs="graph.dot graph.nt graph.rdf graph.svg graph.ttl statement.dot statement.svg"

tmp=$(mktemp -d) || exit 1
cleanup() {
  [ -n "${mounted:-}" ] && umount "$mounted" 2>/dev/null
  chmod -R u+w "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM
cd "$tmp" || exit 1

status=0
fail() {
  echo "FAIL: $*"
  status=1
}

# expect_exit CODE ARGS...: sckg must exit CODE; stdout in ./stdout,
# stderr in ./stderr, every stderr line prefixed "sckg: ".
expect_exit() {
  want=$1
  shift
  "$sckg" "$@" >stdout 2>stderr
  rc=$?
  [ "$rc" -eq "$want" ] || fail "sckg $* exited $rc, expected $want"
  if grep -v '^sckg: ' stderr >/dev/null; then
    fail "sckg $*: stderr lines without the 'sckg: ' prefix"
  fi
  sed 's/^/    /' stderr | head -n 8
}

# said PATTERN WHAT: stderr holds a line matching PATTERN (grep -E).
said() {
  grep -E -q -e "$1" stderr || fail "$2: no message matching '$1'"
}

# timed LIMIT ARGS...: sckg ARGS must end within LIMIT seconds; prints the
# time taken; $rc is its exit code.
timed() {
  secs=$1 # not `limit`: the cases keep their own limit across calls
  shift
  start=$(date +%s%N)
  timeout "$secs" "$sckg" "$@" >stdout 2>stderr
  rc=$?
  took=$((($(date +%s%N) - start) / 1000000))
  echo "  sckg $(echo "$*" | cut -c1-70): exit $rc in $took ms"
  [ "$rc" -eq 124 ] && fail "sckg $* took more than $secs s"
  [ "$rc" -gt 1 ] && [ "$rc" -ne 124 ] && fail "sckg $* exited $rc (a crash?)"
  sed 's/^/    /' stderr | head -n 3
}

# checksums FILE...: a line per file, to prove inputs are left alone.
checksums() {
  cksum "$@" 2>/dev/null
}

# iris_valid FILE.nt: every IRI in the N-Triples is an absolute IRI of the
# characters RFC 3987 allows (bytes >= 0x80 stand for ucschar: the file is
# UTF-8, which the parsers check).
iris_valid() {
  # subject, predicate, object IRI or a literal's datatype, one a line
  LC_ALL=C sed -E 's/^(<[^>]*>) (<[^>]*>) (.*) \.$/\1\n\2\n\3/' "$1" |
    LC_ALL=C sed -E -n -e '/^</p' -e 's/^".*\^\^(<[^>]*>)$/\1/p' |
    LC_ALL=C grep -v -E \
    "^<[A-Za-z][A-Za-z0-9+.-]*:([A-Za-z0-9._~!\$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2}|[$(printf '\200-\377')])*(#([A-Za-z0-9._~!\$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2}|[$(printf '\200-\377')])*)?>\$" \
    >bad-iris
  if [ -s bad-iris ]; then
    fail "$1 holds IRIs RFC 3987 does not allow:"
    head -n 5 bad-iris
  fi
}

# rdf_sound BASE: BASE.rdf parses with rapper, strict, without a warning,
# and gives the very triples of BASE.nt; every IRI is valid.
rdf_sound() {
  "$rapper" -q -i rdfxml -f strict -o ntriples "$1.rdf" "http://invalid/" \
    >"$1.rdf.nt" 2>"$1.rapper"
  rc=$?
  [ "$rc" -eq 0 ] || {
    fail "rapper -f strict on $1.rdf exited $rc"
    head -n 5 "$1.rapper"
  }
  "$rapper" -q -i ntriples -o ntriples "$1.nt" >"$1.nt.nt" 2>"$1.rapper2" ||
    fail "rapper cannot read $1.nt"
  LC_ALL=C sort "$1.rdf.nt" >a.sorted
  LC_ALL=C sort "$1.nt.nt" >b.sorted
  cmp -s a.sorted b.sorted || {
    fail "$1.rdf and $1.nt do not hold the same triples"
    diff a.sorted b.sorted | head -n 10
  }
  iris_valid "$1.nt"
}

# outputs_sound DIR: the six files of `all -o DIR` are well-formed: the
# RDF/XML and N-Triples as rdf_sound says, the SVGs for xmllint, the DOT
# files for Graphviz's parser (gvpr, which reads without laying out).
# (Shell functions share the caller's variables: this one's loop has a
# name of its own.)
outputs_sound() {
  rdf_sound "$1/graph"
  for view_file in graph statement; do
    v=$1/$view_file
    "$xmllint" --noout --huge "$v.svg" || fail "$v.svg is not well-formed"
    "$gvpr" 'BEG_G { printf("%d nodes\n", nNodes($G)) }' "$v.dot" \
      >"$v.gvpr" 2>&1 || fail "Graphviz cannot read $v.dot"
    grep -v ' nodes$' "$v.gvpr" && fail "Graphviz warns on $v.dot"
  done
}

# events_in FILE.nt: the number of events in the N-Triples.
events_in() {
  grep -c '> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/sckg/ns#Event> \.$' "$1"
}

case $name in

bad-files)
  # Each input that cannot be used: exit 1, one line naming the file.
  cp "$ap" good.txt
  mkdir folder
  printf 'N\000o\000' >utf16-no-bom.txt
  printf '\377\376N\000o\000' >utf16.txt
  printf 'Japan condemned\nNorth Korea \300\200 on Friday.\n' >overlong.txt
  printf 'Japan\355\240\200 condemned North Korea.\n' >surrogate.txt
  printf 'Japan condemned North Korea.\n\000\001\002' >nul-late.txt
  before=$(checksums good.txt utf16.txt overlong.txt surrogate.txt nul-late.txt "$sckg")
  expect_exit 1 nt missing.txt
  said '^sckg: missing.txt: No such file or directory$' "missing file"
  expect_exit 1 nt folder
  said '^sckg: folder: a folder without a .txt or .jsonl file under it' "a folder with no article"
  expect_exit 1 nt "$sckg"
  said "^sckg: $sckg: NUL byte at byte [0-9]+: not a text file\$" "binary file"
  expect_exit 1 nt utf16.txt
  said '^sckg: utf16.txt: UTF-16 .*convert it to UTF-8' "UTF-16 file"
  expect_exit 1 nt utf16-no-bom.txt
  said '^sckg: utf16-no-bom.txt: NUL byte at byte 1: not a text file' "UTF-16 without BOM"
  expect_exit 1 nt overlong.txt
  said '^sckg: overlong.txt: invalid UTF-8 at byte 28 \(line 2\)$' "overlong UTF-8"
  expect_exit 1 nt surrogate.txt
  said '^sckg: surrogate.txt: invalid UTF-8 at byte 5 \(line 1\)$' "UTF-8 surrogate"
  expect_exit 1 nt nul-late.txt
  said '^sckg: nul-late.txt: NUL byte at byte 29' "NUL byte"
  # a read that fails after the open: /proc/self/mem gives EIO at offset 0
  expect_exit 1 nt /proc/self/mem
  said '^sckg: /proc/self/mem: Input/output error$' "read error"
  # Every bad input is reported in one run, and nothing is printed.
  expect_exit 1 nt good.txt missing.txt folder utf16.txt
  [ "$(wc -l <stderr)" -eq 3 ] || fail "three bad inputs should give three lines"
  [ -s stdout ] && fail "output printed although inputs are bad"
  # Unreadable: root reads anything, so drop to nobody where possible.
  printf 'Japan condemned North Korea.\n' >secret.txt
  chmod 000 secret.txt
  if [ "$(id -u)" -ne 0 ]; then
    expect_exit 1 nt secret.txt
    said '^sckg: secret.txt: Permission denied$' "unreadable file"
  elif command -v setpriv >/dev/null; then
    chmod 755 "$tmp"
    setpriv --reuid=65534 --regid=65534 --clear-groups "$sckg" nt secret.txt \
      >stdout 2>stderr
    rc=$?
    sed 's/^/    /' stderr
    [ "$rc" -eq 1 ] || fail "unreadable file: exit $rc, expected 1"
    said '^sckg: secret.txt: Permission denied$' "unreadable file"
  else
    echo "note: root without setpriv: the unreadable case is not run"
  fi
  # A FIFO is read like a pipe.
  mkfifo fifo.txt
  cat good.txt >fifo.txt &
  expect_exit 0 nt fifo.txt
  wait
  grep -q 'article/fifo>' stdout || fail "nothing read from the FIFO"
  after=$(checksums good.txt utf16.txt overlong.txt surrogate.txt nul-late.txt "$sckg")
  [ "$before" = "$after" ] || fail "an input file was changed"
  ;;

empty)
  # An empty article (no bytes, only white space, only a BOM or a date
  # line) is valid: a warning, exit 0, an article node without events.
  : >empty.txt
  printf ' \n\t\r\n\n' >blank.txt
  printf '\357\273\277' >bom-only.txt
  printf ' date 2023-04-07\r\n' >date-only.txt
  for f in empty blank bom-only date-only; do
    expect_exit 0 nt "$f.txt"
    said "^sckg: $f.txt: warning: the article is empty" "$f.txt"
    grep -q "article/$f> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" stdout ||
      fail "$f.txt: no article node"
    grep -q 'ns#Event>' stdout && fail "$f.txt: events from nothing"
    "$sckg" rdf "$f.txt" 2>/dev/null | "$xmllint" --noout - || fail "$f.txt: bad RDF/XML"
  done
  grep -q 'date> "2023-04-07"' stdout || fail "date-only.txt lost its date"
  # Empty standard input is an empty article named stdin.
  expect_exit 0 nt - </dev/null
  said '^sckg: stdin: warning: the article is empty' "empty stdin"
  ;;

line-ends)
  # LF, CRLF and lone CR read the same: the same title, sentences and
  # events; only the text (nif:isString, which keeps every byte) and the
  # offsets, which count the CRs, differ. No CR ends up inside a sentence
  # or the title.
  for f in "$ap" "$reuters" "$src"/tests/golden/*/input*.txt; do
    base=$(basename "$f")
    mkdir -p lf crlf cr
    cp "$f" "lf/$base"
    sed 's/$/\r/' "$f" >"crlf/$base"
    tr '\n' '\r' <"$f" >"cr/$base"
    for v in lf crlf cr; do
      "$sckg" nt "$v/$base" >"$v.nt" 2>"$v.err" || fail "$v/$base: exit $?"
      # what must not depend on line ends: drop the text and the offsets
      LC_ALL=C grep -v -e 'nif-core#isString' -e 'nif-core#beginIndex' \
        -e 'nif-core#endIndex' "$v.nt" | sed 's/#char=[0-9]*,[0-9]*//g' |
        LC_ALL=C sort -u >"$v.cmp"
    done
    cmp -s lf.cmp crlf.cmp || {
      fail "$base: CRLF does not read as LF"
      diff lf.cmp crlf.cmp | head -n 6
    }
    cmp -s lf.cmp cr.cmp || {
      fail "$base: CR does not read as LF"
      diff lf.cmp cr.cmp | head -n 6
    }
    for v in crlf cr; do
      LC_ALL=C grep -e 'anchorOf' -e 'terms/title' "$v.nt" | grep -F '\r' &&
        fail "$v/$base: a sentence or title holds a CR"
      LC_ALL=C grep 'isString' "$v.nt" | grep -q -F '\r' ||
        fail "$v/$base: the CRs were dropped from nif:isString"
      "$sckg" rdf "$v/$base" >"$v.rdf" 2>/dev/null && cp "$v.nt" "$v-x.nt" &&
        cp "$v.rdf" "$v-x.rdf" && rdf_sound "$v-x"
    done
  done
  echo "ok: $(ls lf | wc -l) articles read alike with LF, CRLF and CR"
  ;;

bom)
  # A UTF-8 byte order mark is not text: the graph is the one without it.
  mkdir with without
  cp "$inputs/bom.txt" with/a.txt
  tail -c +4 "$inputs/bom.txt" >without/a.txt
  for fmt in nt rdf dot; do
    "$sckg" "$fmt" with/a.txt >"with.$fmt" || fail "$fmt with BOM failed"
    "$sckg" "$fmt" without/a.txt >"without.$fmt" || fail "$fmt without BOM failed"
    cmp -s "with.$fmt" "without.$fmt" || fail "$fmt: the BOM changed the output"
  done
  LC_ALL=C grep -q "$(printf '\357\273\277')" with.nt && fail "the BOM reached the output"
  ;;

controls)
  # Characters XML 1.0 cannot carry become U+FFFD (one code point for one,
  # so offsets hold) with one warning that says where the first is; every
  # output stays well-formed and free of control bytes.
  cp "$inputs/controls.txt" c.txt
  expect_exit 0 nt c.txt
  said '^sckg: c.txt:2:7: warning: 5 characters that XML cannot carry replaced by U\+FFFD, the first U\+0001$' "controls"
  mv stdout c.nt
  "$sckg" rdf c.txt >c.rdf 2>/dev/null || fail "rdf of c.txt failed"
  rdf_sound c
  "$sckg" dot c.txt >c.dot 2>/dev/null || fail "dot of c.txt failed"
  "$sckg" svg c.txt >c.svg 2>/dev/null || fail "svg of c.txt failed"
  "$xmllint" --noout c.svg || fail "c.svg is not well-formed"
  for f in c.nt c.rdf c.dot c.svg; do
    LC_ALL=C tr -d '\n\r\t' <"$f" | LC_ALL=C grep -q '[[:cntrl:]]' &&
      fail "$f holds a control character"
  done
  grep -q "$(printf '\357\277\275')" c.nt || fail "no U+FFFD in the output"
  # A control character in a file name: replaced in the identifier too.
  cp c.txt "$(printf 'ctl\001name.txt')"
  expect_exit 0 rdf "$(printf 'ctl\001name.txt')"
  "$xmllint" --noout stdout || fail "RDF/XML broken by a control in a file name"
  ;;

injection)
  # Markup, DOT and escapes from the text and from the file name stay text
  # in every output.
  evil=$(printf 'a b>{#}\303\274"; node [shape=x]; "<script>&amp;]]>\\N'"'"'x')
  mkdir in
  cp "$inputs/injection.txt" "in/$evil.txt"
  cp "$inputs/injection.txt" in/plain.txt
  before=$(checksums in/*)
  for fmt in nt rdf dot svg; do
    "$sckg" "$fmt" in/* >"g.$fmt" 2>"g.$fmt.err" || {
      fail "sckg $fmt exited $?"
      head -n 5 "g.$fmt.err"
    }
  done
  [ "$(checksums in/*)" = "$before" ] || fail "an input file was changed"
  rdf_sound g
  # RDF/XML: the exact title and identifier come back, every xml:lang is en
  title=$(sed -n 2p "$inputs/injection.txt")
  got=$("$xmllint" --xpath "string(//*[local-name()='Description'][*[local-name()='identifier']='plain']/*[local-name()='title'])" g.rdf)
  [ "$got" = "$title" ] || fail "the title did not come back: '$got'"
  "$xmllint" --xpath "//*[local-name()='identifier']/text()" g.rdf >idents 2>/dev/null
  grep -q -F "$(printf '%s' "$evil" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')" idents ||
    fail "the odd file name did not come back as the identifier"
  [ "$("$xmllint" --xpath "count(//@*[local-name()='lang'][.!='en'])" g.rdf)" = 0 ] ||
    fail "an xml:lang other than en"
  [ "$("$xmllint" --xpath "count(//*[local-name()='script' or local-name()='b'])" g.rdf)" = 0 ] ||
    fail "markup from the text became RDF/XML elements"
  # N-Triples: the sentence with DOT syntax, escaped as N-Triples asks
  grep -q -F 'anchorOf> "The Treasury sanctioned \"; node [shape=x]; \" Trading Co. on Friday."' g.nt ||
    fail "the DOT-syntax sentence is not in the N-Triples as text"
  # DOT: parses without a warning; no node got shape=x; the labels,
  # tooltips and URLs hold the strings as text
  "$dot" -Tcanon g.dot >canon.dot 2>dot.err || fail "dot cannot parse g.dot"
  [ -s dot.err ] && { fail "dot warns on g.dot:"; head -n 5 dot.err; }
  "$gvpr" 'N [shape == "x"] { print(name) }' g.dot >shape-x 2>gvpr.err || fail "gvpr failed"
  [ -s shape-x ] && fail "text set a node's shape: $(head -n 3 shape-x)"
  "$gvpr" 'N { print(tooltip) } E { print(tooltip) }' g.dot >tips 2>>gvpr.err
  grep -q -F '<script>' tips || fail "the <script> text is missing from the DOT tooltips"
  "$gvpr" 'N [ishtml(label)] { print(name) }' g.dot >html 2>>gvpr.err
  [ -s html ] && fail "a label became an HTML label: $(head -n 3 html)"
  # SVG: well-formed; no element or event handler from the input; the
  # strings are there as text
  "$xmllint" --noout g.svg || fail "g.svg is not well-formed"
  n=$("$xmllint" --xpath "count(//*[local-name()='script' or local-name()='b' or local-name()='foreignObject'] | //@*[starts-with(local-name(), 'on')])" g.svg)
  [ "$n" = 0 ] || fail "the SVG holds $n live elements or handlers from the input"
  "$xmllint" --xpath "//@*[local-name()='title']" g.svg 2>/dev/null | grep -q -F '&lt;script&gt;' ||
    fail "the <script> text is missing from the SVG tooltips"
  ;;

names)
  # Odd file names make valid IRIs, and the files of `all` land in -o DIR
  # and nowhere else, whatever the names.
  mkdir -p in/sub out
  for n in '..' '...' 'a b' 'x>y' '{q}' 'h#h' '%zz' '?q=1' 'ünï' '.hidden' "'" '\' 'C:\x'; do
    printf ' date 2023-04-07\nJapan condemned North Korea on Friday.\n' >"in/$n.txt"
  done
  : >stdout
  : >stderr
  before=$(find "$tmp" -path "$tmp/out" -prune -o -print | LC_ALL=C sort)
  expect_exit 0 all -o out in/*.txt in/.*.txt in/sub/../*.txt
  after=$(find "$tmp" -path "$tmp/out" -prune -o -print | LC_ALL=C sort)
  [ "$before" = "$after" ] || fail "files appeared outside -o DIR"
  got=$(find out -mindepth 1 -printf '%f\n' | LC_ALL=C sort | tr '\n' ' ')
  [ "$got" = "$outputs " ] || fail "all -o wrote: $got"
  iris_valid out/graph.nt
  cp out/graph.rdf g.rdf
  cp out/graph.nt g.nt
  rdf_sound g
  grep -c 'dc/terms/identifier' g.nt | grep -q '^13$' || fail "not 13 articles"
  ;;

duplicates)
  # The same file named twice is read once, with a warning; two files with
  # one identifier is an error naming the second.
  mkdir a b
  cp "$ap" a/x.txt
  cp "$reuters" b/x.txt
  ln -s x.txt a/link.txt
  "$sckg" nt a/x.txt >once.nt || fail "one file failed"
  expect_exit 0 nt a/x.txt ./a/x.txt a/../a/x.txt
  [ "$(grep -c 'warning: the same file as a/x.txt' stderr)" -eq 2 ] ||
    fail "no warning for each repeat"
  cmp -s stdout once.nt || fail "a file named three times is not the graph of one"
  expect_exit 0 nt a/x.txt a/link.txt
  said '^sckg: a/link.txt: warning: the same file as a/x.txt' "a link to a named file"
  expect_exit 1 nt a/x.txt b/x.txt
  said "^sckg: b/x.txt: the article identifier 'x' is taken by another input" "one identifier, two files"
  ;;

stdin)
  # Standard input closed, cut short, or not wanted; standard output closed.
  expect_exit 1 nt - <&-
  said '^sckg: standard input: Bad file descriptor$' "closed standard input"
  # A closed stdin must not let a file take its place (fd 0).
  "$sckg" nt "$ap" <&- >a.nt 2>err || fail "a file with stdin closed: exit $?"
  "$sckg" nt "$ap" >b.nt || fail "sckg nt failed"
  cmp -s a.nt b.nt || fail "closing stdin changed the output"
  # A writer that dies half-way: the bytes that came are the article.
  head -c 1500 "$ap" >half.txt
  sh -c 'head -c 1500 "$1"; kill -9 $$' sh "$ap" | "$sckg" nt - >pipe.nt 2>err
  "$sckg" nt - <half.txt >file.nt 2>err
  cmp -s pipe.nt file.nt || fail "an interrupted pipe did not read as what came"
  # `all` with stdout closed: the files are complete and equal to a normal
  # run's; the summary cannot be written, so exit 1 with a message.
  "$sckg" all -o ref "$ap" >/dev/null || fail "all failed"
  "$sckg" all -o closed "$ap" >&- 2>err
  rc=$?
  [ "$rc" -eq 1 ] || fail "all >&- exited $rc, expected 1"
  grep -q '^sckg: error writing standard output' err || fail "all >&-: no message"
  for f in $outputs; do
    cmp -s "ref/$f" "closed/$f" || fail "closed/$f differs from a normal run's"
  done
  # stdout closed early by the reader: ends, never hangs
  mkdir many
  for i in $(seq 1 40); do cp "$ap" "many/$i.txt"; done
  (timeout 30 "$sckg" nt many/*.txt 2>err; echo $? >rc) | head -c 10 >/dev/null
  rc=$(cat rc)
  echo "  sckg nt ... | head -c 10: sckg exit $rc"
  [ "$rc" -ne 124 ] || fail "sckg | head -c 10 did not end"
  [ "$rc" -eq 0 ] && fail "sckg | head -c 10: a closed pipe went unnoticed"
  ;;

disk-full)
  # A write that fails half-way (a 64 KiB tmpfs, if this machine lets us
  # mount one; else a folder where the 4th output goes): exit 1, the old
  # outputs as they were, no temporary file left.
  mkdir d
  for f in $outputs; do echo old >"d/$f"; done
  awk 'BEGIN { for (i = 0; i < 400; i++) printf "The Treasury sanctioned Acme%d Trading Co. on Friday, and Japan condemned North Korea.\n", i }' >big.txt
  if mount -t tmpfs -o size=64k sckg-test d 2>/dev/null; then
    mounted=$tmp/d
    for f in $outputs; do echo old >"d/$f"; done
    echo "writing into a 64 KiB tmpfs"
    expect_exit 1 all -o d big.txt
    said 'No space left on device' "full disk"
  else
    echo "note: cannot mount a tmpfs here; statement.svg (the 4th output) is a folder instead"
    rm d/statement.svg
    mkdir d/statement.svg
    expect_exit 1 all -o d big.txt
    said 'statement.svg' "the folder in the way"
  fi
  for f in $outputs; do
    [ -d "d/$f" ] && continue
    [ "$(cat "d/$f")" = old ] || fail "d/$f was changed by a failed run"
  done
  ls -A d | grep -q tmp && fail "temporary files left: $(ls -A d)"
  ;;

killed)
  # SIGKILL at any moment of `all`: every file in DIR is the old one or a
  # complete new one, never a part. Temporary files of a killed run may be
  # left (README, "Robustness"); a later run ignores them.
  awk 'BEGIN { for (i = 0; i < 150; i++) { f = sprintf("in-%03d.txt", i); printf " date 2023-04-%02d\nReport %d\nThe Treasury sanctioned Acme%d Trading Co. on Friday. Japan condemned North Korea and Acme%d.\n", 1 + i % 28, i, i, i > f; close(f) } }'
  "$sckg" all -o new in-*.txt >/dev/null || fail "the reference run failed"
  mkdir d
  for f in $outputs; do echo old >"d/$f"; done
  for delay in 0.05 0.1 0.2 0.3 0.5 0.7 1 1.5; do
    "$sckg" all -o d in-*.txt >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    for f in $outputs; do
      if [ "$(cat "d/$f")" != old ] && ! cmp -s "d/$f" "new/$f"; then
        fail "after SIGKILL at $delay s, d/$f is neither old nor complete"
      fi
    done
  done
  echo "  left by the killed runs: $(ls -A d | grep -c tmp) temporary files"
  "$sckg" all -o d in-*.txt >/dev/null || fail "a run after the kills failed"
  for f in $outputs; do
    cmp -s "d/$f" "new/$f" || fail "d/$f is not complete after a good run"
  done
  # a symbolic link in DIR is replaced, never followed
  echo victim >victim
  rm d/graph.nt
  ln -s ../victim d/graph.nt
  "$sckg" all -o d in-*.txt >/dev/null || fail "all over a link failed"
  [ "$(cat victim)" = victim ] || fail "the file a link pointed at was overwritten"
  [ -L d/graph.nt ] && fail "the link was followed instead of replaced"
  ;;

limits)
  # --max-article-bytes, and a file over the default 64 MiB.
  printf 'Japan condemned North Korea on Friday.\n' >small.txt
  expect_exit 0 nt --max-article-bytes 39 small.txt
  expect_exit 1 nt --max-article-bytes 38 small.txt
  said '^sckg: small.txt: larger than 38 bytes: not read \(see --max-article-bytes\)$' "limit"
  expect_exit 1 nt --max-article-bytes 38 - <small.txt
  said '^sckg: standard input: larger than 38 bytes' "limit on stdin"
  expect_exit 0 nt --max-article-bytes 1K small.txt
  # /dev/zero would fill the memory: the default limit stops it
  timed 30 nt /dev/zero
  [ "$rc" -eq 1 ] || fail "/dev/zero: exit $rc, expected 1"
  said '^sckg: /dev/zero: larger than 67108864 bytes' "/dev/zero"
  # a sparse 65 MiB file is refused before it is read
  truncate -s 65M sparse.txt
  timed 5 nt sparse.txt
  said '^sckg: sparse.txt: larger than 67108864 bytes' "a file over 64 MiB"
  ;;

big)
  # A single 50 MB line (a whole article on one line), a 200 MB file over
  # the default limit and under a raised one. Smaller under the sanitizers.
  mb=50 big=200 limit=60
  [ "$kind" = sanitized ] && mb=12 big=50 limit=100
  tr '\n' ' ' <"$ap" >line.txt
  awk -v n="$((mb * 1000000 / $(wc -c <line.txt)))" \
    'BEGIN { getline l < "line.txt"; for (i = 0; i < n; i++) printf "%s", l; print "" }' >one-line.txt
  ls -l one-line.txt | awk '{ print "  one line of", $5, "bytes" }'
  timed "$limit" nt --no-text one-line.txt
  [ "$rc" -eq 0 ] || fail "one long line: exit $rc"
  for i in 1 2 3 4; do cat one-line.txt; done >big.txt
  ls -l big.txt | awk '{ print "  a file of", $5, "bytes" }'
  if [ "$big" -gt 64 ]; then
    timed 10 nt big.txt
    [ "$rc" -eq 1 ] || fail "a file over 64 MiB: exit $rc, expected 1"
  fi
  timed "$limit" nt --no-text --max-article-bytes 256M big.txt
  [ "$rc" -eq 0 ] || fail "a big file under a raised limit: exit $rc"
  ;;

many-files)
  # 10,000 files in one call (2,000 under the sanitizers).
  n=10000
  [ "$kind" = sanitized ] && n=2000
  mkdir in
  awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) { f = sprintf("in/a%05d.txt", i); printf " date 2023-04-%02d\nReport %d\nThe Treasury sanctioned Acme%d Trading Co. on Friday. Japan condemned North Korea.\n", 1 + i % 28, i, i > f; close(f) } }'
  timed 60 nt in/*.txt
  [ "$rc" -eq 0 ] || fail "$n files: exit $rc"
  [ "$(grep -c 'dc/terms/identifier' stdout)" -eq "$n" ] || fail "not $n articles in the graph"
  timed 60 rdf in/*.txt
  "$xmllint" --noout --huge stdout || fail "the RDF/XML of $n articles is not well-formed"
  ;;

memory)
  # Memory follows the largest input plus the graph, not the sum of the
  # inputs held twice: sckg frees each text once it is read (the graph keeps
  # its own copy for nif:isString). 40 inputs of 1.1 MB must run in about
  # 78 MB (the program and its libraries: 69 MB of address space before
  # reading anything, 52 MB before raptor2 and its 31 libraries came in
  # for `sckg diff`) plus 1.25 times their sum; keeping every text until
  # the end, as sckg once did, needs about 2 times.
  if [ "$kind" = sanitized ]; then
    echo "note: skipped under the sanitizers (ulimit -v and ASan do not mix)"
    exit 0
  fi
  awk 'BEGIN { for (i = 0; i < 20000; i++) print "the weather is fine today and nothing happened at all." }' >one.txt
  for i in $(seq 1 40); do cp one.txt "in$i.txt"; done
  total=$(cat in*.txt | wc -c)
  limit=$((78000 + total * 5 / 4 / 1024))
  echo "  40 inputs, $total bytes in all, ulimit -v $limit KiB"
  (ulimit -v "$limit" && exec "$sckg" nt in*.txt) >out.nt 2>err
  rc=$?
  [ "$rc" -eq 0 ] || {
    fail "40 inputs of 1.1 MB do not run in 78 MB plus 1.25 times their sum (exit $rc)"
    head -n 3 err
  }
  ;;

pathological)
  # Text that could make the reader or the extraction super-linear; each
  # must end within 20 s (the time is printed, to see trends): 10,000
  # commas in a sentence, 100,000 names in a row (one name repeated, and
  # a list of five), 10,000 levels of nested quotes, ...
  awk 'BEGIN { printf "Japan condemned North Korea"; for (i = 0; i < 10000; i++) printf ", South Korea"; print " on Friday." }' >commas.txt
  awk 'BEGIN { printf "The United States sanctioned"; for (i = 0; i < 100000; i++) printf " Japan"; print "." }' >names.txt
  awk 'BEGIN { for (i = 0; i < 20000; i++) printf "North Korea, Japan, the United States and South Korea and Kim Jong Un "; print "condemned it." }' >actor-list.txt
  awk 'BEGIN { printf "Japan said "; for (i = 0; i < 10000; i++) printf "\"\342\200\234(\342\200\230"; printf "North Korea fired a missile."; for (i = 0; i < 10000; i++) printf "\342\200\231)\342\200\235\""; print "" }' >nested-quotes.txt
  awk 'BEGIN { for (i = 0; i < 10000; i++) printf "Japan.Condemned.North.Korea."; print "" }' >no-spaces.txt
  awk 'BEGIN { for (i = 0; i < 10000; i++) printf "Japan condemned North Korea."; print "" }' >no-spaces-2.txt
  head -c 1000000 /dev/zero | tr '\0' a >a-line.txt
  echo >>a-line.txt
  awk 'BEGIN { for (i = 0; i < 200000; i++) printf "\"" ; print "" }' >quotes.txt
  awk 'BEGIN { for (i = 0; i < 100000; i++) print "." }' >dots.txt
  # many events in one article, and one event reported many times over
  n=20000 reps=2000
  [ "$kind" = sanitized ] && n=5000 reps=500
  awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) printf "The Treasury sanctioned Acme%d Trading Co. on Friday.\n", i }' >distinct.txt
  awk -v n=$reps 'BEGIN { while ((getline l < ARGV[1]) > 0) a[k++] = l; for (i = 0; i < n; i++) for (j = 1; j < k; j++) print a[j]; exit }' "$ap" >repeated.txt
  for f in commas names actor-list nested-quotes no-spaces no-spaces-2 a-line quotes dots distinct repeated; do
    timed 20 nt "$f.txt"
    grep -v -e '^sckg: ' stderr >/dev/null && fail "$f: stderr lines without the prefix"
  done
  # The lists and the quotes again through every writer: each output
  # well-formed, within the same limit.
  for f in commas names actor-list nested-quotes; do
    timed 20 all -o "$f-out" "$f.txt"
    [ "$rc" -eq 0 ] || fail "$f.txt: all exited $rc"
    outputs_sound "$f-out"
  done
  ;;

repeated-sentence)
  # One event sentence through a whole article, 50,000 times, on lines of
  # its own and in one paragraph: one event with 50,000 sentences of
  # evidence. Each must stay linear: all six outputs within the limit and
  # well-formed, and the diagrams small (an event's tooltip, which each of
  # its edges repeats, names its first sentences only: it once held all
  # 50,000, 4.5 MB of DOT for three nodes).
  # Measured: 1.2 s each in a Debug build, 7.7 s under ASan and UBSan.
  n=50000 limit=15
  [ "$kind" = sanitized ] && limit=60
  awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) print "Japan condemned North Korea." }' >lines.txt
  awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) printf "Japan condemned North Korea. "; print "" }' >para.txt
  for f in lines para; do
    timed "$limit" all -o "$f" "$f.txt"
    [ "$rc" -eq 0 ] || fail "$f.txt: exit $rc"
    outputs_sound "$f"
    [ "$(events_in "$f/graph.nt")" -eq 1 ] || fail "$f.txt: not one event"
    [ "$(grep -c 'nif-core#anchorOf>' "$f/graph.nt")" -eq "$n" ] ||
      fail "$f.txt: not $n sentences"
    size=$(wc -c <"$f/graph.dot")
    [ "$size" -lt 20000 ] || fail "$f.txt: graph.dot has $size bytes for 3 nodes"
  done
  ;;

undated-twins)
  # Undated reports of an event that dated ones give a date: each undated
  # event is merged into its dated twin (merge_undated, graph/graph.c).
  # 40,000 articles of one sentence, every other one with a date line
  # (10,000 under the sanitizers); two articles of 20,000 such sentences
  # each; and 20,000 events each reported once dated and once undated.
  # Every time one event per identity, dated, with every report.
  # Measured: at most 1.8 s a run in a Debug build; 6.1 s under ASan and
  # UBSan with 10,000 (23 s with 40,000).
  n=40000 limit=15
  [ "$kind" = sanitized ] && n=10000 limit=40
  mkdir one few pairs
  awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) { f = sprintf("one/%05d.txt", i); if (i % 2) printf " date 2023-04-07\n" > f; print "Japan condemned North Korea on Friday." > f; close(f) } }'
  timed "$limit" all -o one-out one/*.txt
  [ "$rc" -eq 0 ] || fail "$n twin articles: exit $rc"
  outputs_sound one-out
  [ "$(events_in one-out/graph.nt)" -eq 1 ] || fail "$n twin articles: not one event"
  grep -q 'ns#date> "2023-04-07"' one-out/graph.nt || fail "$n twin articles: the event lost its date"
  [ "$(grep -c 'prov#wasDerivedFrom>' one-out/graph.nt)" -eq "$n" ] ||
    fail "$n twin articles: not $n sources"
  awk -v n=$((n / 2)) 'BEGIN { print " date 2023-04-07" > "few/dated.txt"; for (i = 0; i < n; i++) { print "Japan condemned North Korea on Friday." > "few/dated.txt"; print "Japan condemned North Korea on Friday." > "few/undated.txt" } }'
  timed "$limit" all -o few-out few/dated.txt few/undated.txt
  [ "$rc" -eq 0 ] || fail "two articles of twins: exit $rc"
  outputs_sound few-out
  [ "$(events_in few-out/graph.nt)" -eq 1 ] || fail "two articles of twins: not one event"
  [ "$(grep -c 'nif-core#anchorOf>' few-out/graph.nt)" -eq "$n" ] ||
    fail "two articles of twins: not $n sentences"
  awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) { f = sprintf("pairs/%05d.txt", i); if (i % 2) printf " date 2023-04-07\n" > f; printf "The Treasury sanctioned Acme%d Trading Co. on Friday.\n", int(i / 2) > f; close(f) } }'
  timed "$limit" nt pairs/*.txt
  [ "$rc" -eq 0 ] || fail "$((n / 2)) pairs of twins: exit $rc"
  mv stdout pairs.nt
  [ "$(events_in pairs.nt)" -eq $((n / 2)) ] || fail "$((n / 2)) pairs of twins: not one event a pair"
  [ "$(grep -c 'ns#date> "2023-04-07"' pairs.nt)" -eq $((n / 2)) ] ||
    fail "$((n / 2)) pairs of twins: not every event dated"
  "$rapper" -q -i ntriples -c pairs.nt 2>/dev/null || fail "rapper cannot read the N-Triples of the pairs"
  ;;

valgrind)
  # Every golden case, each format, under valgrind: no invalid access, no
  # leak of sckg's (Graphviz's own are in valgrind.supp, each explained).
  vg="$valgrind -q --error-exitcode=99 --leak-check=full --suppressions=$src/tests/robust/valgrind.supp"
  cd "$src" || exit 1
  for dir in tests/golden/*/; do
    set --
    if [ -f "$dir/args" ]; then
      while IFS= read -r line || [ -n "$line" ]; do
        case $line in '' | '#'*) continue ;; esac
        set -- "$@" "$line"
      done <"$dir/args"
    fi
    for f in "$dir"input*.txt; do
      [ -e "$f" ] && set -- "$@" "$f"
    done
    for fmt in nt rdf dot; do
      # shellcheck disable=SC2086 # vg is a command line
      $vg "$sckg" "$fmt" "$@" >"$tmp/out" 2>"$tmp/vg"
      rc=$?
      echo "  $(basename "$dir") $fmt: exit $rc"
      [ "$rc" -eq 0 ] || { fail "valgrind: sckg $fmt on $dir exited $rc"; head -n 30 "$tmp/vg"; }
    done
  done
  for args in "svg --view statement" "all -o $tmp/vg-out" "nt $inputs/controls.txt $inputs/crlf.txt" "nt /no/such/file"; do
    # shellcheck disable=SC2086
    $vg "$sckg" $args >"$tmp/out" 2>"$tmp/vg"
    rc=$?
    echo "  $args: exit $rc"
    [ "$rc" -le 1 ] || { fail "valgrind: sckg $args exited $rc"; head -n 30 "$tmp/vg"; }
  done
  ;;

*)
  echo "unknown case: $name"
  exit 2
  ;;
esac

[ "$status" -eq 0 ] && echo "ok: $name"
exit "$status"
