/* SPDX-License-Identifier: MIT */
/* sckg_view_make: parse the view's name and options, select, draw. */
#include "view/grammar.h"
#include "view/scene.h"

#include <stdlib.h>
#include <string.h>

/* A link base must be something a URL attribute and an SVG href carry
 * as is: no controls, spaces or the characters RFC 3987 leaves out. */
static bool good_link_base(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p <= 0x20 || *p == 0x7f || strchr("<>\"{}|\\^`", *p))
      return false;
  return true;
}

/* The roles that place what a view shows: sides, middle, hub. */
static void mark_sides(scene *v) {
  switch (v->kind) {
  case VIEW_ALL:
    break;
  case VIEW_STATEMENT:
    view_mark_statement_sides(v);
    break;
  default: {
    view_mark_targets_right(v);
    const sckg_actor *middle =
        v->kind == VIEW_ACTOR ? v->focus : view_pick_middle(v);
    if (middle)
      view_mark_focus(v, middle);
  }
  }
}

/* Select what a view of form `form` with argument `arg` shows. */
static sckg_status select_form(scene *v, sckg_view_form_id form,
                               const char *arg, sckg_buf *problem) {
  switch (form) {
  case SCKG_VIEW_FORM_ALL:
    view_select_all(v);
    return SCKG_OK;
  case SCKG_VIEW_FORM_STATEMENT:
    v->kind = VIEW_STATEMENT;
    v->hub = view_main_statement(v);
    if (v->hub)
      return view_select_statement(v);
    v->kind = VIEW_ALL; /* no statement: the whole graph is the story */
    view_select_all(v);
    return SCKG_OK;
  case SCKG_VIEW_FORM_STATEMENT_NAMED:
    v->kind = VIEW_STATEMENT;
    if (!(v->hub = view_named_event(v, arg))) {
      sckg_buf_adds(problem,
                    "names no statement event, or more than one (give its IRI "
                    "or the end of it)");
      return SCKG_ERR_ARG;
    }
    return view_select_statement(v);
  case SCKG_VIEW_FORM_ACTOR:
    v->kind = VIEW_ACTOR;
    if (v->opts->depth > SCKG_VIEW_MAX_DEPTH) {
      sckg_buf_adds(problem,
                    "asks for too many steps: the depth goes from 1 to 8");
      return SCKG_ERR_ARG;
    }
    if (!(v->focus = view_named_actor(v, arg, problem)))
      return SCKG_ERR_ARG;
    view_select_actor(v);
    return SCKG_OK;
  case SCKG_VIEW_FORM_ARTICLE:
    v->kind = VIEW_ARTICLE;
    if (!(v->article = view_named_article(v, arg, problem)))
      return SCKG_ERR_ARG;
    view_select_article(v);
    return SCKG_OK;
  case SCKG_VIEW_FORM_TYPE:
    v->kind = VIEW_TYPE;
    if (!view_parse_types(v, arg, &v->type_title)) {
      sckg_view_phrase(SCKG_VIEW_NO_TYPE, problem);
      return SCKG_ERR_ARG;
    }
    view_select_type(v);
    return SCKG_OK;
  default:
    sckg_view_phrase(SCKG_VIEW_NOT_A_VIEW, problem);
    return SCKG_ERR_ARG;
  }
}

/* Parse the view name (view/grammar.c) and mark what it shows. */
static sckg_status select_view(scene *v, sckg_buf *problem) {
  const char *arg;
  sckg_view_form_id form = sckg_view_form_of(v->opts->view, &arg);
  sckg_status st = select_form(v, form, arg, problem);
  if (st)
    return st;
  view_select_rest(v);
  mark_sides(v);
  return SCKG_OK;
}

/* sckg_view_make, with a buffer for the problem always at hand. */
static sckg_status make_view(const sckg_graph *g, const sckg_view_options *opts,
                             Agraph_t **out, sckg_buf *problem) {
  if (out)
    *out = NULL;
  if (!g || !opts || !g->finished) {
    sckg_buf_adds(problem,
                  "cannot be drawn: the graph or the options are invalid");
    return SCKG_ERR_ARG;
  }
  if (opts->layout && !sckg_view_engine_known(opts->layout)) {
    sckg_view_phrase(SCKG_VIEW_NO_ENGINE, problem);
    return SCKG_ERR_ARG;
  }
  if (opts->link_base && !good_link_base(opts->link_base)) {
    sckg_buf_adds(problem, "cannot be linked: the link base holds a character "
                           "that a URL cannot");
    return SCKG_ERR_ARG;
  }
  scene v = {0};
  sckg_status st = SCKG_OK;
  v.g = g;
  v.opts = opts;
  v.actors = SCKG_ACTORS(g);
  v.n_actors = g->actors.len;
  v.events = SCKG_EVENTS(g);
  v.n_events = g->events.len;
  v.actor_role = sckg_xcalloc(v.n_actors ? v.n_actors : 1, 1);
  v.event_role = sckg_xcalloc(v.n_events ? v.n_events : 1, 1);
  v.anode = sckg_xcalloc(v.n_actors ? v.n_actors : 1, sizeof *v.anode);
  v.enode = sckg_xcalloc(v.n_events ? v.n_events : 1, sizeof *v.enode);

  if ((st = select_view(&v, problem)) != SCKG_OK || !out)
    goto done;
  if ((st = view_draw(&v)) != SCKG_OK)
    goto done;
  *out = v.ag;
  v.ag = NULL;

done:
  if (v.ag)
    agclose(v.ag);
  free(v.actor_role);
  free(v.event_role);
  free(v.anode);
  free(v.enode);
  sckg_buf_free(&v.name);
  sckg_buf_free(&v.text);
  sckg_buf_free(&v.aux);
  return st;
}

sckg_status sckg_view_make(const sckg_graph *g, const sckg_view_options *opts,
                           Agraph_t **out, sckg_buf *problem) {
  sckg_buf ignored = {0};
  sckg_status st = make_view(g, opts, out, problem ? problem : &ignored);
  sckg_buf_free(&ignored);
  return st;
}

sckg_status sckg_view_build(const sckg_graph *g, const char *view,
                            Agraph_t **out) {
  if (!view) {
    if (out)
      *out = NULL;
    return SCKG_ERR_ARG;
  }
  sckg_view_options opts = {.view = view};
  return sckg_view_make(g, &opts, out, NULL);
}
