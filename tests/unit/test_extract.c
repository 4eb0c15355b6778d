/* SPDX-License-Identifier: MIT */
/* Extraction, one construction at a time: a sentence or two in, the events
 * out. The sentences are written for these tests; none comes from eval/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "extract/entities.h"
#include "model/graph_impl.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_string(const char *s) {
  char *p = malloc(strlen(s) + 1);
  strcpy(p, s);
  return p;
}

/* An actor as the tests name it: its Wikidata id, else its label. */
static void name_actor(char *out, size_t cap, const sckg_actor *a) {
  strncat(out, a->qid ? a->qid : a->label, cap - strlen(out) - 1);
}

static void name_actors(char *out, size_t cap, sckg_actor **arr, size_t n) {
  if (!n)
    strncat(out, "-", cap - strlen(out) - 1);
  for (size_t i = 0; i < n; i++) {
    if (i)
      strncat(out, ",", cap - strlen(out) - 1);
    name_actor(out, cap, arr[i]);
  }
}

/* Every event of the graph built from `text`, one per line:
 * "Type AGENTS > TARGETS[ negated][ date]", actors in IRI order, lines
 * sorted. */
static char *events_of(const char *text) {
  sckg_input in = {.name = "case.txt", .text = text, .len = strlen(text)};
  sckg_graph *g = NULL;
  assert_int_equal(sckg_build(&in, 1, NULL, &g), SCKG_OK);
  size_t n = g->events.len;
  char **lines = calloc(n + 1, sizeof *lines);
  for (size_t i = 0; i < n; i++) {
    const sckg_event *e = SCKG_EVENTS(g)[i];
    char buf[512] = "";
    strncat(buf, sckg_event_types[e->type].name, sizeof buf - 1);
    strncat(buf, " ", sizeof buf - strlen(buf) - 1);
    name_actors(buf, sizeof buf, e->agents, e->n_agents);
    strncat(buf, " > ", sizeof buf - strlen(buf) - 1);
    name_actors(buf, sizeof buf, e->targets, e->n_targets);
    if (e->negated)
      strncat(buf, " negated", sizeof buf - strlen(buf) - 1);
    char d[16];
    if (sckg_date_format(e->date, d)) {
      strncat(buf, " ", sizeof buf - strlen(buf) - 1);
      strncat(buf, d, sizeof buf - strlen(buf) - 1);
    }
    lines[i] = dup_string(buf);
  }
  qsort(lines, n, sizeof *lines, (int (*)(const void *, const void *))strcmp);
  size_t total = 1;
  for (size_t i = 0; i < n; i++)
    total += strlen(lines[i]) + 1;
  char *out = calloc(total, 1);
  for (size_t i = 0; i < n; i++) {
    strcat(out, lines[i]);
    strcat(out, "\n");
    free(lines[i]);
  }
  free(lines);
  sckg_graph_free(g);
  return out;
}

/* Does the article built from `text` mention the actor with this QID? */
static bool mentions_qid(const char *text, const char *qid) {
  sckg_input in = {.name = "case.txt", .text = text, .len = strlen(text)};
  sckg_graph *g = NULL;
  assert_int_equal(sckg_build(&in, 1, NULL, &g), SCKG_OK);
  const sckg_article *a = SCKG_ARTICLES(g)[0];
  bool found = false;
  for (size_t i = 0; i < a->n_mentions; i++)
    found |= a->mentions[i]->qid && strcmp(a->mentions[i]->qid, qid) == 0;
  sckg_graph_free(g);
  return found;
}

/* A body named by its state's name mentions the state ("Bangladesh's
 * central bank" names Bangladesh); one whose name does not say it, does
 * not ("the Reconnaissance General Bureau"). */
static void a_body_named_by_its_state_mentions_it(void **state) {
  (void)state;
  assert_true(mentions_qid("Hackers stole $81 million from Bangladesh's "
                           "central bank.",
                           "Q902"));
  assert_true(mentions_qid("Hackers stole $81 million from Bangladesh\xe2\x80"
                           "\x99s central bank.",
                           "Q902"));
  /* by its demonym, in a body's name of the lexicon */
  assert_true(
      mentions_qid("The Chinese Foreign Ministry urged restraint.", "Q148"));
  assert_false(mentions_qid("The Reconnaissance General Bureau runs the "
                            "hackers.",
                            "Q423"));
}

/* A title that names a body mentions the body: "Secretary of State"
 * names the State Department, "U.S. Treasury Secretary" the Treasury. A
 * person named without a title names no body. */
static void a_title_names_its_office(void **state) {
  (void)state;
  assert_true(mentions_qid("Secretary of State Marco Rubio spoke on Monday.",
                           "Q789915"));
  assert_true(mentions_qid(
      "U.S. Treasury Secretary Janet Yellen spoke on Monday.", "Q648666"));
  assert_true(
      mentions_qid("Treasury Secretary Steven Mnuchin spoke.", "Q648666"));
  assert_false(mentions_qid("Rex Tillerson spoke on Monday.", "Q789915"));
}

/* The text's events hold `expected` (lines of events_of's form). */
static void expect_events(const char *text, const char *const *expected) {
  char *got = events_of(text);
  for (size_t i = 0; expected[i]; i++) {
    char line[600];
    snprintf(line, sizeof line, "%s\n", expected[i]);
    if (!strstr(got, line)) {
      print_error("missing event: %s\nin:\n%s", expected[i], got);
      free(got);
      fail();
    }
  }
  free(got);
}

