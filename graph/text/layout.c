/* SPDX-License-Identifier: MIT */
#include "text/layout.h"
#include "text/noise.h"
#include "text/sentence.h"

#include <stdlib.h>
#include <string.h>

/* The shapes of what is not prose, in words (runs of non-space
 * characters) unless said otherwise. News pages put one such item on a
 * line of its own; prose paragraphs are longer than all of these but the
 * caption, which a cue or a credit must mark. */
enum {
  WRAP_MAX_WIDTH = 100,    /* hard-wrapped text: no line longer (chars) */
  WRAP_MIN_FULL_LINES = 3, /* ... and this many lines near the longest */
  HEADLINE_MAX_WORDS = 25,
  SHORT_MAX_WORDS = 5,  /* a section label: "Background", "Press release" */
  META_MAX_WORDS = 12,  /* bylines, timestamps, labels in capitals */
  FIELD_MAX_WORDS = 20, /* "Topic(s): Cybercrime, National Security" */
  ALT_MAX_WORDS = 25,   /* an image's alt text above its caption */
  CAPTION_MAX_WORDS = 80,
  CAPTION_MAX_SENTENCES = 3,
  COPYRIGHT_MAX_WORDS = 30,
  POST_MAX_WORDS = 80,
  DATELINE_MAX_BYTES = 60,
  DATELINE_MAX_WORDS = 8
};

/* ---- Characters ---------------------------------------------------------- */

static bool bytes3(const char *p, size_t e, size_t i, unsigned char c) {
  return i + 2 < e && (unsigned char)p[i] == 0xE2 &&
         (unsigned char)p[i + 1] == 0x80 && (unsigned char)p[i + 2] == c;
}

/* A dash of running text at p[i]: "-", "--", "—" or "–"; its length or 0. */
static size_t dash_at(const char *p, size_t e, size_t i) {
  if (p[i] == '-')
    return i + 1 < e && p[i + 1] == '-' ? 2 : 1;
  return bytes3(p, e, i, 0x94) || bytes3(p, e, i, 0x93) ? 3 : 0;
}

/* Characters (code points) in p[b..e). */
static size_t width(const char *p, size_t b, size_t e) {
  return sckg_utf8_count(p + b, e - b);
}

/* Where the first c at or after `from` stands in p[0..n), or n. */
static size_t next_byte(const char *p, size_t from, size_t n, char c) {
  const char *q = memchr(p + from, c, n - from);
  return q ? (size_t)(q - p) : n;
}

/* The end of p[b..e) without closing quotes and brackets. */
static size_t before_closers(const char *p, size_t b, size_t e) {
  for (;;) {
    if (e > b && (p[e - 1] == ')' || p[e - 1] == ']' || p[e - 1] == '"' ||
                  p[e - 1] == '\''))
      e--;
    else if (e >= b + 3 &&
             (bytes3(p, e, e - 3, 0x9D) || bytes3(p, e, e - 3, 0x99)))
      e -= 3;
    else
      return e;
  }
}

/* Does p[b..e) end a sentence: . ! ? before its closing quotes? */
static bool closed(const char *p, size_t b, size_t e) {
  e = before_closers(p, b, e);
  return e > b && (p[e - 1] == '.' || p[e - 1] == '!' || p[e - 1] == '?');
}

static size_t trim_end(const char *p, size_t b, size_t e) {
  while (e > b && blank(p[e - 1]))
    e--;
  return e;
}

/* ---- Shapes ----------------------------------------------------------------
 */

/* The word before `*i` in p[b..*i): its span, moving *i to its start. */
static bool prev_word(const char *p, size_t b, size_t *i, size_t *wb,
                      size_t *we) {
  size_t j = *i;
  while (j > b && blank(p[j - 1]))
    j--;
  if (j == b)
    return false;
  *we = j;
  while (j > b && !blank(p[j - 1]))
    j--;
  *wb = *i = j;
  return true;
}

