/* SPDX-License-Identifier: MIT */
/* Reading one article into a graph: the input checks, the article's layout
 * and metadata, the extraction, and its result made into the graph's
 * actors, sentences and events. */
#include "read.h"

#include "lexicon/lexicon.h"
#include "model/build.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- articles and events ----------------------------------------------- */

static const char *article_ident(sckg_graph *g, const char *name) {
  const char *base = strrchr(name, '/');
  base = base ? base + 1 : name;
  size_t n = strlen(base);
  if (n > 4 && strcmp(base + n - 4, ".txt") == 0)
    n -= 4;
  if (!n)
    return sckg_graph_intern(g, "stdin", 5);
  return sckg_graph_intern(g, base, n);
}

/* Sort the actors (by IRI); returns the bytes their slugs take in an
 * event's key, commas between them. */
static size_t key_actors_len(sckg_actor **arr, size_t n) {
  sckg_sort(arr, n, sizeof *arr, sckg_graph_actor_cmp);
  size_t total = n ? n - 1 : 0;
  for (size_t i = 0; i < n; i++)
    total += arr[i]->slug_len;
  return total;
}

/* Put the slugs of the actors at out, commas between them; returns the
 * end. */
static char *put_key_actors(char *out, sckg_actor *const *arr, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i)
      *out++ = ',';
    memcpy(out, arr[i]->slug, arr[i]->slug_len);
    out += arr[i]->slug_len;
  }
  return out;
}

/* An extracted event with the graph's actors. */
typedef struct {
  sckg_event_type type;
  sckg_actor *agents[EX_MAX_ACTORS], *targets[EX_MAX_ACTORS];
  size_t n_agents, n_targets;
  sckg_date date;
  bool negated;
} read_event;

/* An event's key, "type|agents|targets|negated|date" (the actors by slug,
 * sorted, the date as written, empty when unknown), in b->buf: every
 * part measured first, then put in room reserved once, as an article
 * makes one key per event it reads. */
static void event_key(build_state *b, read_event *x) {
  static const char negated[] = "|negated";
  size_t n_agents = x->n_agents, n_targets = x->n_targets;
  const char *type = sckg_event_types[x->type].name;
  char date[16]; /* "", "YYYY-MM" or "YYYY-MM-DD" */
  size_t date_len = !sckg_date_format(x->date, date) ? 0 : date[7] ? 10 : 7;
  size_t type_len = strlen(type), neg_len = x->negated ? sizeof negated - 1 : 1;
  size_t n = type_len + 1 + key_actors_len(x->agents, n_agents) + 1 +
             key_actors_len(x->targets, n_targets) + neg_len + 1 + date_len;
  sckg_buf *k = &b->buf;
  sckg_buf_clear(k);
  sckg_buf_reserve(k, n);
  char *out = k->ptr;
  memcpy(out, type, type_len);
  out += type_len;
  *out++ = '|';
  out = put_key_actors(out, x->agents, n_agents);
  *out++ = '|';
  out = put_key_actors(out, x->targets, n_targets);
  memcpy(out, negated, neg_len); /* "|negated" or "|" */
  out += neg_len;
  *out++ = '|';
  memcpy(out, date, date_len + 1); /* with its NUL */
  k->len = n;
}

static ev_node *event_for(sckg_graph *g, read_event *x) {
  build_state *b = BUILD(g);
  sckg_buf *k = &b->buf;
  event_key(b, x);
  const char *key = sckg_graph_intern(g, k->ptr, k->len);
  ev_node *e = sckg_pmap_get(&b->events_by_key, key);
  if (e)
    return e;
  e = sckg_arena_alloc(g->arena, sizeof *e);
  e->key = key;
  e->key_len = k->len;
  e->pub.type = x->type;
  e->pub.agents =
      sckg_arena_memdup(g->arena, x->agents, x->n_agents * sizeof(void *));
  e->pub.n_agents = x->n_agents;
  e->pub.targets =
      sckg_arena_memdup(g->arena, x->targets, x->n_targets * sizeof(void *));
  e->pub.n_targets = x->n_targets;
  e->pub.date = x->date;
  e->pub.negated = x->negated;
  sckg_pmap_put(&b->events_by_key, key, e);
  sckg_vec_push(&b->all_events, e);
  return e;
}

