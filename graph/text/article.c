/* SPDX-License-Identifier: MIT */
#include "text/article.h"

#include <stdlib.h>
#include <string.h>

static bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool word_boundary(const char *text, size_t len, size_t b, size_t e) {
  bool left = b == 0 || !((text[b - 1] >= 'A' && text[b - 1] <= 'Z') ||
                          (text[b - 1] >= 'a' && text[b - 1] <= 'z'));
  bool right = e >= len || !((text[e] >= 'A' && text[e] <= 'Z') ||
                             (text[e] >= 'a' && text[e] <= 'z'));
  return left && right;
}

/* The length of `mark` when it stands at p[i], inside p[0..n) and on word
 * boundaries, else 0. */
static size_t mark_at(const char *p, size_t n, size_t i, const char *mark) {
  size_t m = 0;
  while (mark[m] && i + m < n && p[i + m] == mark[m])
    m++;
  return !mark[m] && word_boundary(p, n, i, i + m) ? m : 0;
}

/* Where the earliest publisher's credit mark stands in p[0..n), or n;
 * *pub: its index in publishers.tsv, the first of two marks at one place.
 * Each first byte of a mark is looked for once, and the marks that open
 * with it tried where it stands. */
static size_t first_mark(const sckg_schema *s, const char *p, size_t n,
                         size_t *pub) {
  size_t best = n;
  bool looked[256] = {false};
  for (size_t k = 0; k < s->n_pubs; k++) {
    unsigned char c = (unsigned char)s->pub_marks[k][0];
    if (!c || looked[c])
      continue;
    looked[c] = true;
    for (const char *q = memchr(p, c, best); q;) {
      size_t i = (size_t)(q - p), j = s->n_pubs;
      /* only the marks that open with c (pub_opens), the first in the
       * table that stands here */
      for (uint64_t may = s->pub_opens[c]; may; may &= may - 1)
        for (size_t m = (size_t)__builtin_ctzll(may); m < j; m += 64)
          if ((unsigned char)s->pub_marks[m][0] == c &&
              mark_at(p, n, i, s->pub_marks[m]))
            j = m;
      if (j < s->n_pubs) {
        best = i;
        *pub = j;
        break;
      }
      q = i + 1 < best ? memchr(q + 1, c, best - i - 1) : NULL;
    }
  }
  return best;
}

sckg_status sckg_article_read(const sckg_schema *s, const char *text,
                              size_t len, bool headline, article_text *out,
                              const char **why, size_t *where) {
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
  /* the publisher: the earliest credit mark; credits stand in the dateline
   * or a caption near the top, so only the head of a long text is read */
  size_t head = n < 4096 ? n : 4096, pub;
  if (first_mark(s, body, head, &pub) < head)
    out->publisher = s->pub_names[pub];
  size_t line = i; /* where the body's first line starts in the text */
  while (line > 0 && text[line - 1] != '\n' && text[line - 1] != '\r')
    line--;
  size_t indent = 0;
  for (size_t k = line; k < i; k++)
    indent += ((unsigned char)text[k] & 0xC0) != 0x80;
  sckg_layout_read(s, body, n, headline, indent, &out->layout);
  /* the title: the headline, else the first line of the first prose */
  const article_layout *l = &out->layout;
  if (l->title.e > l->title.b) {
    out->title = (sckg_str){body + l->title.b, l->title.e - l->title.b};
  } else if (l->n_prose) {
    size_t tb = l->prose[0].b, te = tb;
    while (te < l->prose[0].e && body[te] != '\n' && body[te] != '\r')
      te++;
    out->title = (sckg_str){body + tb, te - tb};
  }
  out->sents = l->sents;
  out->n_sents = l->n_sents;
  return SCKG_OK;
}

void sckg_article_text_free(article_text *a) {
  sckg_layout_free(&a->layout);
  a->sents = NULL;
  a->n_sents = 0;
}
