/* SPDX-License-Identifier: MIT */
/* Inputs: directory walks, files named twice, JSON Lines records good and
 * bad, the size limits and their memory bounds, links that loop. Each test
 * builds its files in a fresh temporary directory and runs inside it, so
 * that paths are short and relative. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "cli/inputs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- Fixture: a temporary directory to work in --------------------------- */

typedef struct {
  char dir[256];
  char cwd[4096];
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  const char *tmp = getenv("TMPDIR");
  if (!f)
    return -1;
  snprintf(f->dir, sizeof f->dir, "%s/sckg-inputs-XXXXXX",
           tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(f->dir) || !getcwd(f->cwd, sizeof f->cwd) ||
      chdir(f->dir) != 0) {
    free(f);
    return -1;
  }
  *state = f;
  return 0;
}

/* Remove `path` and all below it, links never followed. */
static void remove_tree(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0)
    return;
  if (S_ISDIR(st.st_mode)) {
    chmod(path, 0700);
    DIR *d = opendir(path);
    const struct dirent *de;
    while (d && (de = readdir(d))) {
      if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
        continue;
      char sub[4096];
      snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
      remove_tree(sub);
    }
    if (d)
      closedir(d);
    rmdir(path);
  } else {
    unlink(path);
  }
}

static int teardown(void **state) {
  fixture *f = *state;
  if (chdir(f->cwd) != 0)
    return -1;
  remove_tree(f->dir);
  free(f);
  return 0;
}

static void put_file(const char *path, const char *text) {
  FILE *fp = fopen(path, "wb");
  assert_non_null(fp);
  assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
  assert_int_equal(fclose(fp), 0);
}

static void make_dir(const char *path) {
  assert_int_equal(mkdir(path, 0755), 0);
}

/* ---- Running an iteration ------------------------------------------------ */

enum { MAX_SEEN = 64 };

/* What an iteration gave: each article's fields (copied) and each
 * diagnostic as main.c prints it, less "sckg: ". */
typedef struct {
  size_t n_articles;
  char *name[MAX_SEEN], *text[MAX_SEEN], *id[MAX_SEEN], *date[MAX_SEEN],
      *publisher[MAX_SEEN], *title[MAX_SEEN];
  size_t len[MAX_SEEN];
  size_t n_diags;
  char *diag[MAX_SEEN];
  sckg_inputs_progress progress;
} run_result;

static char *dup_or_null(const char *s) {
  if (!s)
    return NULL;
  char *p = malloc(strlen(s) + 1);
  strcpy(p, s);
  return p;
}

static void collect_diag(void *handle, const sckg_diag *d) {
  run_result *r = handle;
  char line[1024];
  int n = 0;
  if (d->line && d->col)
    n = snprintf(line, sizeof line, "%s:%lu:%lu: ", d->file, d->line, d->col);
  else if (d->line)
    n = snprintf(line, sizeof line, "%s:%lu: ", d->file, d->line);
  else
    n = snprintf(line, sizeof line, "%s: ", d->file);
  snprintf(line + n, sizeof line - (size_t)n, "%s%s",
           d->status == SCKG_OK ? "warning: " : "", d->message);
  assert_true(r->n_diags < MAX_SEEN);
  r->diag[r->n_diags++] = dup_or_null(line);
}

/* Iterate over `names` to the end with the given limit and mode. */
static void run(run_result *r, const char *const *names, size_t n,
                size_t max_bytes, bool jsonl) {
  memset(r, 0, sizeof *r);
  sckg_inputs_options o = {max_bytes, jsonl, collect_diag, r};
  sckg_inputs *it = sckg_inputs_new(names, n, &o);
  sckg_input in;
  while (sckg_inputs_next(it, &in)) {
    size_t i = r->n_articles++;
    assert_true(i < MAX_SEEN);
    assert_non_null(in.name);
    assert_non_null(in.text);
    assert_int_equal(in.text[in.len], '\0');
    r->name[i] = dup_or_null(in.name);
    r->text[i] = dup_or_null(in.text);
    r->len[i] = in.len;
    r->id[i] = dup_or_null(in.id);
    r->date[i] = dup_or_null(in.date);
    r->publisher[i] = dup_or_null(in.publisher);
    r->title[i] = dup_or_null(in.title);
  }
  /* the end stays the end */
  assert_false(sckg_inputs_next(it, &in));
  r->progress = sckg_inputs_get_progress(it);
  sckg_inputs_free(it);
}

