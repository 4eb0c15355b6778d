/* SPDX-License-Identifier: MIT */
/* Event frames: a trigger with its agents and targets, then denials,
 * speakers, crimes, references back and the events emitted. */
#include "extract/reader.h"
#include "lexicon/morph.h"

/* --- events ---------------------------------------------------------- */

static ex_event *emit(reader *r) {
  extraction *x = r->out;
  if (x->n_events == x->cap) {
    x->cap = x->cap ? x->cap * 2 : 64;
    x->events = sckg_xrealloc(x->events, x->cap * sizeof *x->events);
  }
  ex_event *e = &x->events[x->n_events++];
  memset(e, 0, sizeof *e);
  e->stated_in = -1;
  e->sent = r->sent_index;
  return e;
}

/* Voiced or reported by its agents (types.tsv `speech`). */
bool ex_is_speech(const reader *r, sckg_event_type t) {
  return (sckg_type(r->s, t)->roles & TYPE_SPEECH) != 0;
}

/* An act a later "the decision" or "the move" may stand for (types.tsv
 * `act`): not a statement, nor a mere reaction to another's act (an
 * accusation is an act: "denounced the move" often answers one). */
bool ex_is_act(const reader *r, sckg_event_type t) {
  return (sckg_type(r->s, t)->roles & TYPE_ACT) != 0;
}

/* Resolve "we"/"our" in a quote to the speaker of the sentence: the
 * subject of a reporting verb or statement outside the quote. */
void ex_resolve_speakers(reader *r, frame *f, size_t nf) {
  ex_actor *speaker[EX_MAX_ACTORS];
  size_t ns = 0;
  for (size_t i = 0; i < nf && !ns; i++)
    if (!f[i].t->quoted &&
        (f[i].t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) && f[i].n_agents) {
      memcpy(speaker, f[i].agents, f[i].n_agents * sizeof *speaker);
      ns = f[i].n_agents;
    }
  if (!ns)
    return;
  for (size_t k = 0; k < r->nm; k++) {
    mention *m = &r->m[k];
    if (m->kind == M_ANAPHOR && m->ana && m->ana->ana == ANA_SPEAKER && !m->n) {
      for (size_t i = 0; i < ns; i++)
        ex_add_actor(m, speaker[i]);
      m->plural = ns > 1;
    }
  }
}

/* A culprit word right before token i, or one and its preposition:
 * "behind", "responsible for". */
static bool culprit_before(const reader *r, size_t i) {
  return (ex_word(r, i - 1) & W_CULPRIT) ||
         (i >= 2 && (ex_word(r, i - 1) & W_PREP) &&
          (ex_word(r, i - 2) & W_CULPRIT));
}

/* "Lazarus, the hacking outfit behind the theft of...", "the group
 * responsible for the heist": the crime is that of the name before. */
static size_t behind_agent(const reader *r, const trigger *t, ex_actor **out) {
  size_t i = t->tb;
  while (i > 0 && t->tb - i < 6 &&
         ((ex_word(r, i - 1) & W_DET) || ex_is_lower_word(r, i - 1) ||
          r->toks[i - 1].kind == TK_NUM) &&
         !culprit_before(r, i))
    i--;
  if (i == 0 || !culprit_before(r, i))
    return 0;
  for (size_t q = r->nm; q-- > 0;) {
    const mention *m = &r->m[q];
    if (m->te >= i || !ex_mention_usable(m))
      continue;
    return i - m->te <= 8 ? ex_group_actors(r, q, out, EX_MAX_ACTORS) : 0;
  }
  return 0;
}

/* Is token i a pronoun in the object case ("it", "them")? */
static bool object_pronoun(const reader *r, size_t i) {
  return (ex_word(r, i) & W_OBJCASE) != 0;
}

/* Does token i stand in a clause opened by a condition ("if North Korea
 * conducted a test")? The clause runs from the conditional word to a
 * comma, a semicolon or another clause's opener. */
static bool in_condition(const reader *r, size_t i) {
  while (i-- > 0) {
    sckg_wclass w = ex_word(r, i);
    if (w & W_CONDITIONAL)
      return true;
    if (ex_is_comma(r, i) || (w & W_CLAUSE) ||
        (r->toks[i].kind == TK_PUNCT && r->text[r->toks[i].b] == ';'))
      return false;
  }
  return false;
}

/* ex_fill_slots over the slots but those of kind `skip`: when the slot
 * that filled first read the wrong phrase. */
static size_t fill_slots_but(const reader *r, const trigger *t,
                             const slot *slots, slot_kind skip, ex_actor **out,
                             long *which, slot_kind *kind) {
  slot rest[MAX_SLOTS] = {{SLOT_NONE, NULL}};
  for (size_t k = 0, n = 0; k < MAX_SLOTS; k++)
    if (slots[k].kind != skip)
      rest[n++] = slots[k];
  return ex_fill_slots(r, t, rest, out, which, kind);
}

/* The agent of a passive frame i whose clause names none: the state where
 * a measure was taken ("was indicted in the United States") or a
 * military act came from ("missiles fired from the Pyongyang area"); a
 * crime's place is its victim's. For a speech participle modifying a
 * noun phrase ("the EU sanctioned a firm accused of backing hackers"),
 * the agent of the clause's measure, who says so; not that of a speech
 * act ("denied cyberattacks attributed to it" is no accusation by the
 * denier). */