/* The start all of an article's sentence IRIs share: its IRI, the
 * separator and "char=", made once, not measured again for each sentence. */
static sckg_str sentence_prefix(sckg_graph *g, const sckg_article *art) {
  static const char key[] = "char=";
  size_t iri_len = strlen(art->iri), key_len = sizeof key - 1;
  char *p = sckg_arena_alloc_dirty(g->arena, iri_len + 1 + key_len);
  memcpy(p, art->iri, iri_len);
  p[iri_len] = sckg_graph_sentence_sep(art);
  memcpy(p + iri_len + 1, key, key_len);
  return (sckg_str){p, iri_len + 1 + key_len};
}

static sckg_sentence *make_sentence(sckg_graph *g, sckg_article *art,
                                    const sckg_str *prefix,
                                    const article_text *t, size_t si,
                                    size_t *cp_pos, size_t *byte_pos) {
  const sentence_span *sp = &t->sents[si];
  /* code points are counted incrementally, each byte once: sentences come
   * in order and do not overlap, so the count goes on from the end of the
   * one before */
  if (sp->b < *byte_pos) {
    *cp_pos = 0;
    *byte_pos = 0;
  }
  size_t begin =
      *cp_pos + sckg_utf8_count(t->body + *byte_pos, sp->b - *byte_pos);
  size_t end = begin + sckg_utf8_count(t->body + sp->b, sp->e - sp->b);
  *cp_pos = end;
  *byte_pos = sp->e;
  sckg_sentence *s = sckg_arena_alloc_dirty(g->arena, sizeof *s);
  s->article = art;
  s->begin = begin;
  s->end = end;
  s->text_len = sp->e - sp->b;
  s->text = art->text
                ? art->text + sp->b /* the same bytes as t->body */
                : sckg_arena_strndup(g->arena, t->body + sp->b, s->text_len);
  /* made once per sentence (read_article's sents[]): its IRI names it
   * alone, so written straight into the arena, not one more entry in the
   * string table */
  char span[48]; /* "BEGIN,END" */
  size_t n = sckg_format_size(span, begin);
  span[n++] = ',';
  n += sckg_format_size(span + n, end);
  char *iri = sckg_arena_alloc_dirty(g->arena, prefix->len + n + 1);
  memcpy(iri, prefix->ptr, prefix->len);
  memcpy(iri + prefix->len, span, n + 1);
  s->iri = iri;
  s->iri_len = prefix->len + n; /* the article's IRI and digits: clean */
  return s;
}

/* --- input checks ------------------------------------------------------ */

/* Whether the code point at s[i] (valid UTF-8) is one XML 1.0 cannot carry
 * even as a character reference: a C0 control other than tab, LF and CR,
 * or U+FFFE, U+FFFF (surrogates are invalid UTF-8 already, NUL refused). */
static bool xml_forbidden_at(const unsigned char *s, size_t n, size_t i) {
  if (s[i] < 0x20)
    return s[i] != '\t' && s[i] != '\n' && s[i] != '\r';
  return s[i] == 0xEF && i + 2 < n && s[i + 1] == 0xBF &&
         (s[i + 2] == 0xBE || s[i + 2] == 0xBF);
}

/* May s[0..16) hold a code point xml_forbidden_at refuses: a C0 control
 * other than tab, LF and CR, or 0xEF, the lead byte of U+FFFE and U+FFFF?
 * Line breaks are told apart here, so that a block holding one is not
 * read again a byte at a time. */
static bool may_forbid16(const unsigned char *s) {
  sckg_bytes16 v = sckg_load16((const char *)s);
  return sckg_any16(((v < 0x20) & ~((v == '\t') | (v == '\n') | (v == '\r'))) |
                    (v == 0xEF));
}

