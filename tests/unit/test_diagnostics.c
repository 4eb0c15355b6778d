/* SPDX-License-Identifier: MIT */
/* The one route of diagnostics, through the public API: severities, and
 * the extraction's trace, which reaches the sink instead of stderr. */
#include "sckg/sckg.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static const char story[] =
    " date 2024-05-14 Japan protests launch\n\n"
    "Japan on Tuesday condemned North Korea's launch of a ballistic "
    "missile.\n";

typedef struct {
  size_t n[4];           /* by severity */
  char first_trace[256]; /* the first trace line, with its file */
} seen;

static void count(void *handle, const sckg_diag *d) {
  seen *s = handle;
  assert_true((unsigned)d->severity < 4);
  s->n[d->severity]++;
  if (d->severity == SCKG_SEV_TRACE && !s->first_trace[0])
    snprintf(s->first_trace, sizeof s->first_trace, "%s: %s", d->file,
             d->message);
  assert_int_equal(d->status, SCKG_OK);
}

static void build(bool trace, seen *s) {
  sckg_input in = {.name = "launch.txt", .text = story, .len = strlen(story)};
  sckg_options opts = {.sink = count, .sink_handle = s, .trace = trace};
  sckg_graph *g = NULL;
  assert_int_equal(sckg_build(&in, 1, &opts, &g), SCKG_OK);
  assert_int_equal(sckg_graph_event_count(g), 2);
  sckg_graph_free(g);
}

static void test_trace_goes_to_the_sink(void **state) {
  (void)state;
  seen off = {0}, on = {0};
  build(false, &off);
  assert_int_equal(off.n[SCKG_SEV_TRACE], 0);
  build(true, &on);
  /* a line for the sentence, one per mention and one per trigger */
  assert_true(on.n[SCKG_SEV_TRACE] >= 4);
  assert_int_equal(on.n[SCKG_SEV_ERROR], 0);
  assert_non_null(strstr(on.first_trace, "launch.txt: S: Japan on Tuesday"));
}

static void count_sentences(void *handle, const sckg_diag *d) {
  if (d->severity == SCKG_SEV_TRACE && !strncmp(d->message, "S: ", 3))
    ++*(size_t *)handle;
}

/* The trace lines of the sentences read in building `text`. */
static size_t sentences_read(const char *text) {
  size_t n = 0;
  sckg_input in = {.name = "roles.txt", .text = text, .len = strlen(text)};
  sckg_options opts = {
      .sink = count_sentences, .sink_handle = &n, .trace = true};
  sckg_graph *g = NULL;
  assert_int_equal(sckg_build(&in, 1, &opts, &g), SCKG_OK);
  sckg_graph_free(g);
  return n;
}

/* A role whose body the article names only later ("prosecutors": a body
 * of justice) sends the article to a second reading, which the trace
 * shows; a later body that does not answer the role sends it to none. */
static void test_a_second_reading_only_when_a_later_body_answers(void **state) {
  (void)state;
  assert_int_equal(sentences_read("Prosecutors said the hackers stole $5 "
                                  "million.\n\nThe Justice Department "
                                  "charged three men on Monday.\n"),
                   4);
  assert_int_equal(sentences_read("Prosecutors said the hackers stole $5 "
                                  "million.\n\nThe Treasury Department "
                                  "sanctioned three men on Monday.\n"),
                   2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_trace_goes_to_the_sink),
      cmocka_unit_test(test_a_second_reading_only_when_a_later_body_answers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
