/* SPDX-License-Identifier: MIT */
/* Choosing what a view shows: the statement view and the "all" view, the
 * parts every view shares, and the size cap (SCKG_VIEW_MAX_NODES). */
#include "view/scene.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Index of an actor or event in its IRI-sorted array: binary search on the
 * `iri` field found at `iri_off` in each item, then a linear scan should the
 * array not be sorted after all. SIZE_MAX when absent. */
size_t view_index_of(void *const *items, size_t n, size_t iri_off,
                     const void *item) {
  const char *iri = *(const char *const *)((const char *)item + iri_off);
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const char *m = *(const char *const *)((const char *)items[mid] + iri_off);
    int c = strcmp(m, iri);
    if (c == 0)
      return mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = 0; i < n; i++)
    if (items[i] == item)
      return i;
  return SIZE_MAX;
}

size_t view_actor_index(const scene *v, const sckg_actor *a) {
  return view_index_of((void *const *)v->actors, v->n_actors,
                       offsetof(sckg_actor, iri), a);
}

size_t view_event_index(const scene *v, const sckg_event *e) {
  return view_index_of((void *const *)v->events, v->n_events,
                       offsetof(sckg_event, iri), e);
}

const sckg_actor *view_root_of(const sckg_actor *a) {
  for (int depth = 0; a->parent && depth < MAX_DEPTH; depth++)
    a = a->parent;
  return a;
}

/* The main statement: most agents (a joint statement outranks a remark),
 * then most sources (the most reported), then the lowest IRI, which the
 * sorted array gives by keeping the first of equals. */
const sckg_event *view_main_statement(const scene *v) {
  const sckg_event *best = NULL;
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (e->type != SCKG_EV_MAKE_STATEMENT)
      continue;
    if (!best || e->n_agents > best->n_agents ||
        (e->n_agents == best->n_agents && e->n_sources > best->n_sources))
      best = e;
  }
  return best;
}

/* The event named by a full IRI or, failing that, by the one IRI ending in
 * `name`; NULL when none or several match. */
const sckg_event *view_named_event(const scene *v, const char *name) {
  size_t n = strlen(name), hits = 0;
  const sckg_event *found = NULL;
  if (!n)
    return NULL;
  for (size_t i = 0; i < v->n_events; i++)
    if (strcmp(v->events[i]->iri, name) == 0)
      return v->events[i];
  for (size_t i = 0; i < v->n_events; i++) {
    const char *iri = v->events[i]->iri;
    size_t len = strlen(iri);
    if (len > n && memcmp(iri + len - n, name, n) == 0) {
      found = v->events[i];
      hits++;
    }
  }
  return hits == 1 ? found : NULL;
}

static bool same_date(sckg_date a, sckg_date b) {
  return a.year > 0 && a.year == b.year && a.month == b.month && a.day == b.day;
}

static bool share_source(const sckg_event *a, const sckg_event *b) {
  for (size_t i = 0; i < a->n_sources; i++)
    for (size_t j = 0; j < b->n_sources; j++)
      if (a->sources[i] == b->sources[j])
        return true;
  return false;
}

/* Whether an agent or target of `e` belongs (itself or through partOf /
 * affiliatedWith) to the same top actor as one of the hub's: the Treasury
 * counts as the United States, Kim Gunn as South Korea. */
static bool share_actor(const scene *v, const sckg_event *e,
                        const unsigned char *near) {
  for (int side = 0; side < 2; side++) {
    sckg_actor *const *list = side ? e->targets : e->agents;
    size_t n = side ? e->n_targets : e->n_agents;
    for (size_t i = 0; i < n; i++) {
      size_t k = view_actor_index(v, view_root_of(list[i]));
      if (k != SIZE_MAX && near[k])
        return true;
    }
  }
  return false;
}

/* "Around" the hub: at least two of {shares an actor, shares a source
 * article, same date}. Any one alone is too loose once the graph holds
 * years of news: North Korea is in thousands of events, an article reports
 * several stories, and many things happen on one day. */
static bool is_around(const scene *v, const sckg_event *e,
                      const unsigned char *near) {
  int signals = share_actor(v, e, near) + share_source(e, v->hub) +
                same_date(e->date, v->hub->date);
  return signals >= 2;
}

static void show_actors(scene *v, sckg_actor *const *list, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t k = view_actor_index(v, list[i]);
    if (k != SIZE_MAX && !v->actor_role[k])
      v->actor_role[k] = SHOWN;
  }
}

