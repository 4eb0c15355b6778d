/* SPDX-License-Identifier: MIT */
/* The rows of the schema tables (schema/README.md): fields, phrases, and
 * each table's line but the event tables' (events.c). */
#include "base/embedded.h"
#include "lexicon/load.h"
#include "lexicon/morph.h"
#include "lexicon/token.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

sckg_status lex_fail(loader *L, const char *msg, const char *detail) {
  /* once per line: a trigger's inflected forms repeat its fault */
  if (L->st != SCKG_OK && L->line == L->failed_line)
    return L->st;
  L->failed_line = L->line;
  if (L->sink) {
    char text[512];
    snprintf(text, sizeof text, "%s%s%s", msg, detail ? ": " : "",
             detail ? detail : "");
    sckg_diag d = {SCKG_ERR_INPUT, L->file, L->line, 0, text, SCKG_SEV_ERROR};
    L->sink(L->handle, &d);
  }
  L->st = SCKG_ERR_INPUT;
  return SCKG_ERR_INPUT;
}

/* Is field f exactly `name`? */
bool lex_field_is(field f, const char *name) {
  return f.n == strlen(name) && memcmp(f.p, name, f.n) == 0;
}

bool lex_field_empty(field f) {
  return f.n == 0 || (f.n == 1 && f.p[0] == '-');
}

const char *lex_field_str(loader *L, field f) {
  if (lex_field_empty(f))
    return NULL;
  return sckg_strtab_intern(L->s->strings, f.p, f.n);
}

static size_t split_fields(const char *p, size_t n, field *out, size_t max) {
  size_t k = 0, start = 0;
  for (size_t i = 0; i <= n && k < max; i++) {
    if (i == n || p[i] == '\t') {
      out[k].p = p + start;
      out[k].n = i - start;
      k++;
      start = i + 1;
    }
  }
  return k;
}

/* Call fn for each non-comment, non-blank line of a table. */

void lex_each_line(loader *L, const char *data, size_t len, size_t min_fields,
                   line_fn fn) {
  field f[12];
  L->line = 0;
  for (size_t i = 0; i < len && L->st == SCKG_OK;) {
    size_t e = i;
    while (e < len && data[e] != '\n')
      e++;
    L->line++;
    size_t n = e - i;
    if (n && data[i + n - 1] == '\r')
      n--;
    if (n && data[i] != '#') {
      size_t nf = split_fields(data + i, n, f, 12);
      if (nf < min_fields)
        lex_fail(L, "too few tab-separated fields", NULL);
      else
        fn(L, f, nf);
    }
    i = e + 1;
  }
}

/* 0 when a[0..n) and b[0..n) are the same bytes but for ASCII case. */
int lex_strncasecmp_ascii(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] + 32) : a[i];
    char y = b[i] >= 'A' && b[i] <= 'Z' ? (char)(b[i] + 32) : b[i];
    if (x != y)
      return x < y ? -1 : 1;
  }
  return 0;
}

const char *lex_intern_lower(sckg_strtab *t, const char *s, size_t n) {
  char small[256];
  char *tmp = n < sizeof small ? small : sckg_xmalloc(n + 1);
  memcpy(tmp, s, n);
  sckg_ascii_lower(tmp, n);
  const char *r = sckg_strtab_intern(t, tmp, n);
  if (tmp != small)
    free(tmp);
  return r;
}

