/* SPDX-License-Identifier: MIT */
/* The graph: actors and events from every article, merged by content, with
 * IRIs derived from that content, turned into sorted triples. */
#include "build.h"
#include "lexicon/lexicon.h"
#include "text/token.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *sckg_graph_intern(sckg_graph *g, const char *s, size_t len) {
  return sckg_strtab_intern(g->strings, s, len);
}

/* An absolute IRI (RFC 3987) that names can be appended to: a scheme
 * (letter, then letters, digits, + - .) and ':', no character IRIs forbid,
 * well-formed %XX escapes, valid UTF-8, and '#' only as its last character
 * (minted names then make the fragment). */
static bool valid_base(const char *b, size_t n) {
  size_t i = 0;
  if (!((b[0] >= 'a' && b[0] <= 'z') || (b[0] >= 'A' && b[0] <= 'Z')))
    return false;
  while (i < n &&
         ((b[i] >= 'a' && b[i] <= 'z') || (b[i] >= 'A' && b[i] <= 'Z') ||
          (b[i] >= '0' && b[i] <= '9') || b[i] == '+' || b[i] == '-' ||
          b[i] == '.'))
    i++;
  if (i == n || b[i] != ':' || i + 1 == n)
    return false;
  if (sckg_utf8_check(b, n) != n)
    return false;
  for (size_t k = i + 1; k < n; k++) {
    unsigned char c = (unsigned char)b[k];
    if (c <= ' ' || c == 0x7F || strchr("<>\"{}|\\^`", c))
      return false;
    if (c == '#' && k + 1 != n)
      return false;
    if (c == '%' && !(k + 2 < n && isxdigit((unsigned char)b[k + 1]) &&
                      isxdigit((unsigned char)b[k + 2])))
      return false;
  }
  return true;
}

static sckg_status default_options(const sckg_options *in, sckg_options *out) {
  memset(out, 0, sizeof *out);
  if (in)
    *out = *in;
  if (!out->base)
    out->base = SCKG_DEFAULT_BASE;
  size_t n = strlen(out->base);
  if (!n || (out->base[n - 1] != '/' && out->base[n - 1] != '#'))
    return SCKG_ERR_ARG;
  if (!valid_base(out->base, n))
    return SCKG_ERR_ARG;
  /* dot segments would be resolved away by RDF/XML parsers, so the two
   * serialisations would no longer carry the same IRIs */
  if (strstr(out->base, "/./") || strstr(out->base, "/../"))
    return SCKG_ERR_ARG;
  if (out->default_date) {
    sckg_date d;
    if (!sckg_date_parse(out->default_date, strlen(out->default_date), &d))
      return SCKG_ERR_ARG;
  }
  return SCKG_OK;
}

sckg_status sckg_graph_new(const sckg_schema *schema, const sckg_options *opts,
                           sckg_graph **out) {
  *out = NULL;
  sckg_options o;
  if (!schema)
    return SCKG_ERR_ARG;
  sckg_status st = default_options(opts, &o);
  if (st != SCKG_OK)
    return st;
  sckg_graph *g = sckg_xcalloc(1, sizeof *g);
  g->schema = schema;
  g->opts = o;
  g->arena = sckg_arena_new();
  g->strings = sckg_strtab_new(g->arena);
  g->base = sckg_graph_intern(g, o.base, strlen(o.base));
  build_state *b = sckg_xcalloc(1, sizeof *b);
  b->lex_actors = sckg_xcalloc(schema->n_actors ? schema->n_actors : 1,
                               sizeof *b->lex_actors);
  g->build = b;
  *out = g;
  return SCKG_OK;
}

static void free_build(sckg_graph *g) {
  build_state *b = BUILD(g);
  if (!b)
    return;
  for (size_t i = 0; i < b->all_events.len; i++) {
    ev_node *e = b->all_events.items[i];
    sckg_vec_free(&e->evidence);
    sckg_vec_free(&e->sources);
    sckg_vec_free(&e->attributed);
    sckg_vec_free(&e->stated_in);
    sckg_vec_free(&e->triggers);
  }
  sckg_vec_free(&b->all_events);
  if (!b->extractor_lent)
    sckg_extractor_free(b->extractor);
  sckg_pmap_free(&b->actors_by_slug);
  sckg_pmap_free(&b->events_by_key);
  sckg_pmap_free(&b->articles_by_ident);
  sckg_buf_free(&b->buf);
  free(b->lex_actors);
  free(b);
  g->build = NULL;
}

