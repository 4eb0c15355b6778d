/* SPDX-License-Identifier: MIT */
/* What the files that load the schema share: the loader, a table row's
 * fields, and the functions one file lends another. Private to lexicon/. */
#ifndef SCKG_LEXICON_LOAD_H
#define SCKG_LEXICON_LOAD_H

#include "lexicon/lexicon.h"

/* A load under way: the schema it fills, the table and line it reads, where
 * faults go, and what it gathers before the indexes are built. */
typedef struct {
  sckg_schema *s;
  const char *file;
  unsigned long line;
  sckg_diag_sink sink;
  void *handle;
  sckg_status st;
  sckg_vec phrases;                           /* phrase * */
  sckg_vec actors;                            /* lex_actor * */
  sckg_vec pub_marks, pub_names, noise_items; /* const char * */
  sckg_vec class_names, class_members;        /* const char *, in step */
  unsigned long failed_line; /* the line of the last fault reported */
} loader;

/* A field of a TSV line: a slice; "-" is the empty field. */
typedef struct {
  const char *p;
  size_t n;
} field;

/* Call fn for each non-comment, non-blank line of a table. */
typedef void (*line_fn)(loader *L, field *f, size_t nf);

/* At most this many items in a |-separated list field. */
enum { MAX_ITEMS = 1024 };

/* rows.c */
sckg_status lex_fail(loader *L, const char *msg, const char *detail);
bool lex_field_is(field f, const char *name);
bool lex_field_empty(field f);
const char *lex_field_str(loader *L, field f);
void lex_each_line(loader *L, const char *data, size_t len, size_t min_fields,
                   line_fn fn);
int lex_strncasecmp_ascii(const char *a, const char *b, size_t n);
const char *lex_intern_lower(sckg_strtab *t, const char *s, size_t n);
phrase *lex_new_phrase(loader *L, const char *text, size_t len,
                       phrase_kind kind);
size_t lex_list_items(field f, field *out, size_t max);
void lex_actor_line(loader *L, field *f, size_t nf);
void lex_head_line(loader *L, field *f, size_t nf);
void lex_anaphor_line(loader *L, field *f, size_t nf);
void lex_title_line(loader *L, field *f, size_t nf);
void lex_word_line(loader *L, field *f, size_t nf);
void lex_name_line(loader *L, field *f, size_t nf);
void lex_publisher_line(loader *L, field *f, size_t nf);
void lex_noise_line(loader *L, field *f, size_t nf);

/* events.c */
void lex_type_line(loader *L, field *f, size_t nf);
void lex_class_line(loader *L, field *f, size_t nf);
void lex_event_line(loader *L, field *f, size_t nf);

/* lexicon.c */
void lex_word_put(sckg_schema *s, const char *key, sckg_wclass bits);
void lex_word_set_value(sckg_schema *s, const char *key, int v);

#endif