/* A word without the commas and dots that end it. */
static size_t bare_end(const char *p, size_t wb, size_t we) {
  while (we > wb && (p[we - 1] == ',' || p[we - 1] == '.'))
    we--;
  return we;
}

static bool all_digits(const char *p, size_t b, size_t e, size_t min,
                       size_t max) {
  if (e - b < min || e - b > max)
    return false;
  for (size_t i = b; i < e; i++)
    if (!digit(p[i]))
      return false;
  return true;
}

static bool month_word(const sckg_schema *s, const char *p, size_t b,
                       size_t e) {
  return (sckg_word_class(s, p + b, bare_end(p, b, e) - b) & W_MONTH) != 0;
}

/* Does p[b..e) end in a date-and-place tail, as captions do: "..., South
 * Korea, July 19, 2022." or "Cologne, 19 February 2024"? */
static bool date_tail(const sckg_schema *s, const char *p, size_t b, size_t e) {
  size_t i = e, w[4][2];
  for (int k = 0; k < 4; k++)
    if (!prev_word(p, b, &i, &w[k][0], &w[k][1]))
      return false;
  if (!all_digits(p, w[0][0], bare_end(p, w[0][0], w[0][1]), 4, 4))
    return false;
  bool day_month =
      all_digits(p, w[1][0], bare_end(p, w[1][0], w[1][1]), 1, 2) &&
      month_word(s, p, w[2][0], w[2][1]);
  bool month_day = month_word(s, p, w[1][0], w[1][1]) &&
                   all_digits(p, w[2][0], w[2][1], 1, 2);
  return (day_month || month_day) && p[w[3][1] - 1] == ',';
}

/* The words of p[b..e), each after the blanks before it: `*i` moves past
 * the next, p[*wb..*we), false when none is left. */
static bool next_word(const char *p, size_t e, size_t *i, size_t *wb,
                      size_t *we) {
  size_t j = *i;
  while (j < e && blank(p[j]))
    j++;
  if (j >= e)
    return false;
  *wb = j;
  while (j < e && !blank(p[j]))
    j++;
  *we = *i = j;
  return true;
}

/* Is the word p[i..we) a year ("2013.04.13" opens with one), else a number
 * of one or two digits (a day, an hour)? */
static bool year_word(const char *p, size_t i, size_t be) {
  return be - i >= 4 && all_digits(p, i, i + 4, 4, 4) &&
         (be == i + 4 || !digit(p[i + 4])) && (p[i] == '1' || p[i] == '2');
}

/* A line of time and place: "Published : 2013.04.13 11:05", "Newsdesk |
 * June 14, 2023, 08:40 UTC", "Wednesday, February 17, 2021": a clock
 * time, or a year with a month or a day. The months are looked up last,
 * and only when a year and no day was found: most lines hold no year. */
static bool timestamp_like(const sckg_schema *s, const char *p, size_t b,
                           size_t e) {
  bool year = false, number = false;
  size_t i = b, wb, we;
  while (next_word(p, e, &i, &wb, &we)) {
    for (size_t k = wb; k + 3 < we; k++) /* 9:41, 08:40 */
      if (digit(p[k]) && p[k + 1] == ':' && digit(p[k + 2]) && digit(p[k + 3]))
        return true;
    size_t be = bare_end(p, wb, we);
    if (year_word(p, wb, be))
      year = true;
    else if (all_digits(p, wb, be, 1, 2))
      number = true;
  }
  if (!year || number)
    return year;
  for (i = b; next_word(p, e, &i, &wb, &we);) {
    size_t be = bare_end(p, wb, we);
    if (!year_word(p, wb, be) && !all_digits(p, wb, be, 1, 2) &&
        month_word(s, p, wb, we))
      return true;
  }
  return false;
}

/* "Topic(s): ...", "Key points:", "Updated on: ...": a metadata field, its
 * name (one or two words) ended by a colon. */
static bool field_like(const char *p, size_t b, size_t e) {
  size_t words = 0;
  for (size_t i = b; i < e && words < 2; i++) {
    if (blank(p[i]))
      continue;
    size_t we = i;
    while (we < e && !blank(p[we]))
      we++;
    words++;
    if (p[we - 1] == ':' && we - i > 1)
      return true;
    i = we;
  }
  return false;
}

