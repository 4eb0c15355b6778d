/* SPDX-License-Identifier: MIT */
/* Morphology: parts of speech and lemmas from the WordNet 3.0 tables the
 * build generates. Each case lists every reading a word has, in the order
 * sckg_morph_lemmas gives them, so an extra reading fails as surely as a
 * missing one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "lexicon/morph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The readings of `word` as "lemma/pos" joined by spaces, pos one of n v
 * a r: "warn/v". */
static void readings_of(const char *word, char *out, size_t cap) {
  static const char letter[] = {'n', 'v', 'a', 'r'};
  sckg_lemma l[SCKG_MORPH_MAX];
  size_t k = sckg_morph_lemmas(word, strlen(word), l, SCKG_MORPH_MAX);
  assert_true(k <= SCKG_MORPH_MAX);
  out[0] = '\0';
  for (size_t i = 0; i < k; i++) {
    unsigned p = 0;
    while (l[i].pos != 1u << p)
      p++;
    assert_true(p < 4);
    assert_int_equal(strlen(l[i].text), l[i].len);
    size_t used = strlen(out);
    snprintf(out + used, cap - used, "%s%s/%c", i ? " " : "", l[i].text,
             letter[p]);
  }
}

static void assert_readings(const char *word, const char *expected) {
  char got[1024];
  readings_of(word, got, sizeof got);
  assert_string_equal(got, expected);
}

static unsigned pos_of(const char *word) {
  return sckg_morph_pos(word, strlen(word));
}

static void regular_verb_forms(void **state) {
  (void)state;
  assert_readings("warned", "warn/v");
  assert_readings("warns", "warn/v");
  /* a lemma itself as a noun and an adjective, and a form of the verb */
  assert_readings("warning", "warning/n warn/v warning/a");
  /* -ed -> -e */
  assert_readings("seized", "seize/v");
  assert_readings("lambasted", "lambaste/v lambast/v");
}

static void irregular_forms(void **state) {
  (void)state;
  assert_readings("stole", "stole/n steal/v");
  assert_readings("fled", "flee/v");
  assert_readings("went", "go/v");
  assert_readings("abaci", "abacus/n");
  assert_readings("better", "better/n better/v better/a good/a well/a "
                            "better/r well/r");
}

static void noun_and_verb_readings(void **state) {
  (void)state;
  assert_readings("sanctions", "sanction/n sanction/v");
  assert_readings("attacks", "attack/n attack/v");
  assert_int_equal(pos_of("attack"), SCKG_POS_NOUN | SCKG_POS_VERB);
  assert_int_equal(pos_of("warning"), SCKG_POS_NOUN | SCKG_POS_ADJ);
  assert_int_equal(pos_of("as"), SCKG_POS_NOUN | SCKG_POS_ADV);
}

static void function_words_have_no_reading(void **state) {
  (void)state;
  assert_int_equal(pos_of("the"), 0);
  assert_int_equal(pos_of("of"), 0);
  assert_readings("the", "");
  assert_readings("of", "");
  /* an inflected form is no lemma */
  assert_int_equal(pos_of("warned"), 0);
}

/* "planned", "committed", "stopped" are in verb.exc; "spammed" and
 * "blogged" are not, and only undoubling finds them. Adjectives do not
 * undouble: "litter" is no comparative of "lit". */
static void doubled_consonants(void **state) {
  (void)state;
  assert_readings("planned", "plan/v planned/a");
  assert_readings("committed", "commit/v committed/a");
  assert_readings("stopped", "stop/v stopped/a");
  assert_readings("spammed", "spam/v");
  assert_readings("blogged", "blog/v");
  assert_readings("litter", "litter/n litter/v");
}

/* WordNet 3.0 has the British spelling as a lemma of its own, with a sense
 * count of its own (2, against 13 for "criticize"). */
static void british_spelling(void **state) {
  (void)state;
  assert_readings("criticised", "criticise/v");
  assert_readings("criticized", "criticize/v");
}

static void multi_word_lemmas(void **state) {
  (void)state;
  assert_int_equal(pos_of("lash out"), SCKG_POS_VERB);
  assert_int_equal(pos_of("lash_out"), 0); /* WordNet's '_' is a space */
  assert_readings("lashed out", "lash out/v");
  assert_readings("carried out", "carry out/v");
  assert_readings("prime ministers", "prime minister/n");
  assert_readings("allowed for", "allow for/v");
  /* an irregular last word */
  assert_readings("wisdom teeth", "wisdom tooth/n");
  /* a whole multi-word form of noun.exc */
  assert_readings("governors general", "governor general/n");
}

