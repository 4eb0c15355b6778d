/* SPDX-License-Identifier: MIT */
/* Reactions: what a reaction answers. An event noun after one ("condemned
 * the launch", "concern over the tests"), a word that only names an act
 * ("denounced the move"), a relative clause's antecedent ("the launch,
 * which Japan condemned"), a pronoun ("condemned it"), or the accusation a
 * denial denies ("rejected the claim"): the reaction targets its doers.
 * An appeal or a demand names an event wished for instead, which is none.
 * Once every frame has its agents, a threat's condition names its target
 * ("if Seoul went ahead"), and a refusal and the request it answers name
 * each other's maker ("Beijing demanded an apology. Tokyo refused"). */
#include "extract/reader.h"

/* May the words [from, to) stand between a reaction and the noun it
 * answers: determiners, modifiers, numbers and possessors ("condemned
 * North Korea's latest launch"), a preposition the reaction's pattern
 * takes, first ("concern over the launch"), and "of" after a noun ("the
 * pace of the launches", "most of the tests")? */
static bool reaction_reaches(const reader *r, const trigger *t, size_t from,
                             size_t to) {
  for (size_t q = from; q < to; q++) {
    const token *tk = &r->toks[q];
    if (tk->kind == TK_POSS || tk->kind == TK_NUM)
      continue;
    /* a possessor's name or a demonym: "North Korea's", "the American" */
    bool named = false;
    for (size_t k = 0; k < r->nm && !named; k++)
      named = (r->m[k].poss || r->m[k].kind == M_ADJ) && r->m[k].tb <= q &&
              q < r->m[k].te;
    if (named)
      continue;
    if (!ex_is_lower_word(r, q) || ex_finite_verb(r, q))
      return false;
    sckg_wclass w = ex_word(r, q);
    if (w & (W_CONJ | W_AUX | W_COMP | W_RELATIVE))
      return false;
    if (!(w & (W_PREP | W_CLAUSE | W_SAY)))
      continue;
    if (q == from && (w & W_PREP) && ex_pattern_takes(t->pat, tk->lower))
      continue;
    if ((w & W_GENITIVE) && q > from && ex_is_lower_word(r, q - 1) &&
        !(ex_word(r, q - 1) & (W_PREP | W_DET)))
      continue;
    return false;
  }
  return true;
}

/* Reaction i answers the latest act another did: one does not react to
 * one's own act, or one's state's; this sentence's acts first, then the
 * article's. */
static void react_to_act(reader *r, frame *f, size_t i) {
  for (size_t k = i; k-- > 0;)
    if (ex_is_act(r, f[k].t->pat->type) && f[k].n_agents && !f[k].negated &&
        !ex_same_side(f[i].agents, f[i].n_agents, f[k].agents, f[k].n_agents)) {
      ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].agents, f[k].n_agents);
      return;
    }
  for (size_t k = 0; k < ex_acts_kept(&r->st); k++) {
    const act_memory *a = ex_latest_act(&r->st, k);
    if (!ex_same_side(f[i].agents, f[i].n_agents, a->agents, a->n)) {
      ex_copy_actors(f[i].targets, &f[i].n_targets, a->agents, a->n);
      return;
    }
  }
  /* "lashed out at Washington's decision ... He derided the label": with
   * no act told yet, the last reaction of this type, in this paragraph or
   * the one before, answered it, when not the reactor's own */
  sckg_event_type ty = f[i].t->pat->type;
  if (r->st.n_last_targets[ty] && r->st.para <= r->st.last_para[ty] + 1 &&
      !ex_same_side(f[i].agents, f[i].n_agents, r->st.last_targets[ty],
                    r->st.n_last_targets[ty]))
    ex_copy_actors(f[i].targets, &f[i].n_targets, r->st.last_targets[ty],
                   r->st.n_last_targets[ty]);
}

/* "passed a resolution sanctioning shippers ... rejected the resolution":
 * the latest act told with the same word beside it is the one the word at
 * q names again, when of another side; false when none was. */
static bool react_to_named_act(reader *r, frame *f, size_t i, size_t q) {
  for (size_t k = r->st.n_named_acts; k-- > 0;)
    if (r->st.named_acts[k].noun == r->toks[q].lower) {
      if (ex_same_side(f[i].agents, f[i].n_agents, r->st.named_acts[k].agents,
                       r->st.named_acts[k].n))
        return false;
      ex_copy_actors(f[i].targets, &f[i].n_targets, r->st.named_acts[k].agents,
                     r->st.named_acts[k].n);
      return true;
    }
  return false;
}

