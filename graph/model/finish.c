/* SPDX-License-Identifier: MIT */
/* Finishing a graph: undated reports join their dated event, events get
 * their IRIs, and every node list is sorted by IRI. */
#include "model/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ev_node *resolved(ev_node *e) {
  while (e->merged_into)
    e = e->merged_into;
  return e;
}

/* The items of `from` pushed onto `to`, in the arena of g. */
static void push_all(sckg_graph *g, sckg_vec *to, const sckg_vec *from) {
  for (size_t i = 0; i < from->len; i++)
    sckg_vec_push_in(g->arena, to, from->items[i]);
}

static void merge_event(sckg_graph *g, ev_node *from, ev_node *into) {
  from->merged_into = into;
  push_all(g, &into->evidence, &from->evidence);
  push_all(g, &into->sources, &from->sources);
  push_all(g, &into->attributed, &from->attributed);
  push_all(g, &into->stated_in, &from->stated_in);
  push_all(g, &into->triggers, &from->triggers);
}

/* The strings the big lists are sorted by (sckg_sort_by_string). */
static sckg_str key_of_event(const void *p) {
  const ev_node *e = p;
  return (sckg_str){e->key, e->key_len};
}
static sckg_str iri_of_event(const void *p) {
  const sckg_event *e = p;
  return sckg_node_iri(e->iri, e->iri_len);
}
static sckg_str iri_of_sentence(const void *p) {
  const sckg_sentence *s = p;
  return sckg_node_iri(s->iri, s->iri_len);
}
static sckg_str iri_of_article(const void *p) {
  const sckg_article *a = p;
  return sckg_node_iri(a->iri, a->iri_len);
}

static int iri_cmp_sentence(const void *pa, const void *pb) {
  return strcmp((*(sckg_sentence *const *)pa)->iri,
                (*(sckg_sentence *const *)pb)->iri);
}

static int iri_cmp_article(const void *pa, const void *pb) {
  return strcmp((*(sckg_article *const *)pa)->iri,
                (*(sckg_article *const *)pb)->iri);
}

static int iri_cmp_event(const void *pa, const void *pb) {
  return strcmp((*(sckg_event *const *)pa)->iri,
                (*(sckg_event *const *)pb)->iri);
}