static void mark_roots(const scene *v, sckg_actor *const *list, size_t n,
                       unsigned char *marks, unsigned char value) {
  for (size_t i = 0; i < n; i++) {
    size_t k = view_actor_index(v, view_root_of(list[i]));
    if (k != SIZE_MAX)
      marks[k] = value;
  }
}

/* The right side: actors whose top actor is a target of the hub, or an
 * agent or target of what it says (the accused, the addressed), minus the
 * issuers' own. `marks` is scratch of n_actors bytes. */
static void mark_right(scene *v, unsigned char *marks) {
  memset(marks, 0, v->n_actors);
  mark_roots(v, v->hub->targets, v->hub->n_targets, marks, 1);
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (v->event_role[i] != SAID)
      continue;
    mark_roots(v, e->agents, e->n_agents, marks, 1);
    mark_roots(v, e->targets, e->n_targets, marks, 1);
  }
  mark_roots(v, v->hub->agents, v->hub->n_agents, marks, 0);
  for (size_t i = 0; i < v->n_actors; i++) {
    size_t k = view_actor_index(v, view_root_of(v->actors[i]));
    if (v->actor_role[i] == SHOWN && k != SIZE_MAX && marks[k])
      v->actor_role[i] = RIGHT;
  }
}

/* Show the statements that report the events shown, up their statedIn
 * chains: who says so stays in the picture. */
static void show_reporting_statements(scene *v) {
  for (size_t i = 0; i < v->n_events; i++) {
    if (!v->event_role[i])
      continue;
    const sckg_event *p = v->events[i]->stated_in;
    for (int depth = 0; p && depth < MAX_DEPTH; depth++, p = p->stated_in) {
      size_t k = view_event_index(v, p);
      if (k != SIZE_MAX && !v->event_role[k])
        v->event_role[k] = SHOWN;
    }
  }
}

/* Show every actor of the events shown: agents, targets, claimants. */
static void show_event_actors(scene *v) {
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (!v->event_role[i])
      continue;
    show_actors(v, e->agents, e->n_agents);
    show_actors(v, e->targets, e->n_targets);
    show_actors(v, e->attributed, e->n_attributed);
  }
}

/* Show what every shown actor belongs to, up to the top. */
static void show_parents(scene *v) {
  for (size_t i = 0; i < v->n_actors; i++) {
    if (!v->actor_role[i])
      continue;
    const sckg_actor *a = v->actors[i]->parent;
    for (int depth = 0; a && depth < MAX_DEPTH; depth++, a = a->parent) {
      size_t k = view_actor_index(v, a);
      if (k != SIZE_MAX && !v->actor_role[k])
        v->actor_role[k] = SHOWN;
    }
  }
}

/* Mark the hub, the events it states and the events around it; select_rest
 * adds the statements that report any of those, every actor they involve
 * and what those actors belong to. The hub's actors, for "around", are
 * its own and those of what it says: a statement accusing North Korea of
 * theft is about North Korea even when no target says so. */
sckg_status view_select_statement(scene *v) {
  sckg_status st = SCKG_OK;
  unsigned char *near = sckg_xcalloc(v->n_actors ? v->n_actors : 1, 1);
  const sckg_event *hub = v->hub;
  size_t h = view_event_index(v, hub);
  if (h == SIZE_MAX) {
    st = SCKG_ERR_INTERNAL;
    goto done;
  }
  v->event_role[h] = HUB;
  mark_roots(v, hub->agents, hub->n_agents, near, 1);
  mark_roots(v, hub->targets, hub->n_targets, near, 1);
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (e->stated_in != hub || i == h)
      continue;
    v->event_role[i] = SAID;
    mark_roots(v, e->agents, e->n_agents, near, 1);
    mark_roots(v, e->targets, e->n_targets, near, 1);
  }
  for (size_t i = 0; i < v->n_events; i++)
    if (!v->event_role[i] && is_around(v, v->events[i], near))
      v->event_role[i] = SHOWN;
done:
  free(near);
  return st;
}

/* The statement view's roles once select_rest has chosen what it shows
 * (a summary marks everything SHOWN): the hub, what it says, its issuers,
 * and the right side. */
void view_mark_statement_sides(scene *v) {
  const sckg_event *hub = v->hub;
  for (size_t i = 0; i < v->n_events; i++)
    if (v->event_role[i] && v->events[i]->stated_in == hub &&
        v->events[i] != hub)
      v->event_role[i] = SAID;
  size_t h = view_event_index(v, hub);
  if (h != SIZE_MAX)
    v->event_role[h] = HUB;
  for (size_t i = 0; i < hub->n_agents; i++) {
    size_t k = view_actor_index(v, hub->agents[i]);
    if (k != SIZE_MAX && v->actor_role[k])
      v->actor_role[k] = SIGNATORY;
  }
  unsigned char *scratch = sckg_xcalloc(v->n_actors ? v->n_actors : 1, 1);
  mark_right(v, scratch);
  free(scratch);
}

