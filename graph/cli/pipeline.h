/* SPDX-License-Identifier: MIT */
/* The command line's reading loop: articles come from a source one at a
 * time, are read into graphs of their own on N threads (sckg_graph_read),
 * and are handed back in input order, so that whatever N, the caller sees
 * the same sequence and writes the same bytes. With `stream`, each
 * article's graph is also finished and written as N-Triples on its thread.
 * Memory holds at most a few articles per thread. */
#ifndef SCKG_PIPELINE_H
#define SCKG_PIPELINE_H

#include "base/support.h"
#include "sckg/sckg.h"

/* One article on its way through. */
typedef struct {
  sckg_input in;        /* its strings, all in the block `owned` */
  sckg_graph *part;     /* its graph (not with `stream`), or NULL on error */
  sckg_status st;       /* of reading it (and, with `stream`, writing it) */
  sckg_buf diag;        /* its diagnostics, formatted, one line each */
  unsigned long errors; /* diagnostics among them that are errors */
  sckg_buf nt;          /* with `stream`: its N-Triples (the buffer is
                           the slot's, kept from job to job) */
  size_t bytes;         /* of the article's text, for progress */
  void *owned;          /* the one allocation holding the strings of `in` */
} sckg_job;

typedef struct {
  const sckg_schema *schema;
  sckg_options opts; /* the sink is the pipeline's own */
  unsigned threads;  /* 1: all on the calling thread */
  bool stream;
  /* The next article: fill *in and return 1, or return 0 at the end.
   * Called on the calling thread only. *owned: the one block holding all
   * the strings of *in, handed over (the job frees it: nothing is
   * copied), or NULL when they are lent until the next call (copied). */
  int (*next)(void *handle, sckg_input *in, void **owned);
  void *next_handle;
  /* A finished job, in input order, on the calling thread. It may take
   * job->part (set it to NULL), or job->nt's buffer (leaving an empty
   * one). Return false to stop reading. */
  bool (*emit)(void *handle, sckg_job *job);
  void *emit_handle;
} sckg_pipeline;

/* Run until the source ends or emit returns false. Returns false only when
 * a thread cannot be started (the caller reports it). */
bool sckg_pipeline_run(const sckg_pipeline *p);

/* A diagnostic as the command line prints it: "sckg: FILE:LINE:COL: "
 * (the parts known), "warning: " when its status is SCKG_OK, the message,
 * a newline; control characters in it turned into spaces. */
void sckg_diag_format(const sckg_diag *d, sckg_buf *out);

#endif
