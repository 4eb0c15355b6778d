#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# bench/run.sh: the sckg benchmark (issues 7 and 19) in one command. Builds
# sckg in Release, generates the corpora with bench/gen.py, runs sckg and
# its baselines side by side and prints every target's row with its verdict
# as a table. See bench/README.md for what each row measures.
#
#   bench/run.sh                  full sizes: 200 MB, 1 GB, 50 and 500 MB
#   SCALE=0.1 bench/run.sh        every corpus 10 times smaller, a quick look
#
# Environment:
#   SCALE           factor on every corpus size (default 1; the 200-article
#                   SVG corpus and the start-up article are never scaled)
#   TIMEOUT         seconds one sckg or rapper run may take (default 900);
#                   a run that takes longer is stopped and its row says so
#   REPEAT          runs of each timed command, the fastest kept (default 1)
#   CLOCK           cpu (default): a run's time is its CPU time, user +
#                   system, which a load on the machine changes little;
#                   wall: elapsed time. The -j and start-up rows always use
#                   wall-clock time.
#   SCKG_BUILD_DIR  an existing build folder holding sckg, used instead of
#                   building bench/build
#   BENCH_DATA      scratch folder for corpora and outputs (default
#                   bench/data, git-ignored); corpora are kept for the next
#                   run and regenerated when gen.py or schema/ change
#   SEED            gen.py seed (default: gen.py's)
#   DEV_DIR         the real articles, repeated to the main corpus's size
#                   for the r rows (default: ../shared/eval/dev next to the
#                   repository); absent, those rows say n/a
#   STARTUP_RUNS    runs of the start-up row (default 40)
#
# A feature sckg does not have yet (--stream, -j N, JSON Lines input,
# folders as inputs, Turtle) is detected from `sckg --help` and a probe
# run; its row prints "n/a: ..." and the script goes on.

set -uo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
SCALE=${SCALE:-1}
TIMEOUT=${TIMEOUT:-900}
REPEAT=${REPEAT:-1}
CLOCK=${CLOCK:-cpu}
DATA=${BENCH_DATA:-$here/data}
DEV_DIR=${DEV_DIR:-$root/../shared/eval/dev}
[ -d "$DEV_DIR" ] && DEV_DIR=$(cd "$DEV_DIR" && pwd)
STARTUP_RUNS=${STARTUP_RUNS:-40}
# The pinned word list of the bound: a709f11's names and triggers, made by
# bench/dict.sh (see bench/README.md), not the schema of the day.
DICT=$here/dict-a709f11.txt
# Targets of issue 19. REAL_TARGET, the ratio sckg / bound on real text
# (row r), is set from the profiles of both corpora (bench/README.md, "The
# real-text target"): 2 x (1 - a_gen) / (1 - a_real), a the share of the
# sentence analysis (grammar, frames) that the bound has no part for; the
# profiles of run 14 give 2.27, kept as 2.25.
BOUND_TARGET=2
REAL_TARGET=2.25
STARTUP_TARGET_MS=25
WRITER_TARGET=1.5
SEED_ARGS=()
[ -n "${SEED:-}" ] && SEED_ARGS=(--seed "$SEED")
start_s=$(date +%s)

# shellcheck source=bench/common.sh
. "$here/common.sh"
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
# SCALE times $1 megabytes, as a number gen.py takes
scaled() { awk -v s="$SCALE" -v m="$1" 'BEGIN { printf "%g", m * s }'; }

check_scale
case $TIMEOUT in '' | *[!0-9]*) die "TIMEOUT must be whole seconds" ;; esac
case $REPEAT in '' | *[!0-9]* | 0) die "REPEAT must be 1 or more" ;; esac
case $CLOCK in cpu | wall) ;; *) die "CLOCK must be cpu or wall" ;; esac
case $STARTUP_RUNS in '' | *[!0-9]* | 0) die "STARTUP_RUNS must be 1 or more" ;; esac
[ -s "$DICT" ] || die "$DICT is missing (bench/dict.sh makes it)"
for tool in python3 cmake grep rapper taskset timeout awk cat; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time)"
mkdir -p "$DATA/out" || die "cannot create $DATA"

# --- build -----------------------------------------------------------------
build_sckg "$here/build" Release -DCMAKE_BUILD_TYPE=Release
SCKG=$build/sckg
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" \
  2>/dev/null)

# --- the machine -------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$root" status --porcelain -- graph include schema \
  CMakeLists.txt 2>/dev/null | head -n 1)
echo "# sckg benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "machine: $(nproc) CPUs ($cpu), $ram RAM, $(uname -sr)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# A guest that reports its freed memory to the host pays again for every
# page it writes after that: on one host, cat of 4.5 GB into a file took
# 15 s instead of 2 (README, runs 18 to 20). Say which kind of run this is.
reporting=/sys/module/page_reporting/parameters/page_reporting_order
if [ -r "$reporting" ]; then
  echo "free page reporting to the host: page_reporting_order=$(cat "$reporting") (above the kernel's largest order, 10 on x86-64: nothing is reported)"
