#!/bin/sh
# SPDX-License-Identifier: MIT
# CLI cases that need more than one run or a prepared folder: standard input,
# write errors, the files of `all` and their atomic replacement, `diff`,
# determinism and input order. One ctest test per case:
#
#   cases.sh CASE SCKG SRCDIR XMLLINT RAPPER
set -u

name=$1 sckg=$2 src=$3 xmllint=$4 rapper=$5
ap=$src/corpus/ap-2023-04-07.txt
reuters=$src/corpus/reuters-2023-04-07.txt
outputs="graph.dot graph.nt graph.rdf graph.svg graph.ttl statement.dot statement.svg"

tmp=$(mktemp -d) || exit 1
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
cd "$tmp" || exit 1

# many_articles DIR: 40 articles in DIR, a01.txt ... a40.txt, copies of the
# golden inputs and the default articles under new names, so that the same
# events come in several articles.
many_articles() {
  mkdir -p "$1"
  i=0
  while [ "$i" -lt 40 ]; do
    for f in "$src"/tests/golden/*/input*.txt "$ap" "$reuters"; do
      i=$((i + 1))
      [ "$i" -le 40 ] || break
      cp "$f" "$1/$(printf 'a%02d.txt' "$i")"
    done
  done
}

status=0
fail() {
  echo "FAIL: $*"
  status=1
}

# sckg_ok ARGS...: sckg must succeed; its stdout is in ./stdout.
sckg_ok() {
  "$sckg" "$@" >stdout 2>stderr
  rc=$?
  if [ "$rc" -ne 0 ]; then
    fail "sckg $* exited $rc"
    cat stderr
    return 1
  fi
  return 0
}

# expect_exit CODE ARGS...: sckg must exit CODE; stdout in ./stdout,
# stderr in ./stderr, each stderr line prefixed "sckg: ".
expect_exit() {
  want=$1
  shift
  "$sckg" "$@" >stdout 2>stderr
  rc=$?
  [ "$rc" -eq "$want" ] || fail "sckg $* exited $rc, expected $want"
  if grep -v '^sckg: ' stderr >/dev/null; then
    fail "sckg $*: stderr lines without the 'sckg: ' prefix"
  fi
  sed 's/^/    /' stderr
}

# same A B WHAT: files A and B are byte-identical.
same() {
  if cmp -s "$1" "$2"; then
    echo "ok: $3"
  else
    fail "$3: $1 and $2 differ"
    diff -u "$1" "$2" | head -n 40
  fi
}

# no_temps DIR: no temporary file of `all` is left in DIR.
no_temps() {
  for f in "$1"/*.tmp* "$1"/.*.tmp*; do
    [ -e "$f" ] && fail "temporary file left: $f"
  done
}

case $name in

help-lists)
  # --help lists every command, every option and the exit codes.
  sckg_ok --help || exit 1
  for word in rdf nt dot svg png pdf all diff --output --view --base --date \
    --no-text --help --version "Exit status" statement.svg graph.rdf; do
    grep -q -e "$word" stdout || fail "--help does not mention $word"
  done
  ;;

dev-full)
  # Output that cannot be written is an error, whatever the output.
  for args in nt rdf dot svg png pdf --help --version; do
    # shellcheck disable=SC2086 # one or two words
    "$sckg" $args >/dev/full 2>stderr
    rc=$?
    [ "$rc" -eq 1 ] || fail "sckg $args >/dev/full exited $rc, expected 1"
    grep -q '^sckg: .*error' stderr || fail "sckg $args >/dev/full: no 'sckg: ... error' message"
    sed 's/^/    /' stderr
  done
  # --stream gathers articles into large writes: the failure of the one
  # write at the end is reported all the same
  "$sckg" nt --stream "$ap" >/dev/full 2>stderr
  rc=$?
  [ "$rc" -eq 1 ] || fail "sckg nt --stream >/dev/full exited $rc, expected 1"
  grep -q '^sckg: error writing standard output' stderr ||
    fail "sckg nt --stream >/dev/full: no 'error writing standard output'"
  sckg_ok nt "$ap" && cp stdout a.nt
  sckg_ok nt "$ap" "$reuters" && cp stdout b.nt
  "$sckg" diff a.nt b.nt >/dev/full 2>stderr
  rc=$?
  [ "$rc" -eq 2 ] || fail "sckg diff >/dev/full exited $rc, expected 2"
  grep -q '^sckg: .*error' stderr || fail "sckg diff >/dev/full: no 'sckg: ... error' message"
  ;;

stdin)
  # '-' reads standard input, from a file or a pipe; the article read from
  # it is named "stdin", so it is the same graph as a file stdin.txt.
  cp "$ap" stdin.txt
  for fmt in nt rdf dot; do
    sckg_ok "$fmt" stdin.txt && mv stdout "file.$fmt"
    "$sckg" "$fmt" - <stdin.txt >"redirect.$fmt" 2>stderr || fail "sckg $fmt - <file failed"
    # shellcheck disable=SC2002 # a pipe is the point: stdin not seekable
    cat stdin.txt | "$sckg" "$fmt" - >"pipe.$fmt" 2>stderr || fail "sckg $fmt - (pipe) failed"
    same "file.$fmt" "redirect.$fmt" "$fmt from '-' (redirected file) = from stdin.txt"
    same "file.$fmt" "pipe.$fmt" "$fmt from '-' (pipe) = from stdin.txt"
  done
  # Mixed with a file.
  "$sckg" nt "$reuters" - <stdin.txt >mixed.nt 2>stderr || fail "sckg nt FILE - failed"
  sckg_ok nt "$reuters" stdin.txt && same stdout mixed.nt "FILE plus '-' = FILE plus stdin.txt"
  ;;

explain)
  # --explain says on stderr what is not read and why, one note per span
  # with its place; the graph is the same bytes as without it.
  printf ' date 2024-03-10\nMissile test\n\nThe truce village near the border\nA flag flutters near the border in this picture taken near Seoul, March 9, 2024. Reuters\n\nSEOUL (Reuters) - North Korea fired a missile on Sunday. South Korea condemned the launch (Yonhap)\n\nJapan protested the launch and said it would work closely with the United States\n' >art.txt
  sckg_ok nt art.txt && mv stdout plain.nt
  sckg_ok nt --explain art.txt
  cmp -s plain.nt stdout || fail "--explain changed the graph"
  cat >want <<'NOTES'
sckg: art.txt:2:1: note: not read, title (bytes 17-29): Missile test
sckg: art.txt:4:1: note: not read, caption (bytes 31-64): The truce village near the border
sckg: art.txt:5:1: note: not read, caption (bytes 65-153): A flag flutters near the border in this picture taken near Seoul, March 9, 2024. Reuters
sckg: art.txt:7:1: note: not read, dateline (bytes 155-172): SEOUL (Reuters) -
sckg: art.txt:7:91: note: not read, credit (bytes 245-253): (Yonhap)
NOTES
  diff want stderr || fail "--explain notes differ (< expected, > got)"
  for ev in weapons-test criticize pledge-cooperation; do
    grep -q "/event/$ev-" stdout || fail "no $ev event read from the prose"
  done
  # the embedded articles: the Reuters report's alt text and caption
  sckg_ok nt --explain
  grep -q '^sckg: reuters-2023-04-07.txt:2:1: note: not read, caption' stderr ||
    fail "the embedded Reuters caption is not explained"
  # an article that is all noise says so, naming the file
  printf 'By Jane Roe\nRead more: https://example.org/\n' >noise.txt
  sckg_ok nt noise.txt
  grep -q '^sckg: noise.txt: warning: no prose found' stderr ||
    fail "no warning for an article without prose"
  ;;
invalid-utf8)
  # Input that is not UTF-8 is refused, naming the input.
  printf 'North Korea \377\376 fired a missile.\n' >bad.txt
  expect_exit 1 nt bad.txt
  grep -q '^sckg: bad.txt' stderr || fail "the message does not name bad.txt"
  [ -s stdout ] && fail "output written for a bad input"
  expect_exit 1 nt - <bad.txt
  grep -q '^sckg: stdin' stderr || fail "the message does not name stdin"
  ;;

errors-listed)
  # Every unreadable input is reported, not only the first.
  expect_exit 1 nt missing-one.txt "$ap" missing-two.txt
  grep -q 'missing-one.txt' stderr || fail "missing-one.txt not reported"
  grep -q 'missing-two.txt' stderr || fail "missing-two.txt not reported"
  [ -s stdout ] && fail "output written although inputs are missing"
  ;;

deterministic)
  # Byte-identical output on every run.
  for fmt in nt rdf dot svg; do
    sckg_ok "$fmt" && mv stdout "one.$fmt"
    sckg_ok "$fmt" && mv stdout "two.$fmt"
    same "one.$fmt" "two.$fmt" "two runs of sckg $fmt"
  done
  ;;

input-order)
  # The order of the inputs does not change the graph, nor its bytes.
  for fmt in nt rdf dot; do
    sckg_ok "$fmt" "$ap" "$reuters" && mv stdout "ab.$fmt"
    sckg_ok "$fmt" "$reuters" "$ap" && mv stdout "ba.$fmt"
    same "ab.$fmt" "ba.$fmt" "sckg $fmt A B = sckg $fmt B A"
  done
  # Files named on the command line = the embedded copies.
  sckg_ok nt && same stdout ab.nt "embedded articles = corpus/ files"
  ;;

all-files)
  # all -o DIR creates DIR and writes exactly the seven files, each equal to
  # what the printing commands write.
  sckg_ok all -o new "$ap" "$reuters" || exit 1
  got=$(find new -mindepth 1 -printf '%f\n' | LC_ALL=C sort | tr '\n' ' ')
  [ "$got" = "$outputs " ] || fail "all -o wrote: $got; expected: $outputs"
  sckg_ok nt "$ap" "$reuters" && same stdout new/graph.nt "graph.nt = sckg nt"
  sckg_ok ttl "$ap" "$reuters" && same stdout new/graph.ttl "graph.ttl = sckg ttl"
  sckg_ok rdf "$ap" "$reuters" && same stdout new/graph.rdf "graph.rdf = sckg rdf"
  sckg_ok dot --view all "$ap" "$reuters" && same stdout new/graph.dot "graph.dot = sckg dot --view all"
  sckg_ok dot --view statement "$ap" "$reuters" && same stdout new/statement.dot "statement.dot = sckg dot --view statement"
  for svg in new/graph.svg new/statement.svg; do
    if ! "$xmllint" --noout "$svg" 2>xmllint.err; then
      fail "$svg is not well-formed:"
      head -n 20 xmllint.err
    fi
    grep -q 'class="node"' "$svg" || fail "$svg has no node"
  done
  # Files get the usual mode (0666 less the umask), not mkstemp's 0600.
  (umask 022 && "$sckg" all -o modes >/dev/null 2>&1) || fail "all -o modes failed"
  for f in $outputs; do
    mode=$(stat -c %a "modes/$f")
    [ "$mode" = 644 ] || fail "modes/$f has mode $mode under umask 022"
  done
  no_temps new
  ;;

bare)
  # sckg with no arguments = sckg all -o out, in the current folder.
  sckg_ok || exit 1
  got=$(find out -mindepth 1 -printf '%f\n' | LC_ALL=C sort | tr '\n' ' ')
  [ "$got" = "$outputs " ] || fail "sckg wrote out/: $got; expected: $outputs"
  sckg_ok all -o explicit || exit 1
  for f in graph.nt graph.ttl graph.rdf graph.dot statement.dot; do
    same out/$f explicit/$f "sckg: out/$f = sckg all -o DIR: $f"
  done
  ;;

all-replaces)
  # all -o over an earlier run replaces every file and leaves no temporary.
  mkdir prev
  for f in $outputs; do echo old >"prev/$f"; done
  sckg_ok all -o prev || exit 1
  for f in $outputs; do
    [ "$(cat "prev/$f")" = old ] && fail "prev/$f was not replaced"
  done
  no_temps prev
  ;;

all-keeps-old)
  # A failure while writing leaves the previous outputs as they were and no
  # temporary file: here graph.svg cannot be replaced (it is a folder).
  mkdir prev
  for f in $outputs; do echo old >"prev/$f"; done
  rm prev/graph.svg
  mkdir prev/graph.svg
  expect_exit 1 all -o prev
  grep -q 'graph.svg' stderr || fail "the message does not name graph.svg"
  for f in graph.dot graph.nt graph.rdf graph.ttl statement.dot statement.svg; do
    [ "$(cat "prev/$f")" = old ] || fail "prev/$f was changed by a failed run"
  done
  no_temps prev
  ;;

all-missing-parent)
  # The folder is created, but not its parents.
  expect_exit 1 all -o no/such/dir
  [ -e no ] && fail "a parent folder was created"
  grep -q 'no/such/dir' stderr || fail "the message does not name the folder"
  ;;

all-not-a-folder)
  echo keep >file
  expect_exit 1 all -o file
  [ "$(cat file)" = keep ] || fail "the file in the way was changed"
  ;;

all-read-only)
  # A folder where no file can be created. Root ignores permission bits, so
  # then /proc/self stands in: a folder where nobody can create files.
  if [ "$(id -u)" -eq 0 ]; then
    dir=/proc/self
    echo "running as root: using $dir as the unwritable folder"
  else
    mkdir ro
    chmod 555 ro
    dir=ro
  fi
  expect_exit 1 all -o "$dir"
  [ -d ro ] && [ -n "$(ls -A ro)" ] && fail "files left in the read-only folder: $(ls -A ro)"
  ;;

diff-same)
  # A snapshot equals itself, and the RDF/XML and N-Triples of one graph
  # are the same snapshot.
  sckg_ok nt && mv stdout a.nt
  sckg_ok rdf && mv stdout a.rdf
  expect_exit 0 diff a.nt a.nt
  [ -s stdout ] && fail "diff of a file with itself printed something"
  expect_exit 0 diff a.nt a.rdf
  [ -s stdout ] && fail "diff of the two formats of one graph printed something"
  ;;

diff-differ)
  # Adding an article adds events and actors: "+" lines, exit 1; the other
  # way round "-" lines.
  sckg_ok nt "$ap" && mv stdout old.nt
  sckg_ok rdf "$ap" "$reuters" && mv stdout new.rdf
  expect_exit 1 diff old.nt new.rdf
  sed 's/^/    /' stdout | head -n 20
  grep -q '^+ ' stdout || fail "no '+ ' line for what was added"
  expect_exit 1 diff new.rdf old.nt
  grep -q '^- ' stdout || fail "no '- ' line for what was removed"
  ;;

diff-any-syntax)
  # A snapshot re-serialized by another writer (rapper's Turtle, its
  # abbreviated RDF/XML) or written as sckg's own Turtle is the same graph;
  # a real change shows as the same lines whatever the syntax of each side.
  sckg_ok nt "$ap" "$reuters" && mv stdout both.nt
  sckg_ok ttl "$ap" "$reuters" && mv stdout both.ttl
  sckg_ok nt "$ap" && mv stdout ap.nt
  "$rapper" -q -i ntriples -o turtle both.nt >both.rapper.ttl || fail "rapper -o turtle"
  "$rapper" -q -i ntriples -o rdfxml-abbrev both.nt >both.rapper.rdf || fail "rapper -o rdfxml-abbrev"
  "$rapper" -q -i ntriples -o rdfxml-abbrev ap.nt >ap.rapper.rdf || fail "rapper -o rdfxml-abbrev"
  for other in both.ttl both.rapper.ttl both.rapper.rdf; do
    expect_exit 0 diff both.nt "$other"
    [ -s stdout ] && fail "diff both.nt $other printed: $(head -n 3 stdout)"
  done
  expect_exit 1 diff ap.nt both.nt
  mv stdout expected
  [ -s expected ] || fail "adding an article shows no line"
  expect_exit 1 diff ap.rapper.rdf both.rapper.ttl
  cmp -s expected stdout || fail "the change reads differently across syntaxes:
$(diff expected stdout | head -n 10)"
  ;;

diff-unreadable)
  # A snapshot that cannot be read or parsed is trouble (2), not "differs".
  sckg_ok nt && mv stdout a.nt
  expect_exit 2 diff a.nt missing.nt
  grep -q 'missing.nt' stderr || fail "the message does not name missing.nt"
  echo 'this is not RDF' >junk.nt
  expect_exit 2 diff junk.nt a.nt
  grep -q 'junk.nt' stderr || fail "the message does not name junk.nt"
  ;;

pathological)
  # Odd inputs end in time with 0 or 1, never a crash or a hang (cmark's
  # pathological tests); the ctest TIMEOUT bounds the whole case.
  : >empty.txt
  printf ' date 2023-04-07\n' >date-only.txt
  printf ' date 2023-02-30 The date line names no real day.\n' >bad-date.txt
  printf 'North Korea\000fired a missile.\n' >nul.txt
  awk 'BEGIN { for (i = 0; i < 40000; i++) printf "North Korea and the United States "; print "" }' >one-sentence.txt
  awk 'BEGIN { for (i = 0; i < 3000; i++) print "The United States, South Korea and Japan condemned North Korea, which denied it had fired a missile on Friday." }' >many-sentences.txt
  awk 'BEGIN { for (i = 0; i < 20000; i++) printf "(((\"\342\200\234"; print "" }' >brackets.txt
  for f in empty.txt date-only.txt bad-date.txt nul.txt one-sentence.txt many-sentences.txt brackets.txt; do
    start=$(date +%s)
    timeout 50 "$sckg" nt "$f" >stdout 2>stderr
    rc=$?
    echo "  $f: exit $rc in $(($(date +%s) - start)) s"
    sed 's/^/    /' stderr | head -n 5
    [ "$rc" -le 1 ] || fail "sckg nt $f exited $rc (crash or timeout)"
    if grep -v '^sckg: ' stderr >/dev/null; then
      fail "sckg nt $f: stderr lines without the 'sckg: ' prefix"
    fi
  done
  ;;

threads)
  # -j N gives the same bytes whatever N, with and without --stream.
  many_articles corpus
  for fmt in nt rdf dot; do
    sckg_ok "$fmt" -j 1 corpus/* && mv stdout "j1.$fmt"
    for j in 2 7; do
      sckg_ok "$fmt" -j "$j" corpus/* && same stdout "j1.$fmt" "sckg $fmt -j $j = -j 1"
    done
  done
  sckg_ok nt --stream corpus/* && mv stdout s1.nt
  sckg_ok nt --stream --jobs 3 corpus/* && same stdout s1.nt "nt --stream -j 3 = -j 1"
  # an error among many files: reported once, in input order, the others
  # still read
  printf 'bad \377 byte\n' >corpus/a05.txt
  expect_exit 1 nt --stream -j 2 corpus/*
  [ "$(grep -c 'invalid UTF-8' stderr)" = 1 ] || fail "-j 2: the bad file is not reported once"
  [ "$(grep -c 'article/a06>' stdout)" -gt 0 ] || fail "-j 2 --stream: the file after the bad one is missing"
  ;;

stream)
  # --stream writes each article's triples as it reads it: valid
  # N-Triples, sorted within each article, in input order.
  sckg_ok nt --stream "$ap" "$reuters" && mv stdout stream.nt
  sckg_ok nt "$ap" "$reuters" && mv stdout whole.nt
  sckg_ok nt "$ap" && mv stdout ap.nt
  sckg_ok nt "$reuters" && mv stdout reuters.nt
  cat ap.nt reuters.nt >two.nt
  same stream.nt two.nt "nt --stream A B = nt A, then nt B"
  # Forty articles, one of them as long as all the others together: the
  # articles' blocks go out gathered into large writes, the long one's
  # alone, and all of them in input order.
  many_articles corpus
  cat corpus/* >long.txt && mv long.txt corpus/a20.txt
  : >each.nt
  for f in corpus/*; do
    sckg_ok nt "$f" && cat stdout >>each.nt
  done
  sckg_ok nt --stream corpus/* && same stdout each.nt "nt --stream over 40 articles = nt of each, in order"
  # The union of the stream is the graph of one whole run but for what
  # only a whole run can do (the contract): join a report that carries no
  # date to the dated event of another article. So: the same actors,
  # articles and sentences; every event of the whole run in the stream;
  # the stream's other events all undated.
  LC_ALL=C sort -u stream.nt >stream.set
  LC_ALL=C sort -u whole.nt >whole.set
  grep -v '^<[^>]*/event/' stream.set >stream.nodes
  grep -v '^<[^>]*/event/' whole.set >whole.nodes
  same stream.nodes whole.nodes "nt --stream and nt: the same actors, articles and sentences"
  ev='> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/sckg/ns#Event> .$'
  grep "$ev" stream.set | cut -d' ' -f1 >stream.events
  grep "$ev" whole.set | cut -d' ' -f1 >whole.events
  missing=$(LC_ALL=C comm -13 stream.events whole.events | wc -l)
  [ "$missing" -eq 0 ] || fail "$missing events of nt are not in nt --stream"
  LC_ALL=C comm -23 stream.events whole.events >extra.events
  [ -s extra.events ] || fail "no undated twin in the seeds: the test shows nothing"
  while read -r e; do
    ! grep -q "^$e <https://w3id.org/sckg/ns#date>" stream.set ||
      fail "$e: only in nt --stream, yet dated"
  done <extra.events
  expect_exit 2 rdf --stream "$ap"
  grep -q "option '--stream' does not apply to 'rdf'" stderr ||
    fail "rdf --stream: no clear usage error"
  ;;

shards)
  # The scale-out path at small scale: the articles split into 4 shards,
  # sckg nt --stream on each (as Spark or Hadoop Streaming would run it),
  # the union of the four outputs = one --stream run over all, as sets:
  # an event reported in two shards is the same node in both.
  many_articles corpus
  for k in 0 1 2 3; do
    ls corpus/* | awk -v k="$k" 'NR % 4 == k' >"shard$k.list"
    # shellcheck disable=SC2046
    sckg_ok nt --stream $(cat "shard$k.list") && mv stdout "shard$k.nt"
  done
  cat shard0.nt shard1.nt shard2.nt shard3.nt | LC_ALL=C sort -u >union.set
  sckg_ok nt --stream corpus/* && LC_ALL=C sort -u stdout >whole.set
  same union.set whole.set "union of 4 shards = one run over all, as sets"
  events=$(grep -c 'rdf-syntax-ns#type> <https://w3id.org/sckg/ns#Event>' whole.set)
  [ "$events" -gt 20 ] || fail "the shard corpus has only $events events"
  shared=$(grep -h 'ns#Event>' shard0.nt shard1.nt | LC_ALL=C sort | uniq -d | wc -l)
  [ "$shared" -gt 0 ] || fail "no event is reported in two shards: the test shows nothing"
  ;;

jsonl)
  # JSON Lines, as crawlers write them: each record is an article whose
  # metadata fills its node.
  in=$src/tests/cli/inputs
  sckg_ok nt "$in/good.jsonl" && mv stdout file.nt
  k='<https://w3id.org/sckg/id/article/kyodo-001>'
  for want in "$k <http://purl.org/dc/terms/title> \"Japan adds sanctions\" ." \
    "$k <http://purl.org/dc/terms/publisher> \"Kyodo News\" ." \
    "$k <http://purl.org/dc/terms/date> \"2023-04-07\"^^<http://www.w3.org/2001/XMLSchema#date> ." \
    "$k <http://purl.org/dc/terms/identifier> \"kyodo-001\" ." \
    '<https://w3id.org/sckg/id/article/good-4> <http://purl.org/dc/terms/identifier> "good-4" .' \
    '<https://w3id.org/sckg/id/article/last-line> <http://purl.org/dc/terms/identifier> "last-line" .'; do
    grep -qxF "$want" file.nt || fail "jsonl: no line $want"
  done
  # standard input with --jsonl: the same articles, the id-less one named
  # after stdin
  sckg_ok nt --jsonl - <"$in/good.jsonl" && mv stdout stdin.nt
  grep -F 'kyodo-001' file.nt >a && grep -F 'kyodo-001' stdin.nt >b && same a b "jsonl: file = stdin"
  grep -q 'article/stdin-4> ' stdin.nt || fail "jsonl: the record without id is not stdin-4 on stdin"
  # bad records: each reported with its line, the run fails, the good
  # record of the file still written by --stream
  expect_exit 1 nt "$in/bad.jsonl"
  for line in 1 2 3 4; do
    grep -q "^sckg: [^ ]*bad.jsonl:$line:" stderr || fail "jsonl: line $line not reported"
  done
  [ ! -s stdout ] || fail "jsonl: nt wrote a graph despite bad records"
  expect_exit 1 nt --stream "$in/bad.jsonl"
  grep -q 'article/fine> ' stdout || fail "jsonl --stream: the good record is missing"
  ;;

folders)
  # A folder is read recursively in byte order of names, .txt and .jsonl
  # files only: the same as naming those files in that order.
  mkdir -p d/sub d/.hidden
  cp "$ap" d/b.txt
  cp "$reuters" d/sub/a.txt
  cp "$src/tests/cli/inputs/good.jsonl" d/c.jsonl
  echo 'not an article' >d/notes.md
  cp "$ap" d/.hidden/x.txt
  sckg_ok nt --stream d && mv stdout folder.nt
  sckg_ok nt --stream d/b.txt d/c.jsonl d/sub/a.txt && same stdout folder.nt "nt --stream d = its files in order"
  sckg_ok rdf d && mv stdout folder.rdf
  sckg_ok rdf d/sub/a.txt d/c.jsonl d/b.txt && same stdout folder.rdf "rdf d = its files in any order"
  # a file named twice, by a folder and by its name: read once, warned
  sckg_ok nt d d/b.txt
  grep -q 'd/b.txt: warning: the same file as d/b.txt' stderr || fail "folders: a file named twice is not read once"
  ;;

readme-ci)
  # .ci/run runs exactly the README's second quick-start command first;
  # the steps after it (the sanitizer build, the fuzz runs) are CI's own.
  readme=$(awk '/^```sh$/ { n++; if (n == 2) { getline; print; exit } }' "$src/README.md")
  ci=$(grep -v -e '^#' -e '^set ' -e '^cd ' -e '^$' "$src/.ci/run" | head -n 1)
  [ -n "$readme" ] || fail "no second sh block in README.md"
  [ "$readme" = "$ci" ] || fail "README's second command and .ci/run differ:
  README: $readme
  .ci/run: $ci"
  [ -x "$src/.ci/run" ] || fail ".ci/run is not executable"
  ;;

readme-views)
  # README's tables of views, type groups and layout engines say word for
  # word (backticks aside) what --help prints from graph/view/grammar.c, the
  # one description of the views: each side as TERM<tab>TEXT lines, the
  # wrapped lines of --help joined.
  sckg_ok --help || exit 1
  awk '/^[A-Z]/ { listing = /^(Views|Groups of event types|Layout engines) /; next }
    !listing || /^$/ { flush(); next }
    /^  [^ ]/ {
      flush(); line = substr($0, 3); term = line; sub(/ .*/, "", term)
      text = substr(line, length(term) + 1); sub(/^ +/, "", text); next
    }
    { t = $0; sub(/^ +/, "", t); text = text " " t }
    END { flush() }
    function flush() { if (term != "") print term "\t" text; term = "" }' \
    stdout >help.tsv
  awk '/^\| (view \(`--view`\)|group \(`--view type:GROUP`\)|engine \(`--layout`\)) \|/ {
      table = 1; next
    }
    table && /^\|---/ { next }
    table && /^\| / {
      row = substr($0, 3); sub(/ \|$/, "", row); gsub(/`/, "", row)
      i = index(row, " | "); print substr(row, 1, i - 1) "\t" substr(row, i + 3)
      next
    }
    { table = 0 }' "$src/README.md" >readme.tsv
  grep -q '^all	' help.tsv || fail "--help lists no view 'all'"
  grep -q '^all	' readme.tsv || fail "README lists no view 'all'"
  diff -u readme.tsv help.tsv >views.diff ||
    fail "README's views (-) and --help's (+) differ:
$(cat views.diff)"
  ;;

*)
  echo "unknown case: $name"
  exit 2
  ;;
esac

[ "$status" -eq 0 ] && echo "ok: $name"
exit "$status"
