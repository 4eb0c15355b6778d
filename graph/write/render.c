/* SPDX-License-Identifier: MIT */
/* Rendered output (SVG, PNG, PDF) through gvc: the view view/ builds,
 * laid out and rendered in memory, then written to the caller's stream.
 *
 * Two gvc behaviours shape this file:
 *   - gvRender to a FILE * calls exit(1) when a write fails (gvwrite in
 *     2.42): a library must not end its caller's process, so we render with
 *     gvRenderData and write the bytes ourselves;
 *   - layout and render report problems through agerr, which prints to
 *     stderr unless a handler is installed: the library never prints, so a
 *     handler that drops the text is installed for the call and the error
 *     count (agerrors) decides success instead. The handler is process-wide
 *     state in cgraph: concurrent renders in one process are not supported.
 */
#include "model/graph_impl.h"
#include "sckg/write.h"
#include "view/view.h"
#include "write/common.h"

#include <graphviz/gvc.h>
#include <stdio.h>
#include <string.h>

static const char *const formats[] = {"svg", "png", "pdf"};

/* cgraph takes `char *` for strings it only reads. */
static char *cs(const char *s) { return (char *)s; }

/* One gvc context per process, made on first use and never freed. The pango
 * plugin of 2.42 caches a pointer to the last font name it measured, and
 * that string belongs to the context: after gvFreeContext the next render
 * in the process reads freed memory. gvContext also reloads the plugin
 * configuration and leaks part of it each time. A context is meant to serve
 * a sequence of graphs, one at a time (gvcontext.c). Not thread-safe (nor
 * is cgraph's agerr handler). */
static GVC_t *shared_context(void) {
  static GVC_t *gvc;
  if (!gvc)
    gvc = gvContext();
  return gvc;
}

static int drop_message(char *message) {
  (void)message;
  return 0;
}

/* Lay out and render the view into a buffer gvc allocated; on success
 * *data (free with gvFreeRenderData) holds *len bytes. The layout is freed
 * before returning, so a caller writes only after every check has passed.
 * agerrors counts what agerr reported since the reset: a label error still
 * yields a complete-looking picture (dot exits 1 then), hence the check. */
static sckg_status render_data(const sckg_graph *g,
                               const sckg_view_options *opts,
                               const char *format, char **data,
                               unsigned int *len) {
  Agraph_t *ag = NULL;
  GVC_t *gvc = NULL;
  bool laid_out = false;
  sckg_status st;
  agusererrf old_errf = agseterrf(drop_message);
  agreseterrors();

  sckg_buf problem = {0};
  st = sckg_view_make(g, opts, &ag, &problem);
  if (st == SCKG_ERR_ARG)
    sckg_write_report_view(g, opts, problem.ptr);
  sckg_buf_free(&problem);
  if (st)
    goto done;
  if (!(gvc = shared_context())) {
    st = SCKG_ERR_INTERNAL;
    goto done;
  }
  /* The view names its engine when it is not dot: chosen, or sfdp past
   * SCKG_VIEW_DOT_MAX_NODES (view/view.h has the measurements). */
  const char *engine = agget(ag, cs("layout"));
  if (!engine || !*engine)
    engine = "dot";
  if (gvLayout(gvc, ag, engine) != 0) {
    st = SCKG_ERR_INTERNAL;
    goto done;
  }
  laid_out = true;
  if (gvRenderData(gvc, ag, format, data, len) != 0) {
    st = SCKG_ERR_INTERNAL;
    goto done;
  }

done:
  if (laid_out && gvFreeLayout(gvc, ag) != 0 && !st)
    st = SCKG_ERR_INTERNAL;
  if (ag)
    agclose(ag);
  if (agerrors() > AGWARN && !st)
    st = SCKG_ERR_INTERNAL;
  agseterrf(old_errf);
  if (st && *data) {
    gvFreeRenderData(*data);
    *data = NULL;
    *len = 0;
  }
  return st;
}

sckg_status sckg_write_view_rendered_to(const sckg_graph *g,
                                        const sckg_view_options *opts,
                                        const char *format, sckg_byte_sink sink,
                                        void *stream) {
  char *data = NULL;
  unsigned int len = 0;
  bool known = false;
  if (!g || !opts || !format || !sink)
    return SCKG_ERR_ARG;
  for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
    known |= strcmp(format, formats[i]) == 0;
  if (!known) {
    char msg[256];
    snprintf(msg, sizeof msg,
             "cannot render '%.40s': not a format (use svg, png or pdf)",
             format);
    sckg_graph_report(g, SCKG_ERR_ARG, NULL, 0, 0, msg);
    return SCKG_ERR_ARG;
  }

  sckg_status st = render_data(g, opts, format, &data, &len);
  if (st == SCKG_ERR_INTERNAL)
    sckg_graph_report(g, st, NULL, 0, 0,
                      "Graphviz could not lay out or render the view");
  if (st)
    goto done;
  if (len && sink(data, len, stream) != len)
    st = SCKG_ERR_WRITE;

done:
  if (data)
    gvFreeRenderData(data);
  return st;
}

sckg_status sckg_write_view_rendered(const sckg_graph *g,
                                     const sckg_view_options *opts,
                                     const char *format, FILE *out) {
  if (!out)
    return SCKG_ERR_ARG;
  return sckg_write_file_done(
      sckg_write_view_rendered_to(g, opts, format, sckg_file_sink, out), out);
}

sckg_status sckg_write_rendered(const sckg_graph *g, const char *view,
                                const char *format, FILE *out) {
  if (!view)
    return SCKG_ERR_ARG;
  sckg_view_options opts = {.view = view};
  return sckg_write_view_rendered(g, &opts, format, out);
}