/* The demonym mention that starts at token q ("the American decision"),
 * or -1. */
static long demonym_at(const reader *r, size_t q) {
  for (size_t k = 0; k < r->nm; k++)
    if (r->m[k].tb == q && r->m[k].n && r->m[k].kind == M_ADJ)
      return (long)k;
  return -1;
}

/* "demanded an apology, a request Tokyo turned down": a word naming an act
 * that a relative clause's reaction answers is first the sentence's
 * request by another side; false when none stands before it. */
static bool react_to_request(frame *f, size_t i) {
  for (size_t k = i; k-- > 0;) {
    sckg_event_type ty = f[k].t->pat->type;
    if ((ty == SCKG_EV_DEMAND || ty == SCKG_EV_APPEAL) && !f[k].drop &&
        f[k].n_agents &&
        !ex_same_side(f[i].agents, f[i].n_agents, f[k].agents, f[k].n_agents)) {
      ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].agents, f[k].n_agents);
      return true;
    }
  }
  return false;
}

/* "expressed concern about the decision", "denounced the move": a
 * determiner and a word that only names an act (words.tsv `eventnoun`)
 * after a reaction stand for the last act told with that word, else the
 * last act told of, unless a demonym says whose act it is ("the American
 * decision"). */
static void react_to_last_act(reader *r, frame *f, size_t i, size_t from) {
  bool det = false;
  long owner = -1;
  for (size_t q = from; q < r->n && q < from + 6; q++) {
    long adj = demonym_at(r, q);
    if (adj >= 0) {
      owner = adj; /* "the American decision" */
      q = r->m[adj].te - 1;
      continue;
    }
    if (!ex_is_lower_word(r, q))
      return;
    sckg_wclass w = ex_word(r, q);
    if (w & W_DET)
      det = true;
    if (!(w & W_EVENTNOUN))
      continue;
    if (!det || !reaction_reaches(r, f[i].t, from, q))
      return;
    ex_actor *g[EX_MAX_ACTORS];
    size_t n =
        owner >= 0 ? ex_group_actors(r, (size_t)owner, g, EX_MAX_ACTORS) : 0;
    if (!n && !react_to_named_act(r, f, i, q))
      react_to_act(r, f, i);
    else if (!ex_same_side(f[i].agents, f[i].n_agents, g, n))
      ex_copy_actors(f[i].targets, &f[i].n_targets, g, n);
    return;
  }
}

/* The agents of nominal event frame k when it is named as another's
 * object: its own by-phrase, possessor or relative clause, else the same
 * event told before it in this sentence ("fired a missile, a launch the EU
 * condemned"), else the article's last event of its type. */
static void event_noun_agents(reader *r, frame *f, size_t k) {
  if (f[k].n_agents &&
      (!(f[k].t->pat->flags & PAT_NOUN) || f[k].agent_slot != SLOT_SUBJ))
    return;
  sckg_event_type ty = f[k].t->pat->type;
  f[k].agent_slot = SLOT_NONE;
  for (size_t j = k; j-- > 0;)
    if (f[j].t->pat->type == ty && f[j].n_agents && !f[j].negated &&
        !((f[j].t->pat->flags & PAT_NOUN) && f[j].agent_slot == SLOT_SUBJ)) {
      f[k].n_agents = 0;
      ex_copy_actors(f[k].agents, &f[k].n_agents, f[j].agents, f[j].n_agents);
      if (!f[k].n_targets)
        ex_copy_actors(f[k].targets, &f[k].n_targets, f[j].targets,
                       f[j].n_targets);
      return;
    }
  f[k].n_agents = r->st.n_last_agents[ty];
  memcpy(f[k].agents, r->st.last_agents[ty],
         f[k].n_agents * sizeof *f[k].agents);
  /* the same event, so its targets too: "condemned the accusation" is no
   * second, untargeted accusation */
  if (f[k].n_agents && !f[k].n_targets) {
    f[k].n_targets = r->st.n_last_targets[ty];
    memcpy(f[k].targets, r->st.last_targets[ty],
           f[k].n_targets * sizeof *f[k].targets);
  }
}

