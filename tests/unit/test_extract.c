/* SPDX-License-Identifier: MIT */
/* Extraction, one construction at a time: a sentence or two in, the events
 * out. The sentences are written for these tests; none comes from eval/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "graph_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_string(const char *s) {
  char *p = malloc(strlen(s) + 1);
  strcpy(p, s);
  return p;
}

/* An actor as the tests name it: its Wikidata id, else its label. */
static void name_actor(char *out, size_t cap, const sckg_actor *a) {
  strncat(out, a->qid ? a->qid : a->label, cap - strlen(out) - 1);
}

static void name_actors(char *out, size_t cap, sckg_actor **arr, size_t n) {
  if (!n)
    strncat(out, "-", cap - strlen(out) - 1);
  for (size_t i = 0; i < n; i++) {
    if (i)
      strncat(out, ",", cap - strlen(out) - 1);
    name_actor(out, cap, arr[i]);
  }
}

/* Every event of the graph built from `text`, one per line:
 * "Type AGENTS > TARGETS[ negated][ date]", actors in IRI order, lines
 * sorted. */
static char *events_of(const char *text) {
  sckg_input in = {"case.txt", text, strlen(text)};
  sckg_graph *g = NULL;
  assert_int_equal(sckg_build(&in, 1, NULL, &g), SCKG_OK);
  size_t n = g->events.len;
  char **lines = calloc(n + 1, sizeof *lines);
  for (size_t i = 0; i < n; i++) {
    const sckg_event *e = SCKG_EVENTS(g)[i];
    char buf[512] = "";
    strncat(buf, sckg_event_types[e->type].name, sizeof buf - 1);
    strncat(buf, " ", sizeof buf - strlen(buf) - 1);
    name_actors(buf, sizeof buf, e->agents, e->n_agents);
    strncat(buf, " > ", sizeof buf - strlen(buf) - 1);
    name_actors(buf, sizeof buf, e->targets, e->n_targets);
    if (e->negated)
      strncat(buf, " negated", sizeof buf - strlen(buf) - 1);
    char d[16];
    if (sckg_date_format(e->date, d)) {
      strncat(buf, " ", sizeof buf - strlen(buf) - 1);
      strncat(buf, d, sizeof buf - strlen(buf) - 1);
    }
    lines[i] = dup_string(buf);
  }
  qsort(lines, n, sizeof *lines, (int (*)(const void *, const void *))strcmp);
  size_t total = 1;
  for (size_t i = 0; i < n; i++)
    total += strlen(lines[i]) + 1;
  char *out = calloc(total, 1);
  for (size_t i = 0; i < n; i++) {
    strcat(out, lines[i]);
    strcat(out, "\n");
    free(lines[i]);
  }
  free(lines);
  sckg_graph_free(g);
  return out;
}

/* The text's events hold `expected` (lines of events_of's form). */
static void expect_events(const char *text, const char *const *expected) {
  char *got = events_of(text);
  for (size_t i = 0; expected[i]; i++) {
    char line[600];
    snprintf(line, sizeof line, "%s\n", expected[i]);
    if (!strstr(got, line)) {
      print_error("missing event: %s\nin:\n%s", expected[i], got);
      free(got);
      fail();
    }
  }
  free(got);
}

static void expect_no_event(const char *text, const char *unexpected) {
  char *got = events_of(text);
  char line[600];
  snprintf(line, sizeof line, "%s\n", unexpected);
  if (strstr(got, line)) {
    print_error("unexpected event: %s\nin:\n%s", unexpected, got);
    free(got);
    fail();
  }
  free(got);
}

static void coordinated_subject(void **state) {
  (void)state;
  expect_events(
      " date 2024-05-10 Japan, South Korea and the United States "
      "condemned North Korea on Thursday.",
      (const char *[]){"Criticize Q17,Q884,Q30 > Q423 2024-05-09", NULL});
}

static void concern_over_a_possessor(void **state) {
  (void)state;
  expect_events(
      "Japan voiced serious concern over North Korea's cyber activities.",
      (const char *[]){"ExpressConcern Q17 > Q423", "CyberAttack Q423 > -",
                       NULL});
}

static void passive_with_by_phrase(void **state) {
  (void)state;
  expect_events("Funds stolen by North Korean hackers were moved abroad.",
                (const char *[]){"CyberTheft North Korean hackers > -", NULL});
}

static void nominal_sanction_with_target(void **state) {
  (void)state;
  expect_events(
      " date 2021-06-04 South Korea on Friday announced a one-year "
      "extension of its trade ban on North Korea.",
      (const char *[]){"ImposeSanctions Q884 > Q423 2021-06-04", NULL});
}

static void denial_negates_what_it_denies(void **state) {
  (void)state;
  expect_events("North Korea has denied allegations of hacking.",
                (const char *[]){"DenyAllegation Q423 > -",
                                 "CyberAttack Q423 > - negated", NULL});
}

static void pronoun_refers_to_last_subject(void **state) {
  (void)state;
  expect_events(
      "Pyongyang raised tensions this year. It fired a ballistic missile.",
      (const char *[]){"WeaponsTest Q423 > -", NULL});
}

static void place_after_preposition_is_not_an_actor(void **state) {
  (void)state;
  expect_no_event("Japan's envoy held talks in Seoul.", "Consult Q17 > Q884");
}

static void accusation_with_dated_weekday(void **state) {
  (void)state;
  /* 2022-03-02 was a Wednesday: "on Monday" is 2022-02-28 */
  expect_events(
      " date 2022-03-02 On Monday, North Korea accused Washington and "
      "Seoul of raising tensions.",
      (const char *[]){"Accuse Q423 > Q884,Q30 2022-02-28", NULL});
}

static void quoted_we_is_the_statement(void **state) {
  (void)state;
  expect_events("Japan and the United States released a joint statement. "
                "\"We are concerned about how the DPRK steals funds,\" the "
                "statement said, urging U.N. members to act.",
                (const char *[]){"MakeStatement Q17,Q30 > -",
                                 "ExpressConcern Q17,Q30 > Q423",
                                 "CyberTheft Q423 > -",
                                 "Appeal Q17,Q30 > Q1065", NULL});
}

static void caption_yields_nothing(void **state) {
  (void)state;
  char *got =
      events_of("Japan condemned North Korea near the border, in this picture "
                "taken on May 1, 2020. Reuters\n");
  assert_string_equal(got, "");
  free(got);
}

static void report_of_a_crime_is_an_accusation(void **state) {
  (void)state;
  expect_events("A report released by the U.S. Treasury Department said North "
                "Korea laundered stolen funds.",
                (const char *[]){"MakeStatement Q648666 > -",
                                 "Accuse Q648666 > Q423",
                                 "MoneyLaundering Q423 > -", NULL});
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(coordinated_subject),
      cmocka_unit_test(concern_over_a_possessor),
      cmocka_unit_test(passive_with_by_phrase),
      cmocka_unit_test(nominal_sanction_with_target),
      cmocka_unit_test(denial_negates_what_it_denies),
      cmocka_unit_test(pronoun_refers_to_last_subject),
      cmocka_unit_test(place_after_preposition_is_not_an_actor),
      cmocka_unit_test(accusation_with_dated_weekday),
      cmocka_unit_test(quoted_we_is_the_statement),
      cmocka_unit_test(caption_yields_nothing),
      cmocka_unit_test(report_of_a_crime_is_an_accusation),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
