/* SPDX-License-Identifier: MIT */
/* The N-Triples writer on small graphs given as rows of triples
 * (triples_fixture.h): exact text, escaping, the buffer boundary and write
 * failures. */
#define _POSIX_C_SOURCE 200809L

#include "sckg/write.h"
#include "triples_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ID "https://w3id.org/sckg/id/"

/* The sample graph: IRIs, language-tagged and typed literals, markup and
 * escapes, non-ASCII, a predicate outside the known namespaces. */
static const row sample[] = {
    {ID "actor/north-korea", SCKG_NS_RDF "type", 0, SCKG_NS "State", 0, 0},
    {ID "actor/north-korea", SCKG_NS_RDF "type", 0, SCKG_NS "Actor", 0, 0},
    {ID "actor/north-korea", SCKG_NS_RDFS "label", 1, "North Korea", "en", 0},
    {ID "actor/north-korea", SCKG_NS_SKOS "altLabel", 1,
     "\xEB\xB6\x81\xED\x95\x9C", "ko", 0},
    {ID "actor/north-korea", SCKG_NS_OWL "sameAs", 0, SCKG_NS_WD "Q423", 0, 0},
    {ID "event/x", SCKG_NS "date", 1, "2023-04-07", 0, SCKG_NS_XSD "date"},
    {ID "article/ap", SCKG_NS_NIF "isString", 1,
     "Seoul said: <\"no\"> & \\n\nnext\r\tend", 0, 0},
    {ID "article/ap", SCKG_NS_DCT "title", 1,
     "Japan \xE2\x80\x94 \xE2\x80\x9Ctalks\xE2\x80\x9D", 0, 0},
    {ID "article/ap", SCKG_NS_NIF "beginIndex", 1, "0", 0,
     SCKG_NS_XSD "nonNegativeInteger"},
    {ID "article/ap", "http://example.org/vocab#weight", 1, "1.5", 0,
     SCKG_NS_XSD "decimal"},
    {ID "article/ap", SCKG_NS_RDFS "comment", 1, "", 0, 0},
};

static void test_sample_exact(void **state) {
  (void)state;
  sckg_graph *g = make_graph(sample, sizeof sample / sizeof sample[0]);
  char *text;
  assert_int_equal(write_mem(sckg_write_ntriples, g, &text, NULL), SCKG_OK);
  assert_string_equal(
      text,
      "<https://w3id.org/sckg/id/actor/north-korea> "
      "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<https://w3id.org/sckg/ns#Actor> .\n"
      "<https://w3id.org/sckg/id/actor/north-korea> "
      "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<https://w3id.org/sckg/ns#State> .\n"
      "<https://w3id.org/sckg/id/actor/north-korea> "
      "<http://www.w3.org/2000/01/rdf-schema#label> \"North Korea\"@en .\n"
      "<https://w3id.org/sckg/id/actor/north-korea> "
      "<http://www.w3.org/2002/07/owl#sameAs> "
      "<http://www.wikidata.org/entity/Q423> .\n"
      "<https://w3id.org/sckg/id/actor/north-korea> "
      "<http://www.w3.org/2004/02/skos/core#altLabel> "
      "\"\xEB\xB6\x81\xED\x95\x9C\"@ko .\n"
      "<https://w3id.org/sckg/id/article/ap> "
      "<http://example.org/vocab#weight> "
      "\"1.5\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n"
      "<https://w3id.org/sckg/id/article/ap> "
      "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/"
      "nif-core#beginIndex> "
      "\"0\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .\n"
      "<https://w3id.org/sckg/id/article/ap> "
      "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/"
      "nif-core#isString> "
      "\"Seoul said: <\\\"no\\\"> & \\\\n\\nnext\\r\\u0009end\" .\n"
      "<https://w3id.org/sckg/id/article/ap> "
      "<http://purl.org/dc/terms/title> "
      "\"Japan \xE2\x80\x94 \xE2\x80\x9Ctalks\xE2\x80\x9D\" .\n"
      "<https://w3id.org/sckg/id/article/ap> "
      "<http://www.w3.org/2000/01/rdf-schema#comment> \"\" .\n"
      "<https://w3id.org/sckg/id/event/x> "
      "<https://w3id.org/sckg/ns#date> "
      "\"2023-04-07\"^^<http://www.w3.org/2001/XMLSchema#date> .\n");
  free(text);
  free_graph(g);
}

/* Characters IRIREF forbids come out as UCHAR, never raw and never
 * percent-encoded; the legal ones, non-ASCII included, stay as they are. */