static void expect_no_event(const char *text, const char *unexpected) {
  char *got = events_of(text);
  char line[600];
  snprintf(line, sizeof line, "%s\n", unexpected);
  if (strstr(got, line)) {
    print_error("unexpected event: %s\nin:\n%s", unexpected, got);
    free(got);
    fail();
  }
  free(got);
}

static void coordinated_subject(void **state) {
  (void)state;
  expect_events(
      " date 2024-05-10 Japan, South Korea and the United States "
      "condemned North Korea on Thursday.",
      (const char *[]){"Criticize Q17,Q884,Q30 > Q423 2024-05-09", NULL});
}

static void concern_over_a_possessor(void **state) {
  (void)state;
  expect_events(
      "Japan voiced serious concern over North Korea's cyber activities.",
      (const char *[]){"ExpressConcern Q17 > Q423", "CyberAttack Q423 > -",
                       NULL});
}

static void passive_with_by_phrase(void **state) {
  (void)state;
  expect_events("Funds stolen by North Korean hackers were moved abroad.",
                (const char *[]){"CyberTheft North Korean hackers > -", NULL});
}

static void nominal_sanction_with_target(void **state) {
  (void)state;
  expect_events(
      " date 2021-06-04 South Korea on Friday announced a one-year "
      "extension of its trade ban on North Korea.",
      (const char *[]){"ImposeSanctions Q884 > Q423 2021-06-04", NULL});
}

static void denial_negates_what_it_denies(void **state) {
  (void)state;
  expect_events("North Korea has denied allegations of hacking.",
                (const char *[]){"DenyAllegation Q423 > -",
                                 "CyberAttack Q423 > - negated", NULL});
}

static void pronoun_refers_to_last_subject(void **state) {
  (void)state;
  expect_events(
      "Pyongyang raised tensions this year. It fired a ballistic missile.",
      (const char *[]){"WeaponsTest Q423 > -", NULL});
}

static void place_after_preposition_is_not_an_actor(void **state) {
  (void)state;
  expect_no_event("Japan's envoy held talks in Seoul.", "Consult Q17 > Q884");
}

static void accusation_with_dated_weekday(void **state) {
  (void)state;
  /* 2022-03-02 was a Wednesday: "on Monday" is 2022-02-28 */
  expect_events(
      " date 2022-03-02 On Monday, North Korea accused Washington and "
      "Seoul of raising tensions.",
      (const char *[]){"Accuse Q423 > Q884,Q30 2022-02-28", NULL});
}

static void quoted_we_is_the_statement(void **state) {
  (void)state;
  expect_events("Japan and the United States released a joint statement. "
                "\"We are concerned about how the DPRK steals funds,\" the "
                "statement said, urging U.N. members to act.",
                (const char *[]){"MakeStatement Q17,Q30 > -",
                                 "ExpressConcern Q17,Q30 > Q423",
                                 "CyberTheft Q423 > -",
                                 "Appeal Q17,Q30 > Q1065", NULL});
}

static void caption_yields_nothing(void **state) {
  (void)state;
  char *got =
      events_of("Japan condemned North Korea near the border, in this picture "
                "taken on May 1, 2020. Reuters\n");
  assert_string_equal(got, "");
  free(got);
}

static void report_of_a_crime_is_an_accusation(void **state) {
  (void)state;
  expect_events("A report released by the U.S. Treasury Department said North "
                "Korea laundered stolen funds.",
                (const char *[]){"MakeStatement Q648666 > -",
                                 "Accuse Q648666 > Q423",
                                 "MoneyLaundering Q423 > -", NULL});
}

/* --- issue 3: one construction at a time ------------------------------- */

static void states_by_short_name_and_capital(void **state) {
  (void)state;
  expect_events("Germany and France condemned Russia.",
                (const char *[]){"Criticize Q142,Q183 > Q159", NULL});
  expect_events("Beijing criticized Washington over the sanctions.",
                (const char *[]){"Criticize Q148 > Q30", NULL});
}

static void codes_stand_for_states(void **state) {
  (void)state;
  expect_events("The ROK and the DPRK held talks.",
                (const char *[]){"Consult Q423,Q884 > -", NULL});
}

static void demonym_heads_make_actors(void **state) {
  (void)state;
  expect_events("Japanese officials accused North Korean hackers.",
                (const char *[]){"Accuse Q17 > North Korean hackers", NULL});
}

static void agencies_and_groups(void **state) {
  (void)state;
  expect_events("The FBI blamed the Lazarus Group for the attack.",
                (const char *[]){"Accuse Q8333 > Lazarus Group", NULL});
}

static void persons_by_title(void **state) {
  (void)state;
  expect_events("President Yoon met Prime Minister Kishida in Tokyo.",
                (const char *[]){"Consult Q16090635 > Q359480", NULL});
}

static void unknown_company_by_cue(void **state) {
  (void)state;
  expect_events(
      "Acme Trading Co. Ltd was sanctioned by the Treasury.",
      (const char *[]){"ImposeSanctions Q648666 > Acme Trading Co. Ltd", NULL});
}

static void unknown_person_by_name(void **state) {
  (void)state;
  expect_events("Kim Tae Song said the tests would continue.",
                (const char *[]){"MakeStatement Kim Tae Song > -", NULL});
}

