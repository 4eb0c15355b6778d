/* SPDX-License-Identifier: MIT */
/* Finished graphs built by hand for the DOT and render tests: the writers
 * read graph_impl.h's structures, so a test can set them up directly and
 * does not depend on the extraction. Everything lives in the graph's arena;
 * fx_free releases it. Arrays are sorted by IRI by fx_finish, as
 * sckg_graph_finish leaves them. Graphs given as bare triples, for the
 * N-Triples and RDF/XML writers, come from triples_fixture.h. */
#ifndef SCKG_WRITE_FIXTURE_H
#define SCKG_WRITE_FIXTURE_H

#include "model/graph_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FX_BASE "https://w3id.org/sckg/id/"
/* NULL-terminated actor lists for fx_event. */
#define FX_ACTORS(...) ((sckg_actor *[]){__VA_ARGS__, NULL})
#define FX_NONE ((sckg_actor *[]){NULL})

static inline sckg_graph *fx_new(void) {
  sckg_graph *g = calloc(1, sizeof *g);
  g->arena = sckg_arena_new();
  g->base = FX_BASE;
  /* the writers read what each event type is (its label, its family) from
   * the schema, as a real graph's */
  if (sckg_schema_embedded(&g->schema) != SCKG_OK) {
    fprintf(stderr, "write_fixture: the built-in schema does not load\n");
    abort();
  }
  return g;
}

static inline void fx_free(sckg_graph *g) {
  if (!g)
    return;
  sckg_vec_free(&g->actors);
  sckg_vec_free(&g->events);
  sckg_vec_free(&g->articles);
  sckg_arena_free(g->arena);
  free(g);
}

static inline const char *fx_printf2(sckg_graph *g, const char *a,
                                     const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *s = sckg_arena_alloc(g->arena, la + lb + 1);
  memcpy(s, a, la);
  memcpy(s + la, b, lb + 1);
  return s;
}

static inline sckg_actor *fx_actor(sckg_graph *g, const char *slug,
                                   const char *label, sckg_class cls,
                                   const char *qid) {
  sckg_actor *a = sckg_arena_alloc(g->arena, sizeof *a);
  a->slug = slug;
  a->iri = fx_printf2(g, FX_BASE "actor/", slug);
  a->label = label;
  a->cls = cls;
  a->qid = qid;
  a->from_lexicon = true;
  sckg_vec_push(&g->actors, a);
  return a;
}

static inline void fx_parent(sckg_actor *a, sckg_actor *parent,
                             bool affiliated) {
  a->parent = parent;
  a->affiliated = affiliated;
}

static inline sckg_article *fx_article(sckg_graph *g, const char *ident,
                                       const char *publisher, int y, int m,
                                       int d) {
  sckg_article *a = sckg_arena_alloc(g->arena, sizeof *a);
  a->ident = ident;
  a->iri = fx_printf2(g, FX_BASE "article/", ident);
  a->title = ident;
  a->publisher = publisher;
  a->date = (sckg_date){y, m, d};
  a->text = "";
  sckg_vec_push(&g->articles, a);
  return a;
}

static inline int fx_cmp_actor(const void *a, const void *b) {
  return strcmp((*(sckg_actor *const *)a)->iri, (*(sckg_actor *const *)b)->iri);
}

static inline int fx_cmp_event(const void *a, const void *b) {
  return strcmp((*(sckg_event *const *)a)->iri, (*(sckg_event *const *)b)->iri);
}

static inline int fx_cmp_article(const void *a, const void *b) {
  return strcmp((*(sckg_article *const *)a)->iri,
                (*(sckg_article *const *)b)->iri);
}

static inline int fx_cmp_sentence(const void *a, const void *b) {
  return strcmp((*(sckg_sentence *const *)a)->iri,
                (*(sckg_sentence *const *)b)->iri);
}

static inline sckg_actor **fx_list(sckg_graph *g, sckg_actor *const *items,
                                   size_t *n) {
  for (*n = 0; items[*n]; (*n)++)
    ;
  sckg_actor **copy = sckg_arena_memdup(g->arena, items, *n * sizeof *copy);
  qsort(copy, *n, sizeof *copy, fx_cmp_actor);
  return copy;
}

/* One report of an event: its article and sentence. A second call with the
 * same event adds a source and evidence, as merging two reports does. */