/* The first i at or after `i` (at most n) where xml_forbidden_at(s, n, i),
 * or n. The whole text of every article goes through here: only a block
 * that may hold one, and the last bytes, are looked at a byte at a time. */
static size_t next_forbidden(const unsigned char *s, size_t n, size_t i) {
  for (;;) {
    while (n - i >= 16 && !may_forbid16(s + i))
      i += 16;
    for (size_t end = n - i >= 16 ? i + 16 : n; i < end; i++)
      if (xml_forbidden_at(s, n, i))
        return i;
    if (i == n)
      return n;
  }
}

/* Is every byte of s[0..16) printable ASCII, a tab, LF or CR: none that
 * xml_forbidden_at refuses nor one of a multibyte sequence? A signed
 * compare finds both the controls and the bytes from 0x80 on. */
static bool plain16(const char *s) {
  sckg_bytes16 v = sckg_load16(s);
  return !sckg_any16(((sckg_mask16)v < 0x20) &
                     ~((v == '\t') | (v == '\n') | (v == '\r')));
}

/* The two checks of a whole text in one pass: where the first invalid
 * UTF-8 starts (n when none), and in *forbidden where next_forbidden(s,
 * n, 0) finds the first code point XML cannot carry. Blocks of plain16
 * bytes, most of a text, are passed over; in another, each check reads
 * the block, the UTF-8 on to the end of a sequence that crosses it (its
 * continuation bytes are none that xml_forbidden_at refuses). */
static size_t check_text(const char *s, size_t n, size_t *forbidden) {
  const unsigned char *u = (const unsigned char *)s;
  *forbidden = n;
  for (size_t i = 0; i < n;) {
    while (n - i >= 16 && plain16(s + i))
      i += 16;
    size_t stop = n - i >= 16 ? i + 16 : n;
    if (*forbidden == n && (stop - i < 16 || may_forbid16(u + i)))
      for (size_t j = i; j < stop; j++)
        if (xml_forbidden_at(u, n, j)) {
          *forbidden = j;
          break;
        }
    size_t end = sckg_utf8_check_run(s, n, i, stop);
    if (end < stop) { /* invalid: the rest read for the first only */
      if (*forbidden == n)
        *forbidden = next_forbidden(u, n, stop);
      return end;
    }
    i = end;
  }
  return n;
}

/* Append s[0..n) to `out` with each code point xml_forbidden_at refuses
 * replaced by U+FFFD, one for one (so that NIF offsets, which count code
 * points, stay those of the text as given); returns how many. */
static size_t replace_forbidden(const char *s, size_t n, sckg_buf *out) {
  const unsigned char *u = (const unsigned char *)s;
  size_t n_bad = 0, run = 0;
  for (size_t i = 0; i < n; i++) {
    if (!xml_forbidden_at(u, n, i))
      continue;
    sckg_buf_add(out, s + run, i - run);
    sckg_buf_adds(out, "\xEF\xBF\xBD");
    n_bad++;
    i += u[i] < 0x20 ? 0 : 2; /* a control is 1 byte, U+FFFE/U+FFFF 3 */
    run = i + 1;
  }
  sckg_buf_add(out, s + run, n - run);
  return n_bad;
}

/* Line and column (both from 1, the column in code points) of byte `at`;
 * LF, CRLF and a lone CR each end a line, as paragraphs do. */
static void line_col(const char *s, size_t at, unsigned long *line,
                     unsigned long *col) {
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < at; i++) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= at || s[i + 1] != '\n'))) {
      ++*line;
      *col = 1;
    } else if (((unsigned char)s[i] & 0xC0) != 0x80 && s[i] != '\r') {
      ++*col;
    }
  }
}

/* --explain: one note per span of the article that is not read, with its
 * kind, its place (line:column of its start, and its bytes in the text as
 * given) and its text, line breaks shown as spaces. The spans come in
 * order, so the lines and columns are counted in one pass. */
