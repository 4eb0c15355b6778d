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

void sckg_write_report_view(const sckg_graph *g, const sckg_view_options *opts,
                            const char *problem) {
  char msg[640];
  snprintf(msg, sizeof msg, "view '%.200s' %s",
           opts && opts->view ? opts->view : "all", problem);
  sckg_graph_report(g, SCKG_ERR_ARG, NULL, 0, 0, msg);
}
