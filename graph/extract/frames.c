/* SPDX-License-Identifier: MIT */
/* Event frames: each trigger with its agents and targets, read from its
 * slots, its voice and the clause around it. The passes over all the
 * frames of a sentence are in parties.c; the events made of them in
 * emit.c. */
#include "extract/reader.h"
#include "lexicon/morph.h"

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
bool ex_resolve_speakers(reader *r, const frame *f, size_t nf) {
  ex_actor *speaker[EX_MAX_ACTORS];
  size_t ns = 0;
  for (size_t i = 0; i < nf && !ns; i++)
    if (!f[i].t->quoted &&
        (f[i].t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) && f[i].n_agents) {
      memcpy(speaker, f[i].agents, f[i].n_agents * sizeof *speaker);
      ns = f[i].n_agents;
    }
  bool changed = false;
  for (size_t k = 0; ns && k < r->nm; k++) {
    mention *m = &r->m[k];
    if (m->kind == M_ANAPHOR && m->ana && m->ana->ana == ANA_SPEAKER && !m->n) {
      for (size_t i = 0; i < ns; i++)
        ex_add_actor(m, speaker[i]);
      m->plural = ns > 1;
      changed = true;
    }
  }
  return changed;
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
  if (!(r->classes_seen & W_CULPRIT))
    return 0;
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
  if (!(r->classes_seen & W_CONDITIONAL))
    return false;
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
  if (!(r->classes_seen & W_MODAL))
    return false; /* no modal for it to share */
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
  if (!(r->classes_seen & W_INTENT))
    return false; /* both ways below end on a word of intent */
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
  if (!(r->classes_seen & W_OPPOSE))
    return false;
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
      !(r->classes_seen & (W_RELATIVE | W_COMP)) ||
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

void ex_read_frames(const reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    frame *fr = &f[i];
    const lex_pattern *p = fr->t->pat;
    long which;
    const slot *agent_slots = p->agent;
    const slot *target_slots = p->target;
    slot by_only[MAX_SLOTS]; /* filled for a passive alone */
    static const slot subj_only[MAX_SLOTS] = {{SLOT_SUBJ, NULL}};
    static const slot none[MAX_SLOTS] = {{SLOT_NONE, NULL}};
    slot passive_targets[MAX_SLOTS];
    if (ex_is_passive(r, fr->t)) {
      /* "the missile was fired", "funds were stolen by X": the agent is
       * the by-phrase, the subject is what was acted on */
      memcpy(by_only, none, sizeof by_only);
      by_only[0] = (slot){SLOT_BY, r->s->by_prep};
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
    const trigger *head = object_pronoun(r, fr->t->obj_from)
                              ? ex_participle_head(r, fr->t)
                              : NULL;
    if (head)
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
        p->flags & PAT_STATEMENT
            ? ex_statement_by_noun(r, ex_trigger_noun(r, fr->t))
            : NULL;
    if (sm) {
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