static bool no_lowercase(const char *p, size_t b, size_t e) {
  bool letters = false;
  for (size_t i = b; i < e; i++) {
    if (lower(p[i]))
      return false;
    letters |= upper(p[i]);
  }
  return letters;
}

/* The end of an all-capitals tag in brackets opening p[b..e): "(LEAD) ",
 * or b. */
static size_t tag_end(const char *p, size_t b, size_t e) {
  if (b >= e || p[b] != '(')
    return b;
  size_t i = b + 1;
  while (i < e && p[i] != ')' && !lower(p[i]))
    i++;
  if (i >= e || p[i] != ')' || !no_lowercase(p, b, i))
    return b;
  i++;
  while (i < e && blank(p[i]))
    i++;
  return i;
}

/* The whole paragraph in brackets: an editor's note, "(END)". */
static bool bracketed(const char *p, size_t b, size_t e) {
  if (e - b < 2 || p[b] != '(' || p[e - 1] != ')')
    return false;
  int depth = 0;
  for (size_t i = b; i < e; i++) {
    depth += p[i] == '(';
    depth -= p[i] == ')';
    if (depth == 0 && i + 1 < e)
      return false;
  }
  return true;
}

/* The credit line of an embedded post: "— The Associated Press (@AP) April
 * 7, 2023": a dash, then a name with a handle. */
static bool post_credit(const char *p, size_t b, size_t e) {
  size_t d = dash_at(p, e, b);
  if (!d || b + d >= e || !blank(p[b + d]))
    return false;
  for (size_t i = b + d; i + 1 < e; i++)
    if (p[i] == '(' && p[i + 1] == '@')
      return true;
  return false;
}

/* Is p[b..e) the mark? Most words differ in their first byte. */
static bool mark_is(const char *mark, const char *p, size_t b, size_t e) {
  while (b < e && *mark && *mark == p[b]) {
    mark++;
    b++;
  }
  return b == e && !*mark;
}

/* Where a credit in brackets that names a publisher closes p[b..e), or e:
 * "(Yonhap)", "(Yonhap Photo/Jane Roe)", "(AP Photo/John Doe)". */
static size_t bracket_credit(const sckg_schema *s, const char *p, size_t b,
                             size_t e) {
  if (e - b < 3 || p[e - 1] != ')')
    return e;
  size_t open = e - 1;
  while (open > b && p[open] != '(' && e - open < 120)
    open--;
  if (p[open] != '(' || (open > b && !blank(p[open - 1])) ||
      over_tail(p, open, e))
    return e;
  for (size_t k = 0; k < s->n_pubs; k++) {
    const char *m = s->pub_marks[k];
    size_t n = strlen(m);
    if (m[0] == '(') { /* its name without the brackets */
      m++;
      n = n >= 2 ? n - 2 : 0;
    }
    size_t after = open + 1 + n;
    if (n && after < e && memcmp(p + open + 1, m, n) == 0 &&
        (p[after] == ')' || p[after] == '/' || p[after] == ' '))
      return open;
  }
  return e;
}

/* Is the word p[wb..we) a publisher's mark not in brackets (those are
 * bracket_credit's), when it is the `last` word, or its part before a
 * slash ("REUTERS/Kim Hong-Ji")? */
static bool credit_mark(const sckg_schema *s, const char *p, size_t wb,
                        size_t we, bool last) {
  uint64_t may = s->pub_opens[(unsigned char)p[wb]];
  if (!may)
    return false; /* most words: no mark opens with their first byte */
  size_t slash = wb;
  while (slash < we && p[slash] != '/')
    slash++;
  for (; may; may &= may - 1)
    for (size_t k = (size_t)__builtin_ctzll(may); k < s->n_pubs; k += 64) {
      const char *m = s->pub_marks[k];
      if (m[0] != '(' && ((last && mark_is(m, p, wb, we)) ||
                          (slash < we && mark_is(m, p, wb, slash))))
        return true;
    }
  return false;
}

