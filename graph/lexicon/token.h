/* SPDX-License-Identifier: MIT */
/* Splitting text into word tokens the way the lexicon's phrases are split,
 * so that a phrase matches text token by token. */
#ifndef SCKG_TOKEN_H
#define SCKG_TOKEN_H

#include "base/support.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
  TK_WORD,  /* letters, digits, inner hyphens and dots: "U.S.", "Hwasong-18" */
  TK_NUM,   /* starts with a digit: "2023", "1,000", "110th" */
  TK_POSS,  /* a possessive ending: "'s", "’s", or "’" after a plural */
  TK_QUOTE, /* a double quotation mark, straight or curly */
  TK_PUNCT  /* any other single character */
} token_kind;

typedef struct {
  size_t b, e; /* byte span in the text */
  token_kind kind;
  bool cap;          /* starts with an uppercase ASCII letter */
  const char *norm;  /* interned normalised form, or NULL if not in the table */
  const char *lower; /* interned lowercase form, or NULL */
} token;

/* Scan the next token of s[*pos..n); returns false at the end. *form is
 * its normalised form (curly quotes and apostrophes made straight): the
 * token's own text where that changes nothing, most often, else a constant
 * or `norm`'s bytes, until the next call. Not NUL-terminated. */
bool sckg_token_next(const char *s, size_t n, size_t *pos, token *t,
                     sckg_buf *norm, sckg_str *form);

/* ASCII lowercase of a buffer, in place; says whether a byte changed. */
bool sckg_ascii_lower(char *s, size_t n);

#endif
