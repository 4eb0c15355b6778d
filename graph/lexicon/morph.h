/* SPDX-License-Identifier: MIT */
/* Morphology: which parts of speech an English word has and which lemmas a
 * surface form may be an inflection of ("warned" -> warn, verb), the way
 * WordNet's morphy finds them. The knowledge is WordNet 3.0's, turned into
 * const tables at build time by schema/tools/wordnet_tables.c and read in
 * place: no start-up cost, no allocation, safe from any thread. */
#ifndef SCKG_MORPH_H
#define SCKG_MORPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Parts of speech, as bits: a word may have several ("attack"). */
enum {
  SCKG_POS_NOUN = 1,
  SCKG_POS_VERB = 2,
  SCKG_POS_ADJ = 4, /* WordNet's adjectives and adjective satellites */
  SCKG_POS_ADV = 8
};

/* How a surface form inflects its lemma, as the detachment rule or the
 * exception list that found it says. */
typedef enum {
  SCKG_INFL_NONE,      /* the lemma itself: "warn" */
  SCKG_INFL_S,         /* a plural or a third person: "warns", "attacks" */
  SCKG_INFL_ED,        /* a regular past or participle: "warned" */
  SCKG_INFL_ING,       /* an -ing form: "warning" */
  SCKG_INFL_ER,        /* a comparative or superlative: "later" */
  SCKG_INFL_IRREGULAR, /* an exception list's form: "stole", "stolen" */
} sckg_inflection;

/* One reading of a surface form: a lemma and one part of speech it has. */
typedef struct {
  const char *text; /* the lemma, lowercase, NUL-terminated, in the tables */
  size_t len;
  unsigned pos;         /* exactly one SCKG_POS_ bit */
  uint32_t id;          /* the lemma's place in the sorted table: a dense key */
  sckg_inflection infl; /* how the form inflects the lemma */
} sckg_lemma;

enum {
  /* The most readings sckg_morph_lemmas can find for one word: a caller's
   * buffer of this size never truncates. */
  SCKG_MORPH_MAX = 32,
  /* Words this long or longer have no reading: WordNet 3.0's longest lemma
   * has 71 bytes, its longest irregular form 23 (the generated tables
   * check that they fit). */
  SCKG_MORPH_LEN_MAX = 128
};

/* The parts of speech `word` (n bytes, any ASCII case) has as a lemma, as
 * SCKG_POS_ bits; 0 when it is no lemma ("the", "warned"). Multi-word
 * lemmas are written with single spaces: "lash out". */
unsigned sckg_morph_pos(const char *word, size_t n);

/* Every (lemma, part of speech) the surface form `word` (n bytes, any ASCII
 * case) may be an inflection of, found the way WordNet's morphy finds them:
 * for each part of speech in turn (noun, verb, adjective, adverb), the word
 * itself when it is a lemma, its irregular forms ("stole" -> steal) and the
 * suffix rules ("warned" -> warn, "planned" -> plan), keeping only lemmas
 * that have that part of speech. A multi-word form inflects its first word
 * as a verb ("lashed out"), its last as a noun or adjective. Writes the
 * first `max` readings to `out`, in that order and without duplicates, and
 * returns how many there are (at most SCKG_MORPH_MAX): more than `max` says
 * some were left out. 0 for a word WordNet does not know ("the"). */
size_t sckg_morph_lemmas(const char *word, size_t n, sckg_lemma *out,
                         size_t max);

/* What sckg_morph_lemmas's readings of `word` come to: the returned bits
 * of their parts of speech (SCKG_POS_*, 0 for a word WordNet does not
 * know), and in *verb_infl a bit 1 << sckg_inflection for each verb
 * reading. */
unsigned sckg_morph_readings(const char *word, size_t n, unsigned *verb_infl);

/* The inflected forms of the verb `lemma` (lowercase, a verb of the
 * index): its irregular forms ("steal": stole, stolen) and those the
 * regular rules make ("warn": warns, warned, warning), each kept only when
 * sckg_morph_lemmas reads it back as this verb. The lemma itself is not
 * listed. Forms are written NUL-terminated into out[0..max); returns how
 * many there are (more than max says some were left out). 0 when the
 * lemma is no verb. An irregular verb gets no regular past ("stealed")
 * unless `doublets`: many have both ("pleaded" and "pled", "chided" and
 * "chid"), and WordNet lists only the irregular one; a reader that matches
 * text, where a form that is no word never stands, asks for them. */
