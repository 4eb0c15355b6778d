/* SPDX-License-Identifier: MIT */
/* Files compiled into the library by graph/base/embed.cmake: the default
 * articles (corpus/) and the schema tables (schema/). */
#ifndef SCKG_EMBEDDED_H
#define SCKG_EMBEDDED_H

#include <stddef.h>

typedef struct {
  const char *name; /* base name, e.g. "actors.tsv" */
  const char *data; /* the bytes, followed by a NUL not counted in len */
  size_t len;
} sckg_embedded_file;

/* Sorted by name; each table ends with a {0, 0, 0} entry. */
extern const sckg_embedded_file sckg_embedded_corpus[];
extern const size_t sckg_embedded_corpus_count;
extern const sckg_embedded_file sckg_embedded_schema[];
extern const size_t sckg_embedded_schema_count;

/* The embedded file called `name`, or NULL. */
const sckg_embedded_file *sckg_embedded_find(const sckg_embedded_file *table,
                                             const char *name);

#endif