/* Tokenise a phrase of a table into interned tokens, as the text will be. */
/* The classes of words.tsv, by name. */
static const struct {
  const char *name;
  sckg_wclass bit;
} word_classes[] = {{"prep", W_PREP},
                    {"locprep", W_LOCPREP | W_PREP},
                    {"det", W_DET},
                    {"neg", W_NEG},
                    {"aux", W_AUX},
                    {"conj", W_CONJ},
                    {"clause", W_CLAUSE},
                    {"month", W_MONTH},
                    {"weekday", W_WEEKDAY},
                    {"orgcue", W_ORGCUE},
                    {"say", W_SAY},
                    {"agencycue", W_AGENCYCUE},
                    {"posspron", W_POSSPRON | W_DET},
                    {"be", W_BE | W_AUX},
                    {"word", 0},
                    {"objpron", W_OBJPRON},
                    {"quant", W_QUANT},
                    {"naming", W_NAMING},
                    {"support", W_SUPPORT},
                    {"affil", W_AFFIL},
                    {"eventnoun", W_EVENTNOUN},
                    {"abbr", W_ABBR},
                    {"opener", W_OPENER},
                    {"dayref", W_DAYREF},
                    {"periodref", W_PERIODREF},
                    {"monthunit", W_MONTHUNIT},
                    {"span", W_SPAN},
                    {"comp", W_COMP},
                    {"relative", W_RELATIVE},
                    {"article", W_ARTICLE},
                    {"definite", W_DEFINITE},
                    {"objcase", W_OBJCASE},
                    {"subjpron", W_SUBJPRON},
                    {"genitive", W_GENITIVE},
                    {"behalf", W_BEHALF},
                    {"namejoin", W_NAMEJOIN},
                    {"listdet", W_LISTDET},
                    {"same", W_SAME},
                    {"culprit", W_CULPRIT},
                    {"lead", W_LEAD},
                    {"freerel", W_FREEREL},
                    {"predicative", W_PREDICATIVE},
                    {"pejorative", W_PEJORATIVE},
                    {"dayunit", W_DAYUNIT},
                    {"conditional", W_CONDITIONAL},
                    {"modal", W_MODAL},
                    {"period", W_PERIOD},
                    {"shift", W_SHIFT},
                    {"perfect", W_PERFECT},
                    {"cardinal", W_CARDINAL},
                    {"origin", W_ORIGIN},
                    {"instance", W_INSTANCE},
                    {"rank", W_RANK},
                    {"cause", W_CAUSE},
                    {"authority", W_AUTHORITY},
                    {"undergo", W_UNDERGO},
                    {"proper", W_PROPER},
                    {"sequence", W_SEQUENCE},
                    {"source", W_SOURCE},
                    {"restate", W_RESTATE},
                    {"cyber", W_CYBER},
                    {"witness", W_WITNESS},
                    {"scorn", W_SCORN},
                    {"wrong", W_WRONG},
                    {"private", W_PRIVATE},
                    {"utterance", W_UTTERANCE},
                    {"begin", W_BEGIN},
                    {"intent", W_INTENT},
                    {"oppose", W_OPPOSE},
                    {"alias", W_ALIAS}};

/* The class named `name` (n bytes); false when none has that name. The
 * class `word` has no bits: it only makes a word known. */
static bool class_named(const char *name, size_t n, sckg_wclass *bits) {
  for (size_t i = 0; i < sizeof word_classes / sizeof *word_classes; i++)
    if (lex_field_is((field){name, n}, word_classes[i].name)) {
      *bits = word_classes[i].bit;
      return true;
    }
  return false;
}

phrase *lex_new_phrase(loader *L, const char *text, size_t len,
                       phrase_kind kind) {
  sckg_schema *s = L->s;
  sckg_buf norm = {0};
  sckg_str form;
  token t;
  size_t pos = 0;
  sckg_vec toks = {0}, ltoks = {0};
  size_t star = SIZE_MAX;
  enum { MAX_PHRASE = 32 };
  bool stars[MAX_PHRASE] = {0}, any_class = false;
  sckg_wclass wclass[MAX_PHRASE] = {0};
  bool class_next = false; /* an '@' was read: a class name follows */
  while (sckg_token_next(text, len, &pos, &t, &norm, &form)) {
    if (kind == PH_TRIGGER && form.len == 1 && form.ptr[0] == '@') {
      class_next = true;
      continue;
    }
    size_t k = toks.len;
    if (k == MAX_PHRASE) {
      lex_fail(L, "phrase of too many words", NULL);
      break;
    }
    if (class_next) {
      class_next = false;
      if (!class_named(form.ptr, form.len, &wclass[k]) || !wclass[k] ||
          k == 0) {
        lex_fail(L,
                 k ? "unknown word class after '@'"
                   : "a trigger starts with a word, not a class",
                 sckg_strtab_intern(s->strings, form.ptr, form.len));
        break;
      }
      any_class = true;
    }
    if (form.len == 1 && form.ptr[0] == '*') {
      stars[k] = true;
      if (star == SIZE_MAX)
        star = k;
    }
    sckg_vec_push(&toks,
                  (void *)sckg_strtab_intern(s->strings, form.ptr, form.len));
    sckg_vec_push(&ltoks,
                  (void *)lex_intern_lower(s->strings, form.ptr, form.len));
  }
  sckg_buf_free(&norm);
  phrase *ph = NULL;
  if (toks.len) {
    ph = sckg_arena_alloc(s->arena, sizeof *ph);
    ph->n = toks.len;
    ph->star = star == SIZE_MAX ? toks.len : star;
    ph->toks =
        sckg_arena_memdup(s->arena, toks.items, toks.len * sizeof(char *));
    ph->ltoks =
        sckg_arena_memdup(s->arena, ltoks.items, ltoks.len * sizeof(char *));
    ph->kind = kind;
    if (star != SIZE_MAX)
      ph->is_star =
          sckg_arena_memdup(s->arena, stars, toks.len * sizeof *stars);
    if (any_class)
      ph->wclass =
          sckg_arena_memdup(s->arena, wclass, toks.len * sizeof *wclass);
    ph->text = sckg_arena_strndup(s->arena, text, len);
    sckg_vec_push(&L->phrases, ph);
  } else {
    lex_fail(L, "empty phrase", NULL);
  }
  sckg_vec_free(&toks);
  sckg_vec_free(&ltoks);
  return ph;
}

