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
  sckg_str form;
  token t;
  size_t pos = 0, n = strlen(text), len = 0;
  while (sckg_token_next(text, n, &pos, &t, &norm, &form)) {
    if (len && len + 1 < cap)
      out[len++] = '|';
    for (size_t k = 0; k < form.len && len + 1 < cap; k++)
      out[len++] = form.ptr[k];
  }
  out[len] = '\0';
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
  assert_tokens("Kim's, KIM'S. 's", "Kim|'s|,|KIM|'s|.|'|s");
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

static void curly_marks_are_made_straight(void **state) {
  (void)state;
  assert_tokens("O’Brien’s “plan”", "O'Brien|'s|\"|plan|\"");
  assert_tokens("a ‘scare’ quote", "a|'|scare|'|quote");
  assert_tokens("the bosses’ pay", "the|bosses|'s|pay");
}

/* Bytes whose first byte may start punctuation but do not: "µ" is C2 B5,
 * "€" is E2 82 AC; a no-break space (C2 A0) separates, a BOM (EF BB BF)
 * inside text is punctuation. */
static void lead_bytes_decide_by_what_follows(void **state) {
  (void)state;
  assert_tokens("µ-law at 5€ a\xC2\xA0piece", "µ-law|at|5€|a|piece");
  assert_tokens("x\xEF\xBB\xBFy", "x|\xEF\xBB\xBF|y");
  assert_tokens("«Yes» — no…", "«|Yes|»|—|no|…");
}

/* A form that normalising leaves alone is the token's own text, not a
 * copy. */
static void forms_are_the_text_itself(void **state) {
  (void)state;
  const char *text = "Kim Jong Un’s sister, O’Brien";
  sckg_buf norm = {0};
  sckg_str form;
  token t;
  size_t pos = 0, n = strlen(text);
  while (sckg_token_next(text, n, &pos, &t, &norm, &form)) {
    bool changed =
        t.e - t.b != form.len || memcmp(text + t.b, form.ptr, form.len) != 0;
    if (!changed)
      assert_ptr_equal(form.ptr, text + t.b);
    else
      assert_true(t.kind == TK_POSS || !memcmp(form.ptr, "O'Brien", 7));
  }
  sckg_buf_free(&norm);
}

/* Random texts of words, numbers, spaces and marks, ASCII and not, cut
 * anywhere: sckg_token_next, which reads the common tokens itself, always
 * agrees with sckg_token_scan, which reads every token the long way, and
 * the key it gives a form of up to 16 bytes is sckg_short_key's. */
static void next_agrees_with_scan(void **state) {
  (void)state;
  static const char *const parts[] = {"a",
                                      "Kim",
                                      "sanctions",
                                      "U.S.",
                                      "O'Brien",
                                      "People's",
                                      "'s",
                                      "1,000",
                                      "x9",
                                      " ",
                                      "  ",
                                      "\n",
                                      ",",
                                      ".",
                                      "-",
                                      "&",
                                      "'",
                                      "\"",
                                      "(",
                                      "\xE2\x80\x99",
                                      "\xE2\x80\x9C",
                                      "\xC2\xA0",
                                      "\xC3\xA9",
                                      "\xE2\x80\x94",
                                      "ab.io",
                                      "Hwasong-18",
                                      "\x01",
                                      "s",
                                      "S",
                                      "Pyongyang",
                                      "launchers",
                                      "abcdefghijklmnop",
                                      "abcdefghijklmnopq",
                                      "a.m",
                                      "x.Y"};
  enum { N = 3000, MAXLEN = 80 };
  unsigned seed = 11;
  sckg_buf norm_a = {0}, norm_b = {0};
  for (size_t k = 0; k < N; k++) {
    char text[MAXLEN + 32];
    size_t n = 0;
    while (n < MAXLEN) {
      seed = seed * 1103515245u + 12345u;
      const char *p = parts[(seed >> 16) % (sizeof parts / sizeof *parts)];
      size_t len = strlen(p);
      memcpy(text + n, p, len);
      n += len;
    }
    n = k % (n + 1); /* a cut anywhere, inside a character too */
    size_t pa = 0, pb = 0;
    for (;;) {
      token a, b;
      sckg_str fa, fb;
      uint64_t key[2], want[2];
      bool more = sckg_token_next_keyed(text, n, &pa, &a, &norm_a, &fa, key);
      assert_int_equal(more, sckg_token_scan(text, n, &pb, &b, &norm_b, &fb));
      assert_int_equal(pa, pb);
      if (!more)
        break;
      if (a.b != b.b || a.e != b.e || a.kind != b.kind || a.cap != b.cap ||
          a.hyphen != b.hyphen || fa.len != fb.len ||
          memcmp(fa.ptr, fb.ptr, fa.len) != 0)
        fail_msg("text %zu: the token at %zu differs", k, b.b);
      if (fb.len <= 16) {
        sckg_short_key(fb.ptr, fb.len, want);
        if (key[0] != want[0] || key[1] != want[1])
          fail_msg("text %zu: the key of the token at %zu differs", k, b.b);
      }
    }
  }
  sckg_buf_free(&norm_a);
  sckg_buf_free(&norm_b);
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
      cmocka_unit_test(curly_marks_are_made_straight),
      cmocka_unit_test(lead_bytes_decide_by_what_follows),
      cmocka_unit_test(forms_are_the_text_itself),
      cmocka_unit_test(next_agrees_with_scan),
      cmocka_unit_test(empty_and_blank_text),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
