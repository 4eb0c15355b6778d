#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# bench/profile.sh: where `sckg nt --stream` spends its time (issue 19), by
# stage. Builds sckg in Release with debug information, takes the 50 MB
# generated corpus of bench/run.sh, records a perf profile of one run on
# CPU 0 (output to a file, as in row t3) and prints the self time of each
# stage, then the top symbols.
#
#   bench/profile.sh              the 50 MB corpus
#   SCALE=0.1 bench/profile.sh    5 MB, a quick look
#
# Environment:
#   SCALE           factor on the corpus size (default 1)
#   SCKG_BUILD_DIR  an existing build folder holding an sckg with debug
#                   information (-g), used instead of building
#                   bench/build-prof (Release, CMAKE_C_FLAGS=-g)
#   BENCH_DATA      scratch folder, shared with run.sh (default bench/data);
#                   run.sh's 50 MB corpus (c-small) is used when it is the
#                   right size, else gen.py writes one into c-prof
#   SEED            gen.py seed (default: gen.py's)
#   CORPUS_DIR      a folder of articles to profile instead of the
#                   generated corpus, e.g. run.sh's real text
#                   (bench/data/c-real); SCALE then plays no part
#   FREQ            samples a second (default 4000)
#   TOP             symbols in the second table (default 15)
#
# The event is perf's default software clock (cpu-clock): this machine's
# guest has no hardware counters. Self time only (no call graph): a
# function's samples are those taken in its own code and in what the
# compiler inlined into it. Each symbol of sckg is put in its stage by the
# source file that defines it (nm -l); the table STAGES below says which
# file belongs to which stage, first match winning. A file of sckg that no
# line names counts as "other", and the output names it: add it to the
# table.

set -uo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
SCALE=${SCALE:-1}
DATA=${BENCH_DATA:-$here/data}
FREQ=${FREQ:-4000}
TOP=${TOP:-15}
SEED_ARGS=()
[ -n "${SEED:-}" ] && SEED_ARGS=(--seed "$SEED")

