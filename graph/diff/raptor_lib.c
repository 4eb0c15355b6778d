/* SPDX-License-Identifier: MIT */
/* Loading raptor2 (raptor_lib.h) with dlopen, by the soname the build
 * found (SCKG_RAPTOR2_SONAME, from CMakeLists.txt). */
#include "diff/raptor_lib.h"

#include <dlfcn.h>
#include <stddef.h>
#include <threads.h>

#ifndef SCKG_RAPTOR2_SONAME
#define SCKG_RAPTOR2_SONAME "libraptor2.so.0"
#endif

static const struct {
  const char *name;
  size_t offset;
} functions[] = {
    {"raptor_new_world_internal",
     offsetof(sckg_raptor_api, new_world_internal)},
    {"raptor_world_open", offsetof(sckg_raptor_api, world_open)},
    {"raptor_free_world", offsetof(sckg_raptor_api, free_world)},
    {"raptor_world_set_log_handler",
     offsetof(sckg_raptor_api, world_set_log_handler)},
    {"raptor_uri_filename_to_uri_string",
     offsetof(sckg_raptor_api, uri_filename_to_uri_string)},
    {"raptor_new_uri", offsetof(sckg_raptor_api, new_uri)},
    {"raptor_uri_as_string", offsetof(sckg_raptor_api, uri_as_string)},
    {"raptor_free_uri", offsetof(sckg_raptor_api, free_uri)},
    {"raptor_free_memory", offsetof(sckg_raptor_api, free_memory)},
    {"raptor_new_parser", offsetof(sckg_raptor_api, new_parser)},
    {"raptor_parser_set_statement_handler",
     offsetof(sckg_raptor_api, parser_set_statement_handler)},
    {"raptor_parser_parse_start",
     offsetof(sckg_raptor_api, parser_parse_start)},
    {"raptor_parser_parse_chunk",
     offsetof(sckg_raptor_api, parser_parse_chunk)},
    {"raptor_free_parser", offsetof(sckg_raptor_api, free_parser)},
};

static sckg_raptor_api api;
static const sckg_raptor_api *loaded;
static const char *failure = "raptor2 was not loaded";
static once_flag once = ONCE_FLAG_INIT;

static void load(void) {
  void *lib = dlopen(SCKG_RAPTOR2_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    failure = dlerror();
    return;
  }
  for (size_t i = 0; i < sizeof functions / sizeof *functions; i++) {
    void *fn = dlsym(lib, functions[i].name);
    if (!fn) {
      failure = dlerror();
      return;
    }
    /* POSIX's way to a function pointer from dlsym's void * */
    *(void **)((char *)&api + functions[i].offset) = fn;
  }
  loaded = &api;
}

const sckg_raptor_api *sckg_raptor(const char **why) {
  call_once(&once, load);
  if (!loaded && why)
    *why = failure ? failure : "raptor2 could not be loaded";
  return loaded;
}
