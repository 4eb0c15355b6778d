/* SPDX-License-Identifier: MIT */
/* The events a sentence's frames give: frames that only restate another,
 * or that the sentence's reading rules out, are dropped. */
#include "extract/reader.h"
#include "lexicon/morph.h"

static ex_event *emit(reader *r) {
  extraction *x = r->out;
  if (x->n_events == x->cap) {
    x->cap = x->cap ? x->cap * 2 : 64;
    x->events = sckg_xrealloc(x->events, x->cap * sizeof *x->events);
  }
  ex_event *e = &x->events[x->n_events++];
  memset(e, 0, offsetof(ex_event, agents)); /* the arrays: see extract.h */
  e->stated_in = -1;
  e->sent = r->sent_index;
  return e;
}

void ex_copy_actors(ex_actor **dst, size_t *nd, ex_actor *const *src,
                    size_t ns) {
  for (size_t i = 0; i < ns; i++)
    if (!ex_has_actor(dst, *nd, src[i]) && *nd < EX_MAX_ACTORS)
      dst[(*nd)++] = src[i];
}

/* Is one of the speaker's agents of frame k's side: kin, or for an act,
 * of the same state ("Kim Jong Un oversaw the launch, KCNA reported")? */
static bool speakers_own(const reader *r, const frame *f, size_t i, size_t k) {
  for (size_t a = 0; a < f[k].n_agents; a++)
    for (size_t b = 0; b < f[i].n_agents; b++)
      if (ex_kin(f[k].agents[a], f[i].agents[b]) ||
          ex_kin(f[i].agents[b], f[k].agents[a]) ||
          (ex_is_act(r, f[k].t->pat->type) &&
           ex_compatriots(f[k].agents[a], f[i].agents[b])))
        return true;
  return false;
}

/* Does the report of frame i announce a use of force by the speaker's
 * own side ("Kim oversaw the launch, KCNA reported")? The launch or drill
 * is then the news, and no MakeStatement is made of its announcement. */
static bool announces_own_force(const reader *r, const frame *f, size_t nf,
                                size_t i) {
  for (size_t k = 0; k < nf; k++)
    if (k != i && f[k].n_agents && !f[k].drop && !f[k].negated &&
        sckg_type(r->s, f[k].t->pat->type)->family == SCKG_FAM_FORCE &&
        speakers_own(r, f, i, k))
      return true;
  return false;
}

/* Does the reported speech of frame i report typed content, an event of
 * its own? Its content is what follows the verb ("X said Y fired"), or,
 * when the speaker comes last after a comma or a quote ("Y fired, X
 * said"), what precedes it; an act the speaker did before ("X welcomed
 * the vote, saying ...") is no content of the saying. */
static bool reports_typed(const reader *r, const frame *f, size_t nf,
                          size_t i) {
  const trigger *t = f[i].t;
  bool after = false, before = false;
  for (size_t k = 0; k < nf; k++) {
    if (k == i || !f[k].n_agents || f[k].drop ||
        (f[k].t->pat->flags & (PAT_REPORT | PAT_STATEMENT)))
      continue;
    /* what types a report: the speaker's own typed speech or act, or
     * another's crime (an accusation); another's launch or sanctions
     * told of is untyped news ("Seoul said the North fired") */
    bool own = speakers_own(r, f, i, k);
    if (!own && !(f[k].t->pat->flags & PAT_CRIME))
      continue;
    /* "said ... and urged": the speaker's next act, not what was said */
    size_t v = f[k].t->tb;
    while (v > 0 && (ex_word(r, v - 1) & W_AUX))
      v--;
    if (own && v > 0 && (ex_word(r, v - 1) & W_CONJ) && f[k].t->tb > t->te)
      continue;
    if (f[k].t->tb >= t->te)
      after = true;
    else
      before = true;
  }
  if (after || !before)
    return after;
  /* ", and said his government would act": a verb joined to the one
   * before says what follows it, and nothing typed follows */
  if (t->tb > 0 && ex_is_lower_word(r, t->tb - 1) &&
      (ex_word(r, t->tb - 1) & W_CONJ))
    return false;
  /* the speaker's words, a few, between the comma and the verb (", state
   * media said"), or after it ('," said Japan'; not ", saying that") */
  for (size_t q = t->tb; q-- > 0 && q + 8 > t->tb;) {
    if (ex_is_comma(r, q) || r->toks[q].kind == TK_QUOTE)
      return q + 1 < t->tb || f[i].agent_slot == SLOT_INVERTED;
    if (r->toks[q].kind == TK_PUNCT)
      return false;
  }
  return false;
}

/* Does frame f name a target other than its own side? */
static bool aims_at_other(const frame *f) {
  for (size_t k = 0; k < f->n_targets; k++)
    if (!ex_same_side(f->agents, f->n_agents, &f->targets[k], 1))
      return true;
  return false;
}

/* Do frames a and b have the same agents? */
static bool same_agents(const frame *a, const frame *b) {
  if (a->n_agents != b->n_agents)
    return false;
  for (size_t k = 0; k < a->n_agents; k++)
    if (!ex_has_actor(b->agents, b->n_agents, a->agents[k]))
      return false;
  return true;
}

