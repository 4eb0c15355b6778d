/* SPDX-License-Identifier: MIT */
#include "article.h"
#include "token.h"

#include <stdlib.h>
#include <string.h>

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool sckg_date_parse(const char *s, size_t n, sckg_date *out) {
  if (n != 10 || s[4] != '-' || s[7] != '-')
    return false;
  int v[3] = {0, 0, 0}, k = 0;
  for (size_t i = 0; i < n; i++) {
    if (i == 4 || i == 7) {
      k++;
      continue;
    }
    if (s[i] < '0' || s[i] > '9')
      return false;
    v[k] = v[k] * 10 + (s[i] - '0');
  }
  if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
      v[2] > month_days(v[0], v[1]))
    return false;
  out->year = v[0];
  out->month = v[1];
  out->day = v[2];
  return true;
}

/* Howard Hinnant's civil-from-days arithmetic (a published algorithm). */
long sckg_date_days(sckg_date d) {
  long y = d.year - (d.month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (d.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

sckg_date sckg_date_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  sckg_date d;
  d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
  d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
  d.year = (int)(yoe + era * 400 + (d.month <= 2));
  return d;
}

static bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static char lower_byte(char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Does the paragraph contain a noise mark, in any case? One pass over it:
 * marks are tried only where their first two bytes stand, and only those
 * that start with the byte there. */
static bool has_noise(const sckg_schema *s, const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned a = (unsigned char)lower_byte(p[i]),
             b = i + 1 < n ? (unsigned char)lower_byte(p[i + 1]) : 0;
    if (!(s->noise_pairs[(a * 256 + b) / 8] & (1u << (b % 8))))
      continue;
    for (size_t k = s->noise_from[a]; k < s->noise_from[a + 1]; k++) {
      const char *m = s->noise[k];
      size_t j = 1;
      while (m[j] && i + j < n && lower_byte(p[i + j]) == m[j])
        j++;
      if (!m[j])
        return true;
    }
  }
  return false;
}

static bool word_boundary(const char *text, size_t len, size_t b, size_t e) {
  bool left = b == 0 || !((text[b - 1] >= 'A' && text[b - 1] <= 'Z') ||
                          (text[b - 1] >= 'a' && text[b - 1] <= 'z'));
  bool right = e >= len || !((text[e] >= 'A' && text[e] <= 'Z') ||
                             (text[e] >= 'a' && text[e] <= 'z'));
  return left && right;
}

/* Where a publisher's credit mark occurs in p[0..n), or n. */
static size_t find_mark(const char *p, size_t n, const char *mark,
                        const char *text, size_t textlen, size_t base) {
  size_t m = strlen(mark);
  for (const char *q = p; m && (size_t)(q - p) + m <= n;) {
    q = memchr(q, mark[0], n - m + 1 - (size_t)(q - p));
    if (!q)
      break;
    size_t i = (size_t)(q - p);
    if (memcmp(q, mark, m) == 0 &&
        word_boundary(text, textlen, base + i, base + i + m))
      return i;
    q++;
  }
  return n;
}

/* A caption or photo credit ends with a bare credit mark after its last
 * sentence ("..., July 19, 2022. Reuters"), or has no closing punctuation
 * at all while standing on its own line. */
static bool is_caption(const sckg_schema *s, const char *p, size_t n) {
  while (n && is_space_byte(p[n - 1]))
    n--;
  if (!n)
    return false;
  char last = p[n - 1];
  bool closed = last == '.' || last == '!' || last == '?' || last == '"' ||
                last == ':' ||
                (n >= 3 && (unsigned char)p[n - 3] == 0xE2 &&
                 (unsigned char)p[n - 2] == 0x80 &&
                 ((unsigned char)last == 0x9D || (unsigned char)last == 0x99));
  if (!closed)
    return true;
  for (size_t i = 0; i < s->n_pubs; i++) {
    size_t m = strlen(s->pub_marks[i]);
    if (n > m + 2 && memcmp(p + n - m, s->pub_marks[i], m) == 0 &&
        p[n - m - 1] == ' ' && p[n - m - 2] == '.')
      return true;
  }
  return false;
}

/* Skip a dateline at the start of a paragraph: "WASHINGTON (AP) — ",
 * "SEOUL, May 23 (Yonhap) -- ", "Seoul (AFP) - ". It ends at the first dash
 * after a publisher mark within the first 80 bytes. */
static size_t skip_dateline(const sckg_schema *s, const char *p, size_t n) {
  size_t lim = n < 80 ? n : 80;
  size_t best = lim;
  for (size_t i = 0; i < s->n_pubs; i++) {
    size_t at = find_mark(p, lim, s->pub_marks[i], p, n, 0);
    if (at < best)
      best = at;
  }
  if (best == lim)
    return 0;
  for (size_t i = best; i + 2 < n && i < best + 30; i++) {
    bool dash =
        p[i] == '-' ||
        ((unsigned char)p[i] == 0xE2 && (unsigned char)p[i + 1] == 0x80 &&
         ((unsigned char)p[i + 2] == 0x94 || (unsigned char)p[i + 2] == 0x93));
    if (dash && i > 0 && p[i - 1] == ' ') {
      size_t j = i + 1;
      while (j < n && (p[j] == '-' || (unsigned char)p[j] >= 0x80) &&
             !(p[j] == ' '))
        j++;
      while (j < n && p[j] == ' ')
        j++;
      return j;
    }
  }
  return 0;
}

/* Words whose final dot does not end a sentence. */
static bool abbreviation(const char *w, size_t n) {
  static const char *const abbr[] = {
      "Mr",    "Mrs",  "Ms",   "Dr",     "Gen", "Lt",  "Col", "Sen",
      "Rep",   "Gov",  "Jan",  "Feb",    "Mar", "Apr", "Jun", "Jul",
      "Aug",   "Sep",  "Sept", "Oct",    "Nov", "Dec", "No",  "St",
      "Co",    "Corp", "Inc",  "Ltd",    "Jr",  "Sr",  "vs",  "Md",
      "Calif", "Mass", "Va",   "approx", "est", "Adm"};
  for (size_t i = 0; i < sizeof abbr / sizeof *abbr; i++)
    if (strlen(abbr[i]) == n && memcmp(abbr[i], w, n) == 0)
      return true;
  return false;
}

static bool starts_sentence(const char *p, size_t n, size_t i) {
  if (i >= n)
    return true;
  unsigned char c = (unsigned char)p[i];
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '\'')
    return true;
  return c == 0xE2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80 &&
         ((unsigned char)p[i + 2] == 0x9C || (unsigned char)p[i + 2] == 0x98);
}

/* Split a paragraph p[b..e) of the body into sentences. */
static void split_sentences(const char *body, size_t b, size_t e, bool noise,
                            sentence_span **arr, size_t *n, size_t *cap) {
  size_t start = b;
  for (size_t i = b; i < e; i++) {
    char c = body[i];
    if (c != '.' && c != '!' && c != '?')
      continue;
    size_t end = i + 1;
    /* a closing quote belongs to the sentence it ends */
    while (end < e &&
           (body[end] == '"' || body[end] == '\'' || body[end] == ')'))
      end++;
    if (end + 2 < e && (unsigned char)body[end] == 0xE2 &&
        (unsigned char)body[end + 1] == 0x80 &&
        ((unsigned char)body[end + 2] == 0x9D ||
         (unsigned char)body[end + 2] == 0x99))
      end += 3;
    size_t next = end;
    bool spaced = false;
    while (next < e && (body[next] == ' ' || body[next] == '\t')) {
      next++;
      spaced = true;
    }
    if (next < e && !starts_sentence(body, e, next))
      continue;
    if (c == '.') {
      size_t w = i;
      while (w > start &&
             ((body[w - 1] >= 'A' && body[w - 1] <= 'Z') ||
              (body[w - 1] >= 'a' && body[w - 1] <= 'z') || body[w - 1] == '.'))
        w--;
      size_t wl = i - w;
      bool initials = wl >= 1 && memchr(body + w, '.', wl) != NULL; /* U.S. */
      if (abbreviation(body + w, wl) ||
          (wl == 1 && body[w] >= 'A' && body[w] <= 'Z'))
        continue;
      if (initials) {
        /* "U.S." ends a sentence only before a word that usually starts one */
        static const char *const starters[] = {"The ",  "It ",  "He ",  "She ",
                                               "They ", "In ",  "A ",   "But ",
                                               "On ",   "Its ", "This "};
        bool starter = false;
        for (size_t k = 0; k < sizeof starters / sizeof *starters; k++) {
          size_t sl = strlen(starters[k]);
          if (next + sl <= e && memcmp(body + next, starters[k], sl) == 0)
            starter = true;
        }
        if (!starter)
          continue;
      }
      if (!spaced && next < e &&
          !(i > 0 && body[i - 1] >= 'a' && body[i - 1] <= 'z'))
        continue; /* "1.5", "Blender.io" were not cut; only "reasons.The" */
    } else if (!spaced && next < e) {
      continue;
    }
    if (*n == *cap) {
      *cap = *cap ? *cap * 2 : 32;
      *arr = sckg_xrealloc(*arr, *cap * sizeof **arr);
    }
    (*arr)[(*n)++] = (sentence_span){start, end, noise};
    start = next;
    i = next ? next - 1 : 0;
  }
  while (start < e && is_space_byte(body[start]))
    start++;
  size_t end = e;
  while (end > start && is_space_byte(body[end - 1]))
    end--;
  if (end > start) {
    if (*n == *cap) {
      *cap = *cap ? *cap * 2 : 32;
      *arr = sckg_xrealloc(*arr, *cap * sizeof **arr);
    }
    (*arr)[(*n)++] = (sentence_span){start, end, noise};
  }
}

sckg_status sckg_article_read(const sckg_schema *s, const char *text,
                              size_t len, article_text *out, const char **why,
                              size_t *where) {
  memset(out, 0, sizeof *out);
  size_t i = 0;
  if (len >= 3 && (unsigned char)text[0] == 0xEF &&
      (unsigned char)text[1] == 0xBB && (unsigned char)text[2] == 0xBF)
    i = 3; /* a byte order mark is not text */
  /* the date line: " date YYYY-MM-DD", then a line break or the first
   * paragraph on the same line */
  size_t j = i;
  while (j < len && (text[j] == ' ' || text[j] == '\t'))
    j++;
  if (len - j >= 5 && memcmp(text + j, "date ", 5) == 0) {
    size_t d = j + 5;
    while (d < len && text[d] == ' ')
      d++;
    if (len - d < 10 || !sckg_date_parse(text + d, 10, &out->date) ||
        (len - d > 10 && !is_space_byte(text[d + 10]))) {
      *why = "the date line must read ' date YYYY-MM-DD' with a real date";
      *where = j;
      return SCKG_ERR_INPUT;
    }
    i = d + 10;
    while (i < len && is_space_byte(text[i]))
      i++;
  }
  out->body = text + i;
  out->len = len - i;
  const char *body = out->body;
  size_t n = out->len;
  /* the title: the first line */
  size_t t = 0;
  while (t < n && is_space_byte(body[t]))
    t++;
  size_t te = t;
  while (te < n && body[te] != '\n' && body[te] != '\r')
    te++;
  size_t tb = t;
  while (te > tb && is_space_byte(body[te - 1]))
    te--;
  out->title = (sckg_str){body + tb, te - tb};
  /* the publisher: the earliest credit mark; credits stand in the dateline
   * or a caption near the top, so only the head of a long text is read */
  size_t head = n < 4096 ? n : 4096;
  size_t best = head;
  for (size_t k = 0; k < s->n_pubs; k++) {
    size_t at = find_mark(body, head, s->pub_marks[k], body, n, 0);
    if (at < best) {
      best = at;
      out->publisher = s->pub_names[k];
    }
  }
  /* paragraphs are lines, ended by LF, CRLF or a lone CR (the CR of a
   * CRLF ends the line, the LF then ends an empty one); each is split into
   * sentences, so no sentence holds a line break */
  size_t cap = 0;
  for (size_t p = 0; p < n;) {
    size_t e = p;
    while (e < n && body[e] != '\n' && body[e] != '\r')
      e++;
    size_t b = p;
    while (b < e && is_space_byte(body[b]))
      b++;
    if (b < e) {
      bool noise =
          has_noise(s, body + b, e - b) || is_caption(s, body + b, e - b);
      /* a credit line of an embedded post: "— The Associated Press (@AP) ..."
       */
      if ((unsigned char)body[b] == 0xE2 && e - b > 3 &&
          (unsigned char)body[b + 1] == 0x80 &&
          (unsigned char)body[b + 2] == 0x94)
        noise = true;
      size_t skip = noise ? 0 : skip_dateline(s, body + b, e - b);
      split_sentences(body, b + skip, e, noise, &out->sents, &out->n_sents,
                      &cap);
    }
    p = e + 1;
  }
  return SCKG_OK;
}

void sckg_article_text_free(article_text *a) {
  free(a->sents);
  a->sents = NULL;
  a->n_sents = 0;
}
