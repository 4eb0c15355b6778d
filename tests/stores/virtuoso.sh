#!/bin/sh
# SPDX-License-Identifier: MIT
# sckg's output in a real triple store: a private OpenLink Virtuoso 7
# (Debian virtuoso-opensource) on loopback ports, in a temporary folder with
# its own virtuoso.ini, always stopped at the end.
#
#   virtuoso.sh queries SCKG SRCDIR   bulk-loads `sckg nt` (the two built-in
#                                     articles) and schema/sckg.rdf, runs every
#                                     tests/stores/queries/NAME.rq and compares
#                                     the normalised answer with
#                                     tests/stores/expected/NAME.tsv; runs the
#                                     checks of tests/stores/checks/*.rq, which
#                                     must answer no row
#   virtuoso.sh shards SCKG SRCDIR    loads the two articles built as two
#                                     separate runs (the Reuters one with
#                                     --date 2023-04-07) into one graph, the
#                                     one run over both (same --date) into
#                                     another: both hold the same event nodes
#
# SCKG_UPDATE_GOLDEN=1 rewrites the expected files that differ (review them
# with git diff). The answers are normalised by tests/stores/rdf-tool.mjs
# (rows sorted, literals as their lexical form) and so are comparable with
# other stores' (stores.queries.oxigraph checks the same files).
#
# Bounded: the server runs under `timeout -k 5 $SCKG_VIRTUOSO_LIMIT` (default
# 200 s, below the test's TIMEOUT), and the EXIT trap shuts it down, then
# kills it, whatever happened.
set -u

mode=$1 sckg=$2 src=$3
here=$(cd "$(dirname "$0")" && pwd)
cd "$src" || exit 1
src=$(pwd)
limit=${SCKG_VIRTUOSO_LIMIT:-200}
install='apt-get install -y virtuoso-opensource curl'

fail() {
  echo "FAIL: $*"
  exit 1
}
for tool in virtuoso-t isql-vt curl timeout; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: $install"
done
command -v node >/dev/null 2>&1 ||
  fail "node is missing: install Node.js with npm (Debian: apt-get install -y nodejs npm)"

