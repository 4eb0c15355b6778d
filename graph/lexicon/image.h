/* SPDX-License-Identifier: MIT */
/* The schema compiled into the binary: the loaded tables, written at build
 * time as one block of 8-byte words in which each pointer is its offset from
 * the block's start, with a bit per word saying which words are pointers.
 * The build writes it as C (lex_image_write_c) and the linker places it:
 * at start-up nothing is parsed or copied, whatever the lexicon holds, and
 * a page of it is read when the extraction first uses it. */
#ifndef SCKG_LEXICON_IMAGE_H
#define SCKG_LEXICON_IMAGE_H

#include "lexicon/lexicon.h"

#include <stdio.h>

typedef struct {
  uint64_t *words;
  size_t n_words;
  uint64_t *pointers; /* a bit per word, (n_words + 63) / 64 of them */
} lex_image;

/* The image of a loaded schema; its schema is the first word. Free with
 * lex_image_free. */
void lex_image_make(const sckg_schema *s, lex_image *out);
void lex_image_free(lex_image *im);
/* Write an image as the C source of the symbols below; false on a write
 * error. */
bool lex_image_write_c(const lex_image *im, FILE *out);
/* A copy of an image on the heap, relocated there: its schema (the tool's
 * check that an image survives relocation), one block to free() whole. */
const sckg_schema *lex_image_place(const uint64_t *src, size_t n_words,
                                   const uint64_t *pointers);
/* A number that changes with the layout of what an image holds: an image
 * made by another build of the structures is not used. */
uint32_t lex_image_layout(void);

/* The embedded image, generated at build time by schema/tools/
 * schema_image.c as C whose pointers the linker resolves (see
 * lex_image_write_c): its schema is its first word. sckg_schema_image_words
 * is 0 in the tool itself, which loads the tables from text. */
extern const void *const sckg_schema_image[];
extern const size_t sckg_schema_image_words;
extern const uint32_t sckg_schema_image_layout;

#endif
