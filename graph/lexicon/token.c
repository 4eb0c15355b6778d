/* SPDX-License-Identifier: MIT */
#include "lexicon/token.h"

#include <stdint.h>
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

/* What each byte may be, in one look-up: a word's bytes are tested one by
 * one, and a load beats a chain of comparisons. */
enum {
  BC_WORD = 1,  /* a word byte by itself: an ASCII letter or digit, or a
                   non-ASCII byte that cannot start special punctuation */
  BC_LEAD = 2,  /* may start special punctuation (special_punct), else is a
                   word byte: 0xC2, 0xE2, 0xEF */
  BC_JOIN = 4,  /* may join a word's parts (scan_word): - & . ' */
  BC_SPACE = 8, /* ASCII white space */
  BC_DIGIT = 16,
  BC_UPPER = 32
};
/* shorthands for the table: digit, capital, lowercase letter */
enum { D = BC_WORD | BC_DIGIT, U = BC_WORD | BC_UPPER, L = BC_WORD };
/* the non-ASCII bytes of a row, but the first bytes of special punctuation */
#define WORD_ROW(r)                                                            \
  [r] = BC_WORD, [r + 1] = BC_WORD, [r + 2] = BC_WORD, [r + 3] = BC_WORD,      \
  [r + 4] = BC_WORD, [r + 5] = BC_WORD, [r + 6] = BC_WORD, [r + 7] = BC_WORD,  \
  [r + 8] = BC_WORD, [r + 9] = BC_WORD, [r + 10] = BC_WORD,                    \
  [r + 11] = BC_WORD, [r + 12] = BC_WORD, [r + 13] = BC_WORD,                  \
  [r + 14] = BC_WORD, [r + 15] = BC_WORD
static const unsigned char byte_class[256] = {
    ['\t'] = BC_SPACE, ['\n'] = BC_SPACE, ['\v'] = BC_SPACE, ['\f'] = BC_SPACE,
    ['\r'] = BC_SPACE, [' '] = BC_SPACE,  ['-'] = BC_JOIN,   ['&'] = BC_JOIN,
    ['.'] = BC_JOIN,   ['\''] = BC_JOIN,  ['0'] = D,         ['1'] = D,
    ['2'] = D,         ['3'] = D,         ['4'] = D,         ['5'] = D,
    ['6'] = D,         ['7'] = D,         ['8'] = D,         ['9'] = D,
    ['A'] = U,         ['B'] = U,         ['C'] = U,         ['D'] = U,
    ['E'] = U,         ['F'] = U,         ['G'] = U,         ['H'] = U,
    ['I'] = U,         ['J'] = U,         ['K'] = U,         ['L'] = U,
    ['M'] = U,         ['N'] = U,         ['O'] = U,         ['P'] = U,
    ['Q'] = U,         ['R'] = U,         ['S'] = U,         ['T'] = U,
    ['U'] = U,         ['V'] = U,         ['W'] = U,         ['X'] = U,
    ['Y'] = U,         ['Z'] = U,         ['a'] = L,         ['b'] = L,
    ['c'] = L,         ['d'] = L,         ['e'] = L,         ['f'] = L,
    ['g'] = L,         ['h'] = L,         ['i'] = L,         ['j'] = L,
    ['k'] = L,         ['l'] = L,         ['m'] = L,         ['n'] = L,
    ['o'] = L,         ['p'] = L,         ['q'] = L,         ['r'] = L,
    ['s'] = L,         ['t'] = L,         ['u'] = L,         ['v'] = L,
    ['w'] = L,         ['x'] = L,         ['y'] = L,         ['z'] = L,
    WORD_ROW(0x80),    WORD_ROW(0x90),    WORD_ROW(0xA0),    WORD_ROW(0xB0),
    [0xC0] = BC_WORD,  [0xC1] = BC_WORD,  [0xC2] = BC_LEAD,  [0xC3] = BC_WORD,
    [0xC4] = BC_WORD,  [0xC5] = BC_WORD,  [0xC6] = BC_WORD,  [0xC7] = BC_WORD,
    [0xC8] = BC_WORD,  [0xC9] = BC_WORD,  [0xCA] = BC_WORD,  [0xCB] = BC_WORD,
    [0xCC] = BC_WORD,  [0xCD] = BC_WORD,  [0xCE] = BC_WORD,  [0xCF] = BC_WORD,
    WORD_ROW(0xD0),    [0xE0] = BC_WORD,  [0xE1] = BC_WORD,  [0xE2] = BC_LEAD,
    [0xE3] = BC_WORD,  [0xE4] = BC_WORD,  [0xE5] = BC_WORD,  [0xE6] = BC_WORD,
    [0xE7] = BC_WORD,  [0xE8] = BC_WORD,  [0xE9] = BC_WORD,  [0xEA] = BC_WORD,
    [0xEB] = BC_WORD,  [0xEC] = BC_WORD,  [0xED] = BC_WORD,  [0xEE] = BC_WORD,
    [0xEF] = BC_LEAD,  WORD_ROW(0xF0)};