/* Reaction i answers event frame k: its targets are k's agents. */
static void react_to_event(reader *r, frame *f, size_t i, size_t k) {
  event_noun_agents(r, f, k);
  if (!f[i].n_targets && f[k].n_agents &&
      !ex_same_side(f[i].agents, f[i].n_agents, f[k].agents, f[k].n_agents))
    ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].agents, f[k].n_agents);
}

/* "Japan condemned the launch, and South Korea also condemned it": a
 * reaction's object "it" stands for the event told before it in the
 * sentence, whose doers it targets, rather than for a name. */
static void pronoun_for_event(reader *r, frame *f, size_t i) {
  size_t q = f[i].t->obj_from;
  const mention *pron = NULL;
  for (size_t k = 0; k < r->nm; k++)
    if (r->m[k].tb == q && r->m[k].te == q + 1 && r->m[k].kind == M_ANAPHOR &&
        (ex_word(r, q) & W_OBJCASE) && r->m[k].ana &&
        r->m[k].ana->ana != ANA_PERSON)
      pron = &r->m[k];
  /* "attributing it to ZINC": a target another phrase named is the
   * reaction's; the pronoun is only the act it answers */
  if (!pron || (f[i].n_targets && pron->n &&
                !ex_has_actor(f[i].targets, f[i].n_targets, pron->actors[0])))
    return;
  for (size_t k = i; k-- > 0;)
    if ((ex_is_act(r, f[k].t->pat->type) || (f[k].t->pat->flags & PAT_NOUN)) &&
        !f[k].drop && f[k].t->te <= q &&
        (!f[k].n_agents || !ex_same_side(f[i].agents, f[i].n_agents,
                                         f[k].agents, f[k].n_agents))) {
      /* "its analysis of the espionage operation, attributing it to
       * ZINC": a crime of unknown doers, attributed, is the accused's */
      if (!f[k].n_agents && f[i].n_targets &&
          f[i].t->pat->type == SCKG_EV_ACCUSE &&
          (f[k].t->pat->flags & PAT_CRIME)) {
        ex_copy_actors(f[k].agents, &f[k].n_agents, f[i].targets,
                       f[i].n_targets);
        return;
      }
      /* an event whose doers are unknown leaves no target */
      f[i].n_targets = 0;
      ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].agents, f[k].n_agents);
      return;
    }
  /* "Japan sanctioned North Korea and condemned it": else the object of
   * a verb before it, of another side */
  for (size_t k = i; k-- > 0;)
    if (!(f[k].t->pat->flags & PAT_NOUN) && f[k].t->te <= q && f[k].n_targets &&
        !ex_same_side(f[i].agents, f[i].n_agents, f[k].targets,
                      f[k].n_targets)) {
      f[i].n_targets = 0;
      ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].targets,
                     f[k].n_targets);
      return;
    }
  /* "The State Department also denounced them": with neither, and no
   * target of another side read for it, the article's latest act by
   * another side */
  if (!f[i].n_targets ||
      ex_same_side(f[i].agents, f[i].n_agents, f[i].targets, f[i].n_targets)) {
    f[i].n_targets = 0;
    react_to_act(r, f, i);
  }
}

/* "Seoul flatly rejected the claim", "dismissed the accusations": a
 * denial whose object is a definite phrase denies the accusation told
 * before, by another side; it targets the accusers. A denial of what no
 * one was said to charge ("denied involvement") keeps no target. */
static void deny_the_claim(reader *r, frame *f, size_t i) {
  const trigger *t = f[i].t;
  size_t q = t->obj_from < t->te ? t->obj_from : t->te;
  if (!(t->pat->flags & PAT_DENY) || f[i].n_targets || q >= r->n ||
      !(ex_word(r, q) & W_DEFINITE))
    return;
  for (size_t k = i; k-- > 0;)
    if (f[k].t->pat->type == SCKG_EV_ACCUSE && f[k].n_agents &&
        !ex_same_side(f[i].agents, f[i].n_agents, f[k].agents, f[k].n_agents)) {
      ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].agents, f[k].n_agents);
      return;
    }
  /* the last accusation by another side, else the last statement: "the
   * ministry said the drills were an invasion rehearsal. Seoul rejected
   * the claim" */
  static const sckg_event_type claims[] = {SCKG_EV_ACCUSE,
                                           SCKG_EV_MAKE_STATEMENT};
  for (size_t c = 0; c < sizeof claims / sizeof *claims; c++) {
    ex_actor *const *acc = r->st.last_agents[claims[c]];
    size_t n = r->st.n_last_agents[claims[c]];
    if (n && !ex_same_side(f[i].agents, f[i].n_agents, acc, n)) {
      ex_copy_actors(f[i].targets, &f[i].n_targets, acc, n);
      return;
    }
  }
}

