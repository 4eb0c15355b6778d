/* SPDX-License-Identifier: MIT */
/* sckg_diff_files on small snapshots in temporary files: the exact lines a
 * person reads, the differ flag, both input formats (one graph given as
 * rows of triples, triples_fixture.h, written by both writers), and the
 * errors. */
#define _POSIX_C_SOURCE 200809L

#include "sckg/diff.h"
#include "sckg/write.h"
#include "triples_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ID "https://w3id.org/sckg/id/"
#define NS "https://w3id.org/sckg/ns#"
#define TYPE "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
#define LABEL "<http://www.w3.org/2000/01/rdf-schema#label>"
#define SAME "<http://www.w3.org/2002/07/owl#sameAs>"
#define IDENT "<http://purl.org/dc/terms/identifier>"
#define TITLE "<http://purl.org/dc/terms/title>"
#define FROM "<http://www.w3.org/ns/prov#wasDerivedFrom>"
#define DATE "\"^^<http://www.w3.org/2001/XMLSchema#date>"

/* Temporary files of one test, removed by the teardown. */
typedef struct {
  char dir[64];
  char paths[4][96];
  int n;
} files;

static int setup(void **state) {
  files *f = calloc(1, sizeof *f);
  if (!f)
    return -1;
  snprintf(f->dir, sizeof f->dir, "/tmp/sckg-test-diff-XXXXXX");
  if (!mkdtemp(f->dir))
    return -1;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  files *f = *state;
  for (int i = 0; i < f->n; i++)
    unlink(f->paths[i]);
  rmdir(f->dir);
  free(f);
  return 0;
}

/* Write `text` to a new file in the test's directory; returns its path. */
static const char *put_file(files *f, const char *name, const char *text) {
  assert_true(f->n < 4);
  char *path = f->paths[f->n++];
  size_t k = strlen(f->dir);
  memcpy(path, f->dir, k);
  snprintf(path + k, sizeof f->paths[0] - k, "/%s", name);
  FILE *fp = fopen(path, "w");
  assert_non_null(fp);
  assert_int_equal(fputs(text, fp) >= 0, 1);
  assert_int_equal(fclose(fp), 0);
  return path;
}

/* The last diagnostic, copied out of the sink call. */
typedef struct {
  int calls;
  sckg_status status;
  char file[128];
  unsigned long line;
  char message[512];
} diag_log;

static void keep_diag(void *handle, const sckg_diag *d) {
  diag_log *log = handle;
  log->calls++;
  log->status = d->status;
  snprintf(log->file, sizeof log->file, "%s", d->file ? d->file : "");
  log->line = d->line;
  snprintf(log->message, sizeof log->message, "%s", d->message);
}

/* Run the diff into memory; *text is heap-owned by the caller. */
static sckg_status run_diff(const char *a, const char *b, char **text,
                            bool *differ, diag_log *log) {
  size_t len;
  FILE *out = open_memstream(text, &len);
  assert_non_null(out);
  sckg_status st = sckg_diff_files(a, b, out, differ, keep_diag, log);
  assert_int_equal(fclose(out), 0);
  return st;
}

/* Snapshots are lists of lines (one string literal would exceed what ISO C
 * compilers must accept), joined by snapshot(). */
static const char *const actors[] = {
    "<" ID "actor/jp> " TYPE " <" NS "Actor> .\n",
    "<" ID "actor/jp> " TYPE " <" NS "State> .\n",
    "<" ID "actor/jp> " LABEL " \"Japan\"@en .\n",
    "<" ID "actor/jp> " SAME " <http://www.wikidata.org/entity/Q17> .\n",
    "<" ID "actor/kp> " TYPE " <" NS "Actor> .\n",
    "<" ID "actor/kp> " TYPE " <" NS "State> .\n",
    "<" ID "actor/kp> " LABEL " \"North Korea\"@en .\n",
    "<" ID "actor/kp> " SAME " <http://www.wikidata.org/entity/Q423> .\n",
    "<" ID "actor/lazarus> " TYPE " <" NS "Actor> .\n",
    "<" ID "actor/lazarus> " TYPE " <" NS "Group> .\n",
    "<" ID "actor/lazarus> " LABEL " \"Lazarus Group\"@en .\n",
    "<" ID "article/ap> " TYPE " <" NS "Article> .\n",
    "<" ID "article/ap> " IDENT " \"ap-2023-04-07\" .\n",
    "<" ID "article/ap> " TITLE " \"Japan sanctions \\\"the North\\\"\" .\n",
    "<" ID "article/reuters> " TYPE " <" NS "Article> .\n",
    "<" ID "article/reuters> " IDENT " \"reuters-2023-04-07\" .\n",
    NULL};

