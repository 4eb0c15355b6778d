/* SPDX-License-Identifier: MIT */
/* The schema tables: the embedded schema holds what the extraction relies
 * on, and sckg_schema_load_dir rejects a broken table with the file and
 * line of the fault. The broken schemas are copies of the real tables of
 * the source tree (found through the SCKG_SOURCE_DIR environment variable)
 * with one line added or one table removed. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "lexicon/image.h"
#include "lexicon/lexicon.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- the embedded schema ----------------------------------------------- */

static const sckg_schema *embedded(void) {
  const sckg_schema *s = NULL;
  assert_int_equal(sckg_schema_embedded(&s), SCKG_OK);
  assert_non_null(s);
  return s;
}

static void embedded_is_loaded_once(void **state) {
  (void)state;
  const sckg_schema *a = embedded(), *b = embedded();
  assert_ptr_equal(a, b);
  assert_true(a->n_actors > 100);
  assert_true(a->n_phrases > a->n_actors);
}

static void embedded_north_korea(void **state) {
  (void)state;
  const sckg_schema *s = embedded();
  lex_actor *a = sckg_lexicon_actor(s, "north-korea");
  assert_non_null(a);
  assert_string_equal(a->id, "north-korea");
  assert_non_null(a->qid);
  assert_string_equal(a->qid, "Q423");
  assert_int_equal(a->cls, SCKG_CLASS_STATE);
  assert_string_equal(a->label, "North Korea");
  assert_null(a->parent);
  assert_ptr_equal(s->actors[a->index], a);
  assert_null(sckg_lexicon_actor(s, "no-such-actor"));
  assert_null(sckg_lexicon_actor(s, ""));
}

/* A name is an actor's when its words are one of the actor's names, all of
 * them: a word the schema lacks, first, inside or last, makes it none. */
