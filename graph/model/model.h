/* SPDX-License-Identifier: MIT */
/* What the files of model/ share besides build.h. Private to model/. */
#ifndef SCKG_MODEL_H
#define SCKG_MODEL_H

#include "lexicon/lexicon.h"
#include "lexicon/token.h"
#include "model/build.h"

/* Free what only building needs (graph.c); finishing calls it last. */
void sckg_model_free_build(sckg_graph *g);
/* skos:related between lexicon actors both in the graph (graph.c). */
void sckg_model_link_related(sckg_graph *g);
/* Give an actor read from the text the parent the texts tell of
 * (graph.c). */
void sckg_model_set_parent(sckg_graph *g, sckg_actor *a, sckg_actor *parent);

#endif