static void explain_drops(const sckg_graph *g, const char *name,
                          const char *text, const article_text *t) {
  if (!g->opts.sink)
    return;
  size_t base = (size_t)(t->body - text), at = 0;
  unsigned long line = 1, col = 1;
  sckg_buf msg = {0};
  for (size_t k = 0; k < t->layout.n_dropped; k++) {
    const dropped_span *d = &t->layout.dropped[k];
    for (; at < base + d->b; at++) {
      if (text[at] == '\n' || (text[at] == '\r' && (at + 1 >= base + d->b ||
                                                    text[at + 1] != '\n'))) {
        line++;
        col = 1;
      } else if (((unsigned char)text[at] & 0xC0) != 0x80 && text[at] != '\r') {
        col++;
      }
    }
    sckg_buf_clear(&msg);
    sckg_buf_printf(&msg, "not read, %s (bytes %zu-%zu): ",
                    sckg_noise_kind_name(d->kind), base + d->b, base + d->e);
    sckg_buf_add(&msg, t->body + d->b, d->e - d->b);
    sckg_diag diag = {SCKG_OK, name, line, col, msg.ptr, SCKG_SEV_NOTE};
    g->opts.sink(g->opts.sink_handle, &diag);
  }
  sckg_buf_free(&msg);
}

/* The checks every input passes before it is read, so that whatever comes
 * in, every writer can carry what the graph holds (the README's
 * "Robustness"):
 *   - a NUL byte: not a text file (UTF-16 is named as such), refused;
 *   - invalid UTF-8: refused with the byte offset; text in another
 *     encoding would come out garbled if patched up;
 *   - the identifier (the name without folder and ".txt") must be UTF-8
 *     without control characters, and not taken by an earlier input;
 *   - characters XML 1.0 cannot carry (see xml_forbidden_at), which
 *     scraped text does hold now and then: each is replaced by U+FFFD, one
 *     code point for one, so NIF offsets stay those of the text as given;
 *     one warning gives their count and where the first is.
 * On success *ident is the interned identifier and *clean NULL, or a heap
 * copy of the text with the replacements (the caller frees it). */