static void embedded_by_name(void **state) {
  (void)state;
  const sckg_schema *s = embedded();
  const lex_actor *nk = sckg_lexicon_actor(s, "north-korea");
  static const char *const names[] = {"North Korea", "DPRK",
                                      "Democratic People's Republic of Korea"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    assert_ptr_equal(sckg_lexicon_by_name(s, names[i], strlen(names[i])), nk);
  static const char *const none[] = {"Qzxv Korea", "North Qzxv Korea",
                                     "North Korea Qzxv", "North", ""};
  for (size_t i = 0; i < sizeof none / sizeof *none; i++)
    assert_null(sckg_lexicon_by_name(s, none[i], strlen(none[i])));
  /* more words than a name holds: none, whatever they are */
  char many[33 * 6 + 1] = "";
  for (int i = 0; i < 33; i++)
    strcat(many, "North ");
  assert_null(sckg_lexicon_by_name(s, many, strlen(many)));
}

/* Each word's entry is found from its slot in the strings as from its
 * interned form (sckg_lexicon_entry_at), and a word the schema lacks finds
 * none. */
static void word_slots_agree(const sckg_schema *s) {
  size_t n = 0;
  for (size_t k = 0; k < s->words_cap; k++) {
    const char *key = s->words[k].key;
    if (!key)
      continue;
    const char *w, *l;
    size_t at = sckg_strtab_find_cased(s->strings, key, strlen(key), &w, &l);
    assert_ptr_equal(l, key);
    assert_ptr_equal(sckg_lexicon_entry_at(s, at), sckg_lexicon_entry(s, key));
    assert_ptr_equal(sckg_lexicon_entry_at(s, at), &s->words[k]);
    n++;
  }
  assert_true(n > 100);
  const char *w, *l;
  size_t at = sckg_strtab_find_cased(s->strings, "Qzxv", 4, &w, &l);
  assert_null(l);
  assert_null(sckg_lexicon_entry_at(s, at));
}

static void embedded_word_slots(void **state) {
  (void)state;
  word_slots_agree(embedded());
}

/* The schema loaded from the tables of the source tree (the embedded one
 * is their image): a second schema, at another place. */
static sckg_schema *tables_schema(void) {
  const char *src = getenv("SCKG_SOURCE_DIR");
  assert_non_null(src);
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/schema", src);
  sckg_schema *t = NULL;
  assert_int_equal(sckg_schema_load_dir(dir, NULL, NULL, &t), SCKG_OK);
  return t;
}

/* Each candidate's lex_cand_info tells what its phrase and signature do:
 * the matcher trusts it in their place. */
static void cand_info_agrees(const sckg_schema *s) {
  assert_true(s->n_phrases > 100);
  for (size_t k = 0; k < s->n_phrases; k++) {
    uint32_t at = lex_cand_at(s->cands[k]);
    const lex_cand_info *c = &s->cand_info[k];
    const phrase *ph = s->phrases[at];
    const lex_sig *sig = &s->sigs[at];
    bool star = ph->star != ph->n;
    bool sure = ph->fold_case && !ph->wclass && !star && ph->n <= 2;
    bool paired = ph->fold_case && ph->kind != PH_ANAPHOR && !ph->wclass &&
                  !star && ph->n >= 2;
    if (c->ph != ph || c->kind != ph->kind || c->n != ph->n ||
        memcmp(c->sig, sig->bits + 1, sizeof c->sig) ||
        !(c->flags & LEX_CAND_STAR) != !star ||
        !(c->flags & LEX_CAND_MORE) != !(sig->n > LEX_SIG_TESTED) ||
        !(c->flags & LEX_CAND_SURE) != !sure ||
        !(c->flags & LEX_CAND_PAIRED) != !paired)
      fail_msg("the candidate info of \"%s\" disagrees", ph->text);
  }
}

/* both where the tables are loaded and in their image */
static void embedded_cand_info(void **state) {
  (void)state;
  cand_info_agrees(embedded());
  sckg_schema *t = tables_schema();
  cand_info_agrees(t);
  sckg_schema_free(t);
}

/* The bucket of a phrase of a pair's group (lex_keyed), as the test reads
 * it: its third word's bit, when it has a word there. */
static unsigned third_bucket_of(const sckg_schema *s, const phrase *ph) {
  bool word = ph->n >= 3 && !(ph->is_star && ph->is_star[2]) &&
              !(ph->wclass && ph->wclass[2]);
  return word ? sckg_lexicon_bloom_bit(s, ph->ltoks[2]) : LEX_THIRD_ANY;
}

/* A long group of a pair finds its phrases s->cands[at..at + n) all by
 * third word (lex_keyed), each once, in its own bucket: the matcher reads
 * them through it in place of the group. */
static void keyed_group_agrees(const sckg_schema *s, uint32_t at, uint32_t n,
                               uint32_t keyed) {
  if (!keyed != (n < LEX_KEYED_MIN))
    fail_msg("a group of %u phrases is keyed when it should not be, or not", n);
  if (!keyed)
    return;
  assert_true(keyed <= s->n_keyed);
  const lex_keyed *x = &s->keyed[keyed - 1];
  const uint16_t *order = s->key_order + x->order_at;
  assert_true(x->order_at + n <= s->n_key_order);
  assert_int_equal(x->from[0], 0);
  assert_int_equal(x->from[LEX_THIRD_ANY + 1], n);
  bool *met = sckg_xcalloc(n, sizeof *met);
  for (unsigned b = 0; b <= LEX_THIRD_ANY; b++)
    for (unsigned j = x->from[b]; j < x->from[b + 1]; j++) {
      assert_true(order[j] < n && !met[order[j]]);
      met[order[j]] = true;
      const phrase *ph = s->phrases[lex_cand_at(s->cands[at + order[j]])];
      if (third_bucket_of(s, ph) != b)
        fail_msg("\"%s\" is in bucket %u, not its own", ph->text, b);
    }
  free(met);
}

/* Every pair's group, keyed when long. */
static void keyed_agrees(const sckg_schema *s) {
  size_t n_keyed = 0;
  for (size_t k = 0; k < s->pairs_cap; k++)
    if (s->pairs[k].n) {
      keyed_group_agrees(s, s->pairs[k].at, s->pairs[k].n, s->pairs[k].keyed);
      n_keyed += s->pairs[k].keyed != 0;
    }
  assert_int_equal(n_keyed, s->n_keyed);
  assert_true(n_keyed > 0); /* the schema has long groups: tested at all */
}

/* both where the tables are loaded and in their image */
static void embedded_keyed(void **state) {
  (void)state;
  keyed_agrees(embedded());
  sckg_schema *t = tables_schema();
  keyed_agrees(t);
  sckg_schema_free(t);
}

/* What the schema knows of a text, as sckg_lexicon_form gives it: its
 * forms, their entry, its classes and its bit. */
static void form_agrees(const sckg_schema *s, const lex_form *f,
                        const char *text, size_t len) {
  const char *w, *l;
  size_t at = sckg_strtab_find_cased(s->strings, text, len, &w, &l);
  const lex_word *e = sckg_lexicon_entry_at(s, at);
  if (f->written != w || f->lowered != l || f->entry != e ||
      f->cls != (e ? e->cls : 0) ||
      f->bloom != (l ? sckg_lexicon_bloom_bit(s, l) : LEX_SIG_ANY))
    fail_msg("the form of \"%.*s\" disagrees", (int)len, text);
}

/* The memo of forms agrees with the look-ups it saves, for the schema's
 * words as they are and capitalised, and for words it lacks, short and
 * longer than a key, each looked up three times among the others (so that
 * slots are filled, hit and taken over); asked of another schema, it
 * forgets the first one's. */
static void embedded_forms_memo(void **state) {
  (void)state;
  const sckg_schema *s = embedded();
  lex_form_memo *m = sckg_xcalloc_aligned(64, sizeof *m);
  static const char *const odd[] = {"Qzxv", "qzxv-linked", "",
                                    "Supercalifragilisticexpialidocious"};
  for (int round = 0; round < 3; round++) {
    for (size_t k = 0; k < s->words_cap; k++) {
      const char *key = s->words[k].key;
      if (!key)
        continue;
      char cap[64];
      size_t n = strlen(key);
      if (n >= sizeof cap)
        continue;
      form_agrees(s, sckg_lexicon_form(m, s, key, n), key, n);
      memcpy(cap, key, n);
      cap[0] = cap[0] >= 'a' && cap[0] <= 'z' ? (char)(cap[0] - 32) : cap[0];
      form_agrees(s, sckg_lexicon_form(m, s, cap, n), cap, n);
    }
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++)
      form_agrees(s, sckg_lexicon_form(m, s, odd[i], strlen(odd[i])), odd[i],
                  strlen(odd[i]));
  }
  sckg_schema *t = tables_schema();
  const lex_form *f = sckg_lexicon_form(m, t, "North", 5);
  form_agrees(t, f, "North", 5);
  assert_ptr_equal(f->lowered, sckg_strtab_find(t->strings, "north", 5));
  sckg_schema_free(t);
  free(m);
}