/* Each item of a |-separated list field. */
size_t lex_list_items(field f, field *out, size_t max) {
  size_t k = 0, start = 0;
  if (lex_field_empty(f))
    return 0;
  for (size_t i = 0; i <= f.n && k < max; i++) {
    if (i == f.n || f.p[i] == '|') {
      if (i > start) {
        out[k].p = f.p + start;
        out[k].n = i - start;
        k++;
      }
      start = i + 1;
    }
  }
  return k;
}

void lex_actor_line(loader *L, field *f, size_t nf) {
  sckg_schema *s = L->s;
  lex_actor *a = sckg_arena_alloc(s->arena, sizeof *a);
  a->line = L->line;
  a->id = lex_field_str(L, f[0]);
  a->cls = sckg_class_parse(f[1].p, f[1].n);
  a->qid = lex_field_str(L, f[2]);
  a->parent_id = lex_field_str(L, f[3]);
  a->label = lex_field_str(L, f[4]);
  if (!a->id || !a->label) {
    lex_fail(L, "an actor needs an id and a label", NULL);
    return;
  }
  for (size_t i = 0; i < f[0].n; i++) {
    char c = f[0].p[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      lex_fail(L, "an actor id may hold only a-z, 0-9 and -", a->id);
      return;
    }
  }
  if (a->cls == SCKG_CLASS_COUNT) {
    lex_fail(L, "unknown actor class", lex_field_str(L, f[1]));
    return;
  }
  if (a->qid &&
      (a->qid[0] != 'Q' ||
       strspn(a->qid + 1, "0123456789") != strlen(a->qid + 1) || !a->qid[1])) {
    lex_fail(L, "a Wikidata id is Q followed by digits", a->qid);
    return;
  }
  sckg_vec_push(&L->actors, a);
  phrase *ph = lex_new_phrase(L, f[4].p, f[4].n, PH_ACTOR);
  if (ph)
    ph->actor = a;
  phrase *label = ph;
  field items[MAX_ITEMS];
  size_t k = nf > 5 ? lex_list_items(f[5], items, MAX_ITEMS) : 0;
  /* a label the aliases leave out is not safe to match everywhere
   * ("Georgia", also a U.S. state): it names the actor as a place name
   * does, not after a locative preposition ("prosecution in Georgia") */
  bool label_listed = false;
  for (size_t i = 0; i < k; i++)
    label_listed |= items[i].n == f[4].n && !memcmp(items[i].p, f[4].p, f[4].n);
  if (label && !label_listed)
    label->place = true;
  for (size_t i = 0; i < k && L->st == SCKG_OK; i++) {
    bool place = items[i].p[items[i].n - 1] == '@';
    ph = lex_new_phrase(L, items[i].p, items[i].n - place, PH_ACTOR);
    if (ph) {
      ph->actor = a;
      ph->place = place;
    }
  }
  k = nf > 6 ? lex_list_items(f[6], items, MAX_ITEMS) : 0;
  for (size_t i = 0; i < k && L->st == SCKG_OK; i++) {
    ph = lex_new_phrase(L, items[i].p, items[i].n, PH_DEMONYM);
    if (ph)
      ph->actor = a;
    if (i == 0)
      a->demonym = lex_field_str(L, items[i]);
    /* "the Russians vetoed it": a demonym in -n, made plural, names the
     * state as its people do ("Japanese", "Chinese" have no such plural) */
    char plural[256];
    if (items[i].n + 1 < sizeof plural && items[i].p[items[i].n - 1] == 'n') {
      memcpy(plural, items[i].p, items[i].n);
      plural[items[i].n] = 's';
      ph = lex_new_phrase(L, plural, items[i].n + 1, PH_ACTOR);
      if (ph)
        ph->actor = a;
    }
  }
  k = nf > 7 ? lex_list_items(f[7], items, MAX_ITEMS) : 0;
  if (k) {
    a->related = sckg_arena_alloc(s->arena, k * sizeof *a->related);
    /* ids for now; resolved to actors once all are loaded */
    for (size_t i = 0; i < k; i++)
      a->related[i] = (lex_actor *)lex_field_str(L, items[i]);
    a->n_related = k;
  }
}

