/* SPDX-License-Identifier: MIT */
/* Views around one thing: an actor, an article, event types; and the
 * sides and middle they are drawn with. */
#include "view/grammar.h"
#include "view/scene.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

/* Equal but for ASCII case: no locale, so the same on every machine. */
static bool same_nocase(const char *a, const char *b) {
  for (; *a && *b; a++, b++)
    if (lower(*a) != lower(*b))
      return false;
  return *a == *b;
}

/* The ways to name an actor, tried in this order. */
typedef enum { BY_QID, BY_IRI, BY_SLUG, BY_LABEL, BY_COUNT } actor_key;

static bool actor_named(const sckg_actor *a, const char *name, actor_key key) {
  switch (key) {
  case BY_QID:
    return a->qid && same_nocase(a->qid, name);
  case BY_IRI:
    return strcmp(a->iri, name) == 0;
  case BY_SLUG:
    return strcmp(a->slug, name) == 0;
  default:
    return same_nocase(a->label, name);
  }
}

/* The actor `name` designates: the first way of naming (QID, IRI, slug,
 * label) that any actor answers to must single out one actor, or the name
 * is ambiguous. NULL with the reason appended to `problem` when none or several
 * answer. */
const sckg_actor *view_named_actor(const scene *v, const char *name,
                                   sckg_buf *problem) {
  for (int key = 0; key < BY_COUNT; key++) {
    const sckg_actor *found = NULL;
    size_t hits = 0;
    for (size_t i = 0; i < v->n_actors; i++)
      if (actor_named(v->actors[i], name, (actor_key)key)) {
        found = v->actors[i];
        hits++;
      }
    if (hits == 1)
      return found;
    if (hits > 1) {
      sckg_buf_adds(problem,
                    "names more than one actor (name it by its slug or IRI, "
                    "as 'sckg nt' prints them)");
      return NULL;
    }
  }
  sckg_buf_adds(problem,
                "names no actor of the graph (give a Wikidata QID such as "
                "Q423, or an actor's slug or label such as north-korea or "
                "'North Korea')");
  return NULL;
}

static bool descends_from(const sckg_actor *a, const sckg_actor *top) {
  for (int depth = 0; a && depth <= MAX_DEPTH; depth++, a = a->parent)
    if (a == top)
      return true;
  return false;
}

static bool any_reached(const scene *v, sckg_actor *const *list, size_t n,
                        const unsigned char *reached) {
  for (size_t i = 0; i < n; i++) {
    size_t k = view_actor_index(v, list[i]);
    if (k != SIZE_MAX && reached[k])
      return true;
  }
  return false;
}

static void reach(const scene *v, sckg_actor *const *list, size_t n,
                  unsigned char *reached) {
  for (size_t i = 0; i < n; i++) {
    size_t k = view_actor_index(v, list[i]);
    if (k != SIZE_MAX)
      reached[k] = 1;
  }
}

/* The actor, its parts and members, their events; each further step the
 * events of every actor reached so far. Events found in a step reach their
 * actors only after the step, so depth 1 is exactly "its events and who
 * took part in them". A statement shown brings what it says (a statement
 * without its content tells nothing), and every event the statement that
 * reports it. */
void view_select_actor(scene *v) {
  unsigned char *reached = sckg_xcalloc(v->n_actors ? v->n_actors : 1, 1);
  unsigned depth = v->opts->depth ? v->opts->depth : 1;
  for (size_t i = 0; i < v->n_actors; i++)
    reached[i] = descends_from(v->actors[i], v->focus);
  for (unsigned step = 0; step < depth; step++) {
    for (size_t i = 0; i < v->n_events; i++) {
      const sckg_event *e = v->events[i];
      if (!v->event_role[i] &&
          (any_reached(v, e->agents, e->n_agents, reached) ||
           any_reached(v, e->targets, e->n_targets, reached) ||
           any_reached(v, e->attributed, e->n_attributed, reached)))
        v->event_role[i] = SHOWN;
    }
    for (size_t i = 0; i < v->n_events; i++) {
      const sckg_event *e = v->events[i];
      if (!v->event_role[i])
        continue;
      reach(v, e->agents, e->n_agents, reached);
      reach(v, e->targets, e->n_targets, reached);
      reach(v, e->attributed, e->n_attributed, reached);
    }
  }
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *s = v->events[i]->stated_in;
    size_t k = s ? view_event_index(v, s) : SIZE_MAX;
    if (k != SIZE_MAX && v->event_role[k] && !v->event_role[i])
      v->event_role[i] = SHOWN;
  }
  size_t f = view_actor_index(v, v->focus);
  if (f != SIZE_MAX)
    v->actor_role[f] = SHOWN; /* even with no event */
  free(reached);
}

/* The article `name` designates: by identifier ("ap-2023-04-07"), also
 * when given as a file name with folders or ".txt"; by IRI; or by
 * identifier in any case if that singles one out. */
const sckg_article *view_named_article(const scene *v, const char *name,
                                       sckg_buf *problem) {
  sckg_article *const *arts = SCKG_ARTICLES(v->g);
  size_t n = v->g->articles.len;
  const char *slash = strrchr(name, '/');
  const char *id = slash ? slash + 1 : name;
  size_t len = strlen(id);
  if (len > 4 && strcmp(id + len - 4, ".txt") == 0)
    len -= 4;
  const sckg_article *found = NULL;
  size_t hits = 0;
  for (size_t i = 0; i < n; i++)
    if (strcmp(arts[i]->iri, name) == 0 ||
        (strlen(arts[i]->ident) == len && memcmp(arts[i]->ident, id, len) == 0))
      return arts[i];
  for (size_t i = 0; i < n; i++) {
    const char *ident = arts[i]->ident;
    bool same = strlen(ident) == len;
    for (size_t j = 0; same && j < len; j++)
      same = lower(ident[j]) == lower(id[j]);
    if (same) {
      found = arts[i];
      hits++;
    }
  }
  if (hits == 1)
    return found;
  sckg_buf_adds(problem,
                hits ? "names more than one article (give its identifier "
                       "exactly)"
                     : "names no article of the graph (give an article's "
                       "identifier: its file name without folder and .txt)");
  return NULL;
}

