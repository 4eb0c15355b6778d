/* SPDX-License-Identifier: MIT */
/* Actor mentions: names, demonyms with head nouns, titles and unknown
 * names. Anaphors are resolved in anaphora.c, from what the article
 * remembers; coordination makes groups in groups.c. */
#include "extract/reader.h"
#include "lexicon/morph.h"

/* --- actors ---------------------------------------------------------- */

ex_actor *ex_actor_of(reader *r, const lex_actor *a) {
  return sckg_entities_lex(&r->ents, a);
}

void ex_count_state(reader *r, ex_actor *a) {
  if (!a || a->cls != SCKG_CLASS_STATE)
    return;
  a->state_count++;
  r->st.last_state = a;
}

/* The state the article is most about so far: most mentions, then the most
 * recent. Iterates the article's mentions (ordered), not the map. */
ex_actor *ex_topic_state(reader *r) {
  ex_actor *best = NULL;
  size_t best_n = 0;
  for (size_t i = 0; i < r->out->mentions.len; i++) {
    ex_actor *a = r->out->mentions.items[i];
    /* a description does not refer to a name of its own sentence: in "the
     * envoy met his U.S. counterpart and condemned the isolated country",
     * the country is neither */
    bool here = false;
    for (size_t k = 0; k < r->nm; k++)
      if (r->m[k].kind == M_NAME && !r->m[k].poss)
        for (size_t q = 0; q < r->m[k].n; q++)
          here |= r->m[k].actors[q] == a;
    if (here)
      continue;
    size_t c = a->state_count;
    if (c > best_n || (c == best_n && c && a == r->st.last_state)) {
      best = a;
      best_n = c;
    }
  }
  return best;
}

void ex_add_spaced(sckg_buf *out, const char *text, size_t b, size_t e) {
  for (size_t i = b; i < e; i++) {
    bool sp =
        text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t';
    if (!sp)
      sckg_buf_addc(out, text[i]);
    else if (i == b || !(text[i - 1] == ' ' || text[i - 1] == '\n' ||
                         text[i - 1] == '\r' || text[i - 1] == '\t'))
      sckg_buf_addc(out, ' ');
  }
}

/* The text of tokens [b, e) as written, spaces made single, interned in
 * the graph. */
static const char *span_text(reader *r, size_t b, size_t e) {
  const char *p = r->text + r->toks[b].b;
  size_t n = r->toks[e - 1].e - r->toks[b].b;
  if (!memchr(p, '\n', n) && !memchr(p, '\r', n) && !memchr(p, '\t', n))
    return sckg_entities_intern(&r->ents, p, n);
  sckg_buf tmp = {0};
  ex_add_spaced(&tmp, r->text, r->toks[b].b, r->toks[e - 1].e);
  const char *res = sckg_entities_intern(&r->ents, tmp.ptr, tmp.len);
  sckg_buf_free(&tmp);
  return res;
}

/* The node of what the text names as a state's: its name is the state's
 * demonym (else its name) and tokens [hb, he) as written, so that "DPRK IT
 * workers" and "North Korean IT workers" are one node; it is part of the
 * state when `part`; `lower_first` writes a sentence's capital at hb in
 * lowercase. */
static ex_actor *state_node(reader *r, const lex_actor *base, size_t hb,
                            size_t he, sckg_class cls, bool lower_first,
                            bool part) {
  sckg_buf *b = &r->scratch;
  sckg_buf_clear(b);
  sckg_buf_adds(b, base->demonym ? base->demonym : base->label);
  sckg_buf_addc(b, ' ');
  size_t at = b->len;
  ex_add_spaced(b, r->text, r->toks[hb].b, r->toks[he - 1].e);
  if (lower_first && b->ptr[at] >= 'A' && b->ptr[at] <= 'Z')
    b->ptr[at] = (char)(b->ptr[at] - 'A' + 'a');
  /* look the phrase up: "North Korean foreign ministry" may be an alias */
  return sckg_entities_named(&r->ents, b->ptr, b->len, cls,
                             part ? ex_actor_of(r, base) : NULL);
}

static ex_actor *state_part(reader *r, const lex_actor *base, size_t hb,
                            size_t he, sckg_class cls, bool lower_first) {
  return state_node(r, base, hb, he, cls, lower_first, true);
}