static void run_free(run_result *r) {
  for (size_t i = 0; i < r->n_articles; i++) {
    free(r->name[i]);
    free(r->text[i]);
    free(r->id[i]);
    free(r->date[i]);
    free(r->publisher[i]);
    free(r->title[i]);
  }
  for (size_t i = 0; i < r->n_diags; i++)
    free(r->diag[i]);
}

static void names_are(const run_result *r, const char *const *want, size_t n) {
  for (size_t i = 0; i < r->n_articles && i < n; i++)
    if (strcmp(r->name[i], want[i]) != 0)
      fail_msg("article %zu is %s, expected %s", i, r->name[i], want[i]);
  assert_int_equal(r->n_articles, n);
}

static void diags_are(const run_result *r, const char *const *want, size_t n) {
  for (size_t i = 0; i < r->n_diags && i < n; i++)
    if (strcmp(r->diag[i], want[i]) != 0)
      fail_msg("diagnostic %zu is\n  %s\nexpected\n  %s", i, r->diag[i],
               want[i]);
  assert_int_equal(r->n_diags, n);
}

/* Diagnostic i starts with `prefix` and holds `part`. */
static void diag_like(const run_result *r, size_t i, const char *prefix,
                      const char *part) {
  assert_true(i < r->n_diags);
  if (strncmp(r->diag[i], prefix, strlen(prefix)) != 0 ||
      !strstr(r->diag[i], part))
    fail_msg("diagnostic %zu is\n  %s\nexpected %s...%s...", i, r->diag[i],
             prefix, part);
}

#define N(a) (sizeof(a) / sizeof(a)[0])

/* The peak resident memory, in KiB, since the last reset_peak. Linux
 * resets the high-water mark when "5" is written to clear_refs; where it
 * cannot, the peak of the whole process is measured instead, which only
 * makes the bound harder to meet. */
static void reset_peak(void) {
  FILE *fp = fopen("/proc/self/clear_refs", "w");
  if (fp) {
    fputs("5", fp);
    fclose(fp);
  }
}

static long peak_kib(void) {
  FILE *fp = fopen("/proc/self/status", "r");
  char line[256];
  long kib = -1;
  while (fp && fgets(line, sizeof line, fp))
    if (strncmp(line, "VmHWM:", 6) == 0)
      kib = strtol(line + 6, NULL, 10);
  if (fp)
    fclose(fp);
  return kib;
}

static long current_kib(void) {
  FILE *fp = fopen("/proc/self/status", "r");
  char line[256];
  long kib = -1;
  while (fp && fgets(line, sizeof line, fp))
    if (strncmp(line, "VmRSS:", 6) == 0)
      kib = strtol(line + 6, NULL, 10);
  if (fp)
    fclose(fp);
  return kib;
}

/* ---- Directories ----------------------------------------------------------
 */

static void directories_are_walked_in_byte_order(void **state) {
  (void)state;
  put_file("top.txt", "top");
  make_dir("d");
  put_file("d/b.txt", "b");
  put_file("d/a.txt", "a");
  put_file("d/A.txt", "A");
  put_file("d/a.html", "skipped: extension");
  put_file("d/a.txt.bak", "skipped: extension");
  put_file("d/notes", "skipped: no extension");
  put_file("d/.hidden.txt", "skipped: dot file");
  make_dir("d/.git");
  put_file("d/.git/x.txt", "skipped: dot directory");
  make_dir("d/sub");
  put_file("d/sub/c.txt", "c");
  put_file("d/sub/z.jsonl", "{\"text\": \"z\"}\n");
  put_file("d/sub-x.txt", "after the folder sub, whose name is shorter");
  make_dir("d/m.txt"); /* a directory, whatever its name */
  put_file("d/m.txt/n.txt", "n");
  make_dir("d/empty");
  assert_int_equal(mkfifo("d/fifo.txt", 0644), 0); /* not a regular file */
  put_file("after.txt", "after");

  run_result r;
  const char *names[] = {"top.txt", "d", "after.txt"};
  run(&r, names, N(names), 0, false);
  const char *want[] = {"top.txt",         "d/A.txt",       "d/a.txt",
                        "d/b.txt",         "d/m.txt/n.txt", "d/sub/c.txt",
                        "d/sub/z.jsonl:1", "d/sub-x.txt",   "after.txt"};
  names_are(&r, want, N(want));
  assert_string_equal(r.text[1], "A");
  assert_string_equal(r.text[6], "z");
  assert_string_equal(r.id[6], "z-1");
  /* read from d again after d/sub */
  assert_string_equal(r.text[7], "after the folder sub, whose name is shorter");
  assert_null(r.id[0]); /* a plain file: the library names it */
  diags_are(&r, NULL, 0);
  /* progress: every file, every byte */
  size_t bytes = 0;
  for (size_t i = 0; i < r.n_articles; i++)
    bytes += i == 6 ? strlen("{\"text\": \"z\"}\n") : r.len[i];
  assert_int_equal(r.progress.files, N(want));
  assert_int_equal(r.progress.files_done, N(want));
  assert_int_equal(r.progress.bytes, bytes);
  assert_int_equal(r.progress.bytes_done, bytes);
  assert_int_equal(r.progress.articles, N(want));
  assert_int_equal(r.progress.errors, 0);
  run_free(&r);

  /* a trailing slash joins without a second one */
  const char *slash[] = {"d/sub/"};
  run(&r, slash, N(slash), 0, false);
  const char *want_slash[] = {"d/sub/c.txt", "d/sub/z.jsonl:1"};
  names_are(&r, want_slash, N(want_slash));
  run_free(&r);
}

