/* SPDX-License-Identifier: MIT */
/* DOT output: the view of view/ written by cgraph's agwrite. cgraph writes
 * nodes and edges in creation order, and view/ creates them from the
 * IRI-sorted arrays of the finished graph: the DOT is byte-identical on
 * every run. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include "model/graph_impl.h"
#include "sckg/write.h"
#include "view/view.h"
#include "write/common.h"

#include <stdio.h>
#include <stdlib.h>

sckg_status sckg_write_check_view(const sckg_graph *g,
                                  const sckg_view_options *opts) {
  sckg_buf problem = {0};
  sckg_status st = sckg_view_make(g, opts, NULL, &problem);
  if (st == SCKG_ERR_ARG && g)
    sckg_write_report_view(g, opts, problem.ptr);
  sckg_buf_free(&problem);
  return st;
}

sckg_status sckg_write_view_dot(const sckg_graph *g,
                                const sckg_view_options *opts, FILE *out) {
  Agraph_t *ag = NULL;
  if (!out)
    return SCKG_ERR_ARG;
  sckg_buf problem = {0};
  sckg_status st = sckg_view_make(g, opts, &ag, &problem);
  if (st == SCKG_ERR_ARG && g)
    sckg_write_report_view(g, opts, problem.ptr);
  sckg_buf_free(&problem);
  if (st)
    goto done;
  /* agwrite flushes the stream and returns EOF when a write or the flush
   * fails; ferror catches a failure it did not report. */
  if (agwrite(ag, out) != 0 || ferror(out))
    st = SCKG_ERR_WRITE;
done:
  if (ag && agclose(ag) != 0 && !st)
    st = SCKG_ERR_INTERNAL;
  return st;
}

/* cgraph writes only to what its I/O discipline knows, a FILE: the DOT is
 * written into memory, then handed to the sink in one piece. */
sckg_status sckg_write_view_dot_to(const sckg_graph *g,
                                   const sckg_view_options *opts,
                                   sckg_byte_sink sink, void *stream) {
  if (!sink)
    return SCKG_ERR_ARG;
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  if (!mem)
    return SCKG_ERR_INTERNAL;
  sckg_status st = sckg_write_view_dot(g, opts, mem);
  if (fclose(mem) != 0 && !st)
    st = SCKG_ERR_INTERNAL;
  if (!st && len && sink(text, len, stream) != len)
    st = SCKG_ERR_WRITE;
  free(text);
  return st;
}

sckg_status sckg_write_dot(const sckg_graph *g, const char *view, FILE *out) {
  if (!view)
    return SCKG_ERR_ARG;
  sckg_view_options opts = {.view = view};
  return sckg_write_view_dot(g, &opts, out);
}
