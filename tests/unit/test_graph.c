/* SPDX-License-Identifier: MIT */
/* The graph as a whole, through the public API: valid IRIs whatever the
 * input names, one event node per event across articles and shards,
 * determinism, input errors that leave the graph usable, --base, and NIF
 * offsets that give back the sentence. The articles are written for these
 * tests. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "model/build.h"
#include "model/graph_impl.h"
#include "read.h"
#include "sckg/sckg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDF_TYPE SCKG_NS_RDF "type"
#define NIF(x) SCKG_NS_NIF x
#define FROM SCKG_NS_PROV "wasDerivedFrom"

/* Friday 2024-05-10, reported the same day and the day after. */
static const char *const article_a =
    " date 2024-05-10\nJapan condemned North Korea on Friday.\n";
static const char *const article_b =
    " date 2024-05-11\nTokyo protests\nJapan condemned North Korea on "
    "Friday.\n";
/* The same report with no date at all. */
static const char *const article_c = "Japan condemned North Korea.\n";
/* The same type, agents and target a week later. */
static const char *const article_d =
    " date 2024-05-17\nJapan condemned North Korea on Friday.\n";

/* Names as the text gives them: accents, apostrophes, a long name. */
static const char *const article_odd =
    " date 2024-05-10\n"
    "Odd names\n"
    "Prime Minister Jean-Pierre L'\xC5\x92uvre condemned North Korea.\n"
    "\xC3\x87"
    "a Va Trading Co. condemned Japan on Friday.\n"
    "North Korean hackers stole funds from Bank{of}Tokyo Corp. on Friday.\n"
    "Prime Minister Jean-Pierre L"
    "\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD"
    "\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD"
    "\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD\xC5\xAD"
    " condemned Japan.\n";

static sckg_input in(const char *name, const char *text) {
  return (sckg_input){.name = name, .text = text, .len = strlen(text)};
}

static sckg_graph *build(const sckg_input *inputs, size_t n,
                         const sckg_options *opts) {
  sckg_graph *g = NULL;
  assert_int_equal(sckg_build(inputs, n, opts, &g), SCKG_OK);
  assert_non_null(g);
  return g;
}

static char *ntriples(const sckg_graph *g) {
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  assert_non_null(f);
  assert_int_equal(sckg_write_ntriples(g, f), SCKG_OK);
  assert_int_equal(fclose(f), 0);
  assert_true(len > 0);
  return text;
}

static char *rdfxml(const sckg_graph *g) {
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  assert_non_null(f);
  sckg_status st = sckg_write_rdfxml(g, f);
  assert_int_equal(fclose(f), 0);
  if (st != SCKG_OK) {
    free(text);
    fail_msg("sckg_write_rdfxml: %s", sckg_strerror(st));
  }
  return text;
}

/* The N-Triples of the graph built from `n` inputs. */
static char *nt_of(const sckg_input *inputs, size_t n,
                   const sckg_options *opts) {
  sckg_graph *g = build(inputs, n, opts);
  char *text = ntriples(g);
  sckg_graph_free(g);
  return text;
}

/* --- looking into a finished graph ------------------------------------- */

static const sckg_term *object(const sckg_graph *g, const char *s,
                               const char *p) {
  assert_int_equal(sckg_graph_list_triples(g), SCKG_OK);
  for (size_t i = 0; i < g->n_triples; i++)
    if (!strcmp(g->triples[i].s, s) && !strcmp(g->triples[i].p, p))
      return &g->triples[i].o;
  return NULL;
}

static size_t count_objects(const sckg_graph *g, const char *s, const char *p) {
  assert_int_equal(sckg_graph_list_triples(g), SCKG_OK);
  size_t n = 0;
  for (size_t i = 0; i < g->n_triples; i++)
    n += !strcmp(g->triples[i].s, s) && !strcmp(g->triples[i].p, p);
  return n;
}

static bool has_triple_iri(const sckg_graph *g, const char *s, const char *p,
                           const char *o) {
  assert_int_equal(sckg_graph_list_triples(g), SCKG_OK);
  for (size_t i = 0; i < g->n_triples; i++)
    if (!strcmp(g->triples[i].s, s) && !strcmp(g->triples[i].p, p) &&
        g->triples[i].o.kind == SCKG_TERM_IRI &&
        !strcmp(g->triples[i].o.value, o))
      return true;
  return false;
}

/* Distinct subjects with rdf:type `cls` (triples are sorted by subject). */
static size_t count_typed(const sckg_graph *g, const char *cls) {
  assert_int_equal(sckg_graph_list_triples(g), SCKG_OK);
  size_t n = 0;
  const char *last = NULL;
  for (size_t i = 0; i < g->n_triples; i++) {
    const sckg_triple *t = &g->triples[i];
    if (!strcmp(t->p, RDF_TYPE) && t->o.kind == SCKG_TERM_IRI &&
        !strcmp(t->o.value, cls) && (!last || strcmp(last, t->s))) {
      n++;
      last = t->s;
    }
  }
  return n;
}

static bool has_actor(sckg_actor **arr, size_t n, const char *slug) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(arr[i]->slug, slug))
      return true;
  return false;
}

/* The events "Japan criticizes North Korea" of a finished graph. */
static size_t japan_criticizes(const sckg_graph *g, const sckg_event **out,
                               size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < g->events.len; i++) {
    const sckg_event *e = SCKG_EVENTS(g)[i];
    if (e->type == SCKG_EV_CRITICIZE && e->n_agents == 1 && e->n_targets == 1 &&
        has_actor(e->agents, 1, "japan") &&
        has_actor(e->targets, 1, "north-korea") && !e->negated) {
      if (n < max)
        out[n] = e;
      n++;
    }
  }
  return n;
}

/* The IRI of the one event "Japan criticizes North Korea" of a build. */
static char *the_criticism(const sckg_input *inputs, size_t n) {
  sckg_graph *g = build(inputs, n, NULL);
  const sckg_event *e[4];
  assert_int_equal(japan_criticizes(g, e, 4), 1);
  char *iri = malloc(strlen(e[0]->iri) + 1);
  strcpy(iri, e[0]->iri);
  sckg_graph_free(g);
  return iri;
}

/* --- IRIs -------------------------------------------------------------- */