static void totals_are_known_before_reading(void **state) {
  (void)state;
  make_dir("d");
  put_file("d/one.txt", "12345");
  put_file("d/two.txt", "1234567890");
  const char *names[] = {"d"};
  sckg_inputs *it = sckg_inputs_new(names, 1, NULL);
  sckg_inputs_progress p = sckg_inputs_get_progress(it);
  assert_int_equal(p.files, 2);
  assert_int_equal(p.bytes, 15);
  assert_int_equal(p.files_done, 0);
  assert_int_equal(p.bytes_done, 0);
  sckg_input in;
  assert_true(sckg_inputs_next(it, &in));
  p = sckg_inputs_get_progress(it);
  assert_int_equal(p.files_done, 1);
  assert_int_equal(p.bytes_done, 5);
  sckg_inputs_free(it);
}

static void an_empty_directory_is_an_error(void **state) {
  (void)state;
  make_dir("e");
  make_dir("e/deeper");
  put_file("e/deeper/readme.md", "not an article");
  put_file("f.txt", "an article");
  run_result r;
  /* a named folder with nothing to read is most likely the wrong one: an
   * error, and the other names are still read */
  const char *names[] = {"e", "f.txt"};
  run(&r, names, N(names), 0, false);
  assert_int_equal(r.n_articles, 1);
  diag_like(&r, 0, "e: ", "without a .txt or .jsonl file");
  assert_int_equal(r.n_diags, 1);
  assert_int_equal(r.progress.files, 1);
  assert_int_equal(r.progress.errors, 1);
  run_free(&r);
  /* no names at all */
  run(&r, NULL, 0, 0, false);
  assert_int_equal(r.n_articles, 0);
  run_free(&r);
}

static void symlink_loops_do_not_hang(void **state) {
  (void)state;
  make_dir("d");
  make_dir("d/sub");
  put_file("d/a.txt", "a");
  put_file("d/sub/s.txt", "s");
  assert_int_equal(symlink(".", "d/loop"), 0);
  assert_int_equal(symlink("..", "d/sub/back"), 0);
  assert_int_equal(symlink("sub", "d/alias"), 0); /* walked first: a < s */
  assert_int_equal(symlink("nowhere.txt", "d/dangling.txt"), 0);
  assert_int_equal(symlink("nowhere", "d/dangling"), 0); /* not a .txt */
  alarm(20); /* a hang fails here rather than at ctest's timeout */
  run_result r;
  const char *names[] = {"d"};
  run(&r, names, N(names), 0, false);
  alarm(0);
  const char *want[] = {"d/a.txt", "d/alias/s.txt"};
  names_are(&r, want, N(want));
  const char *diags[] = {
      "d/alias/back: warning: a link to the directory d, which holds it: "
      "not followed",
      "d/dangling.txt: No such file or directory",
      "d/loop: warning: a link to the directory d, which holds it: not "
      "followed",
      "d/sub: warning: the same directory as d/alias, named before it: read "
      "once",
  };
  diags_are(&r, diags, N(diags));
  assert_int_equal(r.progress.errors, 1);
  assert_int_equal(r.progress.warnings, 3);
  run_free(&r);
}