static void agent_of_passive(const reader *r, frame *f, size_t i) {
  frame *fr = &f[i];
  const lex_pattern *p = fr->t->pat;
  const sckg_type_info *ty = sckg_type(r->s, p->type);
  /* "were removed from the Treasury's sanctions list": the owner of the
   * list, named inside the trigger, is who acted */
  for (size_t k = 0; fr->t->gap_empty && k < r->nm; k++)
    if (r->m[k].tb > fr->t->tb && r->m[k].te <= fr->t->te &&
        ex_mention_usable(&r->m[k])) {
      fr->n_agents = ex_group_actors(r, k, fr->agents, EX_MAX_ACTORS);
      fr->agent_mention = (long)k;
      fr->agent_slot = SLOT_GAP;
      return;
    }
  if ((ty->roles & (TYPE_ACT | TYPE_CRIME | TYPE_SPEECH)) == TYPE_ACT) {
    sckg_wclass where =
        W_LOCPREP | (ty->family == SCKG_FAM_FORCE ? W_ORIGIN : 0);
    /* "was sentenced to 15 years of hard labour in North Korea": over the
     * act's complements, but no verb of another act ("charged with
     * laundering money stolen in Japan") */
    long k = ex_group_after(r, fr->t->te, 8, false);
    for (size_t q = fr->t->te; k >= 0 && q < r->m[k].tb; q++)
      if (ex_verb_inflections(r, q) & ~(1u << SCKG_INFL_NONE))
        k = -1;
    if (k >= 0 && r->m[k].prep && r->m[k].n == 1 &&
        (sckg_lexicon_word(r->s, r->m[k].prep) & where) &&
        r->m[k].actors[0]->cls == SCKG_CLASS_STATE) {
      fr->agents[fr->n_agents++] = r->m[k].actors[0];
      fr->agent_slot = SLOT_PREP;
    }
    return;
  }
  long clause_verb = (ty->roles & TYPE_SPEECH) && !(p->flags & PAT_PASSIVE)
                         ? ex_reduced_relative(r, fr->t)
                         : -1;
  /* the clause's verb ends its trigger, or opens one that holds its
   * object ("imposed its first sanctions, targeting ...") */
  for (size_t j = 0; clause_verb >= 0 && j < i; j++)
    if ((f[j].t->te == (size_t)clause_verb + 1 ||
         f[j].t->tb == (size_t)clause_verb) &&
        f[j].n_agents && !(f[j].t->pat->flags & PAT_NOUN) &&
        !ex_is_speech(r, f[j].t->pat->type)) {
      ex_copy_actors(fr->agents, &fr->n_agents, f[j].agents, f[j].n_agents);
      fr->agent_slot = SLOT_SPEAKER;
    }
}

/* The modal in the clause before token i ("Japan will act ... in concert
 * with"), or -1. The clause starts after a clause word, a complementizer
 * or a punctuation mark other than a comma. */
static long modal_before(const reader *r, size_t i) {
  for (size_t k = i; k-- > 0;) {
    sckg_wclass w = ex_word(r, k);
    if (w & W_MODAL)
      return (long)k;
    if ((w & (W_CLAUSE | W_COMP)) ||
        (r->toks[k].kind == TK_PUNCT && !ex_is_comma(r, k)))
      return -1;
  }
  return -1;
}

/* The inflections a verb may take after the auxiliaries that end at
 * token k: a participle after "have" or "be", the bare form after a
 * modal. */
static unsigned form_after_aux(const reader *r, size_t k) {
  sckg_wclass w = ex_word(r, k);
  if (w & (W_PERFECT | W_BE))
    return (1u << SCKG_INFL_ED) | (1u << SCKG_INFL_IRREGULAR) |
           (w & W_BE ? 1u << SCKG_INFL_ING : 0);
  return 1u << SCKG_INFL_NONE;
}

/* Is verb token i joined by a comma or "and" to a verb a modal governs,
 * in the form the modal's auxiliaries ask for ("would have capped imports and
 * banned exports", "will freeze assets, ban travel")? It shares the modal: a
 * plan or a hypothesis. A verb in another form has a tense of its own
 * ("could reach Guam, and fired"). */
static bool coordinated_after_modal(const reader *r, size_t i) {
  size_t g = ex_skip_adverbs_back(r, i);
  if (g == 0 || !((ex_word(r, g - 1) & W_CONJ) || ex_is_comma(r, g - 1)))
    return false;
  long k = modal_before(r, g - 1);
  if (k < 0)
    return false;
  size_t v = (size_t)k + 1, last = (size_t)k;
  while (v < g && ((ex_word(r, v) & (W_AUX | W_NEG)) || ex_is_adverb(r, v)))
    if (ex_word(r, v++) & (W_PERFECT | W_BE))
      last = v - 1;
  return v < g && ex_is_lower_word(r, v) &&
         (ex_verb_inflections(r, i) & form_after_aux(r, last));
}

/* Is token i an -ing verb right after "from", an act barred or kept
 * from happening ("stopped the monitors from reporting", "refrained from
 * condemning")? A crime one is kept from is one going on ("to stop the
 * regime from laundering its loot"): the caller keeps it. */
static bool kept_from(const reader *r, size_t i) {
  return i > 0 && (ex_word(r, i - 1) & W_ORIGIN) && ex_is_lower_word(r, i) &&
         (ex_verb_inflections(r, i) & (1u << SCKG_INFL_ING));
}

/* Is the act whose trigger starts at token i one that a word of intent
 * or ability names through a preposition ("its ability to conduct
 * cyberattacks", "plans to impose sanctions", "plans for new sanctions")?
 * Back over the act's modifiers and one verb, with its particle ("to
 * carry out attacks"), to the preposition; a purpose after an object
 * ("used malware to steal") is no intent word's, and stays. The
 * word may stand in a pattern's gap too ("announced plans for new
 * sanctions"). */
static bool intended_only(const reader *r, const trigger *t) {
  /* inside a pattern's gap: "announced plans for new sanctions" */
  for (size_t k = t->tb + 1; k + 1 < t->te; k++)
    if ((ex_word(r, k) & W_INTENT) && (ex_word(r, k + 1) & W_PREP))
      return true;
  size_t i = t->tb;
  const sckg_wclass closed = W_CONJ | W_CLAUSE | W_COMP | W_RELATIVE | W_AUX |
                             W_BE | W_SAY | W_NEG | W_MODAL;
  bool verb_seen = false;
  for (size_t k = i; k > 0 && i - k < 5;) {
    k--;
    if (!ex_is_lower_word(r, k))
      return false;
    sckg_wclass w = ex_word(r, k);
    if (w & W_PREP)
      return k > 0 && (ex_word(r, k - 1) & W_INTENT);
    if (w & closed)
      return false;
    if (ex_pos(r, k) == SCKG_POS_VERB) {
      if (verb_seen)
        return false;
      verb_seen = true;
    }
  }
  return false;
}

