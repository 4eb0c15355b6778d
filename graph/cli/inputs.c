/* SPDX-License-Identifier: MIT */
/* Inputs: command-line names to a stream of articles (see cli/inputs.h). */
#define _POSIX_C_SOURCE 200809L

#include "cli/inputs.h"
#include "cli/files.h"

#include "base/kinds.h"
#include "base/support.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* The article name of standard input, and how messages about reading it
 * name it (as main.c always has). */
#define STDIN_NAME "stdin"
#define STDIN_SHOWN "standard input"

/* ---- The expanded list --------------------------------------------------- */

typedef enum {
  E_READ,       /* a file to read: regular, FIFO, device, or not stat'able */
  E_STDIN,      /* "-" */
  E_FAIL,       /* a walk found something it cannot use: report `err` */
  E_LOOP,       /* a link back to a directory on the current path */
  E_SAME_DIR,   /* a directory walked already */
  E_NO_ARTICLE, /* a named directory with no file to read under it */
} entry_kind;

typedef struct {
  const char *path;  /* in the arena */
  const char *first; /* the earlier naming: duplicates, E_LOOP, E_SAME_DIR */
  entry_kind kind;
  int err;      /* E_FAIL: an errno value */
  bool regular; /* stat'ed as a regular file: size is set (and its
                   identity was in sckg_inputs.ids while walking) */
  bool dup;     /* read already under the name `first` */
  bool walked;  /* found by a directory walk (cli_open_in) */
  uint64_t size;
} entry;

/* The directories walked so far, by device and inode, each with the path
 * it was first walked under: open addressing, at most half full. */
typedef struct {
  dev_t dev;
  ino_t ino;
  const char *path; /* NULL: an empty slot */
} dir_slot;

/* The directories from the named one down to the one being walked: a
 * chain through the walk's stack frames. */
typedef struct dir_chain {
  dev_t dev;
  ino_t ino;
  const char *path;
  const struct dir_chain *up;
} dir_chain;

/* Result of read_line. */
typedef enum { LINE_OK, LINE_LONG, LINE_EOF, LINE_ERR } line_result;

/* A regular file by identity, and where it is in the list. */
typedef struct {
  dev_t dev;
  ino_t ino;
  size_t index;
} file_id;

struct sckg_inputs {
  sckg_inputs_options opts;
  sckg_arena *arena; /* paths */
  entry *entries;
  size_t n, cap, next; /* next: the entry sckg_inputs_next opens next */
  file_id *ids;        /* while walking: the regular files' identities */
  size_t n_ids, ids_cap;
  dir_slot *dirs;
  size_t dirs_cap, dirs_count;

  /* The JSON Lines file being read, when `cur` is not NULL. */
  const entry *cur;
  int fd;
  const char *file;  /* path, or "stdin": record names and messages */
  const char *shown; /* path, or "standard input": read errors */
  const char *base;  /* the base for generated identifiers */
  size_t base_len;
  unsigned long line_no;
  uint64_t cur_added; /* bytes of `cur` added to progress.bytes_done */
  char *rbuf;         /* read buffer of READ_CHUNK bytes */
  size_t rpos, rend;
  bool eof;
  char *line; /* the current line, at most max_bytes + 1 bytes */
  size_t line_len, line_cap;

  char *article; /* the block of the last article returned, or NULL */
  sckg_inputs_progress progress;
  open_dir dir; /* of the last walked file opened */
};

