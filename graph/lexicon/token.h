/* SPDX-License-Identifier: MIT */
/* Splitting text into word tokens the way the lexicon's phrases are split,
 * so that a phrase matches text token by token. */
#ifndef SCKG_TOKEN_H
#define SCKG_TOKEN_H

#include "base/support.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef enum {
  TK_WORD,  /* letters, digits, inner hyphens and dots: "U.S.", "Hwasong-18" */
  TK_NUM,   /* starts with a digit: "2023", "1,000", "110th" */
  TK_POSS,  /* a possessive ending: "'s", "’s", or "’" after a plural */
  TK_QUOTE, /* a double quotation mark, straight or curly */
  TK_PUNCT  /* any other single character */
} token_kind;

typedef struct {
  size_t b, e; /* byte span in the text */
  token_kind kind;
  bool cap; /* starts with an uppercase ASCII letter */
  /* a word whose parts an inner '-' joins ("Korea-linked"): the scan
   * knows it, so that no reader searches every word for one */
  bool hyphen;
  const char *norm;  /* interned normalised form, or NULL if not in the table */
  const char *lower; /* interned lowercase form, or NULL */
} token;

/* What each byte may be, in one look-up: a word's bytes are tested one by
 * one, and a load beats a chain of comparisons. */
enum {
  SCKG_BYTE_WORD = 1,  /* a word byte by itself: an ASCII letter or digit,
                          or a non-ASCII byte that cannot start special
                          punctuation */
  SCKG_BYTE_LEAD = 2,  /* may start special punctuation (a curly quote, a
                          dash, a no-break space), else is a word byte:
                          0xC2, 0xE2, 0xEF */
  SCKG_BYTE_JOIN = 4,  /* may join a word's parts: - & . ' */
  SCKG_BYTE_SPACE = 8, /* ASCII white space */
  SCKG_BYTE_DIGIT = 16,
  SCKG_BYTE_UPPER = 32,
  SCKG_BYTE_LETTER = 64 /* an ASCII letter */
};
extern const unsigned char sckg_byte_class[256];

/* Of the eight bytes at s, a high bit in each that is no ASCII letter nor
 * digit, computed on all eight at once: for a byte below 0x80, adding
 * 0x80 - lo sets its high bit when it is lo or above, adding 0x7F - hi when
 * it is above hi, and the sums stay inside their byte; a byte from 0x80 up
 * is no letter here. */
static inline uint64_t sckg_not_alnum_word(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ull;
  uint64_t x = w & 0x7F * ones, l = x | 0x20 * ones; /* letters lowered */
  uint64_t letter = (l + (0x80 - 'a') * ones) & ~(l + (0x7F - 'z') * ones);
  uint64_t digit = (x + (0x80 - '0') * ones) & ~(x + (0x7F - '9') * ones);
  return ~((letter | digit) & ~w) & 0x80 * ones;
}
static inline uint64_t sckg_not_alnum(const char *s) {
  return sckg_not_alnum_word(sckg_load64(s));
}

/* The end of the ASCII letters and digits at s[i], eight bytes at a time
 * while eight remain: the bulk of a word. Fewer than eight left are not
 * read: the end is then the first of them, whatever it is. */
static inline size_t sckg_alnum_end(const char *s, size_t n, size_t i) {
  for (; i + 8 <= n; i += 8) {
    uint64_t stop = sckg_not_alnum(s + i);
    if (stop) /* the first byte in memory: the lowest on little-endian */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
      return i + (size_t)__builtin_clzll(stop) / 8;
#else
      return i + (size_t)__builtin_ctzll(stop) / 8;
#endif
  }
  return i;
}

/* The bytes of w before the first that `stop` marks, as sckg_not_alnum
 * marks them, the others zeroed: all of w when none is marked. */
static inline uint64_t sckg_bytes_before(uint64_t w, uint64_t stop) {
  return w & (((stop & (0 - stop)) >> 7) - 1);
}

/* sckg_alnum_end, and the word's bytes from s[i] up to its end, zero-padded
 * in key[0] and key[1]: sckg_short_key's key of a word of up to sixteen
 * bytes, unspecified for a longer one. The scan has loaded those bytes to
 * find the end, and masking them costs no branch on the word's length,
 * where sckg_short_key takes several. Its first sixteen bytes are read
 * up to the end of s, fewer than eight too: a sentence's last word is
 * most often short. */
static inline size_t sckg_alnum_end_keyed(const char *s, size_t n, size_t i,
                                          uint64_t key[2]) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  size_t e = sckg_alnum_end(s, n, i);
  if (e > i && e - i <= 16)
    sckg_short_key(s + i, e - i, key);
  return e;
#else
  key[1] = 0;
  for (int k = 0; k < 2; k++, i += 8) {
    /* past n, zeros: no letter, so the word ends by n */
    uint64_t w = i + 8 <= n ? sckg_load64(s + i) : sckg_tail_word(s + i, n - i),
             stop = sckg_not_alnum_word(w);
    key[k] = sckg_bytes_before(w, stop);
    if (stop)
      return i + (size_t)__builtin_ctzll(stop) / 8;
  }
  return sckg_alnum_end(s, n, i);
#endif
}

/* Whether the word of ASCII letters and digits s[i, e) ends at e, as
 * sckg_token_scan ends a word, where s[e] may continue or join it: a dot
 * or an apostrophe after which it ends (token.c). */
