/* SPDX-License-Identifier: MIT */
/* Loading the schema tables (schema/README.md) into phrase indexes. */
#include "lexicon/lexicon.h"
#include "embedded.h"
#include "lexicon/morph.h"
#include "text/token.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  sckg_schema *s;
  const char *file;
  unsigned long line;
  sckg_diag_sink sink;
  void *handle;
  sckg_status st;
  sckg_vec phrases;                           /* phrase * */
  sckg_vec actors;                            /* lex_actor * */
  sckg_vec pub_marks, pub_names, noise_items; /* const char * */
  sckg_vec class_names, class_members;        /* const char *, in step */
  unsigned long failed_line; /* the line of the last fault reported */
} loader;

static sckg_status fail(loader *L, const char *msg, const char *detail) {
  /* once per line: a trigger's inflected forms repeat its fault */
  if (L->st != SCKG_OK && L->line == L->failed_line)
    return L->st;
  L->failed_line = L->line;
  if (L->sink) {
    char text[512];
    snprintf(text, sizeof text, "%s%s%s", msg, detail ? ": " : "",
             detail ? detail : "");
    sckg_diag d = {SCKG_ERR_INPUT, L->file, L->line, 0, text, false};
    L->sink(L->handle, &d);
  }
  L->st = SCKG_ERR_INPUT;
  return SCKG_ERR_INPUT;
}

/* A field of a TSV line: a slice; "-" is the empty field. */
typedef struct {
  const char *p;
  size_t n;
} field;

/* Is field f exactly `name`? */
static bool field_is(field f, const char *name) {
  return f.n == strlen(name) && memcmp(f.p, name, f.n) == 0;
}

static bool field_empty(field f) {
  return f.n == 0 || (f.n == 1 && f.p[0] == '-');
}

static const char *field_str(loader *L, field f) {
  if (field_empty(f))
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
typedef void (*line_fn)(loader *L, field *f, size_t nf);

static void each_line(loader *L, const char *data, size_t len,
                      size_t min_fields, line_fn fn) {
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
        fail(L, "too few tab-separated fields", NULL);
      else
        fn(L, f, nf);
    }
    i = e + 1;
  }
}

/* 0 when a[0..n) and b[0..n) are the same bytes but for ASCII case. */
static int strncasecmp_ascii(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] + 32) : a[i];
    char y = b[i] >= 'A' && b[i] <= 'Z' ? (char)(b[i] + 32) : b[i];
    if (x != y)
      return x < y ? -1 : 1;
  }
  return 0;
}

static const char *intern_lower(sckg_strtab *t, const char *s, size_t n) {
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
    if (field_is((field){name, n}, word_classes[i].name)) {
      *bits = word_classes[i].bit;
      return true;
    }
  return false;
}

static phrase *new_phrase(loader *L, const char *text, size_t len,
                          phrase_kind kind) {
  sckg_schema *s = L->s;
  sckg_buf norm = {0};
  token t;
  size_t pos = 0;
  sckg_vec toks = {0}, ltoks = {0};
  size_t star = SIZE_MAX;
  enum { MAX_PHRASE = 32 };
  bool stars[MAX_PHRASE] = {0}, any_class = false;
  sckg_wclass wclass[MAX_PHRASE] = {0};
  bool class_next = false; /* an '@' was read: a class name follows */
  while (sckg_token_next(text, len, &pos, &t, &norm)) {
    if (kind == PH_TRIGGER && norm.len == 1 && norm.ptr[0] == '@') {
      class_next = true;
      continue;
    }
    size_t k = toks.len;
    if (k == MAX_PHRASE) {
      fail(L, "phrase of too many words", NULL);
      break;
    }
    if (class_next) {
      class_next = false;
      if (!class_named(norm.ptr, norm.len, &wclass[k]) || !wclass[k] ||
          k == 0) {
        fail(L,
             k ? "unknown word class after '@'"
               : "a trigger starts with a word, not a class",
             sckg_strtab_intern(s->strings, norm.ptr, norm.len));
        break;
      }
      any_class = true;
    }
    if (norm.len == 1 && norm.ptr[0] == '*') {
      stars[k] = true;
      if (star == SIZE_MAX)
        star = k;
    }
    sckg_vec_push(&toks,
                  (void *)sckg_strtab_intern(s->strings, norm.ptr, norm.len));
    sckg_vec_push(&ltoks, (void *)intern_lower(s->strings, norm.ptr, norm.len));
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
    fail(L, "empty phrase", NULL);
  }
  sckg_vec_free(&toks);
  sckg_vec_free(&ltoks);
  return ph;
}

/* Each item of a |-separated list field. */
static size_t list_items(field f, field *out, size_t max) {
  size_t k = 0, start = 0;
  if (field_empty(f))
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

enum { MAX_ITEMS = 1024 };

static void actor_line(loader *L, field *f, size_t nf) {
  sckg_schema *s = L->s;
  lex_actor *a = sckg_arena_alloc(s->arena, sizeof *a);
  a->line = L->line;
  a->id = field_str(L, f[0]);
  a->cls = sckg_class_parse(f[1].p, f[1].n);
  a->qid = field_str(L, f[2]);
  a->parent_id = field_str(L, f[3]);
  a->label = field_str(L, f[4]);
  if (!a->id || !a->label) {
    fail(L, "an actor needs an id and a label", NULL);
    return;
  }
  for (size_t i = 0; i < f[0].n; i++) {
    char c = f[0].p[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      fail(L, "an actor id may hold only a-z, 0-9 and -", a->id);
      return;
    }
  }
  if (a->cls == SCKG_CLASS_COUNT) {
    fail(L, "unknown actor class", field_str(L, f[1]));
    return;
  }
  if (a->qid &&
      (a->qid[0] != 'Q' ||
       strspn(a->qid + 1, "0123456789") != strlen(a->qid + 1) || !a->qid[1])) {
    fail(L, "a Wikidata id is Q followed by digits", a->qid);
    return;
  }
  sckg_vec_push(&L->actors, a);
  phrase *ph = new_phrase(L, f[4].p, f[4].n, PH_ACTOR);
  if (ph)
    ph->actor = a;
  phrase *label = ph;
  field items[MAX_ITEMS];
  size_t k = nf > 5 ? list_items(f[5], items, MAX_ITEMS) : 0;
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
    ph = new_phrase(L, items[i].p, items[i].n - place, PH_ACTOR);
    if (ph) {
      ph->actor = a;
      ph->place = place;
    }
  }
  k = nf > 6 ? list_items(f[6], items, MAX_ITEMS) : 0;
  for (size_t i = 0; i < k && L->st == SCKG_OK; i++) {
    ph = new_phrase(L, items[i].p, items[i].n, PH_DEMONYM);
    if (ph)
      ph->actor = a;
    if (i == 0)
      a->demonym = field_str(L, items[i]);
    /* "the Russians vetoed it": a demonym in -n, made plural, names the
     * state as its people do ("Japanese", "Chinese" have no such plural) */
    char plural[256];
    if (items[i].n + 1 < sizeof plural && items[i].p[items[i].n - 1] == 'n') {
      memcpy(plural, items[i].p, items[i].n);
      plural[items[i].n] = 's';
      ph = new_phrase(L, plural, items[i].n + 1, PH_ACTOR);
      if (ph)
        ph->actor = a;
    }
  }
  k = nf > 7 ? list_items(f[7], items, MAX_ITEMS) : 0;
  if (k) {
    a->related = sckg_arena_alloc(s->arena, k * sizeof *a->related);
    /* ids for now; resolved to actors once all are loaded */
    for (size_t i = 0; i < k; i++)
      a->related[i] = (lex_actor *)field_str(L, items[i]);
    a->n_related = k;
  }
}

