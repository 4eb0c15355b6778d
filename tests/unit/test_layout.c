/* SPDX-License-Identifier: MIT */
/* The layout of an article: which paragraphs are prose and read sentence by
 * sentence, which line is the headline, and which spans are dropped as
 * captions, credits, bylines, datelines, timestamps, labels, posts, links,
 * corrections and copyright lines. Every test states the exact sentences
 * read and the exact spans dropped, in order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "text/article.h"

#include <stdlib.h>
#include <string.h>

/* ---- Helpers ------------------------------------------------------------- */

/* A span the layout must drop: its kind and its exact text. */
typedef struct {
  noise_kind kind;
  const char *text;
} drop;

#define COUNT(a) (sizeof(a) / sizeof *(a))

static const sckg_schema *schema(void) {
  const sckg_schema *s = NULL;
  assert_int_equal(sckg_schema_embedded(&s), SCKG_OK);
  return s;
}

/* Read `text`, whose body may open with a headline. */
static void read_ok(const char *text, article_text *a) {
  const char *why = NULL;
  size_t where = 0;
  assert_int_equal(
      sckg_article_read(schema(), text, strlen(text), true, a, &why, &where),
      SCKG_OK);
}

static bool span_is(const char *body, size_t b, size_t e, const char *want) {
  return e >= b && e - b == strlen(want) && memcmp(body + b, want, e - b) == 0;
}

/* Print p[0..n) in quotes, with line breaks and quotes escaped. */
static void print_text(const char *label, const char *p, size_t n) {
  print_message("  %-10s \"", label);
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '\n')
      print_message("\\n");
    else if (p[i] == '"' || p[i] == '\\')
      print_message("\\%c", p[i]);
    else
      print_message("%c", p[i]);
  }
  print_message("\"\n");
}

static void print_expected(const char *const *sents, size_t n_sents,
                           const drop *drops, size_t n_drops) {
  print_message("expected %zu sentence(s):\n", n_sents);
  for (size_t i = 0; i < n_sents; i++)
    print_text("sentence", sents[i], strlen(sents[i]));
  print_message("expected %zu dropped span(s):\n", n_drops);
  for (size_t i = 0; i < n_drops; i++)
    print_text(sckg_noise_kind_name(drops[i].kind), drops[i].text,
               strlen(drops[i].text));
}

static void print_read(const article_text *a) {
  print_message("read %zu sentence(s):\n", a->n_sents);
  for (size_t i = 0; i < a->n_sents; i++)
    print_text("sentence", a->body + a->sents[i].b,
               a->sents[i].e - a->sents[i].b);
  print_message("dropped %zu span(s):\n", a->layout.n_dropped);
  for (size_t i = 0; i < a->layout.n_dropped; i++) {
    const dropped_span *d = &a->layout.dropped[i];
    print_text(sckg_noise_kind_name(d->kind), a->body + d->b, d->e - d->b);
  }
}

/* The sentences read are exactly `sents` and the spans dropped exactly
 * `drops`, in order; on a difference, both lists are printed. */
static void layout_is(const article_text *a, const char *const *sents,
                      size_t n_sents, const drop *drops, size_t n_drops) {
  bool same = a->n_sents == n_sents && a->layout.n_dropped == n_drops;
  for (size_t i = 0; same && i < n_sents; i++)
    same = span_is(a->body, a->sents[i].b, a->sents[i].e, sents[i]);
  for (size_t i = 0; same && i < n_drops; i++) {
    const dropped_span *d = &a->layout.dropped[i];
    same =
        d->kind == drops[i].kind && span_is(a->body, d->b, d->e, drops[i].text);
  }
  if (!same) {
    print_expected(sents, n_sents, drops, n_drops);
    print_read(a);
    fail_msg("the sentences read or the spans dropped are not the expected");
  }
}

/* Read `text` and check its sentences and dropped spans. */
static void expect(const char *text, const char *const *sents, size_t n_sents,
                   const drop *drops, size_t n_drops) {
  article_text a;
  read_ok(text, &a);
  layout_is(&a, sents, n_sents, drops, n_drops);
  sckg_article_text_free(&a);
}

static void title_is(const article_text *a, const char *text) {
  assert_int_equal(a->title.len, strlen(text));
  assert_memory_equal(a->title.ptr, text, a->title.len);
}

/* ---- Prose --------------------------------------------------------------- */