/* Is the crime of trigger t a category that a word of opposing governs
 * ("will keep fighting state-backed hacking", "the fight against money
 * laundering", "to counter North Korea's cyber theft")? Back over the
 * crime's modifiers, and one preposition right after the word: no act of
 * the crime is told. */
static bool opposed_only(const reader *r, const trigger *t) {
  const sckg_wclass closed = W_CONJ | W_CLAUSE | W_COMP | W_RELATIVE | W_AUX |
                             W_BE | W_SAY | W_NEG | W_MODAL;
  for (size_t k = t->tb; k > 0 && t->tb - k < 6;) {
    k--;
    sckg_wclass w = ex_word(r, k);
    if (w & W_OPPOSE)
      return true;
    if (w & W_PREP)
      return k > 0 && (ex_word(r, k - 1) & W_OPPOSE);
    bool mark = r->toks[k].kind == TK_POSS || ex_joining_hyphen(r, k);
    if ((w & closed) || (r->toks[k].kind != TK_WORD && !mark))
      return false;
  }
  return false;
}

/* Does a relative word open the clause of the verb at token v, its
 * object moved before it ("whose activity it tracks", "that Microsoft
 * tracks")? Back over the subject and a few words, no verb nor mark. */
static bool object_relative_clause(const reader *r, size_t v) {
  for (size_t k = v; k-- > 0 && v - k <= 4;) {
    if (ex_word(r, k) & (W_RELATIVE | W_COMP))
      return true;
    if (r->toks[k].kind != TK_WORD || ex_finite_verb(r, k))
      return false;
  }
  return false;
}

/* Does verb trigger t only give a name to what it acts on: in a relative
 * clause whose object moved before it, followed at once by "as", or by a
 * preposition and a noun of words.tsv `alias`, then a name ("a group that
 * it tracks as ZINC", "whose activity it tracks under the name
 * TraderTraitor")? "Pyongyang fired a missile as Seoul held drills" is a
 * clause of time. */
static bool names_only(const reader *r, const trigger *t) {
  size_t k = t->te;
  if ((t->pat->flags & PAT_NOUN) || k + 1 >= r->n ||
      !object_relative_clause(r, t->tb))
    return false;
  if (ex_word(r, k) & W_PREDICATIVE)
    k++;
  else if (ex_word(r, k) & W_PREP) {
    k++;
    while (k < r->n && (ex_word(r, k) & (W_DET | W_ARTICLE)))
      k++;
    if (k >= r->n || !(ex_word(r, k) & W_ALIAS))
      return false;
    k++;
  } else
    return false;
  if (k < r->n && r->toks[k].kind == TK_QUOTE)
    k++;
  return k < r->n && r->toks[k].kind == TK_WORD && r->toks[k].cap;
}

/* The speech verb frame before statement noun frame i whose phrase
 * follows it, over a comma, the phrase's preposition and determiners
 * ("warned, in a public service announcement"); -1 when none. */
static long statement_verb(const reader *r, const frame *f, size_t i) {
  size_t b = f[i].t->tb;
  while (b > 0 && ex_is_lower_word(r, b - 1) &&
         (ex_word(r, b - 1) & (W_DET | W_ARTICLE)))
    b--;
  if (b == 0 || !(ex_word(r, b - 1) & W_PREP))
    return -1;
  b--;
  if (b > 0 && ex_is_comma(r, b - 1))
    b--;
  for (size_t k = 0; k < i; k++)
    if (f[k].t->te == b && !(f[k].t->pat->flags & PAT_NOUN) &&
        ex_is_speech(r, f[k].t->pat->type) && f[k].n_agents)
      return (long)k;
  return -1;
}

