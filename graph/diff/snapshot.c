/* SPDX-License-Identifier: MIT */
/* Reading a graph snapshot for `sckg diff` into a sorted triple set:
 * N-Triples, Turtle or RDF/XML from any writer, through raptor2's parsers
 * (the hand-written readers of the forms sckg writes are gone). */
#include "diff/snapshot.h"

#include "diff/raptor_lib.h"
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static sckg_status report(const ctx *c, sckg_status st, unsigned long line,
                          unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static sckg_status report(const ctx *c, sckg_status st, unsigned long line,
                          unsigned long col, const char *fmt, ...) {
  if (!c->sink)
    return st;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  sckg_severity sev = st ? SCKG_SEV_ERROR : SCKG_SEV_WARNING;
  sckg_diag d = {st, c->path, line, col, msg, sev};
  c->sink(c->handle, &d);
  return st;
}

static const char *intern(ctx *c, const char *s, size_t n) {
  return sckg_strtab_intern(c->strings, s, n);
}

const char *snap_interns(ctx *c, const char *s) {
  return intern(c, s, strlen(s));
}

/* Literal text is only ever compared by its bytes: copied, not interned,
 * which spares hashing the largest strings of a snapshot. */
static const char *copy(ctx *c, const char *s, size_t n) {
  return sckg_arena_strndup(c->arena, s, n);
}

const char *snap_copys(ctx *c, const char *s) { return copy(c, s, strlen(s)); }

/* Add a triple; its IRIs must be interned already (literal text may be a
 * copy). A literal typed xsd:string is the plain literal (RDF 1.1), and
 * language tags compare case-insensitively, so both are normalised here: a
 * snapshot re-serialised by another tool must not show as changed. */
static void add_triple(ctx *c, tset *ts, const char *s, const char *p,
                       sckg_term o) {
  if (o.kind == SCKG_TERM_LITERAL) {
    if (o.lang) {
      char low[64];
      size_t n = strlen(o.lang);
      if (n < sizeof low) {
        for (size_t i = 0; i <= n; i++)
          low[i] = (o.lang[i] >= 'A' && o.lang[i] <= 'Z')
                       ? (char)(o.lang[i] - 'A' + 'a')
                       : o.lang[i];
        o.lang = intern(c, low, n);
      }
      o.datatype = NULL;
    } else if (o.datatype == c->xsd_string) {
      o.datatype = NULL;
    }
  }
  snap_push(ts, (sckg_triple){s, p, o});
}

void snap_push(tset *ts, sckg_triple t) {
  if (ts->n == ts->cap) {
    ts->cap = ts->cap ? ts->cap * 2 : 256;
    ts->t = sckg_xrealloc(ts->t, ts->cap * sizeof *ts->t);
  }
  ts->t[ts->n++] = t;
}

const sckg_triple *snap_objects(const tset *ts, const char *s, const char *p,
                                size_t *n) {
  size_t lo = 0, hi = ts->n;
  while (lo < hi) { /* first triple whose subject is not below s */
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(ts->t[mid].s, s) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  while (lo < ts->n && ts->t[lo].s == s && ts->t[lo].p != p)
    lo++;
  size_t k = lo;
  while (k < ts->n && ts->t[k].s == s && ts->t[k].p == p)
    k++;
  *n = k - lo;
  return ts->t + lo;
}

void snap_init(ctx *c, sckg_diag_sink sink, void *handle) {
  memset(c, 0, sizeof *c);
  c->arena = sckg_arena_new();
  c->strings = sckg_strtab_new(c->arena);
  c->sink = sink;
  c->handle = handle;
  c->rdf_type = snap_interns(c, SCKG_NS_RDF "type");
  c->rdfs_label = snap_interns(c, SCKG_NS_RDFS "label");
  c->owl_same_as = snap_interns(c, SCKG_NS_OWL "sameAs");
  c->xsd_string = snap_interns(c, SCKG_NS_XSD "string");
  c->sckg_event = snap_interns(c, SCKG_NS "Event");
  c->sckg_actor = snap_interns(c, SCKG_NS "Actor");
  c->event_type = snap_interns(c, SCKG_NS "eventType");
  c->agent = snap_interns(c, SCKG_NS "agent");
  c->target = snap_interns(c, SCKG_NS "target");
  c->date = snap_interns(c, SCKG_NS "date");
  c->negated = snap_interns(c, SCKG_NS "negated");
  c->derived_from = snap_interns(c, SCKG_NS_PROV "wasDerivedFrom");
  c->identifier = snap_interns(c, SCKG_NS_DCT "identifier");
}

void snap_free(ctx *c) {
  sckg_strtab_free(c->strings);
  sckg_arena_free(c->arena);
}

void snap_sort_unique(tset *ts) {
  if (ts->n)
    qsort(ts->t, ts->n, sizeof *ts->t, sckg_triple_cmp);
  size_t k = 0;
  for (size_t i = 0; i < ts->n; i++)
    if (k == 0 || sckg_triple_cmp(&ts->t[k - 1], &ts->t[i]) != 0)
      ts->t[k++] = ts->t[i];
  ts->n = k;
}

/* ---- Reading files ---------------------------------------------------- */

static sckg_status read_all(ctx *c, sckg_buf *out) {
  FILE *f = fopen(c->path, "rb");
  if (!f)
    return report(c, SCKG_ERR_IO, 0, 0, "cannot open: %s", strerror(errno));
  char chunk[64 * 1024];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    sckg_buf_add(out, chunk, n);
  bool failed = ferror(f);
  int err = errno;
  fclose(f);
  if (failed)
    return report(c, SCKG_ERR_IO, 0, 0, "cannot read: %s",
                  err ? strerror(err) : "read error");
  sckg_buf_add(out, "", 0); /* a NUL-terminated buffer even when empty */
  return SCKG_OK;
}

/* ---- Parsing: raptor2 -------------------------------------------------- */

/* One parse: the call's state, the set being filled, and whether raptor
 * reported an error (its log handler keeps the first one for the sink). */
typedef struct {
  ctx *c;
  const sckg_raptor_api *r;
  tset *ts;
  bool failed;
} parse_state;

/* A term as the set keeps it: IRIs and blank nodes ("_:label") interned,
 * literal text copied. sckg writes no blank node, but a store or another
 * writer may, and the comparison then sees them by label. */
static const char *node_string(parse_state *ps, const raptor_term *t) {
  ctx *c = ps->c;
  if (t->type == RAPTOR_TERM_TYPE_URI)
    return snap_interns(c, (const char *)ps->r->uri_as_string(t->value.uri));
  char label[512];
  snprintf(label, sizeof label, "_:%s", (const char *)t->value.blank.string);
  return snap_interns(c, label);
}

static void take_statement(void *user_data, raptor_statement *st) {
  parse_state *ps = user_data;
  ctx *c = ps->c;
  sckg_term o = {SCKG_TERM_IRI, NULL, NULL, NULL};
  if (st->object->type == RAPTOR_TERM_TYPE_LITERAL) {
    const raptor_term_literal_value *lit = &st->object->value.literal;
    o.kind = SCKG_TERM_LITERAL;
    if (memchr(lit->string, 0, lit->string_len)) {
      /* "\u0000": the set keeps C strings, which would cut it short */
      if (!ps->failed)
        report(c, SCKG_ERR_INPUT, 0, 0,
               "a literal holds U+0000, which sckg diff cannot compare");
      ps->failed = true;
      return;
    }
    o.value = copy(c, (const char *)lit->string, lit->string_len);
    if (lit->language && lit->language_len)
      o.lang = intern(c, (const char *)lit->language, lit->language_len);
    else if (lit->datatype)
      o.datatype =
          snap_interns(c, (const char *)ps->r->uri_as_string(lit->datatype));
  } else {
    o.value = node_string(ps, st->object);
  }
  add_triple(c, ps->ts, node_string(ps, st->subject),
             node_string(ps, st->predicate), o);
}

/* raptor's errors and warnings, with their line and column, go to the
 * sink instead of stderr: the library never prints. */
static void take_log(void *user_data, raptor_log_message *m) {
  parse_state *ps = user_data;
  unsigned long line = 0, col = 0;
  if (m->locator) {
    line = m->locator->line > 0 ? (unsigned long)m->locator->line : 0;
    col = m->locator->column > 0 ? (unsigned long)m->locator->column : 0;
  }
  if (m->level >= RAPTOR_LOG_LEVEL_ERROR) {
    if (!ps->failed)
      report(ps->c, SCKG_ERR_INPUT, line, col, "%s", m->text);
    ps->failed = true;
  } else if (m->level == RAPTOR_LOG_LEVEL_WARN) {
    report(ps->c, SCKG_OK, line, col, "%s", m->text);
  }
}

/* Parse `text` as `syntax` (a raptor parser name) into `ts`, relative IRIs
 * resolved against the file's own URI. */
static sckg_status parse_rdf(ctx *c, const char *syntax, const char *text,
                             size_t len, tset *ts) {
  const char *why = NULL;
  const sckg_raptor_api *r = sckg_raptor(&why);
  if (!r)
    return report(c, SCKG_ERR_INTERNAL, 0, 0, "raptor2 could not be loaded: %s",
                  why);
  parse_state ps = {c, r, ts, false};
  raptor_world *world = r->new_world_internal(RAPTOR_VERSION);
  if (!world || r->world_open(world) != 0) {
    if (world)
      r->free_world(world);
    return report(c, SCKG_ERR_INTERNAL, 0, 0, "raptor2 did not start");
  }
  r->world_set_log_handler(world, &ps, take_log);
  sckg_status st = SCKG_OK;
  unsigned char *base_string =
      r->uri_filename_to_uri_string((const char *)c->path);
  raptor_uri *base =
      base_string
          ? r->new_uri(world, base_string)
          : r->new_uri(world, (const unsigned char *)"file:///snapshot");
  raptor_parser *parser = r->new_parser(world, syntax);
  if (!parser || !base) {
    st = report(c, SCKG_ERR_INTERNAL, 0, 0, "raptor2 has no %s parser", syntax);
    goto done;
  }
  r->parser_set_statement_handler(parser, &ps, take_statement);
  if (r->parser_parse_start(parser, base) != 0 ||
      r->parser_parse_chunk(parser, (const unsigned char *)text, len, 1) != 0 ||
      ps.failed) {
    if (!ps.failed)
      report(c, SCKG_ERR_INPUT, 0, 0, "not %s", syntax);
    st = SCKG_ERR_INPUT;
  }
done:
  if (parser)
    r->free_parser(parser);
  if (base)
    r->free_uri(base);
  if (base_string)
    r->free_memory(base_string);
  r->free_world(world);
  return st;
}

/* libxml2's first error while checking that an RDF/XML snapshot is
 * well-formed: raptor reports XML errors without their line. */
typedef struct {
  ctx *c;
  bool reported;
} xml_check;

static void keep_xml_error(void *data, xmlErrorPtr err) {
  xml_check *x = data;
  if (x->reported || !err || err->level < XML_ERR_ERROR)
    return;
  x->reported = true;
  char msg[256];
  snprintf(msg, sizeof msg, "%s", err->message ? err->message : "");
  size_t n = strlen(msg);
  while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
    msg[--n] = '\0';
  report(x->c, SCKG_ERR_INPUT, err->line > 0 ? (unsigned long)err->line : 0,
         err->int2 > 0 ? (unsigned long)err->int2 : 0,
         "not well-formed XML: %s", msg);
}

static sckg_status check_xml(ctx *c, const char *text, size_t len) {
  if (len > INT_MAX)
    return report(c, SCKG_ERR_INPUT, 0, 0, "too large for libxml2");
  xml_check x = {c, false};
  xmlStructuredErrorFunc old = xmlStructuredError;
  void *old_ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(&x, keep_xml_error);
  xmlDocPtr doc = xmlReadMemory(text, (int)len, c->path, NULL, XML_PARSE_NONET);
  xmlSetStructuredErrorFunc(old_ctx, old);
  bool ok = doc != NULL && !x.reported;
  xmlFreeDoc(doc);
  if (!ok && !x.reported)
    report(c, SCKG_ERR_INPUT, 0, 0, "not well-formed XML");
  return ok ? SCKG_OK : SCKG_ERR_INPUT;
}

/* Snapshots are told apart by their first bytes: RDF/XML starts with an XML
 * declaration or rdf:RDF (after an optional BOM and blanks); N-Triples lines
 * start with '<' + IRI, '#' or nothing. */
static bool looks_like_xml(const char *text, size_t len) {
  const char *p = text, *end = text + len;
  if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  size_t rest = (size_t)(end - p);
  return (rest >= 5 && memcmp(p, "<?xml", 5) == 0) ||
         (rest >= 8 && memcmp(p, "<rdf:RDF", 8) == 0);
}

sckg_status snap_load(ctx *c, const char *path, tset *ts) {
  c->path = path;
  sckg_buf text = {0};
  sckg_status st = read_all(c, &text);
  /* raptor's Turtle parser takes bytes that are not UTF-8 as they are */
  size_t bad = st ? 0 : sckg_utf8_check(text.ptr, text.len);
  if (!st && bad < text.len) {
    unsigned long line = 1, col = 1;
    for (size_t i = 0; i < bad; i++, col++)
      if (text.ptr[i] == '\n') {
        line++;
        col = 0;
      }
    st = report(c, SCKG_ERR_INPUT, line, col, "invalid UTF-8");
  }
  /* Turtle's parser reads N-Triples too (a subset of Turtle) */
  bool xml = !st && looks_like_xml(text.ptr, text.len);
  if (xml)
    st = check_xml(c, text.ptr, text.len);
  if (!st)
    st = parse_rdf(c, xml ? "rdfxml" : "turtle", text.ptr, text.len, ts);
  sckg_buf_free(&text);
  if (!st)
    snap_sort_unique(ts);
  return st;
}
