/* SPDX-License-Identifier: MIT */
/* The graph: its life (options, new, free), the IRIs it mints, its actors,
 * and the services read.c asks of it. */
#include "model/model.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *sckg_graph_intern(sckg_graph *g, const char *s, size_t len) {
  return sckg_strtab_intern(g->strings, s, len);
}

/* The bytes sckg_iri_part_clean refuses, sixteen at a time: those an
 * IRIREF excludes, and DEL. */
static inline sckg_mask16 part_forbidden16(sckg_bytes16 v) {
  return sckg_iriref_forbidden16(v) | (sckg_mask16)(v == 0x7F);
}

static inline bool part_forbidden(unsigned char c) {
  return c <= ' ' || c == 0x7F || strchr("<>\"{}|\\^`", c);
}

SCKG_CLEAN_PREFIX(part_clean_prefix, part_forbidden16, part_forbidden)

/* Every actor made checks its slug here, most of them shorter than
 * sixteen bytes: such a one is copied into sixteen bytes of a clean
 * filler and checked in one step, not a byte at a time. */
bool sckg_iri_part_clean(const char *s, size_t n) {
  if (n >= 16)
    return part_clean_prefix(s, n) == n;
  char block[16];
  memset(block, '-', sizeof block);
  memcpy(block, s, n);
  return !sckg_any16(part_forbidden16(sckg_load16(block)));
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
  if (!sckg_iri_part_clean(b + i + 1, n - i - 1))
    return false;
  for (size_t k = i + 1; k < n; k++) {
    unsigned char c = (unsigned char)b[k];
    if (c == '#' && k + 1 != n)
      return false;
    if (c == '%' && !(k + 2 < n && isxdigit((unsigned char)b[k + 1]) &&
                      isxdigit((unsigned char)b[k + 2])))
      return false;
  }
  return true;
}

/* Whether `base` may begin the graph's IRIs. */
static bool base_allowed(const char *base) {
  size_t n = strlen(base);
  if (!n || (base[n - 1] != '/' && base[n - 1] != '#'))
    return false;
  /* dot segments would be resolved away by RDF/XML parsers, so the two
   * serialisations would no longer carry the same IRIs */
  return valid_base(base, n) && !strstr(base, "/./") && !strstr(base, "/../");
}

/* `in`, or the defaults, checked; `checked_base`, when not NULL, a base
 * found allowed before: a graph reused for article after article of a
 * stream keeps its base, which is then compared, not checked again. */
static sckg_status default_options(const sckg_options *in, sckg_options *out,
                                   const char *checked_base) {
  memset(out, 0, sizeof *out);
  if (in)
    *out = *in;
  if (!out->base)
    out->base = SCKG_DEFAULT_BASE;
  if (!(checked_base && !strcmp(out->base, checked_base)) &&
      !base_allowed(out->base))
    return SCKG_ERR_ARG;
  if (out->default_date) {
    sckg_date d;
    if (!sckg_date_parse(out->default_date, strlen(out->default_date), &d))
      return SCKG_ERR_ARG;
  }
  return SCKG_OK;
}

/* The options of a graph, checked by default_options, and its base. */
static void set_options(sckg_graph *g, const sckg_options *o) {
  g->opts = *o;
  g->base_len = strlen(o->base);
  g->base = sckg_graph_intern(g, o->base, g->base_len);
}

/* --- actors by slug ------------------------------------------------------ */

enum { ACTOR_SLOTS = 64 }; /* an article names a few dozen actors */

/* The slot of the actor whose slug is s[0, len), of hash `hash`: found, or
 * the empty one where it would go. */
static size_t actor_slot_of(const build_state *b, const char *s, size_t len,
                            uint32_t hash) {
  size_t mask = b->actor_cap - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const actor_slot *x = &b->actor_slots[i];
    if (!x->actor || (x->hash == hash && x->actor->slug_len == len &&
                      memcmp(x->actor->slug, s, len) == 0))
      return i;
  }
}