/* Where a credit closing p[b..e) starts, or e: a publisher in brackets
 * (bracket_credit), a publisher's mark of publishers.tsv after the end of
 * a sentence,
 * alone or with a photographer ("Reuters", "REUTERS/Kim Hong-Ji",
 * "AFP/File"); a photographer in capitals before a slash and an agency
 * ("AHN YOUNG-JOON / AP"); or a credit pattern of noise.tsv ("(Photo:
 * AFP)", "Source: BfV"), found by the caller at pattern_at (e if none). */
static size_t credit_at(const sckg_schema *s, const char *p, size_t b, size_t e,
                        size_t pattern_at) {
  size_t best = pattern_at;
  size_t open = bracket_credit(s, p, b, e);
  if (open < best)
    best = open;
  size_t i = e, wb, we, words = 0;
  while (words < TAIL_MAX_WORDS && prev_word(p, b, &i, &wb, &we)) {
    /* before the last word, only a slash makes a credit (a mark before
     * one, or one alone): without one there, those words are not read */
    if (words++ == 1 && !memchr(p + b, '/', we - b))
      break;
    if (credit_mark(s, p, wb, we, words == 1)) {
      size_t j = trim_end(p, b, wb);
      if (j == b || closed(p, b, j) || p[j - 1] == ',')
        best = wb < best ? wb : best;
    }
    /* "NAME NAME / AGENCY": the slash stands alone */
    if (we - wb == 1 && p[wb] == '/' && words <= 3) {
      size_t k = wb, nb, ne, names = 0, start = wb;
      while (names < 4 && prev_word(p, b, &k, &nb, &ne) &&
             no_lowercase(p, nb, ne) && !closed(p, nb, ne)) {
        start = nb;
        names++;
      }
      if (names && start < best)
        best = start;
    }
  }
  return best;
}

/* The end of a dateline opening p[b..e), or b: a few words in capitals or
 * with a publisher's mark ("WASHINGTON (AP) —", "SEOUL, May 23 (Yonhap)
 * --", "June 5 (Reuters) -", "MOSCOW, September 14. /TASS/."), each word
 * capitalised or a number, ended by a spaced dash or by a mark in slashes.
 * Without a mark, only the lead paragraph may open with one. */
static size_t dateline_end(const sckg_schema *s, const char *p, size_t b,
                           size_t e, bool lead) {
  size_t lim = e < b + DATELINE_MAX_BYTES ? e : b + DATELINE_MAX_BYTES;
  bool caps = false, mark = false;
  size_t words = 0;
  for (size_t i = b; i < lim;) {
    size_t d = dash_at(p, e, i);
    if (d && i > b && i + d < e && blank(p[i + d])) {
      if (!(mark || (caps && lead)))
        return b;
      i += d;
      while (i < e && blank(p[i]))
        i++;
      return i;
    }
    size_t we = i;
    while (we < e && !blank(p[we]))
      we++;
    if (++words > DATELINE_MAX_WORDS ||
        !(upper(p[i]) || digit(p[i]) || p[i] == '(' || p[i] == '/'))
      return b;
    size_t be = bare_end(p, i, we);
    if (words == 1)
      caps = be - i >= 2 && no_lowercase(p, i, be);
    for (uint64_t may = s->pub_opens[(unsigned char)p[i]]; may; may &= may - 1)
      for (size_t k = (size_t)__builtin_ctzll(may); k < s->n_pubs; k += 64) {
        if (!mark_is(s->pub_marks[k], p, i, be) &&
            !mark_is(s->pub_marks[k], p, i, we))
          continue;
        mark = true;
        if (s->pub_marks[k][0] == '/') { /* "/TASS/." closes it */
          while (we < e && blank(p[we]))
            we++;
          return we;
        }
      }
    i = we;
    while (i < e && blank(p[i]))
      i++;
  }
  return b;
}