static bool is_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_hex(unsigned char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static int hex_value(unsigned char c) {
  return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* Why `iri` is not an absolute IRI of RFC 3987, or NULL: a scheme, then
 * only characters an IRI may hold (no space, <>"{}|\^`, control characters
 * of C0 or C1), '%' only in escapes, at most one '#', valid UTF-8. */
static const char *iri_problem(const char *iri) {
  size_t n = strlen(iri), i = 0;
  if (sckg_utf8_check(iri, n) != n)
    return "invalid UTF-8";
  if (!is_alpha((unsigned char)iri[0]))
    return "no scheme";
  while (is_alpha((unsigned char)iri[i]) || is_digit((unsigned char)iri[i]) ||
         iri[i] == '+' || iri[i] == '-' || iri[i] == '.')
    i++;
  if (iri[i] != ':')
    return "no scheme";
  size_t hashes = 0;
  for (; i < n; i++) {
    unsigned char c = (unsigned char)iri[i];
    if (c < 0x20 || c == 0x7F)
      return "a control character";
    if (c == 0xC2 && (unsigned char)iri[i + 1] >= 0x80 &&
        (unsigned char)iri[i + 1] <= 0x9F)
      return "a C1 control character";
    if (strchr(" <>\"{}|\\^`", c))
      return "a character an IRI cannot hold";
    if (c == '%' && !(is_hex((unsigned char)iri[i + 1]) &&
                      is_hex((unsigned char)iri[i + 2])))
      return "a '%' that does not start an escape";
    if (c == '#' && ++hashes > 1)
      return "a second '#' (a fragment cannot hold '#')";
  }
  return NULL;
}

/* Whether the path of `iri` has a "." or ".." segment, which RFC 3986
 * 5.2.2 removes even from an absolute IRI (RDF/XML parsers do). */
static bool has_dot_segment(const char *iri) {
  const char *p = strchr(iri, ':');
  if (!p)
    return false;
  p++;
  const char *end = p + strcspn(p, "?#");
  for (const char *seg = p; seg <= end;) {
    const char *e = seg;
    while (e < end && *e != '/')
      e++;
    size_t n = (size_t)(e - seg);
    if ((n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
      return true;
    seg = e + 1;
  }
  return false;
}

/* Whether the IRI with its %XX escapes decoded is still valid UTF-8. */
static bool decodes_to_utf8(const char *iri) {
  size_t n = strlen(iri), k = 0;
  char *out = malloc(n + 1);
  for (size_t i = 0; i < n; i++) {
    if (iri[i] == '%' && is_hex((unsigned char)iri[i + 1]) &&
        is_hex((unsigned char)iri[i + 2])) {
      out[k++] = (char)(hex_value((unsigned char)iri[i + 1]) * 16 +
                        hex_value((unsigned char)iri[i + 2]));
      i += 2;
    } else {
      out[k++] = iri[i];
    }
  }
  bool ok = sckg_utf8_check(out, k) == k;
  free(out);
  return ok;
}

typedef bool (*iri_test)(const char *iri, const char **why);

/* Call `fn` on every IRI of the graph: subjects, predicates, IRI objects
 * and datatypes; fail naming the first that does not pass. */
static void each_iri(const sckg_graph *g, iri_test fn) {
  assert_int_equal(sckg_graph_list_triples(g), SCKG_OK);
  for (size_t i = 0; i < g->n_triples; i++) {
    const sckg_triple *t = &g->triples[i];
    const char *iris[4] = {t->s, t->p,
                           t->o.kind == SCKG_TERM_IRI ? t->o.value : NULL,
                           t->o.datatype};
    for (size_t k = 0; k < 4; k++) {
      const char *why = NULL;
      if (iris[k] && !fn(iris[k], &why))
        fail_msg("<%s>: %s", iris[k], why);
    }
  }
}

static bool valid_iri(const char *iri, const char **why) {
  return !(*why = iri_problem(iri));
}

static bool no_dot_segment(const char *iri, const char **why) {
  *why = "a dot segment, which RDF/XML parsers resolve away";
  return !has_dot_segment(iri);
}

static bool utf8_escapes(const char *iri, const char **why) {
  *why = "its %XX escapes cut a UTF-8 character in half";
  return decodes_to_utf8(iri);
}

static void check_iri_checker(void) {
  /* the checker itself tells good from bad */
  assert_null(iri_problem("https://example.org/a%20b#c"));
  assert_null(iri_problem("https://example.org/\xC3\xBC"));
  assert_non_null(iri_problem("https://example.org/a b"));
  assert_non_null(iri_problem("https://example.org/a{b}"));
  assert_non_null(iri_problem("https://example.org/a%zz"));
  assert_non_null(iri_problem("https://example.org/a#b#c"));
  assert_non_null(iri_problem("//example.org/a"));
  assert_non_null(iri_problem("https://example.org/\xC2\x85"));
  assert_true(has_dot_segment("https://example.org/a/../b"));
  assert_true(has_dot_segment("https://example.org/a/."));
  assert_false(has_dot_segment("https://example.org/a/.b/c..#.."));
  assert_false(decodes_to_utf8("https://example.org/%C5"));
  assert_true(decodes_to_utf8("https://example.org/%C5%AD"));
}

static const char *const odd_names[] = {
    "a b/c{d}#e.txt",
    "\xC3\xBC \xC3\xB1.txt",
    "../../etc/passwd",
    "x/tab\there|pipe^caret`back\\slash\"q<lt>gt%zz 100%.txt",
    "C:\\Users\\me\\report[1].txt",
    "\x7F\x01\x1F.txt",
};
enum { N_ODD = sizeof odd_names / sizeof *odd_names };

static void iris_are_valid_for_odd_names(void **state) {
  (void)state;
  check_iri_checker();
  sckg_input inputs[N_ODD];
  for (size_t i = 0; i < N_ODD; i++)
    inputs[i] = in(odd_names[i], article_odd);
  sckg_graph *g = build(inputs, N_ODD, NULL);
  assert_int_equal(sckg_graph_article_count(g), N_ODD);
  each_iri(g, valid_iri);
  /* the text's own names were read, and some needed escapes */
  bool from_text = false, escaped = false;
  for (size_t i = 0; i < g->actors.len; i++) {
    from_text |= !SCKG_ACTORS(g)[i]->from_lexicon;
    escaped |= strchr(SCKG_ACTORS(g)[i]->iri, '%') != NULL;
  }
  assert_true(from_text);
  assert_true(escaped);
  sckg_graph_free(g);
}

/* The lengths the walk hands the writers (sckg_subject_sized) are those
 * of the strings (a literal's may end without a NUL), and an IRI's is given
 * only when the IRI needs no escape in N-Triples; a name with bytes IRIs forbid
 * leaves it unknown. */
static sckg_status check_lens(void *ctx, const sckg_subject_sized *s) {
  size_t *given = ctx;
  if (s->s_len) {
    assert_int_equal(s->s_len, strlen(s->t[0].s));
    assert_true(sckg_iri_part_clean(s->t[0].s, s->s_len));
    ++*given;
  }
  for (size_t i = 0; i < s->n; i++) {
    const sckg_triple *t = &s->t[i];
    if (s->len[i].p)
      assert_int_equal(s->len[i].p, strlen(t->p));
    if (!s->len[i].o)
      continue;
    ++*given;
    if (t->o.kind == SCKG_TERM_IRI) {
      assert_int_equal(s->len[i].o, strlen(t->o.value));
      assert_true(sckg_iri_part_clean(t->o.value, s->len[i].o));
    } else { /* a literal may be handed in place, unterminated */
      assert_null(memchr(t->o.value, '\0', s->len[i].o));
    }
  }
  return SCKG_OK;
}

static void walk_lengths_are_true(void **state) {
  (void)state;
  assert_true(sckg_iri_part_clean("kim-jong-un-2", 13));
  assert_true(sckg_iri_part_clean("caf\xC3\xA9%20", 8));
  assert_false(sckg_iri_part_clean("a b", 3));
  assert_false(sckg_iri_part_clean("a<b", 3));
  assert_false(sckg_iri_part_clean("a\x7F", 2));
  assert_false(sckg_iri_part_clean("a`b", 3));
  /* every length and place: the short are checked in one block, the long
   * sixteen bytes at a time, their last block overlapping */
  char part[40];
  for (size_t n = 0; n <= sizeof part; n++) {
    memset(part, 'a', n);
    assert_true(sckg_iri_part_clean(part, n));
    for (size_t at = 0; at < n; at++) {
      static const char forbidden[] = " \x7F<>\"{}|\\^`";
      for (const char *c = forbidden; *c; c++) {
        part[at] = *c;
        assert_false(sckg_iri_part_clean(part, n));
      }
      part[at] = '\x01';
      assert_false(sckg_iri_part_clean(part, n));
      part[at] = '\xC3'; /* UTF-8, and the rest of ASCII, may stand */
      assert_true(sckg_iri_part_clean(part, n));
      part[at] = '%';
      assert_true(sckg_iri_part_clean(part, n));
      part[at] = 'a';
    }
  }
  static const char *const bases[] = {NULL, "https://example.org/kg#"};
  for (size_t b = 0; b < 2; b++) {
    sckg_options o = {0};
    o.base = bases[b];
    sckg_input inputs[N_ODD];
    for (size_t i = 0; i < N_ODD; i++)
      inputs[i] = in(odd_names[i], article_odd);
    sckg_graph *g = build(inputs, N_ODD, &o);
    size_t given = 0;
    assert_int_equal(sckg_graph_each_subject_sized(g, check_lens, &given),
                     SCKG_OK);
    assert_true(given > 0);
    sckg_graph_free(g);
  }
  /* a slug with a space, as a schema of one's own may give: no length */
  const sckg_schema *schema;
  sckg_graph *g;
  assert_int_equal(sckg_schema_embedded(&schema), SCKG_OK);
  assert_int_equal(sckg_graph_new(schema, NULL, &g), SCKG_OK);
  bool made;
  sckg_actor *odd = sckg_graph_actor(g, "a b", "A B", SCKG_CLASS_PERSON, NULL,
                                     NULL, false, &made);
  sckg_actor *plain = sckg_graph_actor(g, "a-b", "A B", SCKG_CLASS_PERSON, NULL,
                                       NULL, false, &made);
  assert_int_equal(odd->iri_len, 0);
  assert_int_equal(plain->iri_len, strlen(plain->iri));
  sckg_graph_free(g);
}

/* Actors found by their slugs' bytes, wherever the slug lies: more of
 * them than the table first holds, so that it grows; each made once, its
 * slug the end of its IRI; none left after the graph is emptied. */
static void actors_are_found_by_slug(void **state) {
  (void)state;
  enum { N = 300 };
  const sckg_schema *schema;
  sckg_graph *g;
  assert_int_equal(sckg_schema_embedded(&schema), SCKG_OK);
  assert_int_equal(sckg_graph_new(schema, NULL, &g), SCKG_OK);
  g->reusable = true;
  sckg_actor *made_as[N];
  char slug[32];
  bool made;
  for (int round = 0; round < 2; round++)
    for (int i = 0; i < N; i++) {
      snprintf(slug, sizeof slug, "actor-%d", i);
      sckg_actor *a = sckg_graph_actor(g, slug, "A", SCKG_CLASS_PERSON, NULL,
                                       NULL, false, &made);
      assert_int_equal(made, round == 0);
      if (round == 0)
        made_as[i] = a;
      assert_ptr_equal(a, made_as[i]);
      assert_string_equal(a->slug, slug);
      assert_int_equal(a->slug_len, strlen(slug));
      assert_string_equal(a->iri + strlen(a->iri) - a->slug_len, slug);
    }
  assert_int_equal(sckg_graph_actor_count(g), N);
  assert_int_equal(sckg_graph_reuse(g, NULL), SCKG_OK);
  sckg_graph_actor(g, "actor-7", "A", SCKG_CLASS_PERSON, NULL, NULL, false,
                   &made);
  assert_true(made);
  sckg_graph_free(g);
}

/* A base that ends in '#' is accepted (graph.h): then every IRI minted
 * under it must still be valid, sentence nodes included. */
static void iris_are_valid_under_a_hash_base(void **state) {
  (void)state;
  sckg_options o = {0};
  o.base = "https://example.org/kg#";
  sckg_input inputs[] = {in("a.txt", article_a), in("odd.txt", article_odd)};
  sckg_graph *g = build(inputs, 2, &o);
  assert_true(count_typed(g, NIF("Sentence")) > 0);
  each_iri(g, valid_iri);
  sckg_graph_free(g);
}

/* The evidence sentences are listed once each, in IRI order, under either
 * separator: with a '#' base a sentence IRI continues its article's with
 * '/', which sorts after the '-', '.' and '%' that may follow the shorter
 * name in a longer one ("x/char=..." comes after "x-2/char=..."). */
static void sentences_in_iri_order(void **state) {
  (void)state;
  static const char *const bases[] = {NULL, "https://example.org/kg#"};
  sckg_input inputs[] = {in("x.txt", article_a),   in("x-2.txt", article_a),
                         in("x.3.txt", article_a), in("x%.txt", article_a),
                         in("x_4.txt", article_a), in("xa.txt", article_a)};
  for (size_t b = 0; b < 2; b++) {
    sckg_options o = {0};
    o.base = bases[b];
    sckg_graph *g = build(inputs, 6, &o);
    assert_int_equal(g->sentences.len, 6);
    for (size_t i = 1; i < g->sentences.len; i++) {
      const sckg_sentence *x = g->sentences.items[i - 1],
                          *y = g->sentences.items[i];
      if (strcmp(x->iri, y->iri) >= 0)
        fail_msg("<%s> listed before <%s>", x->iri, y->iri);
    }
    sckg_graph_free(g);
  }
}

/* "..txt" and "...txt" are ordinary file names; their identifiers "." and
 * ".." must not become dot segments, and the graph must still be writable
 * as RDF/XML. */
static void article_names_make_no_dot_segments(void **state) {
  (void)state;
  sckg_input inputs[] = {in("..txt", article_a), in("dir/...txt", article_b)};
  sckg_graph *g = build(inputs, 2, NULL);
  assert_int_equal(sckg_graph_article_count(g), 2);
  each_iri(g, valid_iri);
  each_iri(g, no_dot_segment);
  char *xml = rdfxml(g);
  free(xml);
  sckg_graph_free(g);
}

/* Long names are cut and hashed: the cut must not split a character, so
 * that the escapes still decode to UTF-8 (RFC 3987 3.2). */
static void percent_escapes_decode_to_utf8(void **state) {
  (void)state;
  sckg_input input = in("odd.txt", article_odd);
  sckg_graph *g = build(&input, 1, NULL);
  each_iri(g, utf8_escapes);
  sckg_graph_free(g);
}

/* --- one event, many reports ------------------------------------------- */

static void one_event_two_articles(void **state) {
  (void)state;
  sckg_input ab[] = {in("a.txt", article_a), in("b.txt", article_b)};
  sckg_graph *g = build(ab, 2, NULL);
  const sckg_event *e[4];
  assert_int_equal(japan_criticizes(g, e, 4), 1);
  assert_int_equal(e[0]->n_sources, 2);
  assert_int_equal(count_objects(g, e[0]->iri, FROM), 2);
  assert_true(
      has_triple_iri(g, e[0]->iri, FROM, SCKG_DEFAULT_BASE "article/a"));
  assert_true(
      has_triple_iri(g, e[0]->iri, FROM, SCKG_DEFAULT_BASE "article/b"));
  const sckg_term *date = object(g, e[0]->iri, SCKG_NS "date");
  assert_non_null(date);
  assert_string_equal(date->value, "2024-05-10");
  assert_int_equal(count_objects(g, e[0]->iri, SCKG_NS "evidence"), 2);
  char *both = malloc(strlen(e[0]->iri) + 1);
  strcpy(both, e[0]->iri);
  sckg_graph_free(g);

  /* shards: each article alone gives the same node */
  char *only_a = the_criticism(&ab[0], 1);
  char *only_b = the_criticism(&ab[1], 1);
  assert_string_equal(only_a, both);
  assert_string_equal(only_b, both);
  free(only_a);
  free(only_b);
  free(both);
}

/* The actor of the graph with this slug, or NULL. */
static const sckg_actor *actor_of(const sckg_graph *g, const char *slug) {
  for (size_t i = 0; i < g->actors.len; i++)
    if (!strcmp(SCKG_ACTORS(g)[i]->slug, slug))
      return SCKG_ACTORS(g)[i];
  return NULL;
}

static const char mixer_a[] =
    "Japan sanctioned Zorvex.io, a crypto mixer, on Monday.\n";
static const char mixer_b[] =
    "Zorvex laundered stolen funds for North Korea, Japan said.\n";

/* A name with a web suffix and the name without it are one node, whose
 * IRI comes from the name alone: so in either shard, and in both together
 * in either order, labelled with the longer name. */
static void web_suffix_names_one_node(void **state) {
  (void)state;
  sckg_input ab[] = {in("a.txt", mixer_a), in("b.txt", mixer_b)};
  sckg_input ba[] = {ab[1], ab[0]};
  for (int order = 0; order < 2; order++) {
    sckg_graph *g = build(order ? ba : ab, 2, NULL);
    const sckg_actor *a = actor_of(g, "zorvex");
    assert_non_null(a);
    assert_string_equal(a->iri, SCKG_DEFAULT_BASE "actor/zorvex");
    assert_string_equal(a->label, "Zorvex.io");
    assert_null(actor_of(g, "zorvex-io"));
    sckg_graph_free(g);
  }
  for (size_t i = 0; i < 2; i++) {
    char *nt = nt_of(&ab[i], 1, NULL);
    assert_non_null(strstr(nt, "<" SCKG_DEFAULT_BASE "actor/zorvex>"));
    assert_null(strstr(nt, "actor/zorvex-io"));
    free(nt);
  }
}

/* Within one article a short form of a name given before is its actor: its
 * first words, a restatement in parentheses, an "also known as". */
static void short_forms_name_one_node(void **state) {
  (void)state;
  sckg_input a =
      in("a.txt", "Japan sanctioned the Velkor Data Systems Company (Kestrel) "
                  "on Monday. Velkor laundered funds for North Korea, Tokyo "
                  "said. Kestrel evaded sanctions through front firms.\n");
  sckg_graph *g = build(&a, 1, NULL);
  assert_non_null(actor_of(g, "velkor-data-systems-company"));
  assert_null(actor_of(g, "velkor"));
  assert_null(actor_of(g, "kestrel"));
  sckg_graph_free(g);

  sckg_input b = in("b.txt", "The Ostrava Mining Company, also known as Brel "
                             "Minerals, evaded sanctions. Canada sanctioned "
                             "Brel Minerals on Tuesday.\n");
  g = build(&b, 1, NULL);
  assert_non_null(actor_of(g, "ostrava-mining-company"));
  assert_null(actor_of(g, "brel-minerals"));
  sckg_graph_free(g);
}

/* A short form met before the full name, or one two earlier names share,
 * stays an actor of its own. */
static void unsure_short_forms_stay_apart(void **state) {
  (void)state;
  sckg_input a = in("a.txt", "Velkor evaded sanctions, Tokyo said. Japan later "
                             "sanctioned the Velkor Data Systems Company.\n");
  sckg_graph *g = build(&a, 1, NULL);
  assert_non_null(actor_of(g, "velkor"));
  sckg_graph_free(g);
  sckg_input b = in("b.txt", "Japan sanctioned the Velkor Data Company and the "
                             "Velkor Shipping Company. Velkor laundered "
                             "funds, Tokyo said.\n");
  g = build(&b, 1, NULL);
  assert_non_null(actor_of(g, "velkor"));
  sckg_graph_free(g);
}

/* The union of the N-Triples of two shards holds every triple of the whole
 * build about the event (types, agents, targets, date, sources). */
static void shard_union_covers_the_event(void **state) {
  (void)state;
  sckg_input ab[] = {in("a.txt", article_a), in("b.txt", article_b)};
  char *whole = nt_of(ab, 2, NULL);
  char *sa = nt_of(&ab[0], 1, NULL), *sb = nt_of(&ab[1], 1, NULL);
  size_t checked = 0;
  for (char *line = whole; *line;) {
    char *nl = strchr(line, '\n');
    assert_non_null(nl);
    *nl = '\0';
    if (!strncmp(line, "<" SCKG_DEFAULT_BASE "event/",
                 strlen("<" SCKG_DEFAULT_BASE "event/"))) {
      checked++;
      if (!strstr(sa, line) && !strstr(sb, line))
        fail_msg("no shard holds: %s", line);
    }
    line = nl + 1;
  }
  assert_true(checked > 5);
  free(whole);
  free(sa);
  free(sb);
}

static void undated_report_joins_dated_event(void **state) {
  (void)state;
  sckg_input ac[] = {in("c.txt", article_c), in("a.txt", article_a)};
  sckg_graph *g = build(ac, 2, NULL);
  const sckg_event *e[4];
  assert_int_equal(japan_criticizes(g, e, 4), 1);
  assert_int_equal(e[0]->n_sources, 2);
  assert_true(
      has_triple_iri(g, e[0]->iri, FROM, SCKG_DEFAULT_BASE "article/c"));
  assert_true(
      has_triple_iri(g, e[0]->iri, FROM, SCKG_DEFAULT_BASE "article/a"));
  assert_non_null(object(g, e[0]->iri, SCKG_NS "date"));
  char *joined = malloc(strlen(e[0]->iri) + 1);
  strcpy(joined, e[0]->iri);
  sckg_graph_free(g);
  /* it is the dated event's node, as a build of the dated article alone */
  char *dated = the_criticism(&ac[1], 1);
  assert_string_equal(joined, dated);
  /* alone, the undated report is an undated event of its own */
  char *undated = the_criticism(&ac[0], 1);
  assert_string_not_equal(undated, dated);
  free(joined);
  free(dated);
  free(undated);
}

/* With two dated events of the same type, agents and target, the undated
 * report joins one of them (the earliest), whatever the input order. */
static void undated_report_joins_one_of_several(void **state) {
  (void)state;
  sckg_input orders[3][3] = {
      {in("a.txt", article_a), in("c.txt", article_c), in("d.txt", article_d)},
      {in("d.txt", article_d), in("c.txt", article_c), in("a.txt", article_a)},
      {in("c.txt", article_c), in("d.txt", article_d), in("a.txt", article_a)},
  };
  char *first = NULL;
  for (size_t k = 0; k < 3; k++) {
    sckg_graph *g = build(orders[k], 3, NULL);
    const sckg_event *e[4];
    assert_int_equal(japan_criticizes(g, e, 4), 2);
    size_t with_c = 0;
    for (size_t i = 0; i < 2; i++) {
      bool c =
          has_triple_iri(g, e[i]->iri, FROM, SCKG_DEFAULT_BASE "article/c");
      with_c += c;
      if (c)
        assert_string_equal(object(g, e[i]->iri, SCKG_NS "date")->value,
                            "2024-05-10");
    }
    assert_int_equal(with_c, 1);
    char *nt = ntriples(g);
    if (!first)
      first = nt;
    else {
      assert_string_equal(nt, first);
      free(nt);
    }
    sckg_graph_free(g);
  }
  free(first);
}

/* --- determinism ------------------------------------------------------- */

static void input_order_does_not_matter(void **state) {
  (void)state;
  sckg_input fwd[] = {in("a.txt", article_a), in("b.txt", article_b),
                      in("c.txt", article_c), in("odd.txt", article_odd)};
  sckg_input rev[] = {fwd[3], fwd[2], fwd[1], fwd[0]};
  sckg_input mix[] = {fwd[1], fwd[3], fwd[0], fwd[2]};
  char *x = nt_of(fwd, 4, NULL), *y = nt_of(rev, 4, NULL),
       *z = nt_of(mix, 4, NULL);
  assert_string_equal(x, y);
  assert_string_equal(x, z);
  free(x);
  free(y);
  free(z);
}

static void two_builds_are_identical(void **state) {
  (void)state;
  sckg_input inputs[] = {in("a.txt", article_a), in("b.txt", article_b),
                         in("c.txt", article_c), in("odd.txt", article_odd)};
  sckg_graph *g1 = build(inputs, 4, NULL), *g2 = build(inputs, 4, NULL);
  char *n1 = ntriples(g1), *n2 = ntriples(g2);
  assert_string_equal(n1, n2);
  char *x1 = rdfxml(g1), *x2 = rdfxml(g2);
  assert_string_equal(x1, x2);
  free(n1);
  free(n2);
  free(x1);
  free(x2);
  sckg_graph_free(g1);
  sckg_graph_free(g2);
}

/* --- input errors ------------------------------------------------------ */

typedef struct {
  int n;
  sckg_status status;
  char file[256];
  unsigned long line;
  char message[256];
} diags;

static void record(void *handle, const sckg_diag *d) {
  diags *D = handle;
  D->n++;
  D->status = d->status;
  snprintf(D->file, sizeof D->file, "%s", d->file ? d->file : "");
  D->line = d->line;
  snprintf(D->message, sizeof D->message, "%s", d->message ? d->message : "");
}

/* A new graph with the embedded schema whose diagnostics go to `D`. */
static sckg_graph *graph_with_sink(diags *D) {
  const sckg_schema *s;
  assert_int_equal(sckg_schema_embedded(&s), SCKG_OK);
  sckg_options o = {0};
  o.sink = record;
  o.sink_handle = D;
  sckg_graph *g = NULL;
  assert_int_equal(sckg_graph_new(s, &o, &g), SCKG_OK);
  return g;
}

static void expect_rejected_input(sckg_graph *g, diags *D, const char *name,
                                  const char *text, size_t len) {
  int before = D->n;
  sckg_input bad = {.name = name, .text = text, .len = len};
  assert_int_equal(sckg_graph_add(g, &bad), SCKG_ERR_INPUT);
  assert_int_equal(D->n, before + 1);
  assert_int_equal(D->status, SCKG_ERR_INPUT);
  if (strcmp(D->file, name) && !strstr(D->message, name))
    fail_msg("the diagnostic (%s: %s) does not name the input %s", D->file,
             D->message, name);
  assert_true(D->message[0] != '\0');
}

static void bad_inputs_leave_graph_usable(void **state) {
  (void)state;
  diags D = {0};
  sckg_graph *g = graph_with_sink(&D);
  static const char utf8[] = "Japan condemned North \xC0\x80Korea.";
  expect_rejected_input(g, &D, "bad-utf8.txt", utf8, sizeof utf8 - 1);
  static const char nul[] = "Japan condemned\0 North Korea.";
  expect_rejected_input(g, &D, "nul.txt", nul, sizeof nul - 1);
  static const char date[] = " date 2023-02-29\nJapan condemned North Korea.";
  expect_rejected_input(g, &D, "bad-date.txt", date, sizeof date - 1);
  assert_int_equal(D.line, 1); /* the date line */
  static const char month[] = " date 2023-13-01 Japan condemned North Korea.";
  expect_rejected_input(g, &D, "bad-month.txt", month, sizeof month - 1);
  static const char shape[] = " date 2023-4-7\nJapan condemned North Korea.";
  expect_rejected_input(g, &D, "short-date.txt", shape, sizeof shape - 1);
  /* nothing of them stayed: a valid article, even under a rejected name,
   * is read, and the graph finishes */
  sckg_input good = in("bad-date.txt", article_a);
  assert_int_equal(sckg_graph_add(g, &good), SCKG_OK);
  sckg_input good2 = in("b.txt", article_b);
  assert_int_equal(sckg_graph_add(g, &good2), SCKG_OK);
  assert_int_equal(sckg_graph_finish(g), SCKG_OK);
  assert_int_equal(sckg_graph_article_count(g), 2);
  const sckg_event *e[4];
  assert_int_equal(japan_criticizes(g, e, 4), 1);
  assert_int_equal(e[0]->n_sources, 2);
  char *nt = ntriples(g);
  assert_null(strstr(nt, "article/nul>"));
  assert_null(strstr(nt, "article/bad-utf8>"));
  assert_non_null(strstr(nt, "article/bad-date>"));
  free(nt);
  sckg_graph_free(g);
}

/* A sentence longer than the reader takes is read in part, and said so,
 * with where it starts; the article is kept. */
static void overlong_sentence_is_reported(void **state) {
  (void)state;
  diags D = {0};
  sckg_graph *g = graph_with_sink(&D);
  sckg_buf text = {0};
  sckg_buf_adds(&text, " date 2024-05-10\nA headline\nSeoul spoke.\n"
                       "Japan condemned North Korea on Friday");
  for (int i = 0; i < 2100; i++) /* two tokens each */
    sckg_buf_adds(&text, ", again");
  sckg_buf_adds(&text, ".\n");
  sckg_input long_one = {.name = "long.txt", .text = text.ptr, .len = text.len};
  assert_int_equal(sckg_graph_add(g, &long_one), SCKG_OK);
  assert_int_equal(D.n, 1);
  assert_int_equal(D.status, SCKG_OK);
  assert_string_equal(D.file, "long.txt");
  assert_int_equal(D.line, 4);
  assert_non_null(strstr(D.message, "more than 4096 tokens"));
  assert_int_equal(sckg_graph_finish(g), SCKG_OK);
  const sckg_event *e[4];
  assert_int_equal(japan_criticizes(g, e, 4), 1); /* from its beginning */
  sckg_graph_free(g);
  sckg_buf_free(&text);
}

static void same_identifier_twice_is_rejected(void **state) {
  (void)state;
  diags D = {0};
  sckg_graph *g = graph_with_sink(&D);
  sckg_input first = in("news/report.txt", article_a);
  assert_int_equal(sckg_graph_add(g, &first), SCKG_OK);
  assert_int_equal(D.n, 0);
  expect_rejected_input(g, &D, "archive/report.txt", article_b,
                        strlen(article_b));
  expect_rejected_input(g, &D, "report", article_b, strlen(article_b));
  sckg_input other = in("archive/report-2.txt", article_b);
  assert_int_equal(sckg_graph_add(g, &other), SCKG_OK);
  assert_int_equal(sckg_graph_finish(g), SCKG_OK);
  assert_int_equal(sckg_graph_article_count(g), 2);
  sckg_graph_free(g);

  /* the one-call build fails as a whole */
  sckg_input twice[] = {in("x/a.txt", article_a), in("y/a.txt", article_b)};
  sckg_graph *out = (sckg_graph *)&D;
  assert_int_equal(sckg_build(twice, 2, NULL, &out), SCKG_ERR_INPUT);
  assert_null(out);
}

/* --- --base ------------------------------------------------------------ */

static void base_is_checked(void **state) {
  (void)state;
  const sckg_schema *s;
  assert_int_equal(sckg_schema_embedded(&s), SCKG_OK);
  static const char *const bad[] = {
      "",
      "example.org/kg/",           /* no scheme */
      "//example.org/kg/",         /* no scheme */
      ":/kg/",                     /* an empty scheme */
      "kg/a:b/",                   /* a colon, but no scheme before it */
      "1https://example.org/kg/",  /* a scheme starts with a letter */
      "https://example.org/kg",    /* no trailing / or # */
      "https://example.org/a b/",  /* a space */
      "https://example.org/a\tb/", /* a control character */
      "https://example.org/<a>/",
      "https://example.org/a/../b/", /* a dot segment */
      "https://example.org/a/./b/",
      "https://example.org/%zz/",  /* a broken escape */
      "https://example.org/a#b/",  /* a '#' before the end */
      "https://example.org/\xC3/", /* invalid UTF-8 */
  };
  char accepted[1024] = "";
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    sckg_options o = {0};
    o.base = bad[i];
    sckg_graph *g = (sckg_graph *)&o;
    sckg_status st = sckg_graph_new(s, &o, &g);
    if (st == SCKG_OK) {
      sckg_graph_free(g);
      size_t n = strlen(accepted);
      snprintf(accepted + n, sizeof accepted - n, " '");
      for (const char *c = bad[i]; *c; c++) {
        n = strlen(accepted);
        unsigned char b = (unsigned char)*c;
        snprintf(accepted + n, sizeof accepted - n,
                 b < 0x20 || b >= 0x7F ? "\\x%02X" : "%c", b);
      }
      n = strlen(accepted);
      snprintf(accepted + n, sizeof accepted - n, "'");
      continue;
    }
    assert_int_equal(st, SCKG_ERR_ARG);
    assert_null(g);
  }
  if (accepted[0])
    fail_msg("sckg_graph_new accepted the bases%s", accepted);
  sckg_options o = {0};
  o.base = "https://example.org/a b/";
  sckg_input a = in("a.txt", article_a);
  sckg_graph *g = (sckg_graph *)&o;
  assert_int_equal(sckg_build(&a, 1, &o, &g), SCKG_ERR_ARG);
  assert_null(g);
}

static void base_prefixes_every_minted_iri(void **state) {
  (void)state;
  static const char *const bases[] = {"https://example.org/kg/",
                                      "https://example.org/kg#"};
  for (size_t b = 0; b < 2; b++) {
    sckg_options o = {0};
    o.base = bases[b];
    sckg_input inputs[] = {in("a.txt", article_a), in("odd.txt", article_odd)};
    sckg_graph *g = build(inputs, 2, &o);
    size_t n = strlen(o.base), minted = 0;
    assert_int_equal(sckg_graph_list_triples(g), SCKG_OK);
    for (size_t i = 0; i < g->n_triples; i++) {
      const sckg_triple *t = &g->triples[i];
      /* every subject is a resource of the graph */
      if (strncmp(t->s, o.base, n))
        fail_msg("subject <%s> is not under %s", t->s, o.base);
      const char *iris[3] = {t->s, t->p,
                             t->o.kind == SCKG_TERM_IRI ? t->o.value : ""};
      for (size_t k = 0; k < 3; k++)
        if (strstr(iris[k], SCKG_DEFAULT_BASE))
          fail_msg("<%s> uses the default base", iris[k]);
      minted++;
    }
    assert_true(minted > 0);
    assert_true(sckg_graph_event_count(g) > 0);
    for (size_t i = 0; i < g->events.len; i++)
      assert_int_equal(strncmp(SCKG_EVENTS(g)[i]->iri, o.base, n), 0);
    for (size_t i = 0; i < g->actors.len; i++)
      assert_int_equal(strncmp(SCKG_ACTORS(g)[i]->iri, o.base, n), 0);
    sckg_graph_free(g);
  }
}

/* --- NIF offsets ------------------------------------------------------- */

/* The code points [begin, end) of UTF-8 `s`, as a new string; NULL when the
 * text is shorter. */
static char *cp_substring(const char *s, size_t begin, size_t end) {
  size_t n = strlen(s), i = 0, cp = 0, from = SIZE_MAX;
  while (cp < end) {
    if (cp == begin)
      from = i;
    if (i >= n)
      return NULL;
    i++;
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
      i++;
    cp++;
  }
  if (begin == end)
    from = i;
  char *out = malloc(i - from + 1);
  memcpy(out, s + from, i - from);
  out[i - from] = '\0';
  return out;
}

static size_t parse_index(const sckg_term *t) {
  assert_non_null(t);
  assert_int_equal(t->kind, SCKG_TERM_LITERAL);
  assert_non_null(t->datatype);
  assert_string_equal(t->datatype, SCKG_NS_XSD "nonNegativeInteger");
  char *end;
  unsigned long long v = strtoull(t->value, &end, 10);
  assert_true(*t->value && !*end);
  return (size_t)v;
}

static void sentence_offsets_give_back_the_anchor(void **state) {
  (void)state;
  static const char curly[] =
      " date 2024-05-10\n"
      "Japan\xE2\x80\x99s \xE2\x80\x9C"
      "firm\xE2\x80\x9D answer to Pyongyang\n"
      "\xC3\x96sterreich\xE2\x80\x99s caf\xC3\xA9 owners said \xE2\x80\x9C"
      "nothing\xE2\x80\x9D about it \xE2\x80\x94 \xC3\xB1"
      "and\xC3\xBA.\n"
      "Japan condemned North Korea on Friday, calling the launch "
      "\xE2\x80\x9Creckless.\xE2\x80\x9D\n"
      "\xE2\x80\x9CWe will respond,\xE2\x80\x9D South Korea\xE2\x80\x99s "
      "foreign ministry said after it criticized North Korea\xE2\x80\x99s "
      "\xE2\x80\x9Cprovocation\xE2\x80\x9D on Thursday.\n"
      "S\xC3\xB8ren \xC3\x98"
      "deg\xC3\xA5rd\xE2\x80\x99s bank was hacked "
      "by North Korean hackers \xF0\x9F\x98\x80.\n";
  /* a byte order mark and CRLF line ends do not shift the offsets */
  static const char bom[] =
      "\xEF\xBB\xBF"
      "Caf\xC3\xA9 news\r\n"
      "Ni\xC3\xB1os \xE2\x80\x9Cwatched\xE2\x80\x9D.\r\n"
      "Japan condemned North Korea\xE2\x80\x99s \xE2\x80\x9Ctest.\xE2\x80\x9D "
      "North Korea fired a ballistic missile.\r\n";
  sckg_input inputs[] = {in("curly.txt", curly), in("bom.txt", bom)};
  sckg_graph *g = build(inputs, 2, NULL);
  size_t sentences = 0, after_non_ascii = 0;
  const char *last = NULL;
  assert_int_equal(sckg_graph_list_triples(g), SCKG_OK);
  for (size_t i = 0; i < g->n_triples; i++) {
    const sckg_triple *t = &g->triples[i];
    if (strcmp(t->p, RDF_TYPE) || strcmp(t->o.value, NIF("Sentence")) ||
        (last && !strcmp(last, t->s)))
      continue;
    last = t->s;
    sentences++;
    const sckg_term *anchor = object(g, t->s, NIF("anchorOf"));
    const sckg_term *ctx = object(g, t->s, NIF("referenceContext"));
    assert_non_null(anchor);
    assert_non_null(ctx);
    size_t begin = parse_index(object(g, t->s, NIF("beginIndex")));
    size_t end = parse_index(object(g, t->s, NIF("endIndex")));
    assert_true(begin < end);
    const sckg_term *text = object(g, ctx->value, NIF("isString"));
    assert_non_null(text);
    char *sub = cp_substring(text->value, begin, end);
    if (!sub)
      fail_msg("%s: [%zu, %zu) is past the end of the text", t->s, begin, end);
    if (strcmp(sub, anchor->value)) {
      print_error("text[%zu, %zu) = \"%s\"\nanchorOf    = \"%s\"\n", begin, end,
                  sub, anchor->value);
      free(sub);
      fail();
    }
    free(sub);
    /* the IRI carries the same offsets */
    char suffix[64];
    snprintf(suffix, sizeof suffix, "#char=%zu,%zu", begin, end);
    assert_true(strlen(t->s) > strlen(suffix));
    assert_string_equal(t->s + strlen(t->s) - strlen(suffix), suffix);
    char *before = cp_substring(text->value, 0, begin);
    after_non_ascii += strlen(before) != begin;
    free(before);
  }
  assert_true(sentences >= 3);
  assert_true(after_non_ascii >= 3);
  sckg_graph_free(g);
}

/* --- small things ------------------------------------------------------ */

static void free_null_is_a_noop(void **state) {
  (void)state;
  sckg_graph_free(NULL);
  sckg_schema_free(NULL);
}

static void counts_match_the_arrays(void **state) {
  (void)state;
  sckg_input inputs[] = {in("a.txt", article_a), in("b.txt", article_b),
                         in("c.txt", article_c), in("odd.txt", article_odd)};
  sckg_graph *g = build(inputs, 4, NULL);
  assert_int_equal(sckg_graph_actor_count(g), g->actors.len);
  assert_int_equal(sckg_graph_event_count(g), g->events.len);
  assert_int_equal(sckg_graph_article_count(g), g->articles.len);
  assert_int_equal(sckg_graph_article_count(g), 4);
  assert_int_equal(sckg_graph_actor_count(g), count_typed(g, SCKG_NS "Actor"));
  assert_int_equal(sckg_graph_event_count(g), count_typed(g, SCKG_NS "Event"));
  assert_int_equal(sckg_graph_article_count(g),
                   count_typed(g, SCKG_NS "Article"));
  assert_true(sckg_graph_event_count(g) >= 3);
  /* a finished graph takes no more */
  sckg_input late = in("late.txt", article_d);
  assert_int_equal(sckg_graph_add(g, &late), SCKG_ERR_ARG);
  assert_int_equal(sckg_graph_finish(g), SCKG_ERR_ARG);
  assert_int_equal(sckg_graph_article_count(g), 4);
  sckg_graph_free(g);

  /* an empty graph */
  sckg_graph *e = build(NULL, 0, NULL);
  assert_int_equal(sckg_graph_actor_count(e), 0);
  assert_int_equal(sckg_graph_event_count(e), 0);
  assert_int_equal(sckg_graph_article_count(e), 0);
  assert_int_equal(sckg_graph_list_triples(e), SCKG_OK);
  assert_int_equal(e->n_triples, 0);
  sckg_graph_free(e);

  /* writers refuse an unfinished graph */
  const sckg_schema *s;
  assert_int_equal(sckg_schema_embedded(&s), SCKG_OK);
  sckg_graph *u;
  assert_int_equal(sckg_graph_new(s, NULL, &u), SCKG_OK);
  assert_int_equal(sckg_write_ntriples(u, stdout), SCKG_ERR_ARG);
  sckg_graph_free(u);
}

/* An article in which nothing happens: no event, no sentence node, and
 * still a graph that finishes and writes. */
static void article_without_events(void **state) {
  (void)state;
  sckg_input quiet = in("quiet.txt", "Nothing happened today.\n");
  sckg_graph *g = build(&quiet, 1, NULL);
  assert_int_equal(sckg_graph_event_count(g), 0);
  assert_int_equal(sckg_graph_article_count(g), 1);
  assert_int_equal(count_typed(g, NIF("Sentence")), 0);
  char *nt = ntriples(g);
  assert_non_null(strstr(nt, "article/quiet>"));
  free(nt);
  sckg_graph_free(g);
}

/* A streamed article's graph, emptied and read into again (a reader's
 * spare): each article gives the N-Triples a graph of its own gives, under
 * the options of its own read, after articles bigger and smaller than it,
 * after one with no event and after an input refused. */
static void reused_graph_reads_as_a_new_one(void **state) {
  (void)state;
  const sckg_schema *s;
  assert_int_equal(sckg_schema_embedded(&s), SCKG_OK);
  sckg_options hash = {.base = "http://example.org/kg#"};
  sckg_options dated = {.default_date = "2024-06-01"};
  struct {
    sckg_input in;
    const sckg_options *opts;
  } reads[] = {
      {in("odd.txt", article_odd), NULL},
      {in("lazarus.txt", " date 2024-05-10\nThe Lazarus Group and APT38 "
                         "stole funds from Bank of Tokyo on Friday.\n"),
       NULL},
      {in("a.txt", article_a), NULL},
      {in("quiet.txt", "Nothing happened today.\n"), NULL},
      {in("b.txt", article_b), &hash},
      {in("bad.txt", "Japan \xFF condemned North Korea.\n"), NULL},
      {in("c.txt", article_c), &dated},
      {in("odd2.txt", article_odd), &hash},
      {in("d.txt", article_d), NULL},
  };
  sckg_extractor *x = sckg_extractor_new();
  sckg_graph *spare = NULL;
  for (size_t i = 0; i < sizeof reads / sizeof *reads; i++) {
    sckg_graph *fresh = NULL, *reused = NULL;
    sckg_status want = sckg_graph_read(s, reads[i].opts, &reads[i].in, &fresh);
    sckg_status got = sckg_graph_read_using(s, reads[i].opts, &reads[i].in, x,
                                            &spare, &reused);
    assert_int_equal(got, want);
    assert_null(spare); /* taken, or freed with the refused input */
    if (want != SCKG_OK)
      continue;
    /* the same lexicon actors, none left over from an article before */
    for (size_t k = 0; k < s->n_actors; k++)
      assert_true(!sckg_graph_lex_made(fresh, k) ==
                  !sckg_graph_lex_made(reused, k));
    assert_int_equal(sckg_graph_finish(fresh), SCKG_OK);
    assert_int_equal(sckg_graph_finish(reused), SCKG_OK);
    char *a = ntriples(fresh), *b = ntriples(reused);
    assert_string_equal(b, a);
    free(a);
    free(b);
    sckg_graph_free(fresh);
    spare = reused;
  }
  /* bad options: refused as a new graph's, and the spare is not kept */
  sckg_options bad = {.base = "no-scheme/"};
  sckg_graph *g = NULL;
  sckg_input one = in("a.txt", article_a);
  assert_non_null(spare);
  assert_int_equal(sckg_graph_read_using(s, &bad, &one, x, &spare, &g),
                   SCKG_ERR_ARG);
  assert_null(g);
  assert_null(spare);
  sckg_extractor_free(x);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(iris_are_valid_for_odd_names),
      cmocka_unit_test(iris_are_valid_under_a_hash_base),
      cmocka_unit_test(walk_lengths_are_true),
      cmocka_unit_test(actors_are_found_by_slug),
      cmocka_unit_test(sentences_in_iri_order),
      cmocka_unit_test(article_names_make_no_dot_segments),
      cmocka_unit_test(percent_escapes_decode_to_utf8),
      cmocka_unit_test(one_event_two_articles),
      cmocka_unit_test(web_suffix_names_one_node),
      cmocka_unit_test(short_forms_name_one_node),
      cmocka_unit_test(unsure_short_forms_stay_apart),
      cmocka_unit_test(shard_union_covers_the_event),
      cmocka_unit_test(undated_report_joins_dated_event),
      cmocka_unit_test(undated_report_joins_one_of_several),
      cmocka_unit_test(input_order_does_not_matter),
      cmocka_unit_test(two_builds_are_identical),
      cmocka_unit_test(bad_inputs_leave_graph_usable),
      cmocka_unit_test(overlong_sentence_is_reported),
      cmocka_unit_test(same_identifier_twice_is_rejected),
      cmocka_unit_test(base_is_checked),
      cmocka_unit_test(base_prefixes_every_minted_iri),
      cmocka_unit_test(sentence_offsets_give_back_the_anchor),
      cmocka_unit_test(free_null_is_a_noop),
      cmocka_unit_test(counts_match_the_arrays),
      cmocka_unit_test(article_without_events),
      cmocka_unit_test(reused_graph_reads_as_a_new_one),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