void ex_read_frames(reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    frame *fr = &f[i];
    const lex_pattern *p = fr->t->pat;
    long which;
    const slot *agent_slots = p->agent;
    const slot *target_slots = p->target;
    const slot by_only[MAX_SLOTS] = {{SLOT_BY, r->s->by_prep}};
    static const slot subj_only[MAX_SLOTS] = {{SLOT_SUBJ, NULL}};
    static const slot none[MAX_SLOTS] = {{SLOT_NONE, NULL}};
    slot passive_targets[MAX_SLOTS];
    if (ex_is_passive(r, fr->t)) {
      /* "the missile was fired", "funds were stolen by X": the agent is
       * the by-phrase, the subject is what was acted on */
      agent_slots = by_only;
      target_slots = p->target[0].kind == SLOT_OBJ ? subj_only : none;
      /* "firms were added to the list", "the hack was traced to X": in a
       * pattern of several words the subject stands for the object, and
       * the pattern's other slots stay */
      if (fr->t->gap_empty) {
        for (size_t k = 0; k < MAX_SLOTS; k++) {
          passive_targets[k] = p->target[k];
          if (p->target[k].kind == SLOT_OBJ)
            passive_targets[k] = subj_only[0];
        }
        target_slots = passive_targets;
      }
    }
    fr->n_agents = ex_fill_slots(r, fr->t, agent_slots, fr->agents, &which,
                                 &fr->agent_slot);
    fr->agent_mention = which;
    bool passive = agent_slots == by_only || (p->flags & PAT_PASSIVE);
    if (passive && !fr->n_agents)
      agent_of_passive(r, f, i);
    /* "the Ronin heist", "the Bangladesh heist": a company or a state named
     * (not a demonym, nor a possessor) before a crime is its victim */
    if ((p->flags & PAT_CRIME) && (p->flags & PAT_NOUN) &&
        fr->agent_slot == SLOT_POSS && which >= 0 && !r->m[which].poss &&
        r->m[which].kind == M_NAME && fr->n_agents == 1 &&
        (fr->agents[0]->cls == SCKG_CLASS_ORGANIZATION ||
         fr->agents[0]->cls == SCKG_CLASS_STATE)) {
      fr->victim = fr->agents[0];
      /* the author from the pattern's other slots: "North Korean hackers
       * carried out the Bangladesh heist" */
      fr->n_agents =
          fill_slots_but(r, fr->t, agent_slots, SLOT_POSS, fr->agents,
                         &fr->agent_mention, &fr->agent_slot);
    }
    long tw;
    slot_kind tk;
    fr->n_targets =
        ex_fill_slots(r, fr->t, target_slots, fr->targets, &tw, &tk);
    /* "the FBI attributed it to the Lazarus Group": an object that is the
     * agent itself again (a pronoun read back to it) leaves the target to
     * the pattern's next slots */
    if (fr->n_targets && tk == SLOT_OBJ &&
        ex_same_side(fr->agents, fr->n_agents, fr->targets, fr->n_targets)) {
      fr->n_targets = fill_slots_but(r, fr->t, target_slots, SLOT_OBJ,
                                     fr->targets, &tw, &tk);
    }
    if (fr->victim && !fr->n_targets)
      fr->targets[fr->n_targets++] = fr->victim;
    /* "Britain was hit by a cyberattack": who undergoes it is its target */
    if (!fr->n_targets && (p->flags & PAT_NOUN) && (p->flags & PAT_CRIME)) {
      long u = ex_undergoer(r, fr->t);
      if (u >= 0)
        fr->n_targets =
            ex_group_actors(r, (size_t)u, fr->targets, EX_MAX_ACTORS);
    }
    /* "sanctioned North Korea, accusing it of": the pronoun after the
     * participle is its verb's object */
    const trigger *head = ex_participle_head(r, fr->t);
    if (head && object_pronoun(r, fr->t->obj_from))
      for (size_t j = 0; j < i; j++)
        if (f[j].t == head && f[j].n_targets) {
          fr->n_targets = f[j].n_targets;
          memcpy(fr->targets, f[j].targets,
                 f[j].n_targets * sizeof *fr->targets);
          break;
        }
    if (!fr->n_agents && (p->flags & PAT_CRIME) && (p->flags & PAT_NOUN))
      fr->n_agents = behind_agent(r, fr->t, fr->agents);
    /* "Blender.io, a mixer that the United States sanctioned": a missing
     * object is the name the relative clause modifies */
    if (!fr->n_targets && p->target[0].kind == SLOT_OBJ) {
      ex_antecedent ante = ex_object_antecedent(r, fr->t, fr->agent_mention);
      if (ante.kind == ANTE_NAME)
        fr->n_targets =
            ex_group_actors(r, (size_t)ante.index, fr->targets, EX_MAX_ACTORS);
    }
    /* "the drills that Washington and Seoul held", "the vetoes cast by
     * China": the relative clause names who did it */
    if ((p->flags & PAT_NOUN) &&
        (!fr->n_agents || fr->agent_slot == SLOT_SUBJ)) {
      long k = ex_relative_agent(r, fr->t);
      size_t n =
          k >= 0 ? ex_group_actors(r, (size_t)k, fr->agents, EX_MAX_ACTORS) : 0;
      if (n) {
        fr->n_agents = n;
        fr->agent_mention = k;
        fr->agent_slot = SLOT_BY;
      }
    }
    fr->negated = fr->t->negated;
    bool hypothetical = in_condition(r, fr->t->tb);
    /* "China did not condemn the launch", "has never criticized": an act
     * told as not done is no event; only a denial makes negated twins
     * (apply_denials), of the acts it names */
    fr->drop = fr->t->negated || hypothetical;
    /* "paid a heavy price": a consequence told as done is no threat */
    if ((p->flags & PAT_CONSEQUENCE) && !ex_after_modal(r, fr->t->tb))
      fr->drop = true;
    /* "would respond in close coordination with Seoul": a deed told by an
     * adverbial (a verb pattern opening with a preposition) is a plan
     * when a modal governs its clause (a pledge's own future, "would
     * continue to work closely with", is what it pledges) */
    if (!(p->flags & PAT_NOUN) && !ex_is_speech(r, p->type) &&
        (ex_word(r, fr->t->tb) & W_PREP) && modal_before(r, fr->t->tb) >= 0)
      fr->drop = true;
    if (!(p->flags & PAT_NOUN) && coordinated_after_modal(r, fr->t->tb))
      fr->drop = true;
    if (intended_only(r, fr->t))
      fr->drop = true;
    if ((sckg_type(r->s, p->type)->roles & TYPE_CRIME) &&
        opposed_only(r, fr->t))
      fr->drop = true;
    if (names_only(r, fr->t))
      fr->drop = true;
    if (!(p->flags & PAT_NOUN) && kept_from(r, fr->t->tb) &&
        !(sckg_type(r->s, p->type)->roles & TYPE_CRIME))
      fr->drop = true;
    /* a statement named with "the" refers to the article's last one */
    /* "In a statement released Friday, the ministry said": the statement is
     * the main clause subject's */
    if ((p->flags & PAT_STATEMENT) && (p->flags & PAT_NOUN) && !fr->n_agents &&
        (ex_word(r, 0) & W_PREP)) {
      size_t c = fr->t->te;
      while (c < r->n && !ex_is_comma(r, c))
        c++;
      long k = c < r->n ? ex_group_after(r, c + 1, 3, false) : -1;
      if (k >= 0) {
        fr->n_agents = ex_group_actors(r, (size_t)k, fr->agents, EX_MAX_ACTORS);
        fr->agent_mention = k;
        fr->agent_slot = SLOT_SUBJ;
      }
    }
    /* "after the FBI warned, in an advisory, that": a statement named in
     * a phrase right after a verb of speech is that verb's */
    if ((p->flags & PAT_STATEMENT) && (p->flags & PAT_NOUN) && !fr->n_agents) {
      long v = statement_verb(r, f, i);
      if (v >= 0) {
        ex_copy_actors(fr->agents, &fr->n_agents, f[v].agents, f[v].n_agents);
        fr->agent_slot = SLOT_SUBJ;
      }
    }
    const statement_memory *sm =
        ex_statement_by_noun(r, ex_trigger_noun(r, fr->t));
    if ((p->flags & PAT_STATEMENT) && sm) {
      size_t b = fr->t->tb;
      while (b > 0 &&
             (ex_is_lower_word(r, b - 1) || r->toks[b - 1].kind == TK_POSS) &&
             !(ex_word(r, b - 1) & (W_ARTICLE | W_PREP)) && fr->t->tb - b < 4)
        b--;
      for (size_t k = 0; k < r->nm; k++)
        if (r->m[k].te == b && r->m[k].poss && r->m[k].kind == M_ANAPHOR)
          b = r->m[k].tb;
      if (b > 0 && (ex_word(r, b - 1) & W_DEFINITE)) {
        fr->refers_back = sm;
        fr->n_agents = sm->n;
        memcpy(fr->agents, sm->agents, sm->n * sizeof *fr->agents);
      }
    }
  }
}

