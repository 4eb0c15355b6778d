/* SPDX-License-Identifier: MIT */
#include "text/sentence.h"

#include <string.h>

static bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool ascii_letter(char c) { return ascii_upper(c) || ascii_lower(c); }
static bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

sckg_wclass sckg_word_class(const sckg_schema *s, const char *p, size_t n) {
  char low[64];
  if (!n || n >= sizeof low)
    return 0;
  for (size_t i = 0; i < n; i++)
    low[i] = ascii_upper(p[i]) ? (char)(p[i] + 32) : p[i];
  return sckg_lexicon_word(s, sckg_strtab_find(s->strings, low, n));
}

/* A curly closing quote (” or ’) at p[i]? */
static bool curly_close(const char *p, size_t e, size_t i) {
  return i + 2 < e && (unsigned char)p[i] == 0xE2 &&
         (unsigned char)p[i + 1] == 0x80 &&
         ((unsigned char)p[i + 2] == 0x9D || (unsigned char)p[i + 2] == 0x99);
}

static bool starts_sentence(const char *p, size_t e, size_t i) {
  if (i >= e)
    return true;
  unsigned char c = (unsigned char)p[i];
  if (ascii_upper((char)c) || (c >= '0' && c <= '9') || c == '"' || c == '\'')
    return true;
  return c == 0xE2 && i + 2 < e && (unsigned char)p[i + 1] == 0x80 &&
         ((unsigned char)p[i + 2] == 0x9C || (unsigned char)p[i + 2] == 0x98);
}

/* Does the dot at p[i] end the word w = p[wb..i) as an abbreviation? A word
 * listed as `abbr` is one when capitalised ("No. 2270"), or in any case
 * when it has no other reading ("vs.", "approx."): "he said no." ends. */
static bool abbreviation(const sckg_schema *s, const char *p, size_t wb,
                         size_t i) {
  if (i - wb > s->abbr_max ||
      !(s->abbr_ends >> sckg_abbr_bit(p[wb], p[i - 1]) & 1))
    return false; /* most words that end sentences */
  sckg_wclass c = sckg_word_class(s, p + wb, i - wb);
  if (!(c & W_ABBR))
    return false;
  return ascii_upper(p[wb]) || !(c & ~W_ABBR);
}

/* After initials ("U.S."), a sentence starts only at a capitalised word of
 * the `opener` class followed by a space. */
static bool opener_at(const sckg_schema *s, const char *p, size_t e, size_t i) {
  if (i >= e || !ascii_upper(p[i]))
    return false;
  size_t j = i;
  while (j < e && ascii_letter(p[j]))
    j++;
  return j < e && p[j] == ' ' && (sckg_word_class(s, p + i, j - i) & W_OPENER);
}

/* The first . ! or ? in p[i..e), or e: the dot is looked for first, and
 * the rarer marks only before it. */
static size_t next_stop(const char *p, size_t i, size_t e) {
  const char *q = memchr(p + i, '.', e - i);
  size_t stop = q ? (size_t)(q - p) : e;
  if ((q = memchr(p + i, '!', stop - i)))
    stop = (size_t)(q - p);
  if ((q = memchr(p + i, '?', stop - i)))
    stop = (size_t)(q - p);
  return stop;
}

size_t sckg_sentence_end(const sckg_schema *s, const char *p, size_t b,
                         size_t e, size_t *next_out) {
  for (size_t i = next_stop(p, b, e); i < e; i = next_stop(p, i + 1, e)) {
    char c = p[i];
    size_t end = i + 1;
    while (end < e && (p[end] == '"' || p[end] == '\'' || p[end] == ')'))
      end++;
    if (curly_close(p, e, end))
      end += 3;
    size_t next = end;
    bool spaced = false;
    while (next < e && blank(p[next])) {
      next++;
      spaced = true;
    }
    if (next < e && !starts_sentence(p, e, next))
      continue;
    if (c == '.') {
      size_t w = i;
      bool initials = false; /* U.S. */
      while (w > b && (ascii_letter(p[w - 1]) || p[w - 1] == '.'))
        initials |= p[--w] == '.';
      size_t wl = i - w;
      if ((wl && abbreviation(s, p, w, i)) || (wl == 1 && ascii_upper(p[w])))
        continue;
      if (initials && !opener_at(s, p, e, next))
        continue;
      if (!spaced && next < e && !(i > 0 && ascii_lower(p[i - 1])))
        continue; /* "1.5", "Blender.io" are not cut; only "reasons.The" */
    } else if (!spaced && next < e) {
      continue;
    }
    *next_out = next;
    return end;
  }
  *next_out = e;
  return e;
}