/* Appeal or demand i names event k as wished for ("called for talks",
 * "demanded a probe"), which is none; the partner of a wished meeting or
 * joint act is whom the wish addresses: "demanded talks with Washington". */
static void wish_for(reader *r, frame *f, size_t i, size_t k) {
  f[k].drop = true;
  unsigned roles = sckg_type(r->s, f[k].t->pat->type)->roles;
  if (!f[i].n_targets && (roles & (TYPE_PAIR | TYPE_JOINT)))
    ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].targets, f[k].n_targets);
}

/* "said the reasons given by Beijing were unconvincing", "said Seoul's
 * move was absurd": a reaction told of its clause's subject answers whoever
 * the subject names by a possessor, a demonym or "by", or the doers of
 * the act it names. The subject runs back from the verb to a comma, a
 * complementizer or a verb of saying. */
static void react_to_subject(reader *r, frame *f, size_t nf, size_t i) {
  const trigger *t = f[i].t;
  if (t->pat->target[0].kind != SLOT_SUBJ ||
      (f[i].n_targets &&
       !ex_same_side(f[i].agents, f[i].n_agents, f[i].targets, f[i].n_targets)))
    return;
  f[i].n_targets = 0; /* the speaker read as the subject is none */
  size_t b = t->tb;
  while (
      b > 0 && t->tb - b < 12 && !ex_is_comma(r, b - 1) &&
      !(ex_is_lower_word(r, b - 1) && (ex_word(r, b - 1) & (W_COMP | W_SAY))))
    b--;
  for (size_t k = 0; k < r->nm; k++) {
    const mention *m = &r->m[k];
    bool owner =
        m->poss || m->kind == M_ADJ || (m->prep && m->prep == r->s->by_prep);
    if (m->tb < b || m->te > t->tb || !owner)
      continue;
    ex_actor *g[EX_MAX_ACTORS];
    size_t n = ex_group_actors(r, k, g, EX_MAX_ACTORS);
    if (n && !ex_same_side(f[i].agents, f[i].n_agents, g, n))
      ex_copy_actors(f[i].targets, &f[i].n_targets, g, n);
    return;
  }
  for (size_t k = 0; k < nf; k++)
    if (k != i && (f[k].t->pat->flags & PAT_NOUN) && f[k].t->tb >= b &&
        f[k].t->te <= t->tb) {
      react_to_event(r, f, i, k);
      return;
    }
}

/* An event named as the object of another ("condemned the launch",
 * "denounced the veto"): it is the one the article told of, not the
 * speaker's. Its agents come from the last event of its type, and the
 * speaker's act is aimed at them. */