static void unknown_platform_as_object(void **state) {
  (void)state;
  expect_events("The Treasury sanctioned Zenmix, a crypto mixer.",
                (const char *[]){"ImposeSanctions Q648666 > Zenmix", NULL});
}

static void passive_without_by_phrase_has_no_agent(void **state) {
  (void)state;
  char *got = events_of("The missile was fired from near the capital.");
  assert_string_equal(got, "");
  free(got);
}

static void nominal_theft_with_by_phrase(void **state) {
  (void)state;
  expect_events("Investigators traced the theft of $620 million by the Lazarus "
                "Group.",
                (const char *[]){"CyberTheft Lazarus Group > -", NULL});
}

static void possessive_decision(void **state) {
  (void)state;
  expect_events("Japan's decision to extend its sanctions angered Pyongyang.",
                (const char *[]){"ImposeSanctions Q17 > -", NULL});
}

static void apposition_names_the_speaker(void **state) {
  (void)state;
  expect_events("Kim Gunn, South Korea's chief nuclear negotiator, condemned "
                "North Korea.",
                (const char *[]){"Criticize Kim Gunn > Q423", NULL});
}

static void relative_clause_object(void **state) {
  (void)state;
  expect_events("Mixers helped the Lazarus Group, a hacking group that the "
                "United States sanctioned in 2019.",
                (const char *[]){"ImposeSanctions Q30 > Lazarus Group", NULL});
}

static void two_events_one_sentence(void **state) {
  (void)state;
  expect_events("Japan condemned North Korea and imposed new sanctions on "
                "North Korea.",
                (const char *[]){"Criticize Q17 > Q423",
                                 "ImposeSanctions Q17 > Q423", NULL});
}

/* The object of a reaction may follow words that only name it ("what it
 * called") or count it ("a series of"): the reaction is still to the act,
 * so its target is the act's agent. */
static void reaction_to_what_it_called(void **state) {
  (void)state;
  expect_events("Japan condemned what it called North Korea's reckless "
                "missile launches.",
                (const char *[]){"Criticize Q17 > Q423", NULL});
  expect_events("Japan condemned what it described as an unprecedented "
                "number of missile launches by North Korea.",
                (const char *[]){"Criticize Q17 > Q423", NULL});
  expect_events("South Korea condemned a series of missile launches by "
                "North Korea.",
                (const char *[]){"Criticize Q884 > Q423", NULL});
}

/* A participle after a comma has the subject of the verb before it, and
 * "it" or "him" right after it stands for that verb's object; with no
 * verb before it, the sentence's subject. */
static void participle_shares_the_subject(void **state) {
  (void)state;
  expect_events("The United States sanctioned North Korea on Friday, "
                "accusing it of stealing cryptocurrency.",
                (const char *[]){"ImposeSanctions Q30 > Q423",
                                 "Accuse Q30 > Q423", NULL});
  expect_no_event("The United States sanctioned North Korea on Friday, "
                  "accusing it of stealing cryptocurrency.",
                  "Accuse Q423 > Q30");
  expect_events("South Korea summoned the Japanese ambassador, urging Tokyo "
                "to stop.",
                (const char *[]){"Appeal Q884 > Q17", NULL});
}

/* Being "under" sanctions names who imposed them inside the trigger: the
 * body between "under" and "sanctions" is the agent, the subject the
 * target. */
static void under_sanctions_names_their_author(void **state) {
  (void)state;
  expect_events("North Korea has been under U.N. Security Council sanctions "
                "since 2006.",
                (const char *[]){"ImposeSanctions Q37470 > Q423", NULL});
  expect_events("Iran is subject to Japanese sanctions.",
                (const char *[]){"ImposeSanctions Q17 > Q794", NULL});
  expect_no_event("North Korea has been under U.N. Security Council "
                  "sanctions since 2006.",
                  "ImposeSanctions Q423 > Q37470");
}

/* A crime named by a noun is done by the subject of the support verb it
 * is the object of ("carried out", "relies on"), and by nobody in
 * particular when the verb is not one ("suffered"). */
static void support_verb_gives_the_agent(void **state) {
  (void)state;
  expect_events("North Korea carried out cyberattacks on South Korea.",
                (const char *[]){"CyberAttack Q423 > Q884", NULL});
  expect_events("Pyongyang increasingly relies on cyber theft.",
                (const char *[]){"CyberTheft Q423 > -", NULL});
  expect_no_event("South Korea suffered a cyberattack.",
                  "CyberAttack Q884 > -");
  expect_no_event("Japan condemned the cyberattacks.", "CyberAttack Q17 > -");
  expect_events("Kim Jong Un oversaw Thursday's missile launch.",
                (const char *[]){"WeaponsTest Q56226 > -", NULL});
}

/* A group tied to a state by "linked", "backed" and the like is that
 * state's group, whether the state comes first with a hyphen or last after
 * a preposition; a list of states after it names no one state's group. */
