/* SPDX-License-Identifier: MIT */
/* Views of a finished graph as cgraph graphs: what write_dot.c writes as DOT
 * and write_render.c lays out. Private to the library. */
#ifndef SCKG_VIEW_H
#define SCKG_VIEW_H

#include "model/graph_impl.h"
#include "sckg/write.h"

#include <graphviz/cgraph.h>

/* The views are described in view/grammar.c (the forms of their names and
 * what each draws) and with sckg_view_options in sckg/write.h.
 *
 * "statement": "around" the hub takes two of three signals: an actor in
 * common (up to the top of partOf/affiliatedWith; the statement's actors
 * include those of what it says), a source article in common, the same
 * date. Any one alone would pull in most of a large graph.
 *
 * Sides: in a statement view the actors the statement is about go on the
 * right; in actor, article and type views the actors that are only ever
 * targets there (with everything that belongs to the same top actor), so
 * that "sanctioners -- sanctions -> sanctioned" reads left to right; the
 * actor in focus (actor view) or the one most aimed at (article and type
 * views) stands in the middle, the events aimed at it before it and its
 * own after it (view/focus.c, FOCUS). "all" keeps every actor on the left. */

/* Actors and events past which a view is laid out with sfdp instead of dot
 * (unless a layout is chosen). Measured with bench/layout.sh on news made
 * by tests/views/gen-articles.sh, SVG, best of three, Debian 12, Graphviz
 * 2.42.2; nodes include the legend's:
 *
 *   view "all"        nodes   313  472  579  672  867 1056 1434 1772
 *                     dot s  0.19 0.31 0.65 0.59 0.83 2.73 3.37 6.83
 *                     sfdp s 0.22 0.40 0.27 0.44 0.62 0.82 0.74 1.36
 *   "actor:Q423",     nodes   363  515  611  707  807  887 1038
 *   depth 2 (five     dot s  0.16 0.45 0.70 0.88 1.43 1.89 2.61
 *   columns, the most sfdp s 0.15 0.61 0.49 0.69 0.66 0.76 0.84
 *   any view has)
 *
 * Up to about 500 nodes the two take the same time; past 600 dot is slower
 * than sfdp on every view, passes a second between 700 and 850 nodes and
 * then grows about with the square of the size, while sfdp stays near
 * linear. 600 keeps dot, whose columns read left to right, wherever it
 * costs under 0.7 s. (dot does not explode here as the shared notes
 * measured for a plain actor-event-actor graph, 265 s for 500 events:
 * no view has an edge from an event back to a left-hand actor.) */
#define SCKG_VIEW_DOT_MAX_NODES 600

/* Actors and events past which a view draws a summary instead of
 * everything it selects (view/select.c, view_select_rest): its anchor (the
 * actor of an actor view, the statement of a statement view), then the most
 * reported of the events it selects (most sources, then most agents and
 * targets, then the lowest IRI), each with the statements that report it,
 * what it says if the view shows a statement's content (actor view; the
 * hub of a statement view), their actors and what those belong to, while
 * they fit; the title says how many of how many it shows. Drawn
 * whole, the graph of 10,000 generated articles (bench/gen.py; 12,975
 * actors, 135,547 events) kept sfdp busy for more than ten minutes. Its
 * "all" summary at each cap, laid out and rendered as SVG by the graphviz
 * tools (best of three, Debian 12, Graphviz 2.42.2):
 *
 *   cap           400   600   800  1000  1500  2000  3000
 *   engine        dot   dot  sfdp  sfdp  sfdp  sfdp  sfdp
 *   edges         766  1345  1998  2677  3608  4501  6351
 *   seconds      0.20  0.59  0.67  0.98  1.42  1.96  3.31
 *
 * sfdp grows about linearly, a second per thousand nodes; 1,000 keeps the
 * picture within a second, and a picture of a thousand boxes is already
 * an overview. Uncapped, that graph's type:sanctions view (23,186 actors
 * and events) took 79 s as SVG, actor:Q423 (38,625) 173 s and with
 * --depth 2 (140,215) more than 15 minutes; capped, each takes 4 to 5 s,
 * 3 of them reading the articles (Release build). */
#define SCKG_VIEW_MAX_NODES 1000

/* Build the cgraph graph of the view `opts` asks for of the finished graph
 * `g`, nodes and edges created in IRI order so agwrite's output is
 * deterministic. For a layout other than dot the root graph carries
 * `layout` (and `overlap`), which write_render.c follows. On success *out
 * is a new root graph the caller closes with agclose; with `out` NULL the
 * view is only selected, as a check. SCKG_ERR_ARG for an unfinished graph,
 * bad options or a view that names nothing (one, or several, where one is
 * needed), with a phrase saying which appended to `problem` (when not
 * NULL), to follow the quoted view in a message; SCKG_ERR_INTERNAL when cgraph
 * fails; *out is NULL then. */
sckg_status sckg_view_make(const sckg_graph *g, const sckg_view_options *opts,
                           Agraph_t **out, sckg_buf *problem);

/* sckg_view_make with only a view name. */
sckg_status sckg_view_build(const sckg_graph *g, const char *view,
                            Agraph_t **out);

#endif
