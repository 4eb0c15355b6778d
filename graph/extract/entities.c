/* SPDX-License-Identifier: MIT */
#include "extract/entities.h"

#include <stdlib.h>
#include <string.h>

void sckg_entities_init(entity_table *t, const sckg_schema *s,
                        sckg_arena *arena) {
  memset(t, 0, sizeof *t);
  t->s = s;
  t->arena = arena;
  t->strings = sckg_strtab_new(arena);
  t->by_lex = sckg_xcalloc(s->n_actors ? s->n_actors : 1, sizeof *t->by_lex);
}

void sckg_entities_free(entity_table *t) {
  sckg_pmap_free(&t->by_slug);
  sckg_strtab_free(t->strings);
  free(t->by_lex);
  sckg_vec_free(&t->order);
  memset(t, 0, sizeof *t);
}

const char *sckg_entities_intern(entity_table *t, const char *s, size_t n) {
  return sckg_strtab_intern(t->strings, s, n);
}

static ex_actor *make(entity_table *t, const char *slug, const char *label,
                      sckg_class cls, ex_actor *parent) {
  ex_actor *a = sckg_arena_alloc(t->arena, sizeof *a);
  a->slug = slug;
  a->label = label;
  a->cls = cls;
  a->parent = parent;
  a->affiliated = parent && cls == SCKG_CLASS_PERSON;
  a->index = t->order.len;
  sckg_pmap_put(&t->by_slug, slug, a);
  sckg_vec_push(&t->order, a);
  return a;
}

ex_actor *sckg_entities_lex(entity_table *t, const lex_actor *la) {
  if (!la)
    return NULL;
  if (t->by_lex[la->index])
    return t->by_lex[la->index];
  ex_actor *parent = la->parent ? sckg_entities_lex(t, la->parent) : NULL;
  const char *slug = sckg_entities_intern(t, la->id, strlen(la->id));
  ex_actor *a = sckg_pmap_get(&t->by_slug, slug);
  if (!a) {
    a = make(t, slug, sckg_entities_intern(t, la->label, strlen(la->label)),
             la->cls, parent);
    a->qid = la->qid;
  }
  a->from_lexicon = true;
  a->lex = la;
  t->by_lex[la->index] = a;
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

ex_actor *sckg_entities_named(entity_table *t, const char *label, size_t len,
                              sckg_class cls, ex_actor *parent) {
  const lex_actor *la = sckg_lexicon_by_name(t->s, label, len);
  if (la)
    return sckg_entities_lex(t, la);
  sckg_buf buf = {0};
  sckg_slugify(&buf, label, len);
  const char *slug = sckg_entities_intern(t, buf.ptr, buf.len);
  sckg_buf_free(&buf);
  ex_actor *a = sckg_pmap_get(&t->by_slug, slug);
  if (a) {
    /* the same name met again, perhaps written or read otherwise ("Safe
     * Wallet", "Safe{Wallet}"; a company here, a group there): the
     * smallest class and label win, as for the parent */
    if (!a->from_lexicon) {
      if (cls < a->cls) {
        a->cls = cls;
        a->affiliated = a->parent && cls == SCKG_CLASS_PERSON;
      }
      const char *l = sckg_entities_intern(t, label, len);
      if (strcmp(l, a->label) < 0)
        a->label = l;
    }
    sckg_entities_set_parent(a, parent);
    return a;
  }
  return make(t, slug, sckg_entities_intern(t, label, len), cls,
              parent && parent->slug != slug ? parent : NULL);
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