# Source file (relative to the repository, a shell pattern) -> stage.
# Reading: the inputs, the pipeline and the article's text (layout, noise,
# sentences). Tokens and lexicon: the tokenizer, morphology and the look-ups
# in the schema's tables, phrases.c included (its header: "the lexicon's
# phrases: the longest phrase of each kind at a token, and the sentence's
# event triggers", the work grep -F does in the bound). Grammar: the
# sentence driver (extract.c: tokens, quotes, the passes), parts of speech,
# mentions and the names the lexicon lacks, aliases, coordination,
# anaphora, voice and relative clauses. Frames: each trigger's slots and
# frame, the passes over a sentence's frames, reactions, dates and the
# events emitted. Graph: one article's extraction made into graph nodes,
# merged, finished, turned into triples. Writing: the writers and the
# output files. Base: arena, string table, maps (every stage uses them).
STAGES='
graph/cli/outputs.c       writing
graph/cli/*               reading
graph/text/*              reading
graph/lexicon/*           tokens and lexicon
graph/extract/phrases.c   tokens and lexicon
graph/extract/extract.c   grammar
graph/extract/tagging.c   grammar
graph/extract/mentions.c  grammar
graph/extract/unknown.c   grammar
graph/extract/entities.c  grammar
graph/extract/aliases.c   grammar
graph/extract/groups.c    grammar
graph/extract/anaphora.c  grammar
graph/extract/voice.c     grammar
graph/extract/relatives.c grammar
graph/extract/reader.h    grammar
graph/extract/slots.c     frames
graph/extract/frames.c    frames
graph/extract/parties.c   frames
graph/extract/reactions.c frames
graph/extract/dates.c     frames
graph/extract/emit.c      frames
graph/read.c              graph
graph/model/*             graph
graph/write/*             writing
graph/base/*              base
'

# shellcheck source=bench/common.sh
. "$here/common.sh"
check_scale
case $FREQ in '' | *[!0-9]* | 0) die "FREQ must be a whole number of samples a second" ;; esac
case $TOP in '' | *[!0-9]*) die "TOP must be a whole number" ;; esac
for tool in perf nm readelf python3 cmake taskset; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
prof=$DATA/profile
mkdir -p "$prof" || die "cannot create $prof"

# --- build -----------------------------------------------------------------
build_sckg "$here/build-prof" "Release, -g" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_FLAGS=-g
SCKG=$build/sckg
flags=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p; s/^CMAKE_C_FLAGS:[A-Z]*=//p' \
  "$build/CMakeCache.txt" 2>/dev/null | paste -sd' ')
nm -n -l --defined-only "$SCKG" >"$prof/profile.nm" 2>/dev/null ||
  die "nm cannot read $SCKG"
grep -q '	/' "$prof/profile.nm" ||
  die "$SCKG has no debug information (build it with CMAKE_C_FLAGS=-g)"

# --- corpus ----------------------------------------------------------------
mb=$(awk -v s="$SCALE" 'BEGIN { printf "%g", 50 * s }')
key=$(corpus_key)
if [ -n "${CORPUS_DIR:-}" ]; then
  corpus=$(cd "$CORPUS_DIR" 2>/dev/null && pwd) ||
    die "CORPUS_DIR=$CORPUS_DIR is not a folder"
  say "using the articles of $corpus"
elif [ "$(sed -n 's/^key=//p' "$DATA/corpus.ok" 2>/dev/null)" = "$key" ] &&
  [ "$(cat "$DATA/c-small.spec" 2>/dev/null)" = "$mb" ] &&
  [ -d "$DATA/c-small" ]; then
  corpus=$DATA/c-small
  say "using run.sh's corpus of $mb MB, $corpus"
else
  corpus=$DATA/c-prof
  if [ "$(cat "$corpus.ok" 2>/dev/null)" != "$key $mb" ] || [ ! -d "$corpus" ]; then
    say "generating $mb MB of articles into $corpus"
    rm -rf "$corpus" "$corpus.ok"
    python3 "$here/gen.py" "${SEED_ARGS[@]}" --mb "$mb" --dir "$corpus" ||
      die "gen.py failed"
    echo "$key $mb" >"$corpus.ok"
  fi
fi
bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{ t += $1 } END { printf "%d", t }')

# --- profile -----------------------------------------------------------------
perfdata=$prof/profile.data
say "perf record of sckg nt --stream on $bytes bytes, CPU 0, $FREQ Hz"
(cd "$corpus" && taskset -c 0 perf record -q -e cpu-clock -F "$FREQ" \
  -o "$perfdata" -- "$SCKG" nt --stream . >"$prof/profile.nt") \
  2>"$prof/profile.err" || {
  tail -n 5 "$prof/profile.err" >&2
  die "perf record failed"
}
out_mb=$(awk -v b="$(stat -c %s "$prof/profile.nt")" 'BEGIN { printf "%.0f", b / 1e6 }')
rm -f "$prof/profile.nt"
perf report -i "$perfdata" --stdio --no-children --sort dso,sym -v -n \
  --percent-limit 0 2>/dev/null >"$prof/profile.txt" ||
  die "perf report failed"

echo "# sckg profile, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "machine: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sckg: commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown), $SCKG ($flags)"
echo "run: sckg nt --stream on $corpus ($bytes bytes), output to a file ($out_mb MB), CPU 0; perf record -e cpu-clock -F $FREQ, self time"
echo

# perf -v gives a sample's address from the start of sckg's first segment;
# nm gives addresses in the file's layout: 0 for a position-independent
# build, 0x400000 for one linked at a fixed address (as sckg is)
load_base=$(readelf -lW "$SCKG" 2>/dev/null | awk '$1 == "LOAD" { print $3; exit }')
STAGES=$STAGES python3 - "$SCKG" "$root" "$FREQ" "$TOP" \
  "$prof/profile.txt" "$prof/profile.nm" "${load_base:-0}" <<'EOF'
import bisect, fnmatch, os, re, sys

sckg, root, freq, top, report, nmfile, load_base = sys.argv[1:8]
load_base = int(load_base, 16)
freq, top = int(freq), int(top)
stages = [l.split(None, 1) for l in os.environ["STAGES"].strip().splitlines()]
order = ["reading", "tokens and lexicon", "grammar", "frames", "graph",
         "writing", "base", "libc", "kernel", "other"]

# sckg's functions by address, each with the file that defines it
addrs, syms = [], []
for line in open(nmfile, errors="replace"):
    head, _, where = line.rstrip("\n").partition("\t")
    f = head.split()
    if len(f) == 3 and f[1] in "tTwW":
        path = where.rsplit(":", 1)[0]
        if path.startswith(root + "/"):
            path = path[len(root) + 1:]
        addrs.append(int(f[0], 16))
        syms.append((f[2], os.path.normpath(path) if path else ""))

unstaged = set()
def stage_of(path):
    for pattern, stage in stages:
        if fnmatch.fnmatch(path, pattern):
            return stage
    unstaged.add(path)
    return "other"

total = 0
by_stage = {s: 0 for s in order}
rows = []
for line in open(report, errors="replace"):
    f = line.split()
    if not f or f[0].startswith("#") or not f[0].endswith("%"):
        continue
    n, dso = int(f[1]), f[2]
    m = re.search(r"\[[.k]\] (.*)$", line.rstrip())
    sym = m.group(1).strip() if m else "?"
    if os.path.realpath(dso) == os.path.realpath(sckg):
        # the sample's address (perf -v) in sckg's own symbol table; a
        # PLT stub (strlen@plt) or code outside any function is "other"
        i = bisect.bisect_right(addrs, load_base + int(f[3], 16)) - 1
        name, path = syms[i] if i >= 0 else ("", "")
        if name == sym and path:
            stage, where = stage_of(path), path
        else:
            stage, where = "other", "sckg"
    elif dso == "[kernel.kallsyms]" or dso.startswith("[k"):
        stage, where = "kernel", "kernel"
    elif os.path.basename(dso).startswith(("libc.so", "libm.so")):
        stage, where = "libc", os.path.basename(dso)
    else:
        stage, where = "other", os.path.basename(dso)
    total += n
    by_stage[stage] += n
    rows.append((n, sym, where, stage))

if not total:
    sys.exit("bench/profile.sh: the profile holds no samples")
print(f"{total} samples, about {total / freq:.2f} s of CPU time")
print()
print("| stage | files | self time | share |")
print("|---|---|---|---|")
files = {s: [] for s in order}
for pattern, stage in stages:
    files[stage].append(pattern)
files.update(libc=["libc.so, libm.so"], kernel=["[kernel.kallsyms]"],
             other=["the rest: other libraries, ld.so, unknown"])
for s in order:
    n = by_stage[s]
    print(f"| {s} | {', '.join(files[s])} | {n / freq:.2f} s | "
          f"{100 * n / total:.1f} % |")
if unstaged:
    print()
    print("in no stage of the table (counted as other):",
          ", ".join(sorted(unstaged)))
print()
print(f"Top {top} symbols by self time:")
print()
print("| | symbol | file | stage | self time | share |")
print("|---|---|---|---|---|---|")
rows.sort(key=lambda r: -r[0])
for k, (n, sym, where, stage) in enumerate(rows[:top], 1):
    print(f"| {k} | {sym} | {where} | {stage} | {n / freq:.2f} s | "
          f"{100 * n / total:.1f} % |")
EOF
