# shellcheck shell=bash
# SPDX-License-Identifier: MIT
#
# bench/common.sh: what bench/run.sh and bench/profile.sh share, sourced by
# both after they set `here` (bench/), `root` (the repository) and `DATA`.
# shellcheck disable=SC2154 # here, root and DATA: set by the caller

say() { printf '.. %s\n' "$*" >&2; }
die() { printf 'bench/%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# check_scale: SCALE is a positive number, or the script stops
check_scale() {
  if ! [[ $SCALE =~ ^[0-9]*\.?[0-9]+$ ]] ||
    ! awk -v s="$SCALE" 'BEGIN { exit !(s + 0 > 0) }'; then
    die "SCALE must be a positive number, not '$SCALE'"
  fi
}

# corpus_key: what the generated corpus depends on (gen.py, the schema it
# draws from, the seed); a corpus made under another key is made again
corpus_key() {
  echo "$(cat "$here/gen.py" "$root"/schema/*.tsv | cksum | cut -d' ' -f1) seed=${SEED:-default}"
}

# build_sckg FOLDER WHAT [CMAKE_ARG...]: sets `build` to SCKG_BUILD_DIR when
# it is set (it must hold sckg), else configures FOLDER with the arguments
# and builds sckg in it, WHAT naming the build in the messages; the log goes
# to $DATA/build-NAME.log, NAME being FOLDER's last part
build_sckg() {
  local folder=$1 what=$2 log
  shift 2
  if [ -n "${SCKG_BUILD_DIR:-}" ]; then
    build=$(cd "$SCKG_BUILD_DIR" 2>/dev/null && pwd) ||
      die "SCKG_BUILD_DIR=$SCKG_BUILD_DIR is not a folder"
    [ -x "$build/sckg" ] || die "$build holds no sckg"
    return
  fi
  build=$folder
  log=$DATA/$(basename "$folder").log
  say "building sckg ($what) in $build"
  { cmake -S "$root" -B "$build" "$@" &&
    cmake --build "$build" --target sckg -j"$(nproc)"; } >"$log" 2>&1 || {
    tail -n 30 "$log" >&2
    die "build failed (log: $log)"
  }
}
