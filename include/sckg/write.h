/* SPDX-License-Identifier: MIT */
/* sckg: writing a finished graph as RDF/XML, N-Triples, DOT and SVG. */
#ifndef SCKG_WRITE_H
#define SCKG_WRITE_H

#include "sckg/graph.h"

#include <stdio.h>

/** Write the graph as N-Triples, one triple per line, sorted field by field
 * (subject, then predicate, then object; IRIs before literals), each
 * compared as bytes. SCKG_ERR_ARG for a NULL or unfinished graph,
 * SCKG_ERR_INPUT when a triple cannot be written (a bad language tag;
 * nothing is written then), SCKG_ERR_WRITE when `out` fails. */
sckg_status sckg_write_ntriples(const sckg_graph *g, FILE *out);

/** Write the graph as RDF/XML through libxml2's xmlTextWriter, subjects
 * sorted; the triples are exactly those of sckg_write_ntriples. Errors as
 * for sckg_write_ntriples; SCKG_ERR_INPUT also for a triple XML 1.0 cannot
 * carry (a control character), checked before anything is written. */
sckg_status sckg_write_rdfxml(const sckg_graph *g, FILE *out);

/** Write the `view` of the graph ("statement", "all", ...) as DOT built
 * with cgraph. SCKG_ERR_ARG for an unknown view. */
sckg_status sckg_write_dot(const sckg_graph *g, const char *view, FILE *out);

/** Lay out the `view` with gvc and render it in `format` ("svg", "png",
 * "pdf"). SCKG_ERR_ARG for an unknown view or format. */
sckg_status sckg_write_rendered(const sckg_graph *g, const char *view,
                                const char *format, FILE *out);

#endif