/* Denials: events after a denial in its sentence are negated, and take the
 * denier as agent when they have none. */
void ex_apply_denials(const reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    if (!(f[i].t->pat->flags & PAT_DENY) || f[i].negated)
      continue;
    for (size_t k = i + 1; k < nf; k++) {
      /* another speech act's clause ends it; "denied U.S. accusations that
       * it hacked Sony" names the accusation it denies, and goes on */
      if (ex_is_speech(r, f[k].t->pat->type) && f[k].n_agents &&
          !(f[k].t->pat->flags & PAT_NOUN))
        break;
      if (!(f[k].t->pat->flags & PAT_CRIME))
        continue; /* "denied allegations of hacking": the hacking is denied */
      f[k].negated = true;
      if (!f[k].n_agents) {
        memcpy(f[k].agents, f[i].agents, f[i].n_agents * sizeof *f[k].agents);
        f[k].n_agents = f[i].n_agents;
      }
    }
  }
}

/* "Washington and Seoul accuse North Korea of supplying Russia, a charge
 * that both Moscow and Pyongyang deny": a denial after an accusation in its
 * sentence is aimed at the accusers and denies what they charge. */
void ex_denied_charges(frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    f[i].denies_charge = -1;
    if (!(f[i].t->pat->flags & PAT_DENY) || !f[i].n_agents)
      continue;
    for (size_t k = i; k-- > 0;)
      if (f[k].t->pat->type == SCKG_EV_ACCUSE && f[k].n_agents) {
        memcpy(f[i].targets, f[k].agents, f[k].n_agents * sizeof *f[i].targets);
        f[i].n_targets = f[k].n_agents;
        f[i].denies_charge = (long)k;
        break;
      }
  }
}

/* "Moscow dismissed the sanctions as a plot orchestrated by Washington":
 * a speech verb whose object an "as" phrase characterizes speaks the words
 * of frame i inside that phrase; -1 when none stands before i. */
static long characterizer(const reader *r, const frame *f, size_t nf,
                          size_t i) {
  long best = -1;
  for (size_t k = 0; k < nf; k++) {
    const trigger *t = f[k].t;
    if (k == i || (t->pat->flags & PAT_NOUN) || !f[k].n_agents ||
        !ex_is_speech(r, t->pat->type) || t->te > f[i].t->tb)
      continue;
    /* a definite phrase after "as" opens a clause of time more often than
     * a characterization: "protested as the drills went on" */
    bool as = false;
    for (size_t q = t->te; q + 1 < f[i].t->tb && !as; q++)
      as = ex_is_lower_word(r, q) && (ex_word(r, q) & W_PREDICATIVE) &&
           !(ex_word(r, q + 1) & W_DEFINITE);
    if (as)
      best = (long)k; /* the nearest before */
  }
  return best;
}

/* "Bossert said North Korea was responsible for the attack": patterns with
 * a speaker slot take the agents of the sentence's report or statement. */
void ex_speaker_slots(const reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    bool wants = false;
    for (size_t k = 0; k < MAX_SLOTS; k++)
      wants |= f[i].t->pat->agent[k].kind == SLOT_SPEAKER;
    if (!wants || f[i].n_agents)
      continue;
    /* a report or statement first; else, for a consequence, the speech
     * act that warns of it ("..., Japan warned") */
    long from = -1;
    for (size_t k = 0; k < nf && from < 0; k++)
      if (k != i && (f[k].t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) &&
          f[k].n_agents)
        from = (long)k;
    for (size_t k = 0; k < nf && from < 0; k++)
      if (k != i && (f[i].t->pat->flags & PAT_CONSEQUENCE) &&
          !(f[k].t->pat->flags & (PAT_NOUN | PAT_CONSEQUENCE)) &&
          ex_is_speech(r, f[k].t->pat->type) && f[k].n_agents)
        from = (long)k;
    if (from < 0)
      from = characterizer(r, f, nf, i);
    if (from >= 0) {
      ex_copy_actors(f[i].agents, &f[i].n_agents, f[from].agents,
                     f[from].n_agents);
      f[i].agent_slot = SLOT_SPEAKER;
      /* "warned that X would pay a price": one threat, aimed at X */
      frame *w = &f[from];
      if (w->t->pat->type == f[i].t->pat->type && !w->n_targets &&
          (f[i].t->pat->flags & PAT_CONSEQUENCE)) {
        ex_copy_actors(w->targets, &w->n_targets, f[i].targets, f[i].n_targets);
        f[i].drop = true;
      }
    }
  }
}

/* "Yonhap reported, citing a government official, that ...": a report
 * whose source is named after it is the source's claim, not the
 * reporter's. */
void ex_cited_sources(const reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    const trigger *t = f[i].t;
    if (!(t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) ||
        (t->pat->flags & PAT_NOUN))
      continue;
    size_t c = t->te;
    if (c < r->n && ex_is_comma(r, c))
      c++;
    if (c >= r->n || !(ex_word(r, c) & W_SOURCE))
      continue;
    long k = ex_group_after(r, c + 1, 4, false);
    if (k < 0)
      continue;
    ex_actor *src[EX_MAX_ACTORS];
    size_t n = ex_group_actors(r, (size_t)k, src, EX_MAX_ACTORS);
    if (!n)
      continue;
    f[i].n_agents = 0;
    ex_copy_actors(f[i].agents, &f[i].n_agents, src, n);
  }
}