static void embedded_person_has_parent(void **state) {
  (void)state;
  const sckg_schema *s = embedded();
  lex_actor *a = sckg_lexicon_actor(s, "kim-gunn");
  assert_non_null(a);
  assert_int_equal(a->cls, SCKG_CLASS_PERSON);
  assert_non_null(a->parent);
  assert_non_null(a->parent_id);
  assert_string_equal(a->parent->id, a->parent_id);
  assert_string_equal(a->parent->id, "south-korea");
  assert_ptr_equal(a->parent, sckg_lexicon_actor(s, "south-korea"));
}

static void embedded_related_ids_resolve(void **state) {
  (void)state;
  const sckg_schema *s = embedded();
  lex_actor *lazarus = sckg_lexicon_actor(s, "lazarus-group");
  assert_non_null(lazarus);
  assert_true(lazarus->n_related > 0);
  bool apt38 = false;
  for (size_t i = 0; i < lazarus->n_related; i++) {
    lex_actor *r = lazarus->related[i];
    assert_non_null(r);
    assert_ptr_not_equal(r, lazarus);
    assert_ptr_equal(sckg_lexicon_actor(s, r->id), r);
    apt38 |= strcmp(r->id, "apt38") == 0;
  }
  assert_true(apt38);
}

/* Every actor: sorted by id, index right, parent and related resolved,
 * Wikidata id well formed. */
static void embedded_actors_are_consistent(void **state) {
  (void)state;
  const sckg_schema *s = embedded();
  for (size_t i = 0; i < s->n_actors; i++) {
    const lex_actor *a = s->actors[i];
    assert_int_equal(a->index, i);
    if (i)
      assert_true(strcmp(s->actors[i - 1]->id, a->id) < 0);
    assert_true(a->cls < SCKG_CLASS_COUNT);
    assert_non_null(a->label);
    if (a->parent_id) {
      if (!a->parent)
        fail_msg("%s: parent %s not resolved", a->id, a->parent_id);
      assert_string_equal(a->parent->id, a->parent_id);
    }
    for (size_t k = 0; k < a->n_related; k++)
      assert_ptr_equal(sckg_lexicon_actor(s, a->related[k]->id), a->related[k]);
    if (a->qid) {
      assert_int_equal(a->qid[0], 'Q');
      assert_true(a->qid[1] != '\0');
      assert_int_equal(strspn(a->qid + 1, "0123456789"), strlen(a->qid + 1));
    }
  }
}

