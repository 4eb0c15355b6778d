/* SPDX-License-Identifier: MIT */
/* Turtle writer (https://www.w3.org/TR/turtle/): the triples of the
 * N-Triples writer in the same order, a subject's grouped with ';' and a
 * predicate's objects with ',', rdf:type as 'a', and every IRI under a
 * known namespace as a prefixed name. The prefixes are fixed: the
 * contract's namespaces, then one per kind of resource under the graph's
 * base ("actor:north-korea"), so the output is byte-identical on every run.
 *
 * Ours rather than serd's writer: serd 0.30 (Debian 12) writes a prefixed
 * name only for a local part of letters and digits, so every actor and
 * event IRI (slugs with '-') stayed a full IRI, 96 % of the subjects of
 * the bench corpus; the escaping of IRIs and strings is the N-Triples
 * writer's (text_out.h), which Turtle reads as it is. */
#include "model/graph_impl.h"
#include "sckg/write.h"
#include "write/common.h"
#include "write/text_out.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The namespaces with a prefix, in the order of the @prefix lines. */
static const struct {
  const char *prefix, *ns;
} fixed_ns[] = {
    {"rdf", SCKG_NS_RDF},     {"rdfs", SCKG_NS_RDFS}, {"owl", SCKG_NS_OWL},
    {"xsd", SCKG_NS_XSD},     {"skos", SCKG_NS_SKOS}, {"prov", SCKG_NS_PROV},
    {"dcterms", SCKG_NS_DCT}, {"nif", SCKG_NS_NIF},   {"sckg", SCKG_NS},
    {"wd", SCKG_NS_WD},
};
enum { N_FIXED = sizeof fixed_ns / sizeof *fixed_ns };

/* The kinds of resource the graph mints under its base. */
static const char *const resource_kinds[] = {"actor", "article", "event"};
enum { N_KINDS = sizeof resource_kinds / sizeof *resource_kinds };

enum { NAME_CACHE = 1024 };

typedef struct {
  out_buf *o;
  struct {
    const char *prefix;
    char *ns;
    size_t len;
  } ns[N_FIXED + N_KINDS];
  size_t n_ns;
  /* what each IRI was written as, by address (the graph interns them):
   * the namespace's index, or -1 for a full IRI */
  struct {
    const char *iri;
    int ns;
  } seen[NAME_CACHE];
  const char *subject, *predicate; /* of the last triple written */
} turtle;

static bool is_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

