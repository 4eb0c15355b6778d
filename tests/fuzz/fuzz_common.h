/* SPDX-License-Identifier: MIT */
/* What the fuzz harnesses share: turning the fuzzer's bytes into options
 * and articles, and the invariants every finished graph must hold whatever
 * it was built from. Each check calls fuzz_fail, which aborts, so that
 * libFuzzer (or the replay driver) reports the input as a crash.
 *
 * Input layout (cmark-fuzz.c's idea: leading bytes pick options):
 *
 *   byte 0   bit 0  --no-text
 *            bit 1  --date 2023-04-07 for articles without a date line
 *            bits 2-3  --base: default, a '#' namespace, a URN, non-ASCII
 *            bit 4  view "statement" instead of "all" (DOT)
 *   rest     split at 0xFF bytes (never part of UTF-8 text): one part is
 *            the text of an article named "fuzz.txt"; more parts alternate
 *            NAME, TEXT, NAME, TEXT ... (at most FUZZ_MAX_ARTICLES), so
 *            that article names get fuzzed as well as their texts. */
#ifndef SCKG_FUZZ_COMMON_H
#define SCKG_FUZZ_COMMON_H

#define _POSIX_C_SOURCE 200809L

#include "model/graph_impl.h"
#include "sckg/sckg.h"

#include <libxml/chvalid.h>
#include <libxml/xmlstring.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FUZZ_MAX_ARTICLES = 4 };

typedef struct {
  sckg_options opts;
  const char *view;
  size_t n;
  sckg_input in[FUZZ_MAX_ARTICLES];
  char *names[FUZZ_MAX_ARTICLES]; /* heap, NUL-terminated */
} fuzz_case;

/* The harness entry point libFuzzer calls; declared here so that the
 * harnesses compile with -Wmissing-prototypes. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline void fuzz_fail(const char *what, const char *detail) {
  fprintf(stderr, "fuzz invariant broken: %s\n", what);
  if (detail)
    fprintf(stderr, "  in: %.400s\n", detail);
  abort();
}

/* Split the fuzzer's bytes as the comment at the top says. The texts point
 * into `data`; the names are copies cut at their first NUL (a C string). */
static inline void fuzz_case_parse(fuzz_case *c, const uint8_t *data,
                                   size_t size) {
  static const char *const bases[] = {NULL, "http://example.org/kg#",
                                      "urn:x-sckg:kg/",
                                      "https://example.org/\xC3\xA4/"};
  memset(c, 0, sizeof *c);
  uint8_t flags = size ? data[0] : 0;
  if (size) {
    data++;
    size--;
  }
  c->opts.omit_text = flags & 1;
  c->opts.default_date = flags & 2 ? "2023-04-07" : NULL;
  c->opts.base = bases[(flags >> 2) & 3];
  c->view = flags & 16 ? "statement" : "all";

  const uint8_t *parts[2 * FUZZ_MAX_ARTICLES];
  size_t lens[2 * FUZZ_MAX_ARTICLES], n_parts = 0;
  const uint8_t *p = data, *end = data + size;
  while (n_parts < 2 * FUZZ_MAX_ARTICLES) {
    const uint8_t *ff = memchr(p, 0xFF, (size_t)(end - p));
    parts[n_parts] = p;
    lens[n_parts++] = (size_t)((ff ? ff : end) - p);
    if (!ff)
      break;
    p = ff + 1;
  }
  if (n_parts == 1) {
    c->names[0] = sckg_xstrndup("fuzz.txt", 8);
    c->in[0] = (sckg_input){
        .name = c->names[0], .text = (const char *)parts[0], .len = lens[0]};
    c->n = 1;
    return;
  }
  for (size_t i = 0; i + 1 < n_parts; i += 2) {
    const char *nm = (const char *)parts[i];
    size_t nl = strnlen(nm, lens[i]);
    c->names[c->n] = sckg_xstrndup(nm, nl);
    c->in[c->n] = (sckg_input){.name = c->names[c->n],
                               .text = (const char *)parts[i + 1],
                               .len = lens[i + 1]};
    c->n++;
  }
}

static inline void fuzz_case_free(fuzz_case *c) {
  for (size_t i = 0; i < c->n; i++)
    free(c->names[i]);
}

/* Build and finish a graph from the case. Inputs the library refuses
 * (invalid UTF-8, NUL bytes, a bad date line, a taken identifier) are
 * skipped, as the command line would report them; a refused input must
 * leave the graph usable. NULL only when sckg_graph_new refuses the
 * options, which the fixed bases never make it do. */