static const char *const old_events[] = {
    "# an old snapshot, with a comment and a blank line\n",
    "\n",
    "<" ID "event/e1> " TYPE " <" NS "Event> .\n",
    "<" ID "event/e1> <" NS "eventType> <" NS "ImposeSanctions> .\n",
    "<" ID "event/e1> <" NS "agent> <" ID "actor/jp> .\n",
    "<" ID "event/e1> <" NS "target> <" ID "actor/kp> .\n",
    "<" ID "event/e1> <" NS "date> \"2023-04-07" DATE " .\n",
    "<" ID "event/e1> " FROM " <" ID "article/ap> .\n",
    "<" ID "event/e2> " TYPE " <" NS "Event> .\n",
    "<" ID "event/e2> <" NS "eventType> <" NS "CyberTheft> .\n",
    "<" ID "event/e2> <" NS "agent> <" ID "actor/lazarus> .\n",
    "<" ID "event/e2> " FROM " <" ID "article/reuters> .\n",
    NULL};

static const char *const new_events[] = {
    "<" ID "actor/us> " TYPE " <" NS "Actor> .\n",
    "<" ID "actor/us> " TYPE " <" NS "State> .\n",
    "<" ID "actor/us> " LABEL " \"United States\"@en .\n",
    "<" ID "actor/us> " SAME " <http://www.wikidata.org/entity/Q30> .\n",
    "<" ID "event/e1> " TYPE " <" NS "Event> .\n",
    "<" ID "event/e1> <" NS "eventType> <" NS "ImposeSanctions> .\n",
    "<" ID "event/e1> <" NS "agent> <" ID "actor/jp> .\n",
    "<" ID "event/e1> <" NS "target> <" ID "actor/kp> .\n",
    "<" ID "event/e1> <" NS "date> \"2023-04-07" DATE " .\n",
    "<" ID "event/e1> " FROM " <" ID "article/reuters> .\n",
    "<" ID "event/e1> " FROM " <" ID "article/ap> .\n",
    "<" ID "event/e3> " TYPE " <" NS "Event> .\n",
    "<" ID "event/e3> <" NS "eventType> <" NS "DenyAllegation> .\n",
    "<" ID "event/e3> <" NS "agent> <" ID "actor/kp> .\n",
    "<" ID "event/e3> <" NS "date> \"2023-04\"^^"
    "<http://www.w3.org/2001/XMLSchema#gYearMonth> .\n",
    "<" ID "event/e3> <" NS "negated> "
    "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n",
    "<" ID "event/e3> " FROM " <" ID "article/reuters> .\n",
    "<" ID "event/e4> " TYPE " <" NS "Event> .\n",
    "<" ID "event/e4> <" NS "eventType> <" NS "Criticize> .\n",
    "<" ID "event/e4> <" NS "agent> <" ID "actor/us> .\n",
    "<" ID "event/e4> <" NS "agent> <" ID "actor/jp> .\n",
    "<" ID "event/e4> <" NS "target> <" ID "actor/kp> .\n",
    "<" ID "event/e4> <" NS "date> \"2023-04-07" DATE " .\n",
    "<" ID "event/e4> " FROM " <" ID "article/ap> .\n",
    NULL};

/* The lines of `a` then those of `b` (NULL-terminated lists), as one heap
 * string. */
static char *snapshot(const char *const *a, const char *const *b) {
  size_t len = 0;
  for (const char *const *l = a; *l; l++)
    len += strlen(*l);
  for (const char *const *l = b; *l; l++)
    len += strlen(*l);
  char *text = malloc(len + 1);
  assert_non_null(text);
  text[0] = '\0';
  for (const char *const *l = a; *l; l++)
    strcat(text, *l);
  for (const char *const *l = b; *l; l++)
    strcat(text, *l);
  return text;
}

/* Write a snapshot file; returns its path. */
static const char *put_snapshot(files *f, const char *name,
                                const char *const *a, const char *const *b) {
  char *text = snapshot(a, b);
  const char *path = put_file(f, name, text);
  free(text);
  return path;
}

/* Removed lines first, then added, each sorted bytewise; an event that
 * gained a source shows as its old line removed and its new one added. */
