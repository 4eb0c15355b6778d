#!/bin/sh
# SPDX-License-Identifier: MIT
# Tests of the diagram views (`--view`, `-T`, `--layout`, `--link-base`):
#
#   run.sh golden   SCKG SRC CASE          DOT of a case of tests/views/cases,
#                                          byte-compared with golden/CASE.dot
#   run.sh svg      SCKG SRC CASE          the case as SVG, checked by structure
#   run.sh layout   SCKG SRC ENGINE        the seeds' statement view and the own
#                                          articles' "all" view with --layout ENGINE
#   run.sh formats  SCKG SRC               -T svg|png|pdf|dot against the commands
#   run.sh sweep    SCKG SRC [FILE...]     every view the graph of FILE... (no
#                                          FILE: the seeds) offers: statement,
#                                          all, each article, each actor, each
#                                          event type and group, as DOT and SVG
#   run.sh big      SCKG SRC               "all" of 200 generated articles: time,
#                                          sfdp, the summary past the cap,
#                                          structure, deterministic DOT; the
#                                          same for a capped actor view
#   run.sh chromium SCKG SRC               headless Chromium draws statement.svg
#
# The structure of an SVG (check_svg): well-formed (xmllint), one node group
# per node of the view's DOT and one edge group per edge (counted by gvpr),
# every node group with a <title>, every node and edge with a tooltip
# (xlink:title), every edge with a link, and every link pointing at a
# resource IRI (https://w3id.org/sckg/id/...) or at the --link-base given.
# Coordinates depend on fonts: never compared.
#
# Every sckg run that lays out is under `timeout`, so a layout that explodes
# fails the test instead of hanging it. SCKG_UPDATE_GOLDEN=1 rewrites the
# golden DOT files that differ (review with git diff).
set -u

mode=$1 sckg=$2 src=$3
shift 3
cd "$src" || exit 1
views=tests/views
base=https://w3id.org/sckg/id/
# Each sckg run's bound: a hang guard, not a speed check (bench/ measures
# speed); generous because sanitizer builds run 50 times slower.
limit=${SCKG_VIEW_TIMEOUT:-500}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

status=0
fail() {
  echo "FAIL: $*"
  status=1
}

for tool in xmllint gvpr timeout; do
  command -v "$tool" >/dev/null || {
    echo "FAIL: $tool is missing (Debian packages libxml2-utils, graphviz, coreutils)"
    exit 1
  }
done

# draw OUT ARGS...: sckg ARGS > OUT within the time limit; stderr must stay
# empty. Returns non-zero (and reports) on failure.
draw() {
  out=$1
  shift
  timeout -k 5 "$limit" "$sckg" "$@" >"$out" 2>"$tmp/stderr"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    if [ "$rc" -eq 124 ]; then
      fail "sckg $* took more than $limit s"
    else
      fail "sckg $* exited $rc"
    fi
    head -n 20 "$tmp/stderr"
    return 1
  fi
  if [ -s "$tmp/stderr" ]; then
    fail "sckg $* wrote to stderr"
    head -n 20 "$tmp/stderr"
    return 1
  fi
  return 0
}

# xcount FILE XPATH: the number an XPath count() gives on FILE.
xcount() {
  xmllint --nonet --xpath "$2" "$1" 2>/dev/null || echo "?"
}

# drawn_nodes DOT: the nodes the view draws, its legend's left out.
drawn_nodes() {
  gvpr 'BEGIN { int shown = 0; } N [index(name, "legend") != 0] { shown++; } END { printf("%d", shown); }' "$1"
}

# title_of DOT: the graph's label, the view's title.
title_of() {
  gvpr 'BEG_G { printf("%s", $G.label) }' "$1"
}

