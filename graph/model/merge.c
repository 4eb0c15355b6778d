/* SPDX-License-Identifier: MIT */
/* Merging one article's graph into another: every node of the part finds
 * or becomes its node in the whole. */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

/* Where the nodes of a graph being merged went in the graph it is merged
 * into, by address of the part's node. */
typedef struct {
  sckg_graph *g, *part;
  sckg_pmap actors, articles, sentences, events;
} merge_map;

/* The actor of `g` for the part's actor `a`, made when new. Of what two
 * graphs say about an actor read from the text, the smallest class and
 * the longest label (sckg_label_better) win, as within one article
 * (sckg_entities_named). */
static sckg_actor *merge_actor(merge_map *m, sckg_actor *a) {
  sckg_graph *g = m->g;
  sckg_actor *to = sckg_pmap_get(&m->actors, a);
  if (to)
    return to;
  bool made;
  to = sckg_graph_actor(g, a->slug, a->label, a->cls, a->qid, NULL, false,
                        &made);
  if (made) {
    to->from_lexicon = a->from_lexicon;
  } else if (!to->from_lexicon) {
    if (a->cls < to->cls)
      to->cls = a->cls;
    if (sckg_label_better(a->label, to->label)) {
      to->label_len = a->label_len;
      to->label = sckg_arena_strndup(g->arena, a->label, a->label_len);
    }
  }
  sckg_pmap_put(&m->actors, a, to);
  return to;
}

static sckg_actor **merge_actors(merge_map *m, sckg_actor **arr, size_t n) {
  sckg_actor **out = sckg_arena_alloc(m->g->arena, (n ? n : 1) * sizeof *out);
  for (size_t i = 0; i < n; i++)
    out[i] = merge_actor(m, arr[i]);
  return out;
}

static sckg_sentence *merge_sentence(merge_map *m, sckg_sentence *s,
                                     sckg_article *art) {
  sckg_sentence *to = sckg_pmap_get(&m->sentences, s);
  if (to)
    return to;
  to = sckg_arena_alloc(m->g->arena, sizeof *to);
  *to = *s;
  to->article = art;
  /* a sentence's IRI names it alone: a copy, not one more entry in the
   * string table, which a big graph fills with millions of them */
  to->iri = sckg_arena_strndup(m->g->arena, s->iri, strlen(s->iri));
  to->text = art->text ? art->text + (s->text - s->article->text)
                       : sckg_arena_strndup(m->g->arena, s->text, s->text_len);
  sckg_pmap_put(&m->sentences, s, to);
  return to;
}

static ev_node *merge_event_node(merge_map *m, ev_node *e) {
  sckg_graph *g = m->g;
  ev_node *to = sckg_pmap_get(&m->events, e);
  if (to)
    return to;
  const char *key = sckg_graph_intern(g, e->key, e->key_len);
  to = sckg_pmap_get(&BUILD(g)->events_by_key, key);
  if (!to) {
    to = sckg_arena_alloc(g->arena, sizeof *to);
    to->key = key;
    to->key_len = e->key_len;
    to->pub.type = e->pub.type;
    to->pub.agents = merge_actors(m, e->pub.agents, e->pub.n_agents);
    to->pub.n_agents = e->pub.n_agents;
    to->pub.targets = merge_actors(m, e->pub.targets, e->pub.n_targets);
    to->pub.n_targets = e->pub.n_targets;
    to->pub.date = e->pub.date;
    to->pub.negated = e->pub.negated;
    sckg_pmap_put(&BUILD(g)->events_by_key, key, to);
    sckg_vec_push(&BUILD(g)->all_events, to);
  }
  sckg_pmap_put(&m->events, e, to);
  return to;
}

/* Copy the part's article and what it reports into `g`. */
static void merge_article(merge_map *m, sckg_article *a) {
  sckg_graph *g = m->g;
  sckg_article *to = sckg_arena_alloc(g->arena, sizeof *to);
  *to = *a;
  to->ident = sckg_graph_intern(g, a->ident, strlen(a->ident));
  to->iri = sckg_graph_intern(g, a->iri, strlen(a->iri));
  to->title = a->title
                  ? sckg_arena_strndup(g->arena, a->title, strlen(a->title))
                  : NULL;
  to->publisher = a->publisher
                      ? sckg_graph_intern(g, a->publisher, strlen(a->publisher))
                      : NULL;
  to->text = a->text ? sckg_arena_strndup(g->arena, a->text, a->len) : NULL;
  to->mentions = merge_actors(m, a->mentions, a->n_mentions);
  sckg_pmap_put(&BUILD(g)->articles_by_ident, to->ident, to);
  sckg_vec_push(&g->articles, to);
  sckg_pmap_put(&m->articles, a, to);
}

