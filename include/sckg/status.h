/* SPDX-License-Identifier: MIT */
/* sckg: status codes and diagnostics shared by every module. */
#ifndef SCKG_STATUS_H
#define SCKG_STATUS_H

#include <stdbool.h>
#include <stddef.h>

/** Result of every fallible sckg call; SCKG_OK is zero. */
typedef enum {
  SCKG_OK = 0,
  SCKG_ERR_IO,      /**< a file could not be opened or read */
  SCKG_ERR_INPUT,   /**< an input was read but is not acceptable */
  SCKG_ERR_ARG,     /**< a caller passed an invalid argument */
  SCKG_ERR_WRITE,   /**< an output could not be written */
  SCKG_ERR_INTERNAL /**< a library call failed unexpectedly */
} sckg_status;

/** A static English phrase for a status; never NULL. */
const char *sckg_strerror(sckg_status st);

/** How much a diagnostic matters. */
typedef enum {
  SCKG_SEV_ERROR,   /**< a call fails or an input is left out: `status` says
                         which way */
  SCKG_SEV_WARNING, /**< an input is read, but not all of it as written */
  SCKG_SEV_NOTE,    /**< an explanation asked for (sckg_options.explain) */
  SCKG_SEV_TRACE    /**< one line of the extraction's reading of a sentence,
                         asked for with sckg_options.trace: for debugging,
                         its form may change */
} sckg_severity;

/** One diagnostic: what, where, how much it matters. Strings are owned by
 * the caller of the sink and valid only during the call. line/col are 0
 * when unknown. */
typedef struct {
  sckg_status status; /**< SCKG_OK for all but errors */
  const char *file;
  unsigned long line;
  unsigned long col;
  const char *message;
  sckg_severity severity;
} sckg_diag;

/** Where the library reports diagnostics: every object that reports one
 * takes a sink and its handle, and the library itself never prints. */
typedef void (*sckg_diag_sink)(void *handle, const sckg_diag *diag);

/** Called, when set, before the library aborts on a failed allocation, from
 * the thread that failed; it must not allocate (a program writes a fixed
 * message to stderr). Process-wide; NULL unsets it. */
void sckg_set_out_of_memory_handler(void (*fn)(void));

#endif