static void ascii_case_is_ignored(void **state) {
  (void)state;
  assert_readings("Warned", "warn/v");
  assert_readings("ATTACKS", "attack/n attack/v");
  assert_int_equal(pos_of("Lash Out"), SCKG_POS_VERB);
}

/* morphy's limits, kept: a form listed in an .exc file takes no rule
 * ("seed" is not "see" + "-ed"), nouns in "-ss" and of two letters take
 * none ("as" is not the plural of "a"), adverbs none at all ("after" is
 * not "aft" + "-er"), and "-ful" nouns pluralise inside. */
static void morphy_limits(void **state) {
  (void)state;
  assert_readings("seed", "seed/n seed/v");
  assert_readings("gas", "gas/n gas/v");
  assert_readings("glass", "glass/n glass/v");
  assert_readings("as", "as/n as/r");
  assert_readings("after", "after/a after/r");
  assert_readings("spoonsful", "spoonful/n");
  /* rules and exceptions of different parts of speech both count */
  assert_readings("axes", "ax/n axis/n axe/v ax/v");
}

static void odd_input_has_no_reading(void **state) {
  (void)state;
  sckg_lemma l[1];
  char longer[SCKG_MORPH_LEN_MAX + 1];
  memset(longer, 'a', sizeof longer);
  assert_int_equal(sckg_morph_lemmas("", 0, l, 1), 0);
  assert_int_equal(sckg_morph_pos("", 0), 0);
  assert_int_equal(sckg_morph_lemmas(longer, sizeof longer, l, 1), 0);
  assert_int_equal(sckg_morph_pos(longer, sizeof longer), 0);
  assert_readings("Kyïv", "");
  assert_int_equal(sckg_morph_lemmas("at\0tack", 7, l, 1), 0);
  /* only n bytes are read: "attacked" cut at 6 is "attack" */
  assert_int_equal(sckg_morph_pos("attacked", 6),
                   SCKG_POS_NOUN | SCKG_POS_VERB);
}

/* The count of readings is returned whole; only `max` are written. */
static void a_small_buffer_is_not_overrun(void **state) {
  (void)state;
  sckg_lemma l[3];
  memset(l, 0, sizeof l);
  assert_int_equal(sckg_morph_lemmas("better", 6, l, 2), 7);
  assert_string_equal(l[0].text, "better");
  assert_int_equal(l[1].pos, SCKG_POS_VERB);
  assert_null(l[2].text);
  assert_int_equal(sckg_morph_lemmas("better", 6, NULL, 0), 7);
}

static void sense_tagged_counts(void **state) {
  (void)state;
  sckg_lemma l[SCKG_MORPH_MAX];
  assert_int_equal(sckg_morph_lemmas("attack", 6, l, SCKG_MORPH_MAX), 2);
  assert_int_equal(sckg_morph_tagged(&l[0]), 25); /* noun */
  assert_int_equal(sckg_morph_tagged(&l[1]), 44); /* verb */
  assert_int_equal(sckg_morph_lemmas("lambasted", 9, l, SCKG_MORPH_MAX), 2);
  assert_int_equal(sckg_morph_tagged(&l[0]), 0);
  /* the largest count, "be" as a verb: it fits 16 bits, kept whole */
  assert_int_equal(sckg_morph_lemmas("is", 2, l, SCKG_MORPH_MAX), 1);
  assert_int_equal(sckg_morph_tagged(&l[0]), 16667);
}

/* sckg_morph_readings sums up the readings: their parts of speech, and an
 * inflection bit for each verb reading only. */
