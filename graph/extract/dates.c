/* SPDX-License-Identifier: MIT */
/* Dates: explicit dates and weekdays resolved against the article's
 * date, and the date that belongs to an event. */
#include "extract/reader.h"

/* --- dates ----------------------------------------------------------- */

/* The number words.tsv gives token i, or `none`. */
static int value_of(const reader *r, size_t i, int none) {
  int v;
  return i < r->n && sckg_lexicon_word_value(r->s, r->toks[i].lower, &v) ? v
                                                                         : none;
}

static int month_of(const reader *r, size_t i) {
  if (!(ex_word(r, i) & W_MONTH) || !r->toks[i].cap)
    return 0; /* "may" the verb, "march" the noun */
  int m = value_of(r, i, 0);
  return m >= 1 && m <= 12 ? m : 0;
}

static int number_at(const reader *r, size_t i, int lo, int hi) {
  if (i >= r->n || r->toks[i].kind != TK_NUM)
    return 0;
  int v = 0;
  for (size_t k = r->toks[i].b; k < r->toks[i].e; k++) {
    char c = r->text[k];
    if (c < '0' || c > '9')
      return 0;
    v = v * 10 + (c - '0');
    if (v > 10000)
      return 0;
  }
  return v >= lo && v <= hi ? v : 0;
}

static void add_date(reader *r, size_t tok, sckg_date d) {
  if (r->nd < sizeof r->dates / sizeof *r->dates)
    r->dates[r->nd++] = (date_expr){tok, d};
}

/* Dates the sentence fixes, resolved against the article date. "since
 * March" is a span's start, not an event's date, and is skipped. */
void ex_find_dates(reader *r) {
  sckg_date ad = r->a->date;
  long today = ad.year ? sckg_date_days(ad) : 0;
  for (size_t i = 0; i < r->n; i++) {
    if (i > 0 && (ex_word(r, i - 1) & W_SPAN))
      continue;
    sckg_wclass w = ex_word(r, i);
    if (w & W_WEEKDAY) {
      if (!ad.year)
        continue;
      int iso = value_of(r, i, 0); /* Monday 1 ... Sunday 7 */
      if (iso < 1 || iso > 7)
        continue;
      /* 1970-01-01 was a Thursday (day 0 of the count): the last such
       * weekday on or before */
      int wd = (iso + 3) % 7;
      long cur = ((today % 7) + 7) % 7;
      long back = (cur - wd + 7) % 7;
      add_date(r, i, sckg_date_from_days(today - back));
      continue;
    }
    int m = month_of(r, i);
    if (m) {
      size_t j = i + 1;
      if (j < r->n && r->toks[j].kind == TK_PUNCT &&
          r->text[r->toks[j].b] == '.')
        j++;
      int day = number_at(r, j, 1, 31);
      int year = 0;
      if (day) {
        size_t y = j + 1;
        if (ex_is_comma(r, y))
          y++;
        year = number_at(r, y, 1900, 2100);
      } else {
        year = number_at(r, j, 1900, 2100);
      }
      if (!year && !ad.year)
        continue;
      sckg_date d = {year ? year : ad.year, m, day};
      if (!year && (m > ad.month || (m == ad.month && day > ad.day + 1)))
        d.year--; /* "in December" in a February article: last year's */
      add_date(r, i, d);
      continue;
    }
    if (ad.year && (w & W_DAYREF)) { /* "yesterday" */
      add_date(r, i, sckg_date_from_days(today + value_of(r, i, 0)));
      continue;
    }
    if (ad.year && (w & W_DAYUNIT) && i > 0 &&
        (ex_word(r, i - 1) & W_PERIODREF)) { /* "this afternoon" */
      add_date(r, i, sckg_date_from_days(today + value_of(r, i - 1, 0)));
      continue;
    }
    if (ad.year && (w & W_MONTHUNIT) && i > 0 &&
        (ex_word(r, i - 1) & W_PERIODREF)) { /* "last month" */
      sckg_date d = ad;
      d.day = 0;
      for (int k = value_of(r, i - 1, 0); k < 0; k++)
        if (--d.month == 0)
          d.month = 12, d.year--;
      for (int k = value_of(r, i - 1, 0); k > 0; k--)
        if (++d.month == 13)
          d.month = 1, d.year++;
      add_date(r, i, d);
    }
  }
}

/* "the May 2024 theft", "Thursday's launch": a date expression at token
 * `at` right before a nominal trigger other than t (only numbers, commas,
 * dots and a possessive between) dates that one, not t. */
static bool dates_a_noun(const reader *r, size_t at, const trigger *t) {
  for (size_t q = 0; q < r->nt; q++) {
    const trigger *u = &r->t[q];
    if (u == t || !(u->pat->flags & PAT_NOUN) || u->tb <= at || u->tb > at + 4)
      continue;
    bool modifier = true;
    for (size_t i = at + 1; i < u->tb && modifier; i++)
      modifier =
          r->toks[i].kind == TK_NUM || r->toks[i].kind == TK_POSS ||
          (r->toks[i].kind == TK_PUNCT &&
           (r->text[r->toks[i].b] == ',' || r->text[r->toks[i].b] == '.'));
    if (modifier)
      return true;
  }
  return false;
}

/* The date of the trigger's clause: the nearest date expression, but not
 * one after it that a relative clause holds ("rejected the accusation ...
 * about the ransomware that locked up computers in May"). */
sckg_date ex_date_near(const reader *r, const trigger *t) {
  sckg_date none = {0, 0, 0};
  long best = -1;
  size_t dist = (size_t)-1;
  /* "A report released on April 6 said North Korea laundered funds": what
   * a report says is not dated by the report */
  size_t report_end = 0;
  if (t->pat->flags & PAT_CRIME)
    for (size_t k = 0; k < r->nt; k++)
      if ((r->t[k].pat->flags & (PAT_REPORT | PAT_STATEMENT)) &&
          r->t[k].te <= t->tb && r->t[k].te > report_end)
        report_end = r->t[k].te;
  for (size_t k = 0; k < r->nd; k++) {
    size_t at = r->dates[k].tok;
    if (at < report_end || dates_a_noun(r, at, t))
      continue;
    bool blocked = false;
    for (size_t i = t->te; at >= t->te && i < at && !blocked; i++)
      blocked = (ex_word(r, i) & (W_CLAUSE | W_COMP)) != 0;
    /* "The FBI said on Feb. 26 that North Korea was behind the hack": the
     * date before "that" dates the saying, not the crime */
    for (size_t i = at + 1;
         (t->pat->flags & PAT_CRIME) && at < t->tb && i < t->tb && !blocked;
         i++)
      blocked = (ex_word(r, i) & W_COMP) != 0;
    if (blocked)
      continue;
    size_t d = at >= t->te ? at - t->te : t->tb - at;
    if (d < dist) {
      dist = d;
      best = (long)k;
    }
  }
  return best >= 0 ? r->dates[best].date : none;
}
