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
 * Views (`view`; NULL is "all"):
 *   "all"             every actor and event (past 1,000 of them, the
 *                     most reported events and their actors);
 *   "statement"       the main joint statement (most issuers, then most
 *                     sources) as the hub: who issued it, what it says,
 *                     whom it concerns and the events around it; "all"
 *                     when the graph holds no statement;
 *   "statement:IRI"   the same for one statement event, named by its IRI
 *                     or the one IRI ending in IRI;
 *   "actor:NAME"      one actor and its neighbourhood: its events and
 *                     those of its parts (the Treasury's count for the
 *                     United States), with their actors; each further
 *                     `depth` step adds the events of the actors reached.
 *                     NAME is a Wikidata QID ("Q423"), the actor's IRI,
 *                     its slug ("north-korea") or its label, any case;
 *   "article:ID"      what one article reports: the events whose sources
 *                     include the article with dcterms:identifier ID (a
 *                     file name with folder or ".txt" is accepted), with
 *                     their actors;
 *   "type:T[,T...]"   every event of the given types: contract names in
 *                     any case ("ImposeSanctions") or groups: "cyber"
 *                     (CyberAttack, CyberTheft, CyberEspionage),
 *                     "sanctions" (ImposeSanctions, EaseSanctions,
 *                     SeizeAssets), "military" (MilitaryExercise,
 *                     WeaponsTest).
 * Every view also shows the statements that report its events and, for an
 * actor view, what the statements it holds say, and every actor shown
 * comes with what it belongs to (partOf, affiliatedWith). */
typedef struct {
  const char *view;      /**< see above; NULL = "all" */
  unsigned depth;        /**< steps of an actor view, 1 to
                              SCKG_VIEW_MAX_DEPTH; 0 = 1 */
  const char *link_base; /**< node and edge links go to link_base followed
                              by the percent-encoded IRI (a triple store's
                              describe page); NULL = the IRI itself */
  const char *layout;    /**< Graphviz engine: "dot", "sfdp", "neato",
                              "fdp", "circo" or "twopi"; NULL = dot up to
                              a size, sfdp past it */
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