/* Twice the room, each actor moved to its slot there by its kept hash. */
static void grow_actor_slots(build_state *b) {
  actor_slot *old = b->actor_slots;
  size_t old_cap = b->actor_cap;
  b->actor_cap = old_cap ? 2 * old_cap : ACTOR_SLOTS;
  b->actor_slots = sckg_xcalloc(b->actor_cap, sizeof *b->actor_slots);
  for (size_t i = 0; i < old_cap; i++) {
    if (!old[i].actor)
      continue;
    size_t j = old[i].hash & (b->actor_cap - 1);
    while (b->actor_slots[j].actor)
      j = (j + 1) & (b->actor_cap - 1);
    b->actor_slots[j] = old[i];
  }
  free(old);
}

/* `a` into the empty slot `at`, of its slug's hash. */
static void keep_actor(build_state *b, size_t at, uint32_t hash,
                       sckg_actor *a) {
  b->actor_slots[at] = (actor_slot){hash, a};
  if (++b->n_actor_slots * 2 > b->actor_cap)
    grow_actor_slots(b);
}

/* Emptied for the next article: zeroed where it lies, or, grown past
 * what an article needs, given back for a fresh one when next needed. */
static void clear_actor_slots(build_state *b) {
  if (b->actor_cap > 4 * ACTOR_SLOTS) {
    free(b->actor_slots);
    b->actor_slots = NULL;
    b->actor_cap = 0;
  } else if (b->actor_cap) {
    memset(b->actor_slots, 0, b->actor_cap * sizeof *b->actor_slots);
  }
  b->n_actor_slots = 0;
}

sckg_status sckg_graph_new(const sckg_schema *schema, const sckg_options *opts,
                           sckg_graph **out) {
  *out = NULL;
  sckg_options o;
  if (!schema)
    return SCKG_ERR_ARG;
  sckg_status st = default_options(opts, &o, NULL);
  if (st != SCKG_OK)
    return st;
  /* the graph and its building state live in the graph's arena: a graph
   * of one article is made and freed for every article streamed */
  sckg_arena *arena = sckg_arena_new();
  sckg_graph *g = sckg_arena_alloc(arena, sizeof *g);
  g->schema = schema;
  g->arena = arena;
  g->strings = sckg_strtab_new(g->arena);
  build_state *b = sckg_arena_alloc(arena, sizeof *b);
  size_t n_lex = schema->n_actors;
  b->lex_actors = sckg_arena_alloc_dirty(arena, n_lex * sizeof *b->lex_actors);
  b->lex_made = sckg_arena_alloc(arena, (n_lex + 63) / 64 * sizeof(uint64_t));
  g->build = b;
  g->empty = sckg_arena_here(arena);
  set_options(g, &o);
  *out = g;
  return SCKG_OK;
}

sckg_status sckg_graph_reuse(sckg_graph *g, const sckg_options *opts) {
  build_state *b = BUILD(g);
  sckg_options o;
  if (!b) /* finished, and its building state freed */
    return SCKG_ERR_ARG;
  sckg_status st = default_options(opts, &o, g->base);
  if (st != SCKG_OK)
    return st;
  if (b->reader_free)
    b->reader_free(b->reader);
  b->reader = NULL;
  b->reader_free = NULL;
  /* every node, string and set of the graph is the arena's, after the
   * mark: the rewind drops them all at once */
  sckg_arena_rewind(g->arena, g->empty);
  sckg_strtab_clear(g->strings);
  g->actors.len = g->events.len = g->articles.len = g->sentences.len = 0;
  free(g->triples);
  g->triples = NULL;
  g->n_triples = 0;
  g->finished = false;
  memset(b->lex_made, 0, (g->schema->n_actors + 63) / 64 * sizeof(uint64_t));
  clear_actor_slots(b);
  sckg_pmap_clear(&b->events_by_key);
  sckg_pmap_clear(&b->articles_by_ident);
  b->all_events.len = 0;
  sckg_buf_clear(&b->buf);
  b->input_name = NULL;
  set_options(g, &o);
  return SCKG_OK;
}