/* "Rim was indicted in Kansas, the Justice Department said": an official
 * act told in the passive without its doer is the act of the body that
 * reports it in the sentence. A crime never is: "the funds were stolen,
 * the FBI said" names no thief. */
void ex_announced_acts(const reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    const trigger *t = f[i].t;
    if (f[i].n_agents || t->quoted ||
        !(sckg_type(r->s, t->pat->type)->roles & TYPE_OFFICIAL) ||
        !ex_is_clause_passive(r, t))
      continue;
    for (size_t k = 0; k < nf; k++)
      if (k != i && (f[k].t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) &&
          !(f[k].t->pat->flags & PAT_NOUN) && f[k].n_agents &&
          !f[k].t->quoted) {
        ex_copy_actors(f[i].agents, &f[i].n_agents, f[k].agents, f[k].n_agents);
        break;
      }
  }
}

/* "warned that North Korean hackers were using ransomware": a warning
 * whose content clause tells another's crime as fact (no modal before it)
 * reports that crime: an accusation, not a threat. "warned that X would
 * pay" or "warned of retaliation" stay threats. */
void ex_warnings_of_crime(const reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    const trigger *t = f[i].t;
    if (t->pat->type != SCKG_EV_THREATEN || !f[i].n_agents ||
        (t->pat->flags & (PAT_NOUN | PAT_CONSEQUENCE)))
      continue;
    for (size_t k = i + 1; k < nf; k++) {
      const trigger *c = f[k].t;
      if (!(c->pat->flags & PAT_CRIME)) {
        if (!(c->pat->flags & PAT_NOUN) && ex_is_speech(r, c->pat->type))
          break; /* another speech act's content */
        continue;
      }
      if (f[k].n_agents && !f[k].negated && !f[k].drop &&
          !ex_after_modal(r, c->tb) &&
          !ex_same_side(f[i].agents, f[i].n_agents, f[k].agents,
                        f[k].n_agents)) {
        f[i].reports_crime = true;
        break;
      }
    }
  }
}

/* A crime whose only agent is the clause subject that also accuses,
 * sanctions or reports ("The FBI blamed North Korea for the theft") is not
 * that subject's: it falls back to the accused. */
void ex_crimes_not_by_accusers(frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    slot_kind sl = f[i].agent_slot;
    if (!(f[i].t->pat->flags & PAT_CRIME) ||
        (sl != SLOT_SUBJ && sl != SLOT_SUPPORT))
      continue;
    for (size_t k = 0; k < nf; k++) {
      sckg_event_type ty = f[k].t->pat->type;
      /* "charges X with joining a conspiracy to carry out cyberattacks":
       * the support verb's subject, read up the clauses, is the charger;
       * the crime is the charged's */
      bool charges = ty == SCKG_EV_ACCUSE || ty == SCKG_EV_LEGAL_ACTION ||
                     ty == SCKG_EV_IMPOSE_SANCTIONS;
      if (sl == SLOT_SUPPORT && !charges)
        continue;
      if (k != i && !(f[k].t->pat->flags & PAT_CRIME) && f[k].n_agents &&
          (f[k].agent_mention == f[i].agent_mention ||
           ex_has_actor(f[k].agents, f[k].n_agents, f[i].agents[0]))) {
        f[i].n_agents = 0;
        f[i].agent_slot = SLOT_NONE;
        break;
      }
    }
  }
}

/* "KCNA accused Seoul and Washington of staging virus attacks on its
 * servers": a possessive pronoun in a crime's target phrase that the
 * reader took for one of the crime's own authors stands for the accuser,
 * the agent of the sentence's first frame, when that is another side. */
void ex_victim_pronouns(const reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    const trigger *t = f[i].t;
    if (!(t->pat->flags & PAT_CRIME) || f[i].n_targets || !f[i].n_agents)
      continue;
    const mention *pron = NULL;
    for (size_t k = 0; k < r->nm && !pron; k++) {
      const mention *m = &r->m[k];
      if (m->kind == M_ANAPHOR && m->poss && m->n && m->prep &&
          m->tb >= t->te && m->tb <= t->te + 2 &&
          ex_pattern_takes(t->pat, m->prep) &&
          ex_same_side(f[i].agents, f[i].n_agents, m->actors, m->n))
        pron = m;
    }
    if (!pron)
      continue;
    for (size_t k = 0; k < nf; k++)
      if (k != i && f[k].n_agents && f[k].t->tb < t->tb &&
          !(f[k].t->pat->flags & PAT_CRIME)) {
        if (!ex_same_side(f[i].agents, f[i].n_agents, f[k].agents,
                          f[k].n_agents))
          ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].agents,
                         f[k].n_agents);
        break;
      }
  }
}

/* "Tokyo first imposed its own sanctions in 2006", "It relaxed some of the
 * measures in 2014": sanctions with no target of their own, by the side
 * whose sanctions the article told of, are on the same target. */
/* Does a relative word right after a noun stand in tokens [b, e), with
 * no inflected verb before it: the object's own relative clause ("$7.7
 * million in cryptocurrency that it says North Korean workers earned")? */
static bool object_relative(const reader *r, size_t b, size_t e) {
  const sckg_wclass grammar = W_SAY | W_AUX | W_BE | W_PREP | W_CONJ | W_NEG |
                              W_MODAL | W_CLAUSE | W_COMP | W_RELATIVE | W_DET;
  for (size_t k = b + 1; k < e; k++) {
    if (ex_finite_verb(r, k - 1))
      return false;
    /* after a noun, or a word WordNet does not know ("cryptocurrency") */
    if ((ex_word(r, k) & (W_COMP | W_RELATIVE)) && ex_is_lower_word(r, k - 1) &&
        !(ex_word(r, k - 1) & grammar) && ex_pos(r, k - 1) != SCKG_POS_VERB)
      return true;
  }
  return false;
}

