/* SPDX-License-Identifier: MIT */
/* Passes over a sentence's frames once each has its own reading: denials,
 * speakers, the doers and victims of crimes, and references back to acts
 * told before. */
#include "extract/reader.h"
#include "lexicon/morph.h"

/* Denials: events after a denial in its sentence are negated, and take the
 * denier as agent when they have none. */
void ex_apply_denials(const reader *r, frame *f, size_t nf) {
  if (!(r->flags_seen & PAT_DENY))
    return; /* no denial in the sentence */
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
void ex_denied_charges(const reader *r, frame *f, size_t nf) {
  if (!(r->flags_seen & PAT_DENY))
    return; /* no denial in the sentence */
  for (size_t i = 0; i < nf; i++) {
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
    if (f[i].n_agents)
      continue; /* most frames: one load, before the pattern's slots */
    bool wants = false;
    for (size_t k = 0; k < MAX_SLOTS; k++)
      wants |= f[i].t->pat->agent[k].kind == SLOT_SPEAKER;
    if (!wants)
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
  if (!(r->flags_seen & (PAT_REPORT | PAT_STATEMENT)))
    return; /* no report nor statement in the sentence */
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
  if (!(r->flags_seen & (PAT_REPORT | PAT_STATEMENT)))
    return; /* no report nor statement in the sentence */
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
  if (!(r->flags_seen & PAT_CRIME))
    return; /* no crime in the sentence */
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
void ex_crimes_not_by_accusers(const reader *r, frame *f, size_t nf) {
  if (!(r->flags_seen & PAT_CRIME))
    return; /* no crime in the sentence */
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
  if (!(r->flags_seen & PAT_CRIME))
    return; /* no crime in the sentence */
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
  if (!(r->flags_seen & PAT_CRIME))
    return; /* no crime in the sentence */
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
sckg_date ex_date_in_phrase(const reader *r, const trigger *t) {
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
  if (!(r->classes_seen & W_INSTANCE))
    return -1; /* no instance word to find below */
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
  if (f[i].t->tb < f[k].t->te || !(r->classes_seen & W_CAUSE))
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
  if (!(r->flags_seen & PAT_CRIME))
    return; /* no crime in the sentence */
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
    bool own_subject = !f[i].n_agents && !(f[i].t->pat->flags & PAT_NOUN) &&
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
}

/* "denied U.S. accusations that it hacked Sony": an accusation that
 * names no one accused accuses whoever did the crime it charges, told
 * after it in its clause. */
void ex_accused_of_crimes(const reader *r, frame *f, size_t nf) {
  if (!(r->flags_seen & PAT_CRIME))
    return; /* no crime in the sentence */
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
