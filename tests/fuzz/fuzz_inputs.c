/* SPDX-License-Identifier: MIT */
/* Fuzz the JSON Lines reader of graph/inputs.c: the bytes become a file
 * x.jsonl, read with sckg_inputs_new/next/free, and what comes back is
 * checked line by line against what the file holds.
 *
 * Input layout: byte 0 picks options, the rest is the file.
 *
 *   byte 0   bits 0-3  as in fuzz_common.h: --no-text, --date, --base
 *            bit 4     the file ends without "\n" (after the sentinel)
 *            bits 5-6  max_bytes: 4096, 256, 17, 1 MiB
 *            bit 7     a first line of PAD_LEN - 1 spaces, so that the
 *                      rest starts a few bytes before the reader's second
 *                      read(2) (64 KiB): a line then spans two reads; the
 *                      line is long unless max_bytes is 1 MiB (blank then)
 *
 * After the fuzzer's bytes the harness writes "\n" and a good record of
 * its own (the sentinel), so that whatever came before, a record must be
 * read again on the next line.
 *
 * The expectation of each line is worked out here, from the bytes, as
 * inputs.h defines it: lines end at "\n", one "\r" before it (or before
 * the end of the file) is dropped, a line longer than max_bytes is an
 * error, a blank one (spaces, tabs, "\r" only) is skipped, any other is a
 * record. Whether a record is good is asked of jansson with the reader's
 * flags (the JSON grammar is jansson's, not the reader's), and then the
 * rules the reader adds are checked here on their own: an object, "text" a
 * string, "id", "date", "publisher", "title" strings or null, "id" not
 * empty, "date" a real YYYY-MM-DD. The reader must then give exactly the
 * good records, in order, each with the fields jansson sees, a name
 * "PATH:LINE" and an identifier "x-LINE" when the record has none, and one
 * error diagnostic for every other line, naming that line, short, and UTF-8
 * without control characters once formatted as the command line prints it;
 * its progress counters must agree at every step and at the end.
 *
 * Every article is then read into a graph of its own (sckg_graph_read, as
 * `sckg --stream` does), finished, checked (fuzz_check_graph) and written
 * as N-Triples, which must parse back to the graph's triples: so the
 * metadata of the records reaches the writers. Articles on odd lines are
 * taken (sckg_inputs_take) and read only after the iterator is freed, the
 * others while the iterator still holds them. */
#include "fuzz_nt_check.h"
/* first: it sets the POSIX feature macros the headers below depend on */
#include "cli/inputs.h"
#include "cli/pipeline.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <unistd.h>

/* The reader's read(2) size (READ_CHUNK of inputs.c), and the padding of
 * bit 7: the fuzzer's bytes start 5 bytes before the second read. */
#define READ_SIZE ((size_t)64 << 10)
#define PAD_LEN (READ_SIZE - 5)

static const char sentinel[] =
    "{\"id\": \"fuzz-sentinel\", \"date\": \"2024-02-29\", \"publisher\": "
    "\"AP\", \"title\": \"Sentinel\", \"text\": \"SEOUL (AP) \\u2014 North "
    "Korea denied the report on Friday.\"}";

/* The longest message about a record: whatever the record holds, a
 * diagnostic stays one readable line. */
#define MAX_MESSAGE 300

static const size_t max_choices[4] = {4096, 256, 17, (size_t)1 << 20};

/* ---- The temporary file ------------------------------------------------- */

static char dir_path[256], file_path[300];

static void remove_temp(void) {
  unlink(file_path);
  rmdir(dir_path);
}

/* Create the folder once per process; the file x.jsonl is rewritten by
 * every run, and both are removed at exit. */
