/* SPDX-License-Identifier: MIT */
#include "extract/entities.h"

#include <stdlib.h>
#include <string.h>

/* Index the schema's actors by id (entity_table.ids), unless the table
 * holds the index of these already. */
static void index_ids(entity_table *t, const sckg_schema *s) {
  if (t->ids && t->ids_of == (const lex_actor *const *)s->actors &&
      t->ids_n == s->n_actors)
    return;
  free(t->ids);
  size_t cap = 16;
  while (cap < 2 * s->n_actors)
    cap *= 2;
  t->ids = sckg_xcalloc(cap, sizeof *t->ids);
  t->ids_cap = cap;
  t->ids_of = (const lex_actor *const *)s->actors;
  t->ids_n = s->n_actors;
  for (size_t i = 0; i < s->n_actors; i++) {
    const char *id = s->actors[i]->id;
    size_t k = sckg_hash64(id, strlen(id)) & (cap - 1);
    while (t->ids[k])
      k = (k + 1) & (cap - 1);
    t->ids[k] = (uint32_t)(i + 1);
  }
}

/* The lexicon actor whose id is id[0..len), or NULL. */
static const lex_actor *actor_by_id(const entity_table *t, const char *id,
                                    size_t len) {
  size_t mask = t->ids_cap - 1;
  for (size_t k = sckg_hash64(id, len) & mask; t->ids[k]; k = (k + 1) & mask) {
    const lex_actor *a = t->ids_of[t->ids[k] - 1];
    if (!strncmp(a->id, id, len) && !a->id[len])
      return a;
  }
  return NULL;
}

void sckg_entities_init(entity_table *t, const sckg_schema *s,
                        sckg_arena *arena) {
  size_t need = s->n_actors ? s->n_actors : 1;
  if (t->lex_cap < need) {
    sckg_entities_release(t);
    t->by_lex = sckg_xcalloc(need, sizeof *t->by_lex);
    t->lex_set = sckg_xcalloc(need, sizeof *t->lex_set);
    t->lex_cap = need;
  }
  index_ids(t, s);
  t->s = s;
  /* the string table kept empty (sckg_entities_free) copies into the
   * arena it was made with: another arena needs another table */
  if (t->strings && t->arena != arena) {
    sckg_strtab_free(t->strings);
    t->strings = NULL;
  }
  if (!t->strings)
    t->strings = sckg_strtab_new(arena);
  t->arena = arena;
}

void sckg_entities_free(entity_table *t) {
  sckg_pmap_clear(&t->by_slug);
  sckg_pmap_clear(&t->by_short);
  if (t->strings)
    sckg_strtab_clear(t->strings);
  t->s = NULL;
  sckg_vec_free(&t->order);
  for (size_t i = 0; i < t->n_lex_set; i++)
    t->by_lex[t->lex_set[i]] = NULL;
  t->n_lex_set = 0;
}

void sckg_entities_release(entity_table *t) {
  sckg_pmap_free(&t->by_slug);
  sckg_pmap_free(&t->by_short);
  sckg_strtab_free(t->strings);
  sckg_buf_free(&t->slug);
  free(t->by_lex);
  free(t->lex_set);
  free(t->ids);
  memset(t, 0, sizeof *t);
}

const char *sckg_entities_intern(entity_table *t, const char *s, size_t n) {
  return sckg_strtab_intern(t->strings, s, n);
}

/* The actor of a slug, keyed as make keys it: by the lexicon entry whose
 * id the slug is (`keyed`), else by the slug's address. */
static ex_actor *actor_of_slug(const entity_table *t, const char *slug,
                               const lex_actor *keyed) {
  return keyed ? t->by_lex[keyed->index] : sckg_pmap_get(&t->by_slug, slug);
}

/* A new actor, keyed by its slug: a slug that is a lexicon entry's id
 * (`keyed`, slug_of) by that entry's index, no hashing (an article makes a
 * dozen or two of the lexicon's actors), whether the lexicon or the text
 * named it; any other slug in by_slug. */
static ex_actor *make(entity_table *t, const char *slug, const lex_actor *keyed,
                      const char *label, sckg_class cls, ex_actor *parent) {
  ex_actor *a = sckg_arena_alloc(t->arena, sizeof *a);
  a->slug = slug;
  a->label = label;
  a->cls = cls;
  a->parent = parent;
  a->affiliated = parent && cls == SCKG_CLASS_PERSON;
  a->index = t->order.len;
  if (keyed) {
    t->by_lex[keyed->index] = a;
    t->lex_set[t->n_lex_set++] = keyed->index;
  } else {
    sckg_pmap_put(&t->by_slug, slug, a);
  }
  sckg_vec_push(&t->order, a);
  return a;
}