/* Report one diagnostic, formatted, and count it: SCKG_OK is a warning. */
static void report(sckg_inputs *it, sckg_status st, const char *file,
                   unsigned long line, unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void report(sckg_inputs *it, sckg_status st, const char *file,
                   unsigned long line, unsigned long col, const char *fmt,
                   ...) {
  if (st == SCKG_OK)
    it->progress.warnings++;
  else
    it->progress.errors++;
  if (!it->opts.sink)
    return;
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *msg = sckg_xmalloc(n > 0 ? (size_t)n + 1 : 1);
  msg[0] = '\0';
  if (n > 0)
    vsnprintf(msg, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  sckg_severity sev = st ? SCKG_SEV_ERROR : SCKG_SEV_WARNING;
  sckg_diag d = {st, file, line, col, msg, sev};
  it->opts.sink(it->opts.sink_handle, &d);
  free(msg);
}

static entry *add_entry(sckg_inputs *it, entry_kind kind, const char *path) {
  if (it->n == it->cap) {
    it->cap = it->cap ? it->cap * 2 : 64;
    it->entries = sckg_xrealloc(it->entries, it->cap * sizeof *it->entries);
  }
  entry *e = &it->entries[it->n++];
  memset(e, 0, sizeof *e);
  e->kind = kind;
  e->path = path;
  return e;
}

static entry *add_file(sckg_inputs *it, const char *path,
                       const struct stat *st) {
  entry *e = add_entry(it, E_READ, path);
  if (st && S_ISREG(st->st_mode)) {
    e->regular = true;
    if (it->n_ids == it->ids_cap) {
      it->ids_cap = it->ids_cap ? it->ids_cap * 2 : 64;
      it->ids = sckg_xrealloc(it->ids, it->ids_cap * sizeof *it->ids);
    }
    it->ids[it->n_ids++] = (file_id){st->st_dev, st->st_ino, it->n - 1};
    e->size = st->st_size > 0 ? (uint64_t)st->st_size : 0;
  }
  return e;
}

static uint64_t hash_id(dev_t dev, ino_t ino) {
  uint64_t h = (uint64_t)dev * 0x9E3779B97F4A7C15u ^ (uint64_t)ino;
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9u;
  return h ^ (h >> 29);
}

/* The path a directory was walked under, or NULL after recording it under
 * `path`: one probe sequence per directory, so the walk stays linear. */
static const char *dirs_seen(sckg_inputs *it, dev_t dev, ino_t ino,
                             const char *path) {
  if (2 * (it->dirs_count + 1) > it->dirs_cap) {
    size_t cap = it->dirs_cap ? it->dirs_cap * 2 : 64;
    dir_slot *fresh = sckg_xcalloc(cap, sizeof *fresh);
    for (size_t i = 0; i < it->dirs_cap; i++) {
      const dir_slot *s = &it->dirs[i];
      if (!s->path)
        continue;
      size_t k = hash_id(s->dev, s->ino) & (cap - 1);
      while (fresh[k].path)
        k = (k + 1) & (cap - 1);
      fresh[k] = *s;
    }
    free(it->dirs);
    it->dirs = fresh;
    it->dirs_cap = cap;
  }
  size_t k = hash_id(dev, ino) & (it->dirs_cap - 1);
  for (; it->dirs[k].path; k = (k + 1) & (it->dirs_cap - 1))
    if (it->dirs[k].dev == dev && it->dirs[k].ino == ino)
      return it->dirs[k].path;
  it->dirs[k] = (dir_slot){dev, ino, path};
  it->dirs_count++;
  return NULL;
}

static bool ends_with(const char *s, size_t n, const char *tail) {
  size_t t = strlen(tail);
  return n >= t && memcmp(s + n - t, tail, t) == 0;
}

/* Whether a walk takes a file of this name (if it is a regular file). */
static bool wanted_name(const char *name) {
  size_t n = strlen(name);
  return ends_with(name, n, ".txt") || ends_with(name, n, ".jsonl");
}

static char *join_path(sckg_inputs *it, const char *dir, const char *name) {
  size_t d = strlen(dir), n = strlen(name);
  bool slash = d && dir[d - 1] != '/';
  char *p = sckg_arena_alloc(it->arena, d + slash + n + 1);
  memcpy(p, dir, d);
  if (slash)
    p[d] = '/';
  memcpy(p + d + slash, name, n + 1);
  return p;
}

/* One entry of a directory, as the walk keeps it until sorted. */
typedef struct {
  char *name; /* heap */
  int err;    /* fstatat failed with it */
  struct stat st;
} found;

static int cmp_found(const void *pa, const void *pb) {
  return strcmp(((const found *)pa)->name, ((const found *)pb)->name);
}

static void walk(sckg_inputs *it, const char *dir, const dir_chain *chain);

/* Walk the directory `path` (stat'ed as `st`) unless that would go round
 * a loop or walk it a second time; those get a warning entry instead. */
static void enter_dir(sckg_inputs *it, const char *path, const struct stat *st,
                      const dir_chain *chain) {
  for (const dir_chain *c = chain; c; c = c->up)
    if (c->dev == st->st_dev && c->ino == st->st_ino) {
      add_entry(it, E_LOOP, path)->first = c->path;
      return;
    }
  const char *first = dirs_seen(it, st->st_dev, st->st_ino, path);
  if (first) {
    add_entry(it, E_SAME_DIR, path)->first = first;
    return;
  }
  dir_chain here = {st->st_dev, st->st_ino, path, chain};
  walk(it, path, &here);
}

/* Append the files under `dir` to the list, in byte order of names, each
 * subdirectory in its place. The names of a directory are gathered and it
 * is closed before going down, so one directory is open at a time however
 * deep the tree. What cannot be opened or stat'ed becomes an E_FAIL entry,
 * reported when the iteration reaches it; an entry that fails to stat is
 * kept only if a file of its name would be taken (a dangling link
 * "x.txt"), since whether it is a directory cannot be known. */
static void walk(sckg_inputs *it, const char *dir, const dir_chain *chain) {
  DIR *d = opendir(dir);
  if (!d) {
    add_entry(it, E_FAIL, dir)->err = errno;
    return;
  }
  found *list = NULL;
  size_t n = 0, cap = 0;
  for (;;) {
    errno = 0;
    const struct dirent *de = readdir(d);
    if (!de) {
      if (errno)
        add_entry(it, E_FAIL, dir)->err = errno;
      break;
    }
    if (de->d_name[0] == '.')
      continue;
    found f;
    memset(&f, 0, sizeof f);
    bool wanted = wanted_name(de->d_name);
    if (fstatat(dirfd(d), de->d_name, &f.st, 0) != 0) {
      f.err = errno;
      if (!wanted)
        continue;
    } else if (!S_ISDIR(f.st.st_mode) && !(wanted && S_ISREG(f.st.st_mode))) {
      continue;
    }
    if (n == cap) {
      cap = cap ? cap * 2 : 32;
      list = sckg_xrealloc(list, cap * sizeof *list);
    }
    f.name = sckg_xstrndup(de->d_name, strlen(de->d_name));
    list[n++] = f;
  }
  closedir(d);
  if (n)
    qsort(list, n, sizeof *list, cmp_found);
  for (size_t i = 0; i < n; i++) {
    char *path = join_path(it, dir, list[i].name);
    if (list[i].err)
      add_entry(it, E_FAIL, path)->err = list[i].err;
    else if (S_ISDIR(list[i].st.st_mode))
      enter_dir(it, path, &list[i].st, chain);
    else
      add_file(it, path, &list[i].st)->walked = true;
    free(list[i].name);
  }
  free(list);
}

static int cmp_file_id(const void *pa, const void *pb) {
  const file_id *a = pa, *b = pb;
  if (a->dev != b->dev)
    return a->dev < b->dev ? -1 : 1;
  if (a->ino != b->ino)
    return a->ino < b->ino ? -1 : 1;
  return (a->index > b->index) - (a->index < b->index);
}

/* Mark every naming of a regular file after its first as a duplicate of
 * the first: sort the identities with the list index as the last key, so
 * that each run of equal identities starts with the first naming. Sorting
 * keeps this n log n for hundreds of thousands of files. Later "-" are
 * duplicates of the first one. */
static void mark_duplicates(sckg_inputs *it) {
  file_id *ids = it->ids;
  size_t m = it->n_ids;
  const entry *first_stdin = NULL;
  for (size_t i = 0; i < it->n; i++) {
    entry *e = &it->entries[i];
    if (e->kind == E_STDIN) {
      if (first_stdin) {
        e->dup = true;
        e->first = first_stdin->path;
      } else {
        first_stdin = e;
      }
    }
  }
  if (m)
    qsort(ids, m, sizeof *ids, cmp_file_id);
  for (size_t k = 1, run = 0; k < m; k++) {
    if (ids[k].dev != ids[run].dev || ids[k].ino != ids[run].ino) {
      run = k;
      continue;
    }
    entry *e = &it->entries[ids[k].index];
    e->dup = true;
    e->first = it->entries[ids[run].index].path;
  }
  /* what the walk needed goes: the list stays for the whole run, one
   * entry per file (a million files: about 40 MB with their paths) */
  free(ids);
  it->ids = NULL;
  it->n_ids = it->ids_cap = 0;
  free(it->dirs);
  it->dirs = NULL;
  it->dirs_cap = it->dirs_count = 0;
  if (it->n) {
    it->entries = sckg_xrealloc(it->entries, it->n * sizeof *it->entries);
    it->cap = it->n;
  }
}

sckg_inputs *sckg_inputs_new(const char *const *names, size_t n,
                             const sckg_inputs_options *opts) {
  sckg_inputs *it = sckg_xcalloc(1, sizeof *it);
  if (opts)
    it->opts = *opts;
  if (!it->opts.max_bytes)
    it->opts.max_bytes = SCKG_INPUTS_DEFAULT_MAX_BYTES;
  it->arena = sckg_arena_new();
  it->fd = -1;
  it->dir = OPEN_DIR_NONE;
  for (size_t i = 0; i < n; i++) {
    const char *path =
        sckg_arena_strndup(it->arena, names[i], strlen(names[i]));
    struct stat st;
    if (strcmp(path, "-") == 0)
      add_entry(it, E_STDIN, path);
    else if (stat(path, &st) != 0)
      add_file(it, path, NULL); /* the open will say why */
    else if (S_ISDIR(st.st_mode)) {
      size_t before = it->n;
      enter_dir(it, path, &st, NULL);
      if (it->n == before) /* most likely the wrong folder: say so */
        add_entry(it, E_NO_ARTICLE, path);
    } else
      add_file(it, path, &st);
  }
  mark_duplicates(it);
  for (size_t i = 0; i < it->n; i++) {
    const entry *e = &it->entries[i];
    if ((e->kind == E_READ || e->kind == E_STDIN) && !e->dup) {
      it->progress.files++;
      it->progress.bytes += e->size;
    }
  }
  return it;
}

/* ---- Reading ------------------------------------------------------------- */

/* Count `n` more bytes of the current regular file as passed, never more
 * than its size as the walk found it, so that bytes_done ends equal to
 * bytes even when a file changes size meanwhile. */
static void advance(sckg_inputs *it, const entry *e, uint64_t *added,
                    uint64_t n) {
  if (!e->regular || *added >= e->size)
    return;
  if (n > e->size - *added)
    n = e->size - *added;
  *added += n;
  it->progress.bytes_done += n;
}

static void finish_file(sckg_inputs *it, const entry *e, uint64_t *added) {
  advance(it, e, added, UINT64_MAX);
  it->progress.files_done++;
}

/* Read the plain input `e`, open as `fd` and fstat'ed as `st`, into the
 * article block [name NUL][text NUL]. False when reported instead. */
static bool read_plain(sckg_inputs *it, const entry *e, int fd,
                       const struct stat *st, sckg_input *out) {
  bool is_stdin = e->kind == E_STDIN;
  const char *name = is_stdin ? STDIN_NAME : e->path;
  const char *shown = is_stdin ? STDIN_SHOWN : e->path;
  size_t max = it->opts.max_bytes, name_len = strlen(name) + 1, len = 0;
  bool regular = S_ISREG(st->st_mode);
  int err;
  char *block = NULL;
  if (regular && !is_stdin && (uintmax_t)st->st_size > max)
    err = TOO_LARGE; /* refused before it is read */
  else
    err = cli_read_fd(fd, max, regular ? (size_t)st->st_size : 0, name_len,
                      &block, &len);
  if (err == TOO_LARGE)
    report(it, SCKG_ERR_INPUT, shown, 0, 0,
           "larger than %zu bytes: not read (see --max-article-bytes)", max);
  else if (err)
    report(it, SCKG_ERR_IO, shown, 0, 0, "%s", strerror(err));
  if (err || !block) /* read_fd sets block whenever it returns 0 */
    return false;
  memcpy(block, name, name_len);
  it->article = block;
  out->name = block;
  out->text = block + name_len;
  out->len = len;
  return true;
}

/* Start reading the JSON Lines input `e`, open as `fd`. */
static void start_jsonl(sckg_inputs *it, const entry *e, int fd) {
  it->cur = e;
  it->fd = fd;
  it->cur_added = 0;
  it->line_no = 0;
  it->rpos = it->rend = 0;
  it->eof = false;
  if (e->kind == E_STDIN) {
    it->file = STDIN_NAME;
    it->shown = STDIN_SHOWN;
  } else {
    it->file = it->shown = e->path;
  }
  const char *slash = strrchr(it->file, '/');
  it->base = slash ? slash + 1 : it->file;
  it->base_len = strlen(it->base);
  if (ends_with(it->base, it->base_len, ".jsonl"))
    it->base_len -= 6;
  else if (ends_with(it->base, it->base_len, ".txt"))
    it->base_len -= 4;
  if (!it->rbuf)
    it->rbuf = sckg_xmalloc(READ_CHUNK);
}

static void end_jsonl(sckg_inputs *it) {
  if (it->cur->kind != E_STDIN)
    close(it->fd); /* read-only: nothing to lose on close */
  finish_file(it, it->cur, &it->cur_added);
  it->cur = NULL;
  it->fd = -1;
}

/* Append n bytes to the current line; the caller keeps it within the
 * limit, so the line buffer never passes max_bytes + 2. */
static void line_add(sckg_inputs *it, const char *s, size_t n) {
  if (it->line_len + n + 1 > it->line_cap) {
    size_t cap = it->line_cap ? it->line_cap : 256;
    while (cap < it->line_len + n + 1)
      cap *= 2;
    if (cap > it->opts.max_bytes + 2)
      cap = it->opts.max_bytes + 2;
    it->line = sckg_xrealloc(it->line, cap);
    it->line_cap = cap;
  }
  memcpy(it->line + it->line_len, s, n);
  it->line_len += n;
  it->line[it->line_len] = '\0';
}

/* The line read so far is whole: drop a "\r" before its end, which is not
 * part of it, then hold it to the limit. */
static line_result end_line(sckg_inputs *it, bool too_long) {
  if (!too_long && it->line_len && it->line[it->line_len - 1] == '\r')
    it->line[--it->line_len] = '\0';
  return too_long || it->line_len > it->opts.max_bytes ? LINE_LONG : LINE_OK;
}

/* Read the next line of the current JSON Lines input into it->line,
 * without its line end ("\n" or "\r\n"; the last line may have none). A
 * line longer than max_bytes is read past to its end without being kept
 * (LINE_LONG), so the memory stays bounded by the limit plus one read
 * buffer. LINE_ERR leaves the errno value in *err. */
static line_result read_line(sckg_inputs *it, int *err) {
  size_t max = it->opts.max_bytes;
  bool any = false, too_long = false;
  it->line_len = 0;
  for (;;) {
    if (it->rpos == it->rend) {
      if (it->eof)
        return any ? end_line(it, too_long) : LINE_EOF;
      ssize_t got = read(it->fd, it->rbuf, READ_CHUNK);
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0) {
        *err = errno ? errno : EIO;
        return LINE_ERR;
      }
      it->rpos = 0;
      it->rend = (size_t)got;
      if (got == 0)
        it->eof = true;
      continue;
    }
    any = true;
    const char *p = it->rbuf + it->rpos;
    size_t avail = it->rend - it->rpos;
    const char *nl = memchr(p, '\n', avail);
    size_t chunk = nl ? (size_t)(nl - p) : avail;
    /* max + 1: room for a "\r" that end_line drops */
    if (!too_long && it->line_len + chunk > max + 1)
      too_long = true;
    if (!too_long)
      line_add(it, p, chunk);
    it->rpos += chunk + (nl != NULL);
    advance(it, it->cur, &it->cur_added, chunk + (nl != NULL));
    if (nl)
      return end_line(it, too_long);
  }
}

static bool is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
      return false;
  return true;
}