/* "filed a forfeiture complaint targeting $7.7 million that it says North
 * Korean IT workers earned", "asked a court to hand over accounts that
 * were used to launder coins stolen by North Korean hackers": a legal
 * action or a seizure that names no party is taken against the author of
 * a crime the relative clause on its object tells of the property. A
 * crime named again ("the New York theft") tells nothing new of it. */
void ex_proceeds_targets(const reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    sckg_event_type ty = f[i].t->pat->type;
    if (f[i].n_targets || !f[i].n_agents || f[i].drop ||
        (ty != SCKG_EV_LEGAL_ACTION && ty != SCKG_EV_SEIZE_ASSETS))
      continue;
    for (size_t k = i + 1; k < nf; k++) {
      const frame *c = &f[k];
      if (!(c->t->pat->flags & PAT_CRIME) || !c->n_agents || c->drop ||
          c->negated || c->back_reference ||
          ex_same_side(f[i].agents, f[i].n_agents, c->agents, c->n_agents))
        continue;
      if (object_relative(r, f[i].t->te, c->t->tb))
        ex_copy_actors(f[i].targets, &f[i].n_targets, c->agents, c->n_agents);
      break;
    }
  }
}

void ex_regime_targets(reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    sckg_event_type ty = f[i].t->pat->type;
    if (f[i].n_targets || !f[i].n_agents ||
        (ty != SCKG_EV_IMPOSE_SANCTIONS && ty != SCKG_EV_EASE_SANCTIONS))
      continue;
    const article_state *st = &r->st;
    size_t n = st->n_last_agents[SCKG_EV_IMPOSE_SANCTIONS];
    if (n && st->n_last_targets[SCKG_EV_IMPOSE_SANCTIONS] &&
        ex_same_side(f[i].agents, f[i].n_agents,
                     st->last_agents[SCKG_EV_IMPOSE_SANCTIONS], n))
      ex_copy_actors(f[i].targets, &f[i].n_targets,
                     st->last_targets[SCKG_EV_IMPOSE_SANCTIONS],
                     st->n_last_targets[SCKG_EV_IMPOSE_SANCTIONS]);
  }
}

/* "Britain made the same accusation": a nominal event that is "the same"
 * or "a similar" one as before has the targets of the article's last event
 * of its type. */
void ex_same_targets(reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    const trigger *t = f[i].t;
    sckg_event_type ty = t->pat->type;
    if (f[i].n_targets || !(t->pat->flags & PAT_NOUN) || t->tb == 0 ||
        !(ex_word(r, t->tb - 1) & W_SAME) || !r->st.n_last_targets[ty])
      continue;
    f[i].n_targets = r->st.n_last_targets[ty];
    memcpy(f[i].targets, r->st.last_targets[ty],
           f[i].n_targets * sizeof *f[i].targets);
  }
}

/* May token i stand in a date that modifies a noun: a number, a month or
 * the dot of its abbreviation ("Sept. 2")? */
static bool date_word(const reader *r, size_t i) {
  const token *tk = &r->toks[i];
  return tk->kind == TK_NUM || (ex_word(r, i) & W_MONTH) ||
         (tk->kind == TK_PUNCT && r->text[tk->b] == '.');
}

/* Where the definite phrase of noun trigger t starts ("the Sept. 2
 * attack": after "the", over its modifiers), or 0 when no definite
 * determiner opens it. */
static size_t definite_phrase(const reader *r, const trigger *t) {
  size_t b = t->tb;
  while (b > 0 && t->tb - b < 6 && date_word(r, b - 1))
    b--;
  return b > 0 && (ex_word(r, b - 1) & W_DEFINITE) ? b : 0;
}

/* "The Sept. 2 attack wiped its servers": the day a date inside the
 * definite phrase of noun trigger t fixes for the event it names; none
 * when the phrase holds no such date. */
static sckg_date date_in_phrase(const reader *r, const trigger *t) {
  sckg_date none = {0, 0, 0};
  size_t b = definite_phrase(r, t);
  if (!b)
    return none;
  for (size_t k = 0; k < r->nd; k++)
    if (r->dates[k].tok >= b && r->dates[k].tok < t->tb && r->dates[k].date.day)
      return r->dates[k].date;
  return none;
}

/* The crime frame before crime i of which i is an instance: "Lazarus
 * heists, among them the hack of the Horizon bridge, the raid on Ronin".
 * Between the instance word and i stand only words of noun phrases and
 * other crimes of the list; -1 when there is none. */
static long instance_of(const reader *r, const frame *f, size_t i) {
  size_t tb = f[i].t->tb;
  for (size_t j = tb; j-- > 0 && tb - j < 24;) {
    if (ex_finite_verb(r, j) || r->toks[j].kind == TK_QUOTE)
      return -1;
    if (!(ex_word(r, j) & W_INSTANCE))
      continue;
    size_t end = j > 0 && ex_is_comma(r, j - 1) ? j - 1 : j;
    for (size_t k = 0; k < i; k++)
      if (f[k].t->te == end && (f[k].t->pat->flags & PAT_CRIME) &&
          (f[k].t->pat->flags & PAT_NOUN))
        return f[k].n_agents ? (long)k : -1;
    return -1;
  }
  return -1;
}

/* "sanctioned four North Koreans over their roles in cyberattacks": is
 * crime i named after act k as its cause (a words.tsv `cause` word between
 * them, no other verb)? */
static bool for_the_crime(const reader *r, const frame *f, size_t k, size_t i) {
  if (f[i].t->tb < f[k].t->te)
    return false;
  bool cause = false;
  for (size_t j = f[k].t->te; j < f[i].t->tb; j++) {
    /* "over their alleged roles in": a participle after a determiner
     * modifies the noun after it */
    if (ex_finite_verb(r, j) && !(ex_word(r, j - 1) & (W_DET | W_POSSPRON)))
      return false;
    cause |= (ex_word(r, j) & W_CAUSE) != 0;
  }
  return cause;
}