/* ---- The same file named twice ------------------------------------------- */

static void the_same_file_is_read_once(void **state) {
  (void)state;
  put_file("a.txt", "alpha");
  put_file("b.txt", "beta");
  assert_int_equal(link("a.txt", "hard.txt"), 0);
  make_dir("d");
  assert_int_equal(link("b.txt", "d/b-again.txt"), 0);
  put_file("d/c.txt", "gamma");
  run_result r;
  const char *names[] = {"a.txt", "./a.txt", "hard.txt", "d",
                         "b.txt", "d/c.txt", "d/"};
  run(&r, names, N(names), 0, false);
  const char *want[] = {"a.txt", "d/b-again.txt", "d/c.txt"};
  names_are(&r, want, N(want));
  const char *diags[] = {
      "./a.txt: warning: the same file as a.txt, named before it: read once",
      "hard.txt: warning: the same file as a.txt, named before it: read once",
      "b.txt: warning: the same file as d/b-again.txt, named before it: read "
      "once",
      "d/c.txt: warning: the same file as d/c.txt, named before it: read "
      "once",
      "d/: warning: the same directory as d, named before it: read once",
  };
  diags_are(&r, diags, N(diags));
  assert_int_equal(r.progress.files, 3);
  assert_int_equal(r.progress.bytes,
                   strlen("alpha") + strlen("beta") + strlen("gamma"));
  assert_int_equal(r.progress.errors, 0);
  assert_int_equal(r.progress.warnings, 5);
  run_free(&r);
}

static void a_missing_file_is_reported_in_its_place(void **state) {
  (void)state;
  put_file("a.txt", "alpha");
  put_file("b.txt", "beta");
  run_result r;
  const char *names[] = {"a.txt", "missing.txt", "b.txt"};
  run(&r, names, N(names), 0, false);
  const char *want[] = {"a.txt", "b.txt"};
  names_are(&r, want, N(want));
  const char *diags[] = {"missing.txt: No such file or directory"};
  diags_are(&r, diags, N(diags));
  assert_int_equal(r.progress.errors, 1);
  assert_int_equal(r.progress.files_done, 3);
  run_free(&r);
}

/* A walked file is opened in its directory as the walk found it; a
 * directory gone since, its files are missing by their paths, as they
 * would be when opened by them. */
static void a_folder_gone_after_the_walk_leaves_its_files_out(void **state) {
  (void)state;
  make_dir("d");
  put_file("d/a.txt", "a");
  make_dir("e");
  put_file("e/b.txt", "b");
  put_file("e/c.txt", "c");
  run_result r;
  memset(&r, 0, sizeof r);
  sckg_inputs_options o = {0, false, collect_diag, &r};
  const char *names[] = {"d", "e"};
  sckg_inputs *it = sckg_inputs_new(names, N(names), &o);
  assert_int_equal(rename("e", "moved"), 0);
  sckg_input in;
  assert_true(sckg_inputs_next(it, &in));
  assert_string_equal(in.name, "d/a.txt");
  assert_string_equal(in.text, "a");
  assert_false(sckg_inputs_next(it, &in));
  sckg_inputs_free(it);
  const char *diags[] = {"e/b.txt: No such file or directory",
                         "e/c.txt: No such file or directory"};
  diags_are(&r, diags, N(diags));
  run_free(&r);
}

/* ---- Size limits -----------------------------------------------------------
 */

