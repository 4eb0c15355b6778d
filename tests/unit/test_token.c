/* SPDX-License-Identifier: MIT */
/* Tokens: the tokenizer splits text the way the lexicon's phrases are split. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "lexicon/token.h"

#include <string.h>

/* Tokenise `text` and join the normalised tokens with '|'. */
static void tokens_of(const char *text, char *out, size_t cap) {
  sckg_buf norm = {0};
  token t;
  size_t pos = 0, n = strlen(text);
  out[0] = '\0';
  while (sckg_token_next(text, n, &pos, &t, &norm)) {
    if (out[0])
      strncat(out, "|", cap - strlen(out) - 1);
    strncat(out, norm.ptr, cap - strlen(out) - 1);
  }
  sckg_buf_free(&norm);
}

static void assert_tokens(const char *text, const char *expected) {
  char got[1024];
  tokens_of(text, got, sizeof got);
  assert_string_equal(got, expected);
}

static void abbreviations_stay_whole(void **state) {
  (void)state;
  assert_tokens("the U.S. and U.N. sanctions", "the|U.S.|and|U.N.|sanctions");
  assert_tokens("at 7:23 a.m. Thursday", "at|7:23|a.m.|Thursday");
}

static void possessives_split_and_normalise(void **state) {
  (void)state;
  assert_tokens("North Korea’s “malicious” activities",
                "North|Korea|'s|\"|malicious|\"|activities");
  assert_tokens("the envoys’ joint statement", "the|envoys|'s|joint|statement");
  assert_tokens("Democratic People's Republic",
                "Democratic|People|'s|Republic");
}

static void inner_punctuation_joins_words(void **state) {
  (void)state;
  assert_tokens("sanctions-stricken Hwasong-18",
                "sanctions-stricken|Hwasong-18");
  assert_tokens("Blender.io and Sinbad.io", "Blender.io|and|Sinbad.io");
  assert_tokens("$1.5 billion, 1,000 km", "$|1.5|billion|,|1,000|km");
}

static void missing_space_after_period_splits(void **state) {
  (void)state;
  assert_tokens("humanitarian reasons.The truce",
                "humanitarian|reasons|.|The|truce");
}

static void non_ascii_letters_are_word_bytes(void **state) {
  (void)state;
  assert_tokens("Dmytro Kuleba in Kyïv — today",
                "Dmytro|Kuleba|in|Kyïv|—|today");
}

static void empty_and_blank_text(void **state) {
  (void)state;
  assert_tokens("", "");
  assert_tokens("  \n\t ", "");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(abbreviations_stay_whole),
      cmocka_unit_test(possessives_split_and_normalise),
      cmocka_unit_test(inner_punctuation_joins_words),
      cmocka_unit_test(missing_space_after_period_splits),
      cmocka_unit_test(non_ascii_letters_are_word_bytes),
      cmocka_unit_test(empty_and_blank_text),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
