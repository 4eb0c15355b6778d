/* SPDX-License-Identifier: MIT */
/* What the writers share: FILE streams through the byte-sink forms, and
 * the report of a view that cannot be drawn. */
#include "write/common.h"
#include "model/graph_impl.h"

size_t sckg_file_sink(const void *buf, size_t len, void *file) {
  return fwrite(buf, 1, len, file);
}

sckg_status sckg_write_file_done(sckg_status st, FILE *file) {
  if (fflush(file) != 0 || ferror(file))
    return st ? st : SCKG_ERR_WRITE;
  return st;
}

sckg_status sckg_write_to_file(sckg_sink_writer write, const sckg_graph *g,
                               FILE *out) {
  if (!out)
    return SCKG_ERR_ARG;
  return sckg_write_file_done(write(g, sckg_file_sink, out), out);
}

void sckg_write_report_view(const sckg_graph *g, const sckg_view_options *opts,
                            const char *problem) {
  char msg[640];
  snprintf(msg, sizeof msg, "view '%.200s' %s",
           opts && opts->view ? opts->view : "all", problem);
  sckg_graph_report(g, SCKG_ERR_ARG, NULL, 0, 0, msg);
}

typedef struct {
  const sckg_graph *g;
  const char *format;
} lang_check;

static sckg_status check_subject(void *ctx, const sckg_triple *t, size_t n) {
  const lang_check *c = ctx;
  for (size_t i = 0; i < n; i++)
    if (t[i].o.kind == SCKG_TERM_LITERAL && t[i].o.lang &&
        !sckg_lang_valid(t[i].o.lang)) {
      char msg[512];
      snprintf(msg, sizeof msg,
               "cannot write %s: a literal of <%.200s> has the language tag "
               "'%.40s', which is not well-formed",
               c->format, t[i].s, t[i].o.lang);
      sckg_graph_report(c->g, SCKG_ERR_INPUT, NULL, 0, 0, msg);
      return SCKG_ERR_INPUT;
    }
  return SCKG_OK;
}

sckg_status sckg_write_check_langs(const sckg_graph *g, const char *format) {
  lang_check c = {g, format};
  return g->triples ? sckg_graph_each_subject(g, check_subject, &c) : SCKG_OK;
}