static ex_actor *lex_node(entity_table *t, const lex_actor *la) {
  if (!la)
    return NULL;
  /* the entry's actor, or the one a name read from the text whose slug is
   * the entry's id made (slug_of), which becomes the entry's */
  ex_actor *a = t->by_lex[la->index];
  if (a && a->from_lexicon)
    return a;
  ex_actor *parent = la->parent ? lex_node(t, la->parent) : NULL;
  if (!a) {
    /* the lexicon's label, as its item, lives as long as the schema: no
     * copy (a label read from the text is interned; none is compared by
     * address) */
    a = make(t, la->id, la, la->label, la->cls, parent);
    a->qid = la->qid;
  }
  a->from_lexicon = true;
  a->lex = la;
  return a;
}

ex_actor *sckg_entities_lex(entity_table *t, const lex_actor *la) {
  ex_actor *a = lex_node(t, la);
  if (a) {
    a->named = true;
    a->met++;
  }
  return a;
}

void sckg_entities_set_parent(ex_actor *a, ex_actor *parent) {
  if (a->from_lexicon || !parent || parent == a)
    return;
  /* of several parents the text tells of, the smallest slug (so the
   * smallest IRI) wins, as the graph decides across articles */
  if (a->parent && strcmp(a->parent->slug, parent->slug) <= 0)
    return;
  for (ex_actor *p = parent; p; p = p->parent)
    if (p == a)
      return; /* no cycles */
  a->parent = parent;
  a->affiliated = a->cls == SCKG_CLASS_PERSON;
}

static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_alnum(char c) {
  return is_lower(c) || is_upper(c) || (c >= '0' && c <= '9');
}

size_t sckg_name_stem(const char *name, size_t len) {
  size_t k = len;
  while (k > 0 && is_lower(name[k - 1]))
    k--;
  size_t tld = len - k;
  /* a dot, a stem ending in a letter or digit before it, a suffix of two to
   * six letters after it: "Blender.io", not "U.S." nor "Inc." */
  if (tld < 2 || tld > 6 || k < 2 || name[k - 1] != '.' ||
      !is_alnum(name[k - 2]))
    return len;
  return k - 1;
}

/* Are name[0..len) the first whole words of `full`, fewer than all? */
static bool first_words_of(const char *name, size_t len, const char *full) {
  return strncmp(full, name, len) == 0 && full[len] == ' ' && len > 0 &&
         name[len - 1] != ' ';
}

/* Is name[0..len) in capitals the initials of the capitalised words of
 * `full`, two or more? */
static bool initials_of(const char *name, size_t len, const char *full) {
  if (len < 2)
    return false;
  size_t k = 0;
  for (const char *p = full; *p; p++) {
    bool starts = p == full || p[-1] == ' ' || p[-1] == '-';
    if (!starts || !is_upper(*p))
      continue;
    if (k == len || name[k] != *p)
      return false;
    k++;
  }
  return k == len;
}

bool sckg_short_form_of(const char *name, size_t len, const char *full) {
  /* a full name opening on a capital gives both its first words and its
   * initials that capital: most names of an article differ there, before
   * any measuring of the full name */
  if (len == 0 || (is_upper(full[0]) && full[0] != name[0]))
    return false;
  if (!strchr(full, ' ') || strlen(full) <= len)
    return false;
  return first_words_of(name, len, full) || initials_of(name, len, full);
}

/* The one actor named earlier in the article, not a person (whose parts
 * mentions.c reads) nor a state (whose short names the lexicon holds), of
 * whose name name[0..len) is a short form; NULL when none or several
 * are. */
static ex_actor *full_name_of(entity_table *t, const char *name, size_t len) {
  ex_actor *found = NULL;
  for (size_t i = 0; i < t->order.len; i++) {
    ex_actor *a = t->order.items[i];
    if (!a->named || a->cls == SCKG_CLASS_PERSON ||
        a->cls == SCKG_CLASS_STATE || !sckg_short_form_of(name, len, a->label))
      continue;
    if (found && found != a)
      return NULL;
    found = a;
  }
  return found;
}

/* The actor of a name met again, perhaps written or read otherwise ("Safe
 * Wallet", "Safe{Wallet}", "Sinbad.io", "Sinbad"; a company here, a group
 * there): the smallest class and the longest label win, as for the
 * parent. */
static ex_actor *met_again(entity_table *t, ex_actor *a, const char *label,
                           size_t len, sckg_class cls, ex_actor *parent) {
  if (!a->from_lexicon) {
    if (cls < a->cls) {
      a->cls = cls;
      a->affiliated = a->parent && cls == SCKG_CLASS_PERSON;
    }
    const char *l = sckg_entities_intern(t, label, len);
    if (sckg_label_better(l, a->label))
      a->label = l;
  }
  sckg_entities_set_parent(a, parent);
  a->named = true;
  a->met++;
  return a;
}