static const char *json_kind(const json_t *v) {
  switch (json_typeof(v)) {
  case JSON_OBJECT:
    return "an object";
  case JSON_ARRAY:
    return "an array";
  case JSON_STRING:
    return "a string";
  case JSON_INTEGER:
  case JSON_REAL:
    return "a number";
  case JSON_TRUE:
  case JSON_FALSE:
    return "a boolean";
  case JSON_NULL:
    return "null";
  }
  return "a value";
}

/* The most bytes of a bad "date" that its message quotes. */
#define DATE_SHOWN 40

/* The metadata fields of a record, in the order of the block. */
enum { F_ID, F_DATE, F_PUBLISHER, F_TITLE, N_FIELDS };
static const char *const field_names[N_FIELDS] = {"id", "date", "publisher",
                                                  "title"};

/* Turn the current line into an article: parse it, check it, and copy
 * what the article needs into one block [name][text][id][date][publisher]
 * [title], each NUL-terminated, so that the JSON tree is freed at once.
 * False when the record is reported instead. */
static bool make_record(sckg_inputs *it, sckg_input *out) {
  const char *file = it->file;
  unsigned long line = it->line_no;
  json_error_t jerr;
  json_t *root = json_loadb(it->line, it->line_len,
                            JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
  if (!root) {
    unsigned long col = jerr.column > 0 ? (unsigned long)jerr.column : 0;
    if (json_error_code(&jerr) == json_error_null_character) {
      report(it, SCKG_ERR_INPUT, file, line, col,
             "\\u0000 (a NUL character) in a string: not allowed");
    } else {
      /* jansson saw one line as its whole input: its end is the line's */
      char why[sizeof jerr.text + 16];
      const char *eof = strstr(jerr.text, "end of file");
      if (eof)
        snprintf(why, sizeof why, "%.*send of the line%s",
                 (int)(eof - jerr.text), jerr.text, eof + 11);
      else
        snprintf(why, sizeof why, "%s", jerr.text);
      /* jansson quotes the bytes before the error ("near '...'") and may
       * cut a character there: each byte of a cut or bad sequence becomes
       * '?', so that the message stays UTF-8 */
      for (size_t i = 0, n = strlen(why);
           (i += sckg_utf8_check(why + i, n - i)) < n; i++)
        why[i] = '?';
      report(it, SCKG_ERR_INPUT, file, line, col, "invalid JSON: %s", why);
    }
    return false;
  }
  bool ok = false;
  const json_t *text = NULL, *fields[N_FIELDS] = {NULL};
  if (!json_is_object(root)) {
    report(it, SCKG_ERR_INPUT, file, line, 0,
           "the record is %s, not a JSON object", json_kind(root));
    goto done;
  }
  text = json_object_get(root, "text");
  if (!text || json_is_null(text)) {
    report(it, SCKG_ERR_INPUT, file, line, 0, "the record has no \"text\"");
    goto done;
  }
  if (!json_is_string(text)) {
    report(it, SCKG_ERR_INPUT, file, line, 0, "\"text\" is %s, not a string",
           json_kind(text));
    goto done;
  }
  for (int f = 0; f < N_FIELDS; f++) {
    const json_t *v = json_object_get(root, field_names[f]);
    if (!v || json_is_null(v))
      continue;
    if (!json_is_string(v)) {
      report(it, SCKG_ERR_INPUT, file, line, 0,
             "\"%s\" is %s, not a string or null", field_names[f],
             json_kind(v));
      goto done;
    }
    fields[f] = v;
  }
  sckg_date date;
  if (fields[F_DATE] &&
      !sckg_date_parse(json_string_value(fields[F_DATE]),
                       json_string_length(fields[F_DATE]), &date)) {
    /* quoted up to DATE_SHOWN bytes, cut between characters: a date can
     * be as long as a line, a message should stay one */
    const char *d = json_string_value(fields[F_DATE]);
    size_t n = json_string_length(fields[F_DATE]), shown = n;
    if (n > DATE_SHOWN) {
      shown = DATE_SHOWN;
      while (((unsigned char)d[shown] & 0xC0) == 0x80)
        shown--;
    }
    report(it, SCKG_ERR_INPUT, file, line, 0,
           "\"date\" is not a calendar date YYYY-MM-DD: \"%.*s\"%s", (int)shown,
           d, shown < n ? "..." : "");
    goto done;
  }
  if (fields[F_ID] && json_string_length(fields[F_ID]) == 0) {
    report(it, SCKG_ERR_INPUT, file, line, 0, "\"id\" is empty");
    goto done;
  }

  /* sizes: the name and a generated identifier are at most this long */
  char num[32];
  int num_len = snprintf(num, sizeof num, "%lu", line);
  size_t name_len = strlen(file) + 1 + (size_t)num_len + 1;
  size_t size = name_len + json_string_length(text) + 1;
  size += fields[F_ID] ? 0 : it->base_len + 1 + (size_t)num_len + 1;
  for (int f = 0; f < N_FIELDS; f++)
    if (fields[f])
      size += json_string_length(fields[f]) + 1;
  char *block = sckg_xmalloc(size), *p = block;

  snprintf(p, name_len, "%s:%s", file, num);
  out->name = p;
  p += name_len;
  out->len = json_string_length(text);
  memcpy(p, json_string_value(text), out->len + 1);
  out->text = p;
  p += out->len + 1;
  const char **dest[N_FIELDS] = {&out->id, &out->date, &out->publisher,
                                 &out->title};
  for (int f = 0; f < N_FIELDS; f++) {
    if (!fields[f])
      continue;
    size_t n = json_string_length(fields[f]);
    memcpy(p, json_string_value(fields[f]), n + 1);
    *dest[f] = p;
    p += n + 1;
  }
  if (!fields[F_ID]) {
    memcpy(p, it->base, it->base_len);
    p[it->base_len] = '-';
    memcpy(p + it->base_len + 1, num, (size_t)num_len + 1);
    out->id = p;
  }
  it->article = block;
  ok = true;

done:
  json_decref(root);
  return ok;
}

/* The next record of the current JSON Lines input, or false when it has
 * ended (closed then). Bad lines are reported and passed over. */
static bool next_record(sckg_inputs *it, sckg_input *out) {
  for (;;) {
    int err = 0;
    line_result r = read_line(it, &err);
    if (r == LINE_EOF) {
      end_jsonl(it);
      return false;
    }
    if (r == LINE_ERR) {
      report(it, SCKG_ERR_IO, it->shown, 0, 0, "%s", strerror(err));
      end_jsonl(it);
      return false;
    }
    it->line_no++;
    if (r == LINE_LONG) {
      report(it, SCKG_ERR_INPUT, it->file, it->line_no, 0,
             "line longer than %zu bytes: not read (see "
             "--max-article-bytes)",
             it->opts.max_bytes);
      continue;
    }
    if (is_blank(it->line, it->line_len))
      continue;
    if (make_record(it, out))
      return true;
  }
}

static bool is_jsonl(const sckg_inputs *it, const entry *e) {
  return it->opts.jsonl ||
         (e->kind == E_READ && ends_with(e->path, strlen(e->path), ".jsonl"));
}

/* Open the next entry of the list: true when it gave an article (a plain
 * input) or began a JSON Lines input; false when it was reported and
 * passed over. */
static bool open_entry(sckg_inputs *it, const entry *e, sckg_input *out) {
  switch (e->kind) {
  case E_FAIL:
    report(it, SCKG_ERR_IO, e->path, 0, 0, "%s", strerror(e->err));
    return false;
  case E_LOOP:
    report(it, SCKG_OK, e->path, 0, 0,
           "a link to the directory %s, which holds it: not followed",
           e->first);
    return false;
  case E_SAME_DIR:
    report(it, SCKG_OK, e->path, 0, 0,
           "the same directory as %s, named before it: read once", e->first);
    return false;
  case E_NO_ARTICLE:
    report(it, SCKG_ERR_INPUT, e->path, 0, 0,
           "a folder without a .txt or .jsonl file under it: no article "
           "read");
    return false;
  case E_READ:
  case E_STDIN:
    break;
  }
  if (e->dup) {
    report(it, SCKG_OK, e->path, 0, 0,
           "the same file as %s, named before it: read once", e->first);
    return false;
  }
  bool is_stdin = e->kind == E_STDIN;
  const char *shown = is_stdin ? STDIN_SHOWN : e->path;
  uint64_t added = 0;
  int fd = is_stdin ? STDIN_FILENO : cli_open_in(&it->dir, e->path, e->walked);
  struct stat st;
  int err = 0;
  if (fd < 0 || fstat(fd, &st) != 0) {
    int failed = errno; /* one read: the failed call set it */
    err = failed ? failed : EIO;
  } else if (S_ISDIR(st.st_mode)) /* made a directory since the walk */
    err = EISDIR;
  if (err) {
    report(it, SCKG_ERR_IO, shown, 0, 0, "%s", strerror(err));
  } else if (is_jsonl(it, e)) {
    start_jsonl(it, e, fd);
    return true;
  } else {
    bool ok = read_plain(it, e, fd, &st, out);
    if (ok)
      it->progress.articles++;
    err = !ok;
  }
  if (fd >= 0 && !is_stdin)
    close(fd);
  finish_file(it, e, &added);
  return !err;
}

bool sckg_inputs_next(sckg_inputs *it, sckg_input *out) {
  free(it->article);
  it->article = NULL;
  for (;;) {
    memset(out, 0, sizeof *out);
    if (it->cur) {
      if (next_record(it, out)) {
        it->progress.articles++;
        return true;
      }
      continue;
    }
    if (it->next == it->n)
      return false;
    const entry *e = &it->entries[it->next++];
    if (open_entry(it, e, out) && !it->cur)
      return true;
  }
}

void *sckg_inputs_take(sckg_inputs *it) {
  void *block = it->article;
  it->article = NULL;
  return block;
}

sckg_inputs_progress sckg_inputs_get_progress(const sckg_inputs *it) {
  return it->progress;
}

void sckg_inputs_free(sckg_inputs *it) {
  if (!it)
    return;
  if (it->cur && it->cur->kind != E_STDIN)
    close(it->fd);
  cli_close_dir(&it->dir);
  free(it->article);
  free(it->line);
  free(it->rbuf);
  free(it->dirs);
  free(it->entries);
  sckg_arena_free(it->arena);
  free(it);
}