static bool is_hex(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

/* Can `s` be the local part of a prefixed name as it is, unescaped? The
 * ASCII subset of PN_LOCAL: letters, digits, '_', '-' and '.' inside, and
 * %hh, not starting with '-' or '.' and not ending with '.'. */
static bool local_ok(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  if (*p == '-' || *p == '.')
    return false;
  for (; *p; p++) {
    if (is_alnum(*p) || *p == '_' || *p == '-')
      continue;
    if (*p == '.' && p[1])
      continue;
    if (*p == '%' && is_hex(p[1]) && is_hex(p[2])) {
      p += 2;
      continue;
    }
    return false;
  }
  return true;
}

/* The namespace `iri` is written under, or -1: the longest that holds it
 * with a local part Turtle takes as it is. */
static int namespace_of(const turtle *t, const char *iri) {
  int best = -1;
  for (size_t i = 0; i < t->n_ns; i++)
    if (strncmp(iri, t->ns[i].ns, t->ns[i].len) == 0 &&
        (best < 0 || t->ns[i].len > t->ns[best].len) &&
        local_ok(iri + t->ns[i].len))
      best = (int)i;
  return best;
}

static void write_name(turtle *t, const char *iri) {
  size_t slot = ((uintptr_t)iri >> 3) % NAME_CACHE;
  if (t->seen[slot].iri != iri) {
    t->seen[slot].iri = iri;
    t->seen[slot].ns = namespace_of(t, iri);
  }
  int ns = t->seen[slot].ns;
  if (ns < 0) {
    write_iri(t->o, iri);
    return;
  }
  puts_out(t->o, t->ns[ns].prefix);
  put(t->o, ":", 1);
  puts_out(t->o, iri + t->ns[ns].len);
}

static void write_object(turtle *t, const sckg_term *o) {
  if (o->kind == SCKG_TERM_IRI) {
    write_name(t, o->value);
    return;
  }
  write_string(t->o, o->value);
  if (o->lang) {
    put(t->o, "@", 1);
    puts_out(t->o, o->lang);
  } else if (o->datatype) {
    put(t->o, "^^", 2);
    write_name(t, o->datatype);
  }
}

static bool is_type(const char *p) {
  return strcmp(p, SCKG_NS_RDF "type") == 0;
}

/* One triple of the subject being written: its predicate, or only ',' and
 * the object when the predicate is the last one's. */
static void write_triple(turtle *t, const sckg_triple *tr, bool first) {
  if (first) {
    if (t->subject)
      put(t->o, " .\n\n", 4);
    write_name(t, tr->s);
    put(t->o, "\n\t", 2);
  } else if (tr->p == t->predicate || strcmp(tr->p, t->predicate) == 0) {
    put(t->o, " ,\n\t\t", 5);
    write_object(t, &tr->o);
    return;
  } else {
    put(t->o, " ;\n\t", 4);
  }
  if (is_type(tr->p))
    put(t->o, "a", 1);
  else
    write_name(t, tr->p);
  put(t->o, " ", 1);
  write_object(t, &tr->o);
  t->subject = tr->s;
  t->predicate = tr->p;
}

/* One call, one subject: its rdf:type first ('a', as people write Turtle),
 * then the rest in N-Triples order; sorted, a predicate's objects come
 * together. */
static sckg_status write_subject(void *ctx, const sckg_triple *tr, size_t n) {
  turtle *t = ctx;
  bool first = true;
  for (size_t i = 0; i < n; i++)
    if (is_type(tr[i].p)) {
      write_triple(t, &tr[i], first);
      first = false;
    }
  for (size_t i = 0; i < n; i++)
    if (!is_type(tr[i].p)) {
      write_triple(t, &tr[i], first);
      first = false;
    }
  return t->o->failed ? SCKG_ERR_WRITE : SCKG_OK;
}

static void add_namespace(turtle *t, const char *prefix, const char *ns) {
  t->ns[t->n_ns].prefix = prefix;
  t->ns[t->n_ns].ns = sckg_xstrndup(ns, strlen(ns));
  t->ns[t->n_ns].len = strlen(ns);
  puts_out(t->o, "@prefix ");
  puts_out(t->o, prefix);
  put(t->o, ": ", 2);
  /* the copy, not `ns`: write_iri knows IRIs by address, and the caller
   * reuses one buffer for several namespaces */
  write_iri(t->o, t->ns[t->n_ns].ns);
  put(t->o, " .\n", 3);
  t->n_ns++;
}

sckg_status sckg_write_turtle_to(const sckg_graph *g, sckg_byte_sink sink,
                                 void *stream) {
  if (!g || !sink || !g->finished)
    return SCKG_ERR_ARG;
  sckg_status checked = sckg_write_check_langs(g, "Turtle");
  if (checked != SCKG_OK)
    return checked;
  turtle *t = sckg_xcalloc(1, sizeof *t);
  t->o = out_new(sink, stream);
  for (size_t i = 0; i < N_FIXED; i++)
    add_namespace(t, fixed_ns[i].prefix, fixed_ns[i].ns);
  sckg_buf ns = {0};
  for (size_t i = 0; g->base && i < N_KINDS; i++) {
    sckg_buf_clear(&ns);
    sckg_buf_printf(&ns, "%s%s/", g->base, resource_kinds[i]);
    add_namespace(t, resource_kinds[i], ns.ptr);
  }
  sckg_buf_free(&ns);
  put(t->o, "\n", 1);
  sckg_status st = sckg_graph_each_subject(g, write_subject, t);
  put(t->o, t->subject ? " .\n" : "", t->subject ? 3 : 0);
  if (!out_done(t->o))
    st = SCKG_ERR_WRITE;
  for (size_t i = 0; i < t->n_ns; i++)
    free(t->ns[i].ns);
  free(t->o);
  free(t);
  return st;
}

sckg_status sckg_write_turtle(const sckg_graph *g, FILE *out) {
  return sckg_write_to_file(sckg_write_turtle_to, g, out);
}