/* A derived actor: "North Korean hackers" from a demonym (or a name used
 * as one) and a head noun, lowercase words kept lowercase. */
static ex_actor *derived(reader *r, const lex_actor *base, const phrase *head,
                         size_t hb, size_t he) {
  sckg_class cls = head->head == HEAD_GROUP          ? SCKG_CLASS_GROUP
                   : head->head == HEAD_ORGANIZATION ? SCKG_CLASS_ORGANIZATION
                                                     : SCKG_CLASS_AGENCY;
  /* "Hackers linked to North Korea": a sentence's capital is not the
   * head's */
  bool lower_first =
      hb == 0 && head->toks[0][0] >= 'a' && head->toks[0][0] <= 'z';
  return state_part(r, base, hb, he, cls, lower_first);
}

void ex_add_actor(mention *m, ex_actor *a) {
  if (!a)
    return;
  for (size_t i = 0; i < m->n; i++)
    if (m->actors[i] == a)
      return;
  if (m->n < EX_MAX_ACTORS)
    m->actors[m->n++] = a;
}

mention *ex_new_mention(reader *r, size_t tb, size_t te, mention_kind kind) {
  if (r->nm == MAX_MENTIONS)
    return NULL;
  mention *m = &r->m[r->nm++];
  memset(m, 0, offsetof(mention, actors)); /* actors: see reader.h */
  m->tb = tb;
  m->te = te;
  m->kind = kind;
  m->quoted = r->quoted[tb];
  m->group = (int)r->nm - 1;
  return m;
}

/* head_after's walk from token j, where a head or a word it walks over
 * stands (head_may_follow). */
__attribute__((noinline)) static const phrase *
walk_to_head(const reader *r, size_t j, size_t *hb, size_t *he) {
  for (size_t skip = 0; skip <= 3 && j + skip < r->n; skip++) {
    size_t e;
    const phrase *h = ex_longest(r, j + skip, 1u << PH_HEAD, &e);
    if (h) {
      *hb = j + skip;
      *he = e;
      return h;
    }
    const token *t = &r->toks[j + skip];
    if (!(t->kind == TK_WORD && !t->cap) && !(t->kind == TK_QUOTE))
      break;
    /* the word's class first, one load: a speech verb ends most searches,
     * before its readings are looked up */
    if (ex_word(r, j + skip) & (W_PREP | W_CLAUSE | W_AUX | W_SAY | W_CONJ))
      break;
    size_t te;
    /* "President Yoon met Prime Minister Kishida", "Britain expelled two
     * diplomats": a verb between */
    if (ex_longest(r, j + skip, 1u << PH_TRIGGER, &te) ||
        ex_finite_verb(r, j + skip))
      break;
  }
  return NULL;
}

/* Does a head noun start at token j, or a word the walk to one may pass
 * (a quote, or a lowercase word of none of the classes that end it)? Most
 * names are followed by neither (a verb, a comma, a conjunction): asked
 * inline,
 * before head_after calls its walk. */
static inline bool head_may_follow(const reader *r, size_t j) {
  if (j >= r->n)
    return false;
  if (r->memo_kinds[j] & 1u << PH_HEAD)
    return true;
  const token *t = &r->toks[j];
  return ((t->kind == TK_WORD && !t->cap) || t->kind == TK_QUOTE) &&
         !(r->wclass[j] & (W_PREP | W_CLAUSE | W_AUX | W_SAY | W_CONJ));
}

/* After a name at [.., j): up to three lowercase modifiers and a head noun?
 * Returns the head phrase and its span. */
static inline const phrase *head_after(const reader *r, size_t j, size_t *hb,
                                       size_t *he) {
  return head_may_follow(r, j) ? walk_to_head(r, j, hb, he) : NULL;
}

/* Before a state's name at i: a group or organisation head, an
 * affiliation word and a preposition ("hackers linked to North Korea", "a
 * group backed by Pyongyang")? Returns the head, and in *hb where it
 * starts; no mention may stand there already. */
