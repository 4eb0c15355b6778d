/* SPDX-License-Identifier: MIT */
/* The classes of bytes the layout reads by (ASCII only: a byte of a
 * multibyte character is in none of them) and its unit of length, the
 * word: a run of bytes between blanks. Shared by layout.c and noise.c. */
#ifndef SCKG_TEXT_CHARS_H
#define SCKG_TEXT_CHARS_H

#include <stdbool.h>
#include <stddef.h>

static const bool BLANK[256] = {[' '] = true,  ['\t'] = true, ['\r'] = true,
                                ['\n'] = true, ['\f'] = true, ['\v'] = true};
static inline bool blank(char c) { return BLANK[(unsigned char)c]; }
static inline bool upper(char c) { return c >= 'A' && c <= 'Z'; }
static inline bool lower(char c) { return c >= 'a' && c <= 'z'; }
static inline bool digit(char c) { return c >= '0' && c <= '9'; }
static inline bool alnum(char c) { return upper(c) || lower(c) || digit(c); }
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