/* ---- the size cap ---- */

/* The order of a summary: most sources (the most reported) first, then
 * most agents and targets (the most connected), then the lowest IRI,
 * which no two events share: a total order, so the summary does not
 * depend on how qsort breaks ties. */
static int cmp_most_reported(const void *pa, const void *pb) {
  const sckg_event *a = *(sckg_event *const *)pa;
  const sckg_event *b = *(sckg_event *const *)pb;
  size_t na = a->n_agents + a->n_targets, nb = b->n_agents + b->n_targets;
  if (a->n_sources != b->n_sources)
    return a->n_sources > b->n_sources ? -1 : 1;
  if (na != nb)
    return na > nb ? -1 : 1;
  return strcmp(a->iri, b->iri);
}

/* What a summary is being built from: the events the view selected, what
 * a statement among them brings along (index_said: lists threaded through
 * `said_next`, SIZE_MAX-terminated, in IRI order), and the undo lists of
 * the event being tried. */
typedef struct {
  const unsigned char *chosen; /* per event: selected by the view */
  size_t *said_first;          /* per event: first event it says, or SIZE_MAX */
  size_t *said_next;           /* per event: next of the same statement */
  sckg_vec added_events, added_actors; /* roles take_event may undo */
} taking;

/* Mark `role` SHOWN if it is not yet, and remember it in `added` so that
 * take_event can undo it. */
static void tentative(unsigned char *role, sckg_vec *added) {
  if (*role)
    return;
  *role = SHOWN;
  sckg_vec_push(added, role);
}

/* Tentatively show actor `a` and what it belongs to. */
static void take_actor(scene *v, const sckg_actor *a, taking *t) {
  for (int depth = 0; a && depth < MAX_DEPTH; depth++, a = a->parent) {
    size_t k = view_actor_index(v, a);
    if (k != SIZE_MAX)
      tentative(&v->actor_role[k], &t->added_actors);
  }
}

static void take_actors(scene *v, sckg_actor *const *list, size_t n,
                        taking *t) {
  for (size_t i = 0; i < n; i++)
    take_actor(v, list[i], t);
}

/* Tentatively show `e` and the statements that report it, up their
 * statedIn chain, with the agents, targets and claimants of each. */
static void take_chain(scene *v, const sckg_event *e, taking *t) {
  for (int depth = 0; e && depth < MAX_DEPTH; depth++, e = e->stated_in) {
    size_t k = view_event_index(v, e);
    if (k == SIZE_MAX || v->event_role[k])
      break; /* what reports a shown event is shown already */
    tentative(&v->event_role[k], &t->added_events);
    take_actors(v, e->agents, e->n_agents, t);
    take_actors(v, e->targets, e->n_targets, t);
    take_actors(v, e->attributed, e->n_attributed, t);
  }
}

/* Keep what was taken tentatively if it adds at most `room` nodes, and
 * count it; otherwise unmark all of it. Returns the nodes added (0 when
 * undone). Either way the undo lists are emptied for the next try. */
static size_t commit_or_undo(scene *v, size_t room, taking *t) {
  size_t added = t->added_events.len + t->added_actors.len;
  if (added <= room) {
    v->shown_events += t->added_events.len;
    v->shown_actors += t->added_actors.len;
  } else {
    for (size_t i = 0; i < t->added_events.len; i++)
      *(unsigned char *)t->added_events.items[i] = 0;
    for (size_t i = 0; i < t->added_actors.len; i++)
      *(unsigned char *)t->added_actors.items[i] = 0;
    added = 0;
  }
  t->added_events.len = 0;
  t->added_actors.len = 0;
  return added;
}

/* Show event `e` with everything the view draws along with it: the
 * statements that report it (up their statedIn chain), what it says when
 * the view shows a statement with its content (index_said), the agents,
 * targets and claimants of all these, and what those actors belong to;
 * but only if that keeps the view within `room` more nodes. Returns how
 * many nodes it added: 0 when it did not fit (nothing is left marked) or
 * was shown already. The work is proportional to the size of the event,
 * of the statements above it and of what it says, so trying every event
 * of a big graph stays about linear. */
static size_t take_event(scene *v, const sckg_event *e, size_t room,
                         taking *t) {
  take_chain(v, e, t);
  size_t k = view_event_index(v, e);
  for (size_t s = k == SIZE_MAX ? SIZE_MAX : t->said_first[k]; s != SIZE_MAX;
       s = t->said_next[s])
    take_chain(v, v->events[s], t);
  return commit_or_undo(v, room, t);
}