static const phrase *head_before(const reader *r, size_t i, size_t *hb,
                                 size_t *affil) {
  if (i > 0 && (ex_word(r, i - 1) & W_ARTICLE))
    i--; /* "hackers working for the North Korean government" */
  if (i < 3 || !(ex_word(r, i - 1) & W_PREP) || !ex_is_lower_word(r, i - 2) ||
      !(ex_word(r, i - 2) & W_AFFIL))
    return NULL;
  size_t end = i - 2, floor = r->nm > 1 ? r->m[r->nm - 2].te : 0;
  *affil = end;
  const phrase *found = NULL; /* the ex_longest: "hacking group", not "group" */
  for (size_t b = end; b-- > floor && b + 4 > end;) {
    size_t e;
    const phrase *h = ex_longest(r, b, 1u << PH_HEAD, &e);
    if (h && e == end && h->head != HEAD_STATE && h->head != HEAD_PERSON) {
      *hb = b;
      found = h;
    }
  }
  return found;
}

/* Apply a head noun to a name mention. */
static size_t name_after(const reader *r, size_t j);
static ex_actor *person_named(reader *r, size_t b, size_t e,
                              ex_actor *affiliation);

static ex_actor *title_office(reader *r, const phrase *title, ex_actor *aff);

/* The comma that ends the sentence's opening phrase ("According to the
 * ministry, ...", "In her statement, ..."), or r->n when it opens with
 * none. */
size_t ex_opening_comma(const reader *r) {
  if (!r->n || !(ex_word(r, 0) & (W_PREP | W_LEAD)))
    return r->n;
  size_t c = 0;
  while (c < r->n && !ex_is_comma(r, c))
    c++;
  return c;
}

/* The office a title names, when it is a body other than the
 * affiliation named with it; NULL otherwise. */
static ex_actor *office_beyond(ex_actor *office, const ex_actor *aff) {
  return office && office != aff && office->cls == SCKG_CLASS_AGENCY ? office
                                                                     : NULL;
}

/* The lexicon's government body of `state` whose name holds `cue`; NULL
 * when it has none. */
static const lex_actor *body_of(const sckg_schema *s, const lex_actor *state,
                                const char *cue) {
  for (size_t i = 0; i < s->n_actors; i++) {
    const lex_actor *a = s->actors[i];
    if (a->parent == state && a->cls == SCKG_CLASS_AGENCY &&
        ex_label_has_word(a->label, cue))
      return a;
  }
  return NULL;
}

/* "two Chinese nationals", "a Chinese businessman named Jane Roe": a
 * private person of a state (a head of words.tsv `private`) does not
 * speak for it; the person read from the text, or the phrase's own node,
 * is part of no one. */
static void private_person(reader *r, mention *m, const lex_actor *base,
                           const phrase *h, size_t hb, size_t he) {
  size_t ne = h->head == HEAD_PERSON ? name_after(r, he) : he;
  if (ne - he >= 2) {
    ex_add_actor(m, person_named(r, he, ne, NULL));
    m->te = ne;
    return;
  }
  bool lower_first = hb == 0 && h->toks[0][0] >= 'a' && h->toks[0][0] <= 'z';
  ex_add_actor(
      m, state_node(r, base, hb, he, SCKG_CLASS_PERSON, lower_first, false));
}

static void apply_head(reader *r, mention *m, const lex_actor *base,
                       const phrase *h, size_t hb, size_t he) {
  m->te = he;
  m->head = h;
  m->plural = h->plural;
  m->kind = M_NAME;
  m->n = 0;
  if (ex_word(r, he - 1) & W_PRIVATE) {
    private_person(r, m, base, h, hb, he);
    return;
  }
  switch (h->head) {
  case HEAD_STATE: {
    /* "U.S. prosecutors": the state's body whose name holds the head's
     * cue (the Justice Department), else the state */
    const lex_actor *body = h->cue ? body_of(r->s, base, h->cue) : NULL;
    ex_add_actor(m, ex_actor_of(r, body ? body : base));
    break;
  }
  case HEAD_PERSON: {
    /* "Russia's U.N. ambassador Vassily Nebenzia": the named person, who
     * speaks for the state; without a name the role stands for the state */
    size_t ne = name_after(r, he);
    if (ne > he && ne - he >= 2) {
      /* "South Korea's Defense Minister X": the body the title names */
      size_t te;
      const phrase *title = ex_longest(r, hb, 1u << PH_TITLE, &te);
      ex_actor *aff = ex_actor_of(r, base);
      if (title && te == he)
        aff = title_office(r, title, aff);
      ex_add_actor(m, person_named(r, he, ne, aff));
      m->named = ex_actor_of(r, base);
      m->office = office_beyond(aff, m->named);
      m->te = ne;
    } else {
      ex_add_actor(m, ex_actor_of(r, base));
      m->role = true;
    }
    break;
  }
  case HEAD_GROUP:
  case HEAD_AGENCY:
  case HEAD_ORGANIZATION:
    ex_add_actor(m, derived(r, base, h, hb, he));
    m->named = ex_actor_of(r, base);
    break;
  }
}