/* The last character of a paragraph does not decide that it is prose: a
 * paragraph without a final period is read, alone or last of several. */
static void prose_without_final_period(void **state) {
  (void)state;
  static const char *const alone[] = {
      "North Korea fired two short-range ballistic missiles into the sea off "
      "its east coast on Sunday"};
  expect(alone[0], alone, COUNT(alone), NULL, 0);

  static const char *const last[] = {
      "North Korea fired two short-range ballistic missiles on Sunday.",
      "Japan said both landed outside its exclusive economic zone.",
      "Seoul said it would raise the launches with its allies.",
      ("The ministry said it would seek new sanctions at the UN Security "
       "Council")};
  expect("North Korea fired two short-range ballistic missiles on Sunday. "
         "Japan said both landed outside its exclusive economic zone.\n\n"
         "Seoul said it would raise the launches with its allies.\n\n"
         "The ministry said it would seek new sanctions at the UN Security "
         "Council",
         last, COUNT(last), NULL, 0);
}

/* A sentence that ends inside a closing quote, straight or curly, is
 * finished prose and one sentence. */
static void prose_ending_in_a_closing_quote(void **state) {
  (void)state;
  static const char *const sents[] = {
      "A ministry spokesman told reporters, \"We will respond firmly to any "
      "further launch.\"",
      "The envoy said: \xE2\x80\x9CPyongyang must stop its missile tests "
      "now.\xE2\x80\x9D"};
  expect("A ministry spokesman told reporters, \"We will respond firmly to "
         "any further launch.\"\n\n"
         "The envoy said: \xE2\x80\x9CPyongyang must stop its missile tests "
         "now.\xE2\x80\x9D",
         sents, COUNT(sents), NULL, 0);
}

/* An agency's mark in brackets closing a paragraph is a credit: the
 * sentence before it is read, with or without its period. */
static void bracketed_agency_credit_after_prose(void **state) {
  (void)state;
  static const char *const with_period[] = {
      "North Korea launched a long-range missile early on Sunday, the "
      "military said.",
      "South Korea's foreign ministry condemned the launch."};
  static const drop yonhap[] = {{NOISE_CREDIT, "(Yonhap)"}};
  expect("North Korea launched a long-range missile early on Sunday, the "
         "military said.\n\n"
         "South Korea's foreign ministry condemned the launch. (Yonhap)",
         with_period, COUNT(with_period), yonhap, COUNT(yonhap));

  static const char *const without_period[] = {
      "North Korea launched a long-range missile early on Sunday, the "
      "military said.",
      "South Korea's foreign ministry condemned the launch"};
  expect("North Korea launched a long-range missile early on Sunday, the "
         "military said.\n\n"
         "South Korea's foreign ministry condemned the launch (Yonhap)",
         without_period, COUNT(without_period), yonhap, COUNT(yonhap));
}

/* A credit closing a one-sentence lead does not make the lead look
 * unfinished: the lead is read, not taken for the headline. */
static void bracketed_credit_on_a_one_sentence_lead(void **state) {
  (void)state;
  static const char *const sents[] = {
      "South Korea's foreign ministry condemned the launch.",
      "The missile flew about 1,000 km before landing in the sea."};
  static const drop drops[] = {{NOISE_CREDIT, "(Yonhap)"}};
  article_text a;
  read_ok("South Korea's foreign ministry condemned the launch. (Yonhap)\n\n"
          "The missile flew about 1,000 km before landing in the sea.",
          &a);
  layout_is(&a, sents, COUNT(sents), drops, COUNT(drops));
  assert_int_equal(a.layout.title.e, a.layout.title.b);
  sckg_article_text_free(&a);
}

/* A credit after a short sentence does not make the paragraph a short
 * unfinished line, a section label: the sentence is read. */
static void bracketed_credit_on_a_short_sentence(void **state) {
  (void)state;
  static const char *const sents[] = {
      "North Korea fired a ballistic missile on Sunday.",
      "Seoul condemned the launch.",
      "The missile flew about 1,000 km before landing in the sea."};
  static const drop drops[] = {{NOISE_CREDIT, "(Yonhap)"}};
  expect("North Korea fired a ballistic missile on Sunday.\n\n"
         "Seoul condemned the launch. (Yonhap)\n\n"
         "The missile flew about 1,000 km before landing in the sea.",
         sents, COUNT(sents), drops, COUNT(drops));
}