static int str_cmp(const void *pa, const void *pb) {
  return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* "CyberTheft" as "cyber-theft", appended to b: made in a block on the
 * stack and added a block at a time, not a call per character, since
 * every event's IRI goes through here. */
static void kebab(sckg_buf *b, const char *camel) {
  char part[64];
  size_t k = 0;
  for (const char *p = camel; *p; p++) {
    if (k + 2 > sizeof part) {
      sckg_buf_add(b, part, k);
      k = 0;
    }
    if (*p >= 'A' && *p <= 'Z') {
      if (p != camel)
        part[k++] = '-';
      part[k++] = (char)(*p - 'A' + 'a');
    } else {
      part[k++] = *p;
    }
  }
  sckg_buf_add(b, part, k);
}

/* What the IRIs of the events of `type` start with: the base, "event/",
 * the type in kebab case and '-', made in g's arena when first asked for
 * (with `buf` to make it in) and kept in start[type]. */
static sckg_str event_iri_start(sckg_graph *g, sckg_event_type type,
                                sckg_str *start, sckg_buf *buf) {
  if (!start[type].ptr) {
    sckg_buf_clear(buf);
    sckg_buf_add(buf, g->base, g->base_len);
    sckg_buf_add(buf, "event/", 6);
    kebab(buf, sckg_event_types[type].name);
    sckg_buf_addc(buf, '-');
    start[type].ptr = sckg_arena_strndup(g->arena, buf->ptr, buf->len);
    start[type].len = buf->len;
  }
  return start[type];
}

/* e's IRI: the start of its type's and the hash of its key in hex, unique
 * to the event, as a sentence's is: made in the arena, not interned. The
 * base, fixed names and hex need no escape, so its length is given. */
static void name_event(sckg_graph *g, ev_node *e, sckg_str *start,
                       sckg_buf *buf) {
  sckg_str head = event_iri_start(g, e->pub.type, start, buf);
  size_t len = head.len + 16;
  char *iri = sckg_arena_alloc_dirty(g->arena, len + 1);
  memcpy(iri, head.ptr, head.len);
  sckg_format_hex64(iri + head.len, sckg_hash64(e->key, e->key_len));
  iri[len] = '\0';
  e->pub.iri = iri;
  e->pub.iri_len = len;
}

/* Undated reports join the dated event of the same type, agents, targets
 * and polarity (the contract), the earliest date when there are several.
 * Events are visited in key order, so the result does not depend on the
 * order the articles came in. */
/* The bytes of a key before its date: slugs hold no '|', so a key's last
 * '|' is the one before the date. */
static size_t undated_len(const char *key) {
  return (size_t)(strrchr(key, '|') - key);
}

/* Prefetch for a walk of the events in key order, which is not the order
 * they were made and lie in: the node SCKG_AHEAD * 2 on, and the key text
 * of the one SCKG_AHEAD on, whose node has come in by then. */
static void fetch_ahead(ev_node *const *evs, size_t i, size_t n,
                        bool key_text) {
  if (i + 2 * SCKG_AHEAD < n)
    __builtin_prefetch(&evs[i + 2 * SCKG_AHEAD]->key);
  if (key_text && i + SCKG_AHEAD < n)
    __builtin_prefetch(evs[i + SCKG_AHEAD]->key);
}

/* An undated event joins the dated event of the same identity but for the
 * date: of several, the one of the smallest key. `evs` is sorted by key,
 * and every key is that identity, '|' and the date, so the events of one
 * identity come as one run, and its first dated event has the smallest
 * key. */
static void merge_undated(sckg_graph *g, ev_node **evs, size_t n) {
  for (size_t i = 0, j; i < n; i = j) {
    size_t len = undated_len(evs[i]->key);
    ev_node *dated = NULL;
    for (j = i; j < n; j++) {
      fetch_ahead(evs, j, n, true);
      if (strncmp(evs[j]->key, evs[i]->key, len + 1) != 0 ||
          undated_len(evs[j]->key) != len)
        break;
      if (!dated && evs[j]->pub.date.year)
        dated = evs[j];
    }
    for (size_t k = i; dated && k < j; k++)
      if (!evs[k]->pub.date.year)
        merge_event(g, evs[k], dated);
  }
}

/* Article IRIs A and B compared as A + sep and B + sep would be: the order
 * of their sentences' IRIs. It is A and B's own order with '#', but not
 * with '/', which sorts after '-', '.' and '%' ("a-b" < "a" + '/'). */
static int sentence_prefix_cmp(const void *pa, const void *pb) {
  const sckg_article *a = *(sckg_article *const *)pa,
                     *b = *(sckg_article *const *)pb;
  const unsigned char *x = (const unsigned char *)a->iri,
                      *y = (const unsigned char *)b->iri;
  while (*x && *x == *y)
    x++, y++;
  unsigned cx = *x ? *x : (unsigned char)sckg_graph_sentence_sep(a),
           cy = *y ? *y : (unsigned char)sckg_graph_sentence_sep(b);
  return (cx > cy) - (cx < cy);
}

/* s[0, n), sentences of one article, in IRI order and each once (the
 * evidence of several events); returns how many are left. */
static size_t sort_unique_sentences(void **s, size_t n) {
  sckg_sort_by_string(s, n, iri_of_sentence);
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    if (!w || s[w - 1] != s[i])
      s[w++] = s[i];
  return w;
}

/* g->sentences in IRI order, each once. A sentence's IRI starts with its
 * article's IRI and separator, which no other article's IRI and separator
 * start with: so the articles are put in order, the sentences go to their
 * article by a counting sort, and only each article's few are compared.
 * One sort of them all would compare long IRIs scattered over the heap,
 * a cache miss each, and more of them per sentence as the corpus grows. */
static void sort_sentences(sckg_graph *g) {
  size_t n_art = g->articles.len, n = g->sentences.len;
  if (n_art == 1) { /* a graph of one article, as a stream makes */
    ((sckg_article *)g->articles.items[0])->rank = 0;
    g->sentences.len = sort_unique_sentences(g->sentences.items, n);
    return;
  }
  sckg_article **arts = sckg_xmalloc((n_art ? n_art : 1) * sizeof *arts);
  if (n_art)
    memcpy(arts, g->articles.items, n_art * sizeof *arts);
  sckg_sort(arts, n_art, sizeof *arts, sentence_prefix_cmp);
  for (size_t i = 0; i < n_art; i++)
    arts[i]->rank = i;
  free(arts);
  size_t *start = sckg_xcalloc(n_art + 1, sizeof *start);
  for (size_t i = 0; i < n; i++)
    start[((sckg_sentence *)g->sentences.items[i])->article->rank + 1]++;
  for (size_t i = 0; i < n_art; i++)
    start[i + 1] += start[i];
  void **out = sckg_xmalloc((n ? n : 1) * sizeof *out);
  for (size_t i = 0; i < n; i++) {
    sckg_sentence *s = g->sentences.items[i];
    out[start[s->article->rank]++] = s;
  }
  /* start[r] is now where article r + 1 begins */
  size_t w = 0;
  for (size_t r = 0, b = 0; r < n_art; b = start[r++]) {
    size_t k = sort_unique_sentences(out + b, start[r] - b);
    memmove(out + w, out + b, k * sizeof *out);
    w += k;
  }
  free(start);
  free(g->sentences.items);
  g->sentences.items = out;
  g->sentences.len = w;
  g->sentences.cap = n ? n : 1;
}

/* Every article's mentions in IRI order: the order of g->actors, sorted
 * already. So no IRI is compared again: the (article, actor) pairs are
 * bucketed by the actor's place there, a counting sort, and handed back to
 * their articles in that order. */
static void sort_mentions(sckg_graph *g) {
  size_t n_act = g->actors.len, n_art = g->articles.len, n = 0;
  sckg_actor **actors = SCKG_ACTORS(g);
  sckg_article **arts = SCKG_ARTICLES(g);
  for (size_t i = 0; i < n_act; i++)
    actors[i]->rank = i;
  for (size_t a = 0; a < n_art; a++)
    n += arts[a]->n_mentions;
  if (!n)
    return;
  size_t *start = sckg_xcalloc(n_act + 1, sizeof *start);
  for (size_t a = 0; a < n_art; a++)
    for (size_t k = 0; k < arts[a]->n_mentions; k++)
      start[arts[a]->mentions[k]->rank + 1]++;
  for (size_t i = 0; i < n_act; i++)
    start[i + 1] += start[i];
  sckg_article **by_actor = sckg_xmalloc(n * sizeof *by_actor);
  for (size_t a = 0; a < n_art; a++) {
    for (size_t k = 0; k < arts[a]->n_mentions; k++)
      by_actor[start[arts[a]->mentions[k]->rank]++] = arts[a];
    arts[a]->n_mentions = 0; /* counted up again as they come back */
  }
  /* start[r] is now where actor r + 1's articles begin */
  for (size_t r = 0, i = 0; r < n_act; r++)
    for (; i < start[r]; i++) {
      sckg_article *art = by_actor[i];
      art->mentions[art->n_mentions++] = actors[r];
    }
  free(by_actor);
  free(start);
}

/* arr[0, n), n >= 2, sorted in place and without repeats; returns how many
 * are left. */
static size_t sort_unique(void **arr, size_t n,
                          int (*cmp)(const void *, const void *)) {
  sckg_sort(arr, n, sizeof *arr, cmp);
  size_t w = 1;
  for (size_t i = 1; i < n; i++)
    if (arr[w - 1] != arr[i])
      arr[w++] = arr[i];
  return w;
}

/* A set of an event, its items already in the arena, sorted in place and
 * without repeats (merged reports may repeat an item); *n its size. Most
 * hold one item, which is neither sorted nor called out for: five sets of
 * every event come through here. */
static inline void *arena_sorted(sckg_graph *g, sckg_vec *v, size_t *n,
                                 int (*cmp)(const void *, const void *)) {
  void **arr = v->items ? v->items : sckg_arena_alloc_dirty(g->arena, 0);
  *n = v->len > 1 ? sort_unique(arr, v->len, cmp) : v->len;
  return arr;
}

sckg_status sckg_graph_finish(sckg_graph *g) {
  if (!g || g->finished)
    return SCKG_ERR_ARG;
  build_state *b = BUILD(g);
  size_t n = b->all_events.len;
  /* sorted where they are: the order they were made in is not needed any
   * more (items is NULL when no article had an event) */
  ev_node **evs = (ev_node **)b->all_events.items;
  sckg_sort_by_string((void **)evs, n, key_of_event);
  if (!g->opts.shard) /* a shard leaves it to sckg_union_files */
    merge_undated(g, evs, n);
  sckg_model_link_related(g);
  sckg_str iri_start[SCKG_EV_COUNT] = {{0}};
  for (size_t i = 0; i < n; i++) {
    fetch_ahead(evs, i, n, true);
    ev_node *e = evs[i];
    if (!e->merged_into)
      name_event(g, e, iri_start, &b->buf);
  }
  sckg_vec *sentences = &g->sentences;
  sckg_vec_reserve(&g->events, n);
  sckg_vec_reserve(sentences, n); /* each event has one at least */
  for (size_t i = 0; i < n; i++) {
    fetch_ahead(evs, i, n, false);
    ev_node *e = evs[i];
    if (e->merged_into)
      continue;
    sckg_event *p = &e->pub;
    p->evidence =
        arena_sorted(g, &e->evidence, &p->n_evidence, iri_cmp_sentence);
    p->sources = arena_sorted(g, &e->sources, &p->n_sources, iri_cmp_article);
    p->attributed =
        arena_sorted(g, &e->attributed, &p->n_attributed, sckg_graph_actor_cmp);
    const char **trig = arena_sorted(g, &e->triggers, &(size_t){0}, str_cmp);
    p->trigger = e->triggers.len ? trig[0] : NULL;
    /* the statement that reports it: the smallest IRI among candidates */
    sckg_vec statements = {0}; /* in the arena */
    for (size_t k = 0; k < e->stated_in.len; k++) {
      ev_node *s = resolved(e->stated_in.items[k]);
      if (s != e)
        sckg_vec_push_unique_in(g->arena, &statements, &s->pub);
    }
    p->stated_in_all =
        arena_sorted(g, &statements, &p->n_stated_in_all, iri_cmp_event);
    for (size_t k = 0; k < p->n_stated_in_all; k++) {
      sckg_event *s = p->stated_in_all[k];
      if (!p->stated_in || s->n_agents > p->stated_in->n_agents)
        p->stated_in = s;
    }
    for (size_t k = 0; k < p->n_evidence; k++)
      sckg_vec_push(sentences, p->evidence[k]); /* deduplicated below */
    sckg_vec_push(&g->events, p);
  }
  sckg_sort_by_string(g->events.items, g->events.len, iri_of_event);
  sckg_sort_by_string(g->actors.items, g->actors.len, sckg_graph_actor_iri);
  sckg_sort_by_string(g->articles.items, g->articles.len, iri_of_article);
  sort_mentions(g);
  sort_sentences(g);
  if (!g->reusable) /* else kept for the next article (sckg_graph_reuse) */
    sckg_model_free_build(g);
  g->finished = true;
  return SCKG_OK;
}
