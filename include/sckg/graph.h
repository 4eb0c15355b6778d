/* SPDX-License-Identifier: MIT */
/* sckg: building a knowledge graph from news articles. */
#ifndef SCKG_GRAPH_H
#define SCKG_GRAPH_H

#include "sckg/status.h"

#include <stdbool.h>
#include <stddef.h>

/** The extraction knowledge: actor lexicon and event patterns. */
typedef struct sckg_schema sckg_schema;
/** A graph under construction or finished. */
typedef struct sckg_graph sckg_graph;

/** One article to read: its name (a file name; its folder and a ".txt"
 * ending are dropped for the identifier) and its UTF-8 text. The metadata
 * fields, when not NULL, come from a container such as a JSON Lines record
 * and take the place of what would be read from the name or the text: the
 * text then has no date line, and no headline line unless `title` is
 * NULL. */
typedef struct {
  const char *name; /**< for messages and, without `id`, the identifier */
  const char *text;
  size_t len;
  const char *id;        /**< dcterms:identifier, or NULL */
  const char *date;      /**< "YYYY-MM-DD", or NULL */
  const char *publisher; /**< dcterms:publisher, or NULL */
  const char *title;     /**< dcterms:title, or NULL */
} sckg_input;

/** Options of a build. Zero-initialise, then set what you need. */
typedef struct {
  const char *base;         /**< resource namespace; NULL = default */
  const char *default_date; /**< YYYY-MM-DD for articles without a date line */
  bool omit_text;           /**< leave nif:isString out of article nodes */
  bool explain;        /**< report each span of an article that is not read (a
                            caption, a credit, ...) to the sink as a note */
  bool shard;          /**< the shard form: no undated report joins a dated
                            event, so that sckg_union_files can unite the
                            graphs of separate runs into the graph of one */
  bool trace;          /**< report how each sentence is read, line by line,
                            to the sink (SCKG_SEV_TRACE): for debugging */
  sckg_diag_sink sink; /**< diagnostics; NULL = dropped */
  void *sink_handle;
} sckg_options;

/** The default resource namespace. */
#define SCKG_DEFAULT_BASE "https://w3id.org/sckg/id/"

/** One call: build and finish a graph from `n` inputs with the embedded
 * schema. On success *out owns a graph to free with sckg_graph_free. */
sckg_status sckg_build(const sckg_input *inputs, size_t n,
                       const sckg_options *opts, sckg_graph **out);

/** Load the schema compiled into the library. The result is shared and
 * immutable: never free it. Fails only if the embedded data is corrupt. */
sckg_status sckg_schema_embedded(const sckg_schema **out);

/** Report to `sink` why the embedded schema does not load (each table's
 * file and line, as sckg_schema_load_dir reports them): for a build whose
 * tables were broken. Returns the load's status. */
sckg_status sckg_schema_embedded_report(sckg_diag_sink sink, void *handle);

/** Load a schema from a directory holding actors.tsv, events.tsv and the
 * other tables; *out is freed with sckg_schema_free. */
sckg_status sckg_schema_load_dir(const char *dir, sckg_diag_sink sink,
                                 void *handle, sckg_schema **out);

/** Free a schema from sckg_schema_load_dir; NULL is a no-op. */
void sckg_schema_free(sckg_schema *schema);

/** A new empty graph that reads with `schema` (which must outlive it). */
sckg_status sckg_graph_new(const sckg_schema *schema, const sckg_options *opts,
                           sckg_graph **out);

/** Read one article into the graph: sckg_graph_read, then
 * sckg_graph_merge, so that what is read from one article never depends on
 * the articles read before it. Errors (invalid UTF-8, a bad date line) are
 * reported to the sink with the input's name and leave the graph
 * unchanged. */
sckg_status sckg_graph_add(sckg_graph *g, const sckg_input *input);

/** Read one article into a new graph of its own, `*out`, to be merged into
 * another with sckg_graph_merge (or finished and written alone: what
 * `sckg --stream` does). Reads only `schema`, so threads may call it at
 * once, each for its own article; diagnostics go to opts->sink from the
 * calling thread. On error *out is NULL. */
sckg_status sckg_graph_read(const sckg_schema *schema, const sckg_options *opts,
                            const sckg_input *input, sckg_graph **out);

/** Merge `part` (from sckg_graph_read, or any unfinished graph of the same
 * schema and base) into `g`, as if its articles had been added to `g`, and
 * free it, whatever the outcome. Fails with SCKG_ERR_INPUT, `g` unchanged,
 * when one of its articles has an identifier `g` holds already. */
sckg_status sckg_graph_merge(sckg_graph *g, sckg_graph *part);

/** Merge reports of the same event, mint IRIs and sort: call once after the
 * last sckg_graph_add and before any writer. */
sckg_status sckg_graph_finish(sckg_graph *g);

/** Free a graph and everything it holds; NULL is a no-op. */
void sckg_graph_free(sckg_graph *g);

/** An RDF term of a finished graph: an IRI or a literal. */
typedef enum { SCKG_TERM_IRI, SCKG_TERM_LITERAL } sckg_term_kind;

typedef struct {
  sckg_term_kind kind;
  const char *value;    /**< IRI or lexical form, NUL-terminated UTF-8 */
  const char *lang;     /**< language tag of a literal, or NULL */
  const char *datatype; /**< datatype IRI of a literal, or NULL (xsd:string) */
} sckg_term;

/** One triple: subject and predicate are IRIs. */
typedef struct {
  const char *s; /**< subject IRI */
  const char *p; /**< predicate IRI */
  sckg_term o;
} sckg_triple;

/** Called with the `n` triples of one subject, sorted and distinct; return
 * SCKG_OK to go on, anything else to stop the walk with that status. */
typedef sckg_status (*sckg_subject_fn)(void *ctx, const sckg_triple *t,
                                       size_t n);

/** Walk the triples of a finished graph one subject at a time, subjects in
 * N-Triples order (what sckg_write_ntriples writes, in the same order). The
 * array and the strings of the literals are valid until fn returns, IRIs
 * until the walk ends: copy what you keep. The graph never holds all its
 * triples at once, so a big graph walks in little memory. SCKG_ERR_ARG for
 * a graph that is not finished; otherwise the first status fn returns
 * other than SCKG_OK, or SCKG_OK. */
sckg_status sckg_graph_each_subject(const sckg_graph *g, sckg_subject_fn fn,
                                    void *ctx);

/** Counts of a finished graph, for summaries and tests. */
size_t sckg_graph_actor_count(const sckg_graph *g);
size_t sckg_graph_event_count(const sckg_graph *g);
size_t sckg_graph_article_count(const sckg_graph *g);

#endif