static void head_line(loader *L, field *f, size_t nf) {
  (void)nf;
  static const char *const modes[] = {"state", "group", "person", "agency",
                                      "organization"};
  phrase *ph = new_phrase(L, f[0].p, f[0].n, PH_HEAD);
  if (!ph)
    return;
  ph->fold_case = true;
  for (size_t i = 0; i < sizeof modes / sizeof *modes; i++)
    if (strlen(modes[i]) == f[1].n && memcmp(modes[i], f[1].p, f[1].n) == 0) {
      ph->head = (head_mode)i;
      ph->plural = nf > 2 && f[2].n == 6 && memcmp(f[2].p, "plural", 6) == 0;
      /* "prosecutors ... justice": the state's body named so, if any */
      if (nf > 3 && !field_empty(f[3])) {
        if (ph->head != HEAD_STATE) {
          fail(L, "only a state head names a cue", field_str(L, f[3]));
          return;
        }
        ph->cue = intern_lower(L->s->strings, f[3].p, f[3].n);
      }
      return;
    }
  fail(L, "unknown head mode", field_str(L, f[1]));
}

static void anaphor_line(loader *L, field *f, size_t nf) {
  static const char *const modes[] = {
      "topic-state", "subject", "plural", "group",        "statement",
      "speaker",     "person",  "agency", "organization", "igo"};
  phrase *ph = new_phrase(L, f[0].p, f[0].n, PH_ANAPHOR);
  if (!ph)
    return;
  ph->fold_case = true;
  ph->cls = SCKG_CLASS_COUNT;
  if (nf > 2 && !field_empty(f[2])) {
    if (f[2].n != 1 || f[2].p[0] < '1' || f[2].p[0] > '9') {
      fail(L, "an anaphor's count is one digit", field_str(L, f[2]));
      return;
    }
    ph->count = f[2].p[0] - '0';
  }
  if (nf > 3 && !field_empty(f[3]) &&
      (ph->cls = sckg_class_parse(f[3].p, f[3].n)) == SCKG_CLASS_COUNT) {
    fail(L, "unknown actor class", field_str(L, f[3]));
    return;
  }
  size_t mode = 0;
  while (mode < sizeof modes / sizeof *modes && !field_is(f[1], modes[mode]))
    mode++;
  if (mode == sizeof modes / sizeof *modes) {
    fail(L, "unknown anaphor mode", field_str(L, f[1]));
    return;
  }
  ph->ana = (anaphor_mode)mode;
  if (nf > 4 && !field_empty(f[4])) {
    if (ph->ana != ANA_AGENCY) {
      fail(L, "only an agency anaphor names a cue", field_str(L, f[4]));
      return;
    }
    ph->cue = intern_lower(L->s->strings, f[4].p, f[4].n);
  }
}

/* "Secretary of State  state  us-state-department": the title, the word the
 * name of the affiliated state's body holds (its cue), and the office the
 * title names when no state stands before it. The office's id is resolved
 * once all actors are loaded. */
static void title_line(loader *L, field *f, size_t nf) {
  phrase *ph = new_phrase(L, f[0].p, f[0].n, PH_TITLE);
  if (!ph)
    return;
  ph->fold_case = true;
  if (nf > 1 && !field_empty(f[1]))
    ph->cue = intern_lower(L->s->strings, f[1].p, f[1].n);
  if (nf > 2 && !field_empty(f[2]))
    ph->actor = (lex_actor *)field_str(L, f[2]);
}

static bool parse_slots(loader *L, field f, slot *out) {
  field items[MAX_SLOTS + 1];
  size_t k = 0, start = 0;
  if (field_empty(f))
    return true;
  for (size_t i = 0; i <= f.n; i++)
    if (i == f.n || f.p[i] == ',') {
      if (k == MAX_SLOTS)
        return fail(L, "too many slots", NULL), false;
      items[k].p = f.p + start;
      items[k].n = i - start;
      k++;
      start = i + 1;
    }
  static const struct {
    const char *name;
    slot_kind kind;
  } named[] = {{"subj", SLOT_SUBJ},
               {"obj", SLOT_OBJ},
               {"by", SLOT_BY},
               {"poss", SLOT_POSS},
               {"gap", SLOT_GAP},
               {"support", SLOT_SUPPORT},
               {"inverted", SLOT_INVERTED},
               {"speaker", SLOT_SPEAKER}};
  for (size_t i = 0; i < k; i++) {
    field it = items[i];
    out[i].kind = SLOT_NONE;
    for (size_t n = 0; n < sizeof named / sizeof *named; n++)
      if (strlen(named[n].name) == it.n &&
          memcmp(named[n].name, it.p, it.n) == 0)
        out[i].kind = named[n].kind;
    if (out[i].kind == SLOT_BY) /* the slot is named by its preposition */
      out[i].prep = L->s->by_prep;
    if (out[i].kind != SLOT_NONE)
      continue;
    /* a preposition of words.tsv (or "that", for a clause object); a
     * misspelt slot name must not pass as a preposition */
    out[i].kind = SLOT_PREP;
    out[i].prep = intern_lower(L->s->strings, it.p, it.n);
    if (!(sckg_lexicon_word(L->s, out[i].prep) & W_PREP) &&
        !(it.n == 4 && memcmp(it.p, "that", 4) == 0)) {
      fail(L,
           "unknown slot (not subj, obj, by, poss, gap, support, inverted, "
           "speaker or a preposition of words.tsv)",
           out[i].prep);
      return false;
    }
  }
  return true;
}

