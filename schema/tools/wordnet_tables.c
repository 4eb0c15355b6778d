/* SPDX-License-Identifier: MIT */
/* wordnet_tables: WordNet 3.0's lemmas, irregular forms and sense-tagged
 * counts as one C source of const tables (graph/lexicon/morph.h describes
 * them), run by the build:
 *
 *   wordnet_tables /usr/share/wordnet OUT.c
 *
 * It reads index.{noun,verb,adj,adv}, {noun,verb,adj,adv}.exc and
 * cntlist.rev (Debian package wordnet-base) and writes OUT.c, or fails with
 * the name of the file it could not read. A host tool in C, not a script:
 * the build machine may have no Python. The output depends on the input
 * bytes alone (every table is sorted on a total order, nothing depends on
 * the locale, the clock or an address), so two runs write the same file. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N_POS = 4 };
static const char *const pos_name[N_POS] = {"noun", "verb", "adj", "adv"};
/* The part-of-speech letter in the second field of an index line. */
static const char pos_letter[N_POS] = {'n', 'v', 'a', 'r'};

/* A lemma's entry keeps its pool offset in 24 bits, its parts of speech
 * above. */
enum { OFFSET_BITS = 24 };

static const char *const prog = "wordnet_tables";

#include "wn_io.h"

/* A growable array of `size`-byte items. */
typedef struct {
  void *items;
  size_t len, cap, size;
} vec;

static void *vec_push(vec *v) {
  if (v->len == v->cap) {
    v->cap = v->cap ? 2 * v->cap : 1024;
    v->items = xrealloc(v->items, v->cap * v->size);
  }
  return (char *)v->items + v->len++ * v->size;
}

/* ---- Lemmas -------------------------------------------------------------- */

typedef struct {
  const char *text; /* into an input buffer */
  unsigned pos;     /* bits: 1 << part of speech index */
} lemma;

static int cmp_lemma(const void *a, const void *b) {
  return strcmp(((const lemma *)a)->text, ((const lemma *)b)->text);
}

/* The id of a lemma in the sorted, merged table, or -1. strcmp compares
 * bytes as unsigned char, the order morph.c's look-up assumes. */
