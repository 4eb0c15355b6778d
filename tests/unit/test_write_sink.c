/* SPDX-License-Identifier: MIT */
/* The writers' byte-sink forms, through the public API only: the bytes a
 * sink receives are the bytes the FILE form writes, a sink that fails
 * stops the writer with SCKG_ERR_WRITE, and what a writer refuses reaches
 * the graph's diagnostics sink. */
#define _POSIX_C_SOURCE 200809L

#include "sckg/sckg.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* A story of our own with a dated sanction and a statement: enough for
 * every writer and view to have something to write. */
static const char story[] =
    " date 2024-05-14 Treasury sanctions North Korean hackers\n\n"
    "The U.S. Treasury on Tuesday imposed sanctions on the Lazarus Group, "
    "which it accused of stealing cryptocurrency.\n\n"
    "South Korea's foreign ministry said it welcomed the move.\n";

/* Diagnostics the graph reported, one per line. */
static char reported[4096];

static void keep(void *handle, const sckg_diag *d) {
  (void)handle;
  size_t n = strlen(reported);
  snprintf(reported + n, sizeof reported - n, "%d %s\n", (int)d->severity,
           d->message);
}

static sckg_graph *build(void) {
  sckg_input in = {.name = "story.txt", .text = story, .len = strlen(story)};
  sckg_options opts = {.sink = keep};
  sckg_graph *g = NULL;
  reported[0] = '\0';
  assert_int_equal(sckg_build(&in, 1, &opts, &g), SCKG_OK);
  return g;
}

/* A sink into memory; with `limit` set, it takes no more than that many
 * bytes in all, like a full disk. */
typedef struct {
  char *data;
  size_t len, limit;
  size_t calls;
} mem_sink;

static size_t to_mem(const void *buf, size_t len, void *stream) {
  mem_sink *m = stream;
  m->calls++;
  size_t n = len;
  if (m->limit && m->len + n > m->limit)
    n = m->limit - m->len;
  m->data = realloc(m->data, m->len + n + 1);
  assert_non_null(m->data);
  memcpy(m->data + m->len, buf, n);
  m->len += n;
  return n;
}

/* Which writer a case runs, in both its forms. */
typedef enum { W_NT, W_TTL, W_RDF, W_DOT, W_SVG } which;

static sckg_status write_file(const sckg_graph *g, which w, FILE *f) {
  sckg_view_options v = {.view = "statement"};
  switch (w) {
  case W_NT:
    return sckg_write_ntriples(g, f);
  case W_TTL:
    return sckg_write_turtle(g, f);
  case W_RDF:
    return sckg_write_rdfxml(g, f);
  case W_DOT:
    return sckg_write_view_dot(g, &v, f);
  case W_SVG:
    return sckg_write_view_rendered(g, &v, "svg", f);
  }
  return SCKG_ERR_ARG;
}

static sckg_status write_sink(const sckg_graph *g, which w, mem_sink *m) {
  sckg_view_options v = {.view = "statement"};
  switch (w) {
  case W_NT:
    return sckg_write_ntriples_to(g, to_mem, m);
  case W_TTL:
    return sckg_write_turtle_to(g, to_mem, m);
  case W_RDF:
    return sckg_write_rdfxml_to(g, to_mem, m);
  case W_DOT:
    return sckg_write_view_dot_to(g, &v, to_mem, m);
  case W_SVG:
    return sckg_write_view_rendered_to(g, &v, "svg", to_mem, m);
  }
  return SCKG_ERR_ARG;
}

static void test_sink_gets_the_file_bytes(void **state) {
  (void)state;
  sckg_graph *g = build();
  for (which w = W_NT; w <= W_SVG; w++) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    assert_int_equal(write_file(g, w, f), SCKG_OK);
    assert_int_equal(fclose(f), 0);
    mem_sink m = {0};
    assert_int_equal(write_sink(g, w, &m), SCKG_OK);
    assert_true(len > 100);
    assert_int_equal(m.len, len);
    assert_memory_equal(m.data, text, len);
    free(m.data);
    free(text);
  }
  sckg_graph_free(g);
}

static void test_failing_sink_stops_the_writer(void **state) {
  (void)state;
  sckg_graph *g = build();
  for (which w = W_NT; w <= W_SVG; w++) {
    mem_sink m = {.limit = 10};
    assert_int_equal(write_sink(g, w, &m), SCKG_ERR_WRITE);
    assert_int_equal(m.len, 10);
    /* the N-Triples and Turtle writers stop at the first short write */
    if (w == W_NT || w == W_TTL)
      assert_int_equal(m.calls, 1);
    free(m.data);
  }
  sckg_graph_free(g);
}

static void test_refusals_reach_the_graph_sink(void **state) {
  (void)state;
  sckg_graph *g = build();
  assert_string_equal(reported, "");
  mem_sink m = {0};
  sckg_view_options v = {.view = "actor:nobody"};
  assert_int_equal(sckg_write_view_dot_to(g, &v, to_mem, &m), SCKG_ERR_ARG);
  assert_int_equal(m.len, 0);
  assert_non_null(strstr(reported, "0 view 'actor:nobody' names no actor"));
  reported[0] = '\0';
  v.view = "statement";
  assert_int_equal(sckg_write_view_rendered_to(g, &v, "gif", to_mem, &m),
                   SCKG_ERR_ARG);
  assert_non_null(strstr(reported, "0 cannot render 'gif'"));
  assert_int_equal(sckg_write_check_view(g, &v), SCKG_OK);
  assert_int_equal(sckg_write_ntriples_to(g, NULL, &m), SCKG_ERR_ARG);
  assert_int_equal(m.len, 0);
  sckg_graph_free(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sink_gets_the_file_bytes),
      cmocka_unit_test(test_failing_sink_stops_the_writer),
      cmocka_unit_test(test_refusals_reach_the_graph_sink),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