static void readings_are_summed_up(void **state) {
  (void)state;
  unsigned infl = 99;
  assert_int_equal(sckg_morph_readings("stole", 5, &infl),
                   SCKG_POS_NOUN | SCKG_POS_VERB);
  assert_int_equal(infl, 1u << SCKG_INFL_IRREGULAR);
  assert_int_equal(sckg_morph_readings("Attacks", 7, &infl),
                   SCKG_POS_NOUN | SCKG_POS_VERB);
  assert_int_equal(infl, 1u << SCKG_INFL_S); /* not the noun's plural */
  assert_int_equal(sckg_morph_readings("the", 3, &infl), 0);
  assert_int_equal(infl, 0);
  const char *words[] = {"better", "axes", "lashed out", "warning", "as"};
  for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
    sckg_lemma l[SCKG_MORPH_MAX];
    size_t k = sckg_morph_lemmas(words[w], strlen(words[w]), l, SCKG_MORPH_MAX);
    unsigned pos = 0, verb = 0;
    for (size_t i = 0; i < k; i++) {
      pos |= l[i].pos;
      if (l[i].pos == SCKG_POS_VERB)
        verb |= 1u << l[i].infl;
    }
    assert_int_equal(sckg_morph_readings(words[w], strlen(words[w]), &infl),
                     pos);
    assert_int_equal(infl, verb);
  }
}

/* The generated tables: lemmas strictly sorted, and every one of them
 * found by the look-up with exactly its parts of speech, which checks the
 * hash index and the pool offsets end to end. */
/* The forms of a verb, sorted and joined by spaces. */
/* How `word` inflects its verb reading `lemma`; -1 when it has none. */
static int verb_inflection(const char *word, const char *lemma) {
  sckg_lemma got[SCKG_MORPH_MAX];
  size_t k = sckg_morph_lemmas(word, strlen(word), got, SCKG_MORPH_MAX);
  for (size_t i = 0; i < k; i++)
    if (got[i].pos == SCKG_POS_VERB && strcmp(got[i].text, lemma) == 0)
      return (int)got[i].infl;
  return -1;
}

/* Each reading says which rule or list made it: the reader tells an -ing
 * form or a participle by it, never by spelling. */
static void readings_say_how_they_inflect(void **state) {
  (void)state;
  assert_int_equal(verb_inflection("warn", "warn"), SCKG_INFL_NONE);
  assert_int_equal(verb_inflection("warns", "warn"), SCKG_INFL_S);
  assert_int_equal(verb_inflection("warned", "warn"), SCKG_INFL_ED);
  assert_int_equal(verb_inflection("warning", "warn"), SCKG_INFL_ING);
  assert_int_equal(verb_inflection("stolen", "steal"), SCKG_INFL_IRREGULAR);
  assert_int_equal(verb_inflection("said", "say"), SCKG_INFL_IRREGULAR);
  /* listed for its doubled consonant, still an -ing form and a past */
  assert_int_equal(verb_inflection("travelling", "travel"), SCKG_INFL_ING);
  assert_int_equal(verb_inflection("travelled", "travel"), SCKG_INFL_ED);
  assert_int_equal(verb_inflection("lashed out", "lash out"), SCKG_INFL_ED);
}

/* The forms got, sorted and joined by spaces, are `expected`. */
static void forms_equal(char (*forms)[SCKG_MORPH_LEN_MAX], size_t n, size_t max,
                        const char *expected) {
  assert_true(n <= max);
  qsort(forms, n, sizeof *forms, (int (*)(const void *, const void *))strcmp);
  char got[512] = "";
  for (size_t i = 0; i < n; i++) {
    if (i)
      strcat(got, " ");
    strcat(got, forms[i]);
  }
  assert_string_equal(got, expected);
}

static void verb_forms_are(const char *lemma, const char *expected) {
  char forms[16][SCKG_MORPH_LEN_MAX];
  forms_equal(forms,
              sckg_morph_verb_forms(lemma, strlen(lemma), false, forms, 16), 16,
              expected);
}

static void verb_forms_with_doublets_are(const char *lemma,
                                         const char *expected) {
  char forms[16][SCKG_MORPH_LEN_MAX];
  forms_equal(forms,
              sckg_morph_verb_forms(lemma, strlen(lemma), true, forms, 16), 16,
              expected);
}

/* A verb's inflections, regular and irregular, each read back as it. */
static void forms_of_a_verb(void **state) {
  (void)state;
  verb_forms_are("warn", "warned warning warns");
  verb_forms_are("steal", "stealing steals stole stolen");
  /* the stress, which decides the doubling, is not known: both forms,
   * each read back as the verb ("planing" also inflects "plane") */
  verb_forms_are("plan", "planing planned planning plans");
  /* WordNet lists the hyphenated spelling's forms; the verb keeps its own */
  verb_forms_are("coordinate", "co-ordinate co-ordinated co-ordinates "
                               "co-ordinating coordinated coordinates "
                               "coordinating");
  verb_forms_are("lambaste", "lambasted lambastes lambasting");
  verb_forms_are("deny", "denied denies denying");
  verb_forms_are("cyberattack", ""); /* not in WordNet */
  verb_forms_are("table", "tabled tables tabling");
  /* WordNet lists only "chid" and "pled": news writes "chided", "pleaded" */
  verb_forms_are("chide", "chid chidden chides chiding");
  verb_forms_with_doublets_are("chide", "chid chidden chided chides chiding");
  verb_forms_with_doublets_are("plead", "pleaded pleading pleads pled");
}

