/* SPDX-License-Identifier: MIT */
/* sckg: sanctions and cyber-event knowledge graphs from news articles.
 *
 *   sckg_input in = {.name = "report.txt", .text = text, .len = len};
 *   sckg_graph *g;
 *   if (sckg_build(&in, 1, NULL, &g) == SCKG_OK) {
 *     sckg_write_ntriples(g, stdout);
 *     sckg_graph_free(g);
 *   }
 */
#ifndef SCKG_H
#define SCKG_H

#include "sckg/diff.h"
#include "sckg/graph.h"
#include "sckg/status.h"
#include "sckg/write.h"

#define SCKG_VERSION "0.1.0"

#endif
