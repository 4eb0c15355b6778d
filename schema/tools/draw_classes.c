/* SPDX-License-Identifier: MIT */
/* draw_classes: draws the candidates of an event class from WordNet 3.0,
 * and checks that the reviewed table (schema/classes.tsv) says where each
 * of its words came from truly.
 *
 *   draw_classes DICT KEY...          print the candidates of each sense
 *   draw_classes --check DICT TABLE   check TABLE's sources; exit 1 if wrong
 *
 * A KEY names one sense as lemma.pos.NN, in WordNet's own sense order
 * ("criticize.v.01", "heist.n.01"). Its candidates are the words of that
 * synset (source KEY), of the synsets below it, troponyms of a verb or
 * hyponyms of a noun, three levels deep (KEY~), and the nouns WordNet
 * derives from any of these verbs (KEY+: "condemnation"). Each is printed
 * as a row of the table, with status `?` and the synset's gloss, for a
 * person to review: the tool never decides what a class holds.
 *
 * The check reads TABLE's rows (class, word, frame, source, status,
 * reason; schema/README.md) and fails on a row whose source does not give
 * its word, on an `add` that claims a source, on an `out` or `add` without
 * a reason, and on a source some of whose verbs the class leaves unreviewed:
 * every verb a source draws has a row, `in` or `out`. */
#include <stdbool.h>

static const char *const prog = "draw_classes";

#include "wn_io.h"

enum { MAX_DEPTH = 3, MAX_SEEN = 4096, LINE_MAX_BYTES = 16384 };

/* One part of speech: its index (lines cut in place) and its data file
 * (left whole: a synset is found by its byte offset). */
typedef struct {
  char *index;
  char **lines;
  size_t n_lines;
  const char *data;
  size_t data_len;
} part;

static part verbs, nouns;

static void load_part(part *p, const char *dir, const char *pos) {
  char name[32];
  snprintf(name, sizeof name, "index.%s", pos);
  p->index = read_file(dir, name);
  char *s = p->index, *line;
  size_t cap = 0;
  while ((line = next_line(&s))) {
    if (line[0] == ' ')
      continue; /* the licence header */
    if (p->n_lines == cap)
      p->lines =
          xrealloc(p->lines, (cap = cap ? 2 * cap : 4096) * sizeof *p->lines);
    p->lines[p->n_lines++] = line;
  }
  snprintf(name, sizeof name, "data.%s", pos);
  p->data = read_file(dir, name);
  p->data_len = strlen(p->data);
}

/* The synset offset of sense `nth` (from 1) of `lemma` (WordNet's spelling,
 * '_' between words); 0 when it has none. */
static long sense_offset(const part *p, const char *lemma, long nth) {
  size_t n = strlen(lemma);
  for (size_t i = 0; i < p->n_lines; i++) {
    const char *l = p->lines[i];
    if (strncmp(l, lemma, n) != 0 || l[n] != ' ')
      continue;
    char copy[LINE_MAX_BYTES];
    snprintf(copy, sizeof copy, "%s", l);
    char *s = copy, *f[4];
    for (int k = 0; k < 4; k++)
      f[k] = next_field(&s); /* lemma, pos, synset_cnt, p_cnt */
    if (!f[3])
      return 0;
    long synsets = strtol(f[2], NULL, 10), ptrs = strtol(f[3], NULL, 10);
    for (long k = 0; k < ptrs + 2; k++) /* the pointers, two counts */
      next_field(&s);
    if (nth < 1 || nth > synsets)
      return 0;
    char *off = NULL;
    for (long k = 0; k < nth; k++)
      off = next_field(&s);
    return off ? strtol(off, NULL, 10) : 0;
  }
  return 0;
}

/* A synset read from its data line. */
typedef struct {
  char words[64][128];
  size_t n_words;
  struct {
    char symbol[3];
    long offset;
    char pos;
  } ptrs[512];
  size_t n_ptrs;
  char gloss[256];
} synset;

static bool read_synset(const part *p, long offset, synset *out) {
  if (offset <= 0 || (size_t)offset >= p->data_len)
    return false;
  const char *l = p->data + offset;
  const char *end = strchr(l, '\n');
  size_t n = end ? (size_t)(end - l) : strlen(l);
  char copy[LINE_MAX_BYTES];
  if (n >= sizeof copy)
    return false;
  memcpy(copy, l, n);
  copy[n] = '\0';
  char *bar = strstr(copy, " | ");
  out->gloss[0] = '\0';
  if (bar) {
    snprintf(out->gloss, sizeof out->gloss, "%s", bar + 3);
    *bar = '\0';
  }
  char *s = copy;
  if (strtol(next_field(&s), NULL, 10) != offset)
    return false; /* not the start of a synset */
  next_field(&s); /* lex_filenum */
  next_field(&s); /* ss_type */
  long w = strtol(next_field(&s), NULL, 16);
  out->n_words = 0;
  for (long k = 0; k < w; k++) {
    char *word = next_field(&s);
    next_field(&s); /* lex_id */
    if (!word)
      return false;
    char *paren = strchr(word, '('); /* adjective markers: "(a)" */
    if (paren)
      *paren = '\0';
    if (out->n_words < sizeof out->words / sizeof *out->words) {
      snprintf(out->words[out->n_words], sizeof *out->words, "%.*s",
               (int)sizeof *out->words - 1, word);
      normalise(out->words[out->n_words++]);
    }
  }
  long np = strtol(next_field(&s), NULL, 10);
  out->n_ptrs = 0;
  for (long k = 0; k < np; k++) {
    char *sym = next_field(&s), *off = next_field(&s), *pos = next_field(&s);
    next_field(&s); /* source/target */
    if (!pos)
      return false;
    if (out->n_ptrs < sizeof out->ptrs / sizeof *out->ptrs) {
      snprintf(out->ptrs[out->n_ptrs].symbol, 3, "%.2s", sym);
      out->ptrs[out->n_ptrs].offset = strtol(off, NULL, 10);
      out->ptrs[out->n_ptrs++].pos = pos[0];
    }
  }
  return true;
}