static void affiliated_group_is_the_states(void **state) {
  (void)state;
  expect_events(
      "North Korea-linked hackers stole $1.5 billion from Bybit.",
      (const char *[]){"CyberTheft North Korean hackers > Bybit", NULL});
  expect_events(
      "Pyongyang-backed hackers stole $1.5 billion from Bybit.",
      (const char *[]){"CyberTheft North Korean hackers > Bybit", NULL});
  expect_events(
      "Hackers linked to North Korea stole $1.5 billion from Bybit.",
      (const char *[]){"CyberTheft North Korean hackers > Bybit", NULL});
  expect_no_event("Hackers linked to China, Russia and Iran stole money.",
                  "CyberTheft Chinese hackers > -");
  expect_no_event("Seoul-based analysts said the launch was a warning.",
                  "MakeStatement Q884 > -");
}

/* Verbs of protest and attack in their other forms, and sanctions
 * "against" a target, as news writes them. */
/* The parties of a meeting, meeting and met, are the group "the three
 * leaders" refers to (the suite cannot test it while Consult puts the met
 * in its targets: a known failure there). */
static void leaders_who_met(void **state) {
  (void)state;
  expect_events(
      "Biden met Yoon and Kishida at Camp David. The three leaders "
      "condemned North Korea.",
      (const char *[]){"Criticize Q359480,Q6279,Q16090635 > Q423", NULL});
  expect_events("Biden met Kishida. The two leaders condemned North Korea.",
                (const char *[]){"Criticize Q359480,Q6279 > Q423", NULL});
}

static void protests_breaches_and_sanctions_against(void **state) {
  (void)state;
  expect_events("Japan protested against North Korea's missile launch.",
                (const char *[]){"Criticize Q17 > Q423", NULL});
  expect_events("South Korea made a formal protest.",
                (const char *[]){"Criticize Q884 > -", NULL});
  expect_events("North Korean hackers tried to breach Sony.",
                (const char *[]){"CyberAttack North Korean hackers > "
                                 "Sony Pictures Entertainment",
                                 NULL});
  expect_events("Seoul imposed sanctions against four North Korean "
                "individuals.",
                (const char *[]){"ImposeSanctions Q884 > Q423", NULL});
}

/* "to X" after a nominal object belongs to the verb when the noun takes
 * no "to": the hack is attributed to the group, and the group did it. */
static void attributed_past_a_nominal_object(void **state) {
  (void)state;
  expect_events("The FBI attributed the hack to the Lazarus Group.",
                (const char *[]){"Accuse Q8333 > Lazarus Group",
                                 "CyberAttack Lazarus Group > -", NULL});
}

/* "a panel of X", "a group of X": X is who acts, not a prepositional
 * object. */
static void a_panel_of_experts_acts(void **state) {
  (void)state;
  expect_events("A panel of U.N. experts reported that North Korean hackers "
                "stole cryptocurrency.",
                (const char *[]){"Accuse Q1065 > North Korean hackers", NULL});
  expect_events("A group of North Korean hackers attacked Sony.",
                (const char *[]){"CyberAttack North Korean hackers > "
                                 "Sony Pictures Entertainment",
                                 NULL});
}

/* The contract's examples of seizures, laundering and attribution read
 * with their targets: "froze the assets of X", "seized ... from X", "moved
 * the proceeds through", "traced the funds to X". */
static void seizures_laundering_and_tracing(void **state) {
  (void)state;
  expect_events(
      "South Korea froze the assets of North Korean banks.",
      (const char *[]){"SeizeAssets Q884 > North Korean banks", NULL});
  expect_events(
      "North Korean hackers moved the proceeds through mixers.",
      (const char *[]){"MoneyLaundering North Korean hackers > -", NULL});
  expect_events("The FBI traced the stolen funds to North Korea.",
                (const char *[]){"Accuse Q8333 > Q423", NULL});
}

/* A quotation first, then the verb, then the speaker: the speaker says
 * it, and what the quote reports of another is the speaker's accusation. */
static void speaker_after_the_quote(void **state) {
  (void)state;
  expect_events("\"North Korea continues to use cyber theft to fund its "
                "weapons,\" said Under Secretary Brian Nelson.",
                (const char *[]){"Accuse Brian Nelson > Q423",
                                 "CyberTheft Q423 > -", NULL});
  /* a consequence the speaker warns of is a threat (dev: "the U.S.
   * would respond proportionally", Threaten) */
  expect_events("\"We will respond firmly,\" said Japan.",
                (const char *[]){"Threaten Q17 > -", NULL});
}

/* A plural demonym names its state, also after "the" where "the North"
 * alone would be a name of its own; nothing named "Koreans" is made. */
static void plural_demonyms_name_the_state(void **state) {
  (void)state;
  expect_events("The North Koreans fired two missiles.",
                (const char *[]){"WeaponsTest Q423 > -", NULL});
  expect_events("The Americans condemned the launch.",
                (const char *[]){"Criticize Q30 > -", NULL});
  expect_no_event("The North Koreans fired two missiles.",
                  "WeaponsTest Koreans > -");
}

/* "a summit with X" is a noun: its agent is no verb's subject, so the
 * launcher of the sentence does not hold it. */
static void a_summit_is_no_verb(void **state) {
  (void)state;
  expect_no_event("North Korea fired a missile before Yoon traveled to Tokyo "
                  "for a summit with Kishida.",
                  "Consult Q423 > Q359480");
}

/* "the ministry" is the latest agency whose name says ministry, not the
 * bureau named after it. */