static void a_too_large_file_is_refused_before_reading(void **state) {
  (void)state;
  put_file("ten.txt", "0123456789");
  put_file("eleven.txt", "0123456789A");
  /* 4 GiB of holes: reading it up to the limit would show in memory */
  int fd = open("huge.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  assert_true(fd >= 0);
  assert_int_equal(ftruncate(fd, (off_t)4 << 30), 0);
  close(fd);

  run_result r;
  const char *names[] = {"ten.txt", "eleven.txt"};
  run(&r, names, N(names), 10, false);
  const char *want[] = {"ten.txt"};
  names_are(&r, want, N(want));
  const char *diags[] = {
      "eleven.txt: larger than 10 bytes: not read (see --max-article-bytes)"};
  diags_are(&r, diags, N(diags));
  assert_int_equal(r.progress.errors, 1);
  assert_int_equal(r.progress.bytes_done, r.progress.bytes);
  run_free(&r);

  /* under a 1 GiB limit, a 4 GiB file: refused with nothing read */
  const char *huge[] = {"huge.txt"};
  reset_peak();
  long before = current_kib();
  run(&r, huge, 1, (size_t)1 << 30, false);
  long grown = peak_kib() - before;
  const char *diags_huge[] = {"huge.txt: larger than 1073741824 bytes: not "
                              "read (see --max-article-bytes)"};
  diags_are(&r, diags_huge, 1);
  assert_int_equal(r.n_articles, 0);
  if (grown > 16 * 1024)
    fail_msg("refusing a 4 GiB file took %ld KiB", grown);
  run_free(&r);
}

static void a_stream_is_read_up_to_the_limit(void **state) {
  (void)state;
  assert_int_equal(mkfifo("pipe.txt", 0644), 0);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    signal(SIGPIPE, SIG_DFL);
    int fd = open("pipe.txt", O_WRONLY);
    for (int i = 0; fd >= 0 && i < 100; i++)
      if (write(fd, "0123456789", 10) != 10)
        break;
    _exit(0);
  }
  run_result r;
  const char *names[] = {"pipe.txt"};
  run(&r, names, 1, 50, false);
  waitpid(pid, NULL, 0);
  assert_int_equal(r.n_articles, 0);
  const char *diags[] = {
      "pipe.txt: larger than 50 bytes: not read (see --max-article-bytes)"};
  diags_are(&r, diags, N(diags));
  assert_int_equal(r.progress.bytes, 0); /* a stream has no known size */
  run_free(&r);
}

/* ---- JSON Lines -------------------------------------------------------------
 */

static void json_lines_give_one_article_per_record(void **state) {
  (void)state;
  put_file("crawl.jsonl",
           "{\"id\": \"r1\", \"date\": \"2023-04-07\", \"publisher\": \"AP\", "
           "\"title\": \"A title\", \"text\": \"Hello.\", \"extra\": [1, "
           "{\"x\": null}]}\n"
           "\n"
           "  \t \n"
           "{\"text\": \"Second.\", \"id\": null, \"date\": null, "
           "\"publisher\": null, \"title\": null}\r\n"
           "\r\n"
           "{\"text\": \"Line\\nbreak \\u00e9\"}"); /* no final newline */
  run_result r;
  const char *names[] = {"crawl.jsonl"};
  run(&r, names, N(names), 0, false);
  const char *want[] = {"crawl.jsonl:1", "crawl.jsonl:4", "crawl.jsonl:6"};
  names_are(&r, want, N(want));
  diags_are(&r, NULL, 0);
  assert_string_equal(r.text[0], "Hello.");
  assert_int_equal(r.len[0], 6);
  assert_string_equal(r.id[0], "r1");
  assert_string_equal(r.date[0], "2023-04-07");
  assert_string_equal(r.publisher[0], "AP");
  assert_string_equal(r.title[0], "A title");
  assert_string_equal(r.text[1], "Second.");
  assert_string_equal(r.id[1], "crawl-4"); /* null id: generated */
  assert_null(r.date[1]);
  assert_null(r.publisher[1]);
  assert_null(r.title[1]);
  assert_string_equal(r.text[2], "Line\nbreak \xc3\xa9");
  assert_string_equal(r.id[2], "crawl-6");
  assert_int_equal(r.progress.files, 1);
  assert_int_equal(r.progress.articles, 3);
  assert_int_equal(r.progress.bytes_done, r.progress.bytes);
  run_free(&r);
}

static void crlf_is_not_part_of_the_line(void **state) {
  (void)state;
  /* a record of exactly the limit passes with "\r\n" after it */
  const char *rec = "{\"text\": \"CR\"}";
  char text[64];
  snprintf(text, sizeof text, "%s\r\n%s\r", rec, rec);
  put_file("cr.jsonl", text);
  run_result r;
  const char *names[] = {"cr.jsonl"};
  run(&r, names, N(names), strlen(rec), false);
  const char *want[] = {"cr.jsonl:1", "cr.jsonl:2"};
  names_are(&r, want, N(want));
  diags_are(&r, NULL, 0);
  run_free(&r);
  /* one byte less and both are too long */
  run(&r, names, N(names), strlen(rec) - 1, false);
  assert_int_equal(r.n_articles, 0);
  assert_int_equal(r.progress.errors, 2);
  run_free(&r);
}