/* An alias and a place name of the lexicon lead to their actor. */
static void embedded_aliases_lead_to_actor(void **state) {
  (void)state;
  const sckg_schema *s = embedded();
  lex_actor *nk = sckg_lexicon_actor(s, "north-korea");
  const char *words[] = {"dprk", "pyongyang"};
  for (size_t w = 0; w < 2; w++) {
    const char *tok = sckg_strtab_find(s->strings, words[w], strlen(words[w]));
    assert_non_null(tok);
    size_t n = 0;
    phrase **ph = sckg_lexicon_phrases(s, tok, &n);
    bool found = false;
    for (size_t i = 0; i < n; i++) {
      assert_ptr_equal(ph[i]->ltoks[0], tok);
      if (i)
        assert_true(ph[i - 1]->n >= ph[i]->n); /* longest first */
      if (ph[i]->kind == PH_ACTOR && ph[i]->actor == nk && ph[i]->n == 1) {
        found = true;
        assert_int_equal(ph[i]->place, w == 1);
      }
    }
    if (!found)
      fail_msg("'%s' does not name north-korea", words[w]);
  }
}

/* --- schema directories ------------------------------------------------ */

/* The source tree, from the environment; every directory test needs it. */
static const char *source_dir(void) {
  const char *s = getenv("SCKG_SOURCE_DIR");
  if (!s || !*s)
    fail_msg("SCKG_SOURCE_DIR is not set: run this test through ctest, or "
             "set SCKG_SOURCE_DIR to the sckg source tree (the folder that "
             "holds schema/)");
  return s;
}

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    fail_msg("cannot open %s", path);
  char *data = NULL;
  size_t n = 0, cap = 0, got;
  char chunk[8192];
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (n + got + 1 > cap) {
      cap = (n + got + 1) * 2;
      data = realloc(data, cap);
      assert_non_null(data);
    }
    memcpy(data + n, chunk, got);
    n += got;
  }
  fclose(f);
  if (!data)
    data = calloc(1, 1);
  data[n] = '\0';
  *len = n;
  return data;
}

static void write_all(const char *path, const char *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f)
    fail_msg("cannot create %s", path);
  assert_int_equal(fwrite(data, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
}

/* A temporary copy of schema/, made by the setup, removed by the teardown. */
typedef struct {
  char dir[64];
} schema_copy;

static int copy_setup(void **state) {
  const char *src = getenv("SCKG_SOURCE_DIR");
  schema_copy *c = calloc(1, sizeof *c);
  *state = c;
  if (!src || !*src)
    return 0; /* the test itself fails with the reason */
  snprintf(c->dir, sizeof c->dir, "/tmp/sckg-lexicon-XXXXXX");
  if (!mkdtemp(c->dir))
    return -1;
  char from[4096], to[4096];
  snprintf(from, sizeof from, "%s/schema", src);
  DIR *d = opendir(from);
  if (!d)
    return -1;
  struct dirent *e;
  size_t copied = 0;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.')
      continue;
    snprintf(from, sizeof from, "%s/schema/%s", src, e->d_name);
    struct stat st;
    if (stat(from, &st) != 0 || !S_ISREG(st.st_mode))
      continue;
    size_t len;
    char *data = read_all(from, &len);
    snprintf(to, sizeof to, "%s/%s", c->dir, e->d_name);
    write_all(to, data, len);
    free(data);
    copied++;
  }
  closedir(d);
  return copied ? 0 : -1;
}

static int copy_teardown(void **state) {
  schema_copy *c = *state;
  if (c->dir[0]) {
    DIR *d = opendir(c->dir);
    if (d) {
      struct dirent *e;
      char path[4096];
      while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
          continue;
        snprintf(path, sizeof path, "%s/%s", c->dir, e->d_name);
        unlink(path);
      }
      closedir(d);
    }
    rmdir(c->dir);
  }
  free(c);
  return 0;
}