/* A capitalised name of 1-4 words at j (not a known word), for titles. */
static size_t name_after(const reader *r, size_t j) {
  size_t e = j, words = 0;
  while (e < r->n && words < 4 && r->toks[e].kind == TK_WORD &&
         r->toks[e].cap && !(ex_word(r, e) & (W_MONTH | W_WEEKDAY))) {
    e++;
    words++;
    /* a middle initial: "Tracy L. Wilkison", "John C. Demers" */
    if (e + 1 < r->n && r->toks[e - 1].e == r->toks[e - 1].b + 1 &&
        r->toks[e].kind == TK_PUNCT && r->text[r->toks[e].b] == '.' &&
        r->toks[e].b == r->toks[e - 1].e && r->toks[e + 1].cap &&
        r->toks[e + 1].kind == TK_WORD && e - 1 > j)
      e++;
  }
  return e;
}

/* A person named at [b, e): a lexicon person, one named earlier in the
 * article by a part of the name ("Kim" after "Kim Gunn"), or a new one. */
static ex_actor *person_named(reader *r, size_t b, size_t e,
                              ex_actor *affiliation) {
  size_t end;
  const phrase *ph = ex_longest(r, b, 1u << PH_ACTOR, &end);
  if (ph && end == e && ph->actor->cls == SCKG_CLASS_PERSON)
    return ex_actor_of(r, ph->actor);
  const char *text = span_text(r, b, e);
  for (size_t i = 0; i < r->st.persons.len; i++) {
    ex_actor *p = r->st.persons.items[i];
    if (!strcmp(p->label, text))
      return p;
  }
  ex_actor *p = sckg_entities_named(&r->ents, text, strlen(text),
                                    SCKG_CLASS_PERSON, affiliation);
  return p;
}

/* Is token i a part of the name of a person named earlier ("Kim", "Bossert")?
 */
ex_actor *ex_person_by_part(reader *r, size_t i) {
  const token *t = &r->toks[i];
  const char *word = r->text + t->b;
  size_t n = t->e - t->b;
  uint64_t initial = (uint64_t)1 << ((unsigned char)word[0] % 64);
  for (size_t k = r->st.persons.len; k-- > 0;) {
    ex_actor *p = r->st.persons.items[k];
    if (p->initials_of != p->label) {
      p->initials = 0;
      for (const char *w = p->label; *w; w++)
        if (w == p->label || w[-1] == ' ')
          p->initials |= (uint64_t)1 << ((unsigned char)*w % 64);
      p->initials_of = p->label;
    }
    if (!(p->initials & initial))
      continue; /* no word of the name starts as the token does */
    /* the label's words, walked once: labels are a few short words */
    for (const char *w = p->label; *w;) {
      const char *e = w;
      while (*e && *e != ' ')
        e++;
      if ((size_t)(e - w) == n && w[0] == word[0] && memcmp(w, word, n) == 0)
        return p;
      if (!*e)
        break;
      w = e + 1;
    }
  }
  return NULL;
}

/* "In Tokyo, Prime Minister ...": a sentence that opens on a locative
 * preposition, a place standing for a state and a comma right before i
 * places the office after it in that state. Returns the state, or NULL. */
static ex_actor *opening_place(reader *r, size_t i) {
  if (i < 3 || !ex_is_comma(r, i - 1) || !(ex_word(r, 0) & W_LOCPREP))
    return NULL;
  size_t e;
  const phrase *ph = ex_longest(r, 1, 1u << PH_ACTOR, &e);
  if (!ph || e != i - 1 || !ph->place || ph->actor->cls != SCKG_CLASS_STATE)
    return NULL;
  return ex_actor_of(r, ph->actor);
}

/* The body a titled person serves: the affiliated state's body whose name
 * holds the title's cue ("U.S. Secretary of State": the State Department),
 * else the affiliation itself, else, with no affiliation, the office the
 * title names on its own ("Secretary-General": the U.N. Secretariat). */