static void bad_records_are_reported_and_skipped(void **state) {
  (void)state;
  put_file("bad.jsonl",
           "{\"text\": \"ok one\"}\n"                             /* 1 */
           "{\"text\": \"broken\"\n"                              /* 2 */
           "{\"id\": \"x\"}\n"                                    /* 3 */
           "{\"text\": 42}\n"                                     /* 4 */
           "{\"text\": \"t\", \"date\": \"2023-02-30\"}\n"        /* 5 */
           "{\"text\": \"a\\u0000b\"}\n"                          /* 6 */
           "[1, 2]\n"                                             /* 7 */
           "{\"text\": \"t\", \"title\": 5}\n"                    /* 8 */
           "{\"text\": \"t\", \"text\": \"u\"}\n"                 /* 9 */
           "{\"text\": \"t\", \"date\": \"7 April 2023\"}\n"      /* 10 */
           "{\"text\": \"t\"} trailing\n"                         /* 11 */
           "{\"text\": \"\\ud800\"}\n"                            /* 12 */
           "{\"text\": \"ok two\", \"date\": \"2024-02-29\"}\n"); /* 13 */
  run_result r;
  const char *names[] = {"bad.jsonl"};
  run(&r, names, N(names), 0, false);
  const char *want[] = {"bad.jsonl:1", "bad.jsonl:13"};
  names_are(&r, want, N(want));
  assert_string_equal(r.text[1], "ok two");
  assert_string_equal(r.date[1], "2024-02-29");
  assert_int_equal(r.n_diags, 11);
  diag_like(&r, 0, "bad.jsonl:2:", "invalid JSON: ");
  /* a column is given, after the line number */
  assert_true(r.diag[0][strlen("bad.jsonl:2:")] >= '1' &&
              r.diag[0][strlen("bad.jsonl:2:")] <= '9');
  diag_like(&r, 1, "bad.jsonl:3: ", "no \"text\"");
  diag_like(&r, 2, "bad.jsonl:4: ", "\"text\" is a number, not a string");
  diag_like(&r, 3, "bad.jsonl:5: ", "\"date\" is not a calendar date");
  diag_like(&r, 3, "bad.jsonl:5: ", "2023-02-30");
  diag_like(&r, 4, "bad.jsonl:6:", "\\u0000");
  diag_like(&r, 5, "bad.jsonl:7: ", "an array, not a JSON object");
  diag_like(&r, 6, "bad.jsonl:8: ", "\"title\" is a number");
  diag_like(&r, 7, "bad.jsonl:9:", "duplicate");
  diag_like(&r, 8, "bad.jsonl:10: ", "\"date\" is not a calendar date");
  diag_like(&r, 9, "bad.jsonl:11:", "invalid JSON");
  diag_like(&r, 10, "bad.jsonl:12:", "invalid JSON");
  assert_int_equal(r.progress.errors, 11);
  assert_int_equal(r.progress.articles, 2);
  run_free(&r);
}

static void an_overlong_line_is_skipped_in_bounded_memory(void **state) {
  (void)state;
  /* a good record, 256 MiB without a newline (holes, read as NUL bytes),
   * a good record, and an overlong last line without a newline */
  const char *head = "{\"text\": \"before\"}\n";
  const char *tail = "\n{\"text\": \"after\"}\n{\"text\": \"0123456789\"}";
  off_t hole = (off_t)256 << 20;
  int fd = open("big.jsonl", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, head, strlen(head)), (ssize_t)strlen(head));
  assert_int_equal(ftruncate(fd, (off_t)strlen(head) + hole), 0);
  assert_int_equal(lseek(fd, 0, SEEK_END), (off_t)strlen(head) + hole);
  assert_int_equal(write(fd, tail, strlen(tail)), (ssize_t)strlen(tail));
  close(fd);

  run_result r;
  const char *names[] = {"big.jsonl"};
  reset_peak();
  long before = current_kib();
  run(&r, names, N(names), 20, false);
  long grown = peak_kib() - before;
  const char *want[] = {"big.jsonl:1", "big.jsonl:3"};
  names_are(&r, want, N(want));
  assert_string_equal(r.text[1], "after");
  const char *diags[] = {
      "big.jsonl:2: line longer than 20 bytes: not read (see "
      "--max-article-bytes)",
      "big.jsonl:4: line longer than 20 bytes: not read (see "
      "--max-article-bytes)",
  };
  diags_are(&r, diags, N(diags));
  if (grown > 16 * 1024)
    fail_msg("passing a 256 MiB line took %ld KiB", grown);
  assert_int_equal(r.progress.bytes_done, r.progress.bytes);
  assert_int_equal(r.progress.bytes,
                   strlen(head) + (size_t)hole + strlen(tail));
  run_free(&r);
}

