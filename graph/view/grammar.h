/* SPDX-License-Identifier: MIT */
/* The grammar of a view's name (sckg_view_options.view, `--view`): the one
 * description of record of the views, of the groups of event types a type
 * view may name and of the layout engines a view may ask for. --help
 * prints it, README.md's "Diagrams" holds the same text (the
 * cli.readme-views test compares them), and the messages about a bad view
 * or layout list what is accepted from it. Private to the library and
 * its program: the shape of these tables is not a promise to other users. */
#ifndef SCKG_VIEW_GRAMMAR_H
#define SCKG_VIEW_GRAMMAR_H

#include "base/support.h"
#include "sckg/graph.h"

#include <stdbool.h>
#include <stddef.h>

/* The forms of a view's name, in the order --help lists them. */
typedef enum {
  SCKG_VIEW_FORM_ALL,
  SCKG_VIEW_FORM_STATEMENT,
  SCKG_VIEW_FORM_STATEMENT_NAMED,
  SCKG_VIEW_FORM_ACTOR,
  SCKG_VIEW_FORM_ARTICLE,
  SCKG_VIEW_FORM_TYPE,
  SCKG_VIEW_FORM_COUNT
} sckg_view_form_id;

typedef struct {
  const char *syntax;  /* "all", or a prefix up to ':' and what follows it
                          in capitals: "actor:NAME" */
  const char *meaning; /* what the view draws, as --help and README say */
} sckg_view_form;

/* By sckg_view_form_id. */
extern const sckg_view_form sckg_view_forms[SCKG_VIEW_FORM_COUNT];

/* A group of event types that type:GROUP names. Which types belong to it
 * is data, schema/types.tsv's `group` column; this table gives the groups'
 * order and titles (a unit test checks that the two name the same
 * groups). */
typedef struct {
  const char *name;  /* as types.tsv and type:GROUP spell it */
  const char *title; /* the title of a view of this group alone */
} sckg_view_group;

extern const sckg_view_group sckg_view_groups[];
extern const size_t sckg_view_n_groups;

/* A Graphviz layout engine that a view may ask for (--layout,
 * sckg_view_options.layout): those of Graphviz's standard plugin that lay
 * out any graph (osage and patchwork draw clusters only). */
typedef struct {
  const char *name;    /* as Graphviz's `layout` attribute names it */
  const char *meaning; /* how it lays a view out, as --help and README say */
} sckg_view_engine;

extern const sckg_view_engine sckg_view_engines[];
extern const size_t sckg_view_n_engines;

/* The form of `view` (NULL is "all"), with *arg at what follows the form's
 * prefix ("Q423" of "actor:Q423"; it may be empty, which no name of the
 * graph answers to) or at "" for a form without one. SCKG_VIEW_FORM_COUNT
 * when `view` has no form of the grammar; *arg is "" then. */
sckg_view_form_id sckg_view_form_of(const char *view, const char **arg);

/* Append to `out` the contract types in group `g` of `schema`, in the
 * contract's order, separated by ", ". */
void sckg_view_group_types(const sckg_schema *schema, const sckg_view_group *g,
                           sckg_buf *out);

/* Whether `name` is one of sckg_view_engines. */
bool sckg_view_engine_known(const char *name);

/* Whether a view of `form` names something after its prefix, as
 * "actor:NAME" does and "all" does not. */
bool sckg_view_form_takes_name(sckg_view_form_id form);

/* The phrases of the messages about a bad view or layout, each listing
 * what is accepted from the tables above. */
typedef enum {
  SCKG_VIEW_NOT_A_VIEW,  /* "is not a view (use all, ... or type:T[,T...])" */
  SCKG_VIEW_NO_TYPE,     /* "names no event type (give ... or military)" */
  SCKG_VIEW_NO_ENGINE,   /* "cannot be laid out: unknown layout engine
                            (use dot, ... or twopi)" */
  SCKG_VIEW_ENGINE_LIST, /* "dot, sfdp, ... or twopi" */
  SCKG_VIEW_PHRASE_COUNT
} sckg_view_phrase_id;

/* Append the phrase `id` to `out`: the first three follow the quoted view
 * in a message. */
void sckg_view_phrase(sckg_view_phrase_id id, sckg_buf *out);

#endif
