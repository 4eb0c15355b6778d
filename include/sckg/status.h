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

/** One diagnostic: what went wrong, where. Strings are owned by the caller of
 * the sink and valid only during the call. line/col are 0 when unknown. */
typedef struct {
  sckg_status status;
  const char *file;
  unsigned long line;
  unsigned long col;
  const char *message;
  bool note; /**< an explanation asked for (--explain), not a problem */
} sckg_diag;

/** Where the library reports diagnostics; the library itself never prints. */
typedef void (*sckg_diag_sink)(void *handle, const sckg_diag *diag);

#endif
