/* SPDX-License-Identifier: MIT */
/* Writing the outputs: to standard output, or with `all` into files that
 * appear whole or not at all. */
#define _POSIX_C_SOURCE 200809L

#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

const output_file cli_all_outputs[] = {
    {"graph.rdf", OUT_RDF, NULL, NULL},
    {"graph.nt", OUT_NT, NULL, NULL},
    {"graph.ttl", OUT_TTL, NULL, NULL},
    {"statement.dot", OUT_DOT, "statement", NULL},
    {"statement.svg", OUT_RENDER, "statement", "svg"},
    {"graph.dot", OUT_DOT, "all", NULL},
    {"graph.svg", OUT_RENDER, "all", "svg"},
};
#define N_OUTPUTS (sizeof cli_all_outputs / sizeof cli_all_outputs[0])
const size_t cli_n_all_outputs = N_OUTPUTS;

sckg_status cli_write_one(const sckg_graph *g, out_kind kind,
                          const sckg_view_options *draw, const char *format,
                          FILE *f) {
  switch (kind) {
  case OUT_RDF:
    return sckg_write_rdfxml(g, f);
  case OUT_NT:
    return sckg_write_ntriples(g, f);
  case OUT_TTL:
    return sckg_write_turtle(g, f);
  case OUT_DOT:
    return sckg_write_view_dot(g, draw, f);
  case OUT_RENDER:
    return sckg_write_view_rendered(g, draw, format, f);
  }
  return SCKG_ERR_INTERNAL;
}

/* Set once standard output's failure has been reported, so that the check
 * at exit does not report it twice. */
bool cli_stdout_reported;

/* Whether errno value `e` is one that a failed write(2) sets. After a
 * writer fails, errno may instead hold a leftover of some unrelated call
 * (a library probing for a file sets ENOENT), which must not be shown as
 * the reason. */
static bool is_write_errno(int e) {
  return e == ENOSPC || e == EIO || e == EFBIG || e == EPIPE || e == EBADF ||
         e == EDQUOT || e == EROFS || e == ENXIO;
}

/* Report a failed write to standard output, with the system's reason when
 * it is known; `e` is errno as the writer left it. */
void cli_report_stdout_error(sckg_status st, int e) {
  if (is_write_errno(e))
    cli_errorf("error writing standard output: %s", strerror(e));
  else
    cli_errorf("error writing standard output: %s",
               sckg_strerror(st ? st : SCKG_ERR_WRITE));
  cli_stdout_reported = true;
}

/* ---- Streamed N-Triples -------------------------------------------------
 * With --stream each article's N-Triples come as one block of its own,
 * some 50 KB for a news article. Written one write(2) each, they cost the
 * kernel a third more than the same bytes in 128 KB calls or larger
 * (measured here: 1.1 GB into a file, 0.28-0.30 s of system time in
 * 55 KB calls, 0.20-0.24 s in 128 KB to 1 MB calls). So the blocks are
 * held, by taking the job's buffer and giving it an empty one back, not by
 * copying them, until together they make a large write: one writev(2). */

/* iov[0..k) to standard output, after what stdio holds; false with errno
 * set when a write failed. */
static bool write_all(struct iovec *at, int k) {
  if (k && fflush(stdout) != 0)
    return false;
  while (k) {
    ssize_t w = writev(STDOUT_FILENO, at, k);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    size_t done = (size_t)w;
    while (k && done >= at->iov_len) {
      done -= at->iov_len;
      at++;
      k--;
    }
    if (k) { /* a short write: the rest of this block next */
      at->iov_base = (char *)at->iov_base + done;
      at->iov_len -= done;
    }
  }
  return true;
}

/* Write the held blocks, then `extra` (n bytes, or none), in one writev. */
static bool stream_write(cli_stream *s, const char *extra, size_t n) {
  struct iovec iov[CLI_STREAM_BLOCKS + 1];
  int k = 0;
  for (size_t i = 0; i < s->n_held; i++)
    iov[k++] = (struct iovec){s->held[i].ptr, s->held[i].len};
  if (n)
    iov[k++] = (struct iovec){(void *)extra, n};
  bool ok = write_all(iov, k);
  for (size_t i = 0; i < s->n_held; i++) { /* emptied, to be given back */
    sckg_buf_clear(&s->held[i]);
    s->spare[s->n_spare++] = s->held[i];
  }
  s->n_held = 0;
  s->bytes = 0;
  return ok;
}

bool cli_stream_put(cli_stream *s, sckg_buf *nt) {
  if (!nt->len)
    return true;
  /* a block large enough to go alone, or whose buffer is too large to
   * keep, is written now, after what is held */
  if (nt->len >= CLI_STREAM_BATCH || nt->cap > 4 * CLI_STREAM_BATCH)
    return stream_write(s, nt->ptr, nt->len);
  s->bytes += nt->len;
  s->held[s->n_held++] = *nt;
  if (s->n_spare)
    *nt = s->spare[--s->n_spare];
  else
    *nt = (sckg_buf){0};
  if (s->bytes >= CLI_STREAM_BATCH || s->n_held == CLI_STREAM_BLOCKS)
    return stream_write(s, NULL, 0);
  return true;
}

bool cli_stream_flush(cli_stream *s) { return stream_write(s, NULL, 0); }

void cli_stream_free(cli_stream *s) {
  for (size_t i = 0; i < s->n_held; i++)
    sckg_buf_free(&s->held[i]);
  for (size_t i = 0; i < s->n_spare; i++)
    sckg_buf_free(&s->spare[i]);
  memset(s, 0, sizeof *s);
}