static inline sckg_graph *fuzz_build(const fuzz_case *c) {
  const sckg_schema *schema = NULL;
  sckg_graph *g = NULL;
  if (sckg_schema_embedded(&schema) != SCKG_OK)
    fuzz_fail("the embedded schema does not load", NULL);
  if (sckg_graph_new(schema, &c->opts, &g) != SCKG_OK)
    fuzz_fail("sckg_graph_new refused fixed options", c->opts.base);
  for (size_t i = 0; i < c->n; i++) {
    sckg_status st = sckg_graph_add(g, &c->in[i]);
    if (st != SCKG_OK && st != SCKG_ERR_INPUT)
      fuzz_fail("sckg_graph_add failed with a status other than INPUT",
                c->in[i].name);
  }
  if (sckg_graph_finish(g) != SCKG_OK)
    fuzz_fail("sckg_graph_finish failed", NULL);
  return g;
}

/* ---- Invariants of a finished graph -------------------------------------- */

/* The checks below are an oracle for the library's output, so they lean on
 * libxml2 and on the grammars, never on sckg's own decoder or tests of
 * characters: a mistake shared with the writers could not show. */

/* One code point of the UTF-8 at s, `left` bytes before its end, which the
 * caller found valid with sckg_utf8_check; *n gets its length in bytes.
 * libxml2 disagreeing with that check is a failure of its own. */
static inline unsigned long fuzz_decode(const char *s, size_t left, size_t *n) {
  int len = left < 4 ? (int)left : 4;
  int c = xmlGetUTF8Char((const xmlChar *)s, &len);
  if (c < 0)
    fuzz_fail("sckg_utf8_check passed UTF-8 that libxml2 cannot decode", s);
  *n = (size_t)len;
  return (unsigned long)c;
}

/* Text every output can carry: valid UTF-8 of XML 1.0 characters. */
static inline bool fuzz_text_ok(const char *s) {
  size_t len = strlen(s), n;
  if (sckg_utf8_check(s, len) != len)
    return false;
  for (size_t i = 0; i < len; i += n)
    if (!xmlIsCharQ(fuzz_decode(s + i, len - i, &n)))
      return false;
  return true;
}

