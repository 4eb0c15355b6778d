/* SPDX-License-Identifier: MIT */
/* Status codes as phrases. */
#include "sckg/status.h"

const char *sckg_strerror(sckg_status st) {
  switch (st) {
  case SCKG_OK:
    return "success";
  case SCKG_ERR_IO:
    return "cannot read input";
  case SCKG_ERR_INPUT:
    return "invalid input";
  case SCKG_ERR_ARG:
    return "invalid argument";
  case SCKG_ERR_WRITE:
    return "cannot write output";
  case SCKG_ERR_INTERNAL:
    return "internal error";
  }
  return "unknown status";
}
