/* SPDX-License-Identifier: MIT */
/* The construction suite: English sentences, each with exactly the events
 * sckg must read from it (the format is described at the top of
 * suite.txt).
 *
 *   run_suite [-v] SUITE...
 *
 * Each case is built into a graph of its own with sckg_build; the finished
 * graph's events are resolved to Wikidata QIDs as the gold files count
 * them (shared/eval/conventions.md, README.md): an agent or target is its
 * actor's own QID, else the QID of the nearest actor up its sckg:partOf /
 * sckg:affiliatedWith chain (at most three steps, the depth score.py
 * follows); an actor that resolves to none is dropped, and an event none
 * of whose agents resolves is left out, as score.py leaves it out of
 * precision (gold cannot name it; it is shown beside a failure as
 * "unscored"). The extracted set is then (type, agents, targets, negated,
 * date), an undated event dropped when the same tuple is there with a
 * date ("where the tuple repeats, keep the dated line"), and it must equal
 * the expected set exactly.
 *
 * Exit status: 0 when every case passes except those marked `! known:`,
 * and every one of those still fails; 1 otherwise (a regression, or a
 * known failure that now passes and must lose its mark); 2 when a suite
 * cannot be read or holds a malformed line. -v also prints what each known
 * failure gets. */
#define _POSIX_C_SOURCE 200809L

#include "model/graph_impl.h"
#include "sckg/sckg.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_RESOLVE_STEPS = 3 };

/* ---- Small helpers ------------------------------------------------------- */

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    fputs("run_suite: out of memory\n", stderr);
    exit(2);
  }
  return q;
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xrealloc(NULL, n), s, n);
}

/* A growable list of strings (owned). */
typedef struct {
  char **items;
  size_t len, cap;
} strlist;

static void strlist_push(strlist *l, char *s) {
  if (l->len == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 8;
    l->items = xrealloc(l->items, l->cap * sizeof *l->items);
  }
  l->items[l->len++] = s;
}

static void strlist_free(strlist *l) {
  for (size_t i = 0; i < l->len; i++)
    free(l->items[i]);
  free(l->items);
  memset(l, 0, sizeof *l);
}

static bool strlist_has(const strlist *l, const char *s) {
  for (size_t i = 0; i < l->len; i++)
    if (strcmp(l->items[i], s) == 0)
      return true;
  return false;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void strlist_sort(strlist *l) {
  if (l->len > 1)
    qsort(l->items, l->len, sizeof *l->items, cmp_str);
}

/* QIDs sort by their number: Q17 before Q30 before Q423. */
static int cmp_qid(const void *a, const void *b) {
  const char *x = *(const char *const *)a, *y = *(const char *const *)b;
  size_t lx = strlen(x), ly = strlen(y);
  if (lx != ly)
    return lx < ly ? -1 : 1;
  return strcmp(x, y);
}

/* A growable byte buffer. */
typedef struct {
  char *ptr;
  size_t len, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    b->cap = (b->len + n + 1) * 2;
    b->ptr = xrealloc(b->ptr, b->cap);
  }
  memcpy(b->ptr + b->len, s, n);
  b->len += n;
  b->ptr[b->len] = '\0';
}

