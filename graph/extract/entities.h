/* SPDX-License-Identifier: MIT */
/* The actors the extraction meets in one article, each once: the lexicon's
 * entries, and names read from the text, keyed as the graph keys them (by
 * slug), so that "Safe Wallet" met twice is one actor, and a name that is a
 * lexicon alias is that lexicon actor. What the text says of a name met
 * again is kept the way the graph would keep it across articles: the
 * smallest class, label and parent win, so nothing depends on order. */
#ifndef SCKG_ENTITIES_H
#define SCKG_ENTITIES_H

#include "base/kinds.h"
#include "base/support.h"
#include "lexicon/lexicon.h"

typedef struct ex_actor ex_actor;
struct ex_actor {
  const char *slug;  /* the key: the lexicon id, or the label's slug */
  const char *label; /* canonical label */
  sckg_class cls;
  ex_actor *parent;     /* partOf, or affiliatedWith for persons */
  bool affiliated;      /* the parent is an affiliation, not partOf */
  bool from_lexicon;    /* false: a name read from the text */
  const lex_actor *lex; /* its lexicon entry, when it has one */
  const char *qid;      /* its Wikidata item, when it came from the lexicon */
  size_t index;         /* in the order met */
  bool named;           /* named in the text, not only some name's parent */
  size_t met;           /* how many times a name or the lexicon gave it */
  bool mentioned;       /* in the extraction's mentions already */
  bool in_persons;      /* in the article's persons (reader.h) already */
  /* for a state, how many times the article named it so far (the state
   * it is most about: mentions.c); an actor lives one article, so the
   * count is the article's */
  size_t state_count;
  /* a bit (byte % 64) for the first byte of each word of `label`, for a
   * quick test that no word of it starts so (mentions.c); valid while
   * initials_of == label (a label met again may change) */
  const char *initials_of;
  uint64_t initials;
};

typedef struct {
  const sckg_schema *s;
  sckg_arena *arena;    /* the actors and their strings */
  sckg_strtab *strings; /* slugs and the text's labels, interned */
  sckg_pmap by_slug;    /* slug, as keyed (entities.c) -> ex_actor, for a
                           slug that is no lexicon id */
  sckg_pmap by_short;   /* interned slug of a short form -> its full name's */
  /* by lex_actor index, the actor of that entry or of a name whose slug
   * is its id; kept from one article to the next: an article
   * meets a few dozen of the lexicon's hundreds of actors, so the next
   * one clears the entries listed in lex_set, not all of them */
  ex_actor **by_lex;
  size_t *lex_set, n_lex_set;
  size_t lex_cap; /* the length of by_lex and lex_set */
  /* the lexicon's actors by id, made once for a schema (its `actors`, of
   * `ids_n`, which live as long as it does): open addressing by
   * sckg_hash64 of the id, 1 + its index in schema.actors, 0 empty; a
   * name's slug is looked up here, not by halving the sorted ids with a
   * string comparison at each step */
  uint32_t *ids;
  size_t ids_cap, ids_n;
  const lex_actor *const *ids_of;
  sckg_vec order; /* ex_actor *, in the order met */
  sckg_buf slug;  /* where a name's slug is made (entities.c), kept */
} entity_table;

/* A table whose actors live in `arena` (the caller's). A table zeroed, or
 * freed with sckg_entities_free, may be made again. */
void sckg_entities_init(entity_table *t, const sckg_schema *s,
                        sckg_arena *arena);
/* Empty the table for the next init (the actors stay in the arena): its
 * indexes keep their memory, an article's table being much like the
 * last's, and its string table too, for an init with the same arena. */
void sckg_entities_free(entity_table *t);
/* Free what sckg_entities_free keeps, leaving the table zeroed. */
void sckg_entities_release(entity_table *t);
/* The string interned in the table's arena. */
const char *sckg_entities_intern(entity_table *t, const char *s, size_t n);
/* The actor of a lexicon entry, with its parents. */
ex_actor *sckg_entities_lex(entity_table *t, const lex_actor *la);
/* The actor a name read from the text stands for: the lexicon actor it is
 * a name of (or its normal form is), else the one of its slug, else the one
 * of an earlier, longer name it is a short form of (sckg_short_form_of),
 * else a new one. The slug is that of the name's normal form
 * (sckg_name_stem): "Blender.io" and "Blender" are one actor in any
 * article. */
ex_actor *sckg_entities_named(entity_table *t, const char *label, size_t len,
                              sckg_class cls, ex_actor *parent);
/* The length of the normal form of a name: the name without a web
 * suffix ("Blender.io": "Blender"), that is a final '.' and two to six
 * lowercase ASCII letters right after a letter or digit; else len. */
size_t sckg_name_stem(const char *name, size_t len);
/* Is `name` a short form of the earlier, longer name `full`: its first
 * words ("Chinyong" of "Chinyong Information Technology Cooperation
 * Company") or its initials, in capitals ("CISA" of "Cybersecurity and
 * Infrastructure Security Agency")? */
bool sckg_short_form_of(const char *name, size_t len, const char *full);
/* The text gives `name` as another name of `full` ("(Gortrade)", "also
 * known as Gorvan Shipping"): the name stands for `full` from now on in
 * the article. When the name already made an actor of its own that nothing
 * else refers to, that actor is dropped and returned, for the caller to
 * put `full` where it stood; else NULL. A lexicon name keeps its actor. */
ex_actor *sckg_entities_alias(entity_table *t, const char *name, size_t len,
                              ex_actor *full);
/* Give a name read from the text the parent the text tells of (of several,
 * the smallest slug; lexicon actors keep theirs). */
void sckg_entities_set_parent(ex_actor *a, ex_actor *parent);

/* Is one actor the other, or part of it (up the partOf/affiliatedWith
 * chain, either way)? */
bool ex_kin(const ex_actor *a, const ex_actor *b);
/* Do a and b serve the same state (the first state up each one's chain):
 * KCNA and Kim Jong Un are both North Korea's? */
bool ex_compatriots(const ex_actor *a, const ex_actor *b);
/* Is actor a among arr[0..n)? */
bool ex_has_actor(ex_actor *const *arr, size_t n, const ex_actor *a);
/* Does any actor of a belong to (or is) any of b, or the reverse: one
 * side, which does not react to its own acts? */
bool ex_same_side(ex_actor *const *a, size_t na, ex_actor *const *b, size_t nb);

#endif