void lex_head_line(loader *L, field *f, size_t nf) {
  (void)nf;
  static const char *const modes[] = {"state", "group", "person", "agency",
                                      "organization"};
  phrase *ph = lex_new_phrase(L, f[0].p, f[0].n, PH_HEAD);
  if (!ph)
    return;
  ph->fold_case = true;
  for (size_t i = 0; i < sizeof modes / sizeof *modes; i++)
    if (strlen(modes[i]) == f[1].n && memcmp(modes[i], f[1].p, f[1].n) == 0) {
      ph->head = (head_mode)i;
      ph->plural = nf > 2 && f[2].n == 6 && memcmp(f[2].p, "plural", 6) == 0;
      /* "prosecutors ... justice": the state's body named so, if any */
      if (nf > 3 && !lex_field_empty(f[3])) {
        if (ph->head != HEAD_STATE) {
          lex_fail(L, "only a state head names a cue", lex_field_str(L, f[3]));
          return;
        }
        ph->cue = lex_intern_lower(L->s->strings, f[3].p, f[3].n);
      }
      return;
    }
  lex_fail(L, "unknown head mode", lex_field_str(L, f[1]));
}

void lex_anaphor_line(loader *L, field *f, size_t nf) {
  static const char *const modes[] = {
      "topic-state", "subject", "plural", "group",        "statement",
      "speaker",     "person",  "agency", "organization", "igo"};
  phrase *ph = lex_new_phrase(L, f[0].p, f[0].n, PH_ANAPHOR);
  if (!ph)
    return;
  ph->fold_case = true;
  ph->cls = SCKG_CLASS_COUNT;
  if (nf > 2 && !lex_field_empty(f[2])) {
    if (f[2].n != 1 || f[2].p[0] < '1' || f[2].p[0] > '9') {
      lex_fail(L, "an anaphor's count is one digit", lex_field_str(L, f[2]));
      return;
    }
    ph->count = f[2].p[0] - '0';
  }
  if (nf > 3 && !lex_field_empty(f[3]) &&
      (ph->cls = sckg_class_parse(f[3].p, f[3].n)) == SCKG_CLASS_COUNT) {
    lex_fail(L, "unknown actor class", lex_field_str(L, f[3]));
    return;
  }
  size_t mode = 0;
  while (mode < sizeof modes / sizeof *modes &&
         !lex_field_is(f[1], modes[mode]))
    mode++;
  if (mode == sizeof modes / sizeof *modes) {
    lex_fail(L, "unknown anaphor mode", lex_field_str(L, f[1]));
    return;
  }
  ph->ana = (anaphor_mode)mode;
  if (nf > 4 && !lex_field_empty(f[4])) {
    if (ph->ana != ANA_AGENCY) {
      lex_fail(L, "only an agency anaphor names a cue", lex_field_str(L, f[4]));
      return;
    }
    ph->cue = lex_intern_lower(L->s->strings, f[4].p, f[4].n);
  }
}

/* "Secretary of State  state  us-state-department": the title, the word the
 * name of the affiliated state's body holds (its cue), and the office the
 * title names when no state stands before it. The office's id is resolved
 * once all actors are loaded. */
void lex_title_line(loader *L, field *f, size_t nf) {
  phrase *ph = lex_new_phrase(L, f[0].p, f[0].n, PH_TITLE);
  if (!ph)
    return;
  ph->fold_case = true;
  if (nf > 1 && !lex_field_empty(f[1]))
    ph->cue = lex_intern_lower(L->s->strings, f[1].p, f[1].n);
  if (nf > 2 && !lex_field_empty(f[2]))
    ph->actor = (lex_actor *)lex_field_str(L, f[2]);
}