static void write_file(const char *bytes, size_t len) {
  if (!dir_path[0]) {
    const char *tmp = getenv("TMPDIR");
    snprintf(dir_path, sizeof dir_path, "%s/sckg-fuzz-inputs-XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir_path))
      fuzz_fail("mkdtemp failed", dir_path);
    snprintf(file_path, sizeof file_path, "%s/x.jsonl", dir_path);
    atexit(remove_temp);
  }
  int fd = open(file_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    fuzz_fail("cannot create the temporary file", file_path);
  for (size_t done = 0; done < len;) {
    ssize_t n = write(fd, bytes + done, len - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      fuzz_fail("cannot write the temporary file", file_path);
    done += (size_t)n;
  }
  if (close(fd) != 0)
    fuzz_fail("cannot close the temporary file", file_path);
}

/* ---- Independent checks ------------------------------------------------- */

/* Strict UTF-8: shortest forms, no surrogates, nothing above U+10FFFF. */
static bool utf8_ok(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  for (size_t i = 0; i < n;) {
    unsigned c = s[i], k, cp, min;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF)
      k = 1, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
      k = 2, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
      k = 3, cp = c & 0x07, min = 0x10000;
    else
      return false;
    if (n - i < k + 1)
      return false;
    for (unsigned j = 1; j <= k; j++) {
      if ((s[i + j] & 0xC0) != 0x80)
        return false;
      cp = cp << 6 | (s[i + j] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += k + 1;
  }
  return true;
}

/* A real date of the proleptic Gregorian calendar written YYYY-MM-DD,
 * years 0001-9999 (the library has no year 0). */
static bool date_ok(const char *s, size_t n) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (n != 10)
    return false;
  int v[3] = {0, 0, 0};
  for (size_t i = 0, k = 0; i < n; i++) {
    if (i == 4 || i == 7) {
      if (s[i] != '-')
        return false;
      k++;
    } else if (s[i] >= '0' && s[i] <= '9') {
      v[k] = v[k] * 10 + (s[i] - '0');
    } else {
      return false;
    }
  }
  int y = v[0], m = v[1], d = v[2];
  if (y < 1 || m < 1 || m > 12 || d < 1)
    return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap);
}

/* ---- What the file should give ------------------------------------------ */

/* The metadata fields in sckg_input order. */
enum { F_ID, F_DATE, F_PUBLISHER, F_TITLE, N_FIELDS };
static const char *const field_names[N_FIELDS] = {"id", "date", "publisher",
                                                  "title"};

/* One line that is not blank: an article (root set) or an error. */
typedef struct {
  unsigned long line;
  json_t *root; /* the good record, or NULL */
} expect;

/* A record line: jansson's tree when the reader must accept it, or NULL. */
static json_t *good_record(const char *s, size_t n) {
  json_error_t err;
  json_t *root =
      json_loadb(s, n, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &err);
  if (!root)
    return NULL;
  const json_t *text = json_object_get(root, "text");
  bool ok = json_is_object(root) && json_is_string(text);
  for (int f = 0; ok && f < N_FIELDS; f++) {
    const json_t *v = json_object_get(root, field_names[f]);
    if (!v || json_is_null(v))
      continue;
    ok = json_is_string(v) && (f != F_ID || json_string_length(v) > 0) &&
         (f != F_DATE || date_ok(json_string_value(v), json_string_length(v)));
  }
  if (!ok) {
    json_decref(root);
    return NULL;
  }
  return root;
}

/* Split `file` into lines as inputs.h defines them and classify each;
 * returns the count of entries in *out (a fresh array), the count of all
 * lines in *lines. */
static size_t expect_lines(const char *file, size_t len, size_t max,
                           expect **out, unsigned long *lines) {
  size_t n = 0, cap = 16;
  expect *e = sckg_xmalloc(cap * sizeof *e);
  unsigned long line = 0;
  for (size_t pos = 0; pos < len;) {
    const char *nl = memchr(file + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - file) : len, n_line = end - pos;
    const char *s = file + pos;
    pos = nl ? end + 1 : len;
    line++;
    if (n_line && s[n_line - 1] == '\r')
      n_line--;
    bool too_long = n_line > max;
    if (!too_long && strspn(s, " \t\r") >= n_line)
      continue; /* blank */
    if (n == cap)
      e = sckg_xrealloc(e, (cap *= 2) * sizeof *e);
    e[n++] = (expect){line, too_long ? NULL : good_record(s, n_line)};
  }
  *out = e;
  *lines = line;
  return n;
}

/* ---- What the reader gives ---------------------------------------------- */

/* What came back, in order: an article or an error diagnostic, by line. */
typedef struct {
  unsigned long line;
  bool article;
} event;

typedef struct {
  event *ev;
  size_t n, cap;
  size_t errors; /* diagnostics received */
} record;

static void add_event(record *r, unsigned long line, bool article) {
  if (r->n == r->cap)
    r->ev = sckg_xrealloc(r->ev,
                          (r->cap = r->cap ? 2 * r->cap : 16) * sizeof *r->ev);
  r->ev[r->n++] = (event){line, article};
}

/* The sink: every diagnostic of a JSON Lines file is an error about one
 * line of it, and prints as one line of text without control characters. */
static void record_diag(void *handle, const sckg_diag *d) {
  record *r = handle;
  if (d->status != SCKG_ERR_INPUT)
    fuzz_fail("a diagnostic of a record is not SCKG_ERR_INPUT", d->message);
  if (!d->file || strcmp(d->file, file_path) != 0)
    fuzz_fail("a diagnostic does not name the file", d->file);
  if (!d->line)
    fuzz_fail("a diagnostic of a record has no line number", d->message);
  if (!d->message || !*d->message)
    fuzz_fail("a diagnostic without a message", NULL);
  if (strlen(d->message) > MAX_MESSAGE)
    fuzz_fail("a diagnostic message is longer than a line", d->message);
  sckg_buf b = {0};
  sckg_diag_format(d, &b);
  if (!utf8_ok(b.ptr, b.len))
    fuzz_fail("a diagnostic is not UTF-8", b.ptr);
  for (size_t i = 0; i + 1 < b.len; i++)
    if ((unsigned char)b.ptr[i] < 0x20 || b.ptr[i] == 0x7F)
      fuzz_fail("a formatted diagnostic holds a control character", b.ptr);
  if (!b.len || b.ptr[b.len - 1] != '\n')
    fuzz_fail("a formatted diagnostic does not end its line", b.ptr);
  sckg_buf_free(&b);
  r->errors++;
  add_event(r, d->line, false);
}

/* A field of the article against jansson's value, NULL when absent. */
static void check_field(const char *got, const json_t *want, const char *what) {
  if (!want || json_is_null(want)) {
    if (got)
      fuzz_fail("the article has a field the record has not", what);
    return;
  }
  size_t n = json_string_length(want);
  if (!got || strlen(got) != n || memcmp(got, json_string_value(want), n))
    fuzz_fail("a field of the article is not the record's", what);
  if (!utf8_ok(got, n))
    fuzz_fail("a field of the article is not UTF-8", what);
}

/* The article from line `line` against its record. */
static void check_article(const sckg_input *in, unsigned long line,
                          const json_t *root) {
  char want[sizeof file_path + 32];
  snprintf(want, sizeof want, "%s:%lu", file_path, line);
  if (!in->name || strcmp(in->name, want) != 0)
    fuzz_fail("the article is not named PATH:LINE", in->name);
  const json_t *text = json_object_get(root, "text");
  if (!in->text || strlen(in->text) != in->len)
    fuzz_fail("the text of an article holds a NUL byte", in->name);
  if (!utf8_ok(in->text, in->len))
    fuzz_fail("the text of an article is not UTF-8", in->name);
  if (in->len != json_string_length(text) ||
      memcmp(in->text, json_string_value(text), in->len) != 0)
    fuzz_fail("the text of an article is not the record's", in->name);
  if (!in->id || !*in->id)
    fuzz_fail("an article without an identifier", in->name);
  const json_t *id = json_object_get(root, "id");
  if (id && !json_is_null(id)) {
    check_field(in->id, id, "id");
  } else {
    snprintf(want, sizeof want, "x-%lu", line);
    if (strcmp(in->id, want) != 0)
      fuzz_fail("the identifier of a record without one is not x-LINE", in->id);
  }
  if (in->date && !date_ok(in->date, strlen(in->date)))
    fuzz_fail("the date of an article is not a real YYYY-MM-DD", in->date);
  check_field(in->date, json_object_get(root, "date"), "date");
  check_field(in->publisher, json_object_get(root, "publisher"), "publisher");
  check_field(in->title, json_object_get(root, "title"), "title");
}

/* ---- Into the library --------------------------------------------------- */

/* Read one article into a graph of its own, finish it, check it, and write
 * it as N-Triples that must parse back. The library may refuse a record
 * the reader accepted, with SCKG_ERR_INPUT and no graph (a text that opens
 * with a bad date line, say); any other failure is a bug. */
static void build_one(const sckg_options *opts, const sckg_input *in) {
  const sckg_schema *schema = NULL;
  if (sckg_schema_embedded(&schema) != SCKG_OK)
    fuzz_fail("the embedded schema does not load", NULL);
  sckg_graph *g = NULL;
  sckg_status st = sckg_graph_read(schema, opts, in, &g);
  if (st == SCKG_ERR_INPUT && !g)
    return;
  if (st != SCKG_OK || !g)
    fuzz_fail("sckg_graph_read failed otherwise than with INPUT", in->name);
  if (sckg_graph_finish(g) != SCKG_OK)
    fuzz_fail("sckg_graph_finish failed", in->name);
  if (sckg_graph_article_count(g) != 1)
    fuzz_fail("a record did not make one article", in->name);
  const sckg_article *a = SCKG_ARTICLES(g)[0];
  if (in->date) {
    char d[16];
    snprintf(d, sizeof d, "%04d-%02d-%02d", a->date.year, a->date.month,
             a->date.day);
    if (strcmp(d, in->date) != 0)
      fuzz_fail("the article's date is not the record's", in->name);
  }
  size_t len = 0; /* written before the checks list the triples */
  char *nt = fuzz_write_mem(sckg_write_ntriples, g, &len);
  fuzz_check_graph(g);
  fuzz_check_ntriples(g, nt, len);
  free(nt);
  sckg_graph_free(g);
}

/* ---- The harness -------------------------------------------------------- */

/* An article taken from the iterator, read after it is freed. */
typedef struct {
  sckg_input in;
  void *block;
} taken;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const bases[] = {NULL, "http://example.org/kg#",
                                      "urn:x-sckg:kg/",
                                      "https://example.org/\xC3\xA4/"};
  uint8_t flags = size ? data[0] : 0;
  if (size) {
    data++;
    size--;
  }
  sckg_options opts = {.omit_text = flags & 1,
                       .default_date = flags & 2 ? "2023-04-07" : NULL,
                       .base = bases[(flags >> 2) & 3]};
  bool final_nl = !(flags & 16);
  size_t max = max_choices[(flags >> 5) & 3];
  size_t pad = flags & 128 ? PAD_LEN : 0;

  /* the file: [padding] the bytes "\n" sentinel ["\n"] */
  size_t len = pad + size + 1 + strlen(sentinel) + final_nl;
  char *file = sckg_xmalloc(len + 1), *p = file;
  if (pad) {
    memset(p, ' ', pad - 1);
    p[pad - 1] = '\n';
    p += pad;
  }
  if (size)
    memcpy(p, data, size);
  p += size;
  *p++ = '\n';
  memcpy(p, sentinel, strlen(sentinel));
  p += strlen(sentinel);
  if (final_nl)
    *p++ = '\n';
  *p = '\0';
  write_file(file, len);

  expect *want = NULL;
  unsigned long lines = 0;
  size_t n_want = expect_lines(file, len, max, &want, &lines);

  record r = {0};
  sckg_inputs_options io = {
      .max_bytes = max, .jsonl = true, .sink = record_diag, .sink_handle = &r};
  const char *names[] = {file_path};
  sckg_inputs *it = sckg_inputs_new(names, 1, &io);
  sckg_inputs_progress pr = sckg_inputs_get_progress(it);
  if (pr.files != 1 || pr.bytes != len || pr.bytes_done || pr.articles ||
      pr.errors || pr.warnings)
    fuzz_fail("the progress before reading is not one file of its size", NULL);
  taken *kept = NULL;
  size_t n_kept = 0, articles = 0, w = 0;
  uint64_t done = 0;
  bool sentinel_last = false; /* the last article is the sentinel */
  sckg_input in;
  while (sckg_inputs_next(it, &in)) {
    articles++;
    /* the line: what follows the last ':' of the name */
    const char *colon = in.name ? strrchr(in.name, ':') : NULL;
    unsigned long line = colon ? strtoul(colon + 1, NULL, 10) : 0;
    add_event(&r, line, true);
    while (w < n_want && want[w].line < line)
      w++;
    if (w == n_want || want[w].line != line || !want[w].root)
      fuzz_fail("an article from a line that holds no good record", in.name);
    check_article(&in, line, want[w].root);
    sentinel_last = line == lines && strcmp(in.id, "fuzz-sentinel") == 0 &&
                    in.title && strcmp(in.title, "Sentinel") == 0;
    pr = sckg_inputs_get_progress(it);
    if (pr.articles != articles || pr.errors != r.errors || pr.warnings ||
        pr.files != 1 || pr.bytes_done < done || pr.bytes_done > pr.bytes)
      fuzz_fail("the progress counters disagree with what was read", in.name);
    done = pr.bytes_done;
    if (line % 2) {
      kept = sckg_xrealloc(kept, (n_kept + 1) * sizeof *kept);
      kept[n_kept].in = in;
      kept[n_kept].block = sckg_inputs_take(it);
      if (!kept[n_kept++].block)
        fuzz_fail("sckg_inputs_take gave nothing after an article", in.name);
      if (sckg_inputs_take(it))
        fuzz_fail("sckg_inputs_take gave an article twice", in.name);
    } else {
      build_one(&opts, &in);
    }
  }
  if (sckg_inputs_next(it, &in))
    fuzz_fail("an article after the end", in.name);
  pr = sckg_inputs_get_progress(it);
  if (pr.files != 1 || pr.files_done != 1 || pr.bytes != len ||
      pr.bytes_done != len || pr.articles != articles ||
      pr.errors != r.errors || pr.warnings)
    fuzz_fail("the progress at the end is not the whole file", NULL);
  sckg_inputs_free(it);

  /* exactly the expected lines, in order, as articles or errors */
  if (r.n != n_want)
    fuzz_fail("articles and errors do not add up to the lines not blank", NULL);
  for (size_t i = 0; i < n_want; i++)
    if (r.ev[i].line != want[i].line ||
        r.ev[i].article != (want[i].root != NULL))
      fuzz_fail(r.ev[i].article ? "an article where an error was due"
                                : "an error where an article was due",
                NULL);
  if (max >= strlen(sentinel) && !sentinel_last)
    fuzz_fail("the sentinel record did not come back last", NULL);

  for (size_t i = 0; i < n_kept; i++) {
    build_one(&opts, &kept[i].in);
    free(kept[i].block);
  }
  free(kept);
  for (size_t i = 0; i < n_want; i++)
    json_decref(want[i].root);
  free(want);
  free(r.ev);
  free(file);
  return 0;
}
