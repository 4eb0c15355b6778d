/* SPDX-License-Identifier: MIT */
/* Messages on stderr, each line starting with "sckg: ", and the progress
 * line they erase first. */
#define _POSIX_C_SOURCE 200809L

#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

/* Write one message line to stderr as sckg_diag_format makes it: "sckg: "
 * first, control characters (a newline inside a library message, say)
 * turned into spaces, so that every line keeps its prefix. The progress
 * line, if one is on the screen, goes first. */
__attribute__((format(printf, 1, 0))) static void put_line(const char *fmt,
                                                           va_list ap) {
  char msg[1024];
  vsnprintf(msg, sizeof msg, fmt, ap);
  cli_progress_erase(&cli_progress_line);
  sckg_diag d = {SCKG_ERR_INPUT, NULL, 0, 0, msg, SCKG_SEV_ERROR};
  sckg_buf line = {0};
  sckg_diag_format(&d, &line);
  fputs(line.ptr, stderr);
  sckg_buf_free(&line);
}

/* One diagnostic line: "sckg: " + the formatted message. */
void cli_errorf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  put_line(fmt, ap);
  va_end(ap);
}

/* Misuse: one line naming the problem, one pointing at --help. The caller
 * exits with EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  put_line(fmt, ap);
  va_end(ap);
  return cli_point_at_help();
}

/* The line after a misuse is named; returns EXIT_USAGE. */
int cli_point_at_help(void) {
  fputs("sckg: Try 'sckg --help' for more information.\n", stderr);
  return EXIT_USAGE;
}

/* The library's diagnostics: "sckg: FILE:LINE:COL: message", the parts that
 * are unknown left out. A diagnostic with status SCKG_OK is a warning; the
 * others are counted so that a caller knows whether a failed call has been
 * explained already. */

void cli_print_diag(void *handle, const sckg_diag *d) {
  diag_state *ds = handle;
  sckg_buf line = {0};
  sckg_diag_format(d, &line);
  cli_progress_erase(&cli_progress_line);
  fputs(line.ptr, stderr);
  sckg_buf_free(&line);
  if (d->severity == SCKG_SEV_ERROR)
    ds->errors++;
}

/* ---- Progress ---- */

/* The one progress line of the run; print_diag and errorf erase it. */
progress cli_progress_line;

double cli_now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_erase(progress *pr) {
  if (pr->shown)
    fputs("\r\033[K", stderr);
  pr->shown = false;
}

void cli_progress_step(progress *pr, size_t bytes) {
  pr->articles++;
  pr->bytes += bytes;
  if (!pr->on)
    return;
  double t = cli_now_s();
  if (t - pr->start < 1.0 || t - pr->last < 0.25)
    return;
  pr->last = t;
  double mb = (double)pr->bytes / 1e6, rate = mb / (t - pr->start);
  fprintf(stderr, "\r\033[Ksckg: %zu articles, %.1f MB, %.1f MB/s",
          pr->articles, mb, rate);
  if (pr->total > pr->bytes && rate > 0) {
    long left = (long)((double)(pr->total - pr->bytes) / 1e6 / rate + 0.5);
    fprintf(stderr, ", %ld:%02ld left", left / 60, left % 60);
  }
  pr->shown = true;
}