/* A candidate: a word, how it relates to the key, the gloss it came with. */
typedef struct {
  char word[128];
  char rel; /* '=' the synset itself, '~' below it, '+' a derived noun */
  char gloss[256];
} candidate;

typedef struct {
  candidate *items;
  size_t len, cap;
} candidates;

static void add_candidate(candidates *c, const char *word, char rel,
                          const char *gloss) {
  for (size_t i = 0; i < c->len; i++)
    if (!strcmp(c->items[i].word, word) && c->items[i].rel == rel)
      return;
  if (c->len == c->cap)
    c->items = xrealloc(c->items,
                        (c->cap = c->cap ? 2 * c->cap : 64) * sizeof *c->items);
  candidate *x = &c->items[c->len++];
  snprintf(x->word, sizeof x->word, "%s", word);
  x->rel = rel;
  snprintf(x->gloss, sizeof x->gloss, "%s", gloss);
}

/* The synsets at or below `offset` to MAX_DEPTH, each once. */
static void walk(const part *p, char pos, long offset, int depth, char rel,
                 long *seen, size_t *n_seen, candidates *out) {
  for (size_t i = 0; i < *n_seen; i++)
    if (seen[i] == offset)
      return;
  if (*n_seen == MAX_SEEN)
    return;
  seen[(*n_seen)++] = offset;
  synset *ss = xrealloc(NULL, sizeof *ss);
  if (!read_synset(p, offset, ss))
    die("data.%s: no synset at offset %ld", pos == 'v' ? "verb" : "noun",
        offset);
  for (size_t i = 0; i < ss->n_words; i++)
    add_candidate(out, ss->words[i], rel, ss->gloss);
  /* the nouns derived from a verb: "condemn" gives "condemnation" */
  for (size_t i = 0; pos == 'v' && i < ss->n_ptrs; i++)
    if (!strcmp(ss->ptrs[i].symbol, "+") && ss->ptrs[i].pos == 'n') {
      synset *nn = xrealloc(NULL, sizeof *nn);
      if (read_synset(&nouns, ss->ptrs[i].offset, nn))
        for (size_t w = 0; w < nn->n_words; w++)
          add_candidate(out, nn->words[w], '+', nn->gloss);
      free(nn);
    }
  for (size_t i = 0; depth < MAX_DEPTH && i < ss->n_ptrs; i++)
    if (!strcmp(ss->ptrs[i].symbol, "~") && ss->ptrs[i].pos == pos)
      walk(p, pos, ss->ptrs[i].offset, depth + 1, '~', seen, n_seen, out);
  free(ss);
}

/* The candidates of KEY ("criticize.v.01"); false when KEY names no sense. */
static bool draw(const char *key, candidates *out) {
  char lemma[128];
  const char *dot2 = strrchr(key, '.');
  if (!dot2 || dot2 - key < 3 || dot2[-2] != '.' ||
      (size_t)(dot2 - 2 - key) >= sizeof lemma)
    return false;
  char pos = dot2[-1];
  const part *p = pos == 'v' ? &verbs : pos == 'n' ? &nouns : NULL;
  if (!p)
    return false;
  memcpy(lemma, key, (size_t)(dot2 - 2 - key));
  lemma[dot2 - 2 - key] = '\0';
  for (char *c = lemma; *c; c++)
    if (*c == ' ')
      *c = '_';
  long offset = sense_offset(p, lemma, strtol(dot2 + 1, NULL, 10));
  if (!offset)
    return false;
  long seen[MAX_SEEN];
  size_t n_seen = 0;
  walk(p, pos, offset, 0, '=', seen, &n_seen, out);
  return true;
}

static int print_candidates(int n, char **keys) {
  for (int k = 0; k < n; k++) {
    candidates c = {0};
    if (!draw(keys[k], &c))
      die("%s: no such sense (write lemma.v.NN or lemma.n.NN)", keys[k]);
    for (size_t i = 0; i < c.len; i++)
      printf("-\t%s\t-\t%s%s\t?\t%s\n", c.items[i].word, keys[k],
             c.items[i].rel == '=' ? "" : (char[2]){c.items[i].rel, 0},
             c.items[i].gloss);
    free(c.items);
  }
  return 0;
}