#undef WORD_ROW

static bool is_word_byte(const char *s, size_t n, size_t i) {
  unsigned char c = byte_class[(unsigned char)s[i]];
  return (c & BC_WORD) || ((c & BC_LEAD) && special_punct(s, n, i) == 0);
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

/* The end of the white space at s[i]: ASCII and no-break spaces. Only a
 * byte that may start special punctuation is looked at twice: most of
 * those that end the space start a word. */
static size_t skip_space(const char *s, size_t n, size_t i) {
  while (i < n) {
    unsigned char cls = byte_class[(unsigned char)s[i]];
    if (cls & BC_SPACE)
      i++;
    else if ((cls & BC_LEAD) && n - i >= 2 && (unsigned char)s[i] == 0xC2 &&
             (unsigned char)s[i + 1] == 0xA0)
      i += 2; /* no-break space */
    else
      break;
  }
  return i;
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

/* Of the eight bytes of w, a high bit in each that is no ASCII letter nor
 * digit, computed on all eight at once: for a byte below 0x80, adding
 * 0x80 - lo sets its high bit when it is lo or above, adding 0x7F - hi when
 * it is above hi, and the sums stay inside their byte; a byte from 0x80 up
 * is no letter here. */
static uint64_t not_alnum(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ull;
  uint64_t x = w & 0x7F * ones, l = x | 0x20 * ones; /* letters lowered */
  uint64_t letter = (l + (0x80 - 'a') * ones) & ~(l + (0x7F - 'z') * ones);
  uint64_t digit = (x + (0x80 - '0') * ones) & ~(x + (0x7F - '9') * ones);
  return ~((letter | digit) & ~w) & 0x80 * ones;
}

/* The end of the ASCII letters and digits at s[i], eight bytes at a time
 * while eight remain: the bulk of a word, its bytes tested one by one
 * otherwise. */
static size_t skip_alnum(const char *s, size_t n, size_t i) {
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    uint64_t stop = not_alnum(w);
    if (stop) /* the first byte in memory: the lowest on little-endian */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
      return i + (size_t)__builtin_clzll(stop) / 8;
#else
      return i + (size_t)__builtin_ctzll(stop) / 8;
#endif
  }
  return i;
}

/* A word: letters and digits, joined by inner hyphens, ampersands and
 * apostrophes ("O'Brien"), and dots in abbreviations ("U.S.") and domain
 * names ("Blender.io"), but not a dot before a capital after a word
 * ("reasons.The", a missing space). *curly says it joined a curly
 * apostrophe, which its normal form makes straight. */
static size_t scan_word(const char *s, size_t n, size_t i, bool *dotted,
                        bool *curly) {
  size_t seg = i; /* start of the current dot-separated segment */
  *dotted = *curly = false;
  for (;;) {
    /* most of a word: bytes that are word bytes by themselves */
    i = skip_alnum(s, n, i);
    while (i < n && (byte_class[(unsigned char)s[i]] & BC_WORD))
      i++;
    if (i >= n)
      break;
    unsigned char cls = byte_class[(unsigned char)s[i]];
    if (!(cls & (BC_LEAD | BC_JOIN)))
      break; /* white space and most punctuation end a word at once */
    if ((cls & BC_LEAD) && special_punct(s, n, i) == 0) {
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
      *curly |= alen > 1;
      i = j;
      continue;
    }
    break;
  }
  if (*dotted && i < n && s[i] == '.')
    i++; /* the closing dot of "U.S." */
  return i;
}

/* The word s[b, e) with its curly apostrophes made straight, in norm. */
static sckg_str straighten(const char *s, size_t n, size_t b, size_t e,
                           sckg_buf *norm) {
  sckg_buf_clear(norm);
  for (size_t k = b; k < e;) {
    size_t alen;
    if (is_apostrophe(s, n, k, &alen)) {
      sckg_buf_addc(norm, '\'');
      k += alen;
    } else {
      sckg_buf_addc(norm, s[k]);
      k++;
    }
  }
  return (sckg_str){norm->ptr, norm->len};
}

static sckg_str text_form(const char *s, size_t b, size_t e) {
  return (sckg_str){s + b, e - b};
}

/* The word token at s[i]; returns its end. */
static size_t word_token(const char *s, size_t n, size_t i, token *t,
                         sckg_buf *norm, sckg_str *form) {
  bool dotted, curly;
  t->kind = TK_WORD;
  size_t e = scan_word(s, n, i, &dotted, &curly);
  /* "People’s" is never split, but "O’Brien" is written either way */
  *form = curly ? straighten(s, n, i, e, norm) : text_form(s, i, e);
  return e;
}

/* The token at s[i] that is no number nor a word whose first byte says so:
 * a mark (an apostrophe or possessive, a quote, other punctuation); returns
 * its end, or i for a word after all (a letter whose first byte may start
 * punctuation). */
static size_t mark_token(const char *s, size_t n, size_t i, token *t,
                         sckg_str *form) {
  size_t len;
  if (is_apostrophe(s, n, i, &len)) {
    size_t j = i + len;
    bool after_word = i > 0 && is_word_byte(s, n, i - 1);
    if (after_word && j < n && (s[j] == 's' || s[j] == 'S') &&
        (j + 1 >= n || !is_word_byte(s, n, j + 1))) {
      t->kind = TK_POSS;
      *form = (sckg_str){"'s", 2};
      return j + 1;
    }
    if (after_word && (s[i - 1] == 's') && (j >= n || !is_word_byte(s, n, j))) {
      t->kind = TK_POSS; /* "the envoys’ joint statement" */
      *form = (sckg_str){"'s", 2};
      return j;
    }
    t->kind = TK_PUNCT;
    *form = (sckg_str){"'", 1};
    return j;
  }
  if (s[i] == '"' ||
      (special_punct(s, n, i) == 3 && (unsigned char)s[i + 2] >= 0x9C &&
       (unsigned char)s[i + 2] <= 0x9D)) {
    t->kind = TK_QUOTE;
    *form = (sckg_str){"\"", 1};
    return i + (s[i] == '"' ? 1 : 3);
  }
  if ((len = special_punct(s, n, i)) > 0) {
    t->kind = TK_PUNCT;
    *form = (unsigned char)s[i + 2] == 0x98 ? (sckg_str){"'", 1}
                                            : text_form(s, i, i + len);
    return i + len;
  }
  if (is_word_byte(s, n, i))
    return i;
  t->kind = TK_PUNCT;
  *form = text_form(s, i, i + 1);
  return i + 1;
}

bool sckg_token_next(const char *s, size_t n, size_t *pos, token *t,
                     sckg_buf *norm, sckg_str *form) {
  size_t i = skip_space(s, n, *pos);
  if (i >= n) {
    *pos = n;
    return false;
  }
  unsigned char cls = byte_class[(unsigned char)s[i]];
  t->b = i;
  t->cap = (cls & BC_UPPER) != 0;
  size_t e;
  if (cls & BC_DIGIT) {
    t->kind = TK_NUM;
    while (i < n && (is_word_byte(s, n, i) ||
                     ((s[i] == ',' || s[i] == '.' || s[i] == ':') &&
                      i + 1 < n && is_digit((unsigned char)s[i + 1]))))
      i++;
    *form = text_form(s, t->b, i);
  } else if (!(cls & BC_WORD) && (e = mark_token(s, n, i, t, form)) > i) {
    i = e;
  } else {
    i = word_token(s, n, i, t, norm, form);
  }
  t->e = i;
  *pos = i;
  return true;
}