sckg_status sckg_graph_merge(sckg_graph *g, sckg_graph *part) {
  if (!g || !part || g->finished || part->finished ||
      g->schema != part->schema || strcmp(g->base, part->base) != 0) {
    sckg_graph_free(part);
    return SCKG_ERR_ARG;
  }
  build_state *pb = BUILD(part);
  for (size_t i = 0; i < part->articles.len; i++) {
    sckg_article *a = part->articles.items[i];
    if (sckg_pmap_get(&BUILD(g)->articles_by_ident,
                      sckg_graph_intern(g, a->ident, strlen(a->ident)))) {
      sckg_graph_report_taken(g, pb->input_name ? pb->input_name : a->ident,
                              a->ident);
      sckg_graph_free(part);
      return SCKG_ERR_INPUT;
    }
  }
  merge_map m = {.g = g, .part = part};
  /* lexicon actors first, through the lexicon, so they keep its parents */
  size_t n_lex = part->schema->n_actors;
  for (size_t i = sckg_graph_next_lex_made(part, 0); i < n_lex;
       i = sckg_graph_next_lex_made(part, i + 1))
    sckg_pmap_put(&m.actors, pb->lex_actors[i],
                  sckg_graph_lex_actor(g, part->schema->actors[i]));
  for (size_t i = 0; i < part->actors.len; i++)
    merge_actor(&m, part->actors.items[i]);
  /* parents of actors read from the text: the smallest IRI, as within one
   * graph; after all actors exist, since a parent may come later */
  for (size_t i = 0; i < part->actors.len; i++) {
    sckg_actor *a = part->actors.items[i];
    if (!a->from_lexicon && a->parent)
      sckg_model_set_parent(g, merge_actor(&m, a), merge_actor(&m, a->parent));
  }
  for (size_t i = 0; i < part->articles.len; i++)
    merge_article(&m, part->articles.items[i]);
  for (size_t i = 0; i < pb->all_events.len; i++) {
    ev_node *e = pb->all_events.items[i];
    ev_node *to = merge_event_node(&m, e);
    for (size_t k = 0; k < e->evidence.len; k++) {
      sckg_sentence *s = e->evidence.items[k];
      sckg_graph_push_recent(
          g, &to->evidence,
          merge_sentence(&m, s, sckg_pmap_get(&m.articles, s->article)));
    }
    for (size_t k = 0; k < e->sources.len; k++) {
      sckg_article *a = sckg_pmap_get(&m.articles, e->sources.items[k]);
      if (!to->sources.len || to->sources.items[to->sources.len - 1] != a)
        sckg_vec_push_in(g->arena, &to->sources, a);
    }
    for (size_t k = 0; k < e->attributed.len; k++)
      sckg_vec_push_unique_in(g->arena, &to->attributed,
                              merge_actor(&m, e->attributed.items[k]));
    for (size_t k = 0; k < e->triggers.len; k++) {
      const char *t = e->triggers.items[k];
      sckg_vec_push_unique_in(g->arena, &to->triggers,
                              (void *)sckg_graph_intern(g, t, strlen(t)));
    }
  }
  for (size_t i = 0; i < pb->all_events.len; i++) {
    ev_node *e = pb->all_events.items[i];
    ev_node *to = sckg_pmap_get(&m.events, e);
    for (size_t k = 0; k < e->stated_in.len; k++) {
      ev_node *s = merge_event_node(&m, e->stated_in.items[k]);
      if (s != to)
        sckg_vec_push_unique_in(g->arena, &to->stated_in, s);
    }
  }
  sckg_pmap_free(&m.actors);
  sckg_pmap_free(&m.articles);
  sckg_pmap_free(&m.sentences);
  sckg_pmap_free(&m.events);
  sckg_graph_free(part);
  return SCKG_OK;
}