/* An agency with its photographer after the last sentence of prose
 * ("REUTERS/Jane Doe") is a credit, not a sentence. */
static void agency_and_photographer_after_prose(void **state) {
  (void)state;
  static const char *const sents[] = {
      "North Korea tested a cruise missile off its west coast on Sunday.",
      "Tokyo will freeze the assets of three more firms tied to the missile "
      "launches, the ministry said."};
  static const drop drops[] = {{NOISE_CREDIT, "REUTERS/Jane Doe"}};
  expect("North Korea tested a cruise missile off its west coast on "
         "Sunday.\n\n"
         "Tokyo will freeze the assets of three more firms tied to the "
         "missile launches, the ministry said. REUTERS/Jane Doe",
         sents, COUNT(sents), drops, COUNT(drops));
}

/* ---- Captions ------------------------------------------------------------ */

/* A caption is dropped whole, credit included: one with a cue ("in this
 * file photo"), one with a date-and-place tail and an agency credit, and
 * one with a date-and-place tail and a "(Photo: AFP)" credit. */
static void photo_captions(void **state) {
  (void)state;
  static const char *const sents[] = {
      "North Korea fired a new solid-fuel missile on Sunday, its state media "
      "said.",
      "The missile flew about 1,000 km before landing in the sea, the "
      "military said."};
  static const drop drops[] = {
      {NOISE_CAPTION,
       "A North Korean soldier stands guard at the truce village of "
       "Panmunjom in this file photo taken on July 19, 2022."},
      {NOISE_CAPTION,
       "A television screen shows a news report on the launch at a railway "
       "station in Seoul, South Korea, March 3, 2024. Reuters"},
      {NOISE_CAPTION, "Police officers stand guard outside the offices of the "
                      "exchange in Seoul, March 4, 2024. (Photo: AFP)"}};
  expect("North Korea fired a new solid-fuel missile on Sunday, its state "
         "media said.\n\n"
         "A North Korean soldier stands guard at the truce village of "
         "Panmunjom in this file photo taken on July 19, 2022.\n\n"
         "A television screen shows a news report on the launch at a railway "
         "station in Seoul, South Korea, March 3, 2024. Reuters\n\n"
         "The missile flew about 1,000 km before landing in the sea, the "
         "military said.\n\n"
         "Police officers stand guard outside the offices of the exchange in "
         "Seoul, March 4, 2024. (Photo: AFP)",
         sents, COUNT(sents), drops, COUNT(drops));
}

/* The words of noise patterns inside prose do not drop it: "copyright
 * theft", "the photo showed", "read more" and "all rights" in the middle,
 * and a weak caption cue ("is seen") without a credit or a date tail. */
static void noise_words_inside_prose(void **state) {
  (void)state;
  static const char *const sents[] = {
      "Copyright theft by the same hackers cost three game studios millions "
      "of dollars, the indictment said.",
      "The photo showed the launcher on a rail car near the coast.",
      "Analysts urged readers to read more of the report before drawing "
      "conclusions.",
      "North Korea is seen as responsible for the theft of $600 million in "
      "crypto last year.",
      "The sanctions cover all rights to the port and its cranes, officials "
      "said."};
  expect("Copyright theft by the same hackers cost three game studios "
         "millions of dollars, the indictment said.\n\n"
         "The photo showed the launcher on a rail car near the coast.\n\n"
         "Analysts urged readers to read more of the report before drawing "
         "conclusions.\n\n"
         "North Korea is seen as responsible for the theft of $600 million "
         "in crypto last year.\n\n"
         "The sanctions cover all rights to the port and its cranes, "
         "officials said.",
         sents, COUNT(sents), NULL, 0);
}

/* ---- Bylines and datelines ----------------------------------------------- */

/* "By" and a name is a byline, with or without a title after a comma; a
 * sentence opening with "By Friday," is read. */
static void bylines(void **state) {
  (void)state;
  static const char *const sents[] = {
      "By Friday, the ministry had frozen the assets.",
      "The firms had shipped missile parts through a port in China."};
  static const drop drops[] = {{NOISE_BYLINE, "By Jane Roe"},
                               {NOISE_BYLINE, "By Jane Roe, Staff reporter"}};
  expect("By Jane Roe\n\n"
         "By Jane Roe, Staff reporter\n\n"
         "By Friday, the ministry had frozen the assets.\n\n"
         "The firms had shipped missile parts through a port in China.",
         sents, COUNT(sents), drops, COUNT(drops));
}