void ex_event_objects(reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    /* only reactions: announcing or reporting an act may be one's own;
     * an appeal or a demand names an event wished for, none that is */
    unsigned roles = sckg_type(r->s, f[i].t->pat->type)->roles;
    bool reaction = roles & TYPE_REACTION;
    bool wish = (roles & TYPE_SPEECH) && !reaction &&
                f[i].t->pat->type != SCKG_EV_MAKE_STATEMENT;
    if ((f[i].t->pat->flags & (PAT_NOUN | PAT_REPORT)) || !(reaction || wish))
      continue;
    react_to_subject(r, f, nf, i);
    /* after the trigger, or what names its object ('*' stands inside) */
    const trigger *t = f[i].t;
    bool obj_in_gap = t->obj_from < t->te && t->pat->target[0].kind == SLOT_OBJ;
    size_t from = t->obj_from > t->te || obj_in_gap ? t->obj_from : t->te;
    if (from < r->n && r->toks[from].kind == TK_QUOTE)
      from++; /* 'it "categorically rejects" the decision' */
    for (size_t k = 0; k < nf; k++)
      if (k != i && (f[k].t->pat->flags & PAT_NOUN) && f[k].t->tb >= from &&
          f[k].t->tb <= from + 8 && reaction_reaches(r, t, from, f[k].t->tb)) {
        if (wish)
          wish_for(r, f, i, k);
        else
          react_to_event(r, f, i, k);
        break;
      }
    if (wish)
      continue;
    /* "North Korea's latest launch was condemned by the United States":
     * a passive reaction's subject names the act reacted to */
    for (size_t k = i;
         f[i].agent_slot == SLOT_BY && !f[i].n_targets && k-- > 0;)
      if ((f[k].t->pat->flags & PAT_NOUN) && f[k].n_agents &&
          f[k].t->te <= f[i].t->tb &&
          r->clause[f[k].t->tb] == r->clause[f[i].t->tb] &&
          !ex_same_side(f[i].agents, f[i].n_agents, f[k].agents, f[k].n_agents))
        ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].agents,
                       f[k].n_agents);
    /* "the launch, which Japan condemned", "a request Seoul rebuffed": the
     * object a relative clause lacks is the event it modifies */
    if (!f[i].n_targets) {
      ex_antecedent a = ex_object_antecedent(r, t, f[i].agent_mention);
      for (size_t k = 0; a.kind == ANTE_EVENT && k < nf; k++)
        if (f[k].t == &r->t[a.index])
          react_to_event(r, f, i, k);
      if (a.kind == ANTE_ACT && !react_to_request(f, i))
        react_to_act(r, f, i);
      for (size_t k = 0; a.kind == ANTE_CLAIM && k < nf; k++)
        if (f[k].t == &r->t[a.index] && f[k].n_agents &&
            !ex_same_side(f[i].agents, f[i].n_agents, f[k].agents,
                          f[k].n_agents))
          ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].agents,
                         f[k].n_agents);
    }
    if (!f[i].n_targets && f[i].agent_slot != SLOT_BY)
      react_to_last_act(r, f, i, from);
    deny_the_claim(r, f, i);
    pronoun_for_event(r, f, i);
  }
  /* "lashed out at the measure, branding it a violation": a pronoun after
   * a participle is its verb's object, now that objects naming an act
   * have their agents */
  for (size_t i = 0; i < nf; i++) {
    if (!(ex_word(r, f[i].t->obj_from) & W_OBJCASE))
      continue; /* no pronoun after it, whatever its head */
    const trigger *head = ex_participle_head(r, f[i].t);
    /* "denied the charges, branding them lies": disparaging what one
     * denies is part of the denial, no criticism of its own */
    if (head && (head->pat->flags & PAT_DENY) &&
        f[i].t->pat->type == SCKG_EV_CRITICIZE) {
      f[i].drop = true;
      continue;
    }
    /* a pronoun read as the speaker itself ("branding it"): not its own */
    if ((f[i].n_targets && !ex_same_side(f[i].agents, f[i].n_agents,
                                         f[i].targets, f[i].n_targets)) ||
        !head)
      continue;
    f[i].n_targets = 0;
    for (size_t j = 0; j < nf; j++)
      if (f[j].t == head && f[j].n_targets) {
        ex_copy_actors(f[i].targets, &f[i].n_targets, f[j].targets,
                       f[j].n_targets);
        break;
      }
  }
}

/* "warned of consequences if Seoul went ahead": a threat made on a
 * condition is aimed at the condition's subject, when it is another side.
 * The condition follows the threat in its clause, before any other report. */
static void threat_on_condition(const reader *r, frame *f, size_t i) {
  for (size_t q = f[i].t->te; q + 1 < r->n && q < f[i].t->te + 12; q++) {
    const token *tk = &r->toks[q];
    if ((tk->kind == TK_PUNCT && !ex_is_comma(r, q)) || (ex_word(r, q) & W_SAY))
      return;
    if (!(ex_word(r, q) & W_CONDITIONAL))
      continue;
    long k = ex_group_after(r, q + 1, 2, false);
    ex_actor *g[EX_MAX_ACTORS];
    size_t n = k >= 0 ? ex_group_actors(r, (size_t)k, g, EX_MAX_ACTORS) : 0;
    if (n && f[i].n_agents && !ex_same_side(f[i].agents, f[i].n_agents, g, n))
      ex_copy_actors(f[i].targets, &f[i].n_targets, g, n);
    return;
  }
}