static void test_iri_escapes(void **state) {
  (void)state;
  const row rows[] = {
      {"http://example.org/a b<c>d\"e{f}g|h^i`j\\k\x01l", SCKG_NS_RDF "type", 0,
       "http://example.org/caf\xC3\xA9?q=1&r=%20#x", 0, 0},
  };
  sckg_graph *g = make_graph(rows, 1);
  char *text;
  assert_int_equal(write_mem(sckg_write_ntriples, g, &text, NULL), SCKG_OK);
  assert_string_equal(
      text, "<http://example.org/a\\u0020b\\u003Cc\\u003Ed\\u0022e\\u007Bf"
            "\\u007Dg\\u007Ch\\u005Ei\\u0060j\\u005Ck\\u0001l> "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            "<http://example.org/caf\xC3\xA9?q=1&r=%20#x> .\n");
  free(text);
  free_graph(g);
}

/* In literals: ECHAR for " \ LF CR only, UCHAR for every other C0 control
 * and DEL, everything else (quotes of other kinds, markup, UTF-8) as is. */
static void test_literal_escapes(void **state) {
  (void)state;
  const row rows[] = {
      {"http://example.org/s", "http://example.org/p", 1,
       "\x01\x08\t\x0B\x0C\x1F\x7F'<&>\xC2\x80\xF0\x9F\x98\x80", "en-GB", 0},
  };
  sckg_graph *g = make_graph(rows, 1);
  char *text;
  assert_int_equal(write_mem(sckg_write_ntriples, g, &text, NULL), SCKG_OK);
  assert_string_equal(text, "<http://example.org/s> <http://example.org/p> "
                            "\"\\u0001\\u0008\\u0009\\u000B\\u000C\\u001F"
                            "\\u007F'<&>\xC2\x80\xF0\x9F\x98\x80\"@en-GB .\n");
  free(text);
  free_graph(g);
}

/* A literal with both a language and a datatype is written with the
 * language: a tagged literal's datatype is rdf:langString by definition. */
static void test_lang_wins(void **state) {
  (void)state;
  const row rows[] = {{"http://example.org/s", "http://example.org/p", 1, "x",
                       "en", SCKG_NS_XSD "string"}};
  sckg_graph *g = make_graph(rows, 1);
  char *text;
  assert_int_equal(write_mem(sckg_write_ntriples, g, &text, NULL), SCKG_OK);
  assert_string_equal(
      text, "<http://example.org/s> <http://example.org/p> \"x\"@en .\n");
  free(text);
  free_graph(g);
}

/* A tag that is not LANGTAG would make the file unparsable: refused before
 * anything is written. */
static void test_bad_lang(void **state) {
  (void)state;
  const char *bad[] = {"", "en_US", "en-", "-en", "e n", "1en"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    const row rows[] = {
        {"http://example.org/s", "http://example.org/p", 1, "x", bad[i], 0}};
    sckg_graph *g = make_graph(rows, 1);
    char *text;
    assert_int_equal(write_mem(sckg_write_ntriples, g, &text, NULL),
                     SCKG_ERR_INPUT);
    assert_string_equal(text, "");
    free(text);
    free_graph(g);
  }
}

static void test_empty_graph(void **state) {
  (void)state;
  sckg_graph *g = make_graph(NULL, 0);
  char *text;
  assert_int_equal(write_mem(sckg_write_ntriples, g, &text, NULL), SCKG_OK);
  assert_string_equal(text, "");
  free(text);
  free_graph(g);
}

static void test_bad_args(void **state) {
  (void)state;
  sckg_graph *g = make_graph(sample, 1);
  assert_int_equal(sckg_write_ntriples(NULL, stdout), SCKG_ERR_ARG);
  assert_int_equal(sckg_write_ntriples(g, NULL), SCKG_ERR_ARG);
  g->finished = false;
  assert_int_equal(sckg_write_ntriples(g, stdout), SCKG_ERR_ARG);
  free_graph(g);
}

/* The graph of rows[0, n) written as N-Triples must be exactly
 * expected[0, len). */
static void assert_written(const row *rows, size_t n, const char *expected,
                           size_t len) {
  sckg_graph *g = make_graph(rows, n);
  char *text;
  assert_int_equal(write_mem(sckg_write_ntriples, g, &text, NULL), SCKG_OK);
  assert_int_equal(strlen(text), len);
  assert_memory_equal(text, expected, len);
  free(text);
  free_graph(g);
}

/* Far more than the 64 KiB output buffer, with lines of varied length so
 * that flushes fall inside IRIs, escapes and literals: the text must equal
 * the one built line by line. */