static void the_ministry_is_a_ministry(void **state) {
  (void)state;
  const char *text = "South Korea's foreign ministry announced sanctions. The "
                     "Technical Reconnaissance Bureau runs hacking units. "
                     "North Korea stole cryptocurrency, the ministry said.";
  expect_events(
      text,
      (const char *[]){
          "Accuse Ministry of Foreign Affairs of South Korea > Q423", NULL});
  expect_no_event(text, "Accuse Technical Reconnaissance Bureau > Q423");
}

/* "their" after a plural name in its sentence stands for that name, not
 * for the list of states of an earlier sentence; and "the use of" is a
 * noun, no support verb. */
static void their_is_the_nearest_plural(void **state) {
  (void)state;
  const char *text =
      "Australia, Canada and Japan joined the statement. Britain said the "
      "reckless use of the ransomware showed that North Korean operatives "
      "were using their cyber program to evade sanctions.";
  expect_no_event(text, "CyberAttack Q16,Q17,Q408 > -");
  expect_events(
      text, (const char *[]){"CyberAttack North Korean operatives > -", NULL});
  expect_no_event(text, "CyberAttack Q145 > -");
}

/* "made the same accusation": the maker accuses whom the last accusation
 * of the article accused. */
static void the_same_accusation(void **state) {
  (void)state;
  expect_events(" date 2017-12-21\nThe United States blamed North Korea for "
                "the attack on Monday. Britain made the same accusation on "
                "Tuesday.",
                (const char *[]){"Accuse Q145 > Q423 2017-12-19", NULL});
}

/* "concern about the decision": a word that only names an act stands for
 * the last act told of, here the veto; "the council" is the Security
 * Council named before, not the United Nations named after it. */
static void the_decision_and_the_council(void **state) {
  (void)state;
  const char *text =
      "Russia vetoed a U.N. Security Council resolution on Thursday. Britain "
      "expressed serious concern about the decision. The vote broke U.N. "
      "rules. China urged the council to ease the measures.";
  expect_events(text, (const char *[]){"ExpressConcern Q145 > Q159",
                                       "Appeal Q148 > Q37470", NULL});
  /* a denied act did not happen, and one's own state's act is no target */
  expect_no_event("North Korea denied that it was behind the cyberattack. Its "
                  "foreign ministry denounced the move.",
                  "Criticize Ministry of Foreign Affairs of North Korea > "
                  "Q423");
}

/* A date right before a nominal event ("the May 2024 theft") is that
 * event's; the statement about it takes the date of its own clause. */
static void a_date_before_a_noun_is_its_own(void **state) {
  (void)state;
  expect_events(" date 2025-02-27\nIn December, the FBI said North Korea "
                "was responsible for the May 2024 theft.",
                (const char *[]){"Accuse Q8333 > Q423 2024-12",
                                 "CyberTheft Q423 > - 2024-05", NULL});
}

/* Concern in its other forms: "was deeply concerned", "expressed regret",
 * "is worried". */
static void concern_in_other_words(void **state) {
  (void)state;
  expect_events("Japan said it was deeply concerned about North Korea's "
                "nuclear program.",
                (const char *[]){"ExpressConcern Q17 > Q423", NULL});
  expect_events("China is worried about the drills by the United States.",
                (const char *[]){"ExpressConcern Q148 > Q30", NULL});
}

/* Sanctions as news writes them: slapped, announced, unveiled, hit ...
 * with, and aimed "against" or "targeting" someone. */
static void sanctions_in_news_words(void **state) {
  (void)state;
  expect_events("The United States hit North Korea with new sanctions.",
                (const char *[]){"ImposeSanctions Q30 > Q423", NULL});
  expect_events("Japan announced new sanctions against North Korea.",
                (const char *[]){"ImposeSanctions Q17 > Q423", NULL});
  expect_events("South Korea slapped sanctions on North Korean officials.",
                (const char *[]){"ImposeSanctions Q884 > Q423", NULL});
  expect_events("Washington unveiled fresh sanctions targeting North Korea.",
                (const char *[]){"ImposeSanctions Q30 > Q423", NULL});
}

/* Agreeing to resume, share or hold something together is a pledge of
 * cooperation by all who agree. */
static void agreed_to_share(void **state) {
  (void)state;
  expect_events("Japan and South Korea agreed to share missile warning data.",
                (const char *[]){"PledgeCooperation Q17,Q884 > -", NULL});
  expect_events("Japan said it would continue to work closely with South "
                "Korea.",
                (const char *[]){"PledgeCooperation Q17 > Q884", NULL});
}

static void the_north_and_the_isolated_country(void **state) {
  (void)state;
  expect_events("South Korea criticized the North. Japan condemned the "
                "isolated country's missile launches.",
                (const char *[]){"Criticize Q884 > Q423",
                                 "Criticize Q17 > Q423", "WeaponsTest Q423 > -",
                                 NULL});
}

static void the_group_and_the_hackers(void **state) {
  (void)state;
  expect_events("The FBI named the Lazarus Group. The hackers stole $100 "
                "million in cryptocurrency.",
                (const char *[]){"CyberTheft Lazarus Group > -", NULL});
}

static void the_three_countries(void **state) {
  (void)state;
  expect_events("The United States, Japan and South Korea met in Tokyo. The "
                "three countries urged North Korea to stop its launches.",
                (const char *[]){"Appeal Q17,Q884,Q30 > Q423", NULL});
}

