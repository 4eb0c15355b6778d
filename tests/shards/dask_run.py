#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run sckg over shards of articles on a Dask distributed cluster, then
unite the shards' graphs into the graph of one run.

Each task runs `sckg nt --shard` on one shard's files in a worker process
and writes the shard's N-Triples beside the others; the client then runs
`sckg union` over them. With --scheduler it joins a running cluster (the
files and sckg must be at the same paths on every worker); without, it
starts a LocalCluster of --workers processes on this machine.

  dask_run.py --sckg build/sckg --shards 4 --workers 2 --out graph.nt FILE...
"""
import argparse
import os
import subprocess
import sys
import tempfile

from dask.distributed import Client, LocalCluster


def run_shard(sckg, files, out_path):
    """One shard on a worker: its graph in shard form; the worker's pid."""
    with open(out_path, "wb") as out:
        done = subprocess.run([sckg, "nt", "--shard", "--", *files],
                              stdout=out, stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"sckg on {out_path} exited {done.returncode}: "
                           + done.stderr.decode(errors="replace"))
    return os.getpid()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sckg", required=True, help="path of the sckg binary")
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2,
                    help="worker processes of the local cluster")
    ap.add_argument("--scheduler", help="address of a running scheduler")
    ap.add_argument("--out", required=True, help="the united N-Triples")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    sckg = os.path.abspath(args.sckg)
    files = [os.path.abspath(f) for f in args.files]
    # Round-robin over the files in the order given: each shard a fixed set.
    shards = [files[i::args.shards] for i in range(args.shards)]
    shards = [s for s in shards if s]

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            paths = [os.path.join(tmp, f"shard-{i}.nt")
                     for i in range(len(shards))]
            futures = client.map(run_shard, [sckg] * len(shards), shards,
                                 paths, pure=False)
            pids = set(client.gather(futures))
            with open(args.out, "wb") as out:
                done = subprocess.run([sckg, "union", *paths], stdout=out,
                                      check=False)
            if done.returncode != 0:
                sys.exit(f"dask_run: sckg union exited {done.returncode}")
    finally:
        client.close()
        if cluster:
            cluster.close()
    # The tasks ran in worker processes, not in this one.
    print(f"dask_run: {len(shards)} shards on {len(pids)} worker processes",
          file=sys.stderr)
    if os.getpid() in pids:
        sys.exit("dask_run: a shard ran in the client process")


if __name__ == "__main__":
    main()