/* A row of the reviewed table, as far as the check needs it. */
typedef struct {
  char cls[64], word[128], key[128];
  char rel; /* '=', '~' or '+': which of the key's candidates it is */
  long line;
} row;

static bool has_row(const row *rows, size_t n, const char *cls,
                    const char *word) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(rows[i].cls, cls) && !strcmp(rows[i].word, word))
      return true;
  return false;
}

static int errors;

static void bad(const char *path, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void bad(const char *path, long line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s:%ld: ", path, line);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  errors++;
}

/* The rows of the reviewed table, each checked against what its source
 * draws; then every verb each source draws must have a row of its class. */
static int check(const char *path) {
  char *buf = read_file(path[0] == '/' ? "" : ".", path), *s = buf, *line;
  row *rows = NULL;
  size_t n_rows = 0, cap = 0;
  long n = 0;
  while ((line = next_line(&s))) {
    n++;
    if (!line[0] || line[0] == '#')
      continue;
    char *f[6] = {0};
    char *p = line;
    for (int k = 0; k < 6 && p; k++) {
      f[k] = p;
      p = strchr(p, '\t');
      if (p)
        *p++ = '\0';
    }
    if (!f[4]) {
      bad(path, n, "a row is: class, word, frame, source, status, reason");
      continue;
    }
    const char *word = f[1], *src = f[3], *status = f[4];
    bool add = !strcmp(status, "add"), out = !strcmp(status, "out");
    bool reason = f[5] && f[5][0] && strcmp(f[5], "-");
    if (!add && !out && strcmp(status, "in"))
      bad(path, n, "status '%s' is not in, out or add", status);
    else if ((add || out) && !reason)
      bad(path, n, "'%s' is %s without a reason", word, status);
    else if (add != !strcmp(src, "-"))
      bad(path, n,
          add ? "'%s' is added by hand: its source is '-'"
              : "'%s' names no WordNet source: mark it add",
          word);
    if (n_rows == cap)
      rows = xrealloc(rows, (cap = cap ? 2 * cap : 256) * sizeof *rows);
    row *r = &rows[n_rows++];
    snprintf(r->cls, sizeof r->cls, "%s", f[0]);
    snprintf(r->word, sizeof r->word, "%s", word);
    r->line = n;
    r->key[0] = '\0';
    r->rel = '=';
    if (!strcmp(src, "-"))
      continue;
    snprintf(r->key, sizeof r->key, "%s", src);
    size_t kl = strlen(r->key);
    char rel = '=';
    if (kl && (r->key[kl - 1] == '~' || r->key[kl - 1] == '+'))
      rel = r->key[--kl], r->key[kl] = '\0';
    r->rel = rel;
    candidates c = {0};
    if (!draw(r->key, &c)) {
      bad(path, n, "source '%s' names no WordNet sense", src);
      r->key[0] = '\0';
      continue;
    }
    bool found = false;
    for (size_t i = 0; i < c.len && !found; i++)
      found = c.items[i].rel == rel && !strcmp(c.items[i].word, word);
    if (!found)
      bad(path, n, "WordNet's %s does not give '%s'", src, word);
    free(c.items);
  }
  /* each source a class takes words of its tree from (not derived nouns
   * alone), once: its verbs (or nouns) all reviewed */
  for (size_t i = 0; i < n_rows; i++) {
    bool first = rows[i].key[0] && rows[i].rel != '+';
    for (size_t j = 0; j < i && first; j++)
      first = strcmp(rows[j].cls, rows[i].cls) ||
              strcmp(rows[j].key, rows[i].key) || rows[j].rel == '+';
    if (!first)
      continue;
    candidates c = {0};
    draw(rows[i].key, &c);
    for (size_t k = 0; k < c.len; k++)
      if (c.items[k].rel != '+' &&
          !has_row(rows, n_rows, rows[i].cls, c.items[k].word))
        bad(path, rows[i].line,
            "class %s: %s draws '%s', which has no row of the class",
            rows[i].cls, rows[i].key, c.items[k].word);
    free(c.items);
  }
  free(rows);
  free(buf);
  if (errors)
    fprintf(stderr, "%s: %d row(s) wrong\n", path, errors);
  return errors ? 1 : 0;
}

int main(int argc, char **argv) {
  bool checking = argc == 4 && !strcmp(argv[1], "--check");
  if (argc < 3 || (!strcmp(argv[1], "--check") && !checking)) {
    fprintf(stderr,
            "usage: %s WORDNET_DICT_DIR lemma.v.NN...\n"
            "       %s --check WORDNET_DICT_DIR classes.tsv\n",
            prog, prog);
    return 2;
  }
  const char *dir = argv[checking ? 2 : 1];
  load_part(&verbs, dir, "verb");
  load_part(&nouns, dir, "noun");
  return checking ? check(argv[3]) : print_candidates(argc - 2, argv + 2);
}
