/* SPDX-License-Identifier: MIT */
/* The classes of bytes the layout reads by (ASCII only: a byte of a
 * multibyte character is in none of them) and its unit of length, the
 * word: a run of bytes between blanks. Shared by text/ and by the schema's
 * index of what text/ looks for (lexicon/openers.c). */
#ifndef SCKG_BASE_CHARS_H
#define SCKG_BASE_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A table: the scans of a paragraph ask it of most bytes. */
enum { TEXT_BLANK = 1, TEXT_ALNUM = 2 };
#define LETTER(c) [c] = TEXT_ALNUM, [c + 32] = TEXT_ALNUM /* both cases */
static const unsigned char TEXT_CLASS[256] = {
    [' '] = TEXT_BLANK,  ['\t'] = TEXT_BLANK, ['\r'] = TEXT_BLANK,
    ['\n'] = TEXT_BLANK, ['\f'] = TEXT_BLANK, ['\v'] = TEXT_BLANK,
    ['0'] = TEXT_ALNUM,  ['1'] = TEXT_ALNUM,  ['2'] = TEXT_ALNUM,
    ['3'] = TEXT_ALNUM,  ['4'] = TEXT_ALNUM,  ['5'] = TEXT_ALNUM,
    ['6'] = TEXT_ALNUM,  ['7'] = TEXT_ALNUM,  ['8'] = TEXT_ALNUM,
    ['9'] = TEXT_ALNUM,  LETTER('A'),         LETTER('B'),
    LETTER('C'),         LETTER('D'),         LETTER('E'),
    LETTER('F'),         LETTER('G'),         LETTER('H'),
    LETTER('I'),         LETTER('J'),         LETTER('K'),
    LETTER('L'),         LETTER('M'),         LETTER('N'),
    LETTER('O'),         LETTER('P'),         LETTER('Q'),
    LETTER('R'),         LETTER('S'),         LETTER('T'),
    LETTER('U'),         LETTER('V'),         LETTER('W'),
    LETTER('X'),         LETTER('Y'),         LETTER('Z')};
#undef LETTER

static inline bool blank(char c) {
  return TEXT_CLASS[(unsigned char)c] & TEXT_BLANK;
}
static inline bool alnum(char c) {
  return TEXT_CLASS[(unsigned char)c] & TEXT_ALNUM;
}
static inline bool upper(char c) { return c >= 'A' && c <= 'Z'; }
static inline bool lower(char c) { return c >= 'a' && c <= 'z'; }
static inline bool digit(char c) { return c >= '0' && c <= '9'; }
static inline char to_lower(char c) { return upper(c) ? (char)(c + 32) : c; }

/* Letters and digits eight bytes at a time, for the scan that skips the
 * runs of them in every paragraph: where a run ends is then found by
 * counting bits, not by a branch on each byte, which the lengths of words
 * leave to chance. A word of eight bytes holds p[i + k] in its bits 8k to
 * 8k + 7 (whatever the machine's byte order), and the bytes in a class are
 * those whose high bit is set in its mask. */
#define TEXT_ONES 0x0101010101010101u
#define TEXT_HIGH (0x80 * TEXT_ONES)

/* p[i..i + 8), which lie before e. */
static inline uint64_t text_load8(const char *p, size_t i) {
  uint64_t w;
  memcpy(&w, p + i, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  w = __builtin_bswap64(w);
#endif
  return w;
}

/* For a byte below 0x80, adding 0x80 - lo sets its high bit when it is lo
 * or above, adding 0x80 - hi - 1 when it is above hi; the sums stay
 * inside their bytes. */
#define TEXT_IN(x, lo, hi)                                                     \
  (((x) + (0x80 - (lo)) * TEXT_ONES) & ~((x) + (0x80 - (hi)-1) * TEXT_ONES))

/* The mask of the bytes of w that are letters or digits (alnum). */
static inline uint64_t alnum_bytes(uint64_t w) {
  uint64_t x = w & 0x7F * TEXT_ONES, l = x | 0x20 * TEXT_ONES; /* lowered */
  return (TEXT_IN(l, 'a', 'z') | TEXT_IN(x, '0', '9')) & ~w & TEXT_HIGH;
}

/* Where the run of letters and digits at p[i..e) ends: the first other
 * byte, or e. */
static inline size_t alnum_end(const char *p, size_t i, size_t e) {
  for (; e - i >= 8; i += 8) {
    uint64_t other = ~alnum_bytes(text_load8(p, i)) & TEXT_HIGH;
    if (other)
      return i + (size_t)__builtin_ctzll(other) / 8;
  }
  while (i < e && alnum(p[i]))
    i++;
  return i;
}

/* The words of p[b..e), counted up to `most`: a word at a time, the
 * shapes ask no more. */
static inline size_t count_words_upto(const char *p, size_t b, size_t e,
                                      size_t most) {
  size_t n = 0;
  for (size_t i = b; n < most;) {
    while (i < e && blank(p[i]))
      i++;
    if (i >= e)
      break;
    n++;
    while (i < e && !blank(p[i]))
      i++;
  }
  return n;
}

#endif
