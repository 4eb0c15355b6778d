#!/bin/sh
# SPDX-License-Identifier: MIT
# sckg on a real distributed engine: tests/shards/dask_run.py starts a Dask
# LocalCluster of two worker processes, runs `sckg nt --shard` on four
# shards of the articles as Dask tasks, and unites them with `sckg union`;
# the result must be byte for byte one run over all the articles.
#
#   dask.sh PYTHON SCKG SRCDIR
set -u
python=$1 sckg=$2 src=$3
cd "$src" || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

ls corpus/*.txt tests/layout/dev/*.txt tests/views/articles/*.txt >"$tmp/files"
xargs "$sckg" nt <"$tmp/files" >"$tmp/one.nt" 2>/dev/null || {
  echo "FAIL: one run"
  exit 1
}
# shellcheck disable=SC2046 # the file names hold no blank
"$python" tests/shards/dask_run.py --sckg "$sckg" --shards 4 --workers 2 \
  --out "$tmp/dask.nt" $(cat "$tmp/files") 2>"$tmp/err"
rc=$?
grep -v -e 'distributed\.' -e '^ *$' "$tmp/err" | sed 's/^/  /'
if [ "$rc" -ne 0 ]; then
  echo "FAIL: dask_run.py exited $rc"
  tail -n 20 "$tmp/err"
  exit 1
fi
grep -q 'on 2 worker processes' "$tmp/err" || {
  echo "FAIL: the shards did not run on two worker processes"
  exit 1
}
if cmp -s "$tmp/dask.nt" "$tmp/one.nt"; then
  echo "ok: 4 shards on a Dask cluster of 2 workers unite into one run ($(wc -l <"$tmp/one.nt") triples)"
else
  echo "FAIL: the Dask run differs from one run:"
  diff "$tmp/one.nt" "$tmp/dask.nt" | head -n 20
  exit 1
fi