fi
echo "sckg: $("$SCKG" --version 2>&1 | head -n 1), commit $commit${dirty:+ with uncommitted changes}, build type ${build_type:-unknown}, $build/sckg"
echo "baselines: $(grep --version | head -n 1), rapper $(rapper --version 2>&1 | head -n 1)"
echo "settings: SCALE=$SCALE TIMEOUT=${TIMEOUT}s REPEAT=$REPEAT CLOCK=$CLOCK; MB = 10^6 bytes; times in seconds of $([ "$CLOCK" = cpu ] && echo "CPU time (user + system)" || echo "wall-clock time"), except -j and start-up (wall-clock)"
[ "$build_type" = Release ] ||
  echo "warning: sckg is not a Release build: the figures are not comparable"
echo

# --- what this sckg can do ---------------------------------------------------
help=$("$SCKG" --help 2>&1)
has() { grep -qE -- "$1" <<<"$help"; }
HAS_STREAM=0
has '(^|[^-[:alnum:]])--stream([^-[:alnum:]]|$)' && HAS_STREAM=1
HAS_TTL=0
has '^  ttl ' && HAS_TTL=1
JOBS_OPT=
if has '(^|[[:space:],])-j([[:space:],=]|N|$)'; then JOBS_OPT=-j
elif has '(^|[^-[:alnum:]])--jobs([^-[:alnum:]]|$)'; then JOBS_OPT=--jobs
fi

probe=$DATA/probe
rm -rf "$probe"
mkdir -p "$probe" || die "cannot create $probe"
if ! python3 "$here/gen.py" -q -j 1 --articles 3 --dir "$probe/dir" ||
  ! python3 "$here/gen.py" -q -j 1 --articles 3 --jsonl "$probe/p.jsonl"; then
  die "gen.py failed"
fi
articles_in() { grep -c 'w3id.org/sckg/ns#Article> \.$' "$1" 2>/dev/null; }
# folders as inputs (recursive): sckg nt DIR holds the 3 articles
HAS_DIRS=0
if "$SCKG" nt "$probe/dir" >"$probe/dir.nt" 2>/dev/null &&
  [ "$(articles_in "$probe/dir.nt")" = 3 ]; then
  HAS_DIRS=1
fi
# JSON Lines: the file as it is, or with an option that --help names
HAS_JSONL=0
JSONL_OPTS=()
for opt in "" --jsonl --json-lines --input-format=jsonl \
  $(grep -oE -- '--json[-a-z]*' <<<"$help" | sort -u); do
  args=()
  [ -n "$opt" ] && args=("$opt")
  if "$SCKG" nt "${args[@]}" "$probe/p.jsonl" >"$probe/j.nt" 2>/dev/null &&
    [ "$(articles_in "$probe/j.nt")" = 3 ]; then
    HAS_JSONL=1
    JSONL_OPTS=("${args[@]}")
    break
  fi
done
feat() { [ "$1" = 1 ] && echo yes || echo no; }
echo "sckg features: --stream $(feat $HAS_STREAM), -j N $([ -n "$JOBS_OPT" ] && echo "yes ($JOBS_OPT)" || echo no), JSON Lines input $(feat $HAS_JSONL)${JSONL_OPTS[*]:+ (${JSONL_OPTS[*]})}, folders as inputs $(feat $HAS_DIRS), Turtle $(feat $HAS_TTL)"

# --- corpora -----------------------------------------------------------------
MB_MAIN=$(scaled 200)
MB_SMALL=$(scaled 50)
MB_LARGE=$(scaled 500)
MB_STREAM=$(scaled 1000)
need=$MB_LARGE
[ "$HAS_STREAM" = 1 ] && need=$MB_STREAM
key=$(corpus_key)
# The corpus of the largest size; a smaller corpus is a prefix of it (gen.py
# makes article i from seed and i alone), linked from it in its own folder.
have=$(sed -n 's/^mb=//p' "$DATA/corpus.ok" 2>/dev/null)
if [ "$(sed -n 's/^key=//p' "$DATA/corpus.ok" 2>/dev/null)" = "$key" ] &&
  awk -v h="${have:-0}" -v n="$need" 'BEGIN { exit !(h >= n) }'; then
  say "reusing the corpus of $have MB in $DATA/corpus"