/* Crimes with no agent take the accused of the sentence: the target of an
 * accusation, criticism, concern or charge, or of sanctions imposed for
 * them, else the last subject. */
void ex_inherit_agents(reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    if (f[i].n_agents || !(f[i].t->pat->flags & PAT_CRIME))
      continue;
    /* "the theft", "the hack": the one the article told of before */
    sckg_event_type ty = f[i].t->pat->type;
    if ((f[i].t->pat->flags & PAT_NOUN) &&
        definite_phrase(r, f[i].t) == f[i].t->tb && r->st.n_last_agents[ty]) {
      f[i].n_agents = r->st.n_last_agents[ty];
      memcpy(f[i].agents, r->st.last_agents[ty],
             f[i].n_agents * sizeof *f[i].agents);
      f[i].back_reference = true;
      continue;
    }
    long inst = instance_of(r, f, i);
    if (inst >= 0 && f[inst].negated == f[i].negated) {
      ex_copy_actors(f[i].agents, &f[i].n_agents, f[inst].agents,
                     f[inst].n_agents);
      continue;
    }
    for (size_t k = 0; k < nf; k++) {
      sckg_event_type t = f[k].t->pat->type;
      if ((t == SCKG_EV_ACCUSE || t == SCKG_EV_CRITICIZE ||
           t == SCKG_EV_EXPRESS_CONCERN || t == SCKG_EV_LEGAL_ACTION ||
           (t == SCKG_EV_IMPOSE_SANCTIONS && for_the_crime(r, f, k, i))) &&
          f[k].n_targets) {
        memcpy(f[i].agents, f[k].targets, f[k].n_targets * sizeof *f[i].agents);
        f[i].n_agents = f[k].n_targets;
        break;
      }
    }
    /* "U.N. experts say Pyongyang relies on cyber theft": the subject of
     * the reported clause */
    for (size_t k = 0; k < nf && !f[i].n_agents; k++) {
      if (!(f[k].t->pat->flags & PAT_REPORT) || f[k].t->te > f[i].t->tb)
        continue;
      for (size_t q = 0; q < r->nm; q++) {
        const mention *m = &r->m[q];
        if (m->tb < f[k].t->te || m->te > f[i].t->tb)
          continue;
        /* its clause only: another verb between the subject and the
         * crime opens a clause of its own ("China was concerned and
         * urged ..., saying that tracing cyberattacks was complex") */
        bool other_clause = false;
        for (size_t j = 0; j < nf; j++)
          other_clause |= j != i && j != k &&
                          !(f[j].t->pat->flags & PAT_NOUN) &&
                          f[j].t->tb >= m->te && f[j].t->te <= f[i].t->tb &&
                          !(f[j].t->pat->flags & PAT_CRIME);
        if (ex_mention_usable(m) && !m->prep && !m->poss && !other_clause &&
            !ex_has_actor(f[k].agents, f[k].n_agents, m->actors[0])) {
          /* not the speaker itself: "Japan said it would freeze assets
           * linked to the theft" does not make Japan the thief */
          f[i].n_agents = ex_group_actors(r, q, f[i].agents, EX_MAX_ACTORS);
          f[i].agent_mention = (long)q;
        }
        break;
      }
    }
    /* "heists by Lazarus, among them the hack of the bridge": another
     * crime of the sentence; not for a verb whose subject names no actor
     * ("the network laundered funds stolen by Lazarus") */
    bool own_subject = !(f[i].t->pat->flags & PAT_NOUN) &&
                       !ex_is_passive(r, f[i].t) &&
                       ex_common_subject(r, f[i].t->tb);
    for (size_t k = 0; k < nf && !f[i].n_agents && !own_subject; k++)
      if (k != i && (f[k].t->pat->flags & PAT_CRIME) && f[k].n_agents &&
          f[k].negated == f[i].negated) {
        memcpy(f[i].agents, f[k].agents, f[k].n_agents * sizeof *f[i].agents);
        f[i].n_agents = f[k].n_agents;
      }
    /* "The Sept. 2 attack wiped its servers": a definite phrase with a
     * date in it, that the sentence names no author for, is the last one
     * told of too */
    if (!f[i].n_agents && (f[i].t->pat->flags & PAT_NOUN) &&
        definite_phrase(r, f[i].t) && r->st.n_last_agents[ty]) {
      f[i].n_agents = r->st.n_last_agents[ty];
      memcpy(f[i].agents, r->st.last_agents[ty],
             f[i].n_agents * sizeof *f[i].agents);
      f[i].back_reference = true;
    }
  }
  (void)r;
}

/* "denied U.S. accusations that it hacked Sony": an accusation that
 * names no one accused accuses whoever did the crime it charges, told
 * after it in its clause. */
void ex_accused_of_crimes(frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    if (f[i].t->pat->type != SCKG_EV_ACCUSE || f[i].n_targets || !f[i].n_agents)
      continue;
    for (size_t k = i + 1; k < nf; k++) {
      if (!(f[k].t->pat->flags & PAT_CRIME)) {
        if (!(f[k].t->pat->flags & PAT_NOUN))
          break; /* another clause's verb */
        continue;
      }
      if (f[k].n_agents &&
          !ex_same_side(f[i].agents, f[i].n_agents, f[k].agents, f[k].n_agents))
        ex_copy_actors(f[i].targets, &f[i].n_targets, f[k].agents,
                       f[k].n_agents);
      break;
    }
  }
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
  for (size_t i = 0; i < nf; i++)
    for (size_t k = 0; k < nf && !f[i].drop && !aims_at_other(&f[i]); k++)
      if (k != i && !f[k].drop && f[k].t->pat->type == f[i].t->pat->type &&
          f[k].negated == f[i].negated && f[i].n_agents &&
          same_agents(&f[i], &f[k]) && aims_at_other(&f[k]))
        f[i].drop = true;
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
    sckg_date own = date_in_phrase(r, fr->t);
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
  size_t first = r->out->n_events;
  while (first > 0 && r->out->events[first - 1].sent == r->sent_index)
    first--;
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