static ex_actor *title_office(reader *r, const phrase *title, ex_actor *aff) {
  /* the cue may list spellings: "defense|defence" */
  for (const char *c = title->cue; aff && aff->lex && c && *c;) {
    const char *bar = strchr(c, '|');
    size_t n = bar ? (size_t)(bar - c) : strlen(c);
    char word[32];
    if (n < sizeof word) {
      memcpy(word, c, n);
      word[n] = '\0';
      const lex_actor *body = body_of(r->s, aff->lex, word);
      if (body)
        return ex_actor_of(r, body);
    }
    c = bar ? bar + 1 : c + n;
  }
  if (aff)
    return aff;
  return title->actor ? ex_actor_of(r, title->actor) : NULL;
}

/* A title at [i, e) and the capitalised name after it: a person of the
 * body the title and an affiliation just before it say ("South Korean
 * President", "U.S. Secretary of State", "In Seoul, Defense Minister").
 * Returns where reading goes on. */
static size_t titled_person(reader *r, const phrase *title, size_t i,
                            size_t e) {
  size_t ne = name_after(r, e);
  if (ne == e)
    return e;
  ex_actor *aff = NULL;
  size_t start = i;
  /* "FBI Deputy Director", "the U.S. Acting Attorney": ranks before the
   * title */
  size_t before = i;
  while (before > 0 && r->toks[before - 1].cap &&
         (ex_word(r, before - 1) & W_RANK))
    before--;
  if (r->nm && r->m[r->nm - 1].te == before && r->m[r->nm - 1].n == 1) {
    aff = r->m[r->nm - 1].actors[0];
    start = r->m[r->nm - 1].tb;
    r->nm--;
  } else {
    aff = opening_place(r, i);
  }
  mention *m = ex_new_mention(r, start, ne, M_NAME);
  if (m) {
    ex_actor *office = title_office(r, title, aff);
    ex_add_actor(m, person_named(r, e, ne, office));
    m->named = aff;
    m->office = office_beyond(office, aff);
  }
  return ne;
}

/* The body that a title opening a person's alias [i, e) names
 * ("Secretary of State Marco Rubio"), read with the name just before it as
 * the affiliation ("Japanese Foreign Minister ..."); NULL when none. */
static ex_actor *alias_office(reader *r, size_t i, size_t e) {
  size_t te;
  const phrase *title = ex_longest(r, i, 1u << PH_TITLE, &te);
  if (!title || te >= e)
    return NULL;
  ex_actor *aff =
      r->nm >= 2 && r->m[r->nm - 2].te == i && r->m[r->nm - 2].n == 1
          ? r->m[r->nm - 2].actors[0]
          : NULL;
  return office_beyond(title_office(r, title, aff), aff);
}

/* Does a title start at e with a name after it, reaching further than a
 * head noun there ("U.S. Secretary of State Hillary Clinton": not the head
 * "secretary")? The title then reads the name before it as its
 * affiliation. */
static bool title_follows(const reader *r, size_t e) {
  size_t te, he = e;
  if (e >= r->n || !ex_longest(r, e, 1u << PH_TITLE, &te))
    return false;
  ex_longest(r, e, 1u << PH_HEAD, &he);
  return te > he && name_after(r, te) > te;
}

/* A role head of heads.tsv (a state's or an agency's) that serves its
 * state (words.tsv `authority`), ending right before the locative
 * preposition before token i, in no mention: "authorities in Germany".
 * Returns it and in *hb where it starts. */
static const phrase *role_before_place(const reader *r, size_t i, size_t *hb) {
  if (i < 2 || !(ex_word(r, i - 1) & W_LOCPREP) ||
      (r->nm && r->m[r->nm - 1].te > i - 2))
    return NULL;
  for (size_t b = i - 1; b-- > 0 && b + 4 > i - 1;) {
    size_t e;
    const phrase *h = ex_longest(r, b, 1u << PH_HEAD, &e);
    if (h && e == i - 1 && (h->head == HEAD_STATE || h->head == HEAD_AGENCY) &&
        (ex_word(r, e - 1) & W_AUTHORITY)) {
      /* not the last of a list ("officials and experts in the United
       * States"), whose place may be all of theirs or its own */
      if ((r->nm && r->m[r->nm - 1].te > b) ||
          (b > 0 && ((ex_word(r, b - 1) & W_CONJ) || ex_is_comma(r, b - 1))))
        return NULL;
      *hb = b;
      return h;
    }
  }
  return NULL;
}