/* The lexicon actor of a name: of the name itself, else of its normal form
 * ("Sinbad.io" where the lexicon knows "Sinbad"). */
static const lex_actor *lexicon_name(entity_table *t, const char *label,
                                     size_t len, size_t stem) {
  const lex_actor *la = sckg_lexicon_by_name(t->s, label, len);
  if (!la && stem < len)
    la = sckg_lexicon_by_name(t->s, label, stem);
  return la;
}

/* The slug of name[0..stem), compared by address: the lexicon's own
 * string when it is a lexicon actor's id (an article meets dozens of
 * those, and lex_node then keys them with no copy), that actor in *keyed;
 * else the table's interned copy, the key of by_slug, and *keyed NULL. */
static const char *slug_of(entity_table *t, const char *name, size_t stem,
                           const lex_actor **keyed) {
  sckg_buf *buf = &t->slug;
  sckg_buf_clear(buf);
  sckg_slugify(buf, name, stem);
  const lex_actor *la = actor_by_id(t, buf->ptr, buf->len);
  *keyed = la;
  return la ? la->id : sckg_entities_intern(t, buf->ptr, buf->len);
}

ex_actor *sckg_entities_named(entity_table *t, const char *label, size_t len,
                              sckg_class cls, ex_actor *parent) {
  size_t stem = sckg_name_stem(label, len);
  const lex_actor *la = lexicon_name(t, label, len, stem);
  if (la)
    return sckg_entities_lex(t, la);
  const lex_actor *keyed;
  const char *slug = slug_of(t, label, stem, &keyed);
  ex_actor *a = actor_of_slug(t, slug, keyed);
  /* a short form of a name the article gave before is that actor, whatever
   * class its words alone would suggest */
  ex_actor *full = sckg_pmap_get(&t->by_short, slug);
  if (!full && !a)
    full = full_name_of(t, label, stem);
  if (full) {
    sckg_pmap_put(&t->by_short, slug, full);
    sckg_entities_set_parent(full, parent);
    full->met++;
    return full;
  }
  if (a)
    return met_again(t, a, label, len, cls, parent);
  a = make(t, slug, keyed, sckg_entities_intern(t, label, len), cls,
           parent && parent->slug != slug ? parent : NULL);
  a->named = true;
  a->met = 1;
  return a;
}

/* Is `a` the parent of an actor of the table? */
static bool is_parent(const entity_table *t, const ex_actor *a) {
  for (size_t i = 0; i < t->order.len; i++)
    if (((const ex_actor *)t->order.items[i])->parent == a)
      return true;
  return false;
}

/* Take `a` out of the table's order, the actors after it moving up. */
static void drop(entity_table *t, ex_actor *a) {
  for (size_t i = a->index + 1; i < t->order.len; i++) {
    ex_actor *b = t->order.items[i];
    b->index = i - 1;
    t->order.items[i - 1] = b;
  }
  t->order.len--;
}

ex_actor *sckg_entities_alias(entity_table *t, const char *name, size_t len,
                              ex_actor *full) {
  size_t stem = sckg_name_stem(name, len);
  if (lexicon_name(t, name, len, stem))
    return NULL;
  const lex_actor *keyed;
  const char *slug = slug_of(t, name, stem, &keyed);
  ex_actor *a = actor_of_slug(t, slug, keyed);
  if (a == full || sckg_pmap_get(&t->by_short, slug))
    return NULL;
  /* a name told of before as an actor of its own stays one */
  if (a && (a->met > 1 || is_parent(t, a)))
    return NULL;
  sckg_pmap_put(&t->by_short, slug, full);
  if (a)
    drop(t, a);
  return a;
}

bool ex_kin(const ex_actor *a, const ex_actor *b) {
  for (const ex_actor *p = a; p; p = p->parent)
    if (p == b)
      return true;
  for (const ex_actor *p = b; p; p = p->parent)
    if (p == a)
      return true;
  return false;
}

bool ex_compatriots(const ex_actor *a, const ex_actor *b) {
  const ex_actor *sa = a, *sb = b;
  while (sa && sa->cls != SCKG_CLASS_STATE)
    sa = sa->parent;
  while (sb && sb->cls != SCKG_CLASS_STATE)
    sb = sb->parent;
  return sa && sa == sb;
}

bool ex_has_actor(ex_actor *const *arr, size_t n, const ex_actor *a) {
  for (size_t i = 0; i < n; i++)
    if (arr[i] == a)
      return true;
  return false;
}

bool ex_same_side(ex_actor *const *a, size_t na, ex_actor *const *b,
                  size_t nb) {
  for (size_t i = 0; i < na; i++)
    for (size_t k = 0; k < nb; k++)
      if (ex_kin(a[i], b[k]))
        return true;
  return false;
}