void lex_word_line(loader *L, field *f, size_t nf) {
  (void)nf;
  /* a conjunction of several words is a phrase: "as well as" */
  if (memchr(f[0].p, ' ', f[0].n)) {
    if (!lex_field_is(f[1], "conj")) {
      lex_fail(L, "only a conj may have several words", lex_field_str(L, f[0]));
      return;
    }
    phrase *ph = lex_new_phrase(L, f[0].p, f[0].n, PH_CONJ);
    if (ph)
      ph->fold_case = true;
    return;
  }
  sckg_wclass bit;
  if (class_named(f[1].p, f[1].n, &bit)) {
    const char *key = lex_intern_lower(L->s->strings, f[0].p, f[0].n);
    lex_word_put(L->s, key, bit);
    if (nf >= 3 && !lex_field_empty(f[2])) {
      char num[16];
      char *end;
      long v = 0;
      if (f[2].n < sizeof num) {
        memcpy(num, f[2].p, f[2].n);
        num[f[2].n] = '\0';
        v = strtol(num, &end, 10);
      }
      if (f[2].n >= sizeof num || *end || v < -999 || v > 999) {
        lex_fail(L, "a word's value is a number from -999 to 999",
                 lex_field_str(L, f[2]));
        return;
      }
      lex_word_set_value(L->s, key, (int)v);
    }
    return;
  }
  lex_fail(L, "unknown word class", lex_field_str(L, f[1]));
}

void lex_name_line(loader *L, field *f, size_t nf) {
  (void)nf;
  if (!((f[1].n == 5 && !memcmp(f[1].p, "given", 5)) ||
        (f[1].n == 7 && !memcmp(f[1].p, "surname", 7)))) {
    lex_fail(L, "a name's kind is given or surname", lex_field_str(L, f[1]));
    return;
  }
  lex_word_put(L->s, lex_intern_lower(L->s->strings, f[0].p, f[0].n), W_NAME);
}

void lex_publisher_line(loader *L, field *f, size_t nf) {
  (void)nf;
  sckg_vec_push(&L->pub_marks, (void *)lex_field_str(L, f[0]));
  sckg_vec_push(&L->pub_names, (void *)lex_field_str(L, f[1]));
}

static const char *const noise_kinds[NOISE_KIND_COUNT] = {
    "title", "caption", "credit", "byline",     "dateline", "timestamp",
    "label", "post",    "link",   "correction", "copyright"};

const char *sckg_noise_kind_name(noise_kind k) {
  return k < NOISE_KIND_COUNT ? noise_kinds[k] : "noise";
}

/* kind, where, pattern: the kinds a pattern may name are those that have
 * patterns (the title, datelines and timestamps are found by shape). */
void lex_noise_line(loader *L, field *f, size_t nf) {
  (void)nf;
  static const char *const wheres[] = {"start", "end", "cue", "weak-cue"};
  noise_pattern np = {0};
  size_t k = 0;
  while (k < NOISE_KIND_COUNT && !lex_field_is(f[0], noise_kinds[k]))
    k++;
  if (k == NOISE_KIND_COUNT || k == NOISE_TITLE || k == NOISE_DATELINE ||
      k == NOISE_TIMESTAMP) {
    lex_fail(L,
             "unknown noise kind (caption, credit, byline, label, post, link, "
             "correction or copyright)",
             lex_field_str(L, f[0]));
    return;
  }
  np.kind = (noise_kind)k;
  size_t w = 0;
  while (w < sizeof wheres / sizeof *wheres && !lex_field_is(f[1], wheres[w]))
    w++;
  if (w == sizeof wheres / sizeof *wheres) {
    lex_fail(L,
             "unknown place of a noise pattern (start, end, cue or weak-cue)",
             lex_field_str(L, f[1]));
    return;
  }
  np.where = (noise_where)w;
  if (lex_field_empty(f[2]) || f[2].p[0] == '*' || f[2].p[0] == ' ') {
    /* it would match every paragraph, or none */
    lex_fail(L, "a noise pattern must start with a word",
             lex_field_str(L, f[2]));
    return;
  }
  np.pat = lex_intern_lower(L->s->strings, f[2].p, f[2].n);
  noise_pattern *copy = sckg_arena_alloc(L->s->arena, sizeof *copy);
  *copy = np;
  sckg_vec_push(&L->noise_items, copy);
}