static const char *copy_dir(void **state) {
  source_dir();
  return ((schema_copy *)*state)->dir;
}

/* Append one line to a table of the copy; returns its line number. */
static unsigned long append_line(const char *dir, const char *table,
                                 const char *line) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, table);
  size_t len;
  char *data = read_all(path, &len);
  unsigned long lines = 0;
  for (size_t i = 0; i < len; i++)
    lines += data[i] == '\n';
  size_t extra = strlen(line) + 2;
  data = realloc(data, len + extra + 1);
  assert_non_null(data);
  if (len && data[len - 1] != '\n') {
    data[len++] = '\n';
    lines++;
  }
  memcpy(data + len, line, strlen(line));
  len += strlen(line);
  data[len++] = '\n';
  write_all(path, data, len);
  free(data);
  return lines + 1;
}

/* Drop the line of a table of the copy that starts with `prefix`; returns
 * its line number, 0 when none does. */
static unsigned long drop_line(const char *dir, const char *table,
                               const char *prefix) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, table);
  size_t len;
  char *data = read_all(path, &len);
  unsigned long line = 1, found = 0;
  size_t b = 0;
  for (size_t i = 0; i <= len && !found; i++)
    if (i == len || data[i] == '\n') {
      if (!strncmp(data + b, prefix, strlen(prefix))) {
        found = line;
        size_t e = i < len ? i + 1 : i;
        memmove(data + b, data + e, len - e);
        len -= e - b;
      }
      line++;
      b = i + 1;
    }
  write_all(path, data, len);
  free(data);
  return found;
}

/* The first diagnostic a load reported, and how many there were. */
typedef struct {
  int n;
  sckg_status status;
  char file[512];
  unsigned long line;
  char message[512];
} diags;

static void record(void *handle, const sckg_diag *d) {
  diags *D = handle;
  if (D->n++ == 0) {
    D->status = d->status;
    snprintf(D->file, sizeof D->file, "%s", d->file ? d->file : "");
    D->line = d->line;
    snprintf(D->message, sizeof D->message, "%s", d->message ? d->message : "");
  }
}

/* A diagnostic's file names the table: the bare name or a path ending in
 * it. */
static bool names_table(const char *file, const char *table) {
  size_t n = strlen(file), m = strlen(table);
  return n >= m && strcmp(file + n - m, table) == 0 &&
         (n == m || file[n - m - 1] == '/');
}

/* Loading `dir` fails with SCKG_ERR_INPUT and a diagnostic at table:line
 * whose message mentions `mention` (when not NULL). */
static void expect_rejected(const char *dir, const char *table,
                            unsigned long line, const char *mention) {
  diags D = {0};
  sckg_schema *s = (sckg_schema *)&D; /* must be reset to NULL */
  sckg_status st = sckg_schema_load_dir(dir, record, &D, &s);
  if (st == SCKG_OK) {
    sckg_schema_free(s);
    fail_msg("the schema loaded although %s line %lu is broken", table, line);
  }
  assert_int_equal(st, SCKG_ERR_INPUT);
  assert_null(s);
  if (D.n < 1)
    fail_msg("no diagnostic for the broken %s", table);
  assert_int_equal(D.status, SCKG_ERR_INPUT);
  if (!names_table(D.file, table))
    fail_msg("diagnostic names file '%s', expected %s (%s)", D.file, table,
             D.message);
  if (D.line != line)
    fail_msg("diagnostic for %s at line %lu, expected line %lu (%s)", table,
             D.line, line, D.message);
  assert_true(D.message[0] != '\0');
  if (mention && !strstr(D.message, mention))
    fail_msg("message '%s' does not mention '%s'", D.message, mention);
}

static void copy_of_real_tables_loads(void **state) {
  const char *dir = copy_dir(state);
  diags D = {0};
  sckg_schema *s = NULL;
  assert_int_equal(sckg_schema_load_dir(dir, record, &D, &s), SCKG_OK);
  assert_int_equal(D.n, 0);
  assert_non_null(s);
  lex_actor *a = sckg_lexicon_actor(s, "north-korea");
  assert_non_null(a);
  assert_string_equal(a->qid, "Q423");
  lex_actor *k = sckg_lexicon_actor(s, "kim-gunn");
  assert_non_null(k);
  assert_non_null(k->parent);
  word_slots_agree(s);
  sckg_schema_free(s);
}