static sckg_status check_input(sckg_graph *g, const sckg_input *in,
                               const char *name, const char **ident,
                               char **clean, size_t *clean_len) {
  const unsigned char *u = (const unsigned char *)in->text;
  size_t len = in->len;
  char msg[256];
  *clean = NULL;
  /* a NUL is one of the controls XML cannot carry: the text is read once
   * for the first of those, and for a NUL only from there */
  size_t first, bad = check_text(in->text, len, &first);
  const char *nul =
      first < len ? memchr(in->text + first, '\0', len - first) : NULL;
  if (nul) {
    bool utf16 = len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                              (u[0] == 0xFE && u[1] == 0xFF));
    snprintf(msg, sizeof msg, "%s at byte %zu: not a text file%s",
             utf16 ? "UTF-16 (a NUL byte" : "NUL byte",
             (size_t)(nul - in->text), utf16 ? "); convert it to UTF-8" : "");
    sckg_graph_report(g, SCKG_ERR_INPUT, name, 0, 0, msg);
    return SCKG_ERR_INPUT;
  }
  if (bad < len) {
    unsigned long line, col;
    line_col(in->text, bad, &line, &col);
    snprintf(msg, sizeof msg, "invalid UTF-8 at byte %zu (line %lu)", bad,
             line);
    sckg_graph_report(g, SCKG_ERR_INPUT, name, 0, 0, msg);
    return SCKG_ERR_INPUT;
  }
  /* the identifier: the record's id, or the file name without folder */
  const char *base = in->id;
  if (!base) {
    base = strrchr(name, '/');
    base = base ? base + 1 : name;
  }
  size_t blen = strlen(base);
  if (in->id && !blen) {
    sckg_graph_report(g, SCKG_ERR_INPUT, name, 0, 0, "the article id is empty");
    return SCKG_ERR_INPUT;
  }
  if (sckg_utf8_check(base, blen) != blen) {
    sckg_graph_report(
        g, SCKG_ERR_INPUT, name, 0, 0,
        in->id ? "the article id is not UTF-8"
               : "the file name, which becomes the article's identifier, "
                 "is not UTF-8: rename the file");
    return SCKG_ERR_INPUT;
  }
  sckg_buf fixed = {0}; /* the identifier is a literal too */
  size_t n_bad = replace_forbidden(base, blen, &fixed);
  if (n_bad) {
    *ident = in->id ? sckg_graph_intern(g, fixed.ptr, fixed.len)
                    : article_ident(g, fixed.ptr);
    sckg_graph_report(
        g, SCKG_OK, name, 0, 0,
        in->id ? "characters that XML cannot carry in the article id "
                 "replaced by U+FFFD"
               : "characters that XML cannot carry in the file name "
                 "replaced by U+FFFD in the article identifier");
  } else {
    *ident = in->id ? sckg_graph_intern(g, base, blen) : article_ident(g, name);
  }
  sckg_buf_free(&fixed);
  if (sckg_pmap_get(&BUILD(g)->articles_by_ident, *ident)) {
    sckg_graph_report_taken(g, name, *ident);
    return SCKG_ERR_INPUT;
  }
  if (first == len)
    return SCKG_OK;
  n_bad = 0;
  for (size_t i = first; i < len; i = next_forbidden(u, len, i + 1))
    n_bad++;
  sckg_buf out = {0};
  replace_forbidden(in->text, len, &out);
  unsigned long line, col;
  line_col(in->text, first, &line, &col);
  unsigned long cp = u[first] < 0x20 ? u[first] : 0xFFFEUL + (u[first + 2] & 1);
  snprintf(msg, sizeof msg,
           "%zu character%s that XML cannot carry replaced by U+FFFD, the "
           "first U+%04lX",
           n_bad, n_bad == 1 ? "" : "s", cp);
  sckg_graph_report(g, SCKG_OK, name, line, col, msg);
  *clean = out.ptr;
  *clean_len = out.len;
  return SCKG_OK;
}

/* Whether the body holds nothing but white space. */
static bool blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
      return false;
  return true;
}

/* A metadata field of a record (title, publisher): valid UTF-8 is
 * required, characters XML cannot carry become U+FFFD (with a warning), as
 * in the text, and line breaks spaces: a title is one line. Returns the
 * interned field, or NULL after reporting. */
static const char *clean_field(sckg_graph *g, const char *name,
                               const char *what, const char *v) {
  size_t n = strlen(v);
  char msg[128];
  if (sckg_utf8_check(v, n) != n) {
    snprintf(msg, sizeof msg, "the %s is not UTF-8", what);
    sckg_graph_report(g, SCKG_ERR_INPUT, name, 0, 0, msg);
    return NULL;
  }
  sckg_buf *b = &BUILD(g)->buf;
  sckg_buf_clear(b);
  size_t n_bad = replace_forbidden(v, n, b);
  for (size_t i = 0; i < b->len; i++)
    if (b->ptr[i] == '\n' || b->ptr[i] == '\r')
      b->ptr[i] = ' '; /* one line, as a headline is */
  if (n_bad) {
    snprintf(msg, sizeof msg,
             "characters that XML cannot carry in the %s replaced by U+FFFD",
             what);
    sckg_graph_report(g, SCKG_OK, name, 0, 0, msg);
  }
  return sckg_graph_intern(g, b->ptr ? b->ptr : "", b->len); /* "" too */
}

/* A headline wrapped over lines, as one line: each run of spaces and line
 * breaks becomes one space. */
static const char *one_line(sckg_graph *g, const char *p, size_t n) {
  sckg_buf *b = &BUILD(g)->buf;
  sckg_buf_clear(b);
  /* a run of other bytes at a time: without a headline, the title is the
   * first line of the prose, often a whole paragraph */
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && !blank(p + j, 1))
      j++;
    sckg_buf_add(b, p + i, j - i);
    if (j < n)
      sckg_buf_addc(b, ' ');
    while (j < n && blank(p + j, 1))
      j++;
    i = j;
  }
  return sckg_arena_strndup(g->arena, b->ptr ? b->ptr : "", b->len);
}