static inline void fx_report(sckg_graph *g, sckg_event *e,
                             sckg_article *article, const char *sentence) {
  sckg_sentence *s = sckg_arena_alloc(g->arena, sizeof *s);
  char pos[48];
  s->article = article;
  s->begin = article->len;
  s->end = article->len + sckg_utf8_count(sentence, strlen(sentence));
  article->len = s->end + 1;
  snprintf(pos, sizeof pos, "#char=%zu,%zu", s->begin, s->end);
  s->iri = fx_printf2(g, article->iri, pos);
  s->text = sentence;
  s->text_len = strlen(sentence);

  sckg_sentence **ev =
      sckg_arena_alloc(g->arena, (e->n_evidence + 1) * sizeof *ev);
  if (e->n_evidence)
    memcpy(ev, e->evidence, e->n_evidence * sizeof *ev);
  ev[e->n_evidence++] = s;
  qsort(ev, e->n_evidence, sizeof *ev, fx_cmp_sentence);
  e->evidence = ev;

  for (size_t i = 0; i < e->n_sources; i++)
    if (e->sources[i] == article)
      return;
  sckg_article **src =
      sckg_arena_alloc(g->arena, (e->n_sources + 1) * sizeof *src);
  if (e->n_sources)
    memcpy(src, e->sources, e->n_sources * sizeof *src);
  src[e->n_sources++] = article;
  qsort(src, e->n_sources, sizeof *src, fx_cmp_article);
  e->sources = src;
}

static inline sckg_event *
fx_event(sckg_graph *g, const char *slug, sckg_event_type type,
         sckg_actor *const *agents, sckg_actor *const *targets, sckg_date date,
         sckg_article *article, const char *sentence) {
  sckg_event *e = sckg_arena_alloc(g->arena, sizeof *e);
  e->iri = fx_printf2(g, FX_BASE "event/", slug);
  e->type = type;
  e->agents = fx_list(g, agents, &e->n_agents);
  e->targets = fx_list(g, targets, &e->n_targets);
  e->date = date;
  fx_report(g, e, article, sentence);
  sckg_vec_push(&g->events, e);
  return e;
}

static inline void fx_attribute(sckg_graph *g, sckg_event *e,
                                sckg_actor *const *who) {
  e->attributed = fx_list(g, who, &e->n_attributed);
}

static inline void fx_finish(sckg_graph *g) {
  qsort(g->actors.items, g->actors.len, sizeof(void *), fx_cmp_actor);
  qsort(g->events.items, g->events.len, sizeof(void *), fx_cmp_event);
  qsort(g->articles.items, g->articles.len, sizeof(void *), fx_cmp_article);
  g->finished = true;
}

#define FX_DAY(y, m, d) ((sckg_date){y, m, d})
#define FX_NODATE ((sckg_date){0, 0, 0})

/* ---- the small graph ----
 * A joint statement by three states saying two things, a denied (negated)
 * event, an attributed event, a person affiliated with a state and his own
 * statement, and one unrelated event from another article that the
 * statement view must leave out. Counts for the tests (agents of a
 * statement are not linked again to what it says: 3 + 1 edges fewer):
 *   all:       8 actors, 8 events, 17 edges;
 *   statement: 6 actors, 7 events, 15 edges (no EU sanctions on Russia). */
enum {
  FX_SMALL_ACTORS = 8,
  FX_SMALL_EVENTS = 8,
  FX_SMALL_EDGES = 17,
  FX_STMT_ACTORS = 6,
  FX_STMT_EVENTS = 7,
  FX_STMT_EDGES = 15,
};

