/* SPDX-License-Identifier: MIT */
/* raptor2, loaded the first time a snapshot is read. Only `sckg diff` and
 * `sckg union` parse RDF, and raptor2 brings some forty shared libraries
 * (curl, GnuTLS, Kerberos...): linked into every run, loading them took most
 * of the start-up of a one-article `sckg nt`. */
#ifndef SCKG_DIFF_RAPTOR_LIB_H
#define SCKG_DIFF_RAPTOR_LIB_H

#include <raptor2.h>

/* The raptor2 functions sckg calls, as raptor2.h declares them. */
typedef struct {
  raptor_world *(*new_world_internal)(unsigned int version_decimal);
  int (*world_open)(raptor_world *world);
  void (*free_world)(raptor_world *world);
  int (*world_set_log_handler)(raptor_world *world, void *user_data,
                               raptor_log_handler handler);
  unsigned char *(*uri_filename_to_uri_string)(const char *filename);
  raptor_uri *(*new_uri)(raptor_world *world, const unsigned char *uri);
  unsigned char *(*uri_as_string)(raptor_uri *uri);
  void (*free_uri)(raptor_uri *uri);
  void (*free_memory)(void *ptr);
  raptor_parser *(*new_parser)(raptor_world *world, const char *name);
  void (*parser_set_statement_handler)(raptor_parser *parser, void *user_data,
                                       raptor_statement_handler handler);
  int (*parser_parse_start)(raptor_parser *parser, raptor_uri *uri);
  int (*parser_parse_chunk)(raptor_parser *parser, const unsigned char *buffer,
                            size_t len, int is_end);
  void (*free_parser)(raptor_parser *parser);
} sckg_raptor_api;

/* raptor2's functions, loaded once from any thread; NULL when the library
 * or one of its functions cannot be loaded, with *why the loader's reason. */
const sckg_raptor_api *sckg_raptor(const char **why);

#endif