/* With the jsonl option every input is JSON Lines, standard input too. */
static void jsonl_option_and_standard_input(void **state) {
  (void)state;
  put_file("feed.txt", "{\"text\": \"from a .txt\"}\n");
  put_file("in.jsonl", "\n{\"text\": \"piped\", \"id\": null}\n"
                       "{\"text\": 1}\n");
  int saved = dup(STDIN_FILENO);
  assert_true(saved >= 0);
  int fd = open("in.jsonl", O_RDONLY);
  assert_true(fd >= 0);
  assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
  close(fd);
  run_result r;
  const char *names[] = {"feed.txt", "-"};
  run(&r, names, N(names), 0, true);
  const char *want[] = {"feed.txt:1", "stdin:2"};
  names_are(&r, want, N(want));
  assert_string_equal(r.id[0], "feed-1");
  assert_string_equal(r.id[1], "stdin-2");
  const char *diags[] = {"stdin:3: \"text\" is a number, not a string"};
  diags_are(&r, diags, N(diags));
  run_free(&r);

  /* without it, standard input is one plain article named stdin */
  assert_int_equal(lseek(STDIN_FILENO, 0, SEEK_SET), 0);
  const char *dash[] = {"-"};
  run(&r, dash, 1, 0, false);
  const char *want_plain[] = {"stdin"};
  names_are(&r, want_plain, 1);
  assert_true(strstr(r.text[0], "piped") != NULL);
  assert_null(r.id[0]);
  run_free(&r);

  /* closed: the message main.c has always given */
  close(STDIN_FILENO);
  run(&r, dash, 1, 0, false);
  const char *diags_closed[] = {"standard input: Bad file descriptor"};
  diags_are(&r, diags_closed, 1);
  run_free(&r);
  assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
  close(saved);
}

/* An article taken from the iterator outlives later calls and the
 * iterator itself. */
static void a_taken_article_stays_valid(void **state) {
  (void)state;
  put_file("a.txt", "first article");
  put_file("b.jsonl", "{\"text\": \"second\", \"title\": \"T\"}\n");
  const char *names[] = {"a.txt", "b.jsonl"};
  sckg_inputs *it = sckg_inputs_new(names, N(names), NULL);
  sckg_input a, b, end;
  assert_true(sckg_inputs_next(it, &a));
  void *block_a = sckg_inputs_take(it);
  assert_non_null(block_a);
  assert_null(sckg_inputs_take(it)); /* taken once */
  assert_true(sckg_inputs_next(it, &b));
  void *block_b = sckg_inputs_take(it);
  assert_false(sckg_inputs_next(it, &end));
  assert_null(sckg_inputs_take(it));
  sckg_inputs_free(it);
  assert_string_equal(a.name, "a.txt");
  assert_string_equal(a.text, "first article");
  assert_string_equal(b.name, "b.jsonl:1");
  assert_string_equal(b.text, "second");
  assert_string_equal(b.title, "T");
  assert_string_equal(b.id, "b-1");
  free(block_a);
  free(block_b);
  sckg_inputs_free(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
      T(directories_are_walked_in_byte_order),
      T(totals_are_known_before_reading),
      T(an_empty_directory_is_an_error),
      T(symlink_loops_do_not_hang),
      T(the_same_file_is_read_once),
      T(a_missing_file_is_reported_in_its_place),
      T(a_folder_gone_after_the_walk_leaves_its_files_out),
      T(a_too_large_file_is_refused_before_reading),
      T(a_stream_is_read_up_to_the_limit),
      T(json_lines_give_one_article_per_record),
      T(crlf_is_not_part_of_the_line),
      T(bad_records_are_reported_and_skipped),
      T(an_overlong_line_is_skipped_in_bounded_memory),
      T(jsonl_option_and_standard_input),
      T(a_taken_article_stays_valid),
#undef T
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