static void the_envoys(void **state) {
  (void)state;
  expect_events("Envoys of Japan and South Korea met in Seoul. The envoys "
                "condemned North Korea.",
                (const char *[]){"Criticize Q17,Q884 > Q423", NULL});
}

static void officials_say_is_a_claim(void **state) {
  (void)state;
  sckg_input in = {
      .name = "claim.txt",
      .text = "U.S. officials say North Korean hackers stole the funds."};
  in.len = strlen(in.text);
  sckg_graph *g = NULL;
  assert_int_equal(sckg_build(&in, 1, NULL, &g), SCKG_OK);
  bool found = false;
  for (size_t i = 0; i < g->events.len; i++) {
    const sckg_event *e = SCKG_EVENTS(g)[i];
    if (e->type == SCKG_EV_CYBER_THEFT) {
      found = true;
      assert_int_equal(e->n_attributed, 1);
      assert_string_equal(e->attributed[0]->qid, "Q30");
    }
  }
  assert_true(found);
  sckg_graph_free(g);
}

static void according_to_is_a_source_not_an_event(void **state) {
  (void)state;
  expect_events("According to the Treasury, the Lazarus Group laundered the "
                "funds.",
                (const char *[]){"MoneyLaundering Lazarus Group > -",
                                 "Accuse Q648666 > Lazarus Group", NULL});
  expect_no_event("According to the Treasury, the Lazarus Group laundered "
                  "the funds.",
                  "MakeStatement Q648666 > -");
}

/* A verb trigger takes every finite inflection of its verb, from WordNet:
 * events.tsv lists "lambasted", the text says "lambasts". */
static void inflection_not_written_out(void **state) {
  (void)state;
  expect_events("Japan lambasts North Korea over the launch.",
                (const char *[]){"Criticize Q17 > Q423", NULL});
}

/* ... but not the -ing form, nor a form that may be a noun: "Japan's
 * warning" is no verb. */
static void ing_and_noun_forms_are_not_verbs(void **state) {
  (void)state;
  expect_no_event("Lambasting North Korea was easy for Japan.", "Criticize");
}

/* An act told as not done is no event (conventions.md: non-reactions;
 * negated twins come only from a denial that names the act). */
static void did_not_is_no_event(void **state) {
  (void)state;
  expect_events("Japan did not impose sanctions on North Korea.",
                (const char *[]){NULL});
}

static void has_never_is_no_event(void **state) {
  (void)state;
  expect_events("Russia has never criticized North Korea.",
                (const char *[]){NULL});
}

static void rejected_claims_is_a_denial(void **state) {
  (void)state;
  expect_events("North Korea rejected claims that it hacked the bank.",
                (const char *[]){"DenyAllegation Q423 > -",
                                 "CyberAttack Q423 > - negated", NULL});
}

static void denied_charge_names_the_accusers(void **state) {
  (void)state;
  expect_events("Washington accuses Moscow of supplying Pyongyang, a charge "
                "that Moscow denies.",
                (const char *[]){"DenyAllegation Q159 > Q30", NULL});
}

static void dates_relative_and_absolute(void **state) {
  (void)state;
  /* 2024-05-15 was a Wednesday */
  expect_events(" date 2024-05-15 Japan condemned North Korea yesterday.",
                (const char *[]){"Criticize Q17 > Q423 2024-05-14", NULL});
  expect_events(" date 2024-05-15 Japan condemned North Korea on April 6.",
                (const char *[]){"Criticize Q17 > Q423 2024-04-06", NULL});
  expect_events(" date 2024-05-15 Japan condemned North Korea in March 2022.",
                (const char *[]){"Criticize Q17 > Q423 2022-03", NULL});
  expect_events(" date 2024-05-15 Japan condemned North Korea earlier this "
                "month.",
                (const char *[]){"Criticize Q17 > Q423 2024-05", NULL});
  expect_events(" date 2024-01-10 Japan condemned North Korea in December.",
                (const char *[]){"Criticize Q17 > Q423 2023-12", NULL});
}

static void no_date_invented(void **state) {
  (void)state;
  /* "since 2017" and "last week" fix no day; an undated article none */
  expect_events(" date 2024-05-15 Japan has condemned North Korea since 2017.",
                (const char *[]){"Criticize Q17 > Q423", NULL});
  expect_events(" date 2024-05-15 Japan condemned North Korea last week.",
                (const char *[]){"Criticize Q17 > Q423", NULL});
  expect_events("Japan condemned North Korea on Friday.",
                (const char *[]){"Criticize Q17 > Q423", NULL});
}

static void noise_yields_nothing(void **state) {
  (void)state;
  const char *noise[] = {
      "Japan condemned North Korea. https://t.co/abcdef\n",
      "— The Associated Press (@AP) May 1, 2024\n",
      "Read more: Japan condemned North Korea\n",
      "Correction: Japan condemned North Korea on Monday, not Tuesday.\n",
      ("Japan condemned North Korea in this photo taken in Tokyo, May 1, 2024. "
       "REUTERS/Kim Kyung-Hoon\n"),
      "A North Korean flag near the border\n",
  };
  for (size_t i = 0; i < sizeof noise / sizeof *noise; i++) {
    char *got = events_of(noise[i]);
    if (got[0])
      print_error("noise made events: %s\n%s", noise[i], got);
    assert_string_equal(got, "");
    free(got);
  }
}