t0=$(date +%s)
elapsed() { echo $(($(date +%s) - t0)); }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sckg-virtuoso.XXXXXX") || exit 1
pid=
stop_server() {
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    timeout 10 isql-vt "127.0.0.1:$sqlport" dba dba exec="shutdown;" >/dev/null 2>&1
    i=0
    while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 50 ]; do
      sleep 0.2
      i=$((i + 1))
    done
    # Not gone after 10 s: timeout(1) passes TERM on, and KILLs 5 s later.
    kill -TERM "$pid" 2>/dev/null
    i=0
    while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 50 ]; do
      sleep 0.2
      i=$((i + 1))
    done
    kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null
  pid=
  echo "server stopped at $(elapsed) s"
}
cleanup() {
  stop_server
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# ---- Start ---------------------------------------------------------------------------
mkdir -p "$tmp/db" "$tmp/data" || exit 1

write_ini() {
  cat >"$tmp/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $tmp/db/virtuoso.db
ErrorLogFile       = $tmp/db/virtuoso.log
LockFile           = $tmp/db/virtuoso.lck
TransactionFile    = $tmp/db/virtuoso.trx
xa_persistent_file = $tmp/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $tmp/db/virtuoso-temp.db
TransactionFile    = $tmp/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$sqlport
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 4
CheckpointInterval   = 0
O_DIRECT             = 0
CaseMode             = 2
DirsAllowed          = ., $tmp/data
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
ThreadsPerQuery      = 2
AsyncQueueMaxThreads = 2

[HTTPServer]
ServerPort           = 127.0.0.1:$httpport
ServerRoot           = $tmp/db
MaxClientConnections = 4
ServerThreads        = 4
EnabledDavVSP        = 0
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows      = 100000
MaxQueryExecutionTime = 60
EOF
}

port_free() {
  ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/" 2>/dev/null &&
    ! timeout 2 isql-vt "127.0.0.1:$1" dba dba exec="select 1;" >/dev/null 2>&1
}

# Ports derived from the process id, moved on if taken or if the server does
# not come up (another test may hold them).
attempt=0
seed=$(($$ % 2000))
while :; do
  attempt=$((attempt + 1))
  [ "$attempt" -le 4 ] || fail "Virtuoso did not start on 4 pairs of ports"
  sqlport=$((41000 + (seed + attempt * 277) % 2000 * 2))
  httpport=$((sqlport + 1))
  port_free "$sqlport" && port_free "$httpport" || continue
  rm -rf "$tmp/db" && mkdir -p "$tmp/db" || exit 1
  write_ini
  timeout -k 5 "$limit" virtuoso-t +foreground +configfile "$tmp/virtuoso.ini" \
    >"$tmp/server.out" 2>&1 &
  pid=$!
  up=0
  i=0
  while [ "$i" -lt 150 ]; do
    kill -0 "$pid" 2>/dev/null || break
    if isql-vt "127.0.0.1:$sqlport" dba dba exec="select 1;" >/dev/null 2>&1 &&
      curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$httpport/sparql?query=ASK%7B%7D"; then
      up=1
      break
    fi
    sleep 0.2
    i=$((i + 1))
  done
  [ "$up" = 1 ] && break
  echo "note: Virtuoso did not come up on ports $sqlport/$httpport:"
  tail -n 5 "$tmp/db/virtuoso.log" 2>/dev/null
  stop_server
done
echo "Virtuoso $(virtuoso-t -? 2>&1 | sed -n 's/^Version \([^ ]*\).*/\1/p' | head -n 1) up on 127.0.0.1:$sqlport (SQL) and :$httpport (HTTP) after $(elapsed) s"

isql() {
  timeout 60 isql-vt "127.0.0.1:$sqlport" dba dba "$@"
}

# load GRAPH FILE...: bulk-load files of $tmp/data (ld_dir + rdf_loader_run)
# into GRAPH; every file must load without an error.
load() {
  graph=$1
  shift
  for f in "$@"; do
    isql exec="ld_dir('$tmp/data', '$f', '$graph');" >"$tmp/isql.out" 2>&1 ||
      {
        cat "$tmp/isql.out"
        fail "ld_dir $f failed"
      }
  done
}
run_loader() {
  isql exec="rdf_loader_run(); checkpoint;" >"$tmp/isql.out" 2>&1 || {
    cat "$tmp/isql.out"
    fail "rdf_loader_run failed"
  }
  isql exec="select ll_file, ll_state, ll_error from DB.DBA.load_list where ll_state <> 2 or ll_error is not null;" \
    >"$tmp/isql.out" 2>&1
  if ! grep -q '^0 Rows\.' "$tmp/isql.out"; then
    echo "FAIL: Virtuoso's bulk loader reports errors:"
    cat "$tmp/isql.out"
    exit 1
  fi
}

# sparql FILE: the query's answer over HTTP, normalised.
sparql() {
  curl -s -S --max-time 60 -f -H 'Accept: application/sparql-results+json' \
    --data-urlencode "query@$1" "http://127.0.0.1:$httpport/sparql" >"$tmp/answer.json" ||
    {
      echo "FAIL: Virtuoso refused the query $1:"
      curl -s --max-time 60 --data-urlencode "query@$1" "http://127.0.0.1:$httpport/sparql" | head -n 20
      return 1
    }
  node "$here/rdf-tool.mjs" normalise <"$tmp/answer.json"
}

count_graph() {
  printf 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?s ?p ?o } }\n' "$1" >"$tmp/count.rq"
  sparql "$tmp/count.rq" | sed -n 2p
}

sckg_nt() {
  out=$1
  shift
  "$sckg" nt "$@" >"$tmp/data/$out" 2>"$tmp/sckg.err" || {
    cat "$tmp/sckg.err"
    fail "sckg nt $* exited $?"
  }
}