/* Temporary files of `all` that exist right now, so that a signal can
 * remove them. A slot is set before its file is created and cleared after
 * it is renamed or removed; unlink(2) is async-signal-safe. */
static char *volatile temp_paths[N_OUTPUTS];

static void remove_temps_on_signal(int sig) {
  for (size_t i = 0; i < N_OUTPUTS; i++)
    if (temp_paths[i])
      unlink(temp_paths[i]);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void catch_signals(bool on) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on ? remove_temps_on_signal : SIG_DFL;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    sigaction(sigs[i], &sa, NULL);
}

static char *join_path(const char *dir, const char *name, const char *tail) {
  size_t n = strlen(dir) + strlen(name) + strlen(tail) + 2;
  char *p = sckg_xmalloc(n);
  snprintf(p, n, "%s/%s%s", dir, name, tail);
  return p;
}

/* Make `dir` exist as a directory; *created tells whether this call made
 * it. Its parent must exist already. Returns 0 or an errno value. */
static int ensure_dir(const char *dir, bool *created) {
  struct stat st;
  *created = false;
  if (mkdir(dir, 0777) == 0) {
    *created = true;
    return 0;
  }
  if (errno != EEXIST)
    return errno;
  if (stat(dir, &st) != 0)
    return errno;
  return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

/* Write one output into a fresh temporary file beside its target. The
 * file gets the mode a plain fopen would give (0666 less the umask), not
 * mkstemp's 0600. Returns 0, or reports the failure and returns 1. */
static int write_temp(const sckg_graph *g, const output_file *o,
                      const char *target, char *tmp, mode_t mode) {
  int fd = mkstemp(tmp);
  if (fd < 0) {
    cli_errorf("%s: cannot create a temporary file: %s", target,
               strerror(errno));
    return 1;
  }
  FILE *f = NULL;
  if (fchmod(fd, mode) != 0 || !(f = fdopen(fd, "wb"))) {
    cli_errorf("%s: %s", target, strerror(errno));
    close(fd);
    return 1;
  }
  errno = 0;
  sckg_view_options draw = {.view = o->view};
  sckg_status st = cli_write_one(g, o->out, &draw, o->format, f);
  int e = 0;
  if (fflush(f) != 0 || ferror(f))
    e = is_write_errno(errno) ? errno : EIO;
  else if (fsync(fileno(f)) != 0)
    e = errno;
  if (fclose(f) != 0 && !e)
    e = errno;
  if (st != SCKG_OK || e) {
    cli_errorf("%s: %s", target, e ? strerror(e) : sckg_strerror(st));
    return 1;
  }
  return 0;
}

/* `all`: write every file of all_outputs into `dir`, all or nothing. Each
 * goes to a temporary file in `dir` (so rename(2) stays in one file
 * system), flushed, synced and closed with every step checked; only when
 * all six are complete are they renamed over the old files. On failure the
 * temporary files are removed and the previous outputs stay as they were;
 * a target that is a directory is refused before the first rename, so the
 * renames themselves can fail only on a file system error. */
int cli_write_all(const sckg_graph *g, const char *dir) {
  char *targets[N_OUTPUTS] = {0};
  char *temps[N_OUTPUTS] = {0};
  bool created = false;
  int rc = EXIT_FAIL;
  size_t renamed = 0;

  int e = ensure_dir(dir, &created);
  if (e) {
    cli_errorf("%s: %s", dir, strerror(e));
    return EXIT_FAIL;
  }
  mode_t mask = umask(0);
  umask(mask);
  catch_signals(true);

  for (size_t i = 0; i < N_OUTPUTS; i++) {
    targets[i] = join_path(dir, cli_all_outputs[i].name, "");
    temps[i] = join_path(dir, cli_all_outputs[i].name, ".tmpXXXXXX");
    temp_paths[i] = temps[i];
    if (write_temp(g, &cli_all_outputs[i], targets[i], temps[i],
                   0666 & ~mask) != 0)
      goto done;
  }
  for (size_t i = 0; i < N_OUTPUTS; i++) {
    struct stat st;
    if (lstat(targets[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      cli_errorf("%s: %s", targets[i], strerror(EISDIR));
      goto done;
    }
  }
  for (; renamed < N_OUTPUTS; renamed++) {
    if (rename(temps[renamed], targets[renamed]) != 0) {
      cli_errorf("%s: %s", targets[renamed], strerror(errno));
      goto done;
    }
    temp_paths[renamed] = NULL;
  }
  /* Make the renames durable. Some file systems cannot sync a directory
   * (EINVAL); the files themselves are synced already. */
  int dfd = open(dir, O_RDONLY);
  if (dfd >= 0) {
    if (fsync(dfd) != 0 && errno != EINVAL) {
      cli_errorf("%s: %s", dir, strerror(errno));
      close(dfd);
      goto done;
    }
    close(dfd);
  }
  rc = EXIT_OK;

done:
  for (size_t i = renamed; i < N_OUTPUTS; i++) {
    if (temps[i] && rc != EXIT_OK)
      unlink(temps[i]); /* fails harmlessly for one never created */
    temp_paths[i] = NULL;
  }
  catch_signals(false);
  if (rc != EXIT_OK && created)
    rmdir(dir); /* only if empty: never takes anything of the user's */
  for (size_t i = 0; i < N_OUTPUTS; i++) {
    free(targets[i]);
    free(temps[i]);
  }
  return rc;
}
