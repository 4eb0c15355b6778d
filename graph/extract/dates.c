/* SPDX-License-Identifier: MIT */
/* Dates: explicit dates and weekdays resolved against the article's
 * date, and the date that belongs to an event. */
#include "extract/reader.h"
#include "lexicon/morph.h"

#include <ctype.h>

/* --- dates ----------------------------------------------------------- */

/* The number words.tsv gives token i, or `none`. */
static int value_of(const reader *r, size_t i, int none) {
  return i < r->n && r->lexw[i] && r->lexw[i]->has_num ? r->lexw[i]->num : none;
}

static int month_of(const reader *r, size_t i) {
  if (!(ex_word(r, i) & W_MONTH) || !r->toks[i].cap)
    return 0; /* "may" the verb, "march" the noun */
  int m = value_of(r, i, 0);
  return m >= 1 && m <= 12 ? m : 0;
}

/* The day of the month at token i: "11", or "11th" (one or two digits
 * and a two-letter ordinal ending); 0 when none. */
static int day_at(const reader *r, size_t i) {
  int v = ex_number_at(r, i, 1, 31);
  if (v || i >= r->n || r->toks[i].kind != TK_NUM)
    return v;
  size_t b = r->toks[i].b, e = r->toks[i].e, k = b;
  /* no more than three digits are read: a day has two, and a long run of
   * them must not overflow */
  while (k < e && k - b < 3 && r->text[k] >= '0' && r->text[k] <= '9')
    v = v * 10 + (r->text[k++] - '0');
  bool ordinal = k > b && k - b <= 2 && e - k == 2 &&
                 isalpha((unsigned char)r->text[k]) &&
                 isalpha((unsigned char)r->text[k + 1]);
  return ordinal && v >= 1 && v <= 31 ? v : 0;
}

/* A date the text tells at token tok. One the calendar lacks (a 31st in a
 * month of 30 days, a 29th of February in a common year) is a slip of the
 * text, refused: it dates nothing rather than a day the text never meant. */
static void add_date(reader *r, size_t tok, sckg_date d) {
  if (sckg_date_real(d) && r->nd < sizeof r->dates / sizeof *r->dates)
    r->dates[r->nd++] = (date_expr){tok, d};
}

static bool fixes_day(sckg_date d) { return d.year && d.day; }

/* The year of a month (and day) without one: the last such day on or
 * before the article's (a day ahead tolerated): "in December" in a
 * February article is last year's. */
static int year_of(sckg_date ad, int m, int day) {
  return m > ad.month || (m == ad.month && day > ad.day + 1) ? ad.year - 1
                                                             : ad.year;
}

/* "24 March", "26 April 2022": the day before the month, as British and
 * U.N. texts write it; the tokens it spans, 0 when none. */
static size_t day_month(reader *r, size_t i) {
  int day = day_at(r, i);
  int m = day ? month_of(r, i + 1) : 0;
  if (!m)
    return 0;
  int year = ex_number_at(r, i + 2, 1900, 2100);
  sckg_date ad = r->a->date;
  if (!year && !ad.year)
    return 0;
  add_date(r, i, (sckg_date){year ? year : year_of(ad, m, day), m, day});
  return year ? 3 : 2;
}

/* d moved by `days` days; a month alone is not moved. */
static sckg_date shifted(sckg_date d, int days) {
  /* no shift, most often (ex_date_near): every date was real when told
   * (add_date), so it comes back as it is */
  if (!days || !fixes_day(d))
    return d;
  return sckg_date_from_days(sckg_date_days(d) + days);
}

/* The word classes a date of find_absolute opens on, besides a number. */
#define DATE_OPENERS (W_WEEKDAY | W_MONTH | W_DAYREF | W_DAYUNIT | W_MONTHUNIT)

/* Dates the sentence fixes by itself, resolved against the article date.
 * "since March" is a span's start, not an event's date, and is skipped. */