static inline sckg_graph *fx_small(bool with_statements) {
  sckg_graph *g = fx_new();
  sckg_article *ap =
      fx_article(g, "ap-2023-04-07", "The Associated Press", 2023, 4, 7);
  sckg_article *rt = fx_article(g, "reuters-2023-04-07", "Reuters", 2023, 4, 7);
  sckg_article *other = fx_article(g, "other-2022-01-10", NULL, 2022, 1, 10);
  sckg_actor *us =
      fx_actor(g, "united-states", "United States", SCKG_CLASS_STATE, "Q30");
  sckg_actor *kr =
      fx_actor(g, "south-korea", "South Korea", SCKG_CLASS_STATE, "Q884");
  sckg_actor *jp = fx_actor(g, "japan", "Japan", SCKG_CLASS_STATE, "Q17");
  sckg_actor *kp =
      fx_actor(g, "north-korea", "North Korea", SCKG_CLASS_STATE, "Q423");
  sckg_actor *un =
      fx_actor(g, "united-nations", "United Nations", SCKG_CLASS_IGO, "Q1065");
  sckg_actor *kim =
      fx_actor(g, "kim-gunn", "Kim Gunn", SCKG_CLASS_PERSON, NULL);
  sckg_actor *eu =
      fx_actor(g, "european-union", "European Union", SCKG_CLASS_IGO, "Q458");
  sckg_actor *ru = fx_actor(g, "russia", "Russia", SCKG_CLASS_STATE, "Q159");
  fx_parent(kim, kr, true);

  sckg_event *stmt = NULL, *kim_said = NULL;
  if (with_statements) {
    stmt =
        fx_event(g, "makestatement-joint", SCKG_EV_MAKE_STATEMENT,
                 FX_ACTORS(us, kr, jp), FX_ACTORS(kp), FX_DAY(2023, 4, 7), ap,
                 "The United States, South Korea, and Japan released "
                 "a joint statement on Friday.");
    fx_report(g, stmt, rt, "They said so in a joint statement.");
    kim_said = fx_event(g, "makestatement-kim", SCKG_EV_MAKE_STATEMENT,
                        FX_ACTORS(kim), FX_NONE, FX_DAY(2023, 4, 7), ap,
                        "Kim Gunn said so on Friday.");
  }
  sckg_event *theft = fx_event(g, "cybertheft-kp", SCKG_EV_CYBER_THEFT,
                               FX_ACTORS(kp), FX_NONE, FX_NODATE, ap,
                               "The DPRK supports these programs by stealing "
                               "funds.");
  sckg_event *appeal = fx_event(
      g, "appeal-un", SCKG_EV_APPEAL, FX_ACTORS(us, kr, jp), FX_ACTORS(un),
      FX_NODATE, rt, "They called on United Nations member states to comply.");
  sckg_event *denied =
      fx_event(g, "cyberattack-kp", SCKG_EV_CYBER_ATTACK, FX_ACTORS(kp),
               FX_NONE, FX_NODATE, rt, "North Korea has denied hacking.");
  denied->negated = true;
  sckg_event *laundering =
      fx_event(g, "moneylaundering-kp", SCKG_EV_MONEY_LAUNDERING, FX_ACTORS(kp),
               FX_NONE, FX_NODATE, ap, "Funds were laundered, officials say.");
  fx_attribute(g, laundering, FX_ACTORS(us));
  sckg_event *criticism = fx_event(
      g, "criticize-kim", SCKG_EV_CRITICIZE, FX_ACTORS(kim), FX_ACTORS(kp),
      FX_DAY(2023, 4, 7), ap, "Kim Gunn said the ambition was a boomerang.");
  fx_event(g, "imposesanctions-eu", SCKG_EV_IMPOSE_SANCTIONS, FX_ACTORS(eu),
           FX_ACTORS(ru), FX_DAY(2022, 1, 10), other,
           "The EU imposed sanctions on Russia.");
  if (with_statements) {
    theft->stated_in = stmt;
    appeal->stated_in = stmt;
    criticism->stated_in = kim_said;
  }
  fx_finish(g);
  return g;
}

/* ---- the story ----
 * The April 7, 2023 joint statement as the two corpus articles tell it, by
 * hand: what a good extraction should give. Used to look at the picture
 * (SCKG_DEMO_DIR) and to check the statement view picks it whole. */
enum { FX_STORY_ACTORS = 9, FX_STORY_EVENTS = 18, FX_STORY_SAID = 6 };