static void unknown_actor_class(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(dir, "actors.tsv",
                                   "zz-test\tCountry\t-\t-\tZz Test\t-\t-\t-");
  expect_rejected(dir, "actors.tsv", line, "Country");
}

static void duplicate_actor_id(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "actors.tsv",
                  "north-korea\tState\t-\t-\tNorth Korea Twice\t-\t-\t-");
  expect_rejected(dir, "actors.tsv", line, "north-korea");
}

static void unknown_parent_id(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(
      dir, "actors.tsv", "zz-test\tGroup\t-\tno-such-parent\tZz Test\t-\t-\t-");
  expect_rejected(dir, "actors.tsv", line, "no-such-parent");
}

static void unknown_related_id(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "actors.tsv",
                  "zz-test\tGroup\t-\t-\tZz Test\t-\t-\tno-such-related");
  expect_rejected(dir, "actors.tsv", line, "no-such-related");
}

static void bad_wikidata_id(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(dir, "actors.tsv",
                                   "zz-test\tState\tQ12x\t-\tZz Test\t-\t-\t-");
  expect_rejected(dir, "actors.tsv", line, "Q12x");
}

static void wikidata_id_without_digits(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "actors.tsv", "zz-test\tState\tQ\t-\tZz Test\t-\t-\t-");
  expect_rejected(dir, "actors.tsv", line, NULL);
}

static void actor_id_with_uppercase(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "actors.tsv", "Zz-Test\tState\t-\t-\tZz Test\t-\t-\t-");
  expect_rejected(dir, "actors.tsv", line, "Zz-Test");
}

static void actor_with_too_few_fields(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(dir, "actors.tsv", "zz-test\tState\t-\t-");
  expect_rejected(dir, "actors.tsv", line, NULL);
}

static void unknown_event_type(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(
      dir, "events.tsv", "Frobnicate\tverb\tfrobnicated\tsubj\tobj\t-");
  expect_rejected(dir, "events.tsv", line, "Frobnicate");
}

static void event_with_too_few_fields(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "events.tsv", "Criticize\tverb\tblasted");
  expect_rejected(dir, "events.tsv", line, NULL);
}

/* noise.tsv: a row names a kind that has patterns, a place, and a
 * pattern that starts with a word. */
static void unknown_noise_kind(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(dir, "noise.tsv", "banner\tstart\tad:");
  expect_rejected(dir, "noise.tsv", line, "banner");
}

static void noise_kind_found_by_shape_only(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "noise.tsv", "timestamp\tstart\tposted");
  expect_rejected(dir, "noise.tsv", line, "timestamp");
}

static void unknown_noise_place(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "noise.tsv", "link\tanywhere\tread more:");
  expect_rejected(dir, "noise.tsv", line, "anywhere");
}

static void noise_pattern_without_a_word(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(dir, "noise.tsv", "credit\tend\t* photo");
  expect_rejected(dir, "noise.tsv", line, "* photo");
}

/* words.tsv's third field is a small number. */
static void word_value_not_a_number(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(dir, "words.tsv", "fortnight\tdayref\t-x");
  expect_rejected(dir, "words.tsv", line, "-x");
}

static void unknown_event_form(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(dir, "events.tsv",
                                   "Criticize\tadverb\tblasted\tsubj\tobj\t-");
  expect_rejected(dir, "events.tsv", line, "adverb");
}

/* schema/README.md lists the slots: subj, obj, by, poss, gap, support,
 * inverted, speaker, the prepositions and "-"; a misspelt slot must not
 * pass as a preposition. */
static void unknown_event_slot(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "events.tsv", "Criticize\tverb\tblasted\tsbuj\tobj\t-");
  expect_rejected(dir, "events.tsv", line, "sbuj");
}

/* types.tsv: every contract type once, with roles and a family it knows */
static void event_type_listed_twice(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "types.tsv", "Consult\t040\tconsults\tact\tsay\t-");
  expect_rejected(dir, "types.tsv", line, "twice");
}

static void event_type_missing(void **state) {
  const char *dir = copy_dir(state);
  assert_true(drop_line(dir, "types.tsv", "Consult\t") > 0);
  expect_rejected(dir, "types.tsv", 0, "Consult");
}