static inline bool fuzz_hex(int c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

/* RFC 3987 ucschar (iprivate is allowed only in a query, which minted IRIs
 * never have). */
static inline bool fuzz_ucschar(unsigned long c) {
  return (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFEF) ||
         (c >= 0x10000 && c <= 0xEFFFD && (c & 0xFFFF) <= 0xFFFD);
}

/* Whether `iri` is an absolute IRI by RFC 3987's character rules: a scheme,
 * ':', then only unreserved characters, ucschars, sub-delims, ":@/?",
 * at most one '#', and '%' only before two hex digits. Brackets (IP
 * literals) never occur in what sckg mints and are refused. */
static inline bool fuzz_iri_ok(const char *iri) {
  const unsigned char *p = (const unsigned char *)iri;
  size_t len = strlen(iri), i = 0, n;
  bool hash = false;
  if (sckg_utf8_check(iri, len) != len)
    return false;
  if (!((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z')))
    return false;
  while ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
         (p[i] >= '0' && p[i] <= '9') || p[i] == '+' || p[i] == '-' ||
         p[i] == '.')
    i++;
  if (p[i] != ':')
    return false;
  for (i++; i < len; i += n) {
    unsigned long c = fuzz_decode(iri + i, len - i, &n);
    if (c >= 0x80) {
      if (!fuzz_ucschar(c))
        return false;
    } else if (c == '%') {
      if (!fuzz_hex(p[i + 1]) || !fuzz_hex(p[i + 2]))
        return false;
    } else if (c == '#') {
      if (hash)
        return false;
      hash = true;
    } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9') ||
                 strchr("-._~!$&'()*+,;=:@/?", (int)c))) {
      return false;
    }
  }
  return true;
}

#define FUZZ_ALPHA "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

/* LANGTAG of N-Triples: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*. Not
 * sckg_lang_valid: the writers refuse every tag that function refuses, so
 * their output checked with it would pass whatever its mistakes. */
static inline bool fuzz_lang_ok(const char *t) {
  size_t n = strspn(t, FUZZ_ALPHA);
  if (n == 0)
    return false;
  for (t += n; *t == '-'; t += 1 + n) {
    n = strspn(t + 1, "0123456789" FUZZ_ALPHA);
    if (n == 0)
      return false;
  }
  return *t == '\0';
}

/* The code points [b, e) of `text`, as a fresh string. */
static inline char *fuzz_cp_slice(const char *text, size_t b, size_t e) {
  size_t i = 0, cp = 0, len = strlen(text), from = len, to = len;
  while (i <= len) {
    if (cp == b && from == len)
      from = i;
    if (cp == e) {
      to = i;
      break;
    }
    if (i == len)
      break;
    i++;
    while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
      i++;
    cp++;
  }
  if (to < from)
    to = from;
  return sckg_xstrndup(text + from, to - from);
}

/* Every IRI valid, every literal carriable text with a well-formed
 * language tag, the NIF offsets of every evidence sentence spanning as
 * many code points as its text and, where the article's text is kept,
 * giving that text back; no line break inside a sentence or a title. With
 * omit_text (--no-text) the library keeps no article text (text NULL, len
 * 0) and writes no nif:isString. */
static inline void fuzz_check_graph(const sckg_graph *g) {
  static const char is_string[] = SCKG_NS_NIF "isString";
  if (sckg_graph_list_triples(g) != SCKG_OK)
    fuzz_fail("sckg_graph_list_triples failed", NULL);
  for (size_t i = 0; i < g->n_triples; i++) {
    const sckg_triple *t = &g->triples[i];
    if (g->opts.omit_text && strcmp(t->p, is_string) == 0)
      fuzz_fail("nif:isString written although omit_text is set", t->s);
    if (!fuzz_iri_ok(t->s))
      fuzz_fail("subject is not an RFC 3987 IRI", t->s);
    if (!fuzz_iri_ok(t->p))
      fuzz_fail("predicate is not an RFC 3987 IRI", t->p);
    if (t->o.kind == SCKG_TERM_IRI) {
      if (!fuzz_iri_ok(t->o.value))
        fuzz_fail("object is not an RFC 3987 IRI", t->o.value);
      continue;
    }
    if (!fuzz_text_ok(t->o.value))
      fuzz_fail("literal is not UTF-8 of XML characters", t->o.value);
    if (t->o.datatype && !fuzz_iri_ok(t->o.datatype))
      fuzz_fail("datatype is not an IRI", t->o.datatype);
    if (t->o.lang && !fuzz_lang_ok(t->o.lang))
      fuzz_fail("language tag is not [a-zA-Z]+('-'[a-zA-Z0-9]+)*", t->o.lang);
  }
  for (size_t i = 0; i < g->articles.len; i++) {
    const sckg_article *a = SCKG_ARTICLES(g)[i];
    if (a->title && strpbrk(a->title, "\r\n"))
      fuzz_fail("a title holds a line break", a->title);
    if (!a->text && a->len)
      fuzz_fail("an article without text has a length", a->ident);
  }
  for (size_t i = 0; i < g->events.len; i++) {
    const sckg_event *e = SCKG_EVENTS(g)[i];
    for (size_t k = 0; k < e->n_evidence; k++) {
      const sckg_sentence *s = e->evidence[k];
      char *text = sckg_xstrndup(s->text, s->text_len);
      if (strlen(text) != s->text_len)
        fuzz_fail("a sentence holds a NUL byte", text);
      /* a sentence may go over lines of one paragraph, never over a
       * blank line: that ends a paragraph */
      for (const char *c = text; *c; c++)
        if (*c == '\n' || *c == '\r') {
          const char *d = c + 1 + (c[0] == '\r' && c[1] == '\n');
          while (*d == ' ' || *d == '\t')
            d++;
          if (*d == '\n' || *d == '\r')
            fuzz_fail("a sentence holds a blank line", text);
        }
      if (s->begin > s->end)
        fuzz_fail("a sentence ends before it begins", text);
      if (s->end - s->begin != sckg_utf8_count(text, s->text_len))
        fuzz_fail("nif:beginIndex/endIndex do not span the sentence", text);
      if (s->article->text) { /* omit_text: nothing to slice */
        char *slice = fuzz_cp_slice(s->article->text, s->begin, s->end);
        if (strcmp(slice, text) != 0)
          fuzz_fail("nif:beginIndex/endIndex do not give the sentence back",
                    text);
        free(slice);
      }
      free(text);
    }
  }
}

/* Run `write` into memory; returns the bytes (NUL-terminated, free them)
 * and aborts unless it succeeded. */
static inline char *fuzz_write_mem(sckg_status (*write)(const sckg_graph *,
                                                        FILE *),
                                   const sckg_graph *g, size_t *len) {
  char *buf = NULL;
  FILE *f = open_memstream(&buf, len);
  if (!f)
    fuzz_fail("open_memstream failed", NULL);
  sckg_status st = write(g, f);
  if (fclose(f) != 0)
    fuzz_fail("fclose of a memory stream failed", NULL);
  if (st != SCKG_OK)
    fuzz_fail("a writer refused a graph built from accepted input",
              sckg_strerror(st));
  return buf;
}

#endif