static void dateline_is_not_an_actor(void **state) {
  (void)state;
  expect_events("SEOUL, May 23 (Yonhap) -- Japan condemned North Korea.",
                (const char *[]){"Criticize Q17 > Q423", NULL});
  expect_no_event("SEOUL, May 23 (Yonhap) -- Japan condemned North Korea.",
                  "Criticize Q884 > Q423");
}

/* The normal form of a name drops a web suffix after a name, nothing
 * else. */
static void name_stem_drops_web_suffix(void **state) {
  (void)state;
  static const struct {
    const char *name;
    size_t stem;
  } cases[] = {
      {"Zorvex.io", 6},          {"Zorvex.com", 6},  {"Zorvex.money", 6},
      {"Zorvex.network", 14},    {"Zorvex", 6},      {"U.S.", 4},
      {"Zorvex Co.", 10},        {"Zorvex.IO", 9},   {".io", 3},
      {"Zorvex.technology", 17}, {"Velkor 2.io", 8}, {"X.com", 1},
      {"Zorvex.x", 8},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    size_t got = sckg_name_stem(cases[i].name, strlen(cases[i].name));
    if (got != cases[i].stem)
      fail_msg("%s: stem %zu, expected %zu", cases[i].name, got, cases[i].stem);
  }
}

/* A short form: the first whole words of a longer name, or the initials
 * of its capitalised words. */
static void short_forms_of_a_name(void **state) {
  (void)state;
  const char *full = "Velkor Data Systems Company";
  static const char *yes[] = {"Velkor", "Velkor Data", "VDSC"};
  static const char *no[] = {
      "Velk", "Data",          "Velkor Data Systems Company", "VDS", "VDSCX",
      "vdsc", "Velkor Systems"};
  for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
    if (!sckg_short_form_of(yes[i], strlen(yes[i]), full))
      fail_msg("%s should be a short form of %s", yes[i], full);
  for (size_t i = 0; i < sizeof no / sizeof *no; i++)
    if (sckg_short_form_of(no[i], strlen(no[i]), full))
      fail_msg("%s should be no short form of %s", no[i], full);
  /* lowercase joining words have no initial; one word has no short form */
  assert_true(sckg_short_form_of("OMB", 3, "Office of Mining and Bonds"));
  assert_false(sckg_short_form_of("V", 1, "Velkor"));
  assert_false(sckg_short_form_of("Velkor", 6, "Velkor.io"));
}

/* Of two labels the longer is kept, of equal lengths the smaller. */
static void longest_label_wins(void **state) {
  (void)state;
  assert_true(sckg_label_better("Zorvex.io", "Zorvex"));
  assert_false(sckg_label_better("Zorvex", "Zorvex.io"));
  assert_true(sckg_label_better("Safe Wallet", "Safe{Wallet"));
  assert_false(sckg_label_better("Safe{Wallet", "Safe Wallet"));
  assert_false(sckg_label_better("Zorvex", "Zorvex"));
}

/* The table keeps its index of lexicon actors from one article to the
 * next: each article meets its own actors, made in its own arena, never
 * one an earlier article made. */
static void lexicon_actors_are_each_articles_own(void **state) {
  (void)state;
  const sckg_schema *s = NULL;
  assert_int_equal(sckg_schema_embedded(&s), SCKG_OK);
  assert_true(s->n_actors >= 2);
  const lex_actor *la = s->actors[0], *lb = s->actors[s->n_actors - 1];
  entity_table t = {0};
  sckg_arena *first = sckg_arena_new();
  sckg_entities_init(&t, s, first);
  ex_actor *a1 = sckg_entities_lex(&t, la);
  assert_ptr_equal(sckg_entities_lex(&t, la), a1); /* met again: the same */
  sckg_entities_lex(&t, lb);
  sckg_entities_free(&t);
  sckg_arena *second = sckg_arena_new();
  sckg_entities_init(&t, s, second);
  ex_actor *a2 = sckg_entities_lex(&t, la);
  assert_ptr_not_equal(a2, a1);
  assert_int_equal(a2->met, 1);
  size_t chain = 0; /* the actor and its parents, each made anew */
  for (const lex_actor *p = la; p; p = p->parent)
    chain++;
  assert_int_equal(t.order.len, chain);
  sckg_entities_free(&t);
  sckg_entities_release(&t);
  assert_null(t.by_lex);
  sckg_arena_free(first);
  sckg_arena_free(second);
}

/* A name read from the text whose slug is a lexicon actor's id, though
 * the lexicon knows no such name, is that actor, whichever the article
 * met first: the id keys both. */
