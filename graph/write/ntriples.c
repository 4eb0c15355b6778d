/* SPDX-License-Identifier: MIT */
/* N-Triples writer: a finished graph's sorted triples, one per line, in the
 * escaping of N-Triples 1.1 (https://www.w3.org/TR/n-triples/). */
#include "model/graph_impl.h"
#include "sckg/write.h"
#include "write/common.h"
#include "write/text_out.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* A line's object, measured once: an IRI's length, or a literal's, the
 * bytes of it that need no escape and the length of its language tag or
 * datatype IRI. `whole` when nothing of it needs an escape: it then goes
 * into the buffer in one piece, `len` bytes with its delimiters and the
 * line's end. */
typedef struct {
  size_t v_len, clean, tag_len, len;
  bool whole;
} object_size;

/* The last language tag measured, and its length: the graph's literals
 * share one or two tags, by address, so a tag is measured once, not once
 * a line. */
typedef struct {
  const char *tag;
  size_t len;
} known_lang;

/* What write_subject is handed: the buffer, and what it knows across
 * subjects. */
typedef struct {
  out_buf *o;
  known_lang lang;
} nt_writer;

/* `known`: the length the walk gave (sckg_subject_sized), or 0. */
static object_size measure_object(out_buf *o, const sckg_term *ob, size_t known,
                                  known_lang *lang) {
  object_size m = {0};
  if (ob->kind == SCKG_TERM_IRI) {
    m.v_len = known ? known : iri_clean_len(o, ob->value);
    m.whole = m.v_len != OUT_ESCAPED;
    m.len = m.v_len + 5; /* <> .\n */
    return m;
  }
  m.v_len = known ? known : strlen(ob->value);
  m.clean = lit_clean_prefix(ob->value, m.v_len);
  m.whole = m.clean == m.v_len;
  m.len = m.v_len + 5; /* "" .\n */
  if (ob->lang) {
    if (ob->lang != lang->tag) {
      lang->tag = ob->lang;
      lang->len = strlen(ob->lang);
    }
    m.tag_len = lang->len;
    m.len += m.tag_len + 1; /* @ */
  } else if (ob->datatype) {
    m.tag_len = iri_clean_len(o, ob->datatype);
    m.whole = m.whole && m.tag_len != OUT_ESCAPED;
    m.len += m.tag_len + 4; /* ^^<> */
  }
  return m;
}

/* The object and the line's end, into the buffer at w, which has room for
 * m->len bytes; returns where they end. */
static char *copy_whole_object(char *w, const sckg_term *ob,
                               const object_size *m) {
  if (ob->kind == SCKG_TERM_IRI) {
    *w = '<';
    w = copy_out(w + 1, ob->value, m->v_len);
    return copy_out(w, "> .\n", 4);
  }
  *w = '"';
  w = copy_out(w + 1, ob->value, m->v_len);
  *w++ = '"';
  if (ob->lang) {
    *w = '@';
    w = copy_out(w + 1, ob->lang, m->tag_len);
  } else if (ob->datatype) {
    w = copy_out(w, "^^<", 3);
    w = copy_out(w, ob->datatype, m->tag_len);
    *w++ = '>';
  }
  return copy_out(w, " .\n", 3);
}

/* The object of a line and its end, piece by piece: a literal, or an IRI,
 * that needs an escape, or one the buffer has no room for. */
static void write_object(out_buf *o, const sckg_term *ob,
                         const object_size *m) {
  if (ob->kind == SCKG_TERM_IRI) {
    write_iri(o, ob->value);
  } else {
    put_string(o, ob->value, m->v_len, m->clean);
    if (ob->lang) {
      put(o, "@", 1);
      put(o, ob->lang, m->tag_len);
    } else if (ob->datatype) {
      put(o, "^^", 2);
      write_iri(o, ob->datatype);
    }
  }
  put(o, " .\n", 3);
}

/* "<s> <p> " at w, the IRIs' lengths known; returns where it ends. */
static inline char *copy_line_head(char *w, const char *s, size_t s_len,
                                   const char *p, size_t p_len) {
  *w = '<';
  w = copy_out(w + 1, s, s_len);
  w = copy_out(w, "> <", 3);
  w = copy_out(w, p, p_len);
  return copy_out(w, "> ", 2);
}