/* "asked a court to seize accounts that they say hackers used": does
 * frame k only ask for an act (an appeal or a demand) before report i,
 * whose own content, after it, tells the sentence's crimes? The report is
 * then a claim of its own, which the appeal does not voice. */
static bool asks_before_claim(const reader *r, const frame *f, size_t nf,
                              size_t k, size_t i) {
  if (sckg_type(r->s, f[k].t->pat->type)->roles & (TYPE_REACTION | TYPE_ACT) ||
      f[k].t->tb > f[i].t->tb)
    return false;
  for (size_t c = 0; c < nf; c++)
    if ((f[c].t->pat->flags & PAT_CRIME) && f[c].t->tb < f[i].t->te)
      return false;
  return true;
}

/* "breached a South Korean company": a company of a state, read from the
 * text, is no body of that state; a crime that hits it hits no state */
static bool state_company(const ex_actor *a) {
  return a->cls == SCKG_CLASS_ORGANIZATION && !a->from_lexicon && a->parent &&
         a->parent->cls == SCKG_CLASS_STATE;
}

void ex_emit_frames(reader *r, frame *f, size_t nf) {
  /* "met its obligations": a meeting needs a counterpart */
  for (size_t i = 0; i < nf; i++)
    if ((sckg_type(r->s, f[i].t->pat->type)->roles & TYPE_PAIR) &&
        f[i].n_agents + f[i].n_targets < 2)
      f[i].drop = true;
  /* "rejected Washington's accusation ..., insisting it had nothing to
   * do with": the same act told twice in a sentence, once with its
   * target, is one event, the one that names its target */
  for (size_t i = 0; i < nf; i++) {
    if (f[i].drop || !f[i].n_agents || aims_at_other(&f[i]))
      continue; /* asked once, not for each other frame */
    for (size_t k = 0; k < nf && !f[i].drop; k++)
      if (k != i && !f[k].drop && f[k].t->pat->type == f[i].t->pat->type &&
          f[k].negated == f[i].negated && same_agents(&f[i], &f[k]) &&
          aims_at_other(&f[k]))
        f[i].drop = true;
  }
  /* which speakers have a typed speech act in this sentence */
  long statement_index = -1;
  for (size_t i = 0; i < nf; i++) {
    frame *fr = &f[i];
    const lex_pattern *p = fr->t->pat;
    if (fr->drop || !fr->n_agents)
      continue;
    if ((p->flags & PAT_REPORT) && fr->agent_mention >= 0) {
      /* "the statement said": what follows is that statement's */
      const mention *m = &r->m[fr->agent_mention];
      if (m->kind == M_ANAPHOR && m->ana && m->ana->ana == ANA_STATEMENT) {
        const statement_memory *sm =
            ex_statement_by_noun(r, m->ana->ltoks[m->ana->n - 1]);
        if (sm) {
          statement_index = sm->event;
          continue;
        }
      }
    }
    if ((p->flags & PAT_REPORT) && reports_typed(r, f, nf, i))
      continue; /* typed content makes no MakeStatement */
    if ((p->flags & PAT_STATEMENT) && !(p->flags & PAT_NOUN) &&
        announces_own_force(r, f, nf, i))
      continue;
    if (p->flags & PAT_CLAIM)
      continue; /* a source for claims and accusations, not an event */
    if (fr->reports_crime)
      continue; /* an accusation, made below */
    if ((p->flags & PAT_STATEMENT) && fr->refers_back) {
      statement_index = fr->refers_back->event;
      continue;
    }
    ex_event *e = emit(r);
    e->type = p->type;
    ex_copy_actors(e->agents, &e->n_agents, fr->agents, fr->n_agents);
    /* "Yoon met Kishida", "coordinated with Washington": partners act */
    if (sckg_type(r->s, p->type)->roles & TYPE_JOINT) {
      ex_copy_actors(e->agents, &e->n_agents, fr->targets, fr->n_targets);
      fr->n_targets = 0;
    }
    for (size_t k = 0; k < fr->n_targets; k++)
      if (!ex_same_side(e->agents, e->n_agents, &fr->targets[k], 1) &&
          !((p->flags & PAT_CRIME) && state_company(fr->targets[k])))
        ex_copy_actors(e->targets, &e->n_targets, &fr->targets[k], 1);
    e->negated = fr->negated;
    e->date = ex_date_near(r, fr->t);
    sckg_date own = ex_date_in_phrase(r, fr->t);
    if ((p->flags & PAT_NOUN) && !e->date.day && own.day)
      e->date = own;
    /* "The spokesman also accused Washington", "They also voiced concern":
     * a speech act in a sentence that fixes no date, by actors (or their
     * parts) of the last dated sentence, continues it: when they are
     * referred back to ("the spokesman", "they") up to three sentences
     * later, else only in the very next sentence. No further: the same
     * report read in another article, with other sentences around it,
     * must get the same date, or shards of a corpus would disagree. */
    bool referred_back =
        fr->agent_mention >= 0 && r->m[fr->agent_mention].kind == M_ANAPHOR;
    size_t reach = referred_back ? 3 : 1;
    if (!e->date.year && !r->nd && ex_is_speech(r, p->type) &&
        r->st.last_date.day && r->sent_index <= r->st.last_date_sent + reach)
      for (size_t k = 0; k < fr->n_agents && !e->date.year; k++)
        for (size_t q = 0; q < r->st.n_last_date_agents; q++)
          if (ex_kin(fr->agents[k], r->st.last_date_agents[q])) {
            e->date = r->st.last_date;
            break;
          }
    /* else (or for a month alone) the day its paragraph or the report
     * fixes (dates.c) */
    if (ex_is_speech(r, p->type))
      e->date = ex_context_day(r, fr->t, e->date, fr->agents, fr->n_agents);
    e->trigger = fr->t->text;
    if (p->flags & PAT_STATEMENT) {
      statement_index = (long)(r->out->n_events - 1);
      ex_remember_statement(r, ex_trigger_noun(r, fr->t), fr->agents,
                            fr->n_agents, statement_index);
    }
  }
  /* what a statement or report says: the other events of its sentence */
  long speaker_stmt = statement_index;
  size_t first = r->first_event;
  for (size_t i = first; i < r->out->n_events; i++) {
    ex_event *e = &r->out->events[i];
    if ((long)i == speaker_stmt || e->type == SCKG_EV_MAKE_STATEMENT)
      continue;
    if (speaker_stmt >= 0) {
      e->stated_in = speaker_stmt;
      /* what a statement voices (concern, criticism, appeals) happens when
       * it is made; what it reports others did does not */
      if (!e->date.year && ex_is_speech(r, e->type))
        e->date = r->out->events[speaker_stmt].date;
    }
  }
  /* claims: what a speaker reports others did ("officials say", "according
   * to the Treasury") is attributed to the speaker */
  const frame *speaker = NULL;
  for (size_t i = 0; i < nf && !speaker; i++)
    if ((f[i].t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) && f[i].n_agents &&
        !f[i].t->quoted)
      speaker = &f[i];
  for (size_t i = first; speaker && i < r->out->n_events; i++) {
    ex_event *e = &r->out->events[i];
    if (ex_is_speech(r, e->type))
      continue;
    /* one does not claim one's own act, nor a ministry its state's */
    bool own = false;
    for (size_t k = 0; k < speaker->n_agents; k++)
      for (size_t q = 0; q < e->n_agents; q++)
        own |= ex_kin(e->agents[q], speaker->agents[k]);
    if (!own)
      ex_copy_actors(e->attributed, &e->n_attributed, speaker->agents,
                     speaker->n_agents);
  }
  /* the charges a denial denies, as negated events of the deniers */
  for (size_t i = 0; i < nf; i++) {
    if (f[i].denies_charge < 0)
      continue;
    for (size_t k = (size_t)f[i].denies_charge + 1; k < i; k++) {
      if (!(f[k].t->pat->flags & PAT_CRIME) || !f[k].n_agents || f[k].negated)
        continue;
      ex_event *e = emit(r);
      e->type = f[k].t->pat->type;
      ex_copy_actors(e->agents, &e->n_agents, f[i].agents, f[i].n_agents);
      ex_copy_actors(e->agents, &e->n_agents, f[k].agents, f[k].n_agents);
      e->negated = true;
      e->date = ex_date_near(r, f[i].t);
      e->trigger = f[k].t->text;
    }
  }
  /* a report of another's wrongdoing is an accusation, unless the speaker
   * already accused, criticised or voiced concern in this sentence */
  for (size_t i = 0; i < nf; i++) {
    frame *fr = &f[i];
    if (!((fr->t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) ||
          fr->reports_crime) ||
        !fr->n_agents)
      continue;
    bool typed_speech = false;
    ex_actor *accused[EX_MAX_ACTORS];
    size_t na = 0;
    for (size_t k = 0; k < nf; k++) {
      if (k == i || !f[k].n_agents)
        continue;
      sckg_event_type t = f[k].t->pat->type;
      if (t != SCKG_EV_MAKE_STATEMENT && ex_is_speech(r, t) &&
          !asks_before_claim(r, f, nf, k, i))
        typed_speech = true;
      if ((f[k].t->pat->flags & PAT_CRIME) && !f[k].negated && !f[k].drop &&
          !f[k].back_reference)
        for (size_t q = 0; q < f[k].n_agents; q++)
          if (!ex_has_actor(fr->agents, fr->n_agents, f[k].agents[q]))
            ex_copy_actors(accused, &na, &f[k].agents[q], 1);
    }
    if (typed_speech || !na)
      continue;
    ex_event *e = emit(r);
    e->type = SCKG_EV_ACCUSE;
    ex_copy_actors(e->agents, &e->n_agents, fr->agents, fr->n_agents);
    ex_copy_actors(e->targets, &e->n_targets, accused, na);
    e->date = ex_date_near(r, fr->t);
    e->trigger = fr->t->text;
    e->stated_in = speaker_stmt;
    break;
  }
}