static void noun_plurals_are(const char *lemma, const char *expected) {
  char forms[8][SCKG_MORPH_LEN_MAX];
  forms_equal(forms, sckg_morph_noun_plurals(lemma, strlen(lemma), forms, 8), 8,
              expected);
}

/* A noun's plurals: the exception list's and the regular rules', each read
 * back as the noun; a word that is no noun has none. */
static void plurals_of_a_noun(void **state) {
  (void)state;
  noun_plurals_are("launch", "launches");
  noun_plurals_are("veto", "vetoes");
  noun_plurals_are("theft", "thefts");
  noun_plurals_are("missile launch",
                   ""); /* no lemma: the loader inflects the head */
  noun_plurals_are("crisis", "crises");
  noun_plurals_are("accusation", "accusations");
  noun_plurals_are("condemn", "");     /* a verb only */
  noun_plurals_are("cyberattack", ""); /* not in WordNet */
}

static void every_lemma_is_found(void **state) {
  (void)state;
  const sckg_morph_tables *t = &sckg_morph_wordnet;
  assert_true(t->n > 140000);
  const char *prev = NULL;
  for (uint32_t i = 0; i < t->n; i++) {
    const char *s = t->pool + (t->lemma[i] & 0xFFFFFF);
    size_t len = (t->lemma[i + 1] & 0xFFFFFF) - (t->lemma[i] & 0xFFFFFF) - 1;
    assert_int_equal(strlen(s), len);
    if (prev && strcmp(prev, s) >= 0)
      fail_msg("not sorted: \"%s\" before \"%s\"", prev, s);
    if (sckg_morph_pos(s, len) != t->lemma[i] >> 24)
      fail_msg("\"%s\" not found with its parts of speech", s);
    prev = s;
  }
}

/* Every irregular form gives at least the readings its .exc lines list,
 * which checks the forms' hash index and the targets end to end. */
static void every_irregular_form_is_found(void **state) {
  (void)state;
  const sckg_morph_tables *t = &sckg_morph_wordnet;
  assert_true(t->n_exc > 5000);
  for (uint32_t i = 0; i < t->n_exc; i++) {
    const char *form = t->exc_pool + (t->exc_form[i] & 0xFFFFFF);
    sckg_lemma l[SCKG_MORPH_MAX];
    size_t k = sckg_morph_lemmas(form, strlen(form), l, SCKG_MORPH_MAX);
    for (uint32_t j = t->exc_first[i]; j < t->exc_first[i + 1]; j++) {
      uint32_t id = t->exc_target[j] >> 2;
      unsigned pos = 1u << (t->exc_target[j] & 3);
      size_t m = 0;
      while (m < k && !(l[m].id == id && l[m].pos == pos))
        m++;
      if (m == k)
        fail_msg("\"%s\" lacks its reading %s/%u", form,
                 t->pool + (t->lemma[id] & 0xFFFFFF), pos);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(regular_verb_forms),
      cmocka_unit_test(irregular_forms),
      cmocka_unit_test(noun_and_verb_readings),
      cmocka_unit_test(function_words_have_no_reading),
      cmocka_unit_test(doubled_consonants),
      cmocka_unit_test(british_spelling),
      cmocka_unit_test(multi_word_lemmas),
      cmocka_unit_test(ascii_case_is_ignored),
      cmocka_unit_test(morphy_limits),
      cmocka_unit_test(odd_input_has_no_reading),
      cmocka_unit_test(a_small_buffer_is_not_overrun),
      cmocka_unit_test(sense_tagged_counts),
      cmocka_unit_test(readings_are_summed_up),
      cmocka_unit_test(readings_say_how_they_inflect),
      cmocka_unit_test(forms_of_a_verb),
      cmocka_unit_test(plurals_of_a_noun),
      cmocka_unit_test(every_lemma_is_found),
      cmocka_unit_test(every_irregular_form_is_found),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