void view_select_article(scene *v) {
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    for (size_t j = 0; j < e->n_sources; j++)
      if (e->sources[j] == v->article)
        v->event_role[i] = SHOWN;
  }
}

/* Parse "T[,T...]" into v->types: each T a contract type name in any case
 * (an "sckg:" in front allowed) or a group (view/grammar.c; its types are
 * those of types.tsv's `group`). A view that names exactly one group of
 * the grammar's table is titled by it (*title). */
bool view_parse_types(scene *v, const char *spec, const char **title) {
  char item[64];
  size_t commas = 0;
  *title = NULL;
  for (const char *p = spec;; commas++) {
    const char *end = strchr(p, ',');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n == 0 || n >= sizeof item)
      return false;
    memcpy(item, p, n);
    item[n] = '\0';
    const char *name = item;
    if (strncmp(name, "sckg:", 5) == 0)
      name += 5;
    bool known = false;
    for (int t = 0; t < SCKG_EV_COUNT; t++) {
      const char *group = sckg_type(v->g->schema, (sckg_event_type)t)->group;
      if (group && same_nocase(group, name))
        known = v->types[t] = true;
    }
    for (size_t g = 0; g < sckg_view_n_groups && known; g++)
      if (same_nocase(sckg_view_groups[g].name, name))
        *title = sckg_view_groups[g].title;
    for (int t = 0; t < SCKG_EV_COUNT && !known; t++)
      if (same_nocase(sckg_event_types[t].name, name))
        known = v->types[t] = true;
    if (!known)
      return false;
    if (!end)
      break;
    p = end + 1;
  }
  if (commas > 0)
    *title = NULL; /* several items: list the types */
  return true;
}

void view_select_type(scene *v) {
  for (size_t i = 0; i < v->n_events; i++)
    if (v->types[v->events[i]->type])
      v->event_role[i] = SHOWN;
}

/* Sides for the actor, article and type views: a top actor goes on the
 * right, with everything that belongs to it, when some of its family is a
 * target of a shown event and none of it acts or claims in one. Like the
 * statement view's right side it only receives edges, so it adds one rank
 * and no chains. */
void view_mark_targets_right(scene *v) {
  unsigned char *side = sckg_xcalloc(v->n_actors ? v->n_actors : 1, 1);
  enum { TARGETED = 1, ACTS = 2 };
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (!v->event_role[i])
      continue;
    for (size_t j = 0; j < e->n_targets; j++) {
      size_t k = view_actor_index(v, view_root_of(e->targets[j]));
      if (k != SIZE_MAX)
        side[k] |= TARGETED;
    }
    for (int who = 0; who < 2; who++) {
      sckg_actor *const *list = who ? e->attributed : e->agents;
      size_t n = who ? e->n_attributed : e->n_agents;
      for (size_t j = 0; j < n; j++) {
        size_t k = view_actor_index(v, view_root_of(list[j]));
        if (k != SIZE_MAX)
          side[k] |= ACTS;
      }
    }
  }
  for (size_t i = 0; i < v->n_actors; i++) {
    size_t k = view_actor_index(v, view_root_of(v->actors[i]));
    if (v->actor_role[i] == SHOWN && k != SIZE_MAX && side[k] == TARGETED)
      v->actor_role[i] = RIGHT;
  }
  free(side);
}

/* The actor view's middle: the focus and its parts (unless they went to
 * the right, being only ever targets), and the events aimed at them in
 * which they neither act nor claim. */
void view_mark_focus(scene *v, const sckg_actor *middle) {
  unsigned char *kin = sckg_xcalloc(v->n_actors ? v->n_actors : 1, 1);
  for (size_t i = 0; i < v->n_actors; i++)
    if (v->actor_role[i] == SHOWN && descends_from(v->actors[i], middle)) {
      v->actor_role[i] = FOCUS;
      kin[i] = 1;
    }
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (v->event_role[i] == SHOWN &&
        any_reached(v, e->targets, e->n_targets, kin) &&
        !any_reached(v, e->agents, e->n_agents, kin) &&
        !any_reached(v, e->attributed, e->n_attributed, kin))
      v->event_role[i] = TOWARD;
  }
  free(kin);
}

/* The middle of an article or type view: the top actor that the shown
 * events aim at most often (at least twice) while it acts in some of them
 * (an actor that only receives went to the right already); ties go to the
 * lowest IRI. North Korea, accused and sanctioned in a story where it also
 * fires missiles, then stands between the two kinds of events as in its
 * own view. NULL when no actor qualifies. */
const sckg_actor *view_pick_middle(scene *v) {
  size_t *aimed = sckg_xcalloc(v->n_actors ? v->n_actors : 1, sizeof *aimed);
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (!v->event_role[i])
      continue;
    for (size_t j = 0; j < e->n_targets; j++) {
      size_t k = view_actor_index(v, view_root_of(e->targets[j]));
      if (k != SIZE_MAX)
        aimed[k]++;
    }
  }
  size_t best = SIZE_MAX;
  for (size_t i = 0; i < v->n_actors; i++)
    if (v->actor_role[i] == SHOWN && aimed[i] >= 2 &&
        (best == SIZE_MAX || aimed[i] > aimed[best]))
      best = i;
  free(aimed);
  return best == SIZE_MAX ? NULL : v->actors[best];
}