static void event_type_unknown_role(void **state) {
  const char *dir = copy_dir(state);
  drop_line(dir, "types.tsv", "Consult\t");
  unsigned long line = append_line(
      dir, "types.tsv", "Consult\t040\tconsults\tact|chatty\tsay\t-");
  expect_rejected(dir, "types.tsv", line, "chatty");
}

static void event_type_unknown_family(void **state) {
  const char *dir = copy_dir(state);
  drop_line(dir, "types.tsv", "Consult\t");
  unsigned long line =
      append_line(dir, "types.tsv", "Consult\t040\tconsults\tact\tgossip\t-");
  expect_rejected(dir, "types.tsv", line, "gossip");
}

/* a trigger's class token ("call * @pejorative") names a class of
 * words.tsv, and never starts the trigger */
static void unknown_trigger_class(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(
      dir, "events.tsv", "Criticize\tverb\tcall * @snarky\tsubj\tobj\t-");
  expect_rejected(dir, "events.tsv", line, "snarky");
}

static void trigger_starting_with_a_class(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(
      dir, "events.tsv", "Criticize\tverb\t@pejorative\tsubj\tobj\t-");
  expect_rejected(dir, "events.tsv", line, "pejorative");
}

/* "%name" in a trigger names a class of classes.tsv */
static void unknown_lexical_class(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "events.tsv", "Criticize\tverb\t%scold\tsubj\tobj\t-");
  expect_rejected(dir, "events.tsv", line, "%scold");
}

static void class_word_unknown_status(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "classes.tsv", "scold\tberate\t-\t-\tmaybe\tunsure");
  expect_rejected(dir, "classes.tsv", line, "maybe");
}

/* an excluded word stands for nothing: a class of only `out` rows is no
 * class a trigger may name */
static void class_of_excluded_words_only(void **state) {
  const char *dir = copy_dir(state);
  append_line(dir, "classes.tsv", "scold\tpan\t-\t-\tout\tcamera");
  unsigned long line =
      append_line(dir, "events.tsv", "Criticize\tverb\t%scold\tsubj\tobj\t-");
  expect_rejected(dir, "events.tsv", line, "%scold");
}

static void cue_only_for_agency_anaphors(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "anaphors.tsv", "the inspectors\tgroup\t-\t-\tmonitor");
  expect_rejected(dir, "anaphors.tsv", line, "monitor");
}

static void several_words_only_as_conj(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(dir, "words.tsv", "in spite of\tprep");
  expect_rejected(dir, "words.tsv", line, "in spite of");
}

static void unknown_event_flag(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "events.tsv",
                  "Criticize\tverb\tblasted\tsubj\tobj\tstatement|silly");
  expect_rejected(dir, "events.tsv", line, "silly");
}

static void unknown_anaphor_mode(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line =
      append_line(dir, "anaphors.tsv", "the frobnicator\tnonsense");
  expect_rejected(dir, "anaphors.tsv", line, "nonsense");
}

static void unknown_head_mode(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(dir, "heads.tsv", "frobnicators\tnonsense");
  expect_rejected(dir, "heads.tsv", line, "nonsense");
}

static void unknown_word_class(void **state) {
  const char *dir = copy_dir(state);
  unsigned long line = append_line(dir, "words.tsv", "frob\tnonsense");
  expect_rejected(dir, "words.tsv", line, "nonsense");
}

/* Each table the loader needs, removed in turn: the diagnostic names it,
 * with line 0 (no line to point at). */
static void missing_table(void **state) {
  const char *dir = copy_dir(state);
  static const char *const tables[] = {
      "actors.tsv", "heads.tsv",      "anaphors.tsv", "titles.tsv",
      "events.tsv", "publishers.tsv", "noise.tsv",    "words.tsv"};
  for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
    char path[4096], hidden[4096];
    snprintf(path, sizeof path, "%s/%s", dir, tables[t]);
    snprintf(hidden, sizeof hidden, "%s/.hidden", dir);
    assert_int_equal(rename(path, hidden), 0);
    expect_rejected(dir, tables[t], 0, NULL);
    assert_int_equal(rename(hidden, path), 0);
  }
}

static void missing_directory(void **state) {
  (void)state;
  diags D = {0};
  sckg_schema *s = NULL;
  assert_int_not_equal(
      sckg_schema_load_dir("/nonexistent/sckg-schema", record, &D, &s),
      SCKG_OK);
  assert_null(s);
  assert_true(D.n >= 1);
}

