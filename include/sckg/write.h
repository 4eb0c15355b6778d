/* SPDX-License-Identifier: MIT */
/* sckg: writing a finished graph as RDF/XML, N-Triples, DOT and SVG, to a
 * FILE or to a caller's byte sink. Writers report what they refuse to the
 * graph's diagnostics sink (sckg_options.sink), besides the status. */
#ifndef SCKG_WRITE_H
#define SCKG_WRITE_H

#include "sckg/graph.h"

#include <stdio.h>

/** Write the graph as N-Triples, one triple per line, sorted field by field
 * (subject, then predicate, then object; IRIs before literals), each
 * compared as bytes. SCKG_ERR_ARG for a NULL or unfinished graph,
 * SCKG_ERR_INPUT when a triple cannot be written (a bad language tag;
 * reported, and nothing is written), SCKG_ERR_WRITE when `out` fails. */
sckg_status sckg_write_ntriples(const sckg_graph *g, FILE *out);

/** A caller's byte sink, as serd's SerdSink: write `len` bytes of `buf` to
 * `stream` and return how many were written; fewer is a failure, after
 * which the writer stops and returns SCKG_ERR_WRITE. */
typedef size_t (*sckg_byte_sink)(const void *buf, size_t len, void *stream);

/** sckg_write_ntriples to a byte sink, in pieces of up to 64 KiB. */
sckg_status sckg_write_ntriples_to(const sckg_graph *g, sckg_byte_sink sink,
                                   void *stream);

/** Write the graph as RDF/XML through libxml2's xmlTextWriter, subjects
 * sorted; the triples are exactly those of sckg_write_ntriples. Errors as
 * for sckg_write_ntriples; SCKG_ERR_INPUT also for a triple XML 1.0 cannot
 * carry (a control character), checked before anything is written. */
sckg_status sckg_write_rdfxml(const sckg_graph *g, FILE *out);

/** Write the graph as Turtle: the @prefix lines of the contract's
 * namespaces and of the graph's actor/, article/ and event/ resources,
 * then the triples of sckg_write_ntriples in the same order, a subject's
 * grouped with ';' and a predicate's objects with ',', IRIs as prefixed
 * names where Turtle allows. Errors as for sckg_write_ntriples. */
sckg_status sckg_write_turtle(const sckg_graph *g, FILE *out);

/** sckg_write_turtle to a byte sink. */
sckg_status sckg_write_turtle_to(const sckg_graph *g, sckg_byte_sink sink,
                                 void *stream);

/** sckg_write_rdfxml to a byte sink. */
sckg_status sckg_write_rdfxml_to(const sckg_graph *g, sckg_byte_sink sink,
                                 void *stream);

/** Write the `view` of the graph (see sckg_view_options) as DOT built with
 * cgraph, with the default depth, links and layout. SCKG_ERR_ARG for an
 * unknown view or one that names nothing in the graph; nothing is written
 * then. */
sckg_status sckg_write_dot(const sckg_graph *g, const char *view, FILE *out);

/** Lay out the `view` with gvc and render it in `format` ("svg", "png",
 * "pdf"). SCKG_ERR_ARG for an unknown view or format. */
sckg_status sckg_write_rendered(const sckg_graph *g, const char *view,
                                const char *format, FILE *out);

/** The most steps an actor view takes (sckg_view_options.depth). */
#define SCKG_VIEW_MAX_DEPTH 8

/** What a diagram shows, where its links point and how it is laid out.
 * Zero-initialise, then set what you need.
 *
 * `view` names what to draw (NULL is "all"): the whole graph, the main or
 * a named statement, one actor's neighbourhood, one article, or the events
 * of some types or type groups, as in "statement", "actor:Q423",
 * "article:ap-2023-04-07" or "type:sanctions". The forms of a view's name,
 * what each draws, the type groups and the layout engines are described
 * once, in the tables of graph/view/grammar.c; `sckg --help` prints them
 * and README.md's "Diagrams" repeats them (a test compares the two). Every
 * view also shows the statements that report its events and, for an actor
 * view, what the statements it holds say, and every actor shown comes with
 * what it belongs to (partOf, affiliatedWith). */
typedef struct {
  const char *view;      /**< see above; NULL = "all" */
  unsigned depth;        /**< steps of an actor view, 1 to
                              SCKG_VIEW_MAX_DEPTH; 0 = 1 */
  const char *link_base; /**< node and edge links go to link_base followed
                              by the percent-encoded IRI (a triple store's
                              describe page); NULL = the IRI itself */
  const char *layout;    /**< a Graphviz engine of grammar.c's table
                              ("dot", "sfdp", ...); NULL = dot up to a
                              size, sfdp past it */
} sckg_view_options;

/** Check `opts` against the finished graph `g` without drawing anything:
 * SCKG_OK, or SCKG_ERR_ARG with the reason reported to the graph's sink,
 * e.g. "view 'actor:X' names no actor of the graph (...)". The drawing
 * writers report the same when given such a view. */
sckg_status sckg_write_check_view(const sckg_graph *g,
                                  const sckg_view_options *opts);

/** sckg_write_dot with every option. For a layout other than dot (chosen
 * or by size) the DOT carries `layout` and `overlap` so that Graphviz's
 * own tools lay it out the same way. Errors as for sckg_write_dot. */
sckg_status sckg_write_view_dot(const sckg_graph *g,
                                const sckg_view_options *opts, FILE *out);

/** sckg_write_view_dot to a byte sink, in one piece. */
sckg_status sckg_write_view_dot_to(const sckg_graph *g,
                                   const sckg_view_options *opts,
                                   sckg_byte_sink sink, void *stream);

/** sckg_write_rendered with every option. */
sckg_status sckg_write_view_rendered(const sckg_graph *g,
                                     const sckg_view_options *opts,
                                     const char *format, FILE *out);

/** sckg_write_view_rendered to a byte sink, in one piece. */
sckg_status sckg_write_view_rendered_to(const sckg_graph *g,
                                        const sckg_view_options *opts,
                                        const char *format, sckg_byte_sink sink,
                                        void *stream);

#endif
