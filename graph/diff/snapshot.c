/* SPDX-License-Identifier: MIT */
/* Reading a graph snapshot for `sckg diff`: N-Triples or RDF/XML, the
 * forms sckg writes, into a sorted triple set. */
#include "diff/snapshot.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
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
  if (ts->n == ts->cap) {
    ts->cap = ts->cap ? ts->cap * 2 : 256;
    ts->t = sckg_xrealloc(ts->t, ts->cap * sizeof *ts->t);
  }
  ts->t[ts->n++] = (sckg_triple){s, p, o};
}

static void sort_unique(tset *ts) {
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

/* ---- N-Triples: the subset sckg writes --------------------------------- */

typedef struct {
  ctx *c;
  const char *p, *end, *line_start;
  unsigned long line;
  sckg_buf tmp;
} nt_reader;

static sckg_status nt_error(nt_reader *r, const char *what) {
  return report(r->c, SCKG_ERR_INPUT, r->line,
                (unsigned long)(r->p - r->line_start) + 1, "%s", what);
}

static void skip_ws(nt_reader *r) {
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\r'))
    r->p++;
}

static int hex_value(char ch) {
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

static void add_utf8(sckg_buf *b, unsigned long cp) {
  char u[4];
  size_t n;
  if (cp < 0x80) {
    u[0] = (char)cp, n = 1;
  } else if (cp < 0x800) {
    u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
  } else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
  } else {
    u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    u[2] = (char)(0x80 | (cp >> 6 & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  sckg_buf_add(b, u, n);
}

/* UCHAR after its backslash: \uXXXX or \UXXXXXXXX, appended as UTF-8. NUL
 * is refused: terms are C strings. */
static sckg_status read_uchar(nt_reader *r) {
  size_t digits = *r->p == 'u' ? 4 : 8;
  if ((size_t)(r->end - r->p) <= digits)
    return nt_error(r, "truncated \\u escape");
  unsigned long cp = 0;
  for (size_t i = 1; i <= digits; i++) {
    int v = hex_value(r->p[i]);
    if (v < 0)
      return nt_error(r, "bad hex digit in \\u escape");
    cp = cp << 4 | (unsigned long)v;
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return nt_error(r, "\\u escape names no allowed character");
  add_utf8(&r->tmp, cp);
  r->p += digits + 1;
  return SCKG_OK;
}

/* A character IRIREF allows as itself ('>' and '\\' end a run). */
static bool iri_plain(unsigned char ch) {
  switch (ch) {
  case '<':
  case '>':
  case '"':
  case '{':
  case '}':
  case '|':
  case '^':
  case '`':
  case '\\':
    return false;
  default:
    return ch > 0x20;
  }
}

/* IRIREF after '<': the interned IRI in *out. */
static sckg_status read_iri(nt_reader *r, const char **out) {
  sckg_buf_clear(&r->tmp);
  r->p++;
  for (;;) {
    if (r->p == r->end || *r->p == '\n')
      return nt_error(r, "unterminated IRI");
    unsigned char ch = (unsigned char)*r->p;
    if (ch == '>')
      break;
    if (ch == '\\') {
      r->p++;
      if (r->p == r->end || (*r->p != 'u' && *r->p != 'U'))
        return nt_error(r, "only \\u and \\U escapes are allowed in an IRI");
      sckg_status st = read_uchar(r);
      if (st)
        return st;
      continue;
    }
    /* Copy the run of plain characters in one call: snapshots are large. */
    const char *run = r->p;
    while (r->p < r->end && iri_plain((unsigned char)*r->p))
      r->p++;
    if (r->p == run)
      return nt_error(r, "character not allowed in an IRI");
    sckg_buf_add(&r->tmp, run, (size_t)(r->p - run));
  }
  r->p++;
  *out = intern(r->c, r->tmp.ptr ? r->tmp.ptr : "", r->tmp.len);
  return SCKG_OK;
}

/* STRING_LITERAL_QUOTE after '"', then an optional @lang or ^^<datatype>. */
static sckg_status read_literal(nt_reader *r, sckg_term *o) {
  sckg_buf_clear(&r->tmp);
  sckg_buf_add(&r->tmp, "", 0);
  r->p++;
  for (;;) {
    if (r->p == r->end || *r->p == '\n')
      return nt_error(r, "unterminated string");
    if (*r->p == '\r')
      return nt_error(r, "raw carriage return in string");
    char ch = *r->p;
    if (ch == '"')
      break;
    if (ch != '\\') {
      const char *run = r->p;
      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && *r->p != '\n' &&
             *r->p != '\r')
        r->p++;
      sckg_buf_add(&r->tmp, run, (size_t)(r->p - run));
      continue;
    }
    r->p++;
    static const char echar[] = "tbnrf\"'\\", plain[] = "\t\b\n\r\f\"'\\";
    const char *esc = r->p < r->end && *r->p ? strchr(echar, *r->p) : NULL;
    if (esc) {
      sckg_buf_addc(&r->tmp, plain[esc - echar]);
      r->p++;
    } else if (r->p < r->end && (*r->p == 'u' || *r->p == 'U')) {
      sckg_status st = read_uchar(r);
      if (st)
        return st;
    } else {
      return nt_error(r, "unknown escape in string");
    }
  }
  r->p++;
  o->kind = SCKG_TERM_LITERAL;
  o->value = copy(r->c, r->tmp.ptr, r->tmp.len);
  o->lang = o->datatype = NULL;
  if (r->p < r->end && *r->p == '@') {
    const char *tag = ++r->p;
    while (r->p < r->end &&
           ((*r->p >= 'a' && *r->p <= 'z') || (*r->p >= 'A' && *r->p <= 'Z') ||
            (*r->p >= '0' && *r->p <= '9') || *r->p == '-'))
      r->p++;
    if (r->p == tag)
      return nt_error(r, "empty language tag");
    o->lang = intern(r->c, tag, (size_t)(r->p - tag));
  } else if (r->end - r->p >= 2 && r->p[0] == '^' && r->p[1] == '^') {
    r->p += 2;
    if (r->p == r->end || *r->p != '<')
      return nt_error(r, "expected '<' after '^^'");
    return read_iri(r, &o->datatype);
  }
  return SCKG_OK;
}

static sckg_status read_line(nt_reader *r, tset *ts) {
  skip_ws(r);
  if (r->p == r->end || *r->p == '\n' || *r->p == '#')
    return SCKG_OK;
  const char *s = NULL, *p = NULL;
  sckg_term o = {0};
  sckg_status st;
  if (*r->p != '<')
    return nt_error(r, "expected '<' (blank nodes are not supported)");
  if ((st = read_iri(r, &s)))
    return st;
  skip_ws(r);
  if (r->p == r->end || *r->p != '<')
    return nt_error(r, "expected a predicate IRI");
  if ((st = read_iri(r, &p)))
    return st;
  skip_ws(r);
  if (r->p < r->end && *r->p == '<') {
    o.kind = SCKG_TERM_IRI;
    st = read_iri(r, &o.value);
  } else if (r->p < r->end && *r->p == '"') {
    st = read_literal(r, &o);
  } else {
    return nt_error(r, "expected an IRI or a literal");
  }
  if (st)
    return st;
  skip_ws(r);
  if (r->p == r->end || *r->p != '.')
    return nt_error(r, "expected '.'");
  r->p++;
  skip_ws(r);
  if (r->p < r->end && *r->p != '\n' && *r->p != '#')
    return nt_error(r, "unexpected text after '.'");
  add_triple(r->c, ts, s, p, o);
  return SCKG_OK;
}

static sckg_status parse_ntriples(ctx *c, const char *text, size_t len,
                                  tset *ts) {
  /* Where the first invalid UTF-8 or NUL byte is (len if none), found once
   * and reported on its line. */
  size_t bad = sckg_utf8_check(text, len);
  const char *nul = memchr(text, '\0', len);
  bool bad_is_nul = nul && (size_t)(nul - text) < bad;
  if (bad_is_nul)
    bad = (size_t)(nul - text);
  nt_reader r = {c, text, text + len, text, 1, {0}};
  sckg_status st = SCKG_OK;
  while (r.p < r.end && !st) {
    const char *eol = memchr(r.p, '\n', (size_t)(r.end - r.p));
    size_t line_end = eol ? (size_t)(eol - text) : len;
    if (bad < line_end) {
      r.p = text + bad;
      st = nt_error(&r, bad_is_nul ? "NUL byte" : "invalid UTF-8");
      break;
    }
    st = read_line(&r, ts);
    if (!st) {
      r.p = eol ? eol + 1 : r.end;
      r.line_start = r.p;
      r.line++;
    }
  }
  sckg_buf_free(&r.tmp);
  return st;
}

/* ---- RDF/XML: the striped form sckg writes ----------------------------- */

#define XS(s) ((const xmlChar *)(s))
#define NS_XML "http://www.w3.org/XML/1998/namespace"

static bool is_rdf(xmlNodePtr n, const char *local) {
  return n->ns && strcmp((const char *)n->ns->href, SCKG_NS_RDF) == 0 &&
         strcmp((const char *)n->name, local) == 0;
}

static const char *node_iri(ctx *c, xmlNodePtr n) {
  sckg_buf b = {0};
  sckg_buf_adds(&b, (const char *)n->ns->href);
  sckg_buf_adds(&b, (const char *)n->name);
  const char *iri = intern(c, b.ptr, b.len);
  sckg_buf_free(&b);
  return iri;
}

static sckg_status xml_error(ctx *c, xmlNodePtr n, const char *what) {
  long line = xmlGetLineNo(n);
  return report(c, SCKG_ERR_INPUT, line > 0 ? (unsigned long)line : 0, 0,
                "%s <%s>", what, (const char *)n->name);
}

static bool blank_text(xmlNodePtr n) {
  for (const xmlChar *p = n->content; p && *p; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
      return false;
  return true;
}

/* The literal's language: xml:lang of the element or its nearest ancestor;
 * "" cancels it. Interned, or NULL. */
static const char *lang_in_scope(ctx *c, xmlNodePtr n) {
  xmlChar *lang = xmlNodeGetLang(n);
  const char *out = lang && *lang ? snap_interns(c, (const char *)lang) : NULL;
  xmlFree(lang);
  return out;
}

static sckg_status read_node_elt(ctx *c, tset *ts, xmlNodePtr n,
                                 const char **subject);

/* A property element of `s`: rdf:resource, a nested node element, or a
 * literal (rdf:datatype or xml:lang in scope). */
static sckg_status read_property(ctx *c, tset *ts, const char *s,
                                 xmlNodePtr n) {
  if (!n->ns)
    return xml_error(c, n, "property element without a namespace");
  if (is_rdf(n, "li") || is_rdf(n, "Description") || is_rdf(n, "RDF"))
    return xml_error(c, n, "unsupported property element");
  const char *p = node_iri(c, n);
  const char *resource = NULL, *datatype = NULL;
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    const char *ns = a->ns ? (const char *)a->ns->href : "";
    if (strcmp(ns, NS_XML) == 0)
      continue;
    const char *name = (const char *)a->name;
    bool is_resource = strcmp(name, "resource") == 0;
    if (strcmp(ns, SCKG_NS_RDF) != 0 ||
        (!is_resource && strcmp(name, "datatype") != 0))
      return xml_error(c, n,
                       "unsupported attribute (rdf:parseType, rdf:ID, "
                       "rdf:nodeID or a property attribute) on");
    xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
    const char *val = snap_interns(c, v ? (const char *)v : "");
    xmlFree(v);
    if (is_resource)
      resource = val;
    else
      datatype = val;
  }
  xmlNodePtr child_elt = NULL;
  for (xmlNodePtr k = n->children; k; k = k->next) {
    if (k->type == XML_ELEMENT_NODE) {
      if (child_elt || resource || datatype)
        return xml_error(c, n, "unexpected element content in");
      child_elt = k;
    } else if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE ||
                k->type == XML_ENTITY_REF_NODE) &&
               (resource || child_elt) && !blank_text(k)) {
      return xml_error(c, n, "unexpected text in");
    }
  }
  sckg_term o = {0};
  if (resource) {
    o.kind = SCKG_TERM_IRI;
    o.value = resource;
  } else if (child_elt) {
    sckg_status st = read_node_elt(c, ts, child_elt, &o.value);
    if (st)
      return st;
    o.kind = SCKG_TERM_IRI;
  } else {
    xmlChar *text = xmlNodeGetContent(n);
    o.kind = SCKG_TERM_LITERAL;
    o.value = snap_copys(c, text ? (const char *)text : "");
    xmlFree(text);
    o.datatype = datatype;
    o.lang = datatype ? NULL : lang_in_scope(c, n);
  }
  add_triple(c, ts, s, p, o);
  return SCKG_OK;
}

/* A node element with rdf:about: its type (unless rdf:Description), its
 * property attributes and property elements. *subject gets its IRI. IRIs
 * are taken as written, without xml:base resolution: sckg writes only
 * absolute ones. */
static sckg_status read_node_elt(ctx *c, tset *ts, xmlNodePtr n,
                                 const char **subject) {
  if (!n->ns)
    return xml_error(c, n, "node element without a namespace");
  xmlChar *about = xmlGetNsProp(n, XS("about"), XS(SCKG_NS_RDF));
  if (!about)
    return xml_error(c, n,
                     "node element without rdf:about (blank nodes are not "
                     "supported)");
  const char *s = snap_interns(c, (const char *)about);
  xmlFree(about);
  *subject = s;
  if (!is_rdf(n, "Description"))
    add_triple(c, ts, s, c->rdf_type,
               (sckg_term){SCKG_TERM_IRI, node_iri(c, n), NULL, NULL});
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    if (!a->ns)
      return xml_error(c, n, "attribute without a namespace on");
    const char *ns = (const char *)a->ns->href, *name = (const char *)a->name;
    if (strcmp(ns, NS_XML) == 0)
      continue;
    bool rdf = strcmp(ns, SCKG_NS_RDF) == 0;
    if (rdf && strcmp(name, "about") == 0)
      continue;
    if (rdf &&
        (strcmp(name, "ID") == 0 || strcmp(name, "nodeID") == 0 ||
         strcmp(name, "resource") == 0 || strcmp(name, "datatype") == 0 ||
         strcmp(name, "parseType") == 0 || strcmp(name, "li") == 0 ||
         strcmp(name, "bagID") == 0 || strcmp(name, "aboutEach") == 0 ||
         strcmp(name, "aboutEachPrefix") == 0))
      return xml_error(c, n, "unsupported rdf: attribute on");
    xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
    sckg_buf b = {0};
    sckg_buf_adds(&b, ns);
    sckg_buf_adds(&b, name);
    const char *p = intern(c, b.ptr, b.len);
    sckg_buf_free(&b);
    sckg_term o = {SCKG_TERM_LITERAL, snap_copys(c, v ? (const char *)v : ""),
                   NULL, NULL};
    xmlFree(v);
    if (rdf && strcmp(name, "type") == 0)
      o.kind = SCKG_TERM_IRI; /* rdf:type="..." names a class */
    else
      o.lang = lang_in_scope(c, n);
    add_triple(c, ts, s, p, o);
  }
  for (xmlNodePtr k = n->children; k; k = k->next) {
    if (k->type == XML_ELEMENT_NODE) {
      sckg_status st = read_property(c, ts, s, k);
      if (st)
        return st;
    } else if ((k->type == XML_TEXT_NODE ||
                k->type == XML_CDATA_SECTION_NODE) &&
               !blank_text(k)) {
      return xml_error(c, n, "unexpected text in");
    }
  }
  return SCKG_OK;
}

/* The first error libxml2 reports while parsing, kept for the sink instead
 * of going to stderr. */
typedef struct {
  bool set;
  int line, col;
  char msg[256];
} xml_err;

static void keep_error(void *data, xmlErrorPtr err) {
  xml_err *e = data;
  if (e->set || !err || err->level < XML_ERR_ERROR)
    return;
  e->set = true;
  e->line = err->line;
  e->col = err->int2;
  snprintf(e->msg, sizeof e->msg, "%s", err->message ? err->message : "");
  size_t n = strlen(e->msg);
  while (n && (e->msg[n - 1] == '\n' || e->msg[n - 1] == ' '))
    e->msg[--n] = '\0';
}

static sckg_status parse_rdfxml(ctx *c, const char *text, size_t len,
                                tset *ts) {
  if (len > INT_MAX)
    return report(c, SCKG_ERR_INPUT, 0, 0, "file too large for RDF/XML");
  xml_err err = {0};
  xmlStructuredErrorFunc old_handler = xmlStructuredError;
  void *old_ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(&err, keep_error);
  /* No entity substitution, no DTD loading, no network: a snapshot is
   * data, not a document to fetch more documents for. */
  xmlDocPtr doc = xmlReadMemory(text, (int)len, c->path, NULL, XML_PARSE_NONET);
  xmlSetStructuredErrorFunc(old_ctx, old_handler);
  if (!doc || err.set) {
    xmlFreeDoc(doc);
    return report(c, SCKG_ERR_INPUT, err.line > 0 ? (unsigned long)err.line : 0,
                  err.col > 0 ? (unsigned long)err.col : 0, "XML error: %s",
                  err.set ? err.msg : "unreadable");
  }
  sckg_status st = SCKG_OK;
  xmlNodePtr root = xmlDocGetRootElement(doc);
  const char *ignored;
  if (!root) {
    st = report(c, SCKG_ERR_INPUT, 0, 0, "no root element");
  } else if (is_rdf(root, "RDF")) {
    for (xmlNodePtr k = root->children; k && !st; k = k->next) {
      if (k->type == XML_ELEMENT_NODE)
        st = read_node_elt(c, ts, k, &ignored);
      else if ((k->type == XML_TEXT_NODE ||
                k->type == XML_CDATA_SECTION_NODE) &&
               !blank_text(k))
        st = xml_error(c, root, "unexpected text in");
    }
  } else {
    st = read_node_elt(c, ts, root, &ignored);
  }
  xmlFreeDoc(doc);
  return st;
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
  if (!st)
    st = looks_like_xml(text.ptr, text.len)
             ? parse_rdfxml(c, text.ptr, text.len, ts)
             : parse_ntriples(c, text.ptr, text.len, ts);
  sckg_buf_free(&text);
  if (!st)
    sort_unique(ts);
  return st;
}
