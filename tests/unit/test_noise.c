/* SPDX-License-Identifier: MIT */
/* Finding the patterns of noise.tsv: the survey of a paragraph counts its
 * words as count_words_upto does, and a search that looks only where the
 * survey noted a head finds what a search of every byte finds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "text/noise.h"

#include <string.h>

static const sckg_schema *schema(void) {
  const sckg_schema *s = NULL;
  assert_int_equal(sckg_schema_embedded(&s), SCKG_OK);
  return s;
}

/* Pieces of paragraphs: the heads and patterns of noise.tsv, parts of
 * them, and what stands before and between words. */
static const char *const PIECES[] = {"in",
                                     "this",
                                     "photo",
                                     "In This Photo",
                                     "is",
                                     "seen",
                                     "are",
                                     "walks",
                                     "past",
                                     "(Photo:",
                                     "AFP)",
                                     "photo:",
                                     "Photo by",
                                     "Source:",
                                     "All",
                                     "rights",
                                     "reserved.",
                                     "https://t.co/x1",
                                     "pic.twitter.com/y",
                                     "p",
                                     "pose",
                                     "Reuters",
                                     "word(photo:",
                                     "2024",
                                     "\"in",
                                     "\xE2\x80\x9Cin",
                                     "-",
                                     "a"};
static const char *const GAPS[] = {" ", " ", " ", "  ", "\n", " (", "-"};

/* A paragraph of `words` pieces from the seed, trimmed at both ends. */
static size_t paragraph(char *out, size_t cap, uint32_t *seed, size_t words) {
  size_t n = 0;
  for (size_t w = 0; w < words; w++) {
    *seed = *seed * 1103515245u + 12345u;
    const char *piece = PIECES[(*seed >> 8) % (sizeof PIECES / sizeof *PIECES)];
    const char *gap = GAPS[(*seed >> 20) % (sizeof GAPS / sizeof *GAPS)];
    if (w && n + strlen(gap) < cap) {
      memcpy(out + n, gap, strlen(gap));
      n += strlen(gap);
    }
    if (n + strlen(piece) < cap) {
      memcpy(out + n, piece, strlen(piece));
      n += strlen(piece);
    }
  }
  return n;
}

/* The search at `where` over p[0..e), once with the survey of p[0..n) and
 * once reading every byte, the two agreeing on the pattern and its start. */
static void same_find(const sckg_schema *s, const noise_survey *sv,
                      const char *p, size_t e, noise_kind kind,
                      noise_where where) {
  noise_survey none = {.done = 0}; /* no heads noted: every byte is read */
  size_t at = e, at_all = e;
  const noise_pattern *np = sckg_noise_find(s, sv, p, 0, e, kind, where, &at);
  const noise_pattern *all =
      sckg_noise_find(s, &none, p, 0, e, kind, where, &at_all);
  if (np != all || at != at_all)
    print_message("where %d in \"%.*s\"\n", (int)where, (int)e, p);
  assert_ptr_equal(np, all);
  assert_int_equal(at, at_all);
}

static void survey_agrees_with_reading_every_byte(void **state) {
  (void)state;
  const sckg_schema *s = schema();
  char p[2048];
  uint32_t seed = 7;
  size_t found = 0;
  for (int round = 0; round < 3000; round++) {
    size_t words = 1 + (size_t)(round % 120); /* past the most, at times */
    size_t n = paragraph(p, sizeof p, &seed, words);
    size_t most = 1 + (size_t)(round % 90);
    noise_survey sv;
    sckg_noise_survey(s, p, 0, n, most, &sv);
    assert_int_equal(sv.words, count_words_upto(p, 0, n, most));
    same_find(s, &sv, p, n, NOISE_KIND_COUNT, NOISE_AT_END);
    if (sv.words == most) /* cues are not asked of a longer paragraph */
      continue;
    for (size_t e = n; e > 0; e = e * 2 / 3) { /* before a credit, too */
      same_find(s, &sv, p, e, NOISE_CAPTION, NOISE_AT_CUE);
      same_find(s, &sv, p, e, NOISE_CAPTION, NOISE_AT_WEAK_CUE);
    }
    size_t at = n;
    found += sckg_noise_find(s, &sv, p, 0, n, NOISE_CAPTION, NOISE_AT_CUE,
                             &at) != NULL;
  }
  assert_true(found > 100); /* the pieces make cues, and not always */
  assert_true(found < 2900);
}

/* More heads than a survey keeps: the search reads on past the last. */
static void more_heads_than_kept(void **state) {
  (void)state;
  const sckg_schema *s = schema();
  char p[1024] = "";
  for (int k = 0; k < NOISE_HITS_MAX + 5; k++)
    strcat(p, "is ");
  strcat(p, "pictured in this photo");
  size_t n = strlen(p);
  noise_survey sv;
  sckg_noise_survey(s, p, 0, n, 100, &sv);
  assert_int_equal(sv.n_hits, NOISE_HITS_MAX);
  assert_true(sv.done < n);
  size_t at = n;
  const noise_pattern *np =
      sckg_noise_find(s, &sv, p, 0, n, NOISE_CAPTION, NOISE_AT_CUE, &at);
  assert_non_null(np);
  assert_string_equal(p + at, "in this photo");
  same_find(s, &sv, p, n, NOISE_CAPTION, NOISE_AT_WEAK_CUE);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(survey_agrees_with_reading_every_byte),
      cmocka_unit_test(more_heads_than_kept),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