/* A subject's lines. Most need no escape, and the lengths of their terms
 * are known before a byte is written (the walk gives those of the IRIs
 * the graph made, and of most literals; the cache knows the others): such
 * a line goes into the buffer whole, after one check for room, and the start
 * of any other line ("<s> <p> ") too. */
static sckg_status write_subject(void *ctx, const sckg_subject_sized *S) {
  nt_writer *nw = ctx;
  out_buf *o = nw->o;
  const sckg_triple *t = S->t;
  size_t n = S->n;
  if (!n)
    return o->failed ? SCKG_ERR_WRITE : SCKG_OK;
  /* the triples share their subject: the same bytes, if not one address */
  size_t s_len = S->s_len ? S->s_len : iri_clean_len(o, t[0].s);
  const char *last_p = t[0].p;
  size_t p_len = S->len && S->len[0].p ? S->len[0].p : iri_clean_len(o, last_p);
  /* the lengths known, or for a walk that knows none, 0 for each */
  static const sckg_triple_lens unknown = {0, 0};
  const sckg_triple_lens *lens = S->len ? S->len : &unknown;
  size_t lens_step = S->len != NULL;
  /* a failed sink is not called again (flush_out): the lines left are
   * dropped, and the walk stops after this subject */
  for (size_t i = 0; i < n; i++, lens += lens_step) {
    const char *p = t[i].p;
    sckg_triple_lens len = *lens;
    if (p != last_p) {
      last_p = p;
      p_len = len.p ? len.p : iri_clean_len(o, p);
    }
    const sckg_term *ob = &t[i].o;
    /* the most common line: three IRIs, all of known length */
    if (ob->kind == SCKG_TERM_IRI && len.o && s_len != OUT_ESCAPED &&
        p_len != OUT_ESCAPED && out_room(o, s_len + p_len + len.o + 11)) {
      char *w = copy_line_head(o->buf + o->len, t[0].s, s_len, p, p_len);
      *w = '<';
      w = copy_out(w + 1, ob->value, len.o);
      o->len = (size_t)(copy_out(w, "> .\n", 4) - o->buf);
      continue;
    }
    object_size m = measure_object(o, ob, len.o, &nw->lang);
    if (s_len == OUT_ESCAPED || p_len == OUT_ESCAPED ||
        !out_room(o, s_len + p_len + 6 + (m.whole ? m.len : 0))) {
      write_iri(o, t[0].s);
      put(o, " ", 1);
      write_iri(o, p);
      put(o, " ", 1);
      write_object(o, ob, &m);
      continue;
    }
    char *w = copy_line_head(o->buf + o->len, t[0].s, s_len, p, p_len);
    if (m.whole) {
      o->len = (size_t)(copy_whole_object(w, ob, &m) - o->buf);
      continue;
    }
    o->len = (size_t)(w - o->buf);
    write_object(o, ob, &m);
  }
  return o->failed ? SCKG_ERR_WRITE : SCKG_OK;
}

/* The graph's N-Triples through `o`. */
static sckg_status write_through(const sckg_graph *g, out_buf *o) {
  size_t n_known;
  const sckg_str *known = sckg_walk_iris(&n_known);
  out_know_clean(o, known, n_known);
  nt_writer nw = {o, {NULL, 0}};
  sckg_graph_each_subject_sized(g, write_subject, &nw);
  return out_done(o) ? SCKG_OK : SCKG_ERR_WRITE;
}

sckg_status sckg_write_ntriples_to(const sckg_graph *g, sckg_byte_sink sink,
                                   void *stream) {
  if (!g || !sink || !g->finished)
    return SCKG_ERR_ARG;
  sckg_status checked = sckg_write_check_langs(g, "N-Triples");
  if (checked != SCKG_OK)
    return checked;
  out_buf *o = out_new(sink, stream);
  sckg_status st = write_through(g, o);
  free(o);
  return st;
}

sckg_status sckg_write_ntriples_buf(const sckg_graph *g, sckg_buf *out) {
  if (!g || !out || !g->finished)
    return SCKG_ERR_ARG;
  sckg_status checked = sckg_write_check_langs(g, "N-Triples");
  if (checked != SCKG_OK)
    return checked;
  out_buf o;
  out_init_into(&o, out);
  return write_through(g, &o);
}

sckg_status sckg_write_ntriples(const sckg_graph *g, FILE *out) {
  return sckg_write_to_file(sckg_write_ntriples_to, g, out);
}