static void test_changes(void **state) {
  files *f = *state;
  const char *a = put_snapshot(f, "old.nt", actors, old_events);
  const char *b = put_snapshot(f, "new.nt", actors, new_events);
  char *text;
  bool differ = false;
  diag_log log = {0};
  assert_int_equal(run_diff(a, b, &text, &differ, &log), SCKG_OK);
  assert_string_equal(
      text,
      "- CyberTheft Lazarus Group [reuters-2023-04-07]\n"
      "- ImposeSanctions Japan \xE2\x86\x92 North Korea 2023-04-07 "
      "[ap-2023-04-07]\n"
      "+ Criticize Japan, United States \xE2\x86\x92 North Korea 2023-04-07 "
      "[ap-2023-04-07]\n"
      "+ DenyAllegation North Korea 2023-04 [reuters-2023-04-07] (denied)\n"
      "+ ImposeSanctions Japan \xE2\x86\x92 North Korea 2023-04-07 "
      "[ap-2023-04-07, reuters-2023-04-07]\n"
      "+ actor United States (State, Q30)\n");
  assert_true(differ);
  assert_int_equal(log.calls, 0);
  free(text);

  /* The other way round: the same lines with the signs swapped. */
  differ = false;
  assert_int_equal(run_diff(b, a, &text, &differ, &log), SCKG_OK);
  assert_string_equal(
      text,
      "- Criticize Japan, United States \xE2\x86\x92 North Korea 2023-04-07 "
      "[ap-2023-04-07]\n"
      "- DenyAllegation North Korea 2023-04 [reuters-2023-04-07] (denied)\n"
      "- ImposeSanctions Japan \xE2\x86\x92 North Korea 2023-04-07 "
      "[ap-2023-04-07, reuters-2023-04-07]\n"
      "- actor United States (State, Q30)\n"
      "+ CyberTheft Lazarus Group [reuters-2023-04-07]\n"
      "+ ImposeSanctions Japan \xE2\x86\x92 North Korea 2023-04-07 "
      "[ap-2023-04-07]\n");
  assert_true(differ);
  free(text);
}

/* The same triples in another line order are the same graph: nothing to
 * print, differ false. */
static void test_equal(void **state) {
  files *f = *state;
  const char *a = put_snapshot(f, "a.nt", actors, old_events);
  const char *b = put_snapshot(f, "b.nt", old_events, actors);
  char *text;
  bool differ = true;
  diag_log log = {0};
  assert_int_equal(run_diff(a, b, &text, &differ, &log), SCKG_OK);
  assert_string_equal(text, "");
  assert_false(differ);
  free(text);
}

/* Only an article title changed: no summary line moves, one line says how
 * many triples differ (the old and the new title). */
static void test_only_triples(void **state) {
  files *f = *state;
  const char *a = put_snapshot(f, "a.nt", actors, old_events);
  char *changed = snapshot(actors, old_events);
  char *title = strstr(changed, "Japan sanctions");
  assert_non_null(title);
  memcpy(title, "Tokyo", 5);
  const char *b = put_file(f, "b.nt", changed);
  free(changed);
  char *text;
  bool differ = false;
  diag_log log = {0};
  assert_int_equal(run_diff(a, b, &text, &differ, &log), SCKG_OK);
  assert_string_equal(text, "~ 2 triples differ (no event or actor changed)\n");
  assert_true(differ);
  free(text);
}

/* Actors as they read with parts missing (no QID, no class, no label), and
 * a label whose line break would split the line. */
static void test_actor_lines(void **state) {
  files *f = *state;
  const char *a = put_file(f, "empty.nt", "");
  const char *b = put_file(
      f, "actors.nt",
      "<" ID "actor/a> " TYPE " <" NS "Actor> .\n"
      "<" ID "actor/a> " LABEL " \"Seoul \\u00E9 \\\"Blue House\\\"\"@en .\n"
      "<" ID "actor/b> " TYPE " <" NS "Actor> .\n"
      "<" ID "actor/b> " TYPE " <" NS "Person> .\n"
      "<" ID "actor/b> " SAME " <http://www.wikidata.org/entity/Q1> .\n"
      "<" ID "actor/c> " TYPE " <" NS "Actor> .\n"
      "<" ID "actor/c> " SAME " <http://www.wikidata.org/entity/Q2> .\n"
      "<" ID "actor/c> " LABEL " \"Zed\"@EN .\n"
      "<" ID "actor/d> " TYPE " <" NS "Actor> .\n"
      "<" ID "actor/d> " LABEL " \"Two\\nlines\\u0001\" .\n");
  char *text;
  bool differ = false;
  diag_log log = {0};
  assert_int_equal(run_diff(a, b, &text, &differ, &log), SCKG_OK);
  assert_string_equal(text, "+ actor <" ID "actor/b> (Person, Q1)\n"
                            "+ actor Seoul \xC3\xA9 \"Blue House\"\n"
                            "+ actor Two\\nlines\\u0001\n"
                            "+ actor Zed (Q2)\n");
  assert_true(differ);
  free(text);
}

