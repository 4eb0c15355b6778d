#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Wall-clock time of a command from exec to exit, RUNS times over.

    bench/startup.py RUNS OUT CMD [ARG...]

Pins itself, and so the command, to CPU 0, then starts CMD RUNS times one
after the other with posix_spawn, its standard output to the file OUT
(truncated each time) and its standard error to /dev/null, and waits for
it. Each time is from just before the spawn to just after the wait
returns, so it holds the exec, the dynamic loading, the program's own
start-up, its work and its exit, and a few tens of microseconds of the
spawn itself (a run of /bin/true shows how much). Prints
`MEDIAN MIN` in milliseconds; exits 1 if a run fails.

bench/run.sh uses it for the start-up row (s).
"""

import os
import statistics
import sys
import time


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: startup.py RUNS OUT CMD [ARG...]")
    runs, out, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {0})
        except OSError:
            pass  # not allowed here: the runs go unpinned
    null = os.open(os.devnull, os.O_WRONLY)
    times = []
    for _ in range(runs):
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        actions = [(os.POSIX_SPAWN_DUP2, fd, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
        t0 = time.perf_counter_ns()
        pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=actions)
        _, status = os.waitpid(pid, 0)
        t1 = time.perf_counter_ns()
        os.close(fd)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"startup.py: {cmd[0]} failed "
                     f"(exit {os.waitstatus_to_exitcode(status)})")
        times.append((t1 - t0) / 1e6)
    print(f"{statistics.median(times):.2f} {min(times):.2f}")


if __name__ == "__main__":
    main()