/* Does most of an alt text's longer words come back in the caption below
 * it? "Illustration shows representations of cryptocurrencies" above
 * "Representations of cryptocurrencies are seen ... in this
 * illustration." */
static bool echoes(const char *p, size_t ab, size_t ae, size_t cb, size_t ce) {
  size_t words = 0, found = 0;
  for (size_t i = ab; i < ae;) {
    while (i < ae && !alnum(p[i]))
      i++;
    size_t we = alnum_end(p, i, ae);
    if (we - i >= 4) {
      words++;
      /* where a word may start in the caption: not after a letter or
       * digit, so a run of them is passed over whole */
      for (size_t j = cb; j + (we - i) <= ce;
           j = alnum(p[j]) ? alnum_end(p, j + 1, ce) + 1 : j + 1) {
        size_t k = 0;
        while (k < we - i && to_lower(p[j + k]) == to_lower(p[i + k]))
          k++;
        if (k == we - i && (j + k == ce || !alnum(p[j + k]))) {
          found++;
          break;
        }
      }
    }
    i = we;
  }
  return words && found * 2 >= words;
}

/* ---- Paragraphs ------------------------------------------------------------
 */

enum { PROSE = -1, SHORT = -2 }; /* SHORT: a label when prose follows */

/* A sentence found by sckg_sentence_end: where it ends, where the next
 * starts. */
typedef struct {
  size_t end, next;
} sentence_cut;

typedef struct {
  size_t b, e;   /* trimmed; may hold the line breaks of wrapped text */
  size_t pb, pe; /* the prose: past a dateline, before a credit */
  int kind;      /* PROSE, SHORT or a noise_kind */
  size_t words, sentences; /* up to 81; sentences before a credit, to 4 */
  bool closed;             /* the text before a credit ends a sentence */
  bool credited;           /* it ends in a credit */
  /* the sentences counted, the first from b, all in p[b..cut_end): the
   * prose's sentences are these when it starts at one of them */
  sentence_cut cuts[CAPTION_MAX_SENTENCES + 1];
  size_t cut_end;
} para;

typedef struct {
  size_t b, e, width;
} line;

/* A list item: "- ", "* ", "• ", "1. ", "2) ". A line that opens with a
 * dash of running text ("—", "–") is not one: wrapped prose breaks there. */
static bool list_item(const char *p, size_t b, size_t e) {
  if ((p[b] == '-' || p[b] == '*') && b + 1 < e && blank(p[b + 1]))
    return true;
  if (bytes3(p, e, b, 0xA2)) /* • */
    return true;
  size_t i = b;
  while (i < e && digit(p[i]))
    i++;
  return i > b && i + 1 < e && (p[i] == '.' || p[i] == ')') && blank(p[i + 1]);
}

/* Does a single line break between lines a and c join them into one
 * paragraph? In hard-wrapped text, when the first word of c would not
 * have fit on a; anywhere, when a is unfinished and c goes on in
 * lowercase. Never before a list item or a post's credit line. */
static bool joins(const char *p, const line *a, const line *c, size_t wrap) {
  if (list_item(p, c->b, c->e) || post_credit(p, c->b, c->e))
    return false;
  size_t we = c->b;
  while (we < c->e && !blank(p[we]))
    we++;
  if (wrap && (a->width + 1 + width(p, c->b, we)) * 10 > wrap * 9)
    return true;
  return !closed(p, a->b, a->e) && lower(p[c->b]);
}

