/* SPDX-License-Identifier: MIT */
/* Reading one article into a graph of its own: the text's layout, the
 * extraction, and its result made into the graph's nodes. */
#ifndef SCKG_READ_H
#define SCKG_READ_H

#include "extract/extract.h"
#include "model/graph_impl.h"

/* sckg_graph_read with the working memory `x` (NULL: one of its own),
 * which stays the caller's: a reader thread keeps one for all its
 * articles, since it is large (a sentence's tokens and memo) and zeroing a
 * fresh one for each article would cost more than reading a short one.
 * So with `spare` (else NULL), for a reader that is done with each graph
 * before it reads the next (streaming): *spare, a graph read so before and
 * done with (or NULL), is taken, emptied and read into, rather than one
 * made and freed for every article, and *out is one to hand back in
 * *spare in its turn. */
sckg_status sckg_graph_read_using(const sckg_schema *schema,
                                  const sckg_options *opts,
                                  const sckg_input *in, sckg_extractor *x,
                                  sckg_graph **spare, sckg_graph **out);

#endif
