/* SPDX-License-Identifier: MIT */
/* The byte order of terms and triples that every writer sorts by, and the
 * language tags both writers check. */
#include "model/graph_impl.h"

#include <string.h>

static int strcmp_null(const char *a, const char *b) {
  if (!a || !b)
    return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

/* IRIs sort before literals, as "<" sorts before "\"" does not: the order is
 * ours, fixed, and the same for every writer. */
int sckg_term_cmp(const sckg_term *a, const sckg_term *b) {
  if (a->kind != b->kind)
    return a->kind == SCKG_TERM_IRI ? -1 : 1;
  /* interned strings: equal ones are most often the same pointer */
  int c = a->value == b->value ? 0 : strcmp(a->value, b->value);
  if (c)
    return c;
  c = strcmp_null(a->lang, b->lang);
  if (c)
    return c;
  return strcmp_null(a->datatype, b->datatype);
}

int sckg_triple_cmp(const void *pa, const void *pb) {
  const sckg_triple *a = pa, *b = pb;
  int c = a->s == b->s ? 0 : strcmp(a->s, b->s);
  if (c)
    return c;
  c = a->p == b->p ? 0 : strcmp(a->p, b->p);
  if (c)
    return c;
  return sckg_term_cmp(&a->o, &b->o);
}

/* LANGTAG ::= [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*: both writers check it, since a
 * bad tag written verbatim would make the whole file unparsable. */
bool sckg_lang_valid(const char *t) {
  size_t i = 0, n = 0;
  for (; (t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z'); i++)
    n++;
  if (!n)
    return false;
  while (t[i] == '-') {
    n = 0;
    for (i++; (t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
              (t[i] >= '0' && t[i] <= '9');
         i++)
      n++;
    if (!n)
      return false;
  }
  return t[i] == '\0';
}
