/* SPDX-License-Identifier: MIT */
/* schema_image: the schema tables compiled into sckg as an image that the
 * library relocates at start-up instead of parsing them
 * (graph/lexicon/image.h), run by the build:
 *
 *   schema_image OUT.c
 *
 * It loads the tables embedded in it with the library's own loader, so a
 * broken table stops the build with its file and line. Before writing, it
 * checks the image: placed at another address and imaged again, it must give
 * the same words. The output depends on the tables alone. */
#include "lexicon/image.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* This tool is what makes the image: it has none, and loads from text. */
const void *const sckg_schema_image[1];
const size_t sckg_schema_image_words = 0;
const uint32_t sckg_schema_image_layout = 0;

static void print_diag(void *handle, const sckg_diag *d) {
  (void)handle;
  fprintf(stderr, "schema/%s:%lu: %s\n", d->file ? d->file : "?", d->line,
          d->message);
}

static bool same_image(const lex_image *a, const lex_image *b) {
  size_t bits = (a->n_words + 63) / 64;
  return a->n_words == b->n_words &&
         !memcmp(a->words, b->words, a->n_words * sizeof *a->words) &&
         !memcmp(a->pointers, b->pointers, bits * sizeof *a->pointers);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: schema_image OUT.c\n");
    return 2;
  }
  const sckg_schema *s;
  if (sckg_schema_embedded(&s) != SCKG_OK) {
    sckg_schema_embedded_report(print_diag, NULL);
    fprintf(stderr, "schema_image: the schema does not load\n");
    return 1;
  }
  lex_image im, again;
  lex_image_make(s, &im);
  /* the round trip: a copy placed elsewhere images to the same words */
  const sckg_schema *placed =
      lex_image_place(im.words, im.n_words, im.pointers);
  lex_image_make(placed, &again);
  free((void *)placed);
  if (!same_image(&im, &again)) {
    fprintf(stderr, "schema_image: the image does not survive relocation: "
                    "a field graph/lexicon/image.c does not copy?\n");
    return 1;
  }
  char tmp[4096];
  if (snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]) >= (int)sizeof tmp) {
    fprintf(stderr, "schema_image: output path too long\n");
    return 1;
  }
  FILE *out = fopen(tmp, "w");
  bool ok = out && lex_image_write_c(&im, out);
  if (out && fclose(out) != 0)
    ok = false;
  if (!ok || rename(tmp, argv[1]) != 0) {
    perror(argv[1]);
    remove(tmp);
    return 1;
  }
  lex_image_free(&again);
  lex_image_free(&im);
  return 0;
}