/* The graph's actors for those the extraction met, made in the order met,
 * with the same slug, label, class and Wikidata item, then tied to their
 * parents. An array by ex_actor.index, in the graph's arena (as the other
 * arrays of one article's read: a malloc and free each cost more than
 * the memory they would give back before the graph goes). */
/* Whether the label and item of `xa` are its lexicon entry's, which live
 * as long as the schema: not those a name read from the text gave. */
static bool schema_strings(const ex_actor *xa) {
  return xa->lex && xa->label == xa->lex->label && xa->qid == xa->lex->qid;
}

static sckg_actor **graph_actors(sckg_graph *g, const extraction *x) {
  size_t n = x->actors.len;
  sckg_actor **map = sckg_arena_alloc_dirty(g->arena, n * sizeof *map);
  sckg_vec_reserve(&g->actors, n); /* at most one new actor each */
  for (size_t i = 0; i < n; i++) {
    const ex_actor *xa = x->actors.items[i];
    bool made;
    sckg_actor *a = sckg_graph_actor(g, xa->slug, xa->label, xa->cls, xa->qid,
                                     NULL, schema_strings(xa), &made);
    a->from_lexicon = xa->from_lexicon;
    if (xa->lex)
      sckg_graph_set_lex_made(g, xa->lex->index, a);
    map[i] = a;
  }
  for (size_t i = 0; i < n; i++) {
    const ex_actor *xa = x->actors.items[i];
    map[i]->parent = xa->parent ? map[xa->parent->index] : NULL;
    map[i]->affiliated = xa->affiliated;
  }
  return map;
}

static void free_extractor(void *x) { sckg_extractor_free(x); }

/* The graph's extractor, made with the graph's first article and kept for
 * the others: zeroing a fresh one for each would cost more than reading a
 * short article. */
static sckg_extractor *graph_extractor(sckg_graph *g) {
  build_state *b = BUILD(g);
  if (!b->reader) {
    b->reader = sckg_extractor_new();
    b->reader_free = free_extractor;
  }
  return b->reader;
}

/* Read one article into `g` as it is: every actor, sentence and event it
 * holds is made in `g`. sckg_graph_add and sckg_graph_read read each
 * article into a graph of its own with this, so that what is read from
 * one article never depends on the others. */