/* The same graph as written by both writers reads as the same triples. */
static void test_rdfxml_vs_ntriples(void **state) {
  files *f = *state;
  static const row rows[] = {
      {ID "actor/kp", SCKG_NS_RDF "type", 0, NS "Actor", 0, 0},
      {ID "actor/kp", SCKG_NS_RDF "type", 0, NS "State", 0, 0},
      {ID "actor/kp", SCKG_NS_RDFS "label", 1, "North Korea", "en", 0},
      {ID "actor/kp", SCKG_NS_SKOS "altLabel", 1, "\xEB\xB6\x81\xED\x95\x9C",
       "ko", 0},
      {ID "article/ap", SCKG_NS_NIF "isString", 1,
       "a <b> & \"c\" \\ d\nline\r\tend ]]>", 0, 0},
      {ID "article/ap", SCKG_NS_NIF "beginIndex", 1, "0", 0,
       SCKG_NS_XSD "nonNegativeInteger"},
      {ID "article/ap", "http://example.org/p/2nd", 1, "", 0, 0},
      {ID "event/e", SCKG_NS "agent", 0, ID "actor/kp", 0, 0},
  };
  sckg_graph *g = make_graph(rows, sizeof rows / sizeof rows[0]);

  assert_true(f->n == 0);
  snprintf(f->paths[0], sizeof f->paths[0], "%s/g.nt", f->dir);
  snprintf(f->paths[1], sizeof f->paths[1], "%s/g.rdf", f->dir);
  f->n = 2;
  write_file(f->paths[0], sckg_write_ntriples, g);
  write_file(f->paths[1], sckg_write_rdfxml, g);
  free_graph(g);

  char *text;
  bool differ = true;
  diag_log log = {0};
  assert_int_equal(run_diff(f->paths[0], f->paths[1], &text, &differ, &log),
                   SCKG_OK);
  assert_string_equal(text, "");
  assert_false(differ);
  assert_int_equal(log.calls, 0);
  free(text);
}

/* RDF/XML written by hand in other legal striped shapes: a typed node
 * element, a nested node element, a property attribute, xml:lang inherited
 * from rdf:RDF by a property element, rdf:datatype xsd:string, upper-case
 * language tags. All read as the same triples as the N-Triples. (raptor
 * 2.0.15 gives a property attribute no inherited xml:lang, so the one here
 * sits where xml:lang is reset.) */
static void test_rdfxml_shapes(void **state) {
  files *f = *state;
  const char *x = put_file(
      f, "g.rdf",
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
      "  xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\"\n"
      "  xmlns:s=\"" NS "\" xml:lang=\"EN\">\n"
      "  <!-- a comment -->\n"
      "  <s:Event rdf:about=\"" ID "event/e\">\n"
      "    <s:agent>\n"
      "      <s:Actor rdf:about=\"" ID "actor/kp\">\n"
      "        <rdfs:label>North Korea</rdfs:label>\n"
      "      </s:Actor>\n"
      "    </s:agent>\n"
      "    <s:note rdf:datatype=\"http://www.w3.org/2001/XMLSchema#string\">"
      "x &amp; <![CDATA[<y>]]></s:note>\n"
      "    <s:note xml:lang=\"\">plain</s:note>\n"
      "  </s:Event>\n"
      "  <rdf:Description rdf:about=\"" ID
      "actor/kp\" xml:lang=\"\" s:code=\"KP\"/>\n"
      "</rdf:RDF>\n");
  const char *n = put_file(f, "g.nt",
                           "<" ID "event/e> " TYPE " <" NS "Event> .\n"
                           "<" ID "event/e> <" NS "agent> <" ID "actor/kp> .\n"
                           "<" ID "event/e> <" NS "note> \"x & <y>\" .\n"
                           "<" ID "event/e> <" NS "note> \"plain\" .\n"
                           "<" ID "actor/kp> " TYPE " <" NS "Actor> .\n"
                           "<" ID "actor/kp> " LABEL " \"North Korea\"@en .\n"
                           "<" ID "actor/kp> <" NS "code> \"KP\" .\n");
  char *text;
  bool differ = true;
  diag_log log = {0};
  assert_int_equal(run_diff(x, n, &text, &differ, &log), SCKG_OK);
  if (log.calls)
    fail_msg("%s:%lu: %s", log.file, log.line, log.message);
  assert_string_equal(text, "");
  assert_false(differ);
  free(text);
}