/* Index what a statement brings along in the view among the selected
 * events: in an actor view every statement selected brings what it says
 * (select_actor), in a statement view the hub does; the other views bring
 * no content with a statement, since they select events one by one. */
static void index_said(const scene *v, taking *t) {
  size_t n = v->n_events ? v->n_events : 1;
  t->said_first = sckg_xmalloc(n * sizeof *t->said_first);
  t->said_next = sckg_xmalloc(n * sizeof *t->said_next);
  for (size_t i = 0; i < v->n_events; i++)
    t->said_first[i] = t->said_next[i] = SIZE_MAX;
  for (size_t i = v->n_events; i-- > 0;) {
    const sckg_event *s = v->events[i]->stated_in;
    bool brings =
        v->kind == VIEW_ACTOR || (v->kind == VIEW_STATEMENT && s == v->hub);
    size_t k = s && brings && t->chosen[i] ? view_event_index(v, s) : SIZE_MAX;
    if (k == SIZE_MAX || !t->chosen[k])
      continue;
    t->said_next[i] = t->said_first[k];
    t->said_first[k] = i;
  }
}

/* The anchor of a summary, shown whatever the room: the actor of an actor
 * view (with what it belongs to), the statement of a statement view (with
 * what it says if that fits, else alone). Returns the nodes it added. */
static size_t take_anchor(scene *v, taking *t) {
  size_t used = 0;
  if (v->focus) {
    take_actor(v, v->focus, t);
    used = commit_or_undo(v, SIZE_MAX, t);
  } else if (v->hub) {
    used = take_event(v, v->hub, SCKG_VIEW_MAX_NODES, t);
    if (!used) {
      take_chain(v, v->hub, t);
      used = commit_or_undo(v, SIZE_MAX, t);
    }
  }
  return used;
}

/* A view too big to lay out (SCKG_VIEW_MAX_NODES, view.h) becomes its
 * summary: its anchor, then the events the view selected (`chosen`) in
 * cmp_most_reported's order, each with what take_event brings, as long
 * as they fit. An event that does not fit (one with hundreds of targets)
 * is passed over and the next one tried, so one oversized event cannot
 * empty the picture; the title says what is left out. O(events log
 * events) for the sort, then linear. */
static void select_most_reported(scene *v, const unsigned char *chosen) {
  taking t = {.chosen = chosen};
  sckg_event **order =
      sckg_xmalloc((v->n_events ? v->n_events : 1) * sizeof *order);
  size_t n = 0;
  for (size_t i = 0; i < v->n_events; i++)
    if (chosen[i])
      order[n++] = v->events[i];
  qsort(order, n, sizeof *order, cmp_most_reported);
  index_said(v, &t);
  size_t used = take_anchor(v, &t);
  size_t room = used < SCKG_VIEW_MAX_NODES ? SCKG_VIEW_MAX_NODES - used : 0;
  for (size_t i = 0; i < n && room > 0; i++)
    room -= take_event(v, order[i], room, &t);
  sckg_vec_free(&t.added_events);
  sckg_vec_free(&t.added_actors);
  free(t.said_first);
  free(t.said_next);
  free(order);
}

/* Every view ends here once it has marked the events it selects (and, for
 * "all", every actor): the statements that report them, their actors and
 * what those belong to join them; then, if that is more than the cap, the
 * view becomes its summary. The cap counts the nodes of the graph proper,
 * as choose_engine does; the legend comes on top. */
void view_select_rest(scene *v) {
  unsigned char *chosen = sckg_xmalloc(v->n_events ? v->n_events : 1);
  memcpy(chosen, v->event_role, v->n_events);
  show_reporting_statements(v);
  show_event_actors(v);
  show_parents(v);
  for (size_t i = 0; i < v->n_actors; i++)
    v->total_actors += v->actor_role[i] != 0;
  for (size_t i = 0; i < v->n_events; i++)
    v->total_events += v->event_role[i] != 0;
  if (v->total_actors + v->total_events > SCKG_VIEW_MAX_NODES) {
    v->summary = true;
    memset(v->actor_role, 0, v->n_actors);
    memset(v->event_role, 0, v->n_events);
    select_most_reported(v, chosen);
  }
  free(chosen);
}

/* Every actor and event. */
void view_select_all(scene *v) {
  memset(v->actor_role, SHOWN, v->n_actors);
  memset(v->event_role, SHOWN, v->n_events);
}