static sckg_status read_article(sckg_graph *g, const sckg_input *in) {
  const char *name = in->name ? in->name : "-";
  const char *ident = NULL;
  char *clean = NULL; /* the text with replacements, when it needed any */
  size_t clean_len = 0;
  sckg_date meta_date = {0};
  if (in->date &&
      (strlen(in->date) != 10 || !sckg_date_parse(in->date, 10, &meta_date))) {
    sckg_graph_report(g, SCKG_ERR_INPUT, name, 0, 0,
                      "the date must be a real date written YYYY-MM-DD");
    return SCKG_ERR_INPUT;
  }
  const char *meta_title = NULL, *meta_publisher = NULL;
  if ((in->title && !(meta_title = clean_field(g, name, "title", in->title))) ||
      (in->publisher &&
       !(meta_publisher = clean_field(g, name, "publisher", in->publisher))))
    return SCKG_ERR_INPUT;
  sckg_status st = check_input(g, in, name, &ident, &clean, &clean_len);
  if (st != SCKG_OK)
    return st;
  article_text t;
  const char *why = NULL;
  size_t where = 0;
  st = sckg_article_read(g->schema, clean ? clean : in->text,
                         clean ? clean_len : in->len, !in->title, &t, &why,
                         &where);
  if (st != SCKG_OK) {
    sckg_graph_report(g, st, name, 1, where + 1, why);
    free(clean);
    return st;
  }
  if (g->opts.explain)
    explain_drops(g, name, clean ? clean : in->text, &t);
  if (blank(t.body, t.len))
    sckg_graph_report(g, SCKG_OK, name, 0, 0,
                      "the article is empty: it adds no event");
  else if (!t.n_sents)
    sckg_graph_report(
        g, SCKG_OK, name, 0, 0,
        "no prose found: every paragraph was taken for a headline, "
        "caption, credit or the like, so the article adds no event "
        "(--explain lists them)");
  sckg_article *art = sckg_arena_alloc(g->arena, sizeof *art);
  art->ident = ident;
  sckg_buf *b = &BUILD(g)->buf;
  sckg_buf_clear(b);
  sckg_buf_printf(b, "%sarticle/", g->base);
  sckg_graph_encode_segment(b, ident, strlen(ident));
  art->iri = sckg_graph_intern(g, b->ptr, b->len);
  art->iri_len = b->len; /* the base and an encoded segment: clean */
  if (meta_title)
    art->title = *meta_title ? meta_title : NULL;
  else
    art->title = t.title.len ? one_line(g, t.title.ptr, t.title.len) : NULL;
  if (meta_publisher)
    art->publisher = *meta_publisher ? meta_publisher : NULL;
  else
    art->publisher =
        t.publisher ? sckg_graph_intern(g, t.publisher, strlen(t.publisher))
                    : NULL;
  art->date = in->date ? meta_date : t.date;
  if (!art->date.year && g->opts.default_date)
    sckg_date_parse(g->opts.default_date, 10, &art->date);
  t.date = art->date;
  /* without --no-text the graph keeps the text (nif:isString); with it,
   * nothing of the article but its evidence sentences outlives the read */
  if (!g->opts.omit_text) {
    art->text = sckg_arena_strndup(g->arena, t.body, t.len);
    art->len = t.len;
  }
  sckg_pmap_put(&BUILD(g)->articles_by_ident, ident, art);
  sckg_vec_push(&g->articles, art);
  BUILD(g)->input_name = sckg_graph_intern(g, name, strlen(name));

  extraction x = {0};
  sckg_extractor *ex = graph_extractor(g);
  sckg_extractor_trace(ex, g->opts.trace ? g->opts.sink : NULL,
                       g->opts.sink_handle, name);
  sckg_extract(ex, g->schema, &t, &x);
  sckg_actor **actors = graph_actors(g, &x);
  if (x.n_cut) {
    const char *text = clean ? clean : in->text;
    unsigned long line, col;
    line_col(text, (size_t)(t.body - text) + t.sents[x.first_cut].b, &line,
             &col);
    char msg[160];
    snprintf(msg, sizeof msg,
             "a sentence of more than %d tokens: its events are read from "
             "the first %d only%s",
             EX_MAX_TOKENS, EX_MAX_TOKENS,
             x.n_cut > 1 ? " (and so are the article's other such sentences)"
                         : "");
    sckg_graph_report(g, SCKG_OK, name, line, col, msg);
  }
  art->n_mentions = x.mentions.len;
  art->mentions = sckg_arena_alloc(
      g->arena, (x.mentions.len ? x.mentions.len : 1) * sizeof *art->mentions);
  for (size_t i = 0; i < x.mentions.len; i++)
    art->mentions[i] = actors[((ex_actor *)x.mentions.items[i])->index];
  /* put in IRI order by sckg_graph_finish, with every article's at once */
  /* one sentence node per evidence sentence */
  sckg_sentence **sents = sckg_arena_alloc(g->arena, t.n_sents * sizeof *sents);
  ev_node **made = sckg_arena_alloc(g->arena, x.n_events * sizeof *made);
  sckg_vec_reserve(&BUILD(g)->all_events, x.n_events); /* one new each */
  size_t cp = 0, bp = 0;
  sckg_str prefix = sentence_prefix(g, art);
  for (size_t i = 0; i < x.n_events; i++) {
    ex_event *xe = &x.events[i];
    if (!xe->n_agents)
      continue;
    if (!sents[xe->sent])
      sents[xe->sent] = make_sentence(g, art, &prefix, &t, xe->sent, &cp, &bp);
    /* set field by field: its arrays are read up to their counts only,
     * and zeroing them whole cost more than filling them */
    read_event re;
    re.type = xe->type;
    re.n_agents = xe->n_agents;
    re.n_targets = xe->n_targets;
    re.date = xe->date;
    re.negated = xe->negated;
    for (size_t k = 0; k < xe->n_agents; k++)
      re.agents[k] = actors[xe->agents[k]->index];
    for (size_t k = 0; k < xe->n_targets; k++)
      re.targets[k] = actors[xe->targets[k]->index];
    ev_node *e = made[i] = event_for(g, &re);
    /* an article's pushes come together, so a duplicate can only be among
     * the last items: no scan of every earlier report */
    sckg_graph_push_recent(g, &e->evidence, sents[xe->sent]);
    if (!e->sources.len || e->sources.items[e->sources.len - 1] != art)
      sckg_vec_push_in(g->arena, &e->sources, art);
    for (size_t k = 0; k < xe->n_attributed; k++)
      sckg_vec_push_unique_in(g->arena, &e->attributed,
                              actors[xe->attributed[k]->index]);
    sckg_vec_push_unique_in(
        g->arena, &e->triggers,
        (void *)sckg_graph_intern(g, xe->trigger, strlen(xe->trigger)));
  }
  for (size_t i = 0; i < x.n_events; i++)
    if (made[i] && x.events[i].stated_in >= 0 && made[x.events[i].stated_in] &&
        made[x.events[i].stated_in] != made[i])
      sckg_vec_push_unique_in(g->arena, &made[i]->stated_in,
                              made[x.events[i].stated_in]);
  sckg_extraction_free(&x);
  sckg_article_text_free(&t);
  free(clean);
  return SCKG_OK;
}

