/* SPDX-License-Identifier: MIT */
/* Articles: date line, title, publisher, sentences, and what is not read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "text/article.h"

#include <string.h>

static const sckg_schema *schema(void) {
  const sckg_schema *s = NULL;
  assert_int_equal(sckg_schema_embedded(&s), SCKG_OK);
  return s;
}

static sckg_status read(const char *text, article_text *a) {
  const char *why = NULL;
  size_t where = 0;
  return sckg_article_read(schema(), text, strlen(text), true, a, &why, &where);
}

static void sentence_is(const article_text *a, size_t i, const char *text) {
  assert_true(i < a->n_sents);
  size_t n = a->sents[i].e - a->sents[i].b;
  assert_int_equal(n, strlen(text));
  assert_memory_equal(a->body + a->sents[i].b, text, n);
}

/* Of all the sentences, only one is read: this one. */
static void only_sentence_is(const article_text *a, const char *text) {
  assert_int_equal(a->n_sents, 1);
  sentence_is(a, 0, text);
}

static void date_line_on_the_first_paragraph(void **state) {
  (void)state;
  article_text a;
  assert_int_equal(read(" date 2023-04-07 Japan acted. Korea replied.", &a),
                   SCKG_OK);
  assert_int_equal(a.date.year, 2023);
  assert_int_equal(a.date.month, 4);
  assert_int_equal(a.date.day, 7);
  assert_int_equal(a.n_sents, 2);
  sentence_is(&a, 0, "Japan acted.");
  sentence_is(&a, 1, "Korea replied.");
  sckg_article_text_free(&a);
}

static void date_line_on_its_own_line(void **state) {
  (void)state;
  article_text a;
  assert_int_equal(read(" date 2024-03-29\nSeoul spoke.\n", &a), SCKG_OK);
  assert_int_equal(a.date.day, 29);
  assert_int_equal(a.title.len, strlen("Seoul spoke."));
  sckg_article_text_free(&a);
}

static void bad_date_line_is_an_error(void **state) {
  (void)state;
  article_text a;
  const char *why = NULL;
  size_t where = 99;
  const char *text = " date 2023-02-30 Text.";
  assert_int_equal(
      sckg_article_read(schema(), text, strlen(text), true, &a, &why, &where),
      SCKG_ERR_INPUT);
  assert_non_null(why);
  assert_int_equal(where, 1);
}

static void no_date_line_means_no_date(void **state) {
  (void)state;
  article_text a;
  assert_int_equal(read("The U.S. acted on Friday. It said so.", &a), SCKG_OK);
  assert_int_equal(a.date.year, 0);
  /* "U.S." before a lowercase word does not end a sentence */
  assert_int_equal(a.n_sents, 2);
  sckg_article_text_free(&a);
}

static void abbreviations_do_not_end_sentences(void **state) {
  (void)state;
  article_text a;
  assert_int_equal(
      read("It was stolen on Feb. 21 by Mr. Kim. The U.N. said so.", &a),
      SCKG_OK);
  assert_int_equal(a.n_sents, 2);
  sentence_is(&a, 0, "It was stolen on Feb. 21 by Mr. Kim.");
  sckg_article_text_free(&a);
}

static void captions_credits_and_posts_are_not_read(void **state) {
  (void)state;
  article_text a;
  const char *text = "A flag flutters near the border, July 19, 2022. Reuters\n"
                     "Japan acted.\n"
                     "They say so. https://t.co/abc\n"
                     "— The Associated Press (@AP) April 7, 2023\n"
                     "Read more: https://example.org/\n";
  assert_int_equal(read(text, &a), SCKG_OK);
  only_sentence_is(&a, "Japan acted.");
  assert_int_equal(a.layout.n_dropped, 4);
  assert_int_equal(a.layout.dropped[0].kind, NOISE_CAPTION);
  assert_int_equal(a.layout.dropped[1].kind, NOISE_POST);
  assert_int_equal(a.layout.dropped[2].kind, NOISE_POST);
  assert_int_equal(a.layout.dropped[3].kind, NOISE_LINK);
  sckg_article_text_free(&a);
}

/* A paragraph of prose at least `least` bytes long (text has room for
 * 6000), then `tail`. */
static void long_prose(char *text, size_t least, const char *tail) {
  text[0] = '\0';
  while (strlen(text) < least)
    strcat(text, "Japan acted again. ");
  strcat(text, tail);
}

/* A pattern is tied to its place: the closing words of a copyright line,
 * late in a long paragraph of prose, do not drop the paragraph. */