bool sckg_word_ends_at_mark(const char *s, size_t n, size_t i, size_t e);

/* The same, for any e: at the end of s, at a byte that can neither
 * continue nor join the word, or at a mark that ends it. False for no word
 * at all (e == i). */
static inline bool sckg_word_ends_at(const char *s, size_t n, size_t i,
                                     size_t e) {
  return e > i && (e >= n ||
                   !(sckg_byte_class[(unsigned char)s[e]] &
                     (SCKG_BYTE_WORD | SCKG_BYTE_LEAD | SCKG_BYTE_JOIN)) ||
                   sckg_word_ends_at_mark(s, n, i, e));
}

/* Is the straight apostrophe at s[i] a possessive "'s" after a word
 * ("Korea's"), as sckg_token_scan reads it, in the cases told by the
 * bytes' classes alone: a word byte before it, and after the 's' the end
 * of s or a byte that neither is a word byte nor may start one. False
 * sends the others to sckg_token_scan, which reads them all. */
static inline bool sckg_possessive_at(const char *s, size_t n, size_t i) {
  return i > 0 && i + 1 < n &&
         (sckg_byte_class[(unsigned char)s[i - 1]] & SCKG_BYTE_WORD) &&
         (s[i + 1] | 0x20) == 's' &&
         (i + 2 == n || !(sckg_byte_class[(unsigned char)s[i + 2]] &
                          (SCKG_BYTE_WORD | SCKG_BYTE_LEAD)));
}

/* sckg_token_next, for any token (token.c). */
bool sckg_token_scan(const char *s, size_t n, size_t *pos, token *t,
                     sckg_buf *norm, sckg_str *form);
/* sckg_token_scan, and the key of sckg_token_next_keyed (token.c). */
bool sckg_token_scan_keyed(const char *s, size_t n, size_t *pos, token *t,
                           sckg_buf *norm, sckg_str *form, uint64_t key[2]);
/* sckg_token_next (below), and *form as the key of a memo of short strings
 * (sckg_short_key) when it is 1 to 16 bytes long, unspecified otherwise:
 * made here from the bytes the scan read, for the most common tokens.
 * Always inlined: GCC 12 judged it too large for a sentence's reader, and
 * a call for each token cost 2 % more instructions than the inlined
 * code. */
__attribute__((always_inline)) static inline bool
sckg_token_next_keyed(const char *s, size_t n, size_t *pos, token *t,
                      sckg_buf *norm, sckg_str *form, uint64_t key[2]) {
  size_t i = *pos;
  while (i < n && s[i] == ' ')
    i++;
  if (i < n) {
    unsigned char c = (unsigned char)s[i], cls = sckg_byte_class[c];
    size_t e = i + 1;
    key[0] = c;
    key[1] = 0;
    if (cls & SCKG_BYTE_LETTER) {
      e = sckg_alnum_end_keyed(s, n, i, key);
      if (!sckg_word_ends_at(s, n, i, e))
        e = i;
    } else if ((cls & (SCKG_BYTE_WORD | SCKG_BYTE_LEAD | SCKG_BYTE_SPACE)) ||
               c == '"') {
      e = i;
    } else if (c == '\'') {
      if (sckg_possessive_at(s, n, i)) {
        t->b = i;
        t->e = *pos = i + 2;
        t->kind = TK_POSS;
        t->cap = t->hyphen = false;
        *form = (sckg_str){"'s", 2};
        sckg_short_key(form->ptr, form->len, key);
        return true;
      }
      e = i;
    }
    if (e > i) {
      t->b = i;
      t->e = e;
      t->kind = cls & SCKG_BYTE_LETTER ? TK_WORD : TK_PUNCT;
      t->cap = (cls & SCKG_BYTE_UPPER) != 0;
      t->hyphen = false;
      *form = (sckg_str){s + i, e - i};
      *pos = e;
      return true;
    }
  }
  /* the long way, through copies: what the caller passes stays in
   * registers, where an address handed to a call would keep it in memory */
  size_t at = i;
  sckg_str f;
  uint64_t k[2];
  bool found = sckg_token_scan_keyed(s, n, &at, t, norm, &f, k);
  *pos = at;
  *form = f;
  key[0] = k[0];
  key[1] = k[1];
  return found;
}

/* Scan the next token of s[*pos..n); returns false at the end. *form is
 * its normalised form (curly quotes and apostrophes made straight): the
 * token's own text where that changes nothing, most often, else a constant
 * or `norm`'s bytes, until the next call. Not NUL-terminated.
 *
 * Most tokens of prose are read here, without a call: a word of ASCII
 * letters and digits that starts with a letter and ends where
 * sckg_word_ends_at says, a mark of one ASCII byte that is no quote nor
 * apostrophe, and most possessives (sckg_possessive_at), after plain
 * spaces. sckg_token_scan reads the rest. */
static inline bool sckg_token_next(const char *s, size_t n, size_t *pos,
                                   token *t, sckg_buf *norm, sckg_str *form) {
  uint64_t key[2]; /* not asked for: what makes it is dropped */
  return sckg_token_next_keyed(s, n, pos, t, norm, form, key);
}

/* ASCII lowercase of a buffer, in place; says whether a byte changed. */
bool sckg_ascii_lower(char *s, size_t n);

#endif
