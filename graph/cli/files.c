/* SPDX-License-Identifier: MIT */
/* Reading the input files (see cli/files.h). */
#define _POSIX_C_SOURCE 200809L

#include "cli/files.h"

#include "base/support.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cli_open_in(open_dir *d, const char *path, bool walked) {
  const char *slash = walked ? strrchr(path, '/') : NULL;
  if (!slash || slash == path)
    return open(path, O_RDONLY | O_CLOEXEC);
  size_t len = (size_t)(slash - path);
  if (!d->dir || d->len != len || memcmp(d->dir, path, len) != 0) {
    cli_close_dir(d);
    d->dir = sckg_xstrndup(path, len);
    d->len = len;
    d->fd = open(d->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  }
  if (d->fd < 0)
    return open(path, O_RDONLY | O_CLOEXEC);
  return openat(d->fd, slash + 1, O_RDONLY | O_CLOEXEC);
}

void cli_close_dir(open_dir *d) {
  if (d->fd >= 0)
    close(d->fd); /* read-only: nothing to lose on close */
  free(d->dir);
  *d = OPEN_DIR_NONE;
}

int cli_read_fd(int fd, size_t max, size_t hint, size_t off, char **block,
                size_t *len) {
  size_t cap = hint && hint <= max ? hint + 2 : READ_CHUNK, n = 0;
  if (cap > max + 2)
    cap = max + 2;
  char *buf = sckg_xmalloc(off + cap);
  *block = NULL;
  for (;;) {
    if (cap - n < 2) {
      cap = cap > max / 2 ? max + 2 : cap * 2;
      buf = sckg_xrealloc(buf, off + cap);
    }
    size_t want = cap - n - 1;
    if (want > max + 1 - n)
      want = max + 1 - n;
    ssize_t got = read(fd, buf + off + n, want);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0) {
      int e = errno ? errno : EIO;
      free(buf);
      return e;
    }
    if (got == 0)
      break;
    n += (size_t)got;
    if (n > max) {
      free(buf);
      return TOO_LARGE;
    }
  }
  buf[off + n] = '\0';
  *block = buf;
  *len = n;
  return 0;
}
