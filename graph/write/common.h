/* SPDX-License-Identifier: MIT */
/* What the writers share: writing to a FILE through the byte-sink form of
 * each (the FILE as a sink, the check of the stream at the end), and the
 * report of a view that cannot be drawn. */
#ifndef SCKG_WRITE_COMMON_H
#define SCKG_WRITE_COMMON_H

#include "base/support.h"
#include "sckg/write.h"

#include <stdio.h>

/* An sckg_byte_sink over a FILE * stream: fwrite. */
size_t sckg_file_sink(const void *buf, size_t len, void *file);

/* The status of a write to `file` that returned `st`: SCKG_ERR_WRITE also
 * when the stream fails to flush or holds an error a short write did not
 * show. */
sckg_status sckg_write_file_done(sckg_status st, FILE *file);

/* Triples given by hand (a graph's `triples`) with a language tag that
 * `format` ("N-Triples", "Turtle") cannot carry: SCKG_ERR_INPUT, reported
 * to the graph's sink, before the first byte is written, so that a refused
 * graph leaves nothing half written. Those made from the nodes tag their
 * literals "en" alone and are not walked. */
sckg_status sckg_write_check_langs(const sckg_graph *g, const char *format);

/* The FILE form of a writer with the byte-sink form `write` (N-Triples,
 * Turtle, RDF/XML): SCKG_ERR_ARG for a NULL `out`. */
typedef sckg_status (*sckg_sink_writer)(const sckg_graph *g,
                                        sckg_byte_sink sink, void *stream);
sckg_status sckg_write_to_file(sckg_sink_writer write, const sckg_graph *g,
                               FILE *out);

/* sckg_write_ntriples appending to `out`, in its own memory: for the
 * command line's jobs, whose N-Triples wait in memory, which a byte sink
 * would copy there a second time. */
sckg_status sckg_write_ntriples_buf(const sckg_graph *g, sckg_buf *out);

/* Report to the graph's sink why the view of `opts` cannot be drawn:
 * `problem` as sckg_view_make gives it, after the view's name. */
void sckg_write_report_view(const sckg_graph *g, const sckg_view_options *opts,
                            const char *problem);

#endif