static void test_missing_file(void **state) {
  files *f = *state;
  const char *a = put_snapshot(f, "a.nt", actors, old_events);
  char missing[128];
  snprintf(missing, sizeof missing, "%s/no-such.nt", f->dir);
  char *text;
  bool differ = true;
  diag_log log = {0};
  assert_int_equal(run_diff(a, missing, &text, &differ, &log), SCKG_ERR_IO);
  assert_int_equal(log.calls, 1);
  assert_int_equal(log.status, SCKG_ERR_IO);
  assert_string_equal(log.file, missing);
  assert_false(differ);
  assert_string_equal(text, "");
  free(text);
  memset(&log, 0, sizeof log);
  assert_int_equal(run_diff(missing, a, &text, &differ, &log), SCKG_ERR_IO);
  assert_string_equal(log.file, missing);
  free(text);
}

/* Each bad N-Triples input is refused with its file and the line raptor
 * names: the bad line, or the end for a statement left open. */
static void test_bad_ntriples(void **state) {
  files *f = *state;
  const char *good = put_file(f, "good.nt", "");
  static const struct {
    const char *text;
    unsigned long line;
  } bad[] = {
      {"<http://e/s> <http://e/p> \"x\"\n", 3},
      {"<http://e/s> <http://e/p> \"x\\q\" .\n", 2},
      {"<http://e/s> <http://e/p> <http://e/o o> .\n", 2},
      {"<http://e/s> <http://e/p> \"bad \xC3\" .\n", 2},
      {"<http://e/s> <http://e/p> \"x\"@ .\n", 2},
      {"<http://e/s> <http://e/p> \"x\" . extra\n", 2},
      {"<http://e/s> <http://e/p> \"unterminated .\n", 2},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    char text_in[256];
    snprintf(text_in, sizeof text_in, "<http://e/s> <http://e/p> \"ok\" .\n%s",
             bad[i].text);
    snprintf(f->paths[1], sizeof f->paths[1], "%s/bad.nt", f->dir);
    f->n = 2;
    FILE *fp = fopen(f->paths[1], "w");
    assert_non_null(fp);
    fputs(text_in, fp);
    fclose(fp);
    char *text;
    bool differ = true;
    diag_log log = {0};
    sckg_status st = run_diff(good, f->paths[1], &text, &differ, &log);
    if (st != SCKG_ERR_INPUT || log.calls != 1 || log.line != bad[i].line ||
        strcmp(log.file, f->paths[1]) != 0)
      fail_msg("case %zu: status %d, %d messages, line %lu, file %s: %s", i,
               (int)st, log.calls, log.line, log.file, log.message);
    assert_string_equal(text, "");
    free(text);
  }
}

static void test_bad_rdfxml(void **state) {
  files *f = *state;
  const char *good = put_file(f, "good.nt", "");
  const char *broken = put_file(
      f, "broken.rdf",
      "<?xml version=\"1.0\"?>\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"http://e/s\">\n"
      "</rdf:RDF>\n");
  const char *bnode = put_file(
      f, "bnode.rdf",
      "<?xml version=\"1.0\"?>\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description/>\n"
      "</rdf:RDF>\n");
  char *text;
  bool differ = true;
  diag_log log = {0};
  assert_int_equal(run_diff(good, broken, &text, &differ, &log),
                   SCKG_ERR_INPUT);
  assert_int_equal(log.calls, 1);
  assert_string_equal(log.file, broken);
  assert_true(log.line >= 3);
  free(text);
  /* a description with no property is legal and says nothing */
  memset(&log, 0, sizeof log);
  assert_int_equal(run_diff(bnode, good, &text, &differ, &log), SCKG_OK);
  assert_int_equal(log.calls, 0);
  assert_false(differ);
  free(text);
}

static void test_bad_args(void **state) {
  (void)state;
  bool differ;
  assert_int_equal(sckg_diff_files(NULL, "b", stdout, &differ, NULL, NULL),
                   SCKG_ERR_ARG);
  assert_int_equal(sckg_diff_files("a", "b", stdout, NULL, NULL, NULL),
                   SCKG_ERR_ARG);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_changes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_equal, setup, teardown),
      cmocka_unit_test_setup_teardown(test_only_triples, setup, teardown),
      cmocka_unit_test_setup_teardown(test_actor_lines, setup, teardown),
      cmocka_unit_test_setup_teardown(test_rdfxml_vs_ntriples, setup, teardown),
      cmocka_unit_test_setup_teardown(test_rdfxml_shapes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_ntriples, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_rdfxml, setup, teardown),
      cmocka_unit_test(test_bad_args),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