/* A dateline opening the lead is dropped and the rest of the lead read:
 * with an agency and a date, with an agency, and a place in capitals
 * alone. */
static void datelines_in_the_lead(void **state) {
  (void)state;
  static const char *const yonhap[] = {
      "North Korea fired a ballistic missile toward the East Sea on Sunday, "
      "South Korea's military said."};
  static const drop yonhap_drop[] = {
      {NOISE_DATELINE, "SEOUL, March 3 (Yonhap) --"}};
  expect("SEOUL, March 3 (Yonhap) -- North Korea fired a ballistic missile "
         "toward the East Sea on Sunday, South Korea's military said.",
         yonhap, COUNT(yonhap), yonhap_drop, COUNT(yonhap_drop));

  static const char *const ap[] = {
      "The Treasury Department on Tuesday sanctioned two crypto exchanges "
      "that moved stolen funds."};
  static const drop ap_drop[] = {
      {NOISE_DATELINE, "WASHINGTON (AP) \xE2\x80\x94"}};
  expect("WASHINGTON (AP) \xE2\x80\x94 The Treasury Department on Tuesday "
         "sanctioned two crypto exchanges that moved stolen funds.",
         ap, COUNT(ap), ap_drop, COUNT(ap_drop));

  static const char *const caps[] = {
      "The State Department offered a reward of up to $10 million for "
      "information on the hackers."};
  static const drop caps_drop[] = {{NOISE_DATELINE, "WASHINGTON \xE2\x80\x94"}};
  expect("WASHINGTON \xE2\x80\x94 The State Department offered a reward of "
         "up to $10 million for information on the hackers.",
         caps, COUNT(caps), caps_drop, COUNT(caps_drop));
}

/* Without an agency's mark, only the lead may open with a dateline: a
 * later paragraph opening with an acronym and a dash is read whole. */
static void acronym_and_dash_after_the_lead(void **state) {
  (void)state;
  static const char *const sents[] = {
      "The State Department offered a reward of up to $10 million for "
      "information on the hackers.",
      "NATO - the alliance's cyber defence centre said it had seen no sign "
      "that the attack had spread."};
  static const drop drops[] = {{NOISE_DATELINE, "WASHINGTON \xE2\x80\x94"}};
  expect("WASHINGTON \xE2\x80\x94 The State Department offered a reward of "
         "up to $10 million for information on the hackers.\n\n"
         "NATO - the alliance's cyber defence centre said it had seen no "
         "sign that the attack had spread.",
         sents, COUNT(sents), drops, COUNT(drops));
}

/* ---- Posts, links, corrections, copyright -------------------------------- */

/* An embedded post, its text ending in a short link, and its credit line
 * with a handle are both dropped as a post. */
static void embedded_post(void **state) {
  (void)state;
  static const char *const sents[] = {
      "Japan's coast guard said debris from the missile fell outside its "
      "waters.",
      "Seoul called the launch a grave provocation."};
  static const drop drops[] = {
      {NOISE_POST, "The missile flew for about 40 minutes, Japan's defence "
                   "ministry says. https://t.co/q7Lm2xZ9"},
      {NOISE_POST, "\xE2\x80\x94 Harbor Wire (@harborwire) March 3, 2024"}};
  expect("Japan's coast guard said debris from the missile fell outside its "
         "waters.\n\n"
         "The missile flew for about 40 minutes, Japan's defence ministry "
         "says. https://t.co/q7Lm2xZ9\n"
         "\xE2\x80\x94 Harbor Wire (@harborwire) March 3, 2024\n\n"
         "Seoul called the launch a grave provocation.",
         sents, COUNT(sents), drops, COUNT(drops));
}

/* Links to other pages, a correction and a copyright line are dropped,
 * each with its own kind. */
