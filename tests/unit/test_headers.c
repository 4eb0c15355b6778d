/* SPDX-License-Identifier: MIT */
/* The public headers: the umbrella header alone is enough to use one
 * symbol of each module header (this file includes nothing else of sckg),
 * and the version and status phrases are what a user prints. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "sckg/sckg.h"

#include <stdio.h>
#include <string.h>

/* One symbol of each header, with its declared type: a mismatch or a
 * missing declaration fails to compile. */
static void each_header_declares_its_api(void **state) {
  (void)state;
  /* sckg/status.h */
  const char *(*strerror_fn)(sckg_status) = sckg_strerror;
  void (*oom_fn)(void (*)(void)) = sckg_set_out_of_memory_handler;
  sckg_diag diag = {SCKG_ERR_INPUT, "file.txt",    1, 2,
                    "message",      SCKG_SEV_ERROR};
  /* sckg/graph.h */
  sckg_status (*build_fn)(const sckg_input *, size_t, const sckg_options *,
                          sckg_graph **) = sckg_build;
  sckg_input input = {.name = "a.txt", .text = ""};
  sckg_options opts = {0};
  /* sckg/write.h */
  sckg_status (*nt_fn)(const sckg_graph *, FILE *) = sckg_write_ntriples;
  /* sckg/diff.h */
  sckg_status (*diff_fn)(const char *, const char *, FILE *, bool *,
                         sckg_diag_sink, void *) = sckg_diff_files;
  assert_non_null(strerror_fn);
  assert_non_null(oom_fn);
  assert_non_null(build_fn);
  assert_non_null(nt_fn);
  assert_non_null(diff_fn);
  assert_int_equal(diag.line, 1);
  assert_null(opts.base);
  assert_int_equal(input.len, 0);
  assert_string_equal(SCKG_DEFAULT_BASE, "https://w3id.org/sckg/id/");

  /* and they work together: an empty build written as N-Triples */
  sckg_graph *g = NULL;
  assert_int_equal(build_fn(&input, 1, &opts, &g), SCKG_OK);
  assert_non_null(g);
  assert_int_equal(sckg_graph_article_count(g), 1);
  sckg_graph_free(g);
}

static void version_is_a_nonempty_string(void **state) {
  (void)state;
  const char *v = SCKG_VERSION;
  assert_non_null(v);
  assert_true(strlen(v) > 0);
  /* MAJOR.MINOR.PATCH */
  size_t dots = 0;
  for (const char *p = v; *p; p++) {
    if (*p == '.')
      dots++;
    else
      assert_true(*p >= '0' && *p <= '9');
  }
  assert_int_equal(dots, 2);
}

static void every_status_has_its_own_phrase(void **state) {
  (void)state;
  static const sckg_status all[] = {SCKG_OK,        SCKG_ERR_IO,
                                    SCKG_ERR_INPUT, SCKG_ERR_ARG,
                                    SCKG_ERR_WRITE, SCKG_ERR_INTERNAL};
  enum { N = sizeof all / sizeof *all };
  assert_int_equal(SCKG_OK, 0);
  for (size_t i = 0; i < N; i++) {
    const char *s = sckg_strerror(all[i]);
    assert_non_null(s);
    assert_true(strlen(s) > 0);
    for (size_t k = 0; k < i; k++)
      if (!strcmp(s, sckg_strerror(all[k])))
        fail_msg("statuses %d and %d share the phrase '%s'", (int)all[k],
                 (int)all[i], s);
  }
  /* a value outside the enum still gets a phrase */
  const char *other = sckg_strerror((sckg_status)99);
  assert_non_null(other);
  assert_true(strlen(other) > 0);
}

/* What a walk has seen: triples, subjects, and the last subject and triple
 * (copied) so that the order can be checked. */
typedef struct {
  size_t triples, subjects, stop_after;
  char last_subject[512];
} walk;

static sckg_status count_subject(void *ctx, const sckg_triple *t, size_t n) {
  walk *w = ctx;
  assert_true(n > 0);
  /* subjects come in N-Triples order, each once */
  assert_true(strcmp(w->last_subject, t[0].s) < 0);
  for (size_t i = 0; i < n; i++) {
    assert_string_equal(t[i].s, t[0].s);
    assert_non_null(t[i].p);
    assert_non_null(t[i].o.value);
    assert_true(t[i].o.kind == SCKG_TERM_IRI ||
                t[i].o.kind == SCKG_TERM_LITERAL);
  }
  snprintf(w->last_subject, sizeof w->last_subject, "%s", t[0].s);
  w->triples += n;
  w->subjects++;
  return w->stop_after && w->subjects == w->stop_after ? SCKG_ERR_WRITE
                                                       : SCKG_OK;
}

/* The public triple walk gives every triple the N-Triples writer writes,
 * one subject at a time, and stops where its callback says. */
static void the_triples_walk_as_ntriples_writes_them(void **state) {
  (void)state;
  static const char text[] =
      " date 2024-03-05 Launch\n\nNorth Korea fired a ballistic missile on "
      "Monday, and Japan condemned the launch.\n";
  sckg_input input = {.name = "walk.txt", .text = text, .len = strlen(text)};
  sckg_options opts = {0};
  sckg_graph *g = NULL;
  assert_int_equal(sckg_build(&input, 1, &opts, &g), SCKG_OK);
  walk w = {0};
  assert_int_equal(sckg_graph_each_subject(g, count_subject, &w), SCKG_OK);

  FILE *f = tmpfile();
  assert_non_null(f);
  assert_int_equal(sckg_write_ntriples(g, f), SCKG_OK);
  rewind(f);
  size_t lines = 0;
  for (int c; (c = fgetc(f)) != EOF;)
    lines += c == '\n';
  fclose(f);
  assert_true(w.triples > 20);
  assert_int_equal(w.triples, lines);

  walk stop = {.stop_after = 2};
  assert_int_equal(sckg_graph_each_subject(g, count_subject, &stop),
                   SCKG_ERR_WRITE);
  assert_int_equal(stop.subjects, 2);
  sckg_graph_free(g);

  /* an unfinished graph has no triples to walk */
  const sckg_schema *schema = NULL;
  assert_int_equal(sckg_schema_embedded(&schema), SCKG_OK);
  assert_int_equal(sckg_graph_new(schema, &opts, &g), SCKG_OK);
  assert_int_equal(sckg_graph_each_subject(g, count_subject, &w), SCKG_ERR_ARG);
  sckg_graph_free(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(each_header_declares_its_api),
      cmocka_unit_test(version_is_a_nonempty_string),
      cmocka_unit_test(every_status_has_its_own_phrase),
      cmocka_unit_test(the_triples_walk_as_ntriples_writes_them),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
