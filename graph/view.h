/* SPDX-License-Identifier: MIT */
/* Views of a finished graph as cgraph graphs: what write_dot.c writes as DOT
 * and write_render.c lays out. Private to the library. */
#ifndef SCKG_VIEW_H
#define SCKG_VIEW_H

#include "graph_impl.h"

#include <graphviz/cgraph.h>

/* Views, as the CLI and sckg_write_dot name them:
 *   "all"            every actor and event;
 *   "statement"      the main statement (the MakeStatement event with the
 *                    most agents, then the most sources, then the lowest
 *                    IRI): its issuers, what it says (events statedIn it),
 *                    the events around it, the statements that report those
 *                    and every actor involved with what it belongs to;
 *                    "all" when the graph has no MakeStatement;
 *   "statement:IRI"  the same for the event whose IRI is IRI or, if no IRI
 *                    equals it, the one IRI ending in it.
 * "Around" takes two of three signals: an actor in common (up to the top of
 * partOf/affiliatedWith; the statement's actors include those of what it
 * says), a source article in common, the same date. Any one alone would
 * pull in most of a large graph. */

/* Node count past which write_render.c lays out with sfdp instead of dot.
 * dot's time grows with ranks; the views keep ranks few (no edge runs from
 * an event back to a left-hand actor), and on this machine dot took 0.9 s
 * for 650 nodes and 3.4 s for 1,300 where sfdp took 0.5 s and 1.1 s. 300 is
 * the brief's first figure, kept: past a few hundred nodes neither layout
 * is read as a story, and sfdp's cost stays flat. */
#define SCKG_VIEW_DOT_MAX_NODES 300

/* Build the cgraph graph of `view` of the finished graph `g`, nodes and
 * edges created in IRI order so agwrite's output is deterministic. On
 * success *out is a new root graph the caller closes with agclose.
 * SCKG_ERR_ARG for an unfinished graph, an unknown view or a statement that
 * matches no event (or several); SCKG_ERR_INTERNAL when cgraph fails; *out
 * is NULL then. */
sckg_status sckg_view_build(const sckg_graph *g, const char *view,
                            Agraph_t **out);

#endif