static void links_corrections_and_copyright(void **state) {
  (void)state;
  static const char *const sents[] = {
      "Seoul ordered exchanges to freeze the stolen coins on Monday.",
      "The exchanges said they had complied."};
  static const drop drops[] = {
      {NOISE_LINK, "Read more: How the hackers hid the stolen funds"},
      {NOISE_LINK, "Related coverage"},
      {NOISE_CORRECTION, "Correction: An earlier version of this story gave "
                         "the wrong amount stolen in the heist."},
      {NOISE_COPYRIGHT, "Copyright 2024 Harbor Wire. All rights reserved."}};
  expect("Seoul ordered exchanges to freeze the stolen coins on Monday.\n\n"
         "Read more: How the hackers hid the stolen funds\n\n"
         "The exchanges said they had complied.\n\n"
         "Related coverage\n\n"
         "Correction: An earlier version of this story gave the wrong amount "
         "stolen in the heist.\n\n"
         "Copyright 2024 Harbor Wire. All rights reserved.",
         sents, COUNT(sents), drops, COUNT(drops));
}

/* ---- Headlines, labels and timestamps ------------------------------------ */

/* A short unfinished first line before the body is the headline: the
 * title, dropped as such; a "(LEAD) " tag is dropped with it but is not
 * part of the title. */
static void headline_is_the_title(void **state) {
  (void)state;
  static const char *const sents[] = {
      "South Korea on Friday froze the assets of six trading firms accused "
      "of shipping missile parts to the North.",
      "The firms are based in Busan and Incheon."};
  article_text a;

  static const drop plain[] = {
      {NOISE_TITLE, "Seoul freezes assets of six firms over missile parts "
                    "trade"}};
  read_ok("Seoul freezes assets of six firms over missile parts trade\n\n"
          "South Korea on Friday froze the assets of six trading firms "
          "accused of shipping missile parts to the North. The firms are "
          "based in Busan and Incheon.",
          &a);
  layout_is(&a, sents, COUNT(sents), plain, COUNT(plain));
  title_is(&a, "Seoul freezes assets of six firms over missile parts trade");
  sckg_article_text_free(&a);

  static const drop tagged[] = {
      {NOISE_TITLE, "(LEAD) Seoul freezes assets of six firms over missile "
                    "parts trade"}};
  read_ok("(LEAD) Seoul freezes assets of six firms over missile parts "
          "trade\n\n"
          "South Korea on Friday froze the assets of six trading firms "
          "accused of shipping missile parts to the North. The firms are "
          "based in Busan and Incheon.",
          &a);
  layout_is(&a, sents, COUNT(sents), tagged, COUNT(tagged));
  title_is(&a, "Seoul freezes assets of six firms over missile parts trade");
  sckg_article_text_free(&a);
}

/* A section label above the headline, in capitals or a short phrase, is
 * a label and not the title. */
/* A short notice between the masthead and the headline ("For the press.
 * Not an official record.") is read, but the headline below it is still
 * the title, and the label above it is no title. */
/* A short headline under a shorter label: the longer line is the title. */
static void short_headline_under_a_label(void **state) {
  (void)state;
  article_text a;
  static const char *const read[] = {
      "North Korea on Monday rejected the charges as a fabrication."};
  static const drop drops[] = {
      {NOISE_LABEL, "Press release"},
      {NOISE_TITLE, "Pyongyang rejects hacking charges"}};
  read_ok("Press release\n\n"
          "Pyongyang rejects hacking charges\n\n"
          "North Korea on Monday rejected the charges as a fabrication.",
          &a);
  layout_is(&a, read, COUNT(read), drops, COUNT(drops));
  title_is(&a, "Pyongyang rejects hacking charges");
  sckg_article_text_free(&a);
}

static void notice_above_the_headline(void **state) {
  (void)state;
  article_text a;
  static const char *const read[] = {
      "For the press.", "Not an official record.",
      ("The Security Council on Friday failed to adopt a draft resolution "
       "that would have tightened sanctions on the country.")};
  static const drop drops[] = {
      {NOISE_LABEL, "Council Press Notes"},
      {NOISE_TITLE, "Veto blocks new sanctions on the country over its "
                    "missile launches"}};
  read_ok("Council Press Notes\n\n"
          "For the press. Not an official record.\n\n"
          "Veto blocks new sanctions on the country over its missile "
          "launches\n\n"
          "The Security Council on Friday failed to adopt a draft resolution "
          "that would have tightened sanctions on the country.",
          &a);
  layout_is(&a, read, COUNT(read), drops, COUNT(drops));
  title_is(&a, "Veto blocks new sanctions on the country over its missile "
               "launches");
  sckg_article_text_free(&a);
}

