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

/* shorthands for the table (token.h says what each bit means): a word
 * byte, a lead byte, a joiner, white space, a digit, a capital, a
 * lowercase letter */
enum {
  W = SCKG_BYTE_WORD,
  LB = SCKG_BYTE_LEAD,
  J = SCKG_BYTE_JOIN,
  SP = SCKG_BYTE_SPACE,
  D = SCKG_BYTE_WORD | SCKG_BYTE_DIGIT,
  U = SCKG_BYTE_WORD | SCKG_BYTE_LETTER | SCKG_BYTE_UPPER,
  L = SCKG_BYTE_WORD | SCKG_BYTE_LETTER
};
/* the non-ASCII bytes of a row, but the first bytes of special punctuation */
#define WORD_ROW(r)                                                            \
  [r] = W, [r + 1] = W, [r + 2] = W, [r + 3] = W, [r + 4] = W, [r + 5] = W,    \
  [r + 6] = W, [r + 7] = W, [r + 8] = W, [r + 9] = W, [r + 10] = W,            \
  [r + 11] = W, [r + 12] = W, [r + 13] = W, [r + 14] = W, [r + 15] = W
const unsigned char sckg_byte_class[256] = {
    ['\t'] = SP,    ['\n'] = SP,    ['\v'] = SP,    ['\f'] = SP,
    ['\r'] = SP,    [' '] = SP,     ['-'] = J,      ['&'] = J,
    ['.'] = J,      ['\''] = J,     ['0'] = D,      ['1'] = D,
    ['2'] = D,      ['3'] = D,      ['4'] = D,      ['5'] = D,
    ['6'] = D,      ['7'] = D,      ['8'] = D,      ['9'] = D,
    ['A'] = U,      ['B'] = U,      ['C'] = U,      ['D'] = U,
    ['E'] = U,      ['F'] = U,      ['G'] = U,      ['H'] = U,
    ['I'] = U,      ['J'] = U,      ['K'] = U,      ['L'] = U,
    ['M'] = U,      ['N'] = U,      ['O'] = U,      ['P'] = U,
    ['Q'] = U,      ['R'] = U,      ['S'] = U,      ['T'] = U,
    ['U'] = U,      ['V'] = U,      ['W'] = U,      ['X'] = U,
    ['Y'] = U,      ['Z'] = U,      ['a'] = L,      ['b'] = L,
    ['c'] = L,      ['d'] = L,      ['e'] = L,      ['f'] = L,
    ['g'] = L,      ['h'] = L,      ['i'] = L,      ['j'] = L,
    ['k'] = L,      ['l'] = L,      ['m'] = L,      ['n'] = L,
    ['o'] = L,      ['p'] = L,      ['q'] = L,      ['r'] = L,
    ['s'] = L,      ['t'] = L,      ['u'] = L,      ['v'] = L,
    ['w'] = L,      ['x'] = L,      ['y'] = L,      ['z'] = L,
    WORD_ROW(0x80), WORD_ROW(0x90), WORD_ROW(0xA0), WORD_ROW(0xB0),
    [0xC0] = W,     [0xC1] = W,     [0xC2] = LB,    [0xC3] = W,
    [0xC4] = W,     [0xC5] = W,     [0xC6] = W,     [0xC7] = W,
    [0xC8] = W,     [0xC9] = W,     [0xCA] = W,     [0xCB] = W,
    [0xCC] = W,     [0xCD] = W,     [0xCE] = W,     [0xCF] = W,
    WORD_ROW(0xD0), [0xE0] = W,     [0xE1] = W,     [0xE2] = LB,
    [0xE3] = W,     [0xE4] = W,     [0xE5] = W,     [0xE6] = W,
    [0xE7] = W,     [0xE8] = W,     [0xE9] = W,     [0xEA] = W,
    [0xEB] = W,     [0xEC] = W,     [0xED] = W,     [0xEE] = W,
    [0xEF] = LB,    WORD_ROW(0xF0)};
#undef WORD_ROW