static void schema_free_null_is_a_noop(void **state) {
  (void)state;
  sckg_schema_free(NULL);
}

/* --- the image compiled in ---------------------------------------------- */

/* The embedded schema is the image the build compiled, used where it lies,
 * and it is the schema the tables of the source tree load to: imaged again,
 * both give the same words. A field image.c forgot, or a table changed
 * without a rebuild, shows here. */
static void embedded_is_the_image_of_the_tables(void **state) {
  (void)state;
  const sckg_schema *e = embedded();
  assert_true(sckg_schema_image_words > 0);
  assert_ptr_equal((const void *)e, (const void *)sckg_schema_image);
  sckg_schema *t = tables_schema();
  lex_image a, b;
  lex_image_make(e, &a);
  lex_image_make(t, &b);
  assert_int_equal(a.n_words, sckg_schema_image_words);
  assert_int_equal(a.n_words, b.n_words);
  for (size_t i = 0; i < a.n_words; i++)
    if (a.words[i] != b.words[i] || (a.pointers[i / 64] >> (i % 64) & 1) !=
                                        (b.pointers[i / 64] >> (i % 64) & 1))
      fail_msg("word %zu of the image differs from the tables' schema", i);
  /* and a look-up goes through the image's word table */
  const char *march = sckg_strtab_find(e->strings, "march", 5);
  int month = 0;
  assert_true(sckg_lexicon_word_value(e, march, &month));
  assert_int_equal(month, 3);
  assert_true(sckg_lexicon_word(e, march) & W_MONTH);
  lex_image_free(&a);
  lex_image_free(&b);
  sckg_schema_free(t);
}

#define COPY_TEST(f)                                                           \
  cmocka_unit_test_setup_teardown(f, copy_setup, copy_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(embedded_is_loaded_once),
      cmocka_unit_test(embedded_north_korea),
      cmocka_unit_test(embedded_by_name),
      cmocka_unit_test(embedded_word_slots),
      cmocka_unit_test(embedded_cand_info),
      cmocka_unit_test(embedded_keyed),
      cmocka_unit_test(embedded_forms_memo),
      cmocka_unit_test(embedded_person_has_parent),
      cmocka_unit_test(embedded_related_ids_resolve),
      cmocka_unit_test(embedded_actors_are_consistent),
      cmocka_unit_test(embedded_aliases_lead_to_actor),
      cmocka_unit_test(embedded_is_the_image_of_the_tables),
      COPY_TEST(copy_of_real_tables_loads),
      COPY_TEST(unknown_actor_class),
      COPY_TEST(duplicate_actor_id),
      COPY_TEST(unknown_parent_id),
      COPY_TEST(unknown_related_id),
      COPY_TEST(bad_wikidata_id),
      COPY_TEST(wikidata_id_without_digits),
      COPY_TEST(actor_id_with_uppercase),
      COPY_TEST(actor_with_too_few_fields),
      COPY_TEST(unknown_event_type),
      COPY_TEST(event_with_too_few_fields),
      COPY_TEST(unknown_event_form),
      COPY_TEST(word_value_not_a_number),
      COPY_TEST(unknown_noise_kind),
      COPY_TEST(noise_kind_found_by_shape_only),
      COPY_TEST(unknown_noise_place),
      COPY_TEST(noise_pattern_without_a_word),
      COPY_TEST(unknown_event_slot),
      COPY_TEST(unknown_event_flag),
      COPY_TEST(several_words_only_as_conj),
      COPY_TEST(cue_only_for_agency_anaphors),
      COPY_TEST(unknown_trigger_class),
      COPY_TEST(trigger_starting_with_a_class),
      COPY_TEST(unknown_lexical_class),
      COPY_TEST(class_word_unknown_status),
      COPY_TEST(class_of_excluded_words_only),
      COPY_TEST(event_type_listed_twice),
      COPY_TEST(event_type_missing),
      COPY_TEST(event_type_unknown_role),
      COPY_TEST(event_type_unknown_family),
      COPY_TEST(unknown_anaphor_mode),
      COPY_TEST(unknown_head_mode),
      COPY_TEST(unknown_word_class),
      COPY_TEST(missing_table),
      cmocka_unit_test(missing_directory),
      cmocka_unit_test(schema_free_null_is_a_noop),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