static long find_lemma(const vec *lemmas, const char *s) {
  const lemma *l = lemmas->items;
  size_t lo = 0, hi = lemmas->len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(l[mid].text, s);
    if (c == 0)
      return (long)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

/* Lines of an index file: "lemma pos synset_cnt ...", after a licence
 * header of lines that start with a space. A line whose pos field is not
 * the file's own says the file is not what we think it is: stop. */
static void read_index(char *buf, const char *name, int p, vec *lemmas) {
  char *s = buf, *line;
  unsigned long n = 0;
  while ((line = next_line(&s))) {
    n++;
    if (line[0] == ' ' || line[0] == '\0')
      continue;
    char *word = next_field(&line);
    char *letter = next_field(&line);
    if (!letter || letter[0] != pos_letter[p] || letter[1])
      die("%s:%lu: not a WordNet index line of part of speech '%c'", name, n,
          pos_letter[p]);
    normalise(word);
    lemma *l = vec_push(lemmas);
    l->text = word;
    l->pos = 1u << p;
  }
}

/* Sort and merge: one entry per lemma, with every part of speech it has. */
static void merge_lemmas(vec *lemmas) {
  lemma *l = lemmas->items;
  qsort(l, lemmas->len, sizeof *l, cmp_lemma);
  size_t out = 0;
  for (size_t i = 0; i < lemmas->len; i++) {
    if (out && strcmp(l[out - 1].text, l[i].text) == 0)
      l[out - 1].pos |= l[i].pos;
    else
      l[out++] = l[i];
  }
  lemmas->len = out;
}

/* ---- Irregular forms and counts ------------------------------------------ */

typedef struct {
  const char *form;
  uint32_t target; /* lemma id << 2 | part of speech index */
} exc;

static int cmp_u32(uint32_t x, uint32_t y) { return (x > y) - (x < y); }

static int cmp_exc(const void *a, const void *b) {
  const exc *x = a, *y = b;
  int c = strcmp(x->form, y->form);
  return c ? c : cmp_u32(x->target, y->target);
}

/* A target that stands for the form's line itself: the form is listed in
 * that part of speech's .exc file, whichever of its lemmas survive. */
#define LISTED (UINT32_MAX >> 2)

/* Lines of an .exc file: "form lemma [lemma...]". A lemma that is not in
 * the index with this part of speech would be a reading no look-up could
 * confirm: it is dropped and counted. The line still counts, as a LISTED
 * entry: morphy does not apply its rules to a listed form, and WordNet
 * lists some forms to keep the rules off them ("seed seed" keeps "seed"
 * from being read "see" + "-ed"). */
static void read_exc(char *buf, int p, const vec *lemmas, vec *excs,
                     size_t *dropped) {
  const lemma *l = lemmas->items;
  char *s = buf, *line, *form, *target;
  while ((line = next_line(&s))) {
    if (!(form = next_field(&line)))
      continue;
    normalise(form);
    exc *listed = vec_push(excs);
    listed->form = form;
    listed->target = LISTED << 2 | (uint32_t)p;
    while ((target = next_field(&line))) {
      normalise(target);
      long id = find_lemma(lemmas, target);
      if (id < 0 || !(l[id].pos & (1u << p))) {
        (*dropped)++;
        continue;
      }
      exc *e = vec_push(excs);
      e->form = form;
      e->target = (uint32_t)id << 2 | (uint32_t)p;
    }
  }
}

typedef struct {
  uint32_t key; /* lemma id << 2 | part of speech index */
  unsigned long count;
} tagged;

static int cmp_tagged(const void *a, const void *b) {
  return cmp_u32(((const tagged *)a)->key, ((const tagged *)b)->key);
}

/* cntlist.rev: "sense_key sense_number tag_count", the sense key being
 * "lemma%ss_type:..." with ss_type 1 noun, 2 verb, 3 adjective, 4 adverb,
 * 5 adjective satellite. Counts are summed per lemma and part of speech;
 * a sense of a lemma the index lacks is dropped and counted. */
static void read_counts(char *buf, const vec *lemmas, vec *tags,
                        size_t *dropped) {
  static const int pos_of_type[6] = {-1, 0, 1, 2, 3, 2};
  const lemma *l = lemmas->items;
  char *s = buf, *line;
  unsigned long n = 0;
  while ((line = next_line(&s))) {
    n++;
    char *key = next_field(&line);
    char *sense = next_field(&line);
    char *count = next_field(&line);
    char *pct = key ? strchr(key, '%') : NULL;
    if (!pct || !sense || !count || pct[1] < '1' || pct[1] > '5')
      die("cntlist.rev:%lu: not a sense count line", n);
    *pct = '\0';
    normalise(key);
    int p = pos_of_type[pct[1] - '0'];
    long id = find_lemma(lemmas, key);
    if (id < 0 || !(l[id].pos & (1u << p))) {
      (*dropped)++;
      continue;
    }
    tagged *t = vec_push(tags);
    t->key = (uint32_t)id << 2 | (uint32_t)p;
    t->count = strtoul(count, NULL, 10);
  }
  tagged *t = tags->items;
  qsort(t, tags->len, sizeof *t, cmp_tagged);
  size_t out = 0;
  for (size_t i = 0; i < tags->len; i++) {
    if (out && t[out - 1].key == t[i].key)
      t[out - 1].count += t[i].count;
    else
      t[out++] = t[i];
  }
  tags->len = out;
}

/* ---- Output -------------------------------------------------------------- */

/* Princeton's notice, which its licence asks to go with every copy and
 * derived table, taken from the header of the index file itself ("  1 This
 * software ...  "): the line numbers and trailing blanks dropped, as a C
 * comment. No header, no table. */
static void put_licence(FILE *f, const char *index) {
  const char *s = index;
  int lines = 0, princeton = 0;
  fputs(" * WordNet's licence, from the header of index.noun:\n *\n", f);
  while (s[0] == ' ') {
    const char *end = strchr(s, '\n');
    if (!end)
      break;
    const char *text = s;
    while (text < end && *text == ' ')
      text++;
    while (text < end && *text >= '0' && *text <= '9')
      text++;
    if (text < end && *text == ' ')
      text++;
    const char *stop = end;
    while (stop > text && (stop[-1] == ' ' || stop[-1] == '\r'))
      stop--;
    for (const char *c = text; c + 1 < stop; c++)
      if (c[0] == '*' && c[1] == '/')
        die("index.noun: the licence header holds \"*/\"");
    fputs(stop > text ? " *   " : " *", f);
    fwrite(text, 1, (size_t)(stop - text), f);
    fputc('\n', f);
    const char *name = strstr(text, "Princeton");
    if (name && name < stop)
      princeton = 1;
    lines++;
    s = end + 1;
  }
  if (!lines || !princeton)
    die("index.noun: no licence header naming Princeton; a derived table "
        "must carry WordNet's notice");
}

/* A string as the body of a C string literal: printable ASCII as is, the
 * rest as three-digit octal escapes, which never take in a following
 * digit; '?' escaped too, since C11 without extensions reads trigraphs. */
static void put_literal(FILE *f, const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\')
      fprintf(f, "\\%c", c);
    else if (c < 0x20 || c >= 0x7F || c == '?')
      fprintf(f, "\\%03o", c);
    else
      fputc(c, f);
  }
}

