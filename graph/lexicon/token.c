/* SPDX-License-Identifier: MIT */
#include "lexicon/token.h"

#include <string.h>

static bool is_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* Length of a UTF-8 punctuation character we treat specially at s[i], or 0:
 * curly quotes, apostrophes and dashes are punctuation, every other
 * non-ASCII character is part of a word (names like "Gijungdong" or
 * accented letters). */
static size_t special_punct(const char *s, size_t n, size_t i) {
  const unsigned char *p = (const unsigned char *)s + i;
  if (n - i >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
      (p[2] == 0x98 || p[2] == 0x99 || p[2] == 0x9C || p[2] == 0x9D ||
       p[2] == 0x93 || p[2] == 0x94 || p[2] == 0xA6 || p[2] == 0xA2))
    return 3;
  if (n - i >= 2 && p[0] == 0xC2 &&
      (p[1] == 0xA0 || p[1] == 0xAB || p[1] == 0xBB || p[1] == 0xB7))
    return 2;
  if (n - i >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    return 3; /* a BOM inside text: punctuation, never part of a word */
  return 0;
}

/* The ASCII letters and digits, by byte: a word's bytes are tested one by
 * one, and a look-up beats four comparisons. */
static const bool ascii_alnum[128] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
    ['7'] = 1, ['8'] = 1, ['9'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1,
    ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1,
    ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
    ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1,
    ['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1,
    ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1};

static bool is_word_byte(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c < 0x80)
    return ascii_alnum[c];
  return special_punct(s, n, i) == 0;
}

static bool is_apostrophe(const char *s, size_t n, size_t i, size_t *len) {
  if (s[i] == '\'') {
    *len = 1;
    return true;
  }
  if (n - i >= 3 && (unsigned char)s[i] == 0xE2 &&
      (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
    *len = 3;
    return true;
  }
  return false;
}

static bool is_space(const char *s, size_t n, size_t i, size_t *len) {
  unsigned char c = (unsigned char)s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v') {
    *len = 1;
    return true;
  }
  if (n - i >= 2 && c == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
    *len = 2; /* no-break space */
    return true;
  }
  return false;
}

bool sckg_ascii_lower(char *s, size_t n) {
  bool changed = false;
  for (size_t i = 0; i < n; i++)
    if (is_upper((unsigned char)s[i])) {
      s[i] = (char)(s[i] - 'A' + 'a');
      changed = true;
    }
  return changed;
}

/* A word: letters and digits, joined by inner hyphens, ampersands and
 * apostrophes ("O'Brien"), and dots in abbreviations ("U.S.") and domain
 * names ("Blender.io"), but not a dot before a capital after a word
 * ("reasons.The", a missing space). */
static size_t scan_word(const char *s, size_t n, size_t i, bool *dotted) {
  size_t seg = i; /* start of the current dot-separated segment */
  *dotted = false;
  while (i < n) {
    if (is_word_byte(s, n, i)) {
      i++;
      continue;
    }
    size_t alen;
    bool next_alnum = i + 1 < n && is_word_byte(s, n, i + 1);
    if ((s[i] == '-' || s[i] == '&') && next_alnum) {
      i++;
      continue;
    }
    if (s[i] == '.' && i + 1 < n) {
      unsigned char c = (unsigned char)s[i + 1];
      if (is_alpha(c) && i - seg == 1) { /* U.S, a.m */
        *dotted = true;
        seg = ++i;
        continue;
      }
      if (is_lower(c) && i - seg > 1) { /* Blender.io */
        seg = ++i;
        continue;
      }
    }
    if (is_apostrophe(s, n, i, &alen) && i + alen < n &&
        is_word_byte(s, n, i + alen)) {
      /* "'s" followed by a non-letter is a possessive: stop before it */
      size_t j = i + alen;
      if ((s[j] == 's' || s[j] == 'S') &&
          (j + 1 >= n || !is_word_byte(s, n, j + 1)))
        break;
      i = j;
      continue;
    }
    break;
  }
  if (*dotted && i < n && s[i] == '.')
    i++; /* the closing dot of "U.S." */
  return i;
}

bool sckg_token_next(const char *s, size_t n, size_t *pos, token *t,
                     sckg_buf *norm) {
  size_t i = *pos, len;
  while (i < n && is_space(s, n, i, &len))
    i += len;
  if (i >= n) {
    *pos = n;
    return false;
  }
  sckg_buf_clear(norm);
  t->b = i;
  t->cap = is_upper((unsigned char)s[i]);
  if (is_digit((unsigned char)s[i])) {
    t->kind = TK_NUM;
    while (i < n && (is_word_byte(s, n, i) ||
                     ((s[i] == ',' || s[i] == '.' || s[i] == ':') &&
                      i + 1 < n && is_digit((unsigned char)s[i + 1]))))
      i++;
    sckg_buf_add(norm, s + t->b, i - t->b);
  } else if (is_apostrophe(s, n, i, &len)) {
    size_t j = i + len;
    bool after_word = t->b > 0 && is_word_byte(s, n, t->b - 1);
    if (after_word && j < n && (s[j] == 's' || s[j] == 'S') &&
        (j + 1 >= n || !is_word_byte(s, n, j + 1))) {
      t->kind = TK_POSS;
      i = j + 1;
      sckg_buf_adds(norm, "'s");
    } else if (after_word && (s[t->b - 1] == 's') &&
               (j >= n || !is_word_byte(s, n, j))) {
      t->kind = TK_POSS; /* "the envoys’ joint statement" */
      i = j;
      sckg_buf_adds(norm, "'s");
    } else {
      t->kind = TK_PUNCT;
      i = j;
      sckg_buf_adds(norm, "'");
    }
  } else if (s[i] == '"' ||
             (special_punct(s, n, i) == 3 && (unsigned char)s[i + 2] >= 0x9C &&
              (unsigned char)s[i + 2] <= 0x9D)) {
    t->kind = TK_QUOTE;
    i += s[i] == '"' ? 1 : 3;
    sckg_buf_adds(norm, "\"");
  } else if ((len = special_punct(s, n, i)) > 0) {
    t->kind = TK_PUNCT;
    sckg_buf_add(norm, s + i, len);
    if ((unsigned char)s[i + 2] == 0x98)
      sckg_buf_clear(norm), sckg_buf_adds(norm, "'");
    i += len;
  } else if (is_word_byte(s, n, i)) {
    bool dotted;
    t->kind = TK_WORD;
    i = scan_word(s, n, i, &dotted);
    /* normalise inner curly apostrophes: "People’s" is never split, but
     * "O’Brien" is written either way; a word without their first byte is
     * its own normal form */
    if (!memchr(s + t->b, 0xE2, i - t->b))
      sckg_buf_add(norm, s + t->b, i - t->b);
    else
      for (size_t k = t->b; k < i;) {
        size_t alen;
        if (is_apostrophe(s, n, k, &alen)) {
          sckg_buf_addc(norm, '\'');
          k += alen;
        } else {
          sckg_buf_addc(norm, s[k]);
          k++;
        }
      }
  } else {
    t->kind = TK_PUNCT;
    i++;
    sckg_buf_add(norm, s + t->b, 1);
  }
  t->e = i;
  *pos = i;
  return true;
}