static para *split_paragraphs(const char *p, size_t n, size_t indent,
                              size_t *count) {
  line *lines = NULL;
  size_t nl = 0, cap = 0, longest = 0;
  /* the next line feed and carriage return, each looked for once */
  size_t lf = next_byte(p, 0, n, '\n'), cr = next_byte(p, 0, n, '\r');
  for (size_t i = 0; i < n;) {
    if (lf < i)
      lf = next_byte(p, i, n, '\n');
    if (cr < i)
      cr = next_byte(p, i, n, '\r');
    size_t e = lf < cr ? lf : cr;
    size_t b = i, te = e;
    while (b < te && blank(p[b]))
      b++;
    te = trim_end(p, b, te);
    if (nl == cap) {
      cap = cap ? cap * 2 : 64;
      lines = sckg_xrealloc(lines, cap * sizeof *lines);
    }
    /* once a line is too long, the text is not wrapped: no width counts */
    size_t w = longest > WRAP_MAX_WIDTH ? 0 : width(p, b, te);
    lines[nl] = (line){b, te, w + (nl ? 0 : indent)};
    if (lines[nl].width > longest)
      longest = lines[nl].width;
    nl++;
    /* CRLF is one break; CR alone and LF alone are one each */
    i = e + (e + 1 < n && p[e] == '\r' && p[e + 1] == '\n' ? 2 : 1);
  }
  size_t full = 0;
  for (size_t i = 0; i < nl; i++)
    full += lines[i].width * 5 >= longest * 4 && lines[i].width > 0;
  size_t wrap =
      longest <= WRAP_MAX_WIDTH && full >= WRAP_MIN_FULL_LINES ? longest : 0;
  para *ps = sckg_xmalloc((nl ? nl : 1) * sizeof *ps); /* each set whole */
  size_t np = 0;
  for (size_t i = 0; i < nl; i++) {
    if (lines[i].b == lines[i].e)
      continue;
    size_t j = i;
    while (j + 1 < nl && lines[j + 1].b < lines[j + 1].e &&
           joins(p, &lines[j], &lines[j + 1], wrap))
      j++;
    ps[np++] = (para){.b = lines[i].b, .e = lines[j].e, .kind = PROSE};
    i = j;
  }
  free(lines);
  *count = np;
  return ps;
}

/* The sentences of p[g->b..e), counted up to the caption's most and one:
 * the shapes ask no more. They are kept in g->cuts for the prose. */
static void count_sentences(const sckg_schema *s, const char *p, para *g,
                            size_t e) {
  size_t n = 0;
  for (size_t b = g->b; b < e && n < CAPTION_MAX_SENTENCES + 1; n++) {
    sentence_cut *c = &g->cuts[n];
    c->end = sckg_sentence_end(s, p, b, e, &c->next);
    b = c->next;
  }
  g->sentences = n;
  g->cut_end = e;
}

/* What a paragraph is by itself (pass 1): a pattern's kind, a shape's, or
 * prose with the span to read. */