static void buf_puts(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

/* ---- The suite ------------------------------------------------------------
 */

typedef struct {
  const char *file;
  unsigned long line; /* of its first '>' line */
  size_t section;     /* index into the sections */
  char *date;         /* article date, or NULL */
  buf text;           /* the '>' lines joined by a space; a '>'
                         alone ends a paragraph */
  strlist expected;   /* canonical event lines, sorted */
  bool expect_none;   /* "= none" */
  char *known;        /* the reason of "! known:", or NULL */
  unsigned long known_line;
} test_case;

typedef struct {
  char *name;
  size_t cases, passed, known, problems;
} section;

typedef struct {
  test_case *cases;
  size_t n_cases, cap_cases;
  section *sections;
  size_t n_sections, cap_sections;
  unsigned long malformed;
} suite;

__attribute__((format(printf, 4, 5))) static void
malformed(suite *s, const char *file, unsigned long line, const char *fmt,
          ...) {
  va_list ap;
  fprintf(stderr, "%s:%lu: malformed: ", file, line);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  s->malformed++;
}

static bool is_qid(const char *t, size_t n) {
  if (n < 2 || t[0] != 'Q' || t[1] < '1' || t[1] > '9')
    return false;
  for (size_t i = 2; i < n; i++)
    if (!isdigit((unsigned char)t[i]))
      return false;
  return true;
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* "YYYY-MM-DD", a real calendar day. */
static bool is_date(const char *t) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (strlen(t) != 10 || t[4] != '-' || t[7] != '-')
    return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !isdigit((unsigned char)t[i]))
      return false;
  int y = atoi(t), m = atoi(t + 5), d = atoi(t + 8);
  if (y < 1 || m < 1 || m > 12 || d < 1)
    return false;
  return d <= days[m - 1] + (m == 2 && leap(y));
}

/* Append the canonical form of a QID list field ("-" or "Q1,Q2") to b,
 * sorted by number; false (with *why set) when it is not one. */
static bool canon_qids(const char *field, bool allow_none, buf *b,
                       const char **why) {
  if (strcmp(field, "-") == 0) {
    if (!allow_none) {
      *why = "an event needs at least one agent QID, not '-'";
      return false;
    }
    buf_puts(b, "-");
    return true;
  }
  strlist q = {0};
  const char *p = field;
  for (;;) {
    const char *comma = strchr(p, ',');
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    if (!is_qid(p, n)) {
      *why = "a QID list is '-' or comma-separated Q<number>s without spaces";
      strlist_free(&q);
      return false;
    }
    char *one = xrealloc(NULL, n + 1);
    memcpy(one, p, n);
    one[n] = '\0';
    if (strlist_has(&q, one)) {
      *why = "a QID is listed twice";
      free(one);
      strlist_free(&q);
      return false;
    }
    strlist_push(&q, one);
    if (!comma)
      break;
    p = comma + 1;
  }
  if (q.len) /* qsort takes no NULL, even for no items */
    qsort(q.items, q.len, sizeof *q.items, cmp_qid);
  for (size_t i = 0; i < q.len; i++) {
    if (i)
      buf_puts(b, ",");
    buf_puts(b, q.items[i]);
  }
  strlist_free(&q);
  return true;
}

/* Parse "TYPE AGENTS TARGETS [negated] [date=YYYY-MM-DD]" (words split at
 * spaces or tabs) into its canonical line; NULL with *why set when it is
 * not one. `date` is the case's article date (NULL: none). */
static char *parse_event(char *spec, const char *date, const char **why) {
  char *words[8];
  size_t n = 0;
  for (char *w = strtok(spec, " \t"); w; w = strtok(NULL, " \t")) {
    if (n == 8) {
      *why = "too many words: TYPE AGENTS TARGETS [negated] [date=YYYY-MM-DD]";
      return NULL;
    }
    words[n++] = w;
  }
  if (n < 3) {
    *why = "an event is TYPE AGENTS TARGETS [negated] [date=YYYY-MM-DD]";
    return NULL;
  }
  if (sckg_event_type_parse(words[0], strlen(words[0])) == SCKG_EV_COUNT) {
    *why = "unknown event type (the contract's 24 names, e.g. "
           "ImposeSanctions)";
    return NULL;
  }
  buf b = {0};
  buf_puts(&b, words[0]);
  buf_puts(&b, " ");
  if (!canon_qids(words[1], false, &b, why))
    goto fail;
  buf_puts(&b, " ");
  if (!canon_qids(words[2], true, &b, why))
    goto fail;
  bool neg = false;
  const char *d = NULL;
  for (size_t i = 3; i < n; i++) {
    if (strcmp(words[i], "negated") == 0 && !neg) {
      neg = true;
    } else if (strncmp(words[i], "date=", 5) == 0 && !d) {
      d = words[i] + 5;
      if (!is_date(d)) {
        *why = "date= takes a calendar day YYYY-MM-DD";
        goto fail;
      }
      if (!date) {
        *why = "date= in a case without a `date` line (no article date, no "
               "event dates: conventions.md)";
        goto fail;
      }
    } else {
      *why = "a flag is `negated` or `date=YYYY-MM-DD`, each at most once";
      goto fail;
    }
  }
  if (neg)
    buf_puts(&b, " negated");
  if (d) {
    buf_puts(&b, " date=");
    buf_puts(&b, d);
  }
  return b.ptr;
fail:
  free(b.ptr);
  return NULL;
}