static phrase *add_trigger(loader *L, const lex_pattern *pat, const char *text,
                           size_t len) {
  phrase *ph = new_phrase(L, text, len, PH_TRIGGER);
  if (ph) {
    ph->fold_case = true;
    ph->pattern = pat;
  }
  return ph;
}

/* The form of verb `w` (n bytes, lowercase): the lemma itself when no
 * verb reading of it is an inflection ("condemn", not "found", which is
 * also find's past), an -ing form, or a finite one; FORM_ANY as well when
 * w is no verb. The forms a noun or adjective shares say so. */
static trigger_form verb_form(const char *w, size_t n) {
  sckg_lemma got[SCKG_MORPH_MAX];
  size_t k = sckg_morph_lemmas(w, n, got, SCKG_MORPH_MAX);
  bool verb = false, inflected = false, ing = false, s_form = false;
  bool nominal = false; /* a noun or adjective reading too */
  for (size_t i = 0; i < k && i < SCKG_MORPH_MAX; i++) {
    nominal |= (got[i].pos & (SCKG_POS_NOUN | SCKG_POS_ADJ)) != 0;
    if (got[i].pos == SCKG_POS_VERB) {
      verb = true;
      inflected |= got[i].infl != SCKG_INFL_NONE;
      ing |= got[i].infl == SCKG_INFL_ING;
      s_form |= got[i].infl == SCKG_INFL_S;
    }
  }
  if (!verb)
    return FORM_ANY;
  if (!inflected)
    return FORM_BARE;
  if (ing)
    return nominal ? FORM_ING_NOUN : FORM_ING;
  if (!nominal)
    return FORM_ANY;
  return s_form ? FORM_PLURAL : FORM_NOMINAL;
}

/* The first word of a trigger, lowercased, when it is an open-class word
 * (a closed-class word of words.tsv has its forms written out there: "be",
 * "has");
 * returns its length, 0 when it has none; *rest is where the trigger goes
 * on after it. */
static size_t first_word(loader *L, const char *text, size_t len,
                         char out[SCKG_MORPH_LEN_MAX], size_t *rest) {
  size_t pos = 0, n = 0;
  sckg_buf norm = {0};
  token t;
  if (sckg_token_next(text, len, &pos, &t, &norm) && t.kind == TK_WORD &&
      norm.len < SCKG_MORPH_LEN_MAX) {
    memcpy(out, norm.ptr, norm.len);
    sckg_ascii_lower(out, norm.len);
    /* a verb inflects whatever else words.tsv says it is ("launch" a
     * support verb, "team" a quantity noun); the verb group's own words
     * (be, has, would) have their forms written out there */
    sckg_wclass w =
        sckg_lexicon_word(L->s, sckg_strtab_find(L->s->strings, out, norm.len));
    if (!(w & (W_AUX | W_BE | W_MODAL | W_NEG | W_PREP | W_DET | W_CONJ)))
      n = norm.len;
    *rest = t.e;
  }
  sckg_buf_free(&norm);
  return n;
}

/* Is `text` (len bytes) one of the line's items already? */
static bool listed_item(const field *items, size_t n_items, const char *text,
                        size_t len) {
  for (size_t j = 0; j < n_items; j++)
    if (items[j].n == len && !strncasecmp_ascii(items[j].p, text, len))
      return true;
  return false;
}

/* Trigger i of a verb pattern and every other form of its first verb
 * ("warn": warns, warned, warning), each with the rest of the trigger
 * after it, each marked with its form so that the reader takes it as a
 * verb only where one may stand. A form the line lists already is not
 * added twice. */
static void add_verb_trigger(loader *L, const lex_pattern *pat,
                             const field *items, size_t n_items, size_t i) {
  const char *text = items[i].p;
  size_t len = items[i].n, rest = 0;
  char first[SCKG_MORPH_LEN_MAX];
  size_t flen = first_word(L, text, len, first, &rest);
  phrase *listed_ph = add_trigger(L, pat, text, len);
  if (!listed_ph || !flen)
    return;
  /* a compound WordNet does not know inflects its last part as a verb:
   * "test-fire", test-fired */
  size_t head = 0;
  if (!(sckg_morph_pos(first, flen) & SCKG_POS_VERB))
    for (size_t k = flen; k-- > 1 && !head;)
      if (first[k - 1] == '-' &&
          (sckg_morph_pos(first + k, flen - k) & SCKG_POS_VERB))
        head = k;
  listed_ph->form = verb_form(first + head, flen - head);
  /* a form words.tsv lists as a verb of saying ("said", "told") is a verb
   * wherever it stands: "the report released on April 6 said" */
  if (sckg_lexicon_word(L->s, sckg_strtab_find(L->s->strings, first, flen)) &
      W_SAY)
    listed_ph->form = FORM_ANY;
  sckg_lemma lemmas[SCKG_MORPH_MAX];
  size_t nl =
      sckg_morph_lemmas(first + head, flen - head, lemmas, SCKG_MORPH_MAX);
  for (size_t q = 0; q < nl && q < SCKG_MORPH_MAX; q++) {
    if (lemmas[q].pos != SCKG_POS_VERB)
      continue;
    enum { MAX_FORMS = 16 };
    char forms[MAX_FORMS + 1][SCKG_MORPH_LEN_MAX];
    size_t nf = sckg_morph_verb_forms(lemmas[q].text, lemmas[q].len, true,
                                      forms, MAX_FORMS);
    if (nf > MAX_FORMS)
      nf = MAX_FORMS;
    memcpy(forms[nf], lemmas[q].text, lemmas[q].len); /* and the lemma */
    forms[nf++][lemmas[q].len] = '\0';
    for (size_t k = 0; k < nf; k++) {
      const char *w = forms[k];
      size_t wl = strlen(w);
      if (head + wl == flen && !memcmp(w, first + head, wl))
        continue; /* the trigger as written */
      sckg_buf b = {0};
      sckg_buf_add(&b, first, head);
      sckg_buf_add(&b, w, wl);
      sckg_buf_add(&b, text + rest, len - rest);
      phrase *ph = listed_item(items, n_items, b.ptr, b.len)
                       ? NULL
                       : add_trigger(L, pat, b.ptr, b.len);
      if (ph)
        ph->form = verb_form(w, wl);
      sckg_buf_free(&b);
    }
  }
}