/* A string pool: each string and "\0" closed as a literal of its own, so
 * that an escape never runs into the next string; a static assertion that
 * the compiler counted `size` bytes (plus the literal's own NUL). */
static void put_pool(FILE *f, const char *name, const char *const *strings,
                     size_t n, size_t size) {
  fprintf(f, "static const char %s[] =", name);
  for (size_t i = 0; i < n; i++) {
    fputs(i % 6 ? " \"" : "\n    \"", f);
    put_literal(f, strings[i]);
    fputs("\\0\"", f);
  }
  fprintf(f, ";\n_Static_assert(sizeof %s == %zu + 1, \"%s\");\n\n", name, size,
          name);
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static void put_array(FILE *f, const char *type, const char *name,
                      const uint32_t *a, size_t n) {
  fprintf(f, "static const %s %s[%zu] = {", type, name, n ? n : 1);
  for (size_t i = 0; i < n; i++)
    fprintf(f, "%s%lu,", i % 10 ? " " : "\n    ", (unsigned long)a[i]);
  fputs(n ? "\n};\n\n" : "0};\n\n", f);
}

/* ---- Hash indexes ------------------------------------------------------- */

/* FNV-1a, 32 bits, over a string's bytes: graph/morph.c computes the same
 * to find a slot, so the two must not drift apart (the unit tests find
 * every lemma through it). */
static uint32_t hash32(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

/* An open-addressing index over n strings, ids 0 .. n-1: 2^bits slots, at
 * most three quarters full, probed linearly from the slot of the hash's
 * low bits. A slot is 0 when empty, else the string's id + 1 in its low
 * bits and the hash's high bits above, so that a look-up passes over
 * other strings' slots without reading them. Filled in id order, so the
 * same strings give the same table. */
static uint32_t *build_index(const char *const *strings, size_t n,
                             unsigned *bits) {
  unsigned b = 4;
  while (((size_t)1 << b) * 3 < n * 4)
    b++;
  if (b > 30)
    die("%zu strings are too many for a 32-bit hash index", n);
  size_t size = (size_t)1 << b, mask = size - 1;
  uint32_t *slots = xrealloc(NULL, size * sizeof *slots);
  memset(slots, 0, size * sizeof *slots);
  for (size_t id = 0; id < n; id++) {
    uint32_t h = hash32(strings[id]);
    size_t i = h & mask;
    while (slots[i])
      i = (i + 1) & mask;
    slots[i] = (uint32_t)(h & ~mask) | (uint32_t)(id + 1);
  }
  *bits = b;
  return slots;
}

/* ---- Main ---------------------------------------------------------------- */

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s WORDNET_DICT_DIR OUT.c\n", prog);
    return 2;
  }
  const char *dir = argv[1], *out_path = argv[2];
  char *bufs[2 * N_POS + 1];
  char name[32];

  /* Lemmas: sorted, merged, in a pool; entry n is the pool's end. */
  vec lemmas = {.size = sizeof(lemma)};
  for (int p = 0; p < N_POS; p++) {
    snprintf(name, sizeof name, "index.%s", pos_name[p]);
    bufs[p] = read_file(dir, name);
  }
  /* a copy of the licence header (its lines start with a space), taken
   * before read_index cuts the lines */
  size_t header = 0;
  while (bufs[0][header] == ' ') {
    char *end = strchr(bufs[0] + header, '\n');
    header = end ? (size_t)(end + 1 - bufs[0]) : strlen(bufs[0]);
  }
  char *licence = xrealloc(NULL, header + 1);
  memcpy(licence, bufs[0], header);
  licence[header] = '\0';
  for (int p = 0; p < N_POS; p++) {
    snprintf(name, sizeof name, "index.%s", pos_name[p]);
    read_index(bufs[p], name, p, &lemmas);
  }
  merge_lemmas(&lemmas);
  const lemma *lem = lemmas.items;
  size_t n = lemmas.len;
  if (n == 0)
    die("%s/index.*: no lemmas", dir);
  uint32_t *entry = xrealloc(NULL, (n + 1) * sizeof *entry);
  const char **texts = xrealloc(NULL, n * sizeof *texts);
  size_t pool_size = 0, max_len = 0;
  for (size_t i = 0; i < n; i++) {
    size_t l = strlen(lem[i].text);
    texts[i] = lem[i].text;
    entry[i] = (uint32_t)pool_size | (uint32_t)lem[i].pos << OFFSET_BITS;
    pool_size += l + 1;
    if (l > max_len)
      max_len = l;
  }
  if (pool_size >= (size_t)1 << OFFSET_BITS)
    die("%s/index.*: the lemmas outgrow a 24-bit offset", dir);
  entry[n] = (uint32_t)pool_size;

  unsigned lemma_bits;
  uint32_t *lemma_index = build_index(texts, n, &lemma_bits);

  /* Irregular forms: sorted by (form, target), deduplicated, grouped. */
  vec excs = {.size = sizeof(exc)};
  size_t exc_dropped = 0;
  for (int p = 0; p < N_POS; p++) {
    snprintf(name, sizeof name, "%s.exc", pos_name[p]);
    bufs[N_POS + p] = read_file(dir, name);
    read_exc(bufs[N_POS + p], p, &lemmas, &excs, &exc_dropped);
  }
  exc *ex = excs.items;
  qsort(ex, excs.len, sizeof *ex, cmp_exc);
  size_t n_target = 0;
  for (size_t i = 0; i < excs.len; i++)
    if (!n_target || cmp_exc(&ex[n_target - 1], &ex[i]))
      ex[n_target++] = ex[i];
  const char **forms = xrealloc(NULL, (n_target + 1) * sizeof *forms);
  uint32_t *exc_form = xrealloc(NULL, (n_target + 1) * sizeof *exc_form);
  uint32_t *exc_first = xrealloc(NULL, (n_target + 1) * sizeof *exc_first);
  uint32_t *exc_target = xrealloc(NULL, (n_target + 1) * sizeof *exc_target);
  /* A form's entry: its pool offset, and above it the parts of speech
   * whose .exc file lists it; its LISTED targets go no further. */
  size_t n_exc = 0, exc_pool_size = 0, max_form_len = 0, n_real = 0;
  for (size_t i = 0; i < n_target; i++) {
    if (!n_exc || strcmp(forms[n_exc - 1], ex[i].form)) {
      size_t l = strlen(ex[i].form);
      forms[n_exc] = ex[i].form;
      exc_form[n_exc] = (uint32_t)exc_pool_size;
      exc_first[n_exc] = (uint32_t)n_real;
      n_exc++;
      exc_pool_size += l + 1;
      if (l > max_form_len)
        max_form_len = l;
    }
    exc_form[n_exc - 1] |= 1u << (ex[i].target & 3) << OFFSET_BITS;
    if (ex[i].target >> 2 != LISTED)
      exc_target[n_real++] = ex[i].target;
  }
  if (exc_pool_size >= (size_t)1 << OFFSET_BITS)
    die("%s/*.exc: the forms outgrow a 24-bit offset", dir);
  exc_form[n_exc] = (uint32_t)exc_pool_size;
  exc_first[n_exc] = (uint32_t)n_real;
  unsigned exc_bits;
  uint32_t *exc_index = build_index(forms, n_exc, &exc_bits);
  /* The same readings the other way round, sorted by reading (then form):
   * a lemma's irregular forms by binary search, not by a scan of them all
   * (sckg_morph_verb_forms, at every start-up). */
  uint64_t *rev = xrealloc(NULL, (n_real + 1) * sizeof *rev);
  for (size_t i = 0; i < n_exc; i++)
    for (uint32_t k = exc_first[i]; k < exc_first[i + 1]; k++)
      rev[k] = (uint64_t)exc_target[k] << 32 | (uint32_t)i;
  qsort(rev, n_real, sizeof *rev, cmp_u64);
  uint32_t *rev_target = xrealloc(NULL, (n_real + 1) * sizeof *rev_target);
  uint32_t *rev_form = xrealloc(NULL, (n_real + 1) * sizeof *rev_form);
  for (size_t k = 0; k < n_real; k++) {
    rev_target[k] = (uint32_t)(rev[k] >> 32);
    rev_form[k] = (uint32_t)rev[k];
  }

  /* Sense-tagged counts, saturated to 16 bits (the largest, "be" as a
   * verb, is 16,667). */
  vec tags = {.size = sizeof(tagged)};
  size_t tagged_dropped = 0;
  bufs[2 * N_POS] = read_file(dir, "cntlist.rev");
  read_counts(bufs[2 * N_POS], &lemmas, &tags, &tagged_dropped);
  const tagged *tg = tags.items;
  uint32_t *tag_key = xrealloc(NULL, (tags.len + 1) * sizeof *tag_key);
  uint32_t *tag_count = xrealloc(NULL, (tags.len + 1) * sizeof *tag_count);
  for (size_t i = 0; i < tags.len; i++) {
    tag_key[i] = tg[i].key;
    tag_count[i] = tg[i].count > 65535 ? 65535 : (uint32_t)tg[i].count;
  }

  /* Write to a temporary name and rename, so that a failed run never
   * leaves a half file that the build would take as up to date. */
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", out_path);
  FILE *f = fopen(tmp, "w");
  if (!f)
    die("cannot write %s: %s", tmp, strerror(errno));
  fputs("/* Generated by schema/tools/wordnet_tables.c from WordNet 3.0 "
        "(Princeton\n * University): do not edit. graph/lexicon/morph.h "
        "describes "
        "the tables.\n *\n",
        f);
  put_licence(f, licence);
  fputs(" */\n#include \"lexicon/morph.h\"\n\n", f);
  fprintf(f,
          "/* Any form that may inflect a lemma fits morph.c's buffers. */\n"
          "_Static_assert(%zu + %zu < SCKG_MORPH_LEN_MAX, \"lengths\");\n\n",
          max_len, max_form_len);
  fputs("/* The pools are single literals of a megabyte or more: C11 promises\n"
        " * 4095 bytes, GCC and clang take any length. */\n"
        "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n\n",
        f);
  put_pool(f, "pool", texts, n, pool_size);
  put_array(f, "uint32_t", "lemma", entry, n + 1);
  put_array(f, "uint32_t", "lemma_index", lemma_index, (size_t)1 << lemma_bits);
  put_pool(f, "exc_pool", forms, n_exc, exc_pool_size);
  put_array(f, "uint32_t", "exc_form", exc_form, n_exc + 1);
  put_array(f, "uint32_t", "exc_first", exc_first, n_exc + 1);
  put_array(f, "uint32_t", "exc_target", exc_target, n_real);
  put_array(f, "uint32_t", "exc_index", exc_index, (size_t)1 << exc_bits);
  put_array(f, "uint32_t", "exc_by_target", rev_target, n_real);
  put_array(f, "uint32_t", "exc_form_of", rev_form, n_real);
  put_array(f, "uint32_t", "tagged_key", tag_key, tags.len);
  put_array(f, "uint16_t", "tagged", tag_count, tags.len);
  fprintf(f,
          "const sckg_morph_tables sckg_morph_wordnet = {\n"
          "    .pool = pool,\n"
          "    .lemma = lemma,\n"
          "    .n = %zu,\n"
          "    .max_len = %zu,\n"
          "    .lemma_index = lemma_index,\n"
          "    .lemma_bits = %u,\n"
          "    .exc_pool = exc_pool,\n"
          "    .exc_form = exc_form,\n"
          "    .exc_first = exc_first,\n"
          "    .exc_target = exc_target,\n"
          "    .exc_index = exc_index,\n"
          "    .exc_bits = %u,\n"
          "    .n_exc = %zu,\n"
          "    .exc_by_target = exc_by_target,\n"
          "    .exc_form_of = exc_form_of,\n"
          "    .n_exc_readings = %zu,\n"
          "    .max_form_len = %zu,\n"
          "    .tagged_key = tagged_key,\n"
          "    .tagged = tagged,\n"
          "    .n_tagged = %zu,\n"
          "};\n",
          n, max_len, lemma_bits, exc_bits, n_exc, n_real, max_form_len,
          tags.len);
  if (ferror(f) | (fclose(f) != 0))
    die("cannot write %s: %s", tmp, strerror(errno));
  if (rename(tmp, out_path) != 0)
    die("cannot rename %s to %s: %s", tmp, out_path, strerror(errno));

  printf("%s: %zu lemmas, %zu irregular forms (%zu readings, %zu dropped: "
         "not lemmas of their part of speech), %zu tagged readings (%zu "
         "senses dropped)\n",
         prog, n, n_exc, n_real, exc_dropped, tags.len, tagged_dropped);

  for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++)
    free(bufs[i]);
  free(licence);
  free(lemmas.items);
  free(entry);
  free(texts);
  free(lemma_index);
  free(exc_index);
  free(rev);
  free(rev_target);
  free(rev_form);
  free(excs.items);
  free(forms);
  free(exc_form);
  free(exc_first);
  free(exc_target);
  free(tags.items);
  free(tag_key);
  free(tag_count);
  return 0;
}