static void section_label_above_the_headline(void **state) {
  (void)state;
  article_text a;
  static const char *const japan[] = {
      "Japan on Tuesday banned the export of drone engines and parts to "
      "Russia, the trade ministry said."};
  static const drop caps[] = {
      {NOISE_LABEL, "WORLD NEWS"},
      {NOISE_TITLE, "Japan bans exports of drone engines to Russia"}};
  read_ok("WORLD NEWS\n\n"
          "Japan bans exports of drone engines to Russia\n\n"
          "Japan on Tuesday banned the export of drone engines and parts to "
          "Russia, the trade ministry said.",
          &a);
  layout_is(&a, japan, COUNT(japan), caps, COUNT(caps));
  title_is(&a, "Japan bans exports of drone engines to Russia");
  sckg_article_text_free(&a);

  static const char *const treasury[] = {
      "The Treasury Department on Wednesday sanctioned the operators of a "
      "mixing service used to launder stolen crypto."};
  static const drop press[] = {
      {NOISE_LABEL, "Press release"},
      {NOISE_TITLE, "Treasury sanctions operators of a crypto mixing "
                    "service"}};
  read_ok("Press release\n\n"
          "Treasury sanctions operators of a crypto mixing service\n\n"
          "The Treasury Department on Wednesday sanctioned the operators of a "
          "mixing service used to launder stolen crypto.",
          &a);
  layout_is(&a, treasury, COUNT(treasury), press, COUNT(press));
  title_is(&a, "Treasury sanctions operators of a crypto mixing service");
  sckg_article_text_free(&a);
}

/* A lead of two sentences on the first line is read even when its last
 * sentence is unfinished; then the title is that first line of prose. */
static void two_sentence_lead_is_not_a_headline(void **state) {
  (void)state;
  static const char *const sents[] = {
      "Japan imposed new sanctions on Pyongyang on Friday.",
      "The measures target four banks and a shipping firm",
      "The banks handled payments for missile parts, officials said."};
  article_text a;
  read_ok("Japan imposed new sanctions on Pyongyang on Friday. The measures "
          "target four banks and a shipping firm\n\n"
          "The banks handled payments for missile parts, officials said.",
          &a);
  layout_is(&a, sents, COUNT(sents), NULL, 0);
  title_is(&a, "Japan imposed new sanctions on Pyongyang on Friday. The "
               "measures target four banks and a shipping firm");
  sckg_article_text_free(&a);
}

/* A lone unfinished line with nothing after it is read, not taken for a
 * headline. */
static void lone_unfinished_line_is_read(void **state) {
  (void)state;
  static const char *const sents[] = {
      "Seoul freezes assets of six firms over missile parts trade"};
  article_text a;
  read_ok("Seoul freezes assets of six firms over missile parts trade\n", &a);
  layout_is(&a, sents, COUNT(sents), NULL, 0);
  title_is(&a, "Seoul freezes assets of six firms over missile parts trade");
  sckg_article_text_free(&a);
}

/* Lines of date and time under the headline are timestamps. */
static void timestamps(void **state) {
  (void)state;
  static const char *const sents[] = {
      "South Korea on Friday froze the assets of six trading firms accused "
      "of shipping missile parts to the North, the finance ministry said in "
      "a statement."};
  static const drop drops[] = {
      {NOISE_TITLE, "Seoul freezes assets of six firms over missile parts "
                    "trade"},
      {NOISE_TIMESTAMP, "Published : 2024.03.03 10:15"},
      {NOISE_TIMESTAMP, "March 3, 2024"}};
  article_text a;
  read_ok("Seoul freezes assets of six firms over missile parts trade\n"
          "Published : 2024.03.03 10:15\n"
          "March 3, 2024\n"
          "South Korea on Friday froze the assets of six trading firms "
          "accused of shipping missile parts to the North, the finance "
          "ministry said in a statement.",
          &a);
  layout_is(&a, sents, COUNT(sents), drops, COUNT(drops));
  title_is(&a, "Seoul freezes assets of six firms over missile parts trade");
  sckg_article_text_free(&a);
}

/* An image's alt text, a short line repeating most of the longer words of
 * the caption below it, is dropped as a caption with it. */
