/* SPDX-License-Identifier: MIT */
/* The event tables: types.tsv, classes.tsv (the lexical classes) and
 * events.tsv, whose triggers become phrases in each verb form. */
#include "base/embedded.h"
#include "lexicon/load.h"
#include "lexicon/morph.h"
#include "lexicon/token.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool parse_slots(loader *L, field f, slot *out) {
  field items[MAX_SLOTS + 1];
  size_t k = 0, start = 0;
  if (lex_field_empty(f))
    return true;
  for (size_t i = 0; i <= f.n; i++)
    if (i == f.n || f.p[i] == ',') {
      if (k == MAX_SLOTS)
        return lex_fail(L, "too many slots", NULL), false;
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
    out[i].prep = lex_intern_lower(L->s->strings, it.p, it.n);
    if (!(sckg_lexicon_word(L->s, out[i].prep) & W_PREP) &&
        !(it.n == 4 && memcmp(it.p, "that", 4) == 0)) {
      lex_fail(L,
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
  phrase *ph = lex_new_phrase(L, text, len, PH_TRIGGER);
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
  sckg_str form;
  token t;
  if (sckg_token_next(text, len, &pos, &t, &norm, &form) && t.kind == TK_WORD &&
      form.len < SCKG_MORPH_LEN_MAX) {
    memcpy(out, form.ptr, form.len);
    sckg_ascii_lower(out, form.len);
    /* a verb inflects whatever else words.tsv says it is ("launch" a
     * support verb, "team" a quantity noun); the verb group's own words
     * (be, has, would) have their forms written out there */
    sckg_wclass w =
        sckg_lexicon_word(L->s, sckg_strtab_find(L->s->strings, out, form.len));
    if (!(w & (W_AUX | W_BE | W_MODAL | W_NEG | W_PREP | W_DET | W_CONJ)))
      n = form.len;
    *rest = t.e;
  }
  sckg_buf_free(&norm);
  return n;
}

/* Is `text` (len bytes) one of the line's items already? */
static bool listed_item(const field *items, size_t n_items, const char *text,
                        size_t len) {
  for (size_t j = 0; j < n_items; j++)
    if (items[j].n == len && !lex_strncasecmp_ascii(items[j].p, text, len))
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
  sckg_str form;
  token t;
  while (sckg_token_next(it.p, it.n, &pos, &t, &norm, &form)) {
    char low[SCKG_MORPH_LEN_MAX];
    bool after_at = class_name; /* "@cardinal": a class, not a head */
    class_name = form.len == 1 && form.ptr[0] == '@';
    if (t.kind != TK_WORD || form.len >= sizeof low || after_at) {
      head_ok = false; /* a '*' or a class ends the trigger: no head */
      if (!verb)
        break;
      continue;
    }
    memcpy(low, form.ptr, form.len);
    sckg_ascii_lower(low, form.len);
    const char *w = sckg_strtab_find(L->s->strings, low, form.len);
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

void lex_type_line(loader *L, field *f, size_t nf) {
  sckg_schema *s = L->s;
  sckg_event_type t = sckg_event_type_parse(f[0].p, f[0].n);
  if (t == SCKG_EV_COUNT) {
    lex_fail(L, "unknown event type", lex_field_str(L, f[0]));
    return;
  }
  sckg_type_info *ti = &s->types[t];
  if (ti->label) {
    lex_fail(L, "event type listed twice", lex_field_str(L, f[0]));
    return;
  }
  ti->cameo = lex_field_empty(f[1]) ? NULL : lex_field_str(L, f[1]);
  ti->label = lex_field_str(L, f[2]);
  field items[MAX_ITEMS];
  size_t k = lex_list_items(f[3], items, MAX_ITEMS);
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
           !lex_field_is(items[i], roles[r].name))
      r++;
    if (r == sizeof roles / sizeof *roles) {
      lex_fail(L,
               "unknown role (speech, act, crime, pair, joint, reaction, "
               "official)",
               lex_field_str(L, items[i]));
      return;
    }
    ti->roles |= roles[r].bit;
  }
  int fam = 0;
  while (fam < SCKG_FAM_COUNT && !lex_field_is(f[4], sckg_family_names[fam]))
    fam++;
  if (fam == SCKG_FAM_COUNT) {
    lex_fail(L, "unknown family (say, measure, force, illicit)",
             lex_field_str(L, f[4]));
    return;
  }
  ti->family = (sckg_family)fam;
  ti->group = nf > 5 && !lex_field_empty(f[5]) ? lex_field_str(L, f[5]) : NULL;
}

/* A row of classes.tsv: class, word, frame, source, status, reason. The
 * words `in` or `add` to a class are what "%class" stands for in a
 * trigger, each followed by its frame ("charge" with "* with"); `out`
 * rows record what the review excluded, and stand for nothing. */
void lex_class_line(loader *L, field *f, size_t nf) {
  (void)nf;
  bool in = lex_field_is(f[4], "in") || lex_field_is(f[4], "add");
  if (!in && !lex_field_is(f[4], "out")) {
    lex_fail(L, "a class word's status is in, out or add",
             lex_field_str(L, f[4]));
    return;
  }
  if (!in)
    return;
  sckg_buf b = {0};
  sckg_buf_add(&b, f[1].p, f[1].n);
  if (!lex_field_empty(f[2])) {
    sckg_buf_add(&b, " ", 1);
    sckg_buf_add(&b, f[2].p, f[2].n);
  }
  sckg_vec_push(&L->class_names, (void *)lex_field_str(L, f[0]));
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
      lex_fail(L, "no class of classes.tsv by that name",
               lex_field_str(L, items[i]));
      return 0;
    }
  }
  if (n == MAX_ITEMS) {
    lex_fail(L, "too many triggers on one line", NULL);
    return 0;
  }
  memcpy(items, out, n * sizeof *out);
  return n;
}

void lex_event_line(loader *L, field *f, size_t nf) {
  sckg_schema *s = L->s;
  lex_pattern *pat = sckg_arena_alloc(s->arena, sizeof *pat);
  pat->type = sckg_event_type_parse(f[0].p, f[0].n);
  if (pat->type == SCKG_EV_COUNT) {
    lex_fail(L, "unknown event type", lex_field_str(L, f[0]));
    return;
  }
  if (f[1].n == 4 && memcmp(f[1].p, "noun", 4) == 0)
    pat->flags |= PAT_NOUN;
  else if (f[1].n == 7 && memcmp(f[1].p, "passive", 7) == 0)
    pat->flags |= PAT_PASSIVE;
  else if (!(f[1].n == 4 && memcmp(f[1].p, "verb", 4) == 0)) {
    lex_fail(L, "form must be verb, passive or noun", lex_field_str(L, f[1]));
    return;
  }
  if (!parse_slots(L, f[3], pat->agent) || !parse_slots(L, f[4], pat->target))
    return;
  field items[MAX_ITEMS];
  size_t k = nf > 5 ? lex_list_items(f[5], items, MAX_ITEMS) : 0;
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
      lex_fail(L, "unknown flag", lex_field_str(L, it));
      return;
    }
#undef IS
  }
  if (!s->types[pat->type].label) {
    lex_fail(L, "event type missing from types.tsv", lex_field_str(L, f[0]));
    return;
  }
  if (s->types[pat->type].roles & TYPE_CRIME)
    pat->flags |= PAT_CRIME;
  k = expand_classes(L, items, lex_list_items(f[2], items, MAX_ITEMS));
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