static void noise_words_late_in_a_long_paragraph(void **state) {
  (void)state;
  char text[6000];
  long_prose(text, 5000, "All rights reserved.\nKorea replied.\n");
  article_text a;
  assert_int_equal(read(text, &a), SCKG_OK);
  assert_int_equal(a.layout.n_dropped, 0);
  sentence_is(&a, a.n_sents - 1, "Korea replied.");
  sentence_is(&a, a.n_sents - 2, "All rights reserved.");
  sckg_article_text_free(&a);
}

static void dateline_is_skipped_and_publisher_found(void **state) {
  (void)state;
  article_text a;
  assert_int_equal(read("WASHINGTON (AP) — The FBI acted.", &a), SCKG_OK);
  assert_string_equal(a.publisher, "The Associated Press");
  sentence_is(&a, 0, "The FBI acted.");
  sckg_article_text_free(&a);
}

/* The publisher is that of the earliest credit mark on word boundaries
 * in the head of the text, whichever mark publishers.tsv lists first. */
static void publisher_of_the_earliest_mark(void **state) {
  (void)state;
  static const struct {
    const char *text, *publisher;
  } cases[] = {
      {"Seoul acted. Reuters saw it (AFP).", "Reuters"},
      {"Seoul acted (AFP). Reuters saw it.", "Agence France-Presse"},
      {"SEOUL (Yonhap) -- Seoul acted. (AP)", "Yonhap News Agency"},
      {"The APEC summit met. AFPX and XAFP did not. (CNN)", "CNN"},
      {"Seoul acted.\nREUTERS/Kim Hong-Ji", "Reuters"},
      {"Seoul acted. Photo: AP Photo/Ahn", "The Associated Press"},
      {"Seoul acted. Kyodo", "Kyodo News"},
      {"Seoul acted, said Reutersx.", NULL},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    article_text a;
    assert_int_equal(read(cases[k].text, &a), SCKG_OK);
    if (cases[k].publisher)
      assert_string_equal(a.publisher, cases[k].publisher);
    else
      assert_null(a.publisher);
    sckg_article_text_free(&a);
  }
  char text[6000]; /* past the head (4096 bytes), no mark is looked for */
  long_prose(text, 4100, "(AFP)");
  article_text a;
  assert_int_equal(read(text, &a), SCKG_OK);
  assert_null(a.publisher);
  sckg_article_text_free(&a);
}

static void calendar_arithmetic(void **state) {
  (void)state;
  sckg_date d = {2023, 4, 7};
  long days = sckg_date_days(d);
  assert_int_equal(((days % 7) + 7) % 7, 1); /* 1970-01-01 + 1: a Friday */
  sckg_date back = sckg_date_from_days(days - 38);
  assert_int_equal(back.year, 2023);
  assert_int_equal(back.month, 2);
  assert_int_equal(back.day, 28);
  sckg_date leap;
  assert_true(sckg_date_parse("2024-02-29", 10, &leap));
  assert_false(sckg_date_parse("2023-02-29", 10, &leap));
  assert_false(sckg_date_parse("2023-4-07", 9, &leap));
  assert_false(sckg_date_parse("2023-04-00", 10, &leap));
}

/* The dates the calendar has: a month alone (day 0) is one, a day past
 * the month's last is not. */
static void real_dates(void **state) {
  (void)state;
  assert_true(sckg_date_real((sckg_date){2023, 4, 30}));
  assert_true(sckg_date_real((sckg_date){2023, 4, 0}));
  assert_true(sckg_date_real((sckg_date){2024, 2, 29}));
  assert_true(sckg_date_real((sckg_date){2023, 12, 31}));
  assert_false(sckg_date_real((sckg_date){2023, 4, 31}));
  assert_false(sckg_date_real((sckg_date){2023, 2, 29}));
  assert_false(sckg_date_real((sckg_date){1900, 2, 29}));
  assert_false(sckg_date_real((sckg_date){2023, 13, 1}));
  assert_false(sckg_date_real((sckg_date){2023, 0, 1}));
  assert_false(sckg_date_real((sckg_date){0, 4, 7}));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(date_line_on_the_first_paragraph),
      cmocka_unit_test(date_line_on_its_own_line),
      cmocka_unit_test(bad_date_line_is_an_error),
      cmocka_unit_test(no_date_line_means_no_date),
      cmocka_unit_test(abbreviations_do_not_end_sentences),
      cmocka_unit_test(captions_credits_and_posts_are_not_read),
      cmocka_unit_test(noise_words_late_in_a_long_paragraph),
      cmocka_unit_test(dateline_is_skipped_and_publisher_found),
      cmocka_unit_test(publisher_of_the_earliest_mark),
      cmocka_unit_test(calendar_arithmetic),
      cmocka_unit_test(real_dates),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
