/* SPDX-License-Identifier: MIT */
/* Inputs: the FILE names of the command line (files, "-" for standard
 * input, directories) as a stream of articles, one at a time, so that the
 * memory holds the current article only, however many there are.
 *
 * Integration in graph/main.c (proposed; the lead does it). This module
 * replaces TOO_LARGE, read_stream, read_input, file_id, cmp_file_id and
 * find_duplicates, and the file half of build_graph's loop; the loop over
 * the embedded corpus (no FILE) stays as it is:
 *
 *   if (c->n_files) {
 *     sckg_inputs_options io = {.max_bytes = c->max_bytes,
 *                               .jsonl = c->jsonl, // --jsonl
 *                               .sink = print_diag, .sink_handle = ds};
 *     sckg_inputs *inputs = sckg_inputs_new(c->files, c->n_files, &io);
 *     sckg_input in;
 *     while (sckg_inputs_next(inputs, &in)) {
 *       unsigned long before = ds->errors;
 *       st = sckg_graph_add(g, &in);
 *       if (st != SCKG_OK) {
 *         if (ds->errors == before)
 *           errorf("%s: %s", in.name, sckg_strerror(st));
 *         failed = true;
 *       }
 *     }
 *     if (sckg_inputs_get_progress(inputs).errors)
 *       failed = true; // every problem has been printed: exit 1
 *     sckg_inputs_free(inputs);
 *   }
 *
 * print_diag already prints these diagnostics as main.c printed them
 * ("sckg: PATH: warning: the same file as FIRST, named before it: read
 * once", "sckg: PATH: larger than N bytes: not read (see
 * --max-article-bytes)", "sckg: standard input: Bad file descriptor"), and
 * JSON Lines records as "sckg: PATH:LINE[:COL]: what is wrong". A progress
 * line may call sckg_inputs_get_progress between articles. With -j, a
 * reader thread calls sckg_inputs_next and sckg_inputs_take and hands each
 * article's block to a worker, which frees it; the iterator itself is used
 * by one thread at a time.
 *
 * What is read:
 * - A name that is a directory is walked recursively. In each directory
 *   the entries are taken in byte order of their names (strcmp), and a
 *   subdirectory is walked where its name falls in that order. Taken are
 *   regular files (or links to them) whose names end in ".txt" or
 *   ".jsonl"; other files, and every entry whose name starts with '.', are
 *   skipped without a word; a named directory with no such file under it
 *   is an error. A link to a directory is followed unless it
 *   leads to a directory on the current path (a loop: a warning) or to one
 *   walked already (a warning, walked once).
 * - Any other name is read as it is, whatever its name: a regular file, a
 *   FIFO, a device. "-" is standard input. Names keep their command-line
 *   order, each directory expanded in its place.
 * - The same regular file reached twice (by device and inode: "a.txt
 *   ./a.txt", a directory and a file in it, a link) is read the first time
 *   only; each later naming gets a warning.
 * - A plain input is one article: its name is the path ("stdin" for
 *   standard input), its text the whole content, at most max_bytes bytes.
 * - A JSON Lines input (a name ending in ".jsonl", or every input when
 *   options.jsonl is set) holds one JSON object per line: "text" (a string,
 *   required), "id", "date" ("YYYY-MM-DD", a real calendar date),
 *   "publisher" and "title" (each a string, or null or absent). Other keys
 *   are ignored, blank lines skipped, a "\r" before the "\n" dropped, and a
 *   last line without "\n" read. Each record is one article named
 *   "PATH:LINE" ("stdin:LINE"); without an "id" (or with a null one) its
 *   identifier is the file's base name less ".jsonl" (or ".txt") and "-"
 *   and the line number: line 17 of crawl/2023/crawl.jsonl is "crawl-17".
 *   Two files with one base name thus need "id"s in their records.
 * - A bad record (not JSON, not an object, no "text", a field that is not
 *   a string, a bad date, a "\u0000" in a string, a key given twice) or a
 *   line longer than max_bytes is reported and skipped; the next line is
 *   read. A long line is passed over without being held in memory.
 *
 * Every problem goes to the sink, with a status: SCKG_OK for a warning
 * (file read once, directory walked once, loop), SCKG_ERR_IO or
 * SCKG_ERR_INPUT for an error. An error leaves out one file or record;
 * the others are still read, so that one run lists all the problems and
 * the caller fails at the end when sckg_inputs_get_progress counts any. */
#ifndef SCKG_INPUTS_H
#define SCKG_INPUTS_H

#include "sckg/graph.h"
#include "sckg/status.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** The limit when sckg_inputs_options.max_bytes is 0: 64 MiB. */
#define SCKG_INPUTS_DEFAULT_MAX_BYTES ((size_t)64 << 20)

/** Options of sckg_inputs_new. Zero-initialise, then set what you need. */
typedef struct {
  size_t max_bytes;    /**< largest plain article and longest JSON line;
                            0 = SCKG_INPUTS_DEFAULT_MAX_BYTES */
  bool jsonl;          /**< read every input, stdin too, as JSON Lines */
  sckg_diag_sink sink; /**< diagnostics; NULL = dropped (still counted) */
  void *sink_handle;
} sckg_inputs_options;

/** An iterator over the articles of a list of names. */
typedef struct sckg_inputs sckg_inputs;

/** How far an iteration has gone, for a progress line and the exit code. */
typedef struct {
  size_t files;        /**< inputs to read: files found, less duplicates */
  size_t files_done;   /**< of them, read or given up */
  uint64_t bytes;      /**< total size of those that are regular files
                            (streams such as stdin have no size: not in it) */
  uint64_t bytes_done; /**< of `bytes`, passed so far; equals it at the end */
  size_t articles;     /**< articles returned by sckg_inputs_next */
  size_t errors;       /**< errors reported (files or records left out) */
  size_t warnings;     /**< warnings reported */
} sckg_inputs_progress;

/** An iterator over the articles of `names[0..n)` (see the top of this
 * file). The directories are walked and the duplicates found here, so
 * sckg_inputs_get_progress knows the totals at once; nothing is read or
 * reported before the first sckg_inputs_next. `names` and `opts` are
 * copied: they need not outlive the call. `opts` may be NULL. Never fails
 * (out of memory aborts); free the result with sckg_inputs_free. */
sckg_inputs *sckg_inputs_new(const char *const *names, size_t n,
                             const sckg_inputs_options *opts);

/** The next article: true with *out set, false at the end. Problems met
 * on the way are reported to the sink, counted, and passed over. The
 * strings of *out are owned by the iterator and valid until the next call
 * of sckg_inputs_next or sckg_inputs_free, unless sckg_inputs_take makes
 * them the caller's. */
bool sckg_inputs_next(sckg_inputs *it, sckg_input *out);

/** Make the article that the last sckg_inputs_next returned the caller's:
 * its strings stay valid after later calls and after sckg_inputs_free,
 * until the returned block (which holds them all) is passed to free().
 * NULL when there is no such article, or it has been taken already. */
void *sckg_inputs_take(sckg_inputs *it);

/** Counts so far (see sckg_inputs_progress). */
sckg_inputs_progress sckg_inputs_get_progress(const sckg_inputs *it);

/** Close the current file and free the iterator, and the last article
 * unless taken; NULL is a no-op. */
void sckg_inputs_free(sckg_inputs *it);

#endif