static void classify(const sckg_schema *s, const char *p, para *g, bool lead) {
  size_t b = g->b, e = g->e;
  g->pb = b;
  g->pe = e;
  noise_survey sv; /* the words, and where the patterns past the start may be */
  sckg_noise_survey(s, p, b, e, CAPTION_MAX_WORDS + 1, &sv);
  g->words = sv.words;
  const noise_pattern *np =
      sckg_noise_find(s, &sv, p, b, e, NOISE_KIND_COUNT, NOISE_AT_START, NULL);
  if (np) {
    bool fits = true;
    if (np->kind == NOISE_BYLINE) { /* "By Megan Carlisle" */
      size_t i = b;
      while (i < e && !blank(p[i]))
        i++;
      while (i < e && blank(p[i]))
        i++;
      fits = g->words <= META_MAX_WORDS && !closed(p, b, e) && i < e &&
             upper(p[i]);
    } else if (np->kind == NOISE_COPYRIGHT) {
      fits = g->words <= COPYRIGHT_MAX_WORDS;
    }
    if (fits) {
      g->kind = (int)np->kind;
      return;
    }
  }
  if (post_credit(p, b, e)) {
    g->kind = NOISE_POST;
    return;
  }
  size_t at = e;
  if ((np = sckg_noise_find(s, &sv, p, b, e, NOISE_KIND_COUNT, NOISE_AT_END,
                            &at)) &&
      np->kind != NOISE_CREDIT) {
    if (g->words <=
        (np->kind == NOISE_POST ? POST_MAX_WORDS : COPYRIGHT_MAX_WORDS)) {
      g->kind = (int)np->kind;
      return;
    }
    at = e;
  }
  /* the shape is that of what stands before a credit: "Seoul condemned the
   * launch. (Yonhap)" is one finished sentence */
  size_t tail = credit_at(s, p, b, e, at), te = trim_end(p, b, tail);
  g->credited = tail < e;
  count_sentences(s, p, g, te);
  g->closed = closed(p, b, te);
  if (g->words <= CAPTION_MAX_WORDS && g->sentences <= CAPTION_MAX_SENTENCES) {
    if (sckg_noise_find(s, &sv, p, b, tail, NOISE_CAPTION, NOISE_AT_CUE,
                        NULL) ||
        (tail < e && (date_tail(s, p, b, tail) ||
                      sckg_noise_find(s, &sv, p, b, tail, NOISE_CAPTION,
                                      NOISE_AT_WEAK_CUE, NULL)))) {
      g->kind = NOISE_CAPTION;
      return;
    }
  }
  /* a line in the shape of a label, a timestamp or a field; a credited
   * line or a list item is prose */
  if (!g->closed && !g->credited && !list_item(p, b, e)) {
    if (bracketed(p, b, e) ||
        (g->words <= META_MAX_WORDS && no_lowercase(p, b, e))) {
      g->kind = NOISE_LABEL;
      return;
    }
    if (g->words <= META_MAX_WORDS && sckg_lexicon_by_name(s, p + b, e - b)) {
      g->kind = NOISE_LABEL;
      return;
    }
    if (g->words <= META_MAX_WORDS && timestamp_like(s, p, b, e)) {
      g->kind = NOISE_TIMESTAMP;
      return;
    }
    if (g->words <= FIELD_MAX_WORDS && field_like(p, b, e)) {
      g->kind = NOISE_LABEL;
      return;
    }
    if (g->words <= SHORT_MAX_WORDS) {
      g->kind = SHORT;
      return;
    }
  }
  g->pb = dateline_end(s, p, b, tail, lead);
  g->pe = trim_end(p, g->pb, tail);
}

/* May paragraph g be the headline: one unfinished sentence without a
 * dateline, or a short line? */
static bool headline_like(const para *g) {
  return g->kind == SHORT ||
         (g->kind == PROSE && !g->closed && !g->credited && g->sentences == 1 &&
          g->words <= HEADLINE_MAX_WORDS && g->pb == g->b);
}

/* The headline stands in the head of the article, the paragraphs before
 * the first longer prose that cannot be one, among labels, bylines,
 * captions and short notices;
 * it is the first there longer than a section label ("Press release"),
 * else the longest short one; prose must follow it. */
static void find_headline(const char *p, para *ps, size_t np, bool headline,
                          article_layout *out) {
  if (!headline)
    return;
  /* the head also passes over a short notice ("For information media.
   * Not an official record."): the story starts with longer prose */
  size_t end = 0, strict = 0;
  while (end < np &&
         (ps[end].kind >= 0 || headline_like(&ps[end]) ||
          (ps[end].kind == PROSE && ps[end].words <= META_MAX_WORDS)))
    end++;
  while (strict < np && (ps[strict].kind >= 0 || headline_like(&ps[strict])))
    strict++;
  if (end == np) /* only short prose follows: it is the story */
    end = strict;
  if (end == np) /* no prose after the head: what looks like one is read */
    return;
  para *h = NULL;
  for (size_t i = 0; i < end && !h; i++)
    if (headline_like(&ps[i]) && ps[i].words > SHORT_MAX_WORDS)
      h = &ps[i];
  if (!h) /* of short lines, the longest: "Press release" is no headline */
    for (size_t i = 0; i < end; i++)
      if (ps[i].kind == SHORT && (!h || ps[i].words > h->words))
        h = &ps[i];
  if (!h)
    return;
  h->kind = NOISE_TITLE;
  out->title.b = tag_end(p, h->b, h->e); /* without "(LEAD) " */
  out->title.e = h->pe;
}