static void test_large_output(void **state) {
  (void)state;
  enum { N = 3000 };
  row *rows = calloc(N, sizeof *rows);
  char(*subj)[64] = calloc(N, sizeof *subj);
  char(*val)[160] = calloc(N, sizeof *val);
  assert_true(rows && subj && val);
  size_t cap = (size_t)N * 300, len = 0;
  char *expected = malloc(cap);
  assert_non_null(expected);
  for (int i = 0; i < N; i++) {
    snprintf(subj[i], sizeof subj[i], "http://example.org/s%05d", i);
    int k = snprintf(val[i], sizeof val[i], "v%d", i);
    for (int j = 0; j < i % 50; j++)
      val[i][k++] = (j % 7 == 0) ? '"' : (char)('a' + j % 26);
    val[i][k] = '\0';
    rows[i] = (row){subj[i], "http://example.org/p", 1, val[i], 0, 0};
    len += (size_t)snprintf(expected + len, cap - len, "<%s> <%s> \"", subj[i],
                            "http://example.org/p");
    for (const char *p = val[i]; *p; p++) {
      if (*p == '"')
        expected[len++] = '\\';
      expected[len++] = *p;
    }
    len += (size_t)snprintf(expected + len, cap - len, "\" .\n");
  }
  assert_true(len > 3 * 64 * 1024);
  assert_written(rows, N, expected, len);
  free(expected);
  free(val);
  free(subj);
  free(rows);
}

/* Terms of every length from 0 to past 128 bytes, and language tags of
 * one to nine letters, copied whole as the writer copies each (in blocks
 * that overlap, of words, halves and single bytes below sixteen): the
 * text must be the terms' own. */
static void test_term_lengths(void **state) {
  (void)state;
  enum { N = 140 };
  static const char OBJ_BASE[] = "http://example.org/";
  static const char tags[][10] = {"a",       "en",       "abc",
                                  "abcd",    "abcde",    "abcdef",
                                  "abcdefg", "abcdefgh", "abcdefghi"};
  row rows[2 * N];
  char subj[N][32], val[N][N + 1], obj[N][N + 40];
  size_t cap = (size_t)N * 600, len = 0;
  char *expected = malloc(cap);
  assert_non_null(expected);
  for (int i = 0; i < N; i++) {
    snprintf(subj[i], sizeof subj[i], "http://example.org/s%03d", i);
    for (int j = 0; j < i; j++)
      val[i][j] = (char)('a' + (i + j) % 26);
    val[i][i] = '\0';
    /* copied, not formatted: no snprintf of a row of val that the
     * compiler would take for the whole array (-Wformat-truncation) */
    memcpy(obj[i], OBJ_BASE, sizeof OBJ_BASE - 1);
    memcpy(obj[i] + sizeof OBJ_BASE - 1, val[i], (size_t)i + 1);
    const char *tag = tags[i % 9];
    rows[2 * i] = (row){subj[i], "http://example.org/o", 0, obj[i], 0, 0};
    rows[2 * i + 1] = (row){subj[i], "http://example.org/v", 1, val[i], tag, 0};
    len += (size_t)snprintf(expected + len, cap - len,
                            "<%s> <http://example.org/o> <%s> .\n"
                            "<%s> <http://example.org/v> \"%s\"@%s .\n",
                            subj[i], obj[i], subj[i], val[i], tag);
  }
  assert_written(rows, 2 * N, expected, len);
  free(expected);
}

/* A full device: the error may surface in fwrite or only in fflush; either
 * way the caller hears SCKG_ERR_WRITE. Both a tiny and a large graph, so
 * both paths are taken. */
static void test_dev_full(void **state) {
  (void)state;
  sckg_graph *small = make_graph(sample, 2);
  FILE *f = fopen("/dev/full", "w");
  assert_non_null(f);
  assert_int_equal(sckg_write_ntriples(small, f), SCKG_ERR_WRITE);
  fclose(f);
  free_graph(small);

  enum { N = 5000 };
  row *rows = calloc(N, sizeof *rows);
  char(*subj)[48] = calloc(N, sizeof *subj);
  assert_true(rows && subj);
  for (int i = 0; i < N; i++) {
    snprintf(subj[i], sizeof subj[i], "http://example.org/s%05d", i);
    rows[i] = (row){subj[i], "http://example.org/p", 1, "value", 0, 0};
  }
  sckg_graph *big = make_graph(rows, N);
  f = fopen("/dev/full", "w");
  assert_non_null(f);
  assert_int_equal(sckg_write_ntriples(big, f), SCKG_ERR_WRITE);
  fclose(f);
  free_graph(big);
  free(subj);
  free(rows);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sample_exact),
      cmocka_unit_test(test_iri_escapes),
      cmocka_unit_test(test_literal_escapes),
      cmocka_unit_test(test_lang_wins),
      cmocka_unit_test(test_bad_lang),
      cmocka_unit_test(test_empty_graph),
      cmocka_unit_test(test_bad_args),
      cmocka_unit_test(test_large_output),
      cmocka_unit_test(test_term_lengths),
      cmocka_unit_test(test_dev_full),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