static void a_slug_that_is_an_id_is_the_lexicon_actor(void **state) {
  (void)state;
  const sckg_schema *s = NULL;
  assert_int_equal(sckg_schema_embedded(&s), SCKG_OK);
  const lex_actor *la = NULL; /* an id that is no name of the lexicon */
  for (size_t i = 0; i < s->n_actors && !la; i++)
    if (!sckg_lexicon_by_name(s, s->actors[i]->id, strlen(s->actors[i]->id)))
      la = s->actors[i];
  assert_non_null(la);
  for (int text_first = 0; text_first < 2; text_first++) {
    entity_table t = {0};
    sckg_arena *arena = sckg_arena_new();
    sckg_entities_init(&t, s, arena);
    ex_actor *by_text = NULL, *by_lex = NULL;
    if (text_first)
      by_text = sckg_entities_named(&t, la->id, strlen(la->id),
                                    SCKG_CLASS_ORGANIZATION, NULL);
    by_lex = sckg_entities_lex(&t, la);
    if (!text_first)
      by_text = sckg_entities_named(&t, la->id, strlen(la->id),
                                    SCKG_CLASS_ORGANIZATION, NULL);
    assert_ptr_equal(by_text, by_lex);
    assert_true(by_lex->from_lexicon);
    sckg_entities_free(&t);
    /* the next article meets the name afresh: a node of the text, its own */
    sckg_entities_init(&t, s, arena);
    ex_actor *again = sckg_entities_named(&t, la->id, strlen(la->id),
                                          SCKG_CLASS_ORGANIZATION, NULL);
    assert_ptr_not_equal(again, by_lex);
    assert_false(again->from_lexicon);
    assert_ptr_equal(sckg_entities_lex(&t, la), again);
    assert_true(again->from_lexicon);
    size_t chain = 0; /* the name's node, and the entry's parents made */
    for (const lex_actor *p = la; p; p = p->parent)
      chain++;
    assert_int_equal(t.order.len, chain);
    sckg_entities_free(&t);
    sckg_entities_release(&t);
    sckg_arena_free(arena);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(name_stem_drops_web_suffix),
      cmocka_unit_test(short_forms_of_a_name),
      cmocka_unit_test(longest_label_wins),
      cmocka_unit_test(lexicon_actors_are_each_articles_own),
      cmocka_unit_test(a_slug_that_is_an_id_is_the_lexicon_actor),
      cmocka_unit_test(coordinated_subject),
      cmocka_unit_test(concern_over_a_possessor),
      cmocka_unit_test(passive_with_by_phrase),
      cmocka_unit_test(nominal_sanction_with_target),
      cmocka_unit_test(denial_negates_what_it_denies),
      cmocka_unit_test(pronoun_refers_to_last_subject),
      cmocka_unit_test(place_after_preposition_is_not_an_actor),
      cmocka_unit_test(accusation_with_dated_weekday),
      cmocka_unit_test(quoted_we_is_the_statement),
      cmocka_unit_test(caption_yields_nothing),
      cmocka_unit_test(report_of_a_crime_is_an_accusation),
      cmocka_unit_test(states_by_short_name_and_capital),
      cmocka_unit_test(codes_stand_for_states),
      cmocka_unit_test(demonym_heads_make_actors),
      cmocka_unit_test(agencies_and_groups),
      cmocka_unit_test(persons_by_title),
      cmocka_unit_test(unknown_company_by_cue),
      cmocka_unit_test(unknown_person_by_name),
      cmocka_unit_test(unknown_platform_as_object),
      cmocka_unit_test(passive_without_by_phrase_has_no_agent),
      cmocka_unit_test(nominal_theft_with_by_phrase),
      cmocka_unit_test(possessive_decision),
      cmocka_unit_test(apposition_names_the_speaker),
      cmocka_unit_test(relative_clause_object),
      cmocka_unit_test(two_events_one_sentence),
      cmocka_unit_test(the_north_and_the_isolated_country),
      cmocka_unit_test(reaction_to_what_it_called),
      cmocka_unit_test(participle_shares_the_subject),
      cmocka_unit_test(under_sanctions_names_their_author),
      cmocka_unit_test(support_verb_gives_the_agent),
      cmocka_unit_test(affiliated_group_is_the_states),
      cmocka_unit_test(a_body_named_by_its_state_mentions_it),
      cmocka_unit_test(a_title_names_its_office),
      cmocka_unit_test(protests_breaches_and_sanctions_against),
      cmocka_unit_test(leaders_who_met),
      cmocka_unit_test(attributed_past_a_nominal_object),
      cmocka_unit_test(a_panel_of_experts_acts),
      cmocka_unit_test(seizures_laundering_and_tracing),
      cmocka_unit_test(speaker_after_the_quote),
      cmocka_unit_test(agreed_to_share),
      cmocka_unit_test(sanctions_in_news_words),
      cmocka_unit_test(concern_in_other_words),
      cmocka_unit_test(a_date_before_a_noun_is_its_own),
      cmocka_unit_test(the_decision_and_the_council),
      cmocka_unit_test(the_same_accusation),
      cmocka_unit_test(their_is_the_nearest_plural),
      cmocka_unit_test(the_ministry_is_a_ministry),
      cmocka_unit_test(a_summit_is_no_verb),
      cmocka_unit_test(plural_demonyms_name_the_state),
      cmocka_unit_test(the_group_and_the_hackers),
      cmocka_unit_test(the_three_countries),
      cmocka_unit_test(the_envoys),
      cmocka_unit_test(officials_say_is_a_claim),
      cmocka_unit_test(according_to_is_a_source_not_an_event),
      cmocka_unit_test(inflection_not_written_out),
      cmocka_unit_test(ing_and_noun_forms_are_not_verbs),
      cmocka_unit_test(did_not_is_no_event),
      cmocka_unit_test(has_never_is_no_event),
      cmocka_unit_test(rejected_claims_is_a_denial),
      cmocka_unit_test(denied_charge_names_the_accusers),
      cmocka_unit_test(dates_relative_and_absolute),
      cmocka_unit_test(no_date_invented),
      cmocka_unit_test(noise_yields_nothing),
      cmocka_unit_test(dateline_is_not_an_actor),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
