/* SPDX-License-Identifier: MIT */
/* DOT output: the view of view/ written by cgraph's agwrite. cgraph writes
 * nodes and edges in creation order, and view/ creates them from the
 * IRI-sorted arrays of the finished graph: the DOT is byte-identical on
 * every run. */
#include "sckg/write.h"
#include "view/view.h"

#include <stdio.h>

sckg_status sckg_write_check_view(const sckg_graph *g,
                                  const sckg_view_options *opts,
                                  const char **problem) {
  return sckg_view_make(g, opts, NULL, problem);
}

sckg_status sckg_write_view_dot(const sckg_graph *g,
                                const sckg_view_options *opts, FILE *out) {
  Agraph_t *ag = NULL;
  if (!out)
    return SCKG_ERR_ARG;
  sckg_status st = sckg_view_make(g, opts, &ag, NULL);
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

sckg_status sckg_write_dot(const sckg_graph *g, const char *view, FILE *out) {
  if (!view)
    return SCKG_ERR_ARG;
  sckg_view_options opts = {.view = view};
  return sckg_write_view_dot(g, &opts, out);
}