/* The variants of trigger `it` with its head noun in the plural ("missile
 * launch": missile launches; "dismiss * claim": dismiss * claims), in the
 * loader's arena; returns how many. The head is the last word before the
 * trigger's first preposition past its start ("condemnation of"), else its
 * last word; a verb pattern's head is its last word only, and never its
 * first (the verb). */
static size_t plural_items(loader *L, field it, bool verb, field *out,
                           size_t max) {
  size_t pos = 0, hb = 0, he = 0, words = 0;
  bool head_ok = true, class_name = false;
  sckg_buf norm = {0};
  token t;
  while (sckg_token_next(it.p, it.n, &pos, &t, &norm)) {
    char low[SCKG_MORPH_LEN_MAX];
    bool after_at = class_name; /* "@cardinal": a class, not a head */
    class_name = norm.len == 1 && norm.ptr[0] == '@';
    if (t.kind != TK_WORD || norm.len >= sizeof low || after_at) {
      head_ok = false; /* a '*' or a class ends the trigger: no head */
      if (!verb)
        break;
      continue;
    }
    memcpy(low, norm.ptr, norm.len);
    sckg_ascii_lower(low, norm.len);
    const char *w = sckg_strtab_find(L->s->strings, low, norm.len);
    if (!verb && words > 0 && (sckg_lexicon_word(L->s, w) & W_PREP))
      break;
    words++;
    hb = t.b;
    he = t.e;
    head_ok = true;
  }
  sckg_buf_free(&norm);
  char head[SCKG_MORPH_LEN_MAX];
  if (!head_ok || (verb && words < 2) || he <= hb || he - hb >= sizeof head)
    return 0;
  memcpy(head, it.p + hb, he - hb);
  sckg_ascii_lower(head, he - hb);
  enum { MAX_FORMS = 8 };
  char forms[MAX_FORMS][SCKG_MORPH_LEN_MAX];
  size_t nf = sckg_morph_noun_plurals(head, he - hb, forms, MAX_FORMS);
  size_t n = 0;
  for (size_t k = 0; k < nf && k < MAX_FORMS && n < max; k++) {
    sckg_buf b = {0};
    sckg_buf_add(&b, it.p, hb);
    sckg_buf_add(&b, forms[k], strlen(forms[k]));
    sckg_buf_add(&b, it.p + he, it.n - he);
    out[n++] = (field){sckg_arena_strndup(L->s->arena, b.ptr, b.len), b.len};
    sckg_buf_free(&b);
  }
  return n;
}

static void type_line(loader *L, field *f, size_t nf) {
  sckg_schema *s = L->s;
  sckg_event_type t = sckg_event_type_parse(f[0].p, f[0].n);
  if (t == SCKG_EV_COUNT) {
    fail(L, "unknown event type", field_str(L, f[0]));
    return;
  }
  sckg_type_info *ti = &s->types[t];
  if (ti->label) {
    fail(L, "event type listed twice", field_str(L, f[0]));
    return;
  }
  ti->cameo = field_empty(f[1]) ? NULL : field_str(L, f[1]);
  ti->label = field_str(L, f[2]);
  field items[MAX_ITEMS];
  size_t k = list_items(f[3], items, MAX_ITEMS);
  for (size_t i = 0; i < k; i++) {
    static const struct {
      const char *name;
      unsigned bit;
    } roles[] = {{"speech", TYPE_SPEECH},    {"act", TYPE_ACT},
                 {"crime", TYPE_CRIME},      {"pair", TYPE_PAIR},
                 {"joint", TYPE_JOINT},      {"reaction", TYPE_REACTION},
                 {"official", TYPE_OFFICIAL}};
    size_t r = 0;
    while (r < sizeof roles / sizeof *roles &&
           !field_is(items[i], roles[r].name))
      r++;
    if (r == sizeof roles / sizeof *roles) {
      fail(L,
           "unknown role (speech, act, crime, pair, joint, reaction, "
           "official)",
           field_str(L, items[i]));
      return;
    }
    ti->roles |= roles[r].bit;
  }
  int fam = 0;
  while (fam < SCKG_FAM_COUNT && !field_is(f[4], sckg_family_names[fam]))
    fam++;
  if (fam == SCKG_FAM_COUNT) {
    fail(L, "unknown family (say, measure, force, illicit)",
         field_str(L, f[4]));
    return;
  }
  ti->family = (sckg_family)fam;
  ti->group = nf > 5 && !field_empty(f[5]) ? field_str(L, f[5]) : NULL;
}

/* A row of classes.tsv: class, word, frame, source, status, reason. The
 * words `in` or `add` to a class are what "%class" stands for in a
 * trigger, each followed by its frame ("charge" with "* with"); `out`
 * rows record what the review excluded, and stand for nothing. */
static void class_line(loader *L, field *f, size_t nf) {
  (void)nf;
  bool in = field_is(f[4], "in") || field_is(f[4], "add");
  if (!in && !field_is(f[4], "out")) {
    fail(L, "a class word's status is in, out or add", field_str(L, f[4]));
    return;
  }
  if (!in)
    return;
  sckg_buf b = {0};
  sckg_buf_add(&b, f[1].p, f[1].n);
  if (!field_empty(f[2])) {
    sckg_buf_add(&b, " ", 1);
    sckg_buf_add(&b, f[2].p, f[2].n);
  }
  sckg_vec_push(&L->class_names, (void *)field_str(L, f[0]));
  sckg_vec_push(&L->class_members,
                (void *)sckg_arena_strndup(L->s->arena, b.ptr, b.len));
  sckg_buf_free(&b);
}