static void alt_text_above_its_caption(void **state) {
  (void)state;
  static const char *const sents[] = {
      "Hackers linked to North Korea stole $40 million from a Japanese "
      "exchange, the police said.",
      "The exchange has paused all withdrawals."};
  static const drop drops[] = {
      {NOISE_CAPTION,
       "Illustration shows cryptocurrency tokens and a North Korean flag"},
      {NOISE_CAPTION,
       "Cryptocurrency tokens are placed in front of a displayed North "
       "Korean flag in this illustration taken March 3, 2024. REUTERS/Jane "
       "Doe"}};
  expect("Hackers linked to North Korea stole $40 million from a Japanese "
         "exchange, the police said.\n\n"
         "Illustration shows cryptocurrency tokens and a North Korean flag\n\n"
         "Cryptocurrency tokens are placed in front of a displayed North "
         "Korean flag in this illustration taken March 3, 2024. REUTERS/Jane "
         "Doe\n\n"
         "The exchange has paused all withdrawals.",
         sents, COUNT(sents), drops, COUNT(drops));
}

/* ---- Line breaks --------------------------------------------------------- */

/* Hard-wrapped prose (single line breaks at about 60 columns, blank lines
 * between paragraphs) reads as the same sentences as unwrapped prose; a
 * sentence across a line break is one sentence holding the break. */
static void hard_wrapped_prose(void **state) {
  (void)state;
  static const char *const sents[] = {
      "North Korean hackers stole about $100 million in\n"
      "cryptocurrency from a bridge service last year,\n"
      "investigators said on Tuesday.",
      "The funds were moved through\n"
      "a mixing service and then split across dozens of new\n"
      "wallets.",
      "Officials in Seoul said the thefts paid for part of\n"
      "the missile program.",
      "The group has denied any role in the\n"
      "attack.",
      "The Treasury Department added three of the wallets to its\n"
      "sanctions list on Monday.",
      "Exchanges were told to freeze any\n"
      "coins sent from them and to report the transfers within a\n"
      "week."};
  article_text wrapped, flat;
  read_ok("North Korean hackers stole about $100 million in\n"
          "cryptocurrency from a bridge service last year,\n"
          "investigators said on Tuesday. The funds were moved through\n"
          "a mixing service and then split across dozens of new\n"
          "wallets. Officials in Seoul said the thefts paid for part of\n"
          "the missile program. The group has denied any role in the\n"
          "attack.\n"
          "\n"
          "The Treasury Department added three of the wallets to its\n"
          "sanctions list on Monday. Exchanges were told to freeze any\n"
          "coins sent from them and to report the transfers within a\n"
          "week.\n",
          &wrapped);
  layout_is(&wrapped, sents, COUNT(sents), NULL, 0);
  read_ok("North Korean hackers stole about $100 million in cryptocurrency "
          "from a bridge service last year, investigators said on Tuesday. "
          "The funds were moved through a mixing service and then split "
          "across dozens of new wallets. Officials in Seoul said the thefts "
          "paid for part of the missile program. The group has denied any "
          "role in the attack.\n"
          "\n"
          "The Treasury Department added three of the wallets to its "
          "sanctions list on Monday. Exchanges were told to freeze any coins "
          "sent from them and to report the transfers within a week.\n",
          &flat);
  assert_int_equal(flat.n_sents, wrapped.n_sents);
  bool crosses = false;
  for (size_t i = 0; i < flat.n_sents; i++) {
    size_t n = wrapped.sents[i].e - wrapped.sents[i].b;
    assert_int_equal(flat.sents[i].e - flat.sents[i].b, n);
    const char *w = wrapped.body + wrapped.sents[i].b;
    const char *f = flat.body + flat.sents[i].b;
    for (size_t k = 0; k < n; k++) {
      crosses |= w[k] == '\n';
      assert_int_equal(w[k] == '\n' ? ' ' : w[k], f[k]);
    }
  }
  assert_true(crosses);
  sckg_article_text_free(&wrapped);
  sckg_article_text_free(&flat);
}

/* Outside hard-wrapped text (a line longer than 100 characters rules it
 * out), a line that goes on in lowercase after an unfinished line joins
 * it into one sentence. */