# ---- queries ------------------------------------------------------------------------
queries() {
  sckg_nt seeds.nt
  cp schema/sckg.rdf "$tmp/data/sckg.rdf" || exit 1
  load urn:sckg:seeds seeds.nt
  load https://w3id.org/sckg/ns sckg.rdf
  run_loader
  n_nt=$(LC_ALL=C sort -u "$tmp/data/seeds.nt" | grep -c .)
  n_store=$(count_graph urn:sckg:seeds)
  n_onto=$(count_graph https://w3id.org/sckg/ns)
  echo "loaded at $(elapsed) s: $n_store triples from sckg nt ($n_nt distinct lines), $n_onto from schema/sckg.rdf"
  status=0
  if [ "$n_store" != "$n_nt" ]; then
    echo "FAIL: the store holds $n_store triples of sckg's $n_nt"
    status=1
  fi
  [ "${n_onto:-0}" -gt 0 ] || {
    echo "FAIL: the ontology did not load"
    status=1
  }

  nq=0
  for rq in "$here"/queries/*.rq; do
    name=$(basename "$rq" .rq)
    nq=$((nq + 1))
    expected=$here/expected/$name.tsv
    sparql "$rq" >"$tmp/$name.tsv" || {
      status=1
      continue
    }
    rows=$(($(wc -l <"$tmp/$name.tsv") - 1))
    if [ -f "$expected" ] && cmp -s "$expected" "$tmp/$name.tsv"; then
      echo "ok: $name: $rows rows as expected"
    elif [ "${SCKG_UPDATE_GOLDEN:-0}" = 1 ]; then
      mkdir -p "$here/expected" && cp "$tmp/$name.tsv" "$expected.new" && mv "$expected.new" "$expected" || exit 1
      echo "updated: $expected ($rows rows; review with git diff)"
    elif [ ! -f "$expected" ]; then
      echo "FAIL: $expected is missing; make it with SCKG_UPDATE_GOLDEN=1 ctest -R stores.virtuoso.queries"
      status=1
    else
      echo "FAIL: $name: Virtuoso's answer differs from $expected:"
      diff -u --label "$expected" --label "Virtuoso's answer" "$expected" "$tmp/$name.tsv" | head -n 60
      status=1
    fi
  done
  [ "$nq" -gt 0 ] || fail "no query in $here/queries"

  # The README's example and the answer it shows.
  if sh "$here/readme.sh" "$src/README.md" "$tmp"; then
    if sparql "$tmp/readme-example.rq" >"$tmp/readme-answer.tsv" &&
      cmp -s "$tmp/readme-example.tsv" "$tmp/readme-answer.tsv"; then
      echo "ok: the README's example query answers what the README shows"
    else
      echo "FAIL: the README's example query (README.md, Loading into a triple store) answers otherwise:"
      diff -u --label "README.md" --label "Virtuoso's answer" "$tmp/readme-example.tsv" "$tmp/readme-answer.tsv" | head -n 30
      status=1
    fi
  else
    status=1
  fi

  for rq in "$here"/checks/*.rq; do
    name=$(basename "$rq" .rq)
    sparql "$rq" >"$tmp/$name.tsv" || {
      status=1
      continue
    }
    if [ "$(wc -l <"$tmp/$name.tsv")" -eq 1 ]; then
      echo "ok: check $name: no row"
    else
      echo "FAIL: check $name ($rq) answers rows:"
      head -n 20 "$tmp/$name.tsv"
      status=1
    fi
  done
  echo "$nq queries answered at $(elapsed) s"
  return "$status"
}

# ---- shards -------------------------------------------------------------------------
shards() {
  sckg_nt ap.nt corpus/ap-2023-04-07.txt
  sckg_nt reuters.nt --date 2023-04-07 corpus/reuters-2023-04-07.txt
  sckg_nt one-run.nt --date 2023-04-07 corpus/ap-2023-04-07.txt corpus/reuters-2023-04-07.txt
  load urn:sckg:shards ap.nt reuters.nt
  load urn:sckg:one-run one-run.nt
  run_loader
  echo "loaded at $(elapsed) s: $(count_graph urn:sckg:shards) triples from the two shards, $(count_graph urn:sckg:one-run) from the one run"

  # The event nodes of each graph, and what identifies an event (its type,
  # agents, targets and date, from which its IRI is made).
  for g in shards one-run; do
    cat >"$tmp/events-$g.rq" <<EOF
PREFIX sckg: <https://w3id.org/sckg/ns#>
SELECT ?event WHERE { GRAPH <urn:sckg:$g> { ?event a sckg:Event } }
EOF
    cat >"$tmp/identity-$g.rq" <<EOF
PREFIX sckg: <https://w3id.org/sckg/ns#>
SELECT ?event ?p ?o WHERE {
  GRAPH <urn:sckg:$g> {
    ?event a sckg:Event ; ?p ?o .
    FILTER (?p IN (sckg:eventType, sckg:agent, sckg:target, sckg:date))
  }
}
EOF
    sparql "$tmp/events-$g.rq" >"$tmp/events-$g.tsv" || exit 1
    sparql "$tmp/identity-$g.rq" >"$tmp/identity-$g.tsv" || exit 1
  done
  status=0
  n=$(($(wc -l <"$tmp/events-one-run.tsv") - 1))
  if cmp -s "$tmp/events-shards.tsv" "$tmp/events-one-run.tsv"; then
    echo "ok: the same $n event nodes from two shards as from one run"
  else
    echo "FAIL: the two shards and the one run give different event nodes:"
    diff --label "two shards (ap; reuters --date 2023-04-07)" --label "one run (--date 2023-04-07)" \
      -u "$tmp/events-shards.tsv" "$tmp/events-one-run.tsv" | sed -n '3,$p' | grep '^[-+]'
    # What the differing events are, where they were read, and which event of
    # the one run, of the same type, holds the same sentence as evidence.
    diff "$tmp/events-shards.tsv" "$tmp/events-one-run.tsv" | sed -n 's/^[<>] <\(.*\)>$/\1/p' >"$tmp/differ"
    while IFS= read -r iri; do
      echo "  <$iri>:"
      for f in ap.nt reuters.nt one-run.nt; do
        grep -F "<$iri> " "$tmp/data/$f" |
          grep -e '#date>' -e '#evidence>' -e 'rdf-schema#label>' | sed "s|^|    in $f: |"
      done
      type=$(cat "$tmp/data/ap.nt" "$tmp/data/reuters.nt" | grep -F "<$iri> <https://w3id.org/sckg/ns#eventType> " |
        cut -d' ' -f3 | head -n 1)
      grep -hF "<$iri> <https://w3id.org/sckg/ns#evidence> " "$tmp/data/ap.nt" "$tmp/data/reuters.nt" |
        sed 's/.*#evidence> \(<[^>]*>\) \.$/\1/' | sort -u |
        while IFS= read -r sentence; do
          grep -F "<https://w3id.org/sckg/ns#evidence> $sentence ." "$tmp/data/one-run.nt" |
            cut -d' ' -f1 | sort -u | while IFS= read -r other; do
              [ "$other" = "<$iri>" ] && continue
              grep -qF "$other <https://w3id.org/sckg/ns#eventType> $type ." "$tmp/data/one-run.nt" || continue
              echo "    the one run reads $sentence into $other: $(grep -F "$other <http://www.w3.org/2000/01/rdf-schema#label> " "$tmp/data/one-run.nt" | cut -d' ' -f3-)"
            done
        done
    done <"$tmp/differ"
    status=1
  fi
  if cmp -s "$tmp/identity-shards.tsv" "$tmp/identity-one-run.tsv"; then
    echo "ok: the events have the same types, agents, targets and dates"
  else
    echo "FAIL: the events' types, agents, targets or dates differ:"
    diff -u --label "two shards" --label "one run" "$tmp/identity-shards.tsv" "$tmp/identity-one-run.tsv" |
      sed -n '3,$p' | grep '^[-+]' | head -n 40
    status=1
  fi
  return "$status"
}

case $mode in
queries) queries ;;
shards) shards ;;
*) fail "usage: virtuoso.sh queries|shards SCKG SRCDIR" ;;
esac
status=$?
stop_server
echo "total: $(elapsed) s"
exit "$status"
