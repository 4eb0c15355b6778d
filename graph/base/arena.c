/* SPDX-License-Identifier: MIT */
/* The arena (base/support.h). */
#include "base/support.h"

#include <stdlib.h>
#include <string.h>

/* The arena is a list of chunks; a request larger than a chunk gets a chunk
 * of its own, so no request ever fails for size. The first chunk comes in
 * one block with the arena itself: most arenas (a graph of one article,
 * its extraction, a walk of its triples) never need a second. */
typedef struct chunk {
  struct chunk *next;
  size_t used, size;
  _Alignas(16) unsigned char data[];
} chunk;

struct sckg_arena {
  chunk *head;  /* the chunk being filled; older ones after it */
  chunk *big;   /* those of one big request each, newest first */
  chunk *first; /* inside this block: not freed on its own */
};

enum { CHUNK_SIZE = 64 * 1024 };

/* Where the first chunk starts in the arena's block: 16-aligned. */
#define FIRST_CHUNK_AT ((sizeof(sckg_arena) + 15) & ~(size_t)15)

sckg_arena *sckg_arena_new(void) {
  sckg_arena *a = sckg_xmalloc(FIRST_CHUNK_AT + sizeof(chunk) + CHUNK_SIZE);
  chunk *c = (chunk *)((unsigned char *)a + FIRST_CHUNK_AT);
  c->next = NULL;
  c->used = 0;
  c->size = CHUNK_SIZE;
  a->head = a->first = c;
  a->big = NULL;
  return a;
}

/* Free the chunks of a list from `c` up to `stop`, but the first. */
static void free_chunks(const sckg_arena *a, chunk *c, const chunk *stop) {
  for (chunk *next; c != stop; c = next) {
    next = c->next;
    if (c != a->first)
      free(c);
  }
}

void sckg_arena_free(sckg_arena *a) {
  if (!a)
    return;
  free_chunks(a, a->head, NULL);
  free_chunks(a, a->big, NULL);
  free(a);
}

sckg_arena_mark sckg_arena_here(const sckg_arena *a) {
  return (sckg_arena_mark){a->head, a->big, a->head->used};
}

void sckg_arena_rewind(sckg_arena *a, sckg_arena_mark m) {
  free_chunks(a, a->head, m.head);
  free_chunks(a, a->big, m.big);
  a->head = m.head;
  a->big = m.big;
  a->head->used = m.used;
}

/* n bytes (rounded up to 16), as they lie: for the callers that fill them
 * at once, which need no zeroing first. */
void *sckg_arena_alloc_dirty(sckg_arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  chunk *c = a->head;
  if (c->size - c->used < n) {
    size_t size = n > CHUNK_SIZE ? n : CHUNK_SIZE;
    chunk *fresh = sckg_xmalloc(sizeof(chunk) + size);
    fresh->used = 0;
    fresh->size = size;
    if (n > CHUNK_SIZE) { /* keep filling the current chunk */
      fresh->next = a->big;
      a->big = fresh;
    } else {
      fresh->next = c;
      a->head = fresh;
    }
    c = fresh;
  }
  void *p = c->data + c->used;
  c->used += n;
  return p;
}

void *sckg_arena_alloc(sckg_arena *a, size_t n) {
  void *p = sckg_arena_alloc_dirty(a, n);
  memset(p, 0, n);
  return p;
}

char *sckg_arena_strndup(sckg_arena *a, const char *s, size_t n) {
  char *p = sckg_arena_alloc_dirty(a, n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void *sckg_arena_memdup(sckg_arena *a, const void *p, size_t n) {
  void *q = sckg_arena_alloc_dirty(a, n);
  if (n)
    memcpy(q, p, n);
  return q;
}