static void lowercase_line_continues_an_unfinished_one(void **state) {
  (void)state;
  static const char *const sents[] = {
      "Japan's finance ministry on Friday added 11 shipping firms and two "
      "banks to its list of entities barred from trading with the North, it "
      "said in a statement.",
      "The ministry said the firms had helped move the stolen coins\n"
      "through accounts in three countries before the transfers were "
      "stopped.",
      ("Officials said the shipments, worth about $2 million,\n"
       "were sent by sea.")};
  expect("Japan's finance ministry on Friday added 11 shipping firms and two "
         "banks to its list of entities barred from trading with the North, "
         "it said in a statement.\n"
         "The ministry said the firms had helped move the stolen coins\n"
         "through accounts in three countries before the transfers were "
         "stopped.\n"
         "Officials said the shipments, worth about $2 million,\n"
         "were sent by sea.\n",
         sents, COUNT(sents), NULL, 0);
}

/* A list: its "Key points:" field name is a label, and each item is read
 * as a sentence of its own, never joined to the next item. */
static void list_items_are_separate_sentences(void **state) {
  (void)state;
  static const char *const sents[] = {
      "Japan announced new sanctions on North Korea on Friday.",
      "- Assets of four banks in Pyongyang are frozen",
      "- Exports of drone engines to Russia are banned",
      "The measures take effect next week."};
  static const drop drops[] = {{NOISE_LABEL, "Key points:"}};
  expect("Japan announced new sanctions on North Korea on Friday.\n\n"
         "Key points:\n"
         "- Assets of four banks in Pyongyang are frozen\n"
         "- Exports of drone engines to Russia are banned\n\n"
         "The measures take effect next week.",
         sents, COUNT(sents), drops, COUNT(drops));
}

/* Short list items, of a few words each, are items and not section
 * labels: each is read as a sentence of its own. */
static void short_list_items_are_read(void **state) {
  (void)state;
  static const char *const sents[] = {
      "Japan announced new sanctions on North Korea on Friday.",
      "- Four banks frozen", "- Drone exports banned",
      "The measures take effect next week."};
  static const drop drops[] = {{NOISE_LABEL, "Key points:"}};
  expect("Japan announced new sanctions on North Korea on Friday.\n\n"
         "Key points:\n"
         "- Four banks frozen\n"
         "- Drone exports banned\n\n"
         "The measures take effect next week.",
         sents, COUNT(sents), drops, COUNT(drops));
}

/* An article of nothing but noise reads no sentence and has no title. */
static void only_noise_reads_nothing(void **state) {
  (void)state;
  static const drop drops[] = {
      {NOISE_CAPTION, "A North Korean soldier looks south from a guard post "
                      "in this photo taken on March 3, 2024."},
      {NOISE_BYLINE, "By Jane Roe"}};
  article_text a;
  read_ok("A North Korean soldier looks south from a guard post in this "
          "photo taken on March 3, 2024.\n\n"
          "By Jane Roe\n",
          &a);
  layout_is(&a, NULL, 0, drops, COUNT(drops));
  assert_int_equal(a.layout.n_prose, 0);
  assert_int_equal(a.title.len, 0);
  sckg_article_text_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(prose_without_final_period),
      cmocka_unit_test(prose_ending_in_a_closing_quote),
      cmocka_unit_test(bracketed_agency_credit_after_prose),
      cmocka_unit_test(bracketed_credit_on_a_one_sentence_lead),
      cmocka_unit_test(bracketed_credit_on_a_short_sentence),
      cmocka_unit_test(agency_and_photographer_after_prose),
      cmocka_unit_test(photo_captions),
      cmocka_unit_test(noise_words_inside_prose),
      cmocka_unit_test(bylines),
      cmocka_unit_test(datelines_in_the_lead),
      cmocka_unit_test(acronym_and_dash_after_the_lead),
      cmocka_unit_test(embedded_post),
      cmocka_unit_test(links_corrections_and_copyright),
      cmocka_unit_test(headline_is_the_title),
      cmocka_unit_test(short_headline_under_a_label),
      cmocka_unit_test(notice_above_the_headline),
      cmocka_unit_test(section_label_above_the_headline),
      cmocka_unit_test(two_sentence_lead_is_not_a_headline),
      cmocka_unit_test(lone_unfinished_line_is_read),
      cmocka_unit_test(timestamps),
      cmocka_unit_test(alt_text_above_its_caption),
      cmocka_unit_test(hard_wrapped_prose),
      cmocka_unit_test(lowercase_line_continues_an_unfinished_one),
      cmocka_unit_test(list_items_are_separate_sentences),
      cmocka_unit_test(short_list_items_are_read),
      cmocka_unit_test(only_noise_reads_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
