#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Repeat a folder of articles as separate files until they reach a size.

    bench/repeat.py --bytes N SRC OUT

Copies the *.txt files of SRC (not its subfolders), in byte order of their
names, as OUT/kkkkk/NAME-kkkkk.txt for k = 0, 1, 2 ..., and stops at the
first file that brings the total to N bytes or more (the rule of gen.py's
--mb). Every copy has its own name, so sckg reads each as an article of its
own (its identifier is the file name), as in a crawl where the same story is
published again. The copies are whole files, not hard links: sckg reads a
file that it was given twice under two names (the same device and inode)
only once. Prints nothing; exits 1 when SRC holds no *.txt file.

bench/run.sh uses it to make the real-text corpus from ../shared/eval/dev.
"""

import argparse
import os
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bytes", type=int, required=True,
                    help="stop once the files hold this many bytes")
    ap.add_argument("src", help="folder of the *.txt articles to repeat")
    ap.add_argument("out", help="folder to create (must not exist)")
    args = ap.parse_args()

    names = sorted((n for n in os.listdir(args.src) if n.endswith(".txt")),
                   key=os.fsencode)
    if not names:
        sys.exit(f"repeat.py: no *.txt file in {args.src}")
    texts = []
    for name in names:
        with open(os.path.join(args.src, name), "rb") as f:
            texts.append((name[:-len(".txt")], f.read()))
    os.makedirs(args.out)
    total, k = 0, 0
    while total < args.bytes:
        folder = os.path.join(args.out, f"{k:05d}")
        os.mkdir(folder)
        for stem, text in texts:
            with open(os.path.join(folder, f"{stem}-{k:05d}.txt"), "wb") as f:
                f.write(text)
            total += len(text)
            if total >= args.bytes:
                break
        k += 1


if __name__ == "__main__":
    main()
