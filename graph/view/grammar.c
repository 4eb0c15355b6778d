/* SPDX-License-Identifier: MIT */
/* The grammar of a view's name: the table of record of the views, the type
 * groups and the layout engines, and the messages built from it
 * (view/grammar.h). */
#include "view/grammar.h"

#include "lexicon/lexicon.h"

#include <string.h>

/* Each meaning (here, of the engines below, and each group's title and
 * types) is one phrase that --help wraps and a table of README.md repeats
 * word for word (backticks aside); keep it free of '|' and of markup. */
const sckg_view_form sckg_view_forms[SCKG_VIEW_FORM_COUNT] = {
    [SCKG_VIEW_FORM_ALL] = {"all",
                            "every actor and event (the default); past "
                            "1,000 of them, a summary: the most reported "
                            "events and their actors"},
    [SCKG_VIEW_FORM_STATEMENT] =
        {"statement",
         "the main joint statement (most issuers, then most sources) as the "
         "hub: who issued it, what it says, whom it concerns, and the "
         "statements and events around it (two of: an actor in common, a "
         "source in common, the same date); as all when the graph holds no "
         "statement"},
    [SCKG_VIEW_FORM_STATEMENT_NAMED] =
        {"statement:IRI", "the same for one statement event, named by its "
                          "IRI or by the end of it"},
    [SCKG_VIEW_FORM_ACTOR] =
        {"actor:NAME",
         "one actor, its events and those of its parts (the Treasury's count "
         "for the United States), and who took part in them; each --depth "
         "step adds the events of every actor reached. "
         "NAME is a Wikidata QID (Q423), the actor's IRI, its slug "
         "(north-korea, as in the IRI) or its label, in any case "
         "(\"north korea\")"},
    [SCKG_VIEW_FORM_ARTICLE] =
        {"article:ID",
         "what one article reports: the events whose sources include the "
         "article with that identifier, its file name without folder and "
         ".txt (ap-2023-04-07; corpus/ap-2023-04-07.txt works too), with "
         "their actors"},
    [SCKG_VIEW_FORM_TYPE] =
        {"type:T[,T...]",
         "the events of the types named, comma-separated: contract types in "
         "any case (ImposeSanctions) or groups of them (below); a type with "
         "no event gives an empty picture with its title"},
};

const sckg_view_group sckg_view_groups[] = {
    {"cyber", "Cyber operations"},
    {"sanctions", "Sanctions"},
    {"military", "Military acts"},
};
const size_t sckg_view_n_groups =
    sizeof sckg_view_groups / sizeof *sckg_view_groups;

const sckg_view_engine sckg_view_engines[] = {
    {"dot", "in columns that read left to right, who, what, whom (the "
            "default for small views)"},
    {"sfdp", "force-directed and fast on large graphs (the default for "
             "large views)"},
    {"neato", "a spring model"},
    {"fdp", "force-directed"},
    {"circo", "on circles"},
    {"twopi", "in rings around a centre"},
};
const size_t sckg_view_n_engines =
    sizeof sckg_view_engines / sizeof *sckg_view_engines;

/* The length of a form's prefix up to and including its ':', or 0 for a
 * form that is a whole name. */
static size_t prefix_length(const char *syntax) {
  const char *colon = strchr(syntax, ':');
  return colon ? (size_t)(colon - syntax) + 1 : 0;
}

sckg_view_form_id sckg_view_form_of(const char *view, const char **arg) {
  const char *name = view ? view : "all";
  *arg = "";
  for (int f = 0; f < SCKG_VIEW_FORM_COUNT; f++) {
    const char *syntax = sckg_view_forms[f].syntax;
    size_t n = prefix_length(syntax);
    if (n == 0 && strcmp(name, syntax) == 0)
      return (sckg_view_form_id)f;
    if (n > 0 && strncmp(name, syntax, n) == 0) {
      *arg = name + n;
      return (sckg_view_form_id)f;
    }
  }
  return SCKG_VIEW_FORM_COUNT;
}

bool sckg_view_engine_known(const char *name) {
  for (size_t i = 0; i < sckg_view_n_engines; i++)
    if (strcmp(sckg_view_engines[i].name, name) == 0)
      return true;
  return false;
}

bool sckg_view_form_takes_name(sckg_view_form_id form) {
  return form < SCKG_VIEW_FORM_COUNT &&
         prefix_length(sckg_view_forms[form].syntax) > 0;
}

void sckg_view_group_types(const sckg_schema *schema, const sckg_view_group *g,
                           sckg_buf *out) {
  const char *sep = "";
  for (int t = 0; t < SCKG_EV_COUNT; t++) {
    const char *group = sckg_type(schema, (sckg_event_type)t)->group;
    if (group && strcmp(group, g->name) == 0) {
      sckg_buf_printf(out, "%s%s", sep, sckg_event_types[t].name);
      sep = ", ";
    }
  }
}

/* Append item `i` of `n` to a list read aloud: "a, b or c". */
static void add_listed(sckg_buf *b, size_t i, size_t n, const char *item) {
  sckg_buf_printf(b, "%s%s", i == 0 ? "" : i + 1 < n ? ", " : " or ", item);
}

void sckg_view_phrase(sckg_view_phrase_id id, sckg_buf *out) {
  switch (id) {
  case SCKG_VIEW_NOT_A_VIEW:
    sckg_buf_adds(out, "is not a view (use ");
    for (size_t f = 0; f < SCKG_VIEW_FORM_COUNT; f++)
      add_listed(out, f, SCKG_VIEW_FORM_COUNT, sckg_view_forms[f].syntax);
    sckg_buf_adds(out, ")");
    break;
  case SCKG_VIEW_NO_TYPE:
    sckg_buf_adds(out, "names no event type (give contract types such as "
                       "ImposeSanctions, comma-separated, or groups: ");
    for (size_t g = 0; g < sckg_view_n_groups; g++)
      add_listed(out, g, sckg_view_n_groups, sckg_view_groups[g].name);
    sckg_buf_adds(out, ")");
    break;
  case SCKG_VIEW_NO_ENGINE:
    sckg_buf_adds(out, "cannot be laid out: unknown layout engine (use ");
    sckg_view_phrase(SCKG_VIEW_ENGINE_LIST, out);
    sckg_buf_adds(out, ")");
    break;
  case SCKG_VIEW_ENGINE_LIST:
    for (size_t e = 0; e < sckg_view_n_engines; e++)
      add_listed(out, e, sckg_view_n_engines, sckg_view_engines[e].name);
    break;
  case SCKG_VIEW_PHRASE_COUNT:
    break;
  }
}