/* The state a sentence is about: its first state named outside a
 * prepositional phrase before token i, else the last sentence's subject
 * when that is a state; NULL when neither. */
static const lex_actor *sentence_state(const reader *r, size_t i) {
  for (size_t k = 0; k < r->nm && r->m[k].te <= i; k++) {
    const mention *m = &r->m[k];
    if (m->kind == M_NAME && m->n == 1 && !m->prep &&
        m->actors[0]->from_lexicon && m->actors[0]->cls == SCKG_CLASS_STATE)
      return m->actors[0]->lex;
  }
  const article_state *st = &r->st;
  if (st->n_subject == 1 && st->subject[0]->from_lexicon &&
      st->subject[0]->cls == SCKG_CLASS_STATE)
    return st->subject[0]->lex;
  return NULL;
}

/* A mention of [i, e) for the state the sentence is about, or for its
 * body whose head `body` spans [bb, be); NULL when the sentence is about
 * no state. */
static mention *state_mention(reader *r, size_t i, size_t e, const phrase *body,
                              size_t bb, size_t be) {
  const lex_actor *state = sentence_state(r, i);
  if (!state)
    return NULL;
  mention *m = ex_new_mention(r, i, e, M_NAME);
  if (!m)
    return NULL;
  if (body)
    apply_head(r, m, state, body, bb, be);
  else
    ex_add_actor(m, ex_actor_of(r, state));
  m->tb = i;
  m->te = e;
  return m;
}

/* "South Korea on Friday imposed sanctions ..., the foreign ministry
 * said": a body's head noun after "the" with no state before it is the
 * body of the state the sentence is about. Returns its end, 0 when none. */
static size_t stateless_body(reader *r, size_t i) {
  size_t he;
  const phrase *h = i + 1 < r->n && (ex_word(r, i) & W_DEFINITE)
                        ? ex_longest(r, i + 1, 1u << PH_HEAD, &he)
                        : NULL;
  if (!h || h->head != HEAD_AGENCY)
    return 0;
  mention *m = state_mention(r, i, he, h, i + 1, he);
  return m ? m->te : 0;
}

/* "Pyongyang hit back. A foreign ministry spokesman said ...": an
 * indefinite role of heads.tsv (over two modifiers and a body's head) that
 * names no state stands for the state the sentence is about, or its body
 * when one is named, as "the foreign ministry" does. Returns its end, 0
 * when there is none at i. */
static size_t stateless_role(reader *r, size_t i) {
  /* not after a preposition: "condemned it through a spokesperson" */
  if (!(ex_word(r, i) & W_ARTICLE) || (ex_word(r, i) & W_DEFINITE) ||
      (i > 0 && (ex_word(r, i - 1) & W_PREP)))
    return 0;
  size_t j = i + 1, be, he;
  while (j < r->n && j < i + 3 && ex_is_lower_word(r, j) && !ex_word(r, j) &&
         (ex_pos(r, j) & SCKG_POS_ADJ) && !ex_longest(r, j, 1u << PH_HEAD, &he))
    j++;
  be = j;
  const phrase *body = j < r->n ? ex_longest(r, j, 1u << PH_HEAD, &be) : NULL;
  if (body && body->head != HEAD_AGENCY)
    body = NULL;
  size_t hb = body ? be : j;
  const phrase *role = hb < r->n ? ex_longest(r, hb, 1u << PH_HEAD, &he) : NULL;
  /* "a businessman said": a private person speaks for no state */
  if (!role || role->head != HEAD_PERSON || name_after(r, he) > he ||
      (ex_word(r, he - 1) & W_PRIVATE))
    return 0;
  mention *m = state_mention(r, i, he, body, j, be);
  if (!m)
    return 0;
  m->role = true;
  /* "the spokesman", "he" after it: the latest person is this one */
  r->st.last_person = m->actors[0];
  return he;
}

/* The first token from i where a mention may start: one a phrase of a kind
 * in `kinds` starts, or a capital or a determiner, which the readings of
 * names and bodies the lexicon lacks open on; r->n when none. Most tokens
 * are none of these, and are passed over here in a few loads each. */