void sckg_model_free_build(sckg_graph *g) {
  build_state *b = BUILD(g);
  if (!b)
    return;
  sckg_vec_free(&b->all_events); /* the events' sets are the arena's */
  if (b->reader_free)
    b->reader_free(b->reader);
  free(b->actor_slots);
  sckg_pmap_free(&b->events_by_key);
  sckg_pmap_free(&b->articles_by_ident);
  sckg_buf_free(&b->buf);
  g->build = NULL; /* its memory is the arena's */
}

void sckg_graph_free(sckg_graph *g) {
  if (!g)
    return;
  sckg_model_free_build(g);
  sckg_vec_free(&g->actors);
  sckg_vec_free(&g->events);
  sckg_vec_free(&g->articles);
  sckg_vec_free(&g->sentences);
  free(g->triples);
  sckg_strtab_free(g->strings);
  sckg_arena_free(g->arena); /* g with it */
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

/* An actor's IRI: the base, "actor/" and its slug, one per actor, so a
 * copy in the arena, not one more entry in the string table; *len its
 * bytes. */
static const char *actor_iri(sckg_graph *g, const char *slug, size_t slug_len,
                             size_t *len) {
  static const char dir[] = "actor/";
  size_t dir_len = sizeof dir - 1;
  *len = g->base_len + dir_len + slug_len;
  char *iri = sckg_arena_alloc_dirty(g->arena, *len + 1);
  memcpy(iri, g->base, g->base_len);
  memcpy(iri + g->base_len, dir, dir_len);
  memcpy(iri + g->base_len + dir_len, slug, slug_len + 1);
  return iri;
}

/* A new actor; its slug is kept as the end of its IRI, which spells it. */
static sckg_actor *make_actor(sckg_graph *g, const char *slug, size_t slug_len,
                              const char *label, size_t label_len,
                              sckg_class cls, const char *qid,
                              sckg_actor *parent) {
  sckg_actor *a = sckg_arena_alloc(g->arena, sizeof *a);
  size_t iri_len;
  a->iri = actor_iri(g, slug, slug_len, &iri_len);
  a->slug = a->iri + iri_len - slug_len;
  a->slug_len = slug_len;
  if (sckg_iri_part_clean(slug, slug_len)) /* the base is clean */
    a->iri_len = iri_len;
  a->label = label;
  a->label_len = label_len;
  a->cls = cls;
  a->qid = qid;
  a->parent = parent;
  a->affiliated = parent && cls == SCKG_CLASS_PERSON;
  sckg_vec_push(&g->actors, a);
  return a;
}

/* A string of an actor for the graph to keep: `s` itself when it lasts
 * as long as the graph, else a copy in the arena. */
static const char *kept(sckg_graph *g, const char *s, size_t len, bool lasts) {
  return lasts ? s : sckg_arena_strndup(g->arena, s, len);
}

sckg_actor *sckg_graph_actor(sckg_graph *g, const char *slug, const char *label,
                             sckg_class cls, const char *qid,
                             sckg_actor *parent, bool lasting, bool *made) {
  build_state *b = BUILD(g);
  if (!b->actor_cap)
    grow_actor_slots(b);
  size_t slug_len = strlen(slug);
  uint32_t hash = sckg_str_hash(slug, slug_len);
  size_t at = actor_slot_of(b, slug, slug_len, hash);
  *made = !b->actor_slots[at].actor;
  if (!*made)
    return b->actor_slots[at].actor;
  /* the label and item are the actor's own, as its IRI is, and no key:
   * copies in the arena, not more entries in the string table, unless
   * they are the schema's */
  size_t label_len = strlen(label);
  sckg_actor *a = make_actor(
      g, slug, slug_len, kept(g, label, label_len, lasting), label_len, cls,
      qid ? kept(g, qid, strlen(qid), lasting) : NULL, parent);
  keep_actor(b, at, hash, a);
  return a;
}

sckg_actor *sckg_graph_lex_made(const sckg_graph *g, size_t index) {
  const build_state *b = BUILD(g);
  return b->lex_made[index / 64] >> (index % 64) & 1 ? b->lex_actors[index]
                                                     : NULL;
}

size_t sckg_graph_next_lex_made(const sckg_graph *g, size_t from) {
  const build_state *b = BUILD(g);
  size_t n = g->schema->n_actors;
  while (from < n) {
    uint64_t bits = b->lex_made[from / 64] >> (from % 64);
    if (bits)
      return from + (size_t)__builtin_ctzll(bits);
    from = (from / 64 + 1) * 64;
  }
  return n;
}

void sckg_graph_set_lex_made(sckg_graph *g, size_t index, sckg_actor *a) {
  build_state *b = BUILD(g);
  b->lex_made[index / 64] |= (uint64_t)1 << (index % 64);
  b->lex_actors[index] = a;
}

sckg_actor *sckg_graph_lex_actor(sckg_graph *g, const lex_actor *la) {
  if (!la)
    return NULL;
  sckg_actor *a = sckg_graph_lex_made(g, la->index);
  if (a)
    return a;
  sckg_actor *parent = la->parent ? sckg_graph_lex_actor(g, la->parent) : NULL;
  bool made;
  a = sckg_graph_actor(g, la->id, la->label, la->cls, la->qid, parent, true,
                       &made);
  a->from_lexicon = true;
  sckg_graph_set_lex_made(g, la->index, a);
  return a;
}

/* The skos:related of the graph's actor of `la`, when la has any. */
static void link_related_of(sckg_graph *g, const lex_actor *la) {
  if (!la->n_related)
    return;
  sckg_actor *a = BUILD(g)->lex_actors[la->index];
  sckg_actor **rel =
      sckg_arena_alloc_dirty(g->arena, la->n_related * sizeof *rel);
  size_t n = 0;
  for (size_t k = 0; k < la->n_related; k++) {
    sckg_actor *o = sckg_graph_lex_made(g, la->related[k]->index);
    size_t seen = 0;
    while (seen < n && rel[seen] != o)
      seen++;
    if (o && o != a && seen == n)
      rel[n++] = o;
  }
  a->related = rel;
  a->n_related = n;
}

/* skos:related between lexicon actors that are both in the graph: a group
 * the articles never name is not brought in by its kinship to one they do.
 * In index order, as the bits give them. */
void sckg_model_link_related(sckg_graph *g) {
  const sckg_schema *s = g->schema;
  for (size_t i = sckg_graph_next_lex_made(g, 0); i < s->n_actors;
       i = sckg_graph_next_lex_made(g, i + 1))
    link_related_of(g, s->actors[i]);
}

/* Give an actor read from the text the parent the texts tell of (of
 * several, the smallest IRI; lexicon actors keep theirs). */
void sckg_model_set_parent(sckg_graph *g, sckg_actor *a, sckg_actor *parent) {
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
  sckg_severity sev = st ? SCKG_SEV_ERROR : SCKG_SEV_WARNING;
  sckg_diag d = {st, file, line, col, msg, sev};
  g->opts.sink(g->opts.sink_handle, &d);
}

sckg_str sckg_graph_actor_iri(const void *p) {
  const sckg_actor *a = p;
  return sckg_node_iri(a->iri, a->iri_len);
}

int sckg_graph_actor_cmp(const void *pa, const void *pb) {
  return strcmp((*(sckg_actor *const *)pa)->iri,
                (*(sckg_actor *const *)pb)->iri);
}

/* Push a sentence unless it was the last one pushed: an article's events
 * are met sentence by sentence, in order, so a repeat can only be the last
 * item (a scan of earlier ones would be quadratic in a long article). */
void sckg_graph_push_recent(sckg_graph *g, sckg_vec *v, sckg_sentence *s) {
  if (!v->len || v->items[v->len - 1] != s)
    sckg_vec_push_in(g->arena, v, s);
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