void sckg_graph_free(sckg_graph *g) {
  if (!g)
    return;
  free_build(g);
  sckg_vec_free(&g->actors);
  sckg_vec_free(&g->events);
  sckg_vec_free(&g->articles);
  sckg_vec_free(&g->sentences);
  free(g->triples);
  sckg_strtab_free(g->strings);
  sckg_arena_free(g->arena);
  free(g);
}

size_t sckg_graph_actor_count(const sckg_graph *g) { return g->actors.len; }
size_t sckg_graph_event_count(const sckg_graph *g) { return g->events.len; }
size_t sckg_graph_article_count(const sckg_graph *g) { return g->articles.len; }

/* --- IRIs -------------------------------------------------------------- */

/* An article identifier as an IRI segment: unreserved characters kept,
 * everything else percent-encoded. */
void sckg_graph_encode_segment(sckg_buf *out, const char *s, size_t n) {
  /* "." and ".." would be dot segments, resolved away by RDF/XML parsers */
  bool dots = n > 0 && strspn(s, ".") >= n;
  for (size_t i = 0; i < n; i++) {
    if (dots) {
      sckg_buf_adds(out, "%2E");
      continue;
    }
    unsigned char c = (unsigned char)s[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~')
      sckg_buf_addc(out, (char)c);
    else
      sckg_buf_printf(out, "%%%02X", c);
  }
}

/* What joins an article's IRI and "char=b,e" in its sentences' IRIs: NIF's
 * '#', or '/' inside the fragment of a '#' base. An encoded segment holds
 * neither, which sort_sentences relies on. */
char sckg_graph_sentence_sep(const sckg_article *a) {
  return strchr(a->iri, '#') ? '/' : '#';
}

/* --- actors ------------------------------------------------------------ */

static sckg_actor *make_actor(sckg_graph *g, const char *slug,
                              const char *label, sckg_class cls,
                              const char *qid, sckg_actor *parent) {
  sckg_actor *a = sckg_arena_alloc(g->arena, sizeof *a);
  a->slug = slug;
  sckg_buf *b = &BUILD(g)->buf;
  sckg_buf_clear(b);
  sckg_buf_printf(b, "%sactor/%s", g->base, slug);
  a->iri = sckg_graph_intern(g, b->ptr, b->len);
  a->label = label;
  a->cls = cls;
  a->qid = qid;
  a->parent = parent;
  a->affiliated = parent && cls == SCKG_CLASS_PERSON;
  sckg_pmap_put(&BUILD(g)->actors_by_slug, slug, a);
  sckg_vec_push(&g->actors, a);
  return a;
}

sckg_actor *sckg_graph_actor(sckg_graph *g, const char *slug, const char *label,
                             sckg_class cls, const char *qid,
                             sckg_actor *parent, bool *made) {
  slug = sckg_graph_intern(g, slug, strlen(slug));
  sckg_actor *a = sckg_pmap_get(&BUILD(g)->actors_by_slug, slug);
  *made = !a;
  if (!a)
    a = make_actor(g, slug, sckg_graph_intern(g, label, strlen(label)), cls,
                   qid ? sckg_graph_intern(g, qid, strlen(qid)) : NULL, parent);
  return a;
}

sckg_actor *sckg_graph_lex_actor(sckg_graph *g, const lex_actor *la) {
  build_state *b = BUILD(g);
  if (!la)
    return NULL;
  if (b->lex_actors[la->index])
    return b->lex_actors[la->index];
  sckg_actor *parent = la->parent ? sckg_graph_lex_actor(g, la->parent) : NULL;
  bool made;
  sckg_actor *a =
      sckg_graph_actor(g, la->id, la->label, la->cls, la->qid, parent, &made);
  a->from_lexicon = true;
  b->lex_actors[la->index] = a;
  return a;
}

/* skos:related between lexicon actors that are both in the graph: a group
 * the articles never name is not brought in by its kinship to one they do. */
static void link_related(sckg_graph *g) {
  build_state *b = BUILD(g);
  const sckg_schema *s = g->schema;
  for (size_t i = 0; i < s->n_actors; i++) {
    sckg_actor *a = b->lex_actors[i];
    const lex_actor *la = s->actors[i];
    if (!a || !la->n_related)
      continue;
    sckg_vec rel = {0};
    for (size_t k = 0; k < la->n_related; k++) {
      sckg_actor *o = b->lex_actors[la->related[k]->index];
      if (o && o != a)
        sckg_vec_push_unique(&rel, o);
    }
    a->related =
        sckg_arena_memdup(g->arena, rel.items, rel.len * sizeof(void *));
    a->n_related = rel.len;
    sckg_vec_free(&rel);
  }
}

/* Give an actor read from the text the parent the texts tell of (of
 * several, the smallest IRI; lexicon actors keep theirs). */
static void set_parent(sckg_graph *g, sckg_actor *a, sckg_actor *parent) {
  (void)g;
  if (a->from_lexicon || !parent || parent == a)
    return;
  /* of several parents the texts tell of, the smallest IRI wins, so the
   * graph does not depend on the order the articles came in */
  if (a->parent && strcmp(a->parent->iri, parent->iri) <= 0)
    return;
  for (sckg_actor *p = parent; p; p = p->parent)
    if (p == a)
      return; /* no cycles */
  a->parent = parent;
  a->affiliated = a->cls == SCKG_CLASS_PERSON;
}

/* --- services to the reader --------------------------------------------- */

void sckg_graph_report(const sckg_graph *g, sckg_status st, const char *file,
                       unsigned long line, unsigned long col, const char *msg) {
  if (!g->opts.sink)
    return;
  sckg_diag d = {st, file, line, col, msg, false};
  g->opts.sink(g->opts.sink_handle, &d);
}

int sckg_graph_actor_cmp(const void *pa, const void *pb) {
  return strcmp((*(sckg_actor *const *)pa)->iri,
                (*(sckg_actor *const *)pb)->iri);
}

/* Push a sentence unless it was the last one pushed: an article's events
 * are met sentence by sentence, in order, so a repeat can only be the last
 * item (a scan of earlier ones would be quadratic in a long article). */
void sckg_graph_push_recent(sckg_vec *v, sckg_sentence *s) {
  if (!v->len || v->items[v->len - 1] != s)
    sckg_vec_push(v, s);
}

/* The error for a second article with an identifier already in the graph. */
void sckg_graph_report_taken(const sckg_graph *g, const char *name,
                             const char *ident) {
  char msg[256];
  snprintf(msg, sizeof msg,
           "the article identifier '%.80s' is taken by another input "
           "(an identifier is the file name without folder and .txt, or "
           "the record's id)",
           ident);
  sckg_graph_report(g, SCKG_ERR_INPUT, name, 0, 0, msg);
}

/* --- merging ------------------------------------------------------------ */

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
  to = sckg_graph_actor(g, a->slug, a->label, a->cls, a->qid, NULL, &made);
  if (made) {
    to->from_lexicon = a->from_lexicon;
  } else if (!to->from_lexicon) {
    if (a->cls < to->cls)
      to->cls = a->cls;
    if (sckg_label_better(a->label, to->label))
      to->label = sckg_graph_intern(g, a->label, strlen(a->label));
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
  const char *key = sckg_graph_intern(g, e->key, strlen(e->key));
  to = sckg_pmap_get(&BUILD(g)->events_by_key, key);
  if (!to) {
    to = sckg_arena_alloc(g->arena, sizeof *to);
    to->key = key;
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
  for (size_t i = 0; i < part->schema->n_actors; i++)
    if (pb->lex_actors[i])
      sckg_pmap_put(&m.actors, pb->lex_actors[i],
                    sckg_graph_lex_actor(g, part->schema->actors[i]));
  for (size_t i = 0; i < part->actors.len; i++)
    merge_actor(&m, part->actors.items[i]);
  /* parents of actors read from the text: the smallest IRI, as within one
   * graph; after all actors exist, since a parent may come later */
  for (size_t i = 0; i < part->actors.len; i++) {
    sckg_actor *a = part->actors.items[i];
    if (!a->from_lexicon && a->parent)
      set_parent(g, merge_actor(&m, a), merge_actor(&m, a->parent));
  }
  for (size_t i = 0; i < part->articles.len; i++)
    merge_article(&m, part->articles.items[i]);
  for (size_t i = 0; i < pb->all_events.len; i++) {
    ev_node *e = pb->all_events.items[i];
    ev_node *to = merge_event_node(&m, e);
    for (size_t k = 0; k < e->evidence.len; k++) {
      sckg_sentence *s = e->evidence.items[k];
      sckg_graph_push_recent(
          &to->evidence,
          merge_sentence(&m, s, sckg_pmap_get(&m.articles, s->article)));
    }
    for (size_t k = 0; k < e->sources.len; k++) {
      sckg_article *a = sckg_pmap_get(&m.articles, e->sources.items[k]);
      if (!to->sources.len || to->sources.items[to->sources.len - 1] != a)
        sckg_vec_push(&to->sources, a);
    }
    for (size_t k = 0; k < e->attributed.len; k++)
      sckg_vec_push_unique(&to->attributed,
                           merge_actor(&m, e->attributed.items[k]));
    for (size_t k = 0; k < e->triggers.len; k++) {
      const char *t = e->triggers.items[k];
      sckg_vec_push_unique(&to->triggers,
                           (void *)sckg_graph_intern(g, t, strlen(t)));
    }
  }
  for (size_t i = 0; i < pb->all_events.len; i++) {
    ev_node *e = pb->all_events.items[i];
    ev_node *to = sckg_pmap_get(&m.events, e);
    for (size_t k = 0; k < e->stated_in.len; k++) {
      ev_node *s = merge_event_node(&m, e->stated_in.items[k]);
      if (s != to)
        sckg_vec_push_unique(&to->stated_in, s);
    }
  }
  sckg_pmap_free(&m.actors);
  sckg_pmap_free(&m.articles);
  sckg_pmap_free(&m.sentences);
  sckg_pmap_free(&m.events);
  sckg_graph_free(part);
  return SCKG_OK;
}

sckg_status sckg_graph_add(sckg_graph *g, const sckg_input *in) {
  if (!g || !in || g->finished || (!in->text && in->len))
    return SCKG_ERR_ARG;
  build_state *b = BUILD(g);
  if (!b->extractor) /* one for all the articles of this graph */
    b->extractor = sckg_extractor_new();
  sckg_graph *part;
  sckg_status st =
      sckg_graph_read_using(g->schema, &g->opts, in, b->extractor, &part);
  if (st != SCKG_OK)
    return st;
  return sckg_graph_merge(g, part);
}

/* --- finishing ------------------------------------------------------- */

static ev_node *resolved(ev_node *e) {
  while (e->merged_into)
    e = e->merged_into;
  return e;
}

static void merge_event(ev_node *from, ev_node *into) {
  from->merged_into = into;
  for (size_t i = 0; i < from->evidence.len; i++)
    sckg_vec_push(&into->evidence, from->evidence.items[i]);
  for (size_t i = 0; i < from->sources.len; i++)
    sckg_vec_push(&into->sources, from->sources.items[i]);
  for (size_t i = 0; i < from->attributed.len; i++)
    sckg_vec_push(&into->attributed, from->attributed.items[i]);
  for (size_t i = 0; i < from->stated_in.len; i++)
    sckg_vec_push(&into->stated_in, from->stated_in.items[i]);
  for (size_t i = 0; i < from->triggers.len; i++)
    sckg_vec_push(&into->triggers, from->triggers.items[i]);
}

/* The strings the big lists are sorted by (sckg_sort_by_string). */
static const char *key_of_event(const void *p) {
  return ((const ev_node *)p)->key;
}
static const char *iri_of_event(const void *p) {
  return ((const sckg_event *)p)->iri;
}
static const char *iri_of_actor(const void *p) {
  return ((const sckg_actor *)p)->iri;
}
static const char *iri_of_article(const void *p) {
  return ((const sckg_article *)p)->iri;
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

static void kebab(sckg_buf *b, const char *camel) {
  for (const char *p = camel; *p; p++) {
    if (*p >= 'A' && *p <= 'Z') {
      if (p != camel)
        sckg_buf_addc(b, '-');
      sckg_buf_addc(b, (char)(*p - 'A' + 'a'));
    } else {
      sckg_buf_addc(b, *p);
    }
  }
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
static void merge_undated(ev_node **evs, size_t n) {
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
        merge_event(evs[k], dated);
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

/* g->sentences in IRI order, each once. A sentence's IRI starts with its
 * article's IRI and separator, which no other article's IRI and separator
 * start with: so the articles are put in order, the sentences go to their
 * article by a counting sort, and only each article's few are compared.
 * One sort of them all would compare long IRIs scattered over the heap,
 * a cache miss each, and more of them per sentence as the corpus grows. */
static void sort_sentences(sckg_graph *g) {
  size_t n_art = g->articles.len, n = g->sentences.len;
  sckg_article **arts = sckg_xmalloc((n_art ? n_art : 1) * sizeof *arts);
  if (n_art)
    memcpy(arts, g->articles.items, n_art * sizeof *arts);
  qsort(arts, n_art, sizeof *arts, sentence_prefix_cmp);
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
    qsort(out + b, start[r] - b, sizeof *out, iri_cmp_sentence);
    for (size_t i = b; i < start[r]; i++) /* evidence of several events */
      if (!w || out[w - 1] != out[i])
        out[w++] = out[i];
  }
  free(start);
  free(g->sentences.items);
  g->sentences.items = out;
  g->sentences.len = w;
  g->sentences.cap = n ? n : 1;
}

static void *arena_sorted(sckg_graph *g, sckg_vec *v, size_t *n,
                          int (*cmp)(const void *, const void *)) {
  *n = v->len;
  void **arr = sckg_arena_memdup(g->arena, v->items, v->len * sizeof(void *));
  if (v->len > 1) /* most hold one item */
    qsort(arr, v->len, sizeof *arr, cmp);
  /* merged reports may repeat an item: keep one */
  size_t w = 0;
  for (size_t i = 0; i < v->len; i++)
    if (!w || arr[w - 1] != arr[i])
      arr[w++] = arr[i];
  *n = w;
  return arr;
}

/* --- triples ----------------------------------------------------------- */

/* One subject's triples at a time. The strings a triple needs that no node
 * holds whole (a sentence's text and offsets, a date, an event's label)
 * live in the walker's buffers until the next subject; the IRIs it makes
 * (classes, event types, Wikidata entities) in its arena until the walk
 * ends, so that a writer may know an IRI by its address for the whole
 * walk. */
typedef struct {
  sckg_triple *t;
  size_t n, cap;
  sckg_arena *arena;
  const char *class_iri[SCKG_CLASS_COUNT];
  const char *type_iri[SCKG_EV_COUNT];
  char index[2][24]; /* nif:beginIndex, nif:endIndex */
  sckg_buf anchor;   /* nif:anchorOf */
  char date[16];
  sckg_buf label;
  const sckg_schema *schema; /* what each event type's label is */
} triples;

static void add(triples *T, const char *s, const char *p, sckg_term o) {
  if (T->n == T->cap) {
    T->cap = T->cap ? T->cap * 2 : 64;
    T->t = sckg_xrealloc(T->t, T->cap * sizeof *T->t);
  }
  T->t[T->n++] = (sckg_triple){s, p, o};
}

static sckg_term iri(const char *v) {
  return (sckg_term){SCKG_TERM_IRI, v, NULL, NULL};
}
static sckg_term lit(const char *v, const char *lang, const char *dt) {
  return (sckg_term){SCKG_TERM_LITERAL, v, lang, dt};
}

static const char *I(triples *T, const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *s = sckg_arena_alloc(T->arena, la + lb + 1);
  memcpy(s, a, la);
  memcpy(s + la, b, lb + 1);
  return s;
}

static const char *num(triples *T, int which, size_t v) {
  snprintf(T->index[which], sizeof T->index[which], "%zu", v);
  return T->index[which];
}

#define RDF(x) SCKG_NS_RDF x
#define SCKG(x) SCKG_NS x

static void actor_triples(triples *T, const sckg_actor *a) {
  add(T, a->iri, RDF("type"), iri(SCKG("Actor")));
  add(T, a->iri, RDF("type"), iri(T->class_iri[a->cls]));
  add(T, a->iri, SCKG_NS_RDFS "label", lit(a->label, "en", NULL));
  if (a->qid)
    add(T, a->iri, SCKG_NS_OWL "sameAs", iri(I(T, SCKG_NS_WD, a->qid)));
  if (a->parent)
    add(T, a->iri, a->affiliated ? SCKG("affiliatedWith") : SCKG("partOf"),
        iri(a->parent->iri));
  for (size_t i = 0; i < a->n_related; i++)
    if (a->related[i] != a)
      add(T, a->iri, SCKG_NS_SKOS "related", iri(a->related[i]->iri));
}

static void article_triples(triples *T, const sckg_article *a, bool text) {
  add(T, a->iri, RDF("type"), iri(SCKG("Article")));
  add(T, a->iri, RDF("type"), iri(SCKG_NS_NIF "Context"));
  add(T, a->iri, SCKG_NS_DCT "identifier", lit(a->ident, NULL, NULL));
  if (a->title)
    add(T, a->iri, SCKG_NS_DCT "title", lit(a->title, NULL, NULL));
  if (a->publisher)
    add(T, a->iri, SCKG_NS_DCT "publisher", lit(a->publisher, NULL, NULL));
  if (a->date.year)
    add(T, a->iri, SCKG_NS_DCT "date",
        lit(T->date, NULL, sckg_date_format(a->date, T->date)));
  if (text)
    add(T, a->iri, SCKG_NS_NIF "isString", lit(a->text, NULL, NULL));
  for (size_t i = 0; i < a->n_mentions; i++)
    add(T, a->iri, SCKG("mentions"), iri(a->mentions[i]->iri));
}

static void sentence_triples(triples *T, const sckg_sentence *s) {
  const char *nn = SCKG_NS_XSD "nonNegativeInteger";
  add(T, s->iri, RDF("type"), iri(SCKG_NS_NIF "Sentence"));
  sckg_buf_clear(&T->anchor);
  sckg_buf_add(&T->anchor, s->text, s->text_len);
  add(T, s->iri, SCKG_NS_NIF "anchorOf", lit(T->anchor.ptr, NULL, NULL));
  add(T, s->iri, SCKG_NS_NIF "beginIndex", lit(num(T, 0, s->begin), NULL, nn));
  add(T, s->iri, SCKG_NS_NIF "endIndex", lit(num(T, 1, s->end), NULL, nn));
  add(T, s->iri, SCKG_NS_NIF "referenceContext", iri(s->article->iri));
}

/* "Japan imposes sanctions on North Korea (2023-04-07)": a label to read
 * an event by in a triple store's browser. */
static const char *event_label(triples *T, const sckg_event *e) {
  sckg_buf *b = &T->label;
  sckg_buf_clear(b);
  for (size_t i = 0; i < e->n_agents; i++) {
    if (i)
      sckg_buf_adds(b, i + 1 == e->n_agents ? " and " : ", ");
    sckg_buf_adds(b, e->agents[i]->label);
  }
  sckg_buf_addc(b, ' ');
  if (e->negated)
    sckg_buf_adds(b, "(denied) ");
  sckg_buf_adds(b, sckg_type(T->schema, e->type)->label);
  if (e->n_targets) {
    sckg_buf_adds(b, ": ");
    for (size_t i = 0; i < e->n_targets; i++) {
      if (i)
        sckg_buf_adds(b, i + 1 == e->n_targets ? " and " : ", ");
      sckg_buf_adds(b, e->targets[i]->label);
    }
  }
  char d[16];
  if (sckg_date_format(e->date, d))
    sckg_buf_printf(b, " (%s)", d);
  return b->ptr;
}

static void event_triples(triples *T, const sckg_event *e) {
  add(T, e->iri, RDF("type"), iri(SCKG("Event")));
  add(T, e->iri, SCKG("eventType"), iri(T->type_iri[e->type]));
  add(T, e->iri, SCKG_NS_RDFS "label", lit(event_label(T, e), "en", NULL));
  for (size_t i = 0; i < e->n_agents; i++)
    add(T, e->iri, SCKG("agent"), iri(e->agents[i]->iri));
  for (size_t i = 0; i < e->n_targets; i++)
    add(T, e->iri, SCKG("target"), iri(e->targets[i]->iri));
  for (size_t i = 0; i < e->n_attributed; i++)
    add(T, e->iri, SCKG("attributedTo"), iri(e->attributed[i]->iri));
  if (e->date.year)
    add(T, e->iri, SCKG("date"),
        lit(T->date, NULL, sckg_date_format(e->date, T->date)));
  if (e->negated)
    add(T, e->iri, SCKG("negated"), lit("true", NULL, SCKG_NS_XSD "boolean"));
  for (size_t i = 0; i < e->n_stated_in_all; i++)
    add(T, e->iri, SCKG("statedIn"), iri(e->stated_in_all[i]->iri));
  for (size_t i = 0; i < e->n_sources; i++)
    add(T, e->iri, SCKG_NS_PROV "wasDerivedFrom", iri(e->sources[i]->iri));
  for (size_t i = 0; i < e->n_evidence; i++)
    add(T, e->iri, SCKG("evidence"), iri(e->evidence[i]->iri));
}

/* Sort one subject's triples by predicate and object and drop repeats.
 * Most subjects have a handful: insertion sort. */
static void sort_subject(triples *T) {
  sckg_triple *t = T->t;
  size_t n = T->n;
  if (n > 32) {
    qsort(t, n, sizeof *t, sckg_triple_cmp);
  } else {
    for (size_t i = 1; i < n; i++) {
      sckg_triple x = t[i];
      size_t j = i;
      for (; j > 0 && sckg_triple_cmp(&t[j - 1], &x) > 0; j--)
        t[j] = t[j - 1];
      t[j] = x;
    }
  }
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    if (!w || sckg_triple_cmp(&t[w - 1], &t[i]) != 0)
      t[w++] = t[i];
  T->n = w;
}

/* The given triples, a run of equal subjects at a time. */
static sckg_status walk_given(const sckg_graph *g, sckg_subject_fn fn,
                              void *ctx) {
  for (size_t i = 0, j; i < g->n_triples; i = j) {
    for (j = i + 1;
         j < g->n_triples && (g->triples[j].s == g->triples[i].s ||
                              strcmp(g->triples[j].s, g->triples[i].s) == 0);
         j++)
      ;
    sckg_status st = fn(ctx, g->triples + i, j - i);
    if (st != SCKG_OK)
      return st;
  }
  return SCKG_OK;
}

/* N-Triples order without sorting all the triples: each node's triples
 * have it as their subject, and no two nodes share an IRI, so visiting the
 * nodes in IRI order (a merge of the four lists, each sorted by IRI
 * already) and sorting each node's few triples orders the whole. */
sckg_status sckg_graph_each_subject(const sckg_graph *g, sckg_subject_fn fn,
                                    void *ctx) {
  if (!g || !fn || !g->finished)
    return SCKG_ERR_ARG;
  if (g->triples)
    return walk_given(g, fn, ctx);
  triples T = {.arena = sckg_arena_new(), .schema = g->schema};
  for (int k = 0; k < SCKG_CLASS_COUNT; k++)
    T.class_iri[k] = I(&T, SCKG_NS, sckg_class_names[k]);
  for (int k = 0; k < SCKG_EV_COUNT; k++)
    T.type_iri[k] = I(&T, SCKG_NS, sckg_event_types[k].name);
  enum { ACTORS, ARTICLES, SENTENCES, EVENTS, KINDS };
  const sckg_vec *lists[KINDS] = {&g->actors, &g->articles, &g->sentences,
                                  &g->events};
  size_t at[KINDS] = {0};
  sckg_status st = SCKG_OK;
  while (st == SCKG_OK) {
    int best = -1;
    const char *best_iri = NULL;
    for (int k = 0; k < KINDS; k++) {
      if (at[k] == lists[k]->len)
        continue;
      void *node = lists[k]->items[at[k]];
      const char *iri = k == ACTORS      ? ((sckg_actor *)node)->iri
                        : k == ARTICLES  ? ((sckg_article *)node)->iri
                        : k == SENTENCES ? ((sckg_sentence *)node)->iri
                                         : ((sckg_event *)node)->iri;
      if (best < 0 || strcmp(iri, best_iri) < 0) {
        best = k;
        best_iri = iri;
      }
    }
    if (best < 0)
      break;
    void *node = lists[best]->items[at[best]++];
    T.n = 0;
    if (best == ACTORS)
      actor_triples(&T, node);
    else if (best == ARTICLES)
      article_triples(&T, node, !g->opts.omit_text);
    else if (best == SENTENCES)
      sentence_triples(&T, node);
    else
      event_triples(&T, node);
    sort_subject(&T);
    st = fn(ctx, T.t, T.n);
  }
  free(T.t);
  sckg_buf_free(&T.label);
  sckg_buf_free(&T.anchor);
  sckg_arena_free(T.arena);
  return st;
}

typedef struct {
  sckg_graph *g;
  sckg_triple *t;
  size_t n, cap;
} listing;

static sckg_status list_subject(void *ctx, const sckg_triple *t, size_t n) {
  listing *L = ctx;
  if (L->n + n > L->cap) {
    while (L->n + n > L->cap)
      L->cap = L->cap ? L->cap * 2 : 1024;
    L->t = sckg_xrealloc(L->t, L->cap * sizeof *L->t);
  }
  for (size_t i = 0; i < n; i++) {
    /* the walk's strings die with it or sooner: keep copies */
    sckg_triple x = t[i];
    x.o.value =
        x.o.kind == SCKG_TERM_LITERAL
            ? sckg_arena_strndup(L->g->arena, x.o.value, strlen(x.o.value))
            : sckg_graph_intern(L->g, x.o.value, strlen(x.o.value));
    L->t[L->n++] = x;
  }
  return SCKG_OK;
}

sckg_status sckg_graph_list_triples(const sckg_graph *cg) {
  if (!cg || !cg->finished)
    return SCKG_ERR_ARG;
  if (cg->triples)
    return SCKG_OK;
  sckg_graph *g = (sckg_graph *)cg; /* a cache: every graph is on the heap */
  listing L = {.g = g};
  sckg_status st = sckg_graph_each_subject(g, list_subject, &L);
  if (st != SCKG_OK) {
    free(L.t);
    return st;
  }
  g->triples = L.t ? L.t : sckg_xmalloc(1);
  g->n_triples = L.n;
  return SCKG_OK;
}

sckg_status sckg_graph_finish(sckg_graph *g) {
  if (!g || g->finished)
    return SCKG_ERR_ARG;
  build_state *b = BUILD(g);
  size_t n = b->all_events.len;
  ev_node **evs = sckg_xcalloc(n ? n : 1, sizeof *evs);
  if (n) /* items is NULL when no article had an event */
    memcpy(evs, b->all_events.items, n * sizeof *evs);
  sckg_sort_by_string((void **)evs, n, key_of_event);
  merge_undated(evs, n);
  link_related(g);
  sckg_buf *buf = &b->buf;
  for (size_t i = 0; i < n; i++) {
    fetch_ahead(evs, i, n, true);
    ev_node *e = evs[i];
    if (e->merged_into)
      continue;
    sckg_buf_clear(buf);
    sckg_buf_printf(buf, "%sevent/", g->base);
    kebab(buf, sckg_event_types[e->pub.type].name);
    sckg_buf_printf(buf, "-%016llx",
                    (unsigned long long)sckg_hash64(e->key, strlen(e->key)));
    /* unique to the event, as a sentence's is: a copy, not interned */
    e->pub.iri = sckg_arena_strndup(g->arena, buf->ptr, buf->len);
  }
  sckg_vec *sentences = &g->sentences;
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
    sckg_vec statements = {0};
    for (size_t k = 0; k < e->stated_in.len; k++) {
      ev_node *s = resolved(e->stated_in.items[k]);
      if (s != e)
        sckg_vec_push_unique(&statements, &s->pub);
    }
    p->stated_in_all =
        arena_sorted(g, &statements, &p->n_stated_in_all, iri_cmp_event);
    sckg_vec_free(&statements);
    for (size_t k = 0; k < p->n_stated_in_all; k++) {
      sckg_event *s = p->stated_in_all[k];
      if (!p->stated_in || s->n_agents > p->stated_in->n_agents)
        p->stated_in = s;
    }
    for (size_t k = 0; k < p->n_evidence; k++)
      sckg_vec_push(sentences, p->evidence[k]); /* deduplicated below */
    sckg_vec_push(&g->events, p);
  }
  free(evs);
  sckg_sort_by_string(g->events.items, g->events.len, iri_of_event);
  sckg_sort_by_string(g->actors.items, g->actors.len, iri_of_actor);
  sckg_sort_by_string(g->articles.items, g->articles.len, iri_of_article);
  sort_sentences(g);
  free_build(g);
  g->finished = true;
  return SCKG_OK;
}

sckg_status sckg_build(const sckg_input *inputs, size_t n,
                       const sckg_options *opts, sckg_graph **out) {
  const sckg_schema *schema;
  *out = NULL;
  sckg_status st = sckg_schema_embedded(&schema);
  if (st != SCKG_OK)
    return st;
  sckg_graph *g;
  if ((st = sckg_graph_new(schema, opts, &g)) != SCKG_OK)
    return st;
  for (size_t i = 0; i < n && st == SCKG_OK; i++)
    st = sckg_graph_add(g, &inputs[i]);
  if (st == SCKG_OK)
    st = sckg_graph_finish(g);
  if (st != SCKG_OK) {
    sckg_graph_free(g);
    return st;
  }
  *out = g;
  return SCKG_OK;
}