static void drop(article_layout *l, size_t *cap, size_t b, size_t e,
                 noise_kind k) {
  if (l->n_dropped == *cap) {
    *cap = *cap ? *cap * 2 : 16;
    l->dropped = sckg_xrealloc(l->dropped, *cap * sizeof *l->dropped);
  }
  l->dropped[l->n_dropped++] = (dropped_span){b, e, k};
}

/* The sentences of g's prose p[g->pb..g->pe), appended to l->sents. Where
 * a sentence starts depends only on where the one before it starts and on
 * the span's end: from the first that starts where one counted in
 * classify does, they are those (a dateline aside, all of them). A
 * sentence ends after its punctuation and quotes, or at the trimmed end,
 * so it never ends in a blank. */
static void split_sentences(const sckg_schema *s, const char *p, const para *g,
                            article_layout *l, size_t *cap) {
  size_t k = 0, counted = g->pe == g->cut_end ? g->sentences : 0;
  size_t at = g->b; /* where cuts[k] starts */
  for (size_t b = g->pb; b < g->pe;) {
    while (k < counted && at < b)
      at = g->cuts[k++].next;
    size_t end, next;
    if (k < counted && at == b) {
      end = g->cuts[k].end;
      next = g->cuts[k].next;
    } else {
      end = sckg_sentence_end(s, p, b, g->pe, &next);
    }
    if (l->n_sents == *cap) {
      *cap = *cap ? *cap * 2 : 32;
      l->sents = sckg_xrealloc(l->sents, *cap * sizeof *l->sents);
    }
    l->sents[l->n_sents++] = (text_span){b, end};
    b = next;
  }
}

void sckg_layout_read(const sckg_schema *s, const char *p, size_t n,
                      bool headline, size_t indent, article_layout *out) {
  memset(out, 0, sizeof *out);
  size_t np;
  para *ps = split_paragraphs(p, n, indent, &np);
  bool lead = true;
  for (size_t i = 0; i < np; i++) {
    classify(s, p, &ps[i], lead);
    lead &= !(ps[i].kind == PROSE && ps[i].closed); /* a headline is not */
  }
  /* pass 2: what depends on the neighbours */
  for (size_t i = 0; i + 1 < np; i++) /* alt text above its caption */
    if ((ps[i].kind == PROSE || ps[i].kind == SHORT) && !ps[i].closed &&
        ps[i].words <= ALT_MAX_WORDS && ps[i + 1].kind == NOISE_CAPTION &&
        echoes(p, ps[i].b, ps[i].e, ps[i + 1].b, ps[i + 1].e))
      ps[i].kind = NOISE_CAPTION;
  find_headline(p, ps, np, headline, out);
  bool prose_after = false; /* a short line is a label above prose */
  for (size_t i = np; i-- > 0;) {
    if (ps[i].kind == SHORT)
      ps[i].kind = prose_after ? NOISE_LABEL : PROSE;
    prose_after |= ps[i].kind == PROSE;
  }
  size_t dcap = 0, scap = 0;
  out->prose = sckg_xmalloc((np ? np : 1) * sizeof *out->prose);
  for (size_t i = 0; i < np; i++) {
    para *g = &ps[i];
    if (g->kind != PROSE) {
      drop(out, &dcap, g->b, g->e, (noise_kind)g->kind);
      continue;
    }
    if (g->pb > g->b)
      drop(out, &dcap, g->b, trim_end(p, g->b, g->pb), NOISE_DATELINE);
    if (g->pe > g->pb) {
      out->prose[out->n_prose++] = (text_span){g->pb, g->pe};
      split_sentences(s, p, g, out, &scap);
    }
    size_t c = g->pe;
    while (c < g->e && blank(p[c]))
      c++;
    if (c < g->e)
      drop(out, &dcap, c, g->e, NOISE_CREDIT);
  }
  free(ps);
}

void sckg_layout_free(article_layout *l) {
  free(l->prose);
  free(l->sents);
  free(l->dropped);
  memset(l, 0, sizeof *l);
}