static bool is_word_byte(const char *s, size_t n, size_t i) {
  unsigned char c = sckg_byte_class[(unsigned char)s[i]];
  return (c & SCKG_BYTE_WORD) ||
         ((c & SCKG_BYTE_LEAD) && special_punct(s, n, i) == 0);
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
    unsigned char cls = sckg_byte_class[(unsigned char)s[i]];
    if (cls & SCKG_BYTE_SPACE)
      i++;
    else if ((cls & SCKG_BYTE_LEAD) && n - i >= 2 &&
             (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
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

/* A word: letters and digits, joined by inner hyphens, ampersands and
 * apostrophes ("O'Brien"), and dots in abbreviations ("U.S.") and domain
 * names ("Blender.io"), but not a dot before a capital after a word
 * ("reasons.The", a missing space). *curly says it joined a curly
 * apostrophe, which its normal form makes straight. */
static size_t scan_word(const char *s, size_t n, size_t i, bool *dotted,
                        bool *curly, bool *hyphen) {
  size_t seg = i; /* start of the current dot-separated segment */
  *dotted = *curly = *hyphen = false;
  for (;;) {
    /* most of a word: bytes that are word bytes by themselves */
    i = sckg_alnum_end(s, n, i);
    while (i < n && (sckg_byte_class[(unsigned char)s[i]] & SCKG_BYTE_WORD))
      i++;
    if (i >= n)
      break;
    unsigned char cls = sckg_byte_class[(unsigned char)s[i]];
    if (!(cls & (SCKG_BYTE_LEAD | SCKG_BYTE_JOIN)))
      break; /* white space and most punctuation end a word at once */
    if ((cls & SCKG_BYTE_LEAD) && special_punct(s, n, i) == 0) {
      i++;
      continue;
    }
    size_t alen;
    bool next_alnum = i + 1 < n && is_word_byte(s, n, i + 1);
    if ((s[i] == '-' || s[i] == '&') && next_alnum) {
      *hyphen |= s[i] == '-';
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
  size_t e = scan_word(s, n, i, &dotted, &curly, &t->hyphen);
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

bool sckg_token_scan(const char *s, size_t n, size_t *pos, token *t,
                     sckg_buf *norm, sckg_str *form) {
  size_t i = skip_space(s, n, *pos);
  if (i >= n) {
    *pos = n;
    return false;
  }
  unsigned char cls = sckg_byte_class[(unsigned char)s[i]];
  t->b = i;
  t->cap = (cls & SCKG_BYTE_UPPER) != 0;
  t->hyphen = false;
  size_t e;
  if (cls & SCKG_BYTE_DIGIT) {
    t->kind = TK_NUM;
    while (i < n && (is_word_byte(s, n, i) ||
                     ((s[i] == ',' || s[i] == '.' || s[i] == ':') &&
                      i + 1 < n && is_digit((unsigned char)s[i + 1]))))
      i++;
    *form = text_form(s, t->b, i);
  } else if (!(cls & SCKG_BYTE_WORD) &&
             (e = mark_token(s, n, i, t, form)) > i) {
    i = e;
  } else {
    i = word_token(s, n, i, t, norm, form);
  }
  t->e = i;
  *pos = i;
  return true;
}

/* scan_word's rules for a dot and an apostrophe after a word's first
 * part, of ASCII letters and digits; any other mark, and a byte that may
 * start special punctuation after the apostrophe, are left to it. */
bool sckg_word_ends_at_mark(const char *s, size_t n, size_t i, size_t e) {
  unsigned char c = (unsigned char)s[e];
  if (c != '.' && c != '\'')
    return false;
  unsigned char next = e + 1 < n ? sckg_byte_class[(unsigned char)s[e + 1]] : 0;
  if (c == '.') /* it joins "U.S" and "Blender.io" */
    return !(next & SCKG_BYTE_LETTER) ||
           (e - i > 1 && (next & SCKG_BYTE_UPPER));
  if (next & SCKG_BYTE_LEAD)
    return false;
  if (!(next & SCKG_BYTE_WORD))
    return true;
  /* it joins "O'Brien", but "Korea's" is a word and a possessive */
  if (((unsigned char)s[e + 1] | 0x20) != 's')
    return false;
  unsigned char after =
      e + 2 < n ? sckg_byte_class[(unsigned char)s[e + 2]] : 0;
  return !(after & (SCKG_BYTE_WORD | SCKG_BYTE_LEAD));
}

bool sckg_token_scan_keyed(const char *s, size_t n, size_t *pos, token *t,
                           sckg_buf *norm, sckg_str *form, uint64_t key[2]) {
  if (!sckg_token_scan(s, n, pos, t, norm, form))
    return false;
  if (form->len - 1 < 16)
    sckg_short_key(form->ptr, form->len, key);
  return true;
}