sckg_status sckg_graph_read(const sckg_schema *schema, const sckg_options *opts,
                            const sckg_input *in, sckg_graph **out) {
  return sckg_graph_read_using(schema, opts, in, NULL, NULL, out);
}

/* The graph to read an article into: *spare emptied, when there is one of
 * this schema, else a new one. */
static sckg_status part_graph(const sckg_schema *schema,
                              const sckg_options *opts, sckg_graph **spare,
                              sckg_graph **out) {
  sckg_graph *g = spare ? *spare : NULL;
  if (spare)
    *spare = NULL; /* taken, or freed */
  if (g && (g->schema != schema || sckg_graph_reuse(g, opts) != SCKG_OK)) {
    sckg_graph_free(g); /* bad options are told by sckg_graph_new below */
    g = NULL;
  }
  if (!g) {
    sckg_status st = sckg_graph_new(schema, opts, &g);
    if (st != SCKG_OK)
      return st;
  }
  g->reusable = spare != NULL;
  *out = g;
  return SCKG_OK;
}

sckg_status sckg_graph_read_using(const sckg_schema *schema,
                                  const sckg_options *opts,
                                  const sckg_input *in, sckg_extractor *x,
                                  sckg_graph **spare, sckg_graph **out) {
  *out = NULL;
  if (!in || (!in->text && in->len))
    return SCKG_ERR_ARG;
  sckg_graph *part;
  sckg_status st = part_graph(schema, opts, spare, &part);
  if (st != SCKG_OK)
    return st;
  BUILD(part)->reader = x; /* lent: reader_free stays NULL */
  if ((st = read_article(part, in)) != SCKG_OK) {
    sckg_graph_free(part);
    return st;
  }
  *out = part;
  return SCKG_OK;
}

sckg_status sckg_graph_add(sckg_graph *g, const sckg_input *in) {
  if (!g || !in || g->finished || (!in->text && in->len))
    return SCKG_ERR_ARG;
  sckg_graph *part;
  sckg_status st = sckg_graph_read_using(g->schema, &g->opts, in,
                                         graph_extractor(g), NULL, &part);
  if (st != SCKG_OK)
    return st;
  return sckg_graph_merge(g, part);
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