# check_svg SVG DOT PREFIX WHAT: the structure described above.
check_svg() {
  svg=$1 dot=$2 prefix=$3 what=$4
  if ! xmllint --nonet --noout "$svg"; then
    fail "$what: the SVG is not well-formed XML"
    return
  fi
  counts=$(gvpr 'BEG_G{printf("%d %d", nNodes($G), nEdges($G))}' "$dot")
  nodes=${counts% *} edges=${counts#* }
  g="//*[local-name()='g']"
  a="*[local-name()='a']"
  href="@*[local-name()='href']"
  tip="@*[local-name()='title']"
  got_nodes=$(xcount "$svg" "count($g[@class='node'])")
  got_edges=$(xcount "$svg" "count($g[@class='edge'])")
  titled=$(xcount "$svg" "count($g[@class='node'][*[local-name()='title'] != ''])")
  node_tips=$(xcount "$svg" "count($g[@class='node'][.//$a[$tip != '']])")
  edge_links=$(xcount "$svg" "count($g[@class='edge'][.//$a[$tip != '' and $href != '']])")
  links=$(xcount "$svg" "count(//$a[$href])")
  good=$(xcount "$svg" "count(//$a[starts-with($href, '$prefix')])")
  [ "$got_nodes" = "$nodes" ] || fail "$what: $got_nodes node groups, the DOT has $nodes nodes"
  [ "$got_edges" = "$edges" ] || fail "$what: $got_edges edge groups, the DOT has $edges edges"
  [ "$titled" = "$nodes" ] || fail "$what: $titled of $nodes nodes have a <title>"
  [ "$node_tips" = "$nodes" ] || fail "$what: $node_tips of $nodes nodes have a tooltip"
  [ "$edge_links" = "$edges" ] || fail "$what: $edge_links of $edges edges have a tooltip and a link"
  [ "$links" = "$good" ] || fail "$what: $links links, $good of them to $prefix"
  [ "$status" = 0 ] && echo "ok: $what: $nodes nodes, $edges edges, $links links to $prefix"
}

# case_line CASE: the case's arguments, as one line.
case_line() {
  line=$(grep "^$1	" "$views/cases") && echo "${line#*	}"
}

# The link prefix of a command line: --link-base's value, or the base.
prefix_of() {
  p=$base
  while [ $# -gt 0 ]; do
    [ "$1" = --link-base ] && [ $# -gt 1 ] && p=$2
    shift
  done
  echo "$p"
}

t_golden() {
  name=$1
  args=$(case_line "$name") || {
    echo "FAIL: no case $name in $views/cases"
    exit 1
  }
  # shellcheck disable=SC2086 # the case's words and globs, by design
  set -- $args
  draw "$tmp/actual.dot" dot "$@" || exit 1
  expected=$views/golden/$name.dot
  if [ -f "$expected" ] && cmp -s "$expected" "$tmp/actual.dot"; then
    echo "ok: $expected"
    exit 0
  fi
  if [ "${SCKG_UPDATE_GOLDEN:-0}" = 1 ]; then
    mkdir -p "$views/golden"
    cp "$tmp/actual.dot" "$expected.new" && mv "$expected.new" "$expected" || exit 1
    echo "updated: $expected (review with git diff)"
    exit 0
  fi
  if [ ! -f "$expected" ]; then
    echo "FAIL: $expected is missing; make it with: SCKG_UPDATE_GOLDEN=1 ctest -R views.golden"
    exit 1
  fi
  echo "FAIL: sckg dot $* differs from $expected:"
  diff -u --label "$expected" --label "sckg dot (actual)" "$expected" "$tmp/actual.dot" | head -n 200
  echo "(if the change is intended: SCKG_UPDATE_GOLDEN=1 ctest -R views.golden, then review git diff)"
  exit 1
}

t_svg() {
  name=$1
  args=$(case_line "$name") || {
    echo "FAIL: no case $name in $views/cases"
    exit 1
  }
  # shellcheck disable=SC2086
  set -- $args
  draw "$tmp/view.dot" dot "$@" || exit 1
  draw "$tmp/view.svg" svg "$@" || exit 1
  check_svg "$tmp/view.svg" "$tmp/view.dot" "$(prefix_of "$@")" "$name"
  exit "$status"
}

t_layout() {
  engine=$1
  for args in "--view statement" "--view all tests/views/articles/*.txt"; do
    # shellcheck disable=SC2086
    draw "$tmp/view.dot" dot --layout "$engine" $args || continue
    # shellcheck disable=SC2086
    draw "$tmp/view.svg" -T svg --layout "$engine" $args || continue
    if [ "$engine" != dot ] && ! grep -q "layout=$engine" "$tmp/view.dot"; then
      fail "--layout $engine $args: the DOT does not name the engine"
    fi
    check_svg "$tmp/view.svg" "$tmp/view.dot" "$base" "--layout $engine $args"
  done
  exit "$status"
}

t_formats() {
  for f in svg png dot; do
    draw "$tmp/cmd.$f" "$f" --view statement || continue
    draw "$tmp/opt.$f" -T "$f" --view statement || continue
    cmp -s "$tmp/cmd.$f" "$tmp/opt.$f" || fail "-T $f differs from the command $f"
  done
  draw "$tmp/opt.pdf" -Tpdf --view actor:Q423 --depth 2 corpus/ap-2023-04-07.txt &&
    [ "$(head -c 5 "$tmp/opt.pdf")" = "%PDF-" ] || fail "-Tpdf: not a PDF"
  [ "$(od -An -tx1 -N8 "$tmp/opt.png" | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "-T png: not a PNG"
  # -T before the files: the first word is a file, not a command
  draw "$tmp/file.dot" -T dot --view article:ap-2023-04-07 corpus/ap-2023-04-07.txt ||
    true
  grep -q '^digraph article' "$tmp/file.dot" || fail "-T dot FILE: no article view"
  [ "$status" = 0 ] && echo "ok: -T svg, png, pdf and dot"
  exit "$status"
}

# The actor slugs of the graph of the given files, from its N-Triples.
actor_slugs() {
  "$sckg" nt "$@" |
    sed -n 's|^<[^>]*/actor/\([^>]*\)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/sckg/ns#Actor> \.$|\1|p' |
    LC_ALL=C sort -u
}

# The article identifiers and event types of the graph.
article_ids() {
  "$sckg" nt "$@" |
    sed -n 's|^<[^>]*> <http://purl.org/dc/terms/identifier> "\(.*\)" \.$|\1|p' |
    LC_ALL=C sort -u
}
event_types() {
  "$sckg" nt "$@" |
    sed -n 's|^<[^>]*> <https://w3id.org/sckg/ns#eventType> <https://w3id.org/sckg/ns#\([A-Za-z]*\)> \.$|\1|p' |
    LC_ALL=C sort -u
}

# sweep FILE...: every view of the graph, as DOT and SVG. Also run by hand
# on other folders of articles (see README, "Diagrams").
t_sweep() {
  actors=$(actor_slugs "$@") || exit 1
  articles=$(article_ids "$@")
  types=$(event_types "$@")
  [ -n "$actors" ] || fail "the graph has no actors"
  list="statement all type:cyber type:sanctions type:military"
  for a in $actors; do list="$list actor:$a"; done
  for a in $articles; do list="$list article:$a"; done
  for t in $types; do list="$list type:$t"; done
  n=0
  for view in $list; do
    n=$((n + 1))
    draw "$tmp/view.dot" dot --view "$view" "$@" || continue
    draw "$tmp/view.svg" svg --view "$view" "$@" || continue
    check_svg "$tmp/view.svg" "$tmp/view.dot" "$base" "$view" >/dev/null
  done
  draw "$tmp/view.dot" dot --view actor:north-korea --depth 3 "$@" &&
    draw "$tmp/view.svg" svg --view actor:north-korea --depth 3 "$@" &&
    check_svg "$tmp/view.svg" "$tmp/view.dot" "$base" "actor:north-korea, depth 3" >/dev/null
  [ "$status" = 0 ] && echo "ok: $n views and a depth-3 one of ${*:-the seeds}, DOT and SVG"
  exit "$status"
}

t_big() {
  "$views/gen-articles.sh" 200 "$tmp/in" || exit 1
  start=$(date +%s)
  draw "$tmp/all.svg" svg --view all "$tmp"/in/*.txt || exit 1
  took=$(($(date +%s) - start))
  draw "$tmp/all.dot" dot --view all "$tmp"/in/*.txt || exit 1
  grep -q 'layout=sfdp' "$tmp/all.dot" || fail "200 articles not laid out with sfdp"
  # Their 1,046 actors and events pass the all view's cap of 1,000
  # (graph/view/view.h): a summary of the most reported, which says so.
  shown=$(drawn_nodes "$tmp/all.dot")
  [ "$shown" -le 1000 ] || fail "the all view of 200 articles draws $shown nodes, past the cap of 1,000"
  label=$(title_of "$tmp/all.dot")
  case $label in
  'All actors and events (200 articles)\lShowing the '*' most reported of '*' events and '*' actors: too many to draw; use --view type:, actor: or article: for the rest\l') ;;
  *) fail "the all view of 200 articles does not say it is a summary: $label" ;;
  esac
  xmllint --nonet --xpath "//*[local-name()='text'][starts-with(., 'Showing the ')]" "$tmp/all.svg" >/dev/null 2>&1 ||
    fail "the SVG does not show the summary's title"
  check_svg "$tmp/all.svg" "$tmp/all.dot" "$base" "all of 200 generated articles"
  # No time limit here beyond the ctest TIMEOUT: speed is measured in
  # bench/ (bench/layout.sh), never asserted in a test (sanitizer builds
  # are 50 times slower).
  echo "200 articles: SVG in about $took s"
  # The DOT is byte-identical on a second run and with the inputs reversed.
  draw "$tmp/again.dot" dot --view all "$tmp"/in/*.txt &&
    cmp -s "$tmp/all.dot" "$tmp/again.dot" || fail "DOT differs between two runs"
  # shellcheck disable=SC2046 # file names without spaces
  draw "$tmp/reversed.dot" dot --view all $(ls "$tmp"/in/*.txt | sort -r) &&
    cmp -s "$tmp/all.dot" "$tmp/reversed.dot" || fail "DOT depends on the input order"
  [ "$status" = 0 ] && echo "ok: DOT deterministic across runs and input order"
  # Every view has the cap: North Korea three steps out holds nearly all
  # of the 200 articles; its summary keeps North Korea and says so.
  deep="--view actor:north-korea --depth 3"
  # shellcheck disable=SC2086 # $deep: words without spaces
  draw "$tmp/deep.dot" dot $deep "$tmp"/in/*.txt || exit 1
  shown=$(drawn_nodes "$tmp/deep.dot")
  [ "$shown" -le 1000 ] || fail "actor:north-korea --depth 3 of 200 articles draws $shown nodes, past the cap of 1,000"
  label=$(title_of "$tmp/deep.dot")
  case $label in
  'North Korea (Wikidata Q423): its events and theirs, 3 steps out\lShowing the '*' most reported of '*' events and '*' actors: too many to draw; use a lower --depth, or --view article: or type: for the rest\l') ;;
  *) fail "actor:north-korea --depth 3 of 200 articles does not say it is a summary: $label" ;;
  esac
  gvpr 'N [name == "a_north_korea" && penwidth == "3"] { printf("focus\n"); }' "$tmp/deep.dot" | grep -q focus ||
    fail "the summary of actor:north-korea --depth 3 lost North Korea"
  # shellcheck disable=SC2086
  draw "$tmp/deep.svg" svg $deep "$tmp"/in/*.txt &&
    check_svg "$tmp/deep.svg" "$tmp/deep.dot" "$base" "actor:north-korea --depth 3 of 200 generated articles"
  # shellcheck disable=SC2046,SC2086
  draw "$tmp/deep-reversed.dot" dot $deep $(ls "$tmp"/in/*.txt | sort -r) &&
    cmp -s "$tmp/deep.dot" "$tmp/deep-reversed.dot" || fail "the capped actor view depends on the input order"
  [ "$status" = 0 ] && echo "ok: a capped actor view, deterministic and well-formed"
  exit "$status"
}

# chromium: Debian's `chromium`, headless, draws statement.svg. The page
# must parse as SVG (its DOM has <svg> and no parser error) and the
# screenshot must not be blank: a PNG of the window size, much larger than
# the screenshot of an empty white SVG (blank pages compress to almost
# nothing). A missing browser fails the test: it is in the README's set-up.
t_chromium() {
  browser=$(command -v chromium || command -v chromium-browser) || {
    echo "FAIL: chromium is missing: apt-get install chromium (see README, Quick start)"
    exit 1
  }
  draw "$tmp/statement.svg" svg --view statement || exit 1
  printf '%s\n' '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1600"><rect width="100%" height="100%" fill="white"/></svg>' >"$tmp/blank.svg"
  # run_browser WHAT ARGS...: one headless run, its own profile, bounded
  run_browser() {
    what=$1
    shift
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    timeout -k 5 "$limit" "$browser" --headless --no-sandbox --disable-gpu \
      --disable-background-networking --disable-component-update \
      --disable-sync --no-first-run --hide-scrollbars \
      --user-data-dir="$profile" "$@" >"$tmp/$what.out" 2>"$tmp/$what.err"
    rc=$?
    [ "$rc" -eq 0 ] || {
      fail "chromium ($what) exited $rc"
      tail -n 5 "$tmp/$what.err"
    }
    return "$rc"
  }
  run_browser dom --dump-dom "file://$tmp/statement.svg" &&
    { grep -q '<svg' "$tmp/dom.out" || fail "chromium's DOM of statement.svg has no <svg>"; } &&
    { ! grep -q 'parsererror' "$tmp/dom.out" || fail "chromium could not parse statement.svg"; }
  run_browser shot --window-size=1200,1600 --screenshot="$tmp/statement.png" \
    "file://$tmp/statement.svg"
  run_browser blank --window-size=1200,1600 --screenshot="$tmp/blank.png" \
    "file://$tmp/blank.svg"
  for png in statement blank; do
    [ -s "$tmp/$png.png" ] || {
      fail "chromium wrote no $png.png"
      exit 1
    }
  done
  header=$(od -An -tx1 -N24 "$tmp/statement.png" | tr -d ' \n')
  case $header in
  89504e470d0a1a0a????????49484452000004b000000640) ;; # PNG, IHDR 1200 x 1600
  *) fail "the screenshot is not a 1200x1600 PNG: $header" ;;
  esac
  shot=$(wc -c <"$tmp/statement.png") blank=$(wc -c <"$tmp/blank.png")
  if [ "$shot" -lt 20000 ] || [ "$shot" -lt $((blank * 5)) ]; then
    fail "the screenshot looks blank: $shot bytes, an empty page $blank"
  fi
  [ "$status" = 0 ] && echo "ok: chromium drew statement.svg: $shot bytes of PNG (an empty page: $blank)"
  exit "$status"
}

case $mode in
golden | svg | layout | formats | sweep | big | chromium) "t_$mode" "$@" ;;
*)
  echo "usage: run.sh golden|svg|layout|formats|sweep|big|chromium SCKG SRC [ARGS]"
  exit 2
  ;;
esac