/* Items "%class rest" of a trigger list replaced by every word of the
 * class, each with the rest after it ("%criticize" gives condemn,
 * denounce, ...); returns the new count, 0 after a failure. */
static size_t expand_classes(loader *L, field *items, size_t k) {
  field out[MAX_ITEMS];
  size_t n = 0;
  for (size_t i = 0; i < k; i++) {
    if (items[i].p[0] != '%') {
      if (n < MAX_ITEMS)
        out[n++] = items[i];
      continue;
    }
    size_t e = 1;
    while (e < items[i].n && items[i].p[e] != ' ')
      e++;
    const char *name = sckg_strtab_find(L->s->strings, items[i].p + 1, e - 1);
    size_t found = 0;
    for (size_t r = 0; name && r < L->class_names.len; r++) {
      if (L->class_names.items[r] != name)
        continue;
      const char *m = L->class_members.items[r];
      sckg_buf b = {0};
      sckg_buf_add(&b, m, strlen(m));
      sckg_buf_add(&b, items[i].p + e, items[i].n - e);
      if (n < MAX_ITEMS)
        out[n++] =
            (field){sckg_arena_strndup(L->s->arena, b.ptr, b.len), b.len};
      sckg_buf_free(&b);
      found++;
    }
    if (!found) {
      fail(L, "no class of classes.tsv by that name", field_str(L, items[i]));
      return 0;
    }
  }
  if (n == MAX_ITEMS) {
    fail(L, "too many triggers on one line", NULL);
    return 0;
  }
  memcpy(items, out, n * sizeof *out);
  return n;
}

static void event_line(loader *L, field *f, size_t nf) {
  sckg_schema *s = L->s;
  lex_pattern *pat = sckg_arena_alloc(s->arena, sizeof *pat);
  pat->type = sckg_event_type_parse(f[0].p, f[0].n);
  if (pat->type == SCKG_EV_COUNT) {
    fail(L, "unknown event type", field_str(L, f[0]));
    return;
  }
  if (f[1].n == 4 && memcmp(f[1].p, "noun", 4) == 0)
    pat->flags |= PAT_NOUN;
  else if (f[1].n == 7 && memcmp(f[1].p, "passive", 7) == 0)
    pat->flags |= PAT_PASSIVE;
  else if (!(f[1].n == 4 && memcmp(f[1].p, "verb", 4) == 0)) {
    fail(L, "form must be verb, passive or noun", field_str(L, f[1]));
    return;
  }
  if (!parse_slots(L, f[3], pat->agent) || !parse_slots(L, f[4], pat->target))
    return;
  field items[MAX_ITEMS];
  size_t k = nf > 5 ? list_items(f[5], items, MAX_ITEMS) : 0;
  for (size_t i = 0; i < k; i++) {
    field it = items[i];
#define IS(w) (it.n == sizeof(w) - 1 && memcmp(it.p, w, it.n) == 0)
    if (IS("deny"))
      pat->flags |= PAT_DENY;
    else if (IS("report"))
      pat->flags |= PAT_REPORT;
    else if (IS("statement"))
      pat->flags |= PAT_STATEMENT;
    else if (IS("claim"))
      pat->flags |= PAT_CLAIM;
    else if (IS("consequence"))
      pat->flags |= PAT_CONSEQUENCE;
    else if (IS("joint"))
      pat->flags |= PAT_JOINT;
    else {
      fail(L, "unknown flag", field_str(L, it));
      return;
    }
#undef IS
  }
  if (!s->types[pat->type].label) {
    fail(L, "event type missing from types.tsv", field_str(L, f[0]));
    return;
  }
  if (s->types[pat->type].roles & TYPE_CRIME)
    pat->flags |= PAT_CRIME;
  k = expand_classes(L, items, list_items(f[2], items, MAX_ITEMS));
  /* a verb's trigger matches every inflection of its verb; a noun's head
   * (a noun pattern's, or the last word of a verb's: "dismiss * claim")
   * its plurals too */
  bool verb = !(pat->flags & ~PAT_FLAGS_OF_VERBS);
  bool inflect = verb || (pat->flags & PAT_NOUN);
  for (size_t i = 0, listed = k; inflect && i < listed; i++) {
    field more[8];
    size_t nm = plural_items(L, items[i], verb, more, 8);
    for (size_t q = 0; q < nm && k < MAX_ITEMS; q++)
      if (!listed_item(items, k, more[q].p, more[q].n))
        items[k++] = more[q];
  }
  for (size_t i = 0; i < k && L->st == SCKG_OK; i++)
    if (verb)
      add_verb_trigger(L, pat, items, k, i);
    else
      add_trigger(L, pat, items[i].p, items[i].n);
}

static void word_put(sckg_schema *s, const char *key, sckg_wclass bits);

static void word_line(loader *L, field *f, size_t nf) {
  (void)nf;
  /* a conjunction of several words is a phrase: "as well as" */
  if (memchr(f[0].p, ' ', f[0].n)) {
    if (!field_is(f[1], "conj")) {
      fail(L, "only a conj may have several words", field_str(L, f[0]));
      return;
    }
    phrase *ph = new_phrase(L, f[0].p, f[0].n, PH_CONJ);
    if (ph)
      ph->fold_case = true;
    return;
  }
  sckg_wclass bit;
  if (class_named(f[1].p, f[1].n, &bit)) {
    const char *key = intern_lower(L->s->strings, f[0].p, f[0].n);
    word_put(L->s, key, bit);
    if (nf >= 3 && !field_empty(f[2])) {
      char num[16];
      char *end;
      long v = 0;
      if (f[2].n < sizeof num) {
        memcpy(num, f[2].p, f[2].n);
        num[f[2].n] = '\0';
        v = strtol(num, &end, 10);
      }
      if (f[2].n >= sizeof num || *end || v < -999 || v > 999) {
        fail(L, "a word's value is a number from -999 to 999",
             field_str(L, f[2]));
        return;
      }
      sckg_pmap_put(&L->s->word_nums, key, (void *)(uintptr_t)(v + 0x10000));
    }
    return;
  }
  fail(L, "unknown word class", field_str(L, f[1]));
}

