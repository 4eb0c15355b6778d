/* SPDX-License-Identifier: MIT */
/* The N-Triples check of the fuzz harnesses: every line of a writer's
 * output must match the N-Triples 1.1 grammar (the subset sckg writes:
 * IRIs, no blank nodes), there must be one line per triple, and each line
 * must carry the triple's exact terms once its escapes are undone. Used by
 * fuzz_nt.c, and by fuzz_inputs.c on the graphs of JSON Lines records. */
#ifndef SCKG_FUZZ_NT_CHECK_H
#define SCKG_FUZZ_NT_CHECK_H

#include "fuzz_common.h"

/* A cursor over one line. */
typedef struct {
  const char *p, *end;
  sckg_buf val; /* the term just read, escapes undone */
} nt_line;

static inline void nt_fail(const char *what, const nt_line *l) {
  fuzz_fail(what, l->p);
}

/* UCHAR after the backslash: 'u' 4 hex or 'U' 8 hex, appended as UTF-8. */
static inline void read_uchar(nt_line *l) {
  size_t n = *l->p == 'u' ? 4 : 8;
  unsigned long cp = 0;
  l->p++;
  for (size_t i = 0; i < n; i++, l->p++) {
    if (l->p >= l->end || !fuzz_hex((unsigned char)*l->p))
      nt_fail("bad UCHAR", l);
    char c = *l->p;
    cp = cp * 16 + (unsigned long)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  char u[4];
  size_t k;
  if (cp < 0x80) {
    u[0] = (char)cp, k = 1;
  } else if (cp < 0x800) {
    u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), k = 2;
  } else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F)), k = 3;
  } else {
    u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    u[2] = (char)(0x80 | (cp >> 6 & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F));
    k = 4;
  }
  sckg_buf_add(&l->val, u, k);
}

/* IRIREF: '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>' */
static inline void read_iri(nt_line *l) {
  sckg_buf_clear(&l->val);
  if (l->p >= l->end || *l->p != '<')
    nt_fail("an IRI does not start with '<'", l);
  for (l->p++; l->p < l->end && *l->p != '>';) {
    unsigned char c = (unsigned char)*l->p;
    if (c == '\\') {
      l->p++;
      if (l->p >= l->end || (*l->p != 'u' && *l->p != 'U'))
        nt_fail("an IRI holds a backslash that is no UCHAR", l);
      read_uchar(l);
      continue;
    }
    if (c <= 0x20 || strchr("<\"{}|^`", c))
      nt_fail("an IRI holds a character IRIREF excludes", l);
    sckg_buf_addc(&l->val, (char)c);
    l->p++;
  }
  if (l->p >= l->end)
    nt_fail("an IRI is not closed", l);
  l->p++;
}

/* STRING_LITERAL_QUOTE: '"' ([^#x22#x5C#xA#xD] | ECHAR | UCHAR)* '"' */
static inline void read_string(nt_line *l) {
  sckg_buf_clear(&l->val);
  for (l->p++; l->p < l->end && *l->p != '"';) {
    char c = *l->p;
    if (c == '\n' || c == '\r')
      nt_fail("a literal holds a raw line break", l);
    if (c != '\\') {
      sckg_buf_addc(&l->val, c);
      l->p++;
      continue;
    }
    l->p++;
    if (l->p >= l->end)
      nt_fail("a literal ends in a backslash", l);
    const char *echar = strchr("tbnrf\"'\\", *l->p);
    if (*l->p == 'u' || *l->p == 'U') {
      read_uchar(l);
    } else if (echar && *l->p) {
      static const char real[] = "\t\b\n\r\f\"'\\";
      sckg_buf_addc(&l->val, real[echar - "tbnrf\"'\\"]);
      l->p++;
    } else {
      nt_fail("a literal holds an unknown escape", l);
    }
  }
  if (l->p >= l->end)
    nt_fail("a literal is not closed", l);
  l->p++;
}

static inline void expect_space(nt_line *l) {
  if (l->p >= l->end || *l->p != ' ')
    nt_fail("no space between terms", l);
  l->p++;
}

static inline void check_line(nt_line *l, const sckg_triple *t) {
  read_iri(l);
  if (strcmp(l->val.ptr, t->s) != 0)
    nt_fail("the subject is not the triple's", l);
  expect_space(l);
  read_iri(l);
  if (strcmp(l->val.ptr, t->p) != 0)
    nt_fail("the predicate is not the triple's", l);
  expect_space(l);
  if (l->p < l->end && *l->p == '"') {
    read_string(l);
    if (t->o.kind != SCKG_TERM_LITERAL || strcmp(l->val.ptr, t->o.value))
      nt_fail("the literal is not the triple's", l);
    if (l->p < l->end && *l->p == '@') {
      const char *tag = ++l->p;
      while (l->p < l->end && *l->p != ' ')
        l->p++;
      char *copy = sckg_xstrndup(tag, (size_t)(l->p - tag));
      if (!fuzz_lang_ok(copy) || !t->o.lang || strcmp(copy, t->o.lang))
        nt_fail("the language tag is bad or not the triple's", l);
      free(copy);
    } else if (l->p + 1 < l->end && l->p[0] == '^' && l->p[1] == '^') {
      l->p += 2;
      read_iri(l);
      if (!t->o.datatype || strcmp(l->val.ptr, t->o.datatype) != 0)
        nt_fail("the datatype is not the triple's", l);
    } else if (t->o.lang || t->o.datatype) {
      nt_fail("the literal lost its tag or datatype", l);
    }
  } else {
    read_iri(l);
    if (t->o.kind != SCKG_TERM_IRI || strcmp(l->val.ptr, t->o.value) != 0)
      nt_fail("the object IRI is not the triple's", l);
  }
  if (l->end - l->p != 2 || l->p[0] != ' ' || l->p[1] != '.')
    nt_fail("a line does not end in ' .'", l);
}

/* Check `nt`, `len` bytes that sckg_write_ntriples wrote for `g`. */
static inline void fuzz_check_ntriples(const sckg_graph *g, const char *nt,
                                       size_t len) {
  /* listed after the writer made them subject by subject: the two ways
   * must give the same triples */
  if (sckg_graph_list_triples(g) != SCKG_OK)
    fuzz_fail("sckg_graph_list_triples failed", NULL);
  if (strlen(nt) != len)
    fuzz_fail("the N-Triples hold a NUL byte", NULL);
  if (sckg_utf8_check(nt, len) != len)
    fuzz_fail("the N-Triples are not UTF-8", NULL);
  nt_line l = {0};
  size_t n = 0;
  for (const char *p = nt; p < nt + len; n++) {
    const char *nl = memchr(p, '\n', (size_t)(nt + len - p));
    if (!nl)
      fuzz_fail("the last line has no line feed", p);
    if (n >= g->n_triples)
      fuzz_fail("more lines than triples", p);
    l.p = p;
    l.end = nl;
    check_line(&l, &g->triples[n]);
    p = nl + 1;
  }
  if (n != g->n_triples)
    fuzz_fail("fewer lines than triples", NULL);
  sckg_buf_free(&l.val);
}

#endif
