/* SPDX-License-Identifier: MIT */
/* wn_io.h: what the WordNet host tools share: stopping with a message,
 * reading a dict file whole, and cutting its lines and fields in place.
 * Each tool defines `prog`, its name for messages, before including it. */
#ifndef SCKG_WN_IO_H
#define SCKG_WN_IO_H
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s: ", prog);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p)
    die("out of memory");
  return p;
}

/* The whole of dir/name, NUL-terminated. A missing file stops the build
 * with its path and the package that holds it, the usual cause. */
static char *read_file(const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "rb");
  if (!f)
    die("cannot read %s: %s (WordNet 3.0 is the Debian package "
        "wordnet-base: apt-get install wordnet-base)",
        path, strerror(errno));
  size_t cap = 1 << 20, n = 0;
  char *buf = xrealloc(NULL, cap);
  for (;;) {
    n += fread(buf + n, 1, cap - n - 1, f);
    if (n < cap - 1)
      break;
    buf = xrealloc(buf, cap *= 2);
  }
  if (ferror(f))
    die("cannot read %s: %s", path, strerror(errno));
  fclose(f);
  buf[n] = '\0';
  return buf;
}

/* The next line of the buffer at *s, NUL-terminated in place; NULL at the
 * end. */
static char *next_line(char **s) {
  if (!**s)
    return NULL;
  char *line = *s, *end = strchr(line, '\n');
  if (end) {
    *end = '\0';
    *s = end + 1;
  } else {
    *s = line + strlen(line);
  }
  return line;
}

/* The next field of a line, separated by spaces, NUL-terminated in place;
 * NULL at the end of the line. */
static char *next_field(char **s) {
  char *p = *s;
  while (*p == ' ' || *p == '\t' || *p == '\r')
    p++;
  if (!*p)
    return NULL;
  char *field = p;
  while (*p && *p != ' ' && *p != '\t' && *p != '\r')
    p++;
  if (*p)
    *p++ = '\0';
  *s = p;
  return field;
}

/* WordNet writes lemmas lowercase with '_' between words; sckg looks up
 * text, whose words are separated by spaces. Lowercase too, in case
 * another WordNet release is less careful. */
static void normalise(char *s) {
  for (; *s; s++) {
    if (*s == '_')
      *s = ' ';
    else if (*s >= 'A' && *s <= 'Z')
      *s = (char)(*s - 'A' + 'a');
  }
}

#endif