static void name_line(loader *L, field *f, size_t nf) {
  (void)nf;
  if (!((f[1].n == 5 && !memcmp(f[1].p, "given", 5)) ||
        (f[1].n == 7 && !memcmp(f[1].p, "surname", 7)))) {
    fail(L, "a name's kind is given or surname", field_str(L, f[1]));
    return;
  }
  word_put(L->s, intern_lower(L->s->strings, f[0].p, f[0].n), W_NAME);
}

static void publisher_line(loader *L, field *f, size_t nf) {
  (void)nf;
  sckg_vec_push(&L->pub_marks, (void *)field_str(L, f[0]));
  sckg_vec_push(&L->pub_names, (void *)field_str(L, f[1]));
}

static const char *const noise_kinds[NOISE_KIND_COUNT] = {
    "title", "caption", "credit", "byline",     "dateline", "timestamp",
    "label", "post",    "link",   "correction", "copyright"};

const char *sckg_noise_kind_name(noise_kind k) {
  return k < NOISE_KIND_COUNT ? noise_kinds[k] : "noise";
}

/* kind, where, pattern: the kinds a pattern may name are those that have
 * patterns (the title, datelines and timestamps are found by shape). */
static void noise_line(loader *L, field *f, size_t nf) {
  (void)nf;
  static const char *const wheres[] = {"start", "end", "cue", "weak-cue"};
  noise_pattern np = {0};
  size_t k = 0;
  while (k < NOISE_KIND_COUNT && !field_is(f[0], noise_kinds[k]))
    k++;
  if (k == NOISE_KIND_COUNT || k == NOISE_TITLE || k == NOISE_DATELINE ||
      k == NOISE_TIMESTAMP) {
    fail(L,
         "unknown noise kind (caption, credit, byline, label, post, link, "
         "correction or copyright)",
         field_str(L, f[0]));
    return;
  }
  np.kind = (noise_kind)k;
  size_t w = 0;
  while (w < sizeof wheres / sizeof *wheres && !field_is(f[1], wheres[w]))
    w++;
  if (w == sizeof wheres / sizeof *wheres) {
    fail(L, "unknown place of a noise pattern (start, end, cue or weak-cue)",
         field_str(L, f[1]));
    return;
  }
  np.where = (noise_where)w;
  if (field_empty(f[2]) || f[2].p[0] == '*' || f[2].p[0] == ' ') {
    /* it would match every paragraph, or none */
    fail(L, "a noise pattern must start with a word", field_str(L, f[2]));
    return;
  }
  np.pat = intern_lower(L->s->strings, f[2].p, f[2].n);
  noise_pattern *copy = sckg_arena_alloc(L->s->arena, sizeof *copy);
  *copy = np;
  sckg_vec_push(&L->noise_items, copy);
}

/* Pointer-keyed open addressing for the word classes. */
static size_t ptr_slot(const char *const *keys, size_t cap, const char *key) {
  size_t i = (size_t)(((uintptr_t)key >> 4) * 2654435761u) & (cap - 1);
  while (keys[i] && keys[i] != key)
    i = (i + 1) & (cap - 1);
  return i;
}

static void word_put(sckg_schema *s, const char *key, sckg_wclass bits) {
  if (!s->word_cap) {
    s->word_cap = 1024;
    s->word_keys = sckg_xcalloc(s->word_cap, sizeof *s->word_keys);
    s->word_vals = sckg_xcalloc(s->word_cap, sizeof *s->word_vals);
  }
  size_t i = ptr_slot(s->word_keys, s->word_cap, key);
  s->word_used += s->word_keys[i] == NULL;
  s->word_keys[i] = key;
  s->word_vals[i] |= bits;
  if (s->word_used * 2 > s->word_cap) {
    const char **ok = s->word_keys;
    sckg_wclass *ov = s->word_vals;
    size_t oc = s->word_cap;
    s->word_cap *= 2;
    s->word_keys = sckg_xcalloc(s->word_cap, sizeof *s->word_keys);
    s->word_vals = sckg_xcalloc(s->word_cap, sizeof *s->word_vals);
    for (size_t k = 0; k < oc; k++)
      if (ok[k]) {
        size_t j = ptr_slot(s->word_keys, s->word_cap, ok[k]);
        s->word_keys[j] = ok[k];
        s->word_vals[j] = ov[k];
      }
    free(ok);
    free(ov);
  }
}

bool sckg_lexicon_word_value(const sckg_schema *s, const char *tok, int *out) {
  void *v = tok ? sckg_pmap_get(&s->word_nums, tok) : NULL;
  if (!v)
    return false;
  *out = (int)((uintptr_t)v) - 0x10000;
  return true;
}

uint32_t sckg_lexicon_event_head(const sckg_schema *s, const char *tok) {
  void *v = tok ? sckg_pmap_get(&s->event_heads, tok) : NULL;
  return v ? (uint32_t)((uintptr_t)v - 1) : 0;
}

/* The head noun of each noun pattern's trigger: its last word before its
 * first preposition, else its last word ("missile launch": launch); none
 * after a '*' or a class. */
static void index_event_heads(sckg_schema *s) {
  for (size_t i = 0; i < s->n_phrases; i++) {
    const phrase *ph = s->phrases[i];
    if (ph->kind != PH_TRIGGER || !(ph->pattern->flags & PAT_NOUN))
      continue;
    size_t head = ph->n;
    for (size_t k = 0; k < ph->n; k++) {
      if ((ph->is_star && ph->is_star[k]) || (ph->wclass && ph->wclass[k]))
        break;
      if (k > 0 && (sckg_lexicon_word(s, ph->ltoks[k]) & W_PREP))
        break;
      head = k;
    }
    if (head == ph->n)
      continue;
    const char *w = ph->ltoks[head];
    uint32_t bits = sckg_lexicon_event_head(s, w) | (uint32_t)1
                                                        << ph->pattern->type;
    sckg_pmap_put(&s->event_heads, w, (void *)((uintptr_t)bits + 1));
  }
}

sckg_wclass sckg_lexicon_word(const sckg_schema *s, const char *tok) {
  if (!tok || !s->word_cap)
    return 0;
  size_t i = ptr_slot(s->word_keys, s->word_cap, tok);
  return s->word_keys[i] ? s->word_vals[i] : 0;
}

phrase **sckg_lexicon_phrases(const sckg_schema *s, const char *tok,
                              size_t *n) {
  *n = 0;
  if (!tok || !s->index_cap)
    return NULL;
  size_t i = ptr_slot(s->index_keys, s->index_cap, tok);
  if (!s->index_keys[i])
    return NULL;
  *n = s->index_lens[i];
  return s->index_vals[i];
}