size_t sckg_morph_verb_forms(const char *lemma, size_t n, bool doublets,
                             char (*out)[SCKG_MORPH_LEN_MAX], size_t max);

/* The plurals of the noun `lemma` (lowercase, a noun of the index): its
 * irregular ones ("veto": vetoes; "crisis": crises) and the regular one
 * ("launch": launches), each kept only when sckg_morph_lemmas reads it
 * back as this noun. Written and counted as sckg_morph_verb_forms does; only
 * the listed ones when the lists have any; 0 when the lemma is no noun. */
size_t sckg_morph_noun_plurals(const char *lemma, size_t n,
                               char (*out)[SCKG_MORPH_LEN_MAX], size_t max);

/* How often the lemma was tagged with its part of speech in WordNet's
 * sense-tagged corpus (cntlist.rev, summed over senses): a rough rank of
 * readings, "attack" 44 as a verb, 25 as a noun. 0 when never tagged. */
unsigned sckg_morph_tagged(const sckg_lemma *lemma);

/* ---- The generated tables -------------------------------------------------
 * Written by schema/tools/wordnet_tables.c into the build folder, read by
 * morph.c and by the tests' checks of their shape. Parts of speech are
 * indexes here (0 noun, 1 verb, 2 adjective, 3 adverb): bit 1 << index. */
typedef struct {
  /* Every lemma, sorted by bytes ('_' written ' '), each NUL-terminated. */
  const char *pool;
  /* n + 1 entries: lemma i starts at pool[lemma[i] & 0xFFFFFF] and its
   * parts of speech are the bits lemma[i] >> 24; entry n is the pool's end,
   * so a lemma's length is the next start minus its own minus 1. */
  const uint32_t *lemma;
  uint32_t n;
  uint32_t max_len; /* the longest lemma, in bytes */
  /* A hash index of the lemmas: 2^lemma_bits slots, at most three
   * quarters used, each 0 when empty, else a lemma's id + 1 in the low
   * lemma_bits bits and the high bits of its hash above them. A search
   * starts at the slot its hash's low bits name and goes on slot by slot
   * up to an empty one. The hash is FNV-1a, 32 bits, over the bytes: the
   * generator and morph.c must agree on it. */
  const uint32_t *lemma_index;
  uint32_t lemma_bits;
  /* The irregular forms of the .exc files, sorted by bytes, NUL-terminated
   * in exc_pool. Form i starts at exc_pool[exc_form[i] & 0xFFFFFF] (n_exc +
   * 1 entries, the last the pool's end), exc_form[i] >> 24 are the parts
   * of speech whose .exc file lists it, and its readings are
   * exc_target[exc_first[i] .. exc_first[i + 1]), each lemma id << 2 | part
   * of speech index, sorted. A listed form may have no reading left: its
   * lemmas are not in WordNet 3.0's index. */
  const char *exc_pool;
  const uint32_t *exc_form;
  const uint32_t *exc_first;
  const uint32_t *exc_target;
  const uint32_t *exc_index; /* as lemma_index, over the forms */
  uint32_t exc_bits;
  uint32_t n_exc;
  /* Every reading of exc_target again, sorted (ties by form): reading k is
   * exc_by_target[k] and names form exc_form_of[k], so a lemma's forms
   * are found by binary search. */
  const uint32_t *exc_by_target;
  const uint32_t *exc_form_of;
  uint32_t n_exc_readings;
  uint32_t max_form_len; /* the longest irregular form, in bytes */
  /* Sense-tagged counts: tagged[i] for the reading tagged_key[i] (lemma id
   * << 2 | part of speech index, sorted), saturated at 65535. */
  const uint32_t *tagged_key;
  const uint16_t *tagged;
  uint32_t n_tagged;
} sckg_morph_tables;

extern const sckg_morph_tables sckg_morph_wordnet;

#endif
