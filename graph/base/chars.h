/* SPDX-License-Identifier: MIT */
/* The classes of bytes the layout reads by (ASCII only: a byte of a
 * multibyte character is in none of them) and its unit of length, the
 * word: a run of bytes between blanks. Shared by text/ and by the schema's
 * index of what text/ looks for (lexicon/openers.c). */
#ifndef SCKG_BASE_CHARS_H
#define SCKG_BASE_CHARS_H

#include <stdbool.h>
#include <stddef.h>

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
