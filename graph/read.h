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
 * fresh one for each article would cost more than reading a short one. */
sckg_status sckg_graph_read_using(const sckg_schema *schema,
                                  const sckg_options *opts,
                                  const sckg_input *in, sckg_extractor *x,
                                  sckg_graph **out);

#endif
