/* SPDX-License-Identifier: MIT */
/* sckg: comparing two graph snapshots as a person reads them. */
#ifndef SCKG_DIFF_H
#define SCKG_DIFF_H

#include "sckg/status.h"

#include <stdbool.h>
#include <stdio.h>

/** Compare two snapshots (each N-Triples, Turtle or RDF/XML from any
 * writer, read with raptor2's parsers, RDF/XML told apart by content) and print
 * to `out` one line per event or actor added ("+ ...") or removed ("- ..."),
 * e.g.
 *   + ImposeSanctions Japan → North Korea 2023-04-07 [ap-2023-04-07]
 * sorted, so the listing is deterministic. *differ is set to whether the
 * graphs differ in any triple. SCKG_ERR_IO / SCKG_ERR_INPUT with a message
 * to `sink` naming the file when one cannot be read or parsed. */
sckg_status sckg_diff_files(const char *old_path, const char *new_path,
                            FILE *out, bool *differ, sckg_diag_sink sink,
                            void *handle);

/** Unite the graph snapshots of separate sckg runs over shards of the
 * articles (each N-Triples, Turtle or RDF/XML) into the graph one run over
 * all their articles gives, written to `out` as N-Triples: an undated
 * report joins the dated event of the same type, agents, targets and
 * polarity; an actor keeps one label and one parent, as one run chooses;
 * lexicon actors the schema relates get skos:related when both are in the
 * union. `base` is the resource namespace the shards were built with (NULL
 * = SCKG_DEFAULT_BASE). Errors as for sckg_diff_files. */
sckg_status sckg_union_files(const char *const *paths, size_t n,
                             const char *base, FILE *out, sckg_diag_sink sink,
                             void *handle);

#endif