static char *trim(char *s) {
  while (*s == ' ' || *s == '\t')
    s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
               s[n - 1] == '\n'))
    s[--n] = '\0';
  return s;
}

/* Where a case stands while its lines are read. */
typedef enum { NO_CASE, IN_TEXT, IN_EXPECTED, AFTER_KNOWN } case_state;

static test_case *new_case(suite *s) {
  if (s->n_cases == s->cap_cases) {
    s->cap_cases = s->cap_cases ? 2 * s->cap_cases : 64;
    s->cases = xrealloc(s->cases, s->cap_cases * sizeof *s->cases);
  }
  test_case *c = &s->cases[s->n_cases++];
  memset(c, 0, sizeof *c);
  return c;
}

/* The case being read is complete: it needs its '=' lines. */
static void close_case(suite *s, test_case *c, case_state st) {
  if (c && st == IN_TEXT)
    malformed(s, c->file, c->line,
              "a case needs its expected events ('= ...' or '= none') after "
              "its '>' lines");
  if (c)
    strlist_sort(&c->expected);
}

static size_t find_section(suite *s, const char *name) {
  for (size_t i = 0; i < s->n_sections; i++)
    if (strcmp(s->sections[i].name, name) == 0)
      return i;
  if (s->n_sections == s->cap_sections) {
    s->cap_sections = s->cap_sections ? 2 * s->cap_sections : 16;
    s->sections = xrealloc(s->sections, s->cap_sections * sizeof *s->sections);
  }
  section *sec = &s->sections[s->n_sections];
  memset(sec, 0, sizeof *sec);
  sec->name = xstrdup(name);
  return s->n_sections++;
}