else
  say "generating $need MB of articles into $DATA/corpus"
  rm -rf "$DATA/corpus" "$DATA/corpus.ok" "$DATA"/c-* "$DATA"/*.list
  g0=$(date +%s.%N)
  python3 "$here/gen.py" "${SEED_ARGS[@]}" --mb "$need" \
    --dir "$DATA/corpus" || die "gen.py failed"
  g1=$(date +%s.%N)
  say "generated in $(calc "$g1 - $g0" 1) s"
  printf 'key=%s\nmb=%s\n' "$key" "$need" >"$DATA/corpus.ok"
fi
(cd "$DATA/corpus" && find . -name '*.txt' -printf '%P\t%s\n' | sort) \
  >"$DATA/corpus.sizes" || die "cannot list $DATA/corpus"

# subset NAME MB|-nN: $DATA/c-NAME, the first articles up to MB megabytes
# (gen.py's rule: until the total reaches the size) or the first N
subset() {
  local name=$1 size=$2 dir=$DATA/c-$1
  if [ "$(cat "$dir.spec" 2>/dev/null)" != "$size" ] || [ ! -d "$dir" ]; then
    rm -rf "$dir" "$dir.list" "$dir.spec"
    case $size in
      -n*) head -n "${size#-n}" "$DATA/corpus.sizes" ;;
      *) awk -F'\t' -v lim="$(awk -v m="$size" 'BEGIN { printf "%d", m * 1e6 }')" \
        'tot >= lim { exit } { print; tot += $2 }' "$DATA/corpus.sizes" ;;
    esac >"$dir.tmp"
    mkdir -p "$dir"
    cut -f1 "$dir.tmp" | (cd "$DATA/corpus" && xargs cp -l --parents -t "$dir") ||
      die "cannot link the corpus $name"
    mv "$dir.tmp" "$dir.list"
    echo "$size" >"$dir.spec"
  fi
}
bytes_of() { awk -F'\t' '{ t += $2 } END { printf "%d", t }' "$DATA/c-$1.list"; }
files_of() { wc -l <"$DATA/c-$1.list" | tr -d ' '; }

subset main "$MB_MAIN"
subset small "$MB_SMALL"
subset large "$MB_LARGE"
subset svg -n200
[ "$HAS_STREAM" = 1 ] && subset stream "$MB_STREAM"

# c-real: the real articles of DEV_DIR, each repeated as files of their own
# (bench/repeat.py) until they hold as many bytes as c-main. REAL_WHY says
# why there is none.
REAL_WHY=
if ! compgen -G "$DEV_DIR/*.txt" >/dev/null; then
  REAL_WHY="no articles in DEV_DIR=$DEV_DIR"
else
  dir=$DATA/c-real
  spec="$(cat "$DEV_DIR"/*.txt "$here/repeat.py" | cksum | cut -d' ' -f1) $(bytes_of main)"
  if [ "$(cat "$dir.spec" 2>/dev/null)" != "$spec" ] || [ ! -d "$dir" ]; then
    say "repeating the articles of $DEV_DIR to $(bytes_of main) bytes"
    rm -rf "$dir" "$dir.list" "$dir.spec"
    python3 "$here/repeat.py" --bytes "$(bytes_of main)" "$DEV_DIR" "$dir" ||
      die "repeat.py failed"
    (cd "$dir" && find . -name '*.txt' -printf '%P\t%s\n' | sort) >"$dir.list" ||
      die "cannot list $dir"
    echo "$spec" >"$dir.spec"
  fi
fi

# JSON Lines corpus of the main size (same articles as c-main)
if [ "$HAS_JSONL" = 1 ]; then
  if [ "$(cat "$DATA/main.jsonl.ok" 2>/dev/null)" != "$key $MB_MAIN" ]; then
    say "generating $MB_MAIN MB of JSON Lines"
    python3 "$here/gen.py" "${SEED_ARGS[@]}" --mb "$MB_MAIN" \
      --jsonl "$DATA/main.jsonl" || die "gen.py failed"
    echo "$key $MB_MAIN" >"$DATA/main.jsonl.ok"
  fi
fi

echo "corpora: $(files_of main) articles, $(bytes_of main) bytes (main); $(bytes_of small) and $(bytes_of large) bytes (linearity)$([ "$HAS_STREAM" = 1 ] && echo "; $(bytes_of stream) bytes (stream)"); $(files_of svg) articles (SVG); $([ -z "$REAL_WHY" ] && echo "$(files_of real) articles, $(bytes_of real) bytes (real text: the $(compgen -G "$DEV_DIR/*.txt" | wc -l) of $DEV_DIR repeated)" || echo "no real text: $REAL_WHY"); DICT $(wc -l <"$DICT" | tr -d ' ') strings (${DICT#"$root"/})"
echo

# --- running -----------------------------------------------------------------
# use NAME: the commands that follow read corpus c-NAME, from inside its
# folder: as the folder itself when sckg reads folders, else as the list of
# its files (the same inputs for grep)
use() {
  CWD=$DATA/c-$1
  if [ "$HAS_DIRS" = 1 ]; then
    INPUTS=(.)
    GREP_R=(-r)
  else
    mapfile -t INPUTS < <(cut -f1 "$DATA/c-$1.list")
    GREP_R=()
  fi
}

# timed [--wall] OUT CMD...: runs CMD REPEAT times in $CWD, standard output
# to OUT, stopped after TIMEOUT s of wall-clock time. Sets RC (0, 124 =
# timeout, 126 = argument list too long, else the failure), T (the fastest
# time, s, by CLOCK or wall-clock with --wall; on a timeout, the time when
# stopped) and RSS (its peak resident set, KB).
timed() {
  local clock=$CLOCK
  if [ "$1" = --wall ]; then
    clock=wall
    shift
  fi
  local out=$1 tf=$DATA/time.txt i t e u s m a is_grep=0
  shift
  for a; do [ "$a" = grep ] && is_grep=1; done
  T='' RSS='' RC=0
  for ((i = 0; i < REPEAT; i++)); do
    (cd "$CWD" && { ulimit -s unlimited 2>/dev/null || true; } &&
      exec /usr/bin/time -f 'TIME %e %U %S %M' -o "$tf" \
        timeout "$TIMEOUT" "$@") >"$out" 2>"$DATA/stderr.txt"
    RC=$?
    # grep exits 1 when nothing matched: still a complete run
    [ "$RC" = 1 ] && [ "$is_grep" = 1 ] && RC=0
    e='' u=0 s=0 m=''
    read -r e u s m < <(sed -n 's/^TIME //p' "$tf")
    if [ "$clock" = cpu ]; then t=$(calc "$u + $s"); else t=$e; fi
    if [ "$RC" != 0 ]; then
      grep -q 'Argument list too long' "$DATA/stderr.txt" && RC=126
      if [ "$RC" = 124 ]; then
        T=${t:-$TIMEOUT} RSS=$m
      fi
      return
    fi
    if [ -z "$T" ] || awk -v a="$t" -v b="$T" 'BEGIN { exit !(a < b) }'; then
      T=$t RSS=$m
    fi
  done
}
# why RC failed, as a table cell
failed() {
  case $RC in
    124) echo "timeout: stopped after ${TIMEOUT} s wall-clock, > $T s${RSS:+, RSS $(calc "$RSS / 1024" 0) MB when stopped}" ;;
    126) echo "n/a: argument list too long (sckg reads no folders)" ;;
    *) echo "failed (exit $RC): $(head -c 120 "$DATA/stderr.txt" | tr '\n|' ' /')" ;;
  esac
}
mbps() { calc "$1 / 1e6 / ($2 > 0 ? $2 : 0.01)" 1; }
# fastest T BEST: the smaller of two times, BEST empty at first
fastest() {
  if [ -z "$2" ] || awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; then
    echo "$1"
  else
    echo "$2"
  fi
}
ROWS=()
# row ID MEASUREMENT SCKG BASELINE RATIO TARGET VERDICT
row() {
  local IFS='|'
  ROWS+=("$*")
  printf '%s: %s | sckg %s | baseline %s | ratio %s | target %s | %s\n' \
    "$1" "$2" "$3" "$4" "$5" "$6" "$7" >&2
}
# verdict VALUE OP LIMIT [LIMIT2]: "met" or "NOT met"
verdict() {
  if awk -v v="$1" -v a="$3" -v b="${4:-0}" -v op="$2" 'BEGIN {
      if (op == ">=") exit !(v >= a); if (op == "<=") exit !(v <= a)
      if (op == "<") exit !(v < a); if (op == "in") exit !(v >= a && v <= b) }'; then
    echo met
  else
    echo "NOT met"
  fi
}
OUT=$DATA/out
rm -f "$OUT"/*

# sentences NAME: sets SENTS to the number of sentences sckg reads in
# corpus c-NAME (after use NAME). sckg prints no count, so it is taken from
# the trace that SCKG_DEBUG=1 writes on standard error: one "S: " line per
# sentence read. An article that sckg reads twice (when a later body
# settles a role) prints the same lines twice in a row, and is counted
# once. Not timed; kept in c-NAME.sents for the same sckg and corpus.
sentences() {
  local cache=$DATA/c-$1.sents k
  k="$(cksum <"$SCKG" | cut -d' ' -f1) $key $(cat "$DATA/c-$1.spec")"
  if [ "$(sed -n 1p "$cache" 2>/dev/null)" = "$k" ]; then
    SENTS=$(sed -n 2p "$cache")
    return
  fi
  say "counting the sentences that sckg reads in c-$1 (SCKG_DEBUG=1, not timed)"
  SENTS=$( (cd "$CWD" &&
    SCKG_DEBUG=1 "$SCKG" nt --stream "${INPUTS[@]}" 2>&1 >/dev/null) |
    awk -F': trace: S: ' '
      function flush(  i, h, twice) {
        h = n / 2; twice = n > 0 && n % 2 == 0
        for (i = 1; twice && i <= h; i++) if (s[i] != s[i + h]) twice = 0
        total += twice ? h : n; n = 0
      }
      NF > 1 { if ($1 != file) { flush(); file = $1 } s[++n] = $2 }
      END { flush(); print total + 0 }')
  printf '%s\n%s\n' "$k" "$SENTS" >"$cache"
}

# bound ID NAME WHAT TARGET: the rows of issue 19's bound on corpus c-NAME
# (WHAT describes it), all on CPU 0: ID1 grep -F -o -b -f DICT, ID2 cat of
# the N-Triples that ID3 wrote, ID3 sckg nt --stream, ID the ratio
# ID3 / (ID1 + ID2) against TARGET (empty: stated, no verdict), ID4 the
# sentences read per second of ID3's time. The three commands run in turn,
# REPEAT rounds over, and the fastest of each is kept (as in lin below): the
# host's speed drifts from minute to minute, and a slow spell then lands on
# the bound and on sckg alike instead of on one of them. Sets STREAM_T to
# ID3's time (empty if it failed).
bound() {
  local id=$1 name=$2 what=$3 target=$4 repeat=$REPEAT round b sum r mb
  local g_rc=0 g_t='' s_rc=0 s_t='' c_rc=0 c_t=''
  b=$(bytes_of "$name")
  REPEAT=1
  for ((round = 1; round <= repeat; round++)); do
    use "$name"
    say "($id) grep -F -o -b -f DICT on $what (round $round of $repeat)"
    timed "$OUT/grep.txt" taskset -c 0 grep -F -o -b -f "$DICT" "${GREP_R[@]}" "${INPUTS[@]}"
    rm -f "$OUT/grep.txt"
    if [ "$RC" = 0 ]; then g_t=$(fastest "$T" "$g_t"); else g_rc=$RC; fi
    say "($id) sckg nt --stream on $what (round $round of $repeat)"
    timed "$OUT/stream.nt" taskset -c 0 "$SCKG" nt --stream "${INPUTS[@]}"
    if [ "$RC" != 0 ]; then
      s_rc=$RC s_t=$T
      break
    fi
    s_t=$(fastest "$T" "$s_t")
    mb=$(calc "$(stat -c %s "$OUT/stream.nt") / 1e6" 0)
    say "($id) cat of sckg's $mb MB of N-Triples to a file (round $round of $repeat)"
    CWD=$OUT
    timed "$OUT/copy.nt" taskset -c 0 cat stream.nt
    rm -f "$OUT/copy.nt"
    if [ "$RC" = 0 ]; then c_t=$(fastest "$T" "$c_t"); else c_rc=$RC; fi
  done
  REPEAT=$repeat
  if [ "$g_rc" = 0 ]; then
    row "${id}1" "bound, part 1: LC_ALL=C grep -F -o -b -f DICT > file, $what, 1 core" \
      - "grep $g_t s ($(mbps "$b" "$g_t") MB/s)" - - "part of $id"
  else
    RC=$g_rc
    row "${id}1" "bound, part 1: grep -F -o -b -f DICT, $what" - "grep $(failed)" \
      - - "n/a"
  fi
  STREAM_T=
  if [ "$s_rc" = 0 ]; then
    STREAM_T=$s_t
    if [ "$c_rc" = 0 ]; then
      row "${id}2" "bound, part 2: cat of ${id}3's $mb MB of N-Triples > file, 1 core" \
        - "cat $c_t s" - - "part of $id"
    else
      RC=$c_rc c_t=
      row "${id}2" "bound, part 2: cat of ${id}3's N-Triples > file" - \
        "cat $(failed)" - - "n/a"
    fi
    row "${id}3" "sckg nt --stream > file, $what, 1 core" \
      "$s_t s ($(mbps "$b" "$s_t") MB/s)" - - - "part of $id"
  else
    RC=$s_rc T=$s_t
    row "${id}2" "bound, part 2: cat of ${id}3's N-Triples > file" - \
      "n/a: ${id}3 wrote none" - - "n/a"
    row "${id}3" "sckg nt --stream > file, $what, 1 core" "$(failed)" - - - \
      "part of $id"
  fi
  rm -f "$OUT/stream.nt"
  if [ "$g_rc" = 0 ] && [ "$s_rc" = 0 ] && [ -n "$c_t" ]; then
    sum=$(calc "$g_t + $c_t")
    r=$(calc "$s_t / ($sum > 0 ? $sum : 0.01)")
    row "$id" "sckg / bound: ${id}3 / (${id}1 + ${id}2), $what" "$s_t s" \
      "grep + cat $g_t + $c_t = $sum s" "$r" "${target:+<= }${target:-stated}" \
      "$([ -n "$target" ] && verdict "$r" "<=" "$target" || echo -)"
  else
    row "$id" "sckg / bound: ${id}3 / (${id}1 + ${id}2), $what" \
      "n/a: a part failed (above)" - - "${target:+<= }${target:-stated}" "n/a"
  fi
  if [ "$s_rc" = 0 ]; then
    use "$name"
    sentences "$name"
    row "${id}4" "sentences read per second of ${id}3, $what" \
      "$(calc "$SENTS / ($s_t > 0 ? $s_t : 0.01)" 0) sentences/s ($SENTS sentences in $s_t s)" \
      - - stated -
  else
    row "${id}4" "sentences read per second of ${id}3, $what" \
      "n/a: ${id}3 did not finish" - - stated "n/a"
  fi
}

# (t) the bound on the generated corpus; (r) on the real articles
if [ "$HAS_STREAM" = 1 ]; then
  bound t main "generated $MB_MAIN MB" "$BOUND_TARGET"
  T3=$STREAM_T
  if [ -z "$REAL_WHY" ]; then
    bound r real "real text $(calc "$(bytes_of real) / 1e6" 0) MB" "$REAL_TARGET"
  else
    row r "sckg / bound on real text" "n/a: $REAL_WHY" - - \
      "${REAL_TARGET:+<= }${REAL_TARGET:-stated}" "n/a"
  fi
else
  T3=
  row t "sckg / bound (grep + cat), generated $MB_MAIN MB" \
    "n/a: sckg has no --stream yet" - - "<= $BOUND_TARGET" "n/a"
  row r "sckg / bound on real text" "n/a: sckg has no --stream yet" - - \
    "${REAL_TARGET:+<= }${REAL_TARGET:-stated}" "n/a"
fi

# (s) start-up: one small article through sckg nt, exec to exit, wall-clock
# (bench/startup.py), with /bin/true and sckg --version as context
mkdir -p "$DATA/startup"
one=$DATA/startup/one.txt
cat >"$one" <<'ARTICLE'
 date 2024-03-05
North Korea fires ballistic missile

North Korea fired a ballistic missile into the sea on Tuesday, South Korea's military said. Japan condemned the launch.
ARTICLE
say "(s) start-up: $STARTUP_RUNS runs of sckg nt on one article, of /bin/true and of sckg --version"
if st=$(python3 "$here/startup.py" "$STARTUP_RUNS" "$OUT/one.nt" "$SCKG" nt "$one") &&
  tr=$(python3 "$here/startup.py" "$STARTUP_RUNS" "$OUT/true.txt" /bin/true) &&
  sv=$(python3 "$here/startup.py" "$STARTUP_RUNS" "$OUT/version.txt" "$SCKG" --version); then
  read -r st_med st_min <<<"$st"
  read -r tr_med tr_min <<<"$tr"
  read -r sv_med sv_min <<<"$sv"
  row s "start-up: sckg nt of one 2-sentence article ($(stat -c %s "$one") bytes), exec to exit, wall-clock, CPU 0, $STARTUP_RUNS runs" \
    "median $st_med ms (min $st_min)" \
    "/bin/true $tr_med ms (min $tr_min); sckg --version $sv_med ms (min $sv_min)" \
    - "median <= $STARTUP_TARGET_MS ms" "$(verdict "$st_med" "<=" "$STARTUP_TARGET_MS")"
else
  row s "start-up: sckg nt of one article" "failed: startup.py ($st)" - - \
    "median <= $STARTUP_TARGET_MS ms" "n/a"
fi
rm -f "$OUT/one.nt" "$OUT/true.txt" "$OUT/version.txt"

# (a) the whole graph (no --stream): text -> N-Triples, one core; the run
# that b1, b2, b3 and c2 compare with or measure. Stated, against t3.
use main
B_MAIN=$(bytes_of main)
say "(a) sckg nt on $MB_MAIN MB"
timed "$OUT/main.nt" taskset -c 0 "$SCKG" nt "${INPUTS[@]}"
NT_RC=$RC NT_T=$T NT_RSS=$RSS
if [ "$NT_RC" = 0 ]; then
  row a "text -> N-Triples, whole graph (no --stream) > file, generated $MB_MAIN MB, 1 core" \
    "$(mbps "$B_MAIN" "$NT_T") MB/s ($NT_T s)" \
    "$([ -n "$T3" ] && echo "nt --stream (t3) $T3 s" || echo -)" \
    "$([ -n "$T3" ] && calc "$NT_T / ($T3 > 0 ? $T3 : 0.01)" || echo -)" \
    stated -
else
  row a "text -> N-Triples, whole graph, generated $MB_MAIN MB, 1 core" \
    "$(failed)" - - stated "n/a"
fi

# (b) the writers against N-Triples, whole runs on the same corpus and core,
# and rapper re-serialising sckg's N-Triples
# writer ID COMMAND NAME: row ID, the time of `sckg COMMAND` over (a)'s
writer() {
  local id=$1 cmd=$2 name=$3 r
  say "($id) sckg $cmd on $MB_MAIN MB"
  timed "$OUT/main.$cmd" taskset -c 0 "$SCKG" "$cmd" "${INPUTS[@]}"
  rm -f "$OUT/main.$cmd"
  W_RC=$RC W_T=$T
  if [ "$NT_RC" != 0 ]; then
    row "$id" "$name run time / N-Triples run time, $MB_MAIN MB" \
      "n/a: the N-Triples run (a) did not finish" - - "<= $WRITER_TARGET" "n/a"
  elif [ "$RC" = 0 ]; then
    r=$(calc "$T / $NT_T")
    row "$id" "$name run time / N-Triples run time (a), $MB_MAIN MB, 1 core" \
      "$cmd $T s" "nt $NT_T s" "$r" "<= $WRITER_TARGET" \
      "$(verdict "$r" "<=" "$WRITER_TARGET")"
  else
    row "$id" "$name run time / N-Triples run time, $MB_MAIN MB" "$(failed)" \
      - - "<= $WRITER_TARGET" "NOT met"
  fi
}
writer b1 rdf RDF/XML
RDF_RC=$W_RC RDF_T=$W_T
if [ "$HAS_TTL" = 1 ]; then
  writer b3 ttl Turtle
else
  row b3 "Turtle run time / N-Triples run time" "n/a: sckg has no ttl yet" \
    - - "<= $WRITER_TARGET" "n/a"
fi
if [ "$NT_RC" = 0 ] && [ "$RDF_RC" = 0 ]; then
  STMTS=$(wc -l <"$OUT/main.nt" | tr -d ' ')
  say "(b2) rapper -i ntriples -o rdfxml on sckg's $STMTS statements"
  CWD=$OUT
  timed "$OUT/rapper.rdf" taskset -c 0 rapper -q -i ntriples -o rdfxml main.nt
  rm -f "$OUT/rapper.rdf"
  if [ "$RC" = 0 ]; then
    r=$(calc "$T / $RDF_T")
    row b2 "RDF/XML: sckg whole run vs rapper re-serialising ($STMTS statements)" \
      "$RDF_T s ($(calc "$STMTS / $RDF_T" 0) st/s)" \
      "rapper $T s ($(calc "$STMTS / $T" 0) st/s)" "$r" ">= 5" \
      "$(verdict "$r" ">=" 5)"
  elif [ "$RC" = 124 ]; then
    r=$(calc "$T / $RDF_T")
    row b2 "RDF/XML: sckg whole run vs rapper re-serialising ($STMTS statements)" \
      "$RDF_T s" "rapper $(failed)" "> $r" ">= 5" \
      "$(awk -v r="$r" 'BEGIN { print (r >= 5 ? "met" : "unknown (timeout)") }')"
  else
    row b2 "RDF/XML: sckg whole run vs rapper re-serialising" "$RDF_T s" \
      "rapper $(failed)" - ">= 5" "n/a"
  fi
else
  row b2 "RDF/XML: sckg whole run vs rapper re-serialising" \
    "n/a: the N-Triples or RDF/XML run did not finish" - - ">= 5" "n/a"
fi

# (c) memory: --stream on the largest corpus; without it, bytes per event
if [ "$HAS_STREAM" = 1 ]; then
  use stream
  say "(c) sckg nt --stream on $MB_STREAM MB"
  timed /dev/null taskset -c 0 "$SCKG" nt --stream "${INPUTS[@]}"
  if [ "$RC" = 0 ]; then
    m=$(calc "$RSS / 1024" 1)
    row c1 "peak RSS with --stream, $MB_STREAM MB" "$m MB ($T s, $(mbps "$(bytes_of stream)" "$T") MB/s)" \
      - - "< 64 MB" "$(verdict "$m" "<" 64)"
  else
    row c1 "peak RSS with --stream, $MB_STREAM MB" "$(failed)" - - "< 64 MB" \
      "NOT met"
  fi
else
  row c1 "peak RSS with --stream, $MB_STREAM MB" "n/a: sckg has no --stream yet" \
    - - "< 64 MB" "n/a"
fi
if [ "$NT_RC" = 0 ]; then
  EVENTS=$(grep -c 'w3id.org/sckg/ns#Event> \.$' "$OUT/main.nt")
  row c2 "peak RSS without --stream, $MB_MAIN MB: bytes per event" \
    "$(calc "$NT_RSS * 1024 / ($EVENTS > 0 ? $EVENTS : 1)" 0) B/event ($(calc "$NT_RSS / 1024" 0) MB, $EVENTS events, $(calc "$NT_RSS * 1024 / $B_MAIN" 1) B per input byte)" \
    - - "stated" "-"
else
  row c2 "peak RSS without --stream: bytes per event" \
    "n/a: the N-Triples run did not finish" - - "stated" "n/a"
fi
rm -f "$OUT/main.nt"

# (d) linearity: 500 MB vs 50 MB, one core
lin() { # lin ID LABEL [OPTION]
  local id=$1 label=$2 repeat=$REPEAT round k t1='' tl='' rc1=0 rcl=0
  shift 2
  # Interleaved rounds, the fastest of each size kept: one 500 MB run, then
  # three 50 MB runs (a run ten times shorter feels a burst of load on the
  # machine ten times as much), REPEAT times over, so that a slow spell of
  # the host lands on both sizes rather than on one.
  REPEAT=1
  for ((round = 0; round < repeat; round++)); do
    use small
    for k in 1 2 3; do
      say "($id) sckg nt${*:+ $*} on $MB_SMALL MB (round $((round + 1)) of $repeat, run $k of 3)"
      timed /dev/null taskset -c 0 "$SCKG" nt "$@" "${INPUTS[@]}"
      [ "$RC" != 0 ] && rc1=$RC t1=$T && break 2
      t1=$(fastest "$T" "$t1")
    done
    if [ "$round" = 0 ] &&
      awk -v t="$t1" -v lim="$TIMEOUT" 'BEGIN { exit !(t * 8.5 > lim) }'; then
      break # the large run could only time out: see below
    fi
    use large
    say "($id) sckg nt${*:+ $*} on $MB_LARGE MB (round $((round + 1)) of $repeat)"
    timed /dev/null taskset -c 0 "$SCKG" nt "$@" "${INPUTS[@]}"
    [ "$RC" != 0 ] && rcl=$RC tl=$T && break
    tl=$(fastest "$T" "$tl")
  done
  REPEAT=$repeat
  if [ "$rc1" != 0 ]; then
    RC=$rc1 T=$t1
    row "$id" "$label" "$MB_SMALL MB: $(failed)" - - "8.5 to 11.5" \
      "$([ "$rc1" = 124 ] && echo "unknown (timeout)" || echo "NOT met")"
    return
  fi
  if [ -z "$tl" ] && [ "$rcl" = 0 ]; then
    # within TIMEOUT the large run could only time out (no answer) or
    # show a ratio under 8.5: not worth its time
    row "$id" "$label" "$MB_SMALL MB $t1 s; $MB_LARGE MB not run: 8.5 x $t1 s > TIMEOUT" \
      - - "8.5 to 11.5" "unknown (raise TIMEOUT)"
    return
  fi
  local r
  RC=$rcl T=$tl
  r=$(calc "$T / $t1")
  if [ "$RC" = 0 ]; then
    row "$id" "$label" "$MB_LARGE MB $T s, $MB_SMALL MB $t1 s" - \
      "$r (bytes $(calc "$(bytes_of large) / $(bytes_of small)"))" \
      "8.5 to 11.5" "$(verdict "$r" in 8.5 11.5)"
  elif [ "$RC" = 124 ]; then
    row "$id" "$label" "$MB_LARGE MB $(failed), $MB_SMALL MB $t1 s" - \
      "> $r" "8.5 to 11.5" \
      "$(awk -v r="$r" 'BEGIN { print (r > 11.5 ? "NOT met" : "unknown (timeout)") }')"
  else
    row "$id" "$label" "$MB_LARGE MB: $(failed)" - - "8.5 to 11.5" "NOT met"
  fi
}
lin d "linearity: time($MB_LARGE MB) / time($MB_SMALL MB), 1 core"
if [ "$HAS_STREAM" = 1 ]; then
  lin d2 "linearity with --stream: time($MB_LARGE MB) / time($MB_SMALL MB), 1 core" --stream
fi

# (e) threads: -j 2 throughput / -j 1, with --stream when sckg has it
# (without it, merging, sorting and writing the one graph stay on one
# thread: the run that scales is the streaming one). The two runs take
# turns, REPEAT rounds over, the fastest of each kept, as in lin above.
if [ -n "$JOBS_OPT" ]; then
  use main
  JSTREAM=()
  [ "$HAS_STREAM" = 1 ] && JSTREAM=(--stream)
  repeat=$REPEAT t1='' t2='' rc1=0 rc2=0
  REPEAT=1
  for ((round = 1; round <= repeat; round++)); do
    say "(e) sckg nt ${JSTREAM[*]} $JOBS_OPT 1 on $MB_MAIN MB (round $round of $repeat)"
    timed --wall /dev/null "$SCKG" nt "${JSTREAM[@]}" "$JOBS_OPT" 1 "${INPUTS[@]}"
    [ "$RC" != 0 ] && rc1=$RC && break
    t1=$(fastest "$T" "$t1")
    say "(e) sckg nt ${JSTREAM[*]} $JOBS_OPT 2 on $MB_MAIN MB (round $round of $repeat)"
    timed --wall /dev/null "$SCKG" nt "${JSTREAM[@]}" "$JOBS_OPT" 2 "${INPUTS[@]}"
    [ "$RC" != 0 ] && rc2=$RC && break
    t2=$(fastest "$T" "$t2")
  done
  REPEAT=$repeat
  if [ "$rc1" = 0 ] && [ "$rc2" = 0 ]; then
    r=$(calc "$t1 / $t2")
    row e "-j 2 throughput / -j 1${JSTREAM:+ (--stream)}, $MB_MAIN MB" \
      "-j 2 $(mbps "$B_MAIN" "$t2") MB/s ($t2 s)" \
      "-j 1 $(mbps "$B_MAIN" "$t1") MB/s ($t1 s)" "$r" ">= 1.7" \
      "$(verdict "$r" ">=" 1.7)"
  else
    [ "$rc1" != 0 ] && RC=$rc1 || RC=$rc2
    row e "-j 2 throughput / -j 1, $MB_MAIN MB" "$(failed)" - - ">= 1.7" \
      "NOT met"
  fi
else
  row e "-j 2 throughput / -j 1" "n/a: sckg has no -j yet" - - ">= 1.7" "n/a"
fi

# (a2) JSON Lines input: the same articles as one .jsonl file, one core,
# against (a) on the files. Stated.
if [ "$HAS_JSONL" = 1 ]; then
  CWD=$DATA
  BJ=$(stat -c %s "$DATA/main.jsonl")
  say "(a2) sckg nt ${JSONL_OPTS[*]} on $MB_MAIN MB of JSON Lines"
  timed "$OUT/j.nt" taskset -c 0 "$SCKG" nt "${JSONL_OPTS[@]}" main.jsonl
  rm -f "$OUT/j.nt"
  if [ "$RC" = 0 ]; then
    row a2 "JSON Lines -> N-Triples, whole graph, $MB_MAIN MB, 1 core" \
      "$(mbps "$BJ" "$T") MB/s ($T s)" \
      "$([ "$NT_RC" = 0 ] && echo "files (a) $(mbps "$B_MAIN" "$NT_T") MB/s ($NT_T s)" || echo -)" \
      "$([ "$NT_RC" = 0 ] && calc "$T / $NT_T" || echo -)" stated -
  else
    row a2 "JSON Lines -> N-Triples, $MB_MAIN MB, 1 core" "$(failed)" - - \
      stated "n/a"
  fi
else
  row a2 "JSON Lines -> N-Triples" "n/a: sckg reads no JSON Lines yet" - - \
    stated "n/a"
fi

# (f) the 'all' view of 200 articles as SVG
use svg
say "(f) sckg svg --view all on $(files_of svg) articles"
timed "$OUT/all.svg" taskset -c 0 "$SCKG" svg --view all "${INPUTS[@]}"
if [ "$RC" = 0 ]; then
  nodes=$(grep -c 'class="node"' "$OUT/all.svg")
  row f "svg --view all, $(files_of svg) articles, 1 core" \
    "$T s ($nodes nodes)" - - "< 10 s" "$(verdict "$T" "<" 10)"
else
  row f "svg --view all, $(files_of svg) articles" "$(failed)" - - "< 10 s" \
    "NOT met"
fi
rm -f "$OUT/all.svg"

# --- the table -----------------------------------------------------------------
echo "| | measurement | sckg | baseline | ratio | target | |"
echo "|---|---|---|---|---|---|---|"
for r in "${ROWS[@]}"; do
  echo "| ${r//|/ | } |"
done
echo
end_s=$(date +%s)
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg); the run took $(((end_s - start_s) / 60)) min $(((end_s - start_s) % 60)) s"