static size_t next_mention_start(const reader *r, size_t i, unsigned kinds) {
  size_t n = r->n;
  while (i < n && !(r->memo_kinds[i] & kinds) && !r->toks[i].cap &&
         !(r->wclass[i] & (W_ARTICLE | W_DEFINITE)))
    i++;
  return i;
}

/* Is the sentence a title-case headline (ex_title_case)? Asked once, and
 * only of a sentence where an unknown name would be read: few are, and the
 * question reads every token. *memo: -1 until asked, then the answer. */
static bool headline_once(const reader *r, int *memo) {
  if (*memo < 0)
    *memo = ex_title_case(r);
  return *memo;
}

void ex_find_mentions(reader *r) {
  unsigned actorish = (1u << PH_ACTOR) | (1u << PH_DEMONYM) | (1u << PH_TITLE) |
                      (1u << PH_ANAPHOR);
  int headline = -1; /* headline_once */
  for (size_t i = 0; (i = next_mention_start(r, i, actorish)) < r->n;) {
    size_t e;
    const phrase *ph = ex_longest(r, i, actorish, &e);
    /* a pronoun anaphor must be a whole word at a clause position; the
     * phrase table makes sure of that; "it" inside a quote is not ours */
    if (!ph) {
      /* a capital or a determiner (next_mention_start) */
      size_t ne = ex_numbered_plural(r, i);
      if (!ne)
        ne = stateless_body(r, i);
      if (!ne)
        ne = stateless_role(r, i);
      if (ne) {
        i = ne;
        continue;
      }
      sckg_class cls;
      size_t oe = ex_unknown_org(r, i, &cls);
      /* a name met before in the article by a part of it ("Kim" after
       * "Kim Gunn") takes precedence over reading a new unknown name
       * there; looked up once, for both */
      ex_actor *p = !oe && r->toks[i].cap ? ex_person_by_part(r, i) : NULL;
      size_t ue = oe || p ? 0 : ex_unknown_name(r, i, &cls);
      /* a headline's capitals mark no names */
      if (ue && headline_once(r, &headline))
        ue = 0;
      if (oe || ue) { /* a body or a name the lexicon lacks */
        size_t e2 = oe ? oe : ue;
        /* "North Korea's Supreme Court": a state's body, named as the
         * state's (its node named with the demonym, as derived ones are) */
        const mention *owner = r->nm ? &r->m[r->nm - 1] : NULL;
        bool owned = oe && owner && owner->poss && owner->te == i &&
                     owner->n == 1 && owner->actors[0]->from_lexicon &&
                     owner->actors[0]->cls == SCKG_CLASS_STATE;
        mention *m = ex_new_mention(r, i, e2, M_NAME);
        if (m && owned) {
          ex_add_actor(m,
                       state_part(r, owner->actors[0]->lex, i, e2, cls, false));
        } else if (m) {
          const char *text = span_text(r, i, e2);
          ex_add_actor(
              m, sckg_entities_named(&r->ents, text, strlen(text), cls, NULL));
        }
        i = e2;
        continue;
      }
      if (p && !(i + 1 < r->n && r->toks[i + 1].cap &&
                 r->toks[i + 1].kind == TK_WORD)) {
        mention *m = ex_new_mention(r, i, i + 1, M_NAME);
        if (m)
          ex_add_actor(m, p);
      }
      i++;
      continue;
    }
    /* "the North Koreans": not "the North" when a name that starts inside
     * it reaches further */
    if (ph->kind == PH_ANAPHOR || ph->kind == PH_ACTOR) {
      size_t j = i + 1, je = 0;
      while (j < e &&
             !ex_longest(r, j, (1u << PH_ACTOR) | (1u << PH_DEMONYM), &je))
        j++;
      if (j < e && je > e) {
        i = j;
        continue;
      }
    }
    /* "authorities in Germany", "police in Seoul": a role of heads.tsv
     * before a state's name and a locative preposition is that state's, as
     * "German authorities" is */
    size_t rb;
    const phrase *role =
        ph->kind == PH_ACTOR && ph->actor->cls == SCKG_CLASS_STATE
            ? role_before_place(r, i, &rb)
            : NULL;
    if (role) {
      mention *m = ex_new_mention(r, rb, e, M_NAME);
      if (!m)
        break;
      apply_head(r, m, ph->actor, role, rb, i - 1);
      m->tb = rb;
      m->te = e;
      i = e;
      continue;
    }
    /* "in Seoul": a place, not the government; but "at Washington's
     * decision" is the government's */
    if (ph->kind == PH_ACTOR && ph->place && i > 0 &&
        (ex_word(r, i - 1) & W_LOCPREP) &&
        !(e < r->n && r->toks[e].kind == TK_POSS) &&
        !ex_ends_trigger(r, i - 1)) {
      i = e;
      continue;
    }
    if (ph->kind == PH_TITLE) {
      i = titled_person(r, ph, i, e);
      continue;
    }
    mention *m =
        ex_new_mention(r, i, e, ph->kind == PH_ANAPHOR ? M_ANAPHOR : M_NAME);
    if (!m)
      break;
    if (ph->kind == PH_ANAPHOR) {
      ex_resolve_anaphor(r, m, ph);
      m->ana = ph; /* remembered for speaker resolution */
      if (e == i + 1 && (ex_word(r, i) & W_POSSPRON)) {
        /* "..., its foreign ministry said": the state's body or envoy */
        const lex_actor *base = m->n == 1 && m->actors[0]->from_lexicon &&
                                        m->actors[0]->cls == SCKG_CLASS_STATE
                                    ? m->actors[0]->lex
                                    : NULL;
        size_t hb, he;
        const phrase *h = base ? head_after(r, e, &hb, &he) : NULL;
        if (h) {
          apply_head(r, m, base, h, hb, he);
          i = m->te;
          continue;
        }
        m->poss = true; /* "its launch": a possessor, never a subject */
      }
      if (e < r->n && r->toks[e].kind == TK_POSS) {
        m->poss = true;
        m->te = e + 1;
        e++;
      }
      i = e;
      continue;
    }
    const lex_actor *base = ph->actor;
    size_t hb, he;
    const phrase *h = NULL;
    if (e < r->n && r->toks[e].kind == TK_POSS) {
      h = head_after(r, e + 1, &hb, &he);
      if (h) {
        apply_head(r, m, base, h, hb, he);
      } else {
        ex_add_actor(m, ex_actor_of(r, base));
        m->poss = true;
        m->te = e + 1;
      }
      i = m->te;
      continue;
    }
    if (title_follows(r, e)) { /* the title takes it as its affiliation */
      ex_add_actor(m, ex_actor_of(r, base));
      i = e;
      continue;
    }
    h = head_after(r, e, &hb, &he);
    size_t gb, ge;
    const phrase *g = h && h->head == HEAD_STATE &&
                              base->cls == SCKG_CLASS_STATE &&
                              !ex_is_comma(r, he) && !(ex_word(r, he) & W_CONJ)
                          ? head_before(r, i, &gb, &ge)
                          : NULL;
    if (g) { /* "hackers working for the North Korean government" */
      apply_head(r, m, base, g, gb, ge);
      m->tb = gb;
      m->te = he;
      i = he;
      continue;
    }
    if (h) {
      apply_head(r, m, base, h, hb, he);
      i = m->te;
      continue;
    }
    /* "Seoul-based analysts said": a name joined by a hyphen to an
     * affiliation word, with no head after, is a modifier, no actor */
    if (e < r->n && (ex_word(r, e) & W_AFFIL) && r->toks[e].b > 0 &&
        r->text[r->toks[e].b - 1] == '-') {
      r->nm--;
      i = e + 1;
      continue;
    }
    /* not in a list: "hackers linked to China, Russia and Iran" names no
     * one group of China's */
    if (base->cls == SCKG_CLASS_STATE && !ex_is_comma(r, e) &&
        !(ex_word(r, e) & W_CONJ) && (h = head_before(r, i, &hb, &he))) {
      apply_head(r, m, base, h, hb, he);
      m->tb = hb;
      m->te = e;
      i = e;
      continue;
    }
    ex_add_actor(m, ex_actor_of(r, base));
    if (ph->kind == PH_DEMONYM)
      m->kind = M_ADJ;
    if (base->cls == SCKG_CLASS_PERSON)
      m->office = alias_office(r, i, e);
    i = e;
  }
}