static bool read_suite(suite *s, const char *file) {
  FILE *f = fopen(file, "r");
  if (!f) {
    fprintf(stderr, "run_suite: %s: %s\n", file, strerror(errno));
    return false;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  unsigned long no = 0;
  bool have_section = false;
  size_t sec = 0;
  char *date = NULL; /* the current `date` line's value (owned) */
  test_case *c = NULL;
  case_state st = NO_CASE;
  while ((got = getline(&line, &cap, f)) != -1) {
    no++;
    if (memchr(line, '\0', (size_t)got)) {
      malformed(s, file, no, "a NUL byte");
      continue;
    }
    char *l = trim(line);
    if (*l == '\0')
      continue;
    if (strncmp(l, "##", 2) == 0) {
      const char *tag = "## construction:";
      if (strncmp(l, tag, strlen(tag)) != 0) {
        malformed(s, file, no,
                  "a line starting with '##' is '## construction: NAME'");
        continue;
      }
      char *name = trim(l + strlen(tag));
      if (!*name) {
        malformed(s, file, no, "a construction needs a name");
        continue;
      }
      close_case(s, c, st);
      c = NULL;
      st = NO_CASE;
      sec = find_section(s, name);
      have_section = true;
      free(date);
      date = NULL; /* each section starts without an article date */
      continue;
    }
    if (*l == '#')
      continue;
    if (*l == '>') {
      char *text = trim(l + 1);
      if (st == IN_TEXT) {
        if (!*text) /* a '>' line of its own ends a paragraph */
          buf_puts(&c->text, "\n\n");
        else {
          if (c->text.len && c->text.ptr[c->text.len - 1] != '\n')
            buf_puts(&c->text, " ");
          buf_puts(&c->text, text);
        }
        continue;
      }
      close_case(s, c, st);
      if (!have_section)
        malformed(s, file, no,
                  "a case before any '## construction: NAME' line");
      c = new_case(s);
      c->file = file;
      c->line = no;
      c->section = sec;
      c->date = date ? xstrdup(date) : NULL;
      buf_puts(&c->text, "");
      if (*text)
        buf_puts(&c->text, text);
      st = IN_TEXT;
      continue;
    }
    if (*l == '=') {
      if (st != IN_TEXT && st != IN_EXPECTED) {
        malformed(s, file, no,
                  st == AFTER_KNOWN
                      ? "'=' after the case's '! known:' line"
                      : "'=' without a case ('>' lines) before it");
        continue;
      }
      if (st == IN_TEXT && c->text.len == 0)
        malformed(s, file, c->line, "a case with an empty text");
      st = IN_EXPECTED;
      char *spec = trim(l + 1);
      if (strcmp(spec, "none") == 0) {
        if (c->expect_none || c->expected.len)
          malformed(s, file, no,
                    "'= none' is the only expected line of its case");
        c->expect_none = true;
        continue;
      }
      if (c->expect_none) {
        malformed(s, file, no, "an event after '= none'");
        continue;
      }
      const char *why = NULL;
      char *ev = parse_event(spec, c->date, &why);
      if (!ev) {
        malformed(s, file, no, "%s", why);
        continue;
      }
      if (strlist_has(&c->expected, ev)) {
        malformed(s, file, no, "the same event twice in one case: %s", ev);
        free(ev);
        continue;
      }
      strlist_push(&c->expected, ev);
      continue;
    }
    if (*l == '!') {
      const char *tag = "! known:";
      if (strncmp(l, tag, strlen(tag)) != 0) {
        malformed(s, file, no, "a line starting with '!' is '! known: REASON'");
        continue;
      }
      if (st != IN_EXPECTED) {
        malformed(s, file, no,
                  st == AFTER_KNOWN
                      ? "a second '! known:' line for one case"
                      : "'! known:' comes after a case's '=' lines");
        continue;
      }
      char *why = trim(l + strlen(tag));
      if (!*why) {
        malformed(s, file, no, "'! known:' needs a reason");
        continue;
      }
      c->known = xstrdup(why);
      c->known_line = no;
      st = AFTER_KNOWN;
      continue;
    }
    if (strncmp(l, "date", 4) == 0 && (l[4] == ' ' || l[4] == '\t')) {
      char *d = trim(l + 4);
      if (st == IN_TEXT) {
        malformed(s, file, no, "a `date` line inside a case's text");
        continue;
      }
      if (strcmp(d, "none") != 0 && !is_date(d)) {
        malformed(s, file, no, "`date` takes YYYY-MM-DD or `none`");
        continue;
      }
      close_case(s, c, st);
      c = NULL;
      st = NO_CASE;
      free(date);
      date = strcmp(d, "none") == 0 ? NULL : xstrdup(d);
      continue;
    }
    malformed(s, file, no,
              "unknown line (a line is '#', '## construction:', 'date', '>', "
              "'=', '! known:' or blank)");
  }
  close_case(s, c, st);
  free(date);
  free(line);
  if (ferror(f)) {
    fprintf(stderr, "run_suite: %s: read error\n", file);
    fclose(f);
    return false;
  }
  fclose(f);
  return true;
}

/* ---- Running a case --------------------------------------------------------
 */

/* The QID an actor counts as: its own, else the nearest up its parents. */
static const char *resolve(const sckg_actor *a) {
  for (int step = 0; a && step <= MAX_RESOLVE_STEPS; step++, a = a->parent)
    if (a->qid && *a->qid)
      return a->qid;
  return NULL;
}

/* "Q1,Q2" of the actors' QIDs, sorted and distinct, or "-" when none. */
static char *qid_field(sckg_actor *const *actors, size_t n) {
  strlist q = {0};
  for (size_t i = 0; i < n; i++) {
    const char *id = resolve(actors[i]);
    if (id && !strlist_has(&q, id))
      strlist_push(&q, xstrdup(id));
  }
  buf b = {0};
  if (!q.len)
    buf_puts(&b, "-");
  if (q.len) /* qsort takes no NULL, even for no items */
    qsort(q.items, q.len, sizeof *q.items, cmp_qid);
  for (size_t i = 0; i < q.len; i++) {
    if (i)
      buf_puts(&b, ",");
    buf_puts(&b, q.items[i]);
  }
  strlist_free(&q);
  return b.ptr;
}

/* Every actor label of a list, for the unscored events shown in failures. */
static void labels(buf *b, sckg_actor *const *actors, size_t n) {
  if (!n)
    buf_puts(b, "-");
  for (size_t i = 0; i < n; i++) {
    if (i)
      buf_puts(b, ",");
    buf_puts(b, actors[i]->label ? actors[i]->label : actors[i]->slug);
  }
}

static void diag_sink(void *handle, const sckg_diag *d) {
  buf *b = handle;
  if (d->severity != SCKG_SEV_ERROR && d->severity != SCKG_SEV_WARNING)
    return;
  buf_puts(b, d->message ? d->message : "(no message)");
  buf_puts(b, "; ");
}

typedef struct {
  strlist got;      /* canonical lines, sorted */
  strlist unscored; /* events none of whose agents resolves to a QID */
  char *error;      /* the build failed: why */
} outcome;

static void run_case(const test_case *c, outcome *o) {
  memset(o, 0, sizeof *o);
  buf text = {0}, diags = {0};
  buf_puts(&diags, "");
  if (c->date) {
    buf_puts(&text, " date ");
    buf_puts(&text, c->date);
    buf_puts(&text, "\n");
  }
  buf_puts(&text, c->text.ptr);
  char name[64];
  snprintf(name, sizeof name, "case-%lu.txt", c->line);
  sckg_input in = {.name = name, .text = text.ptr, .len = text.len};
  sckg_options opts = {.sink = diag_sink, .sink_handle = &diags};
  sckg_graph *g = NULL;
  sckg_status st = sckg_build(&in, 1, &opts, &g);
  if (st != SCKG_OK) {
    buf e = {0};
    buf_puts(&e, "sckg_build failed: ");
    buf_puts(&e, sckg_strerror(st));
    if (diags.len) {
      buf_puts(&e, ": ");
      buf_puts(&e, diags.ptr);
    }
    o->error = e.ptr;
    sckg_graph_free(g);
    free(text.ptr);
    free(diags.ptr);
    return;
  }
  strlist all = {0};
  for (size_t i = 0; i < g->events.len; i++) {
    const sckg_event *e = SCKG_EVENTS(g)[i];
    const char *type = (unsigned)e->type < SCKG_EV_COUNT
                           ? sckg_event_types[e->type].name
                           : "(bad-type)";
    char *agents = qid_field(e->agents, e->n_agents);
    if (strcmp(agents, "-") == 0) {
      buf u = {0};
      buf_puts(&u, type);
      buf_puts(&u, " [");
      labels(&u, e->agents, e->n_agents);
      buf_puts(&u, "] [");
      labels(&u, e->targets, e->n_targets);
      buf_puts(&u, "]");
      if (e->negated)
        buf_puts(&u, " negated");
      if (!strlist_has(&o->unscored, u.ptr))
        strlist_push(&o->unscored, u.ptr);
      else
        free(u.ptr);
      free(agents);
      continue;
    }
    char *targets = qid_field(e->targets, e->n_targets);
    char d[16];
    const char *date = sckg_date_format(e->date, d) ? d : NULL;
    buf line = {0};
    buf_puts(&line, type);
    buf_puts(&line, " ");
    buf_puts(&line, agents);
    buf_puts(&line, " ");
    buf_puts(&line, targets);
    if (e->negated)
      buf_puts(&line, " negated");
    if (date) {
      buf_puts(&line, " date=");
      buf_puts(&line, date);
    }
    if (!strlist_has(&all, line.ptr))
      strlist_push(&all, line.ptr);
    else
      free(line.ptr);
    free(agents);
    free(targets);
  }
  /* An undated event whose tuple is also there with a date is that one. */
  for (size_t i = 0; i < all.len; i++) {
    const char *l = all.items[i];
    bool shadowed = false;
    if (!strstr(l, " date=")) {
      size_t n = strlen(l);
      for (size_t k = 0; k < all.len && !shadowed; k++)
        shadowed = k != i && strncmp(all.items[k], l, n) == 0 &&
                   strncmp(all.items[k] + n, " date=", 6) == 0;
    }
    if (!shadowed)
      strlist_push(&o->got, xstrdup(l));
  }
  strlist_free(&all);
  strlist_sort(&o->got);
  strlist_sort(&o->unscored);
  sckg_graph_free(g);
  free(text.ptr);
  free(diags.ptr);
}

static bool same_set(const strlist *a, const strlist *b) {
  if (a->len != b->len)
    return false;
  for (size_t i = 0; i < a->len; i++)
    if (strcmp(a->items[i], b->items[i]) != 0)
      return false;
  return true;
}

static void print_list(const char *label, const strlist *l) {
  if (!l->len) {
    printf("  %-9s none\n", label);
    return;
  }
  for (size_t i = 0; i < l->len; i++)
    printf("  %-9s %s\n", i ? "" : label, l->items[i]);
}

static void print_case(const suite *s, const test_case *c, const outcome *o,
                       const char *verdict) {
  printf("%s:%lu: [%s] %s\n", c->file, c->line, s->sections[c->section].name,
         verdict);
  if (c->date)
    printf("  date:     %s\n", c->date);
  printf("  text:     %s\n", c->text.ptr);
  if (c->known)
    printf("  known:    %s (line %lu)\n", c->known, c->known_line);
  print_list("expected:", &c->expected);
  if (o->error) {
    printf("  got:      %s\n", o->error);
    return;
  }
  print_list("got:", &o->got);
  strlist missing = {0}, extra = {0};
  for (size_t i = 0; i < c->expected.len; i++)
    if (!strlist_has(&o->got, c->expected.items[i]))
      strlist_push(&missing, xstrdup(c->expected.items[i]));
  for (size_t i = 0; i < o->got.len; i++)
    if (!strlist_has(&c->expected, o->got.items[i]))
      strlist_push(&extra, xstrdup(o->got.items[i]));
  for (size_t i = 0; i < missing.len; i++)
    printf("  %-9s %s\n", i ? "" : "missing:", missing.items[i]);
  for (size_t i = 0; i < extra.len; i++)
    printf("  %-9s %s\n", i ? "" : "extra:", extra.items[i]);
  for (size_t i = 0; i < o->unscored.len; i++)
    printf("  %-9s %s\n", i ? "" : "unscored:", o->unscored.items[i]);
  strlist_free(&missing);
  strlist_free(&extra);
}

static void usage(FILE *f) {
  fputs("usage: run_suite [-v] SUITE...\n"
        "Runs the construction suites (format: tests/constructions/suite.txt)"
        ".\n  -v  also print what each known failure gets\n"
        "Exit status: 0 all as expected, 1 a case failed or a known failure "
        "now passes, 2 a malformed suite.\n",
        f);
}

int main(int argc, char **argv) {
  bool verbose = false;
  int first = 1;
  for (; first < argc && argv[first][0] == '-'; first++) {
    if (strcmp(argv[first], "-v") == 0) {
      verbose = true;
    } else if (strcmp(argv[first], "-h") == 0 ||
               strcmp(argv[first], "--help") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(argv[first], "--") == 0) {
      first++;
      break;
    } else {
      fprintf(stderr, "run_suite: unknown option %s\n", argv[first]);
      usage(stderr);
      return 2;
    }
  }
  if (first >= argc) {
    usage(stderr);
    return 2;
  }
  suite s = {0};
  for (int i = first; i < argc; i++)
    if (!read_suite(&s, argv[i]))
      return 2;
  if (s.malformed) {
    fprintf(stderr, "run_suite: %lu malformed line%s; nothing run\n",
            s.malformed, s.malformed == 1 ? "" : "s");
    return 2;
  }
  if (!s.n_cases) {
    fprintf(stderr, "run_suite: no cases\n");
    return 2;
  }

  size_t problems = 0, now_pass = 0, regressions = 0;
  for (size_t i = 0; i < s.n_cases; i++) {
    test_case *c = &s.cases[i];
    section *sec = &s.sections[c->section];
    outcome o;
    run_case(c, &o);
    bool pass = !o.error && same_set(&c->expected, &o.got);
    sec->cases++;
    if (pass)
      sec->passed++;
    if (c->known && !pass)
      sec->known++;
    if (!c->known && !pass) {
      print_case(&s, c, &o, "FAIL");
      sec->problems++;
      regressions++;
    } else if (c->known && pass) {
      printf("%s:%lu: [%s] now passes: remove its `! known:` line (line "
             "%lu: %s)\n  text:     %s\n",
             c->file, c->line, sec->name, c->known_line, c->known, c->text.ptr);
      sec->problems++;
      now_pass++;
    } else if (c->known && verbose) {
      print_case(&s, c, &o, "known failure");
    }
    strlist_free(&o.got);
    strlist_free(&o.unscored);
    free(o.error);
  }
  problems = regressions + now_pass;

  size_t w = strlen("construction");
  for (size_t i = 0; i < s.n_sections; i++)
    if (strlen(s.sections[i].name) > w)
      w = strlen(s.sections[i].name);
  int wi = (int)w;
  printf("\n%-*s  %5s  %6s  %5s  %8s\n", wi, "construction", "cases", "passed",
         "known", "problems");
  size_t tc = 0, tp = 0, tk = 0, tx = 0;
  for (size_t i = 0; i < s.n_sections; i++) {
    section *sec = &s.sections[i];
    printf("%-*s  %5zu  %6zu  %5zu  %8zu\n", wi, sec->name, sec->cases,
           sec->passed, sec->known, sec->problems);
    tc += sec->cases;
    tp += sec->passed;
    tk += sec->known;
    tx += sec->problems;
  }
  printf("%-*s  %5zu  %6zu  %5zu  %8zu\n", wi, "total", tc, tp, tk, tx);
  if (problems)
    printf("\n%zu case%s failed that should pass; %zu known failure%s now "
           "pass%s (remove their `! known:` lines)\n",
           regressions, regressions == 1 ? "" : "s", now_pass,
           now_pass == 1 ? "" : "s", now_pass == 1 ? "es" : "");
  else
    printf("\nall as expected: %zu passing, %zu known failure%s\n", tp, tk,
           tk == 1 ? "" : "s");

  for (size_t i = 0; i < s.n_cases; i++) {
    test_case *c = &s.cases[i];
    free(c->date);
    free(c->text.ptr);
    strlist_free(&c->expected);
    free(c->known);
  }
  for (size_t i = 0; i < s.n_sections; i++)
    free(s.sections[i].name);
  free(s.cases);
  free(s.sections);
  return problems ? 1 : 0;
}