static void find_absolute(reader *r) {
  sckg_date ad = r->a->date;
  if (!(r->kinds_seen & 1u << TK_NUM) &&
      !(r->classes_seen & (DATE_OPENERS | W_SPAN)))
    return; /* none of the tokens a date may open on, below */
  for (size_t i = 0; i < r->n; i++) {
    /* most tokens open no date: a date opens on a number or on one of
     * these word classes, or follows a word of a span */
    if (r->toks[i].kind != TK_NUM && !(ex_word(r, i) & DATE_OPENERS) &&
        !(i > 0 && (ex_word(r, i - 1) & W_SPAN)))
      continue;
    if (i > 0 && (ex_word(r, i - 1) & W_SPAN)) {
      if (day_at(r, i) && month_of(r, i + 1))
        i++; /* "since 24 March" */
      continue;
    }
    size_t span = day_month(r, i);
    if (span) {
      i += span - 1;
      continue;
    }
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
      /* the article's day as a count, reckoned only where a day is told
       * relative to it: most sentences tell none */
      long today = sckg_date_days(ad);
      long cur = ((today % 7) + 7) % 7;
      long back = (cur - wd + 7) % 7;
      /* "last Friday" in Friday's article is a week ago */
      if (!back && i > 0 && (ex_word(r, i - 1) & W_PERIODREF) &&
          value_of(r, i - 1, 0) < 0)
        back = 7;
      add_date(r, i, sckg_date_from_days(today - back));
      continue;
    }
    int m = month_of(r, i);
    if (m) {
      size_t j = i + 1;
      if (j < r->n && r->toks[j].kind == TK_PUNCT &&
          r->text[r->toks[j].b] == '.')
        j++;
      int day = day_at(r, j);
      int year = 0;
      if (day) {
        size_t y = j + 1;
        if (ex_is_comma(r, y))
          y++;
        year = ex_number_at(r, y, 1900, 2100);
      } else {
        year = ex_number_at(r, j, 1900, 2100);
      }
      if (!year && !ad.year)
        continue;
      add_date(r, i, (sckg_date){year ? year : year_of(ad, m, day), m, day});
      continue;
    }
    if (ad.year && (w & W_DAYREF)) { /* "yesterday" */
      add_date(r, i, shifted(ad, value_of(r, i, 0)));
      continue;
    }
    if (ad.year && (w & W_DAYUNIT) && i > 0 &&
        (ex_word(r, i - 1) & W_PERIODREF)) { /* "this afternoon" */
      add_date(r, i, shifted(ad, value_of(r, i - 1, 0)));
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

/* The date told nearest before token i among the sentence's first `n`
 * dates, a month alone too; year 0 when none. */
static sckg_date told_before(const reader *r, size_t n, size_t i) {
  sckg_date best = {0, 0, 0};
  size_t at = 0;
  for (size_t k = 0; k < n; k++)
    if (r->dates[k].tok < i && r->dates[k].tok >= at)
      at = r->dates[k].tok, best = r->dates[k].date;
  return best;
}

/* Is token i "day" (a period one day long)? */
static bool one_day(const reader *r, size_t i) {
  return (ex_word(r, i) & W_PERIOD) && value_of(r, i, 0) == 1;
}

/* How many days "a day", "two days", "3 days" before token i count; 0
 * when no such phrase stands there. */
static int days_before(const reader *r, size_t i) {
  if (i < 2 || !one_day(r, i - 1))
    return 0;
  if (ex_word(r, i - 2) & W_ARTICLE)
    return 1;
  if (ex_word(r, i - 2) & W_CARDINAL)
    return value_of(r, i - 2, 0);
  return ex_number_at(r, i - 2, 1, 31);
}

/* Days told relative to another: "the same day", "a day later", "the
 * next day" count from the date told last before them, in the sentence or
 * else in the article; none when that was a month alone ("a case unveiled
 * in March ... the same day"). ("On Tuesday, a day after Seoul acted" is
 * left: its clause would be Monday's, but a noun after "after" names the
 * day it counts from, not its own.) */
static void find_relative(reader *r) {
  size_t n = r->nd; /* the sentence's own dates: no chains */
  if (!(r->classes_seen & W_PERIOD))
    return;
  /* to the last token: "blacklisted him the same day" may end a
   * paragraph without a period */
  for (size_t i = 1; i < r->n; i++) {
    /* each phrase below holds a period word (W_PERIOD) at token i or i + 1 */
    if (!((ex_word(r, i) | ex_word(r, i + 1)) & W_PERIOD))
      continue;
    sckg_wclass prev = ex_word(r, i - 1),
                next = i + 1 < r->n ? ex_word(r, i + 1) : 0;
    sckg_date told = told_before(r, n, i);
    if (!told.year)
      told = r->st.day;
    if (!fixes_day(told))
      continue;
    if (one_day(r, i) && (prev & W_SAME)) /* "the same day" */
      add_date(r, i, told);
    else if (one_day(r, i + 1) && (prev & W_DEFINITE) &&
             (ex_word(r, i) & W_SHIFT)) /* "the next day" */
      add_date(r, i, shifted(told, value_of(r, i, 0)));
    else if (days_before(r, i + 1) && !(prev & W_DEFINITE) &&
             (next & W_SHIFT)) /* "a day later", "two days earlier" */
      add_date(r, i,
               shifted(told, days_before(r, i + 1) * value_of(r, i + 1, 0)));
  }
}

/* Does event noun "the vote", "the decision" name an act of type t: a step
 * taken in words or measures (a veto, a ban), not a launch or a hack told
 * in passing ("the draft would have condemned the launch of 24 March")? */
static bool names_step(const reader *r, sckg_event_type t) {
  return ex_is_act(r, t) && sckg_type(r->s, t)->family <= SCKG_FAM_MEASURE;
}

/* The day of the latest act told before this sentence with its day that
 * the noun at token h heads a pattern of ("the talks": the Consult told
 * on Wednesday, not the one "had met in April 2019" told after it), or,
 * for an event noun, of a step ("before the vote": the veto told on
 * Thursday); none when h names none. */
static sckg_date occasion_day(const reader *r, size_t h) {
  sckg_date none = {0, 0, 0};
  if (!ex_is_lower_word(r, h))
    return none;
  uint32_t types = r->lexw[h] ? r->lexw[h]->heads : 0;
  if (!types && !(ex_word(r, h) & W_EVENTNOUN))
    return none;
  for (size_t i = r->out->n_events; i-- > 0;) {
    const ex_event *e = &r->out->events[i];
    if (e->sent < r->sent_index &&
        (types ? (types >> e->type) & 1 : names_step(r, e->type)) &&
        fixes_day(e->date))
      return e->date;
  }
  return none;
}

/* A fronted adjunct of time, before the main clause's verb and closed by
 * a comma, that names an occasion told before with its day puts that
 * clause on that day: "After the summit, Yoon told reporters", "Speaking
 * after the talks, Kim said", "In her statement, Choe said", or days away
 * from it ("Two days after the launch, Tokyo said"). The day stands at the
 * adjunct's last word, so the main clause's own date, nearer, wins. */
static void find_occasion(reader *r) {
  size_t seq = r->n, c = 0;
  if (!(r->classes_seen & W_SEQUENCE) && !(ex_word(r, 0) & W_LOCPREP))
    return; /* no word that the adjunct may open on */
  for (size_t i = 0; i < r->n && !ex_is_comma(r, i); i++) {
    /* "In her statement, Choe said", "At the summit, Yoon said": a place
     * preposition that opens the sentence places it at the occasion */
    if (seq == r->n && (ex_word(r, i) & (W_SEQUENCE | (i ? 0 : W_LOCPREP))))
      seq = i;
    c = i + 1;
  }
  if (seq == r->n || c >= r->n || c < seq + 3 ||
      !(ex_word(r, seq + 1) & (W_DEFINITE | W_POSSPRON)))
    return;
  /* "Japan imposed sanctions after the vote, ...": no adjunct (the verbs
   * are looked for last: the tests above are cheaper and rule out most) */
  for (size_t i = 0; i < c; i++)
    if (ex_finite_verb(r, i))
      return;
  /* "A day after the attack, the regulator said": days away from it */
  sckg_date d = shifted(occasion_day(r, c - 1),
                        -days_before(r, seq) * value_of(r, seq, 0));
  if (fixes_day(d))
    add_date(r, c - 1, d);
}

/* "The sanctions came two days after Pyongyang fired a missile": an act
 * named again at the head of a sentence with no date of its own, told
 * before with its day, is the day that "two days after" counts from. */
static void find_named_subject(reader *r) {
  if (r->nd || r->n < 4 || !(ex_word(r, 0) & W_DEFINITE) ||
      !(r->classes_seen & W_SEQUENCE))
    return;
  bool shifts = false;
  for (size_t i = 2; i < r->n && !shifts; i++)
    shifts =
        (ex_word(r, i) & W_SEQUENCE) && days_before(r, i) && value_of(r, i, 0);
  sckg_date d = shifts ? occasion_day(r, 1) : (sckg_date){0, 0, 0};
  if (fixes_day(d))
    add_date(r, 1, d);
}

/* Which prose paragraph the sentence is in: sentences come in order. */
static void track_paragraph(reader *r) {
  const article_layout *l = &r->a->layout;
  size_t b = r->a->sents[r->sent_index].b;
  while (r->st.para + 1 < l->n_prose && b >= l->prose[r->st.para].e)
    r->st.para++;
}

static bool dates_a_noun(const reader *r, size_t at, const trigger *t);

/* Does the date at token `at` open the sentence, set off by a comma ("On
 * Tuesday, ...", "On March 5, ...")? */
static bool opens_sentence(const reader *r, size_t at) {
  if (at > 1 || (at == 1 && !(ex_word(r, 0) & (W_PREP | W_LOCPREP))))
    return false;
  size_t i = at + 1;
  while (i < r->n && i < at + 4 && !ex_is_comma(r, i) &&
         (r->toks[i].kind == TK_NUM || r->toks[i].kind == TK_PUNCT))
    i++;
  return i < r->n && ex_is_comma(r, i);
}

/* A sentence that tells a date sets the context of the sentences after
 * it ("Pyongyang hit back on Thursday. A spokesman said ..."): remember
 * its last date (a month alone too: no day then), its paragraph and the
 * actors it names. A date that dates a thing ("yesterday's launches"), or
 * stands in a relative clause, is no time of the telling. */
static void remember_day(reader *r) {
  article_state *st = &r->st;
  long last = -1;
  for (size_t k = 0; k < r->nd; k++) {
    if (dates_a_noun(r, r->dates[k].tok, NULL) || r->clause[r->dates[k].tok])
      continue;
    if (last < 0 || r->dates[k].tok > r->dates[last].tok)
      last = (long)k;
  }
  if (last < 0)
    return;
  /* a day the article fixes that is its own date, counted from it ("this
   * afternoon", "today") or named ("on Friday" in Friday's article), makes
   * it a report of that day: written as it happened */
  sckg_date ad = r->a->date;
  for (size_t k = 0; k < r->nd && !st->report_day.year; k++) {
    size_t at = r->dates[k].tok;
    sckg_date d = r->dates[k].date;
    if (!dates_a_noun(r, at, NULL) && !r->clause[at] &&
        (ex_word(r, at) & (W_DAYREF | W_DAYUNIT | W_WEEKDAY)) &&
        d.year == ad.year && d.month == ad.month && d.day == ad.day)
      st->report_day = ad;
  }
  st->day = r->dates[last].date;
  st->day_frame = opens_sentence(r, r->dates[last].tok);
  st->day_para = st->para;
  st->day_sent = r->sent_index;
  st->n_day_actors = 0;
  for (size_t i = 0; i < r->nm; i++)
    if (r->m[i].kind != M_ADJ)
      ex_copy_actors(st->day_actors, &st->n_day_actors, r->m[i].actors,
                     r->m[i].n);
}

/* Dates the sentence fixes, resolved against the article date and the
 * days told before. */
void ex_find_dates(reader *r) {
  track_paragraph(r);
  find_absolute(r);
  if (!r->a->date.year)
    return;
  find_relative(r);
  find_occasion(r);
  find_named_subject(r);
  remember_day(r);
}

/* Is trigger t a verb in the perfect ("has denied", "had long urged"):
 * an act told so is not dated by the day of its context. */
static bool perfect(const reader *r, const trigger *t) {
  if (t->te > t->tb + 1 && (ex_word(r, t->tb) & W_PERFECT))
    return true; /* a trigger that holds it: "has denied" */
  for (size_t i = t->tb; i > 0 && t->tb - i < 4 && ex_is_adverb(r, i - 1); i--)
    if (ex_word(r, i - 1) & W_PERFECT)
      return true;
  return false;
}

/* Is trigger t a verb in the past ("said", "voiced alarm"), not in the
 * present ("says") nor a noun? */
static bool past_verb(const reader *r, const trigger *t) {
  return (ex_verb_inflections(r, t->tb) &
          (1u << SCKG_INFL_ED | 1u << SCKG_INFL_IRREGULAR)) &&
         !perfect(r, t);
}

/* Does the sentence tell a time other than `day`, its report's, for
 * trigger t: a day or month of its own (not one that dates a noun: "the
 * findings, released on Thursday", not "Monday's steps"), a year after a
 * preposition ("in 2019"), a period ("last year", "this week")? One past
 * a verb of saying is what is said's ("said it had fired 20 missiles this
 * year"). */
static bool tells_other_time(const reader *r, const trigger *t, sckg_date day) {
  size_t end = (t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) &&
                       !(t->pat->flags & PAT_NOUN)
                   ? t->te
                   : r->n;
  for (size_t k = 0; k < r->nd; k++) {
    sckg_date d = r->dates[k].date;
    if (r->dates[k].tok < end && !dates_a_noun(r, r->dates[k].tok, NULL) &&
        (d.year != day.year || d.month != day.month ||
         (d.day && d.day != day.day)))
      return true;
  }
  for (size_t i = 1; i < end; i++)
    if (((ex_word(r, i - 1) & (W_PREP | W_LOCPREP)) &&
         ex_number_at(r, i, 1900, 2100)) ||
        ((ex_word(r, i) & W_PERIOD) && (ex_word(r, i - 1) & W_PERIODREF)))
      return true;
  return false;
}

sckg_date ex_context_day(const reader *r, const trigger *t, sckg_date have,
                         ex_actor *const *agents, size_t n) {
  const article_state *st = &r->st;
  if (have.day || perfect(r, t))
    return have;
  sckg_date d = {0, 0, 0};
  bool told = fixes_day(st->day) && st->day_para == st->para;
  if (told && st->day_sent < r->sent_index) {
    /* the paragraph's day, for actors its sentence named: "Pyongyang hit
     * back on Thursday. A foreign ministry spokesman said ..." */
    for (size_t k = 0; k < n && !d.year; k++)
      for (size_t q = 0; q < st->n_day_actors && !d.year; q++)
        if (ex_kin(agents[k], st->day_actors[q]))
          d = st->day;
    /* a day that opens its sentence frames the paragraph: "On Tuesday, Abe
     * said ... In Sydney, Turnbull accused Kim": what is said after it in
     * the past, with no time of its own, falls on it */
    if (!d.year && st->day_frame && past_verb(r, t) &&
        !tells_other_time(r, t, st->day))
      d = st->day;
  } else if (!told && st->report_day.year && past_verb(r, t) &&
             !tells_other_time(r, t, st->report_day)) {
    /* a report of the day: what is said in the past with no day of its
     * own, in a paragraph that told of no other day, is said that day */
    d = st->report_day;
  }
  /* a month alone ("for May") is refined only by a day inside it */
  if (have.year && (d.year != have.year || d.month != have.month))
    return have;
  return d.year ? d : have;
}

/* Is the date at token `at` a possessive after "after" or "before"
 * ("hours before Tuesday's summit", "told the council after Wednesday's
 * vote")? It names the occasion its clause is told by, and its day. */
static bool occasion(const reader *r, size_t at) {
  return at > 0 && at + 2 < r->n && (ex_word(r, at - 1) & W_SEQUENCE) &&
         r->toks[at + 1].kind == TK_POSS;
}

/* "the May 2024 theft", "Thursday's launch": a date expression at token
 * `at` right before a nominal trigger other than t (t may be NULL) (only
 * numbers, commas, dots and a possessive between) dates that one, not t. */
static bool dates_a_noun(const reader *r, size_t at, const trigger *t) {
  /* "Monday's steps", "yesterday's launch": a possessive day is its
   * noun's, but after "after" or "before" it is the day of the occasion
   * its clause is told by ("told the council after Wednesday's vote") */
  if (occasion(r, at))
    return false;
  if (at + 2 < r->n && r->toks[at + 1].kind == TK_POSS &&
      !(t && t->tb == at + 2))
    return true;
  /* "the August breach", "the March 26 sinking": after a determiner, a
   * date right before a common noun modifies it, whatever the noun */
  if (at > 0 && (ex_word(r, at - 1) & W_DET)) {
    size_t j = at + 1;
    while (j < r->n &&
           (r->toks[j].kind == TK_NUM ||
            (r->toks[j].kind == TK_PUNCT && r->text[r->toks[j].b] == '.')))
      j++;
    sckg_wclass closed = W_PREP | W_DET | W_CONJ | W_CLAUSE | W_COMP |
                         W_RELATIVE | W_AUX | W_BE | W_SAY;
    if (j < r->n && ex_is_lower_word(r, j) && (ex_pos(r, j) & SCKG_POS_NOUN) &&
        !(ex_word(r, j) & closed) && !(t && t->tb == j))
      return true;
  }
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

/* Does a clause of its own open at token i: a comma and "and" with a verb
 * after them, before the next comma ("condemned the launch, and on Tuesday
 * Tokyo urged China to act"; not the list "banks in China, Russia, and
 * Iran on Tuesday, the Treasury said")? */
static bool opens_conjunct(const reader *r, size_t i) {
  if (!ex_is_comma(r, i) || i + 1 >= r->n || !ex_is_lower_word(r, i + 1) ||
      !(ex_word(r, i + 1) & W_CONJ))
    return false;
  size_t end = i + 2;
  for (; end < r->n && !ex_is_comma(r, end); end++)
    if (ex_finite_verb(r, end))
      return true;
  for (size_t q = 0; q < r->nt; q++)
    if (r->t[q].tb > i + 1 && r->t[q].tb < end &&
        !(r->t[q].pat->flags & PAT_NOUN))
      return true;
  return false;
}

/* The date of the trigger's clause: the nearest date expression, but not
 * one after it that a relative clause holds ("rejected the accusation ...
 * about the ransomware that locked up computers in May"). */
sckg_date ex_date_near(const reader *r, const trigger *t) {
  sckg_date best = {0, 0, 0};
  if (!r->nd)
    return best; /* most sentences tell no date */
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
    /* a date belongs to its clause: "blaming Pyongyang for the attack that
     * sank a corvette in March, vowed ..." does not date the vow */
    if (at < report_end || dates_a_noun(r, at, t) ||
        r->clause[at] != r->clause[t->tb])
      continue;
    bool blocked = false;
    /* "condemned Seoul after Monday's vote": the occasion's day */
    size_t end = occasion(r, at) ? at - 1 : at;
    for (size_t i = t->te; at >= t->te && i < end && !blocked; i++)
      blocked =
          (ex_word(r, i) & (W_CLAUSE | W_COMP)) != 0 || opens_conjunct(r, i);
    /* "said Wednesday it was examining a plan, hours after Trump warned":
     * "after" or "before" between a date and the trigger opens another
     * time */
    size_t lo = at < t->tb ? at + 1 : t->te, hi = at < t->tb ? t->tb : at;
    int shift = 0;
    for (size_t i = lo; i < hi && !blocked; i++) {
      if (!(ex_word(r, i) & W_SEQUENCE) || (end < at && i == end))
        continue;
      /* "said on Tuesday, after the floods, that": a phrase closed by a
       * comma before the trigger leaves the trigger's time alone */
      bool closed = false;
      for (size_t j = i + 1; at < t->tb && j < t->tb && !closed; j++)
        closed = ex_is_comma(r, j);
      /* "sanctioned Pyongyang on Tuesday, a day after it fired a missile",
       * "the day after the launch", "two days after": days away from the
       * date, by the word's value (after -1), for the clause's verb or the
       * noun right after it (not "a day after Seoul acted in protest of
       * the launch") */
      int days = days_before(r, i);
      if (!closed && at < t->tb && !shift && days && value_of(r, i, 0) &&
          (!(t->pat->flags & PAT_NOUN) || t->tb <= i + 3)) {
        shift = days * value_of(r, i, 0);
        continue;
      }
      blocked = !closed;
    }
    /* "Kim guided a drill, state media reported Tuesday": a date after a
     * speech tag set off by a comma dates the telling, not what is told */
    for (size_t q = 0; at > t->te && q < r->nt && !blocked; q++) {
      const trigger *u = &r->t[q];
      if (u == t || !(u->pat->flags & (PAT_REPORT | PAT_STATEMENT)) ||
          (u->pat->flags & PAT_NOUN) || u->tb < t->te || u->te > at)
        continue;
      for (size_t i = t->te; i < u->tb && !blocked; i++)
        blocked = ex_is_comma(r, i);
    }
    /* "Putin said Russia complies with the rules, in force since 2019":
     * after a verb of saying, a date past the start of what is said (a
     * name, its subject) dates what is said, not the saying */
    for (size_t q = 0;
         (t->pat->flags & PAT_REPORT) && !(t->pat->flags & PAT_NOUN) &&
         at >= t->te && q < r->nm && !blocked;
         q++)
      blocked = r->m[q].tb >= t->te && r->m[q].tb < at;
    /* "The FBI said on Feb. 26 that North Korea was behind the hack",
     * "Seoul on Monday blamed Pyongyang for the hack", "sanctioned them on
     * Friday over cyberattacks": the date before "that", a speech act or
     * an official act dates that, not the crime */
    bool crime = (t->pat->flags & PAT_CRIME) && !shift;
    for (size_t i = at + 1; crime && at < t->tb && i < t->tb && !blocked; i++)
      blocked = (ex_word(r, i) & W_COMP) != 0;
    for (size_t q = 0; crime && at < t->tb && q < r->nt && !blocked; q++)
      blocked = r->t[q].tb > at && r->t[q].te <= t->tb &&
                (ex_is_speech(r, r->t[q].pat->type) ||
                 (sckg_type(r->s, r->t[q].pat->type)->roles & TYPE_OFFICIAL));
    if (blocked)
      continue;
    size_t d = at >= t->te ? at - t->te : t->tb - at;
    if (d < dist) {
      dist = d;
      best = shifted(r->dates[k].date, shift);
    }
  }
  return best;
}

/* May token i stand between a determiner and the noun it opens ("the Oct.
 * 16 attack", "the $50 million heist", "the failed launch")? */
static bool noun_modifier(const reader *r, size_t i) {
  const token *tk = &r->toks[i];
  if (tk->kind == TK_NUM || month_of(r, i))
    return true;
  if (tk->kind == TK_PUNCT)
    return strchr(".,$-", r->text[tk->b]) != NULL;
  sckg_wclass closed = W_PREP | W_DET | W_CONJ | W_CLAUSE | W_COMP |
                       W_RELATIVE | W_AUX | W_BE | W_SAY | W_NEG | W_MODAL;
  return ex_is_lower_word(r, i) && !(ex_word(r, i) & closed);
}

/* "Trump issued the warning on Tuesday": a verb of telling right before a
 * phrase (at b, past its determiner) tells again the speech act the phrase
 * names; the verb's trigger, or NULL. */
static const trigger *telling_before(const reader *r, size_t b) {
  for (size_t q = 0; q < r->nt; q++) {
    const trigger *u = &r->t[q];
    if (!(u->pat->flags & PAT_NOUN) && u->te + 1 == b &&
        ex_is_speech(r, u->pat->type))
      return u;
  }
  return NULL;
}

/* Is e a speech act (of `types`, when the noun heads patterns) that one of
 * this sentence's speakers told before: "Trump warned Pyongyang ... Trump
 * issued the warning on Tuesday"? */
static bool retold(const reader *r, uint32_t types, const ex_event *e) {
  if (!ex_is_speech(r, e->type) || (types && !((types >> e->type) & 1)))
    return false;
  for (size_t i = r->out->n_events; i-- > 0;) {
    const ex_event *c = &r->out->events[i];
    if (c->sent != r->sent_index)
      break;
    for (size_t k = 0; ex_is_speech(r, c->type) && k < c->n_agents; k++)
      for (size_t q = 0; q < e->n_agents; q++)
        if (ex_kin(c->agents[k], e->agents[q]))
          return true;
  }
  return false;
}

void ex_date_named_again(reader *r) {
  /* only an event of an earlier sentence is dated below: events come in
   * the order of their sentences, so with the first of this one there is
   * none */
  if (!r->a->date.year || !r->nd || !r->out->n_events ||
      r->out->events[0].sent == r->sent_index)
    return;
  for (size_t h = 1; h < r->n; h++) {
    if (!ex_is_lower_word(r, h))
      continue;
    sckg_wclass w = ex_word(r, h);
    uint32_t types = r->lexw[h] ? r->lexw[h]->heads : 0;
    bool said = w & W_UTTERANCE;
    if (!types && !said && !(w & W_EVENTNOUN))
      continue; /* an event noun names an act of any type */
    /* a verb's trigger tells an event of this sentence; a noun's alone
     * ("The launch on Monday was its fifth") may name one told before */
    bool held = false;
    for (size_t q = 0; q < r->nt && !held; q++)
      held = r->t[q].tb <= h && h < r->t[q].te &&
             (!(r->t[q].pat->flags & PAT_NOUN) || r->t[q].te > h + 1);
    size_t b = h;
    while (b > 0 && h - b < 5 && !(ex_word(r, b - 1) & W_DET) &&
           noun_modifier(r, b - 1))
      b--;
    /* "Monday's drill": a possessive day stands for the determiner */
    size_t from = b;
    if (b >= 2 && r->toks[b - 1].kind == TK_POSS)
      from = b - 2;
    if (held || b == 0 || !(from < b || (ex_word(r, b - 1) & W_DEFINITE)))
      continue;
    /* its day: a date inside the phrase ("the March 20 attack", "Monday's
     * drill"), else, for the phrase that opens the sentence, its main
     * clause's day */
    sckg_date d = {0, 0, 0};
    for (size_t k = 0; k < r->nd; k++)
      if (r->dates[k].tok >= from && r->dates[k].tok < h)
        d = r->dates[k].date;
    /* "The drills, which began March 4, ...": a relative clause right
     * after it that tells its start gives the phrase's day */
    bool begun = h + 3 < r->n && ex_is_comma(r, h + 1) && r->clause[h + 2] &&
                 (ex_word(r, h + 3) & W_BEGIN);
    for (size_t k = 0; k < r->nd && !d.year && begun; k++)
      if (r->clause[r->dates[k].tok] == r->clause[h + 2])
        d = r->dates[k].date;
    bool start = d.year && begun; /* a span is dated by its start */
    for (size_t k = 0; k < r->nd && !d.year && b == 1; k++)
      if (!r->clause[r->dates[k].tok] &&
          !dates_a_noun(r, r->dates[k].tok, NULL))
        d = r->dates[k].date;
    const trigger *tell =
        d.year || b < 2 || !(types || said) ? NULL : telling_before(r, b);
    if (tell)
      d = ex_date_near(r, tell);
    else if (!types && !(ex_word(r, h) & W_EVENTNOUN))
      continue; /* "the warning" names a speech act only after a telling */
    if (!fixes_day(d))
      continue;
    /* the latest sentence that told such an act, and of its acts the one
     * told first, its main clause's ("has frozen the assets ..., two weeks
     * after the council imposed sanctions": the freeze) */
    ex_event *named = NULL;
    for (size_t i = r->out->n_events; i-- > 0;) {
      ex_event *e = &r->out->events[i];
      if (named && e->sent != named->sent)
        break;
      if (e->sent < r->sent_index && (tell    ? retold(r, types, e)
                                      : types ? (types >> e->type) & 1
                                              : names_step(r, e->type)))
        named = e;
    }
    if (named && (!named->date.year || start))
      named->date = d;
  }
}
