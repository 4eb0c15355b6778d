/* SPDX-License-Identifier: MIT */
/* Reading the input files (cli/inputs.c): a file a directory walk found,
 * opened by its name in that directory, and a descriptor read whole up to
 * a limit. */
#ifndef SCKG_CLI_FILES_H
#define SCKG_CLI_FILES_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes asked of read(2) at a time for JSON Lines and for streams. */
#define READ_CHUNK ((size_t)64 << 10)

/* The directory of the last file opened by cli_open_in, held open for the
 * files after it there: a full path is looked up again a directory at a
 * time for every file. */
typedef struct {
  char *dir; /* its path, a copy (NULL: none) */
  size_t len;
  int fd; /* -1: none open, or it could not be opened */
} open_dir;

#define OPEN_DIR_NONE ((open_dir){NULL, 0, -1})

/* Open `path` for reading. When `walked` (a file a directory walk found,
 * so `path` is its directory, a '/' and its name), the file is opened by
 * its name in that directory, held open in `d` for the next file of the
 * walk. Where the directory cannot be opened, the full path is, and fails
 * as it would have. A descriptor, or -1 with errno set. */
int cli_open_in(open_dir *d, const char *path, bool walked);

/* Close d's directory, if open. */
void cli_close_dir(open_dir *d);

/* What cli_read_fd returns for an input over the limit; errno values are
 * positive. */
enum { TOO_LARGE = -1 };

/* Read all of `fd` into a fresh block, after `off` bytes that the caller
 * fills, and NUL-terminate it: at most `max` bytes, one more and it stops
 * with TOO_LARGE, so that /dev/zero or a disk image cannot fill the
 * memory. `hint` is the expected size (0 when unknown): a regular file is
 * read with one read(2) into one allocation of its size, plus one read
 * that finds the end. Returns 0 with *block and *len set, or TOO_LARGE or
 * an errno value with *block NULL. */
int cli_read_fd(int fd, size_t max, size_t hint, size_t off, char **block,
                size_t *len);

#endif