/* "Beijing demanded an apology. Tokyo refused": a refusal that names no
 * target answers the latest request made of the refuser, in this sentence
 * or before in its paragraph; it targets whoever made it. */
static void refusal_of_request(const reader *r, frame *f, size_t i) {
  for (size_t k = i; k-- > 0;) {
    sckg_event_type ty = f[k].t->pat->type;
    if ((ty == SCKG_EV_DEMAND || ty == SCKG_EV_APPEAL) && !f[k].drop &&
        ex_same_side(f[i].agents, f[i].n_agents, f[k].targets,
                     f[k].n_targets) &&
        !ex_same_side(f[i].agents, f[i].n_agents, f[k].agents, f[k].n_agents)) {
      ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].agents, f[k].n_agents);
      return;
    }
  }
  /* "answering Tokyo's calls on Beijing to stop the sales, Moscow brushed
   * the demands aside": a definite object names this sentence's request,
   * though it was made of another */
  const trigger *t = f[i].t;
  size_t q = t->obj_from < t->te ? t->obj_from : t->te;
  for (size_t k = i; q < r->n && (ex_word(r, q) & W_DEFINITE) && k-- > 0;) {
    sckg_event_type ty = f[k].t->pat->type;
    if ((ty == SCKG_EV_DEMAND || ty == SCKG_EV_APPEAL) && !f[k].drop &&
        f[k].n_agents && f[k].t->te <= t->tb &&
        !ex_same_side(f[i].agents, f[i].n_agents, f[k].agents, f[k].n_agents)) {
      ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].agents, f[k].n_agents);
      return;
    }
  }
  static const sckg_event_type requests[] = {SCKG_EV_DEMAND, SCKG_EV_APPEAL};
  for (size_t c = 0; c < sizeof requests / sizeof *requests; c++) {
    sckg_event_type ty = requests[c];
    ex_actor *const *by = r->st.last_agents[ty];
    size_t n = r->st.n_last_agents[ty];
    if (n && r->st.last_para[ty] == r->st.para &&
        ex_same_side(f[i].agents, f[i].n_agents, r->st.last_targets[ty],
                     r->st.n_last_targets[ty]) &&
        !ex_same_side(f[i].agents, f[i].n_agents, by, n)) {
      ex_copy_actors(f[i].targets, &f[i].n_targets, by, n);
      return;
    }
  }
}

/* "demanded consular access, a request Tokyo turned down": a request of
 * this sentence that names no addressee was made of whoever refused it. */
static void request_of_refuser(frame *f, size_t nf, size_t i) {
  for (size_t k = 0; k < nf; k++) {
    sckg_event_type ty = f[k].t->pat->type;
    /* none, or only its own side ("that its envoy be let in") */
    bool none = !f[k].n_targets || ex_same_side(f[k].agents, f[k].n_agents,
                                                f[k].targets, f[k].n_targets);
    if ((ty == SCKG_EV_DEMAND || ty == SCKG_EV_APPEAL) && !f[k].drop && none &&
        f[k].n_agents &&
        ex_same_side(f[k].agents, f[k].n_agents, f[i].targets,
                     f[i].n_targets) &&
        !ex_same_side(f[k].agents, f[k].n_agents, f[i].agents, f[i].n_agents)) {
      f[k].n_targets = 0;
      ex_copy_actors(f[k].targets, &f[k].n_targets, f[i].agents, f[i].n_agents);
    }
  }
}

void ex_answered_parties(const reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++)
    if (f[i].t->pat->type == SCKG_EV_REJECT && !f[i].drop && f[i].n_targets)
      request_of_refuser(f, nf, i);
  for (size_t i = 0; i < nf; i++) {
    /* a target of its own side is none ("warned that it would respond"),
     * but stays when no other is found */
    size_t had = f[i].n_targets;
    if (f[i].drop || !f[i].n_agents ||
        (had && !ex_same_side(f[i].agents, f[i].n_agents, f[i].targets, had)))
      continue;
    f[i].n_targets = 0;
    if (f[i].t->pat->type == SCKG_EV_THREATEN)
      threat_on_condition(r, f, i);
    else if (f[i].t->pat->type == SCKG_EV_REJECT)
      refusal_of_request(r, f, i);
    if (!f[i].n_targets)
      f[i].n_targets = had;
  }
}