static inline sckg_graph *fx_story(void) {
  sckg_graph *g = fx_new();
  sckg_article *ap =
      fx_article(g, "ap-2023-04-07", "The Associated Press", 2023, 4, 7);
  sckg_article *rt = fx_article(g, "reuters-2023-04-07", "Reuters", 2023, 4, 7);
  sckg_actor *us =
      fx_actor(g, "united-states", "United States", SCKG_CLASS_STATE, "Q30");
  sckg_actor *kr =
      fx_actor(g, "south-korea", "South Korea", SCKG_CLASS_STATE, "Q884");
  sckg_actor *jp = fx_actor(g, "japan", "Japan", SCKG_CLASS_STATE, "Q17");
  sckg_actor *kp =
      fx_actor(g, "north-korea", "North Korea", SCKG_CLASS_STATE, "Q423");
  sckg_actor *un =
      fx_actor(g, "united-nations", "United Nations", SCKG_CLASS_IGO, "Q1065");
  sckg_actor *treasury = fx_actor(g, "us-department-of-the-treasury",
                                  "U.S. Department of the Treasury",
                                  SCKG_CLASS_AGENCY, "Q1501758");
  sckg_actor *kim =
      fx_actor(g, "kim-gunn", "Kim Gunn", SCKG_CLASS_PERSON, NULL);
  sckg_actor *workers =
      fx_actor(g, "north-korean-it-workers", "North Korean IT workers",
               SCKG_CLASS_GROUP, NULL);
  sckg_actor *hackers =
      fx_actor(g, "north-korean-hackers", "North Korean hackers",
               SCKG_CLASS_GROUP, NULL);
  fx_parent(treasury, us, false);
  fx_parent(kim, kr, true);
  fx_parent(workers, kp, false);
  fx_parent(hackers, kp, false);
  sckg_date fri = FX_DAY(2023, 4, 7), thu = FX_DAY(2023, 4, 6);

  sckg_event *stmt = fx_event(
      g, "makestatement-japan-south-korea-united-states-2023-04-07",
      SCKG_EV_MAKE_STATEMENT, FX_ACTORS(us, kr, jp), FX_ACTORS(kp), fri, ap,
      "The United States, South Korea, and Japan expressed deep concern over "
      "North Korea\xe2\x80\x99s \xe2\x80\x9cmalicious\xe2\x80\x9d cyber "
      "activities to support its weapons programs, in comments released in "
      "a joint statement on Friday.");
  fx_report(g, stmt, rt,
            "The United States, South Korea and Japan expressed deep concern "
            "over North Korea's \"malicious\" cyber activities to support its "
            "weapons programmes, in comments released in a joint statement "
            "on Friday.");
  sckg_event *said[FX_STORY_SAID];
  said[0] = fx_event(g, "expressconcern-north-korea-2023-04-07",
                     SCKG_EV_EXPRESS_CONCERN, FX_ACTORS(us, kr, jp),
                     FX_ACTORS(kp), fri, rt,
                     "The United States, South Korea and Japan expressed deep "
                     "concern over North Korea's \"malicious\" cyber "
                     "activities.");
  said[1] = fx_event(g, "cybertheft-north-korea", SCKG_EV_CYBER_THEFT,
                     FX_ACTORS(kp), FX_NONE, FX_NODATE, rt,
                     "\"We are also deeply concerned about how the DPRK "
                     "supports these programmes by stealing and laundering "
                     "funds as well as gathering information through "
                     "malicious cyber activities,\" the statement said.");
  said[2] = fx_event(g, "moneylaundering-north-korea", SCKG_EV_MONEY_LAUNDERING,
                     FX_ACTORS(kp), FX_NONE, FX_NODATE, rt,
                     said[1]->evidence[0]->text);
  said[3] = fx_event(g, "cyberespionage-north-korea", SCKG_EV_CYBER_ESPIONAGE,
                     FX_ACTORS(kp), FX_NONE, FX_NODATE, rt,
                     said[1]->evidence[0]->text);
  said[4] = fx_event(g, "sanctionsevasion-north-korean-it-workers",
                     SCKG_EV_SANCTIONS_EVASION, FX_ACTORS(workers), FX_NONE,
                     FX_NODATE, ap,
                     "\xe2\x80\x9cWe reiterate with concern that overseas "
                     "DPRK IT workers continue using forged identities and "
                     "nationalities\xe2\x80\x9d to evade U.N. sanctions.");
  said[5] = fx_event(g, "appeal-united-nations", SCKG_EV_APPEAL,
                     FX_ACTORS(us, kr, jp), FX_ACTORS(un), FX_NODATE, rt,
                     "They called on United Nations member states to comply "
                     "with U.N. Security Council resolutions to repatriate "
                     "North Korean workers on their soil.");
  for (int i = 0; i < FX_STORY_SAID; i++)
    said[i]->stated_in = stmt;

  sckg_event *talks = fx_event(
      g, "consult-japan-south-korea-united-states", SCKG_EV_CONSULT,
      FX_ACTORS(us, kr, jp), FX_NONE, FX_NODATE, ap,
      "South Korea\xe2\x80\x99s nuclear envoy held talks with his U.S. and "
      "Japanese counterparts in Seoul this week.");
  fx_report(g, talks, rt,
            "South Korea's nuclear envoy held talks with his U.S. and "
            "Japanese counterparts in Seoul this week.");
  fx_event(g, "criticize-south-korea-north-korea", SCKG_EV_CRITICIZE,
           FX_ACTORS(kr), FX_ACTORS(kp), FX_NODATE, rt,
           "South Korea's nuclear envoy ... condemned the isolated country's "
           "weapons tests.");
  fx_event(g, "militaryexercise-south-korea-united-states-2023-03",
           SCKG_EV_MILITARY_EXERCISE, FX_ACTORS(us, kr), FX_NONE,
           FX_DAY(2023, 3, 0), ap,
           "U.S. and South Korean forces have been conducting a series of "
           "annual springtime exercises since March.");
  fx_event(g, "weaponstest-north-korea", SCKG_EV_WEAPONS_TEST, FX_ACTORS(kp),
           FX_NONE, FX_NODATE, ap,
           "It unveiled new, smaller nuclear warheads, and fired an "
           "intercontinental ballistic missile capable of striking anywhere "
           "in the United States.");
  fx_event(g, "accuse-north-korea-south-korea-united-states-2023-04-06",
           SCKG_EV_ACCUSE, FX_ACTORS(kp), FX_ACTORS(us, kr), thu, ap,
           "On Thursday, North Korea accused Washington and Seoul of pushing "
           "tensions to the brink of nuclear war through their military "
           "drills.");
  fx_event(g, "imposesanctions-japan-north-korea-2023-04-07",
           SCKG_EV_IMPOSE_SANCTIONS, FX_ACTORS(jp), FX_ACTORS(kp), fri, ap,
           "Japan on Friday announced a two-year extension of its trade ban "
           "on North Korea, with exemptions for humanitarian reasons.");
  fx_event(g, "denyallegation-north-korea", SCKG_EV_DENY_ALLEGATION,
           FX_ACTORS(kp), FX_NONE, FX_NODATE, rt,
           "North Korea has denied allegations of hacking or other "
           "cyberattacks.");
  sckg_event *kim_said = fx_event(
      g, "makestatement-kim-gunn-2023-04-07", SCKG_EV_MAKE_STATEMENT,
      FX_ACTORS(kim), FX_NONE, fri, ap,
      "Kim Gunn, South Korea's chief nuclear negotiator, said North Korea's "
      "nuclear ambition was \"nothing more than a self-destructive "
      "boomerang\" shattering its economy.");
  sckg_event *boomerang = fx_event(
      g, "criticize-kim-gunn-north-korea-2023-04-07", SCKG_EV_CRITICIZE,
      FX_ACTORS(kim), FX_ACTORS(kp), fri, ap, kim_said->evidence[0]->text);
  boomerang->stated_in = kim_said;
  fx_event(g, "makestatement-us-department-of-the-treasury-2023-04-06",
           SCKG_EV_MAKE_STATEMENT, FX_ACTORS(treasury), FX_NONE, thu, rt,
           "A new report released by the U.S. Treasury Department on April 6 "
           "said actors like North Korea were using decentralised finance "
           "(DeFi) to transfer and launder their illicit proceeds.");
  sckg_event *stolen = fx_event(
      g, "cybertheft-north-korean-hackers", SCKG_EV_CYBER_THEFT,
      FX_ACTORS(hackers), FX_NONE, FX_NODATE, ap,
      "Cryptocurrency funds stolen by North Korean hackers have been a key "
      "source for financing the sanctions-stricken country\xe2\x80\x99s "
      "weapons programs, officials and experts in the U.S. and its allies "
      "say.");
  fx_attribute(g, stolen, FX_ACTORS(us));
  fx_finish(g);
  return g;
}

#endif