static int phrase_cmp(const void *pa, const void *pb) {
  const phrase *a = *(phrase *const *)pa, *b = *(phrase *const *)pb;
  if (a->ltoks[0] != b->ltoks[0])
    return a->ltoks[0] < b->ltoks[0] ? -1 : 1;
  if (a->n != b->n)
    return a->n > b->n ? -1 : 1; /* longest first */
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  return strcmp(a->text, b->text);
}

static int actor_cmp(const void *pa, const void *pb) {
  return strcmp((*(lex_actor *const *)pa)->id, (*(lex_actor *const *)pb)->id);
}

lex_actor *sckg_lexicon_actor(const sckg_schema *s, const char *id) {
  size_t lo = 0, hi = s->n_actors;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(s->actors[mid]->id, id);
    if (!c)
      return s->actors[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

static void build_index(sckg_schema *s) {
  qsort(s->phrases, s->n_phrases, sizeof *s->phrases, phrase_cmp);
  size_t groups = 0;
  for (size_t i = 0; i < s->n_phrases; i++)
    groups += i == 0 || s->phrases[i]->ltoks[0] != s->phrases[i - 1]->ltoks[0];
  s->index_cap = 16;
  while (s->index_cap < groups * 2)
    s->index_cap *= 2;
  s->index_keys = sckg_xcalloc(s->index_cap, sizeof *s->index_keys);
  s->index_vals = sckg_xcalloc(s->index_cap, sizeof *s->index_vals);
  s->index_lens = sckg_xcalloc(s->index_cap, sizeof *s->index_lens);
  s->seconds =
      sckg_xcalloc(s->n_phrases ? s->n_phrases : 1, sizeof *s->seconds);
  for (size_t i = 0; i < s->n_phrases; i++) {
    const phrase *ph = s->phrases[i];
    if (ph->n > 1 && !(ph->is_star && ph->is_star[1]) &&
        !(ph->wclass && ph->wclass[1]))
      s->seconds[i] = ph->ltoks[1];
  }
  for (size_t i = 0; i < s->n_phrases;) {
    size_t j = i;
    while (j < s->n_phrases &&
           s->phrases[j]->ltoks[0] == s->phrases[i]->ltoks[0])
      j++;
    size_t k = ptr_slot(s->index_keys, s->index_cap, s->phrases[i]->ltoks[0]);
    s->index_keys[k] = s->phrases[i]->ltoks[0];
    s->index_vals[k] = s->phrases + i;
    s->index_lens[k] = j - i;
    i = j;
  }
}

static const struct {
  const char *name;
  size_t min_fields;
  line_fn fn;
  bool required;
} tables[] = {
    {"words.tsv", 2, word_line, true}, /* first: patterns check against it */
    {"actors.tsv", 5, actor_line, true},
    {"heads.tsv", 2, head_line, true},
    {"anaphors.tsv", 2, anaphor_line, true},
    {"titles.tsv", 1, title_line, true},
    {"types.tsv", 5, type_line, true},    /* before events.tsv */
    {"classes.tsv", 5, class_line, true}, /* before events.tsv too */
    {"events.tsv", 5, event_line, true},
    {"names.tsv", 2, name_line, true},
    {"publishers.tsv", 2, publisher_line, true},
    {"noise.tsv", 3, noise_line, true},
};

sckg_status sckg_lexicon_load(table_getter get, void *ctx, sckg_diag_sink sink,
                              void *handle, sckg_schema **out) {
  loader L = {0};
  L.sink = sink;
  L.handle = handle;
  sckg_schema *s = L.s = sckg_xcalloc(1, sizeof *s);
  s->arena = sckg_arena_new();
  s->strings = sckg_strtab_new(s->arena);
  s->by_prep = intern_lower(s->strings, "by", 2); /* the `by` slot's name */
  *out = NULL;
  for (size_t t = 0; t < sizeof tables / sizeof *tables && L.st == SCKG_OK;
       t++) {
    size_t len;
    const char *data = get(ctx, tables[t].name, &len);
    L.file = tables[t].name;
    if (!data) {
      L.line = 0;
      fail(&L, "missing schema table", NULL);
      break;
    }
    each_line(&L, data, len, tables[t].min_fields, tables[t].fn);
    L.line = 0;
    if (tables[t].fn == type_line) /* every type, before a pattern names one */
      for (int k = 0; k < SCKG_EV_COUNT && L.st == SCKG_OK; k++)
        if (!s->types[k].label)
          fail(&L, "no line for event type", sckg_event_types[k].name);
  }
  if (L.st == SCKG_OK) {
    s->n_actors = L.actors.len;
    s->actors = sckg_arena_memdup(s->arena, L.actors.items,
                                  L.actors.len * sizeof(void *));
    qsort(s->actors, s->n_actors, sizeof *s->actors, actor_cmp);
    for (size_t i = 0; i < s->n_actors; i++)
      s->actors[i]->index = i;
    L.file = "actors.tsv";
    for (size_t i = 0; i + 1 < s->n_actors && L.st == SCKG_OK; i++)
      if (!strcmp(s->actors[i]->id, s->actors[i + 1]->id)) {
        L.line = s->actors[i]->line > s->actors[i + 1]->line
                     ? s->actors[i]->line
                     : s->actors[i + 1]->line; /* the second one */
        fail(&L, "duplicate actor id", s->actors[i]->id);
      }
    for (size_t i = 0; i < s->n_actors && L.st == SCKG_OK; i++) {
      lex_actor *a = s->actors[i];
      L.line = a->line;
      if (a->parent_id && !(a->parent = sckg_lexicon_actor(s, a->parent_id)))
        fail(&L, "unknown parent id", a->parent_id);
      for (size_t k = 0; k < a->n_related && L.st == SCKG_OK; k++) {
        const char *id = (const char *)a->related[k];
        if (!(a->related[k] = sckg_lexicon_actor(s, id)))
          fail(&L, "unknown related id", id);
      }
    }
  }
  /* a title's office: its id until the actors are sorted */
  L.file = "titles.tsv";
  for (size_t i = 0; i < L.phrases.len && L.st == SCKG_OK; i++) {
    phrase *ph = L.phrases.items[i];
    if (ph->kind != PH_TITLE || !ph->actor)
      continue;
    const char *id = (const char *)ph->actor;
    if (!(ph->actor = sckg_lexicon_actor(s, id)))
      fail(&L, "unknown office id", id);
  }
  if (L.st == SCKG_OK) {
    s->n_phrases = L.phrases.len;
    s->phrases = sckg_arena_memdup(s->arena, L.phrases.items,
                                   L.phrases.len * sizeof(void *));
    build_index(s);
    index_event_heads(s);
    s->n_pubs = L.pub_marks.len;
    s->pub_marks = sckg_arena_memdup(s->arena, L.pub_marks.items,
                                     L.pub_marks.len * sizeof(void *));
    s->pub_names = sckg_arena_memdup(s->arena, L.pub_names.items,
                                     L.pub_names.len * sizeof(void *));
    s->n_noise = L.noise_items.len;
    s->noise = sckg_arena_alloc(s->arena, (s->n_noise ? s->n_noise : 1) *
                                              sizeof *s->noise);
    /* a counting sort by first byte keeps the table's order within one */
    for (size_t i = 0; i < s->n_noise; i++) {
      const noise_pattern *np = L.noise_items.items[i];
      s->noise_from[(unsigned char)np->pat[0] + 1]++;
    }
    for (size_t c = 1; c <= 256; c++)
      s->noise_from[c] += s->noise_from[c - 1];
    unsigned next[256];
    memcpy(next, s->noise_from, sizeof next);
    for (size_t i = 0; i < s->n_noise; i++) {
      const noise_pattern *np = L.noise_items.items[i];
      s->noise[next[(unsigned char)np->pat[0]]++] = *np;
    }
  }
  sckg_vec_free(&L.phrases);
  sckg_vec_free(&L.actors);
  sckg_vec_free(&L.pub_marks);
  sckg_vec_free(&L.pub_names);
  sckg_vec_free(&L.noise_items);
  sckg_vec_free(&L.class_names);
  sckg_vec_free(&L.class_members);
  if (L.st != SCKG_OK) {
    sckg_schema_free(s);
    return L.st;
  }
  *out = s;
  return SCKG_OK;
}

void sckg_schema_free(sckg_schema *s) {
  if (!s)
    return;
  free(s->seconds);
  free(s->index_keys);
  free(s->index_vals);
  free(s->index_lens);
  free(s->word_keys);
  free(s->word_vals);
  sckg_pmap_free(&s->word_nums);
  sckg_pmap_free(&s->event_heads);
  sckg_strtab_free(s->strings);
  sckg_arena_free(s->arena);
  free(s);
}

/* A lexicon actor whose name or alias is exactly `label`, or NULL. */
const lex_actor *sckg_lexicon_by_name(const sckg_schema *s, const char *label,
                                      size_t len) {
  sckg_buf norm = {0};
  const char *toks[32];
  size_t n = 0, pos = 0;
  token t;
  bool ok = true;
  while (sckg_token_next(label, len, &pos, &t, &norm)) {
    if (n == 32) {
      ok = false;
      break;
    }
    toks[n++] = sckg_strtab_find(s->strings, norm.ptr, norm.len);
  }
  const lex_actor *found = NULL;
  if (ok && n && toks[0]) {
    sckg_ascii_lower(norm.ptr, 0);
    size_t nc;
    const char *first = toks[0];
    /* the index is keyed by the lowered first token */
    char lowered[256];
    size_t fl = strlen(first) < 255 ? strlen(first) : 255;
    memcpy(lowered, first, fl);
    sckg_ascii_lower(lowered, fl);
    phrase **c =
        sckg_lexicon_phrases(s, sckg_strtab_find(s->strings, lowered, fl), &nc);
    for (size_t i = 0; i < nc && !found; i++) {
      if (c[i]->kind != PH_ACTOR || c[i]->n != n)
        continue;
      bool eq = true;
      for (size_t k = 0; k < n && eq; k++)
        eq = c[i]->toks[k] == toks[k];
      if (eq)
        found = c[i]->actor;
    }
  }
  sckg_buf_free(&norm);
  return found;
}

/* The embedded schema is loaded once and shared. */
static const char *embedded_get(void *ctx, const char *name, size_t *len) {
  (void)ctx;
  const sckg_embedded_file *f = sckg_embedded_find(sckg_embedded_schema, name);
  if (!f)
    return NULL;
  *len = f->len;
  return f->data;
}

const sckg_embedded_file *sckg_embedded_find(const sckg_embedded_file *table,
                                             const char *name) {
  for (; table->name; table++)
    if (!strcmp(table->name, name))
      return table;
  return NULL;
}

static sckg_schema *embedded_schema;

sckg_status sckg_schema_embedded(const sckg_schema **out) {
  if (!embedded_schema) {
    sckg_status st =
        sckg_lexicon_load(embedded_get, NULL, NULL, NULL, &embedded_schema);
    if (st != SCKG_OK)
      return st;
  }
  *out = embedded_schema;
  return SCKG_OK;
}

sckg_status sckg_schema_embedded_report(sckg_diag_sink sink, void *handle) {
  sckg_schema *s = NULL;
  sckg_status st = sckg_lexicon_load(embedded_get, NULL, sink, handle, &s);
  sckg_schema_free(s);
  return st;
}

/* Reading a schema directory: each table is read whole. */
typedef struct {
  const char *dir;
  char *bufs[16];
  size_t n;
} dir_ctx;

static const char *dir_get(void *ctx, const char *name, size_t *len) {
  dir_ctx *d = ctx;
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", d->dir, name);
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  sckg_buf b = {0};
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
    sckg_buf_add(&b, chunk, got);
  fclose(f);
  if (!b.ptr)
    sckg_buf_add(&b, "", 0);
  if (d->n < 16)
    d->bufs[d->n++] = b.ptr;
  *len = b.len;
  return b.ptr;
}

sckg_status sckg_schema_load_dir(const char *dir, sckg_diag_sink sink,
                                 void *handle, sckg_schema **out) {
  dir_ctx d = {dir, {0}, 0};
  sckg_status st = sckg_lexicon_load(dir_get, &d, sink, handle, out);
  for (size_t i = 0; i < d.n; i++)
    free(d.bufs[i]);
  return st;
}
