/* SPDX-License-Identifier: MIT */
/* RDF/XML writer: the striped form, one rdf:Description per subject with
 * its property elements in triple order, through libxml2's xmlTextWriter so
 * that escaping is libxml2's, not ours. */
#include "base/support.h"
#include "model/graph_impl.h"
#include "sckg/write.h"
#include "write/common.h"

#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prefixes declared on rdf:RDF, in this order. */
static const struct {
  const char *prefix, *ns;
} fixed_ns[] = {
    {"rdf", SCKG_NS_RDF},     {"rdfs", SCKG_NS_RDFS}, {"owl", SCKG_NS_OWL},
    {"xsd", SCKG_NS_XSD},     {"skos", SCKG_NS_SKOS}, {"prov", SCKG_NS_PROV},
    {"dcterms", SCKG_NS_DCT}, {"nif", SCKG_NS_NIF},   {"sckg", SCKG_NS},
};
enum { N_FIXED_NS = sizeof fixed_ns / sizeof fixed_ns[0] };

/* One code point of valid UTF-8 (the caller checked validity); *n gets its
 * length in bytes. */
static unsigned long utf8_decode(const unsigned char *p, size_t *n) {
  if (p[0] < 0x80) {
    *n = 1;
    return p[0];
  }
  if ((p[0] & 0xE0) == 0xC0) {
    *n = 2;
    return (p[0] & 0x1FUL) << 6 | (p[1] & 0x3FUL);
  }
  if ((p[0] & 0xF0) == 0xE0) {
    *n = 3;
    return (p[0] & 0x0FUL) << 12 | (p[1] & 0x3FUL) << 6 | (p[2] & 0x3FUL);
  }
  *n = 4;
  return (p[0] & 0x07UL) << 18 | (p[1] & 0x3FUL) << 12 | (p[2] & 0x3FUL) << 6 |
         (p[3] & 0x3FUL);
}

/* XML 1.0 Char: what a document may carry at all, even as a character
 * reference. */
static bool xml_char(unsigned long c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* NameStartChar and NameChar of XML 1.0 fifth edition, minus ':' (NCName). */
static bool name_start(unsigned long c) {
  return (c >= 'A' && c <= 'Z') || c == '_' || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
         (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

static bool name_char(unsigned long c) {
  return name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') ||
         c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x203F && c <= 0x2040);
}

/* Where the local name of a predicate starts: the longest suffix that is an
 * NCName. When the part after the last '#' or '/' is an NCName this is that
 * part (neither character is a NameChar); otherwise the namespace grows into
 * it ("http://x/1st" splits as "http://x/1" + "st"). 0 when the IRI ends in
 * no NCName at all: such a predicate has no RDF/XML form. */
static size_t local_start(const char *iri) {
  const unsigned char *p = (const unsigned char *)iri;
  size_t start = 0, i = 0, n;
  bool have = false;
  while (p[i]) {
    unsigned long c = utf8_decode(p + i, &n);
    if (!name_char(c))
      have = false;
    else if (!have && name_start(c))
      have = true, start = i;
    i += n;
  }
  return have ? start : 0;
}

/* rdf: names that the RDF/XML grammar reads as syntax, or rewrites (rdf:li
 * becomes rdf:_n), when used as a property element. */
static bool rdf_syntax_name(const char *local) {
  static const char *const names[] = {
      "RDF",         "ID",      "about", "bagID",     "parseType",
      "resource",    "nodeID",  "li",    "aboutEach", "aboutEachPrefix",
      "Description", "datatype"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(local, names[i]) == 0)
      return true;
  return false;
}

/* Text XML 1.0 can carry: valid UTF-8 of Chars. Controls other than tab,
 * LF and CR cannot appear even as &#n; references, so a literal holding one
 * has no RDF/XML form. */
static bool text_ok_utf8(const char *s) {
  size_t len = strlen(s), n;
  if (sckg_utf8_check(s, len) != len)
    return false;
  for (size_t i = 0; i < len; i += n)
    if (!xml_char(utf8_decode((const unsigned char *)s + i, &n)))
      return false;
  return true;
}

/* Whether the path of an IRI (from after "scheme:" to '?' or '#') has a
 * "." or ".." segment. */
static bool has_dot_segment(const char *path) {
  const char *end = path + strcspn(path, "?#");
  for (const char *seg = path; seg <= end;) {
    const char *e = seg;
    while (e < end && *e != '/')
      e++;
    size_t n = (size_t)(e - seg);
    if ((n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
      return true;
    seg = e + 1;
  }
  return false;
}

/* An IRI for rdf:about / rdf:resource / rdf:datatype must reach a parser
 * unchanged. So: XML text without any control character (attribute
 * normalisation would turn tab, LF and CR into spaces); absolute, since a
 * relative one is resolved against the document's location; and without
 * dot segments, since resolving even an absolute IRI removes them (RFC 3986
 * 5.2.2: rapper reads "http://x/a/../b" as "http://x/b"). */
/* Most text is ASCII: checked byte by byte, and the rest, from the first
 * byte above 0x7F, code point by code point. */
static bool text_ok(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p >= 0x80)
      return text_ok_utf8((const char *)p);
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      return false;
  }
  return true;
}

static bool iri_ok(const char *iri) {
  if (!text_ok(iri))
    return false;
  for (const char *p = iri; *p; p++)
    if ((unsigned char)*p < 0x20)
      return false;
  const char *p = iri;
  if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
    return false;
  while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
         (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
    p++;
  return *p == ':' && !has_dot_segment(p + 1);
}

/* A predicate needs a QName: a local part (see local_start), not an rdf:
 * syntax name, and a namespace a prefix may be bound to (Namespaces in XML
 * forbid binding one to the xmlns namespace). */
static bool predicate_ok(const char *p) {
  static const char xmlns_ns[] = "http://www.w3.org/2000/xmlns/";
  if (!iri_ok(p))
    return false;
  size_t at = local_start(p);
  if (at == 0)
    return false;
  if (at == strlen(xmlns_ns) && strncmp(p, xmlns_ns, at) == 0)
    return false;
  return !(at == strlen(SCKG_NS_RDF) && strncmp(p, SCKG_NS_RDF, at) == 0 &&
           rdf_syntax_name(p + at));
}

/* Every triple must have an RDF/XML form before the first byte is written:
 * a refused graph leaves no half document behind. */
typedef struct {
  const char *checked[32]; /* predicates found good, by address */
  size_t n_checked;
  const char *subject, *why; /* of the first triple refused */
} checks;

static sckg_status refuse(checks *c, const sckg_triple *t, const char *why) {
  c->subject = t->s;
  c->why = why;
  return SCKG_ERR_INPUT;
}

static sckg_status check_subject(void *ctx, const sckg_triple *t, size_t n) {
  checks *c = ctx;
  if (!iri_ok(t[0].s))
    return refuse(c, &t[0], "the subject is not an IRI RDF/XML can carry");
  for (size_t i = 0; i < n; i++) {
    const sckg_triple *x = &t[i];
    bool known = false;
    for (size_t k = 0; k < c->n_checked && !known; k++)
      known = c->checked[k] == x->p;
    if (!known && !predicate_ok(x->p))
      return refuse(c, x, "a predicate has no XML qualified name");
    if (!known && c->n_checked < 32)
      c->checked[c->n_checked++] = x->p;
    if (x->o.kind == SCKG_TERM_IRI) {
      if (!iri_ok(x->o.value))
        return refuse(c, x, "an object is not an IRI RDF/XML can carry");
    } else if (!text_ok(x->o.value)) {
      return refuse(c, x, "a literal holds a character XML 1.0 cannot carry");
    } else if ((x->o.lang && !sckg_lang_valid(x->o.lang)) ||
               (!x->o.lang && x->o.datatype && !iri_ok(x->o.datatype))) {
      return refuse(c, x, "a literal has a bad language tag or datatype");
    }
  }
  return SCKG_OK;
}

/* Triples made from the nodes need no check: the graph keeps only text
 * that is UTF-8 of XML characters (its input checks replace the rest) and
 * mints its IRIs from a checked base and encoded segments, with the
 * contract's predicates; the fuzzers check all of it on arbitrary input
 * (fuzz_check_graph). Triples given by hand may be anything: the first one
 * refused is reported to the graph's sink. */
static bool graph_ok(const sckg_graph *g) {
  checks c = {0};
  if (!g->triples || sckg_graph_each_subject(g, check_subject, &c) == SCKG_OK)
    return true;
  char msg[512];
  snprintf(msg, sizeof msg,
           "cannot write RDF/XML: in the triples of <%.200s>, %s", c.subject,
           c.why);
  sckg_graph_report(g, SCKG_ERR_INPUT, NULL, 0, 0, msg);
  return false;
}

/* The per-write state: namespaces that needed a generated prefix, numbered
 * ns1, ns2, ... in order of first use, which the sorted triples fix. */
enum { PREDICATE_CACHE = 64 };

/* What a predicate's element needs: its qualified name and, for a
 * namespace without a fixed prefix, the attribute declaring it. */
typedef struct {
  const char *iri; /* the predicate, by address (the graph interns them) */
  char *qname;
  char *decl; /* "xmlns:nsN", or NULL */
  const char *ns;
} predicate;

typedef struct {
  xmlTextWriterPtr w;
  sckg_vec gen_ns; /* heap strings, index + 1 = the number in "nsN" */
  sckg_buf qname;
  /* the predicates met so far: a graph has a few dozen, and splitting one
   * into namespace and local name for each of millions of triples costs
   * more than writing them */
  predicate preds[PREDICATE_CACHE];
  size_t n_preds;
} writer;

#define X(s) ((const xmlChar *)(s))
#define TRYX(call)                                                             \
  do {                                                                         \
    if ((call) < 0)                                                            \
      return SCKG_ERR_WRITE;                                                   \
  } while (0)

/* Bytes that libxml2's writer escapes in an attribute's value: " & < >,
 * the controls (tab and newline among them) and everything from DEL up,
 * which it may write as character references. A value without any is
 * written as it is, so it is handed to libxml2 as raw text, and the
 * escaping pass is skipped for the IRIs that are most of a graph. Any
 * other value still goes through libxml2's escaping. */
static inline bool attr_escaped(unsigned char c) {
  return c < 0x20 || c >= 0x7F || c == '"' || c == '&' || (c | 2) == '>';
}

/* attr_escaped, sixteen at a time: '<' and '>' are 0x3C and 0x3E. */
static inline sckg_mask16 attr_escaped16(sckg_bytes16 v) {
  return (sckg_mask16)((v < 0x20) | (v >= 0x7F) | (v == '"') | (v == '&') |
                       ((v | 2) == '>'));
}

SCKG_CLEAN_PREFIX(attr_plain_prefix, attr_escaped16, attr_escaped)

/* What xmlEncodeSpecialChars escapes in an element's text: " & < > and
 * carriage return, nothing else. */
static inline bool text_escaped(unsigned char c) {
  return c == '\r' || c == '"' || c == '&' || (c | 2) == '>';
}

static inline sckg_mask16 text_escaped16(sckg_bytes16 v) {
  return (sckg_mask16)((v == '\r') | (v == '"') | (v == '&') |
                       ((v | 2) == '>'));
}

SCKG_CLEAN_PREFIX(text_plain_prefix, text_escaped16, text_escaped)

/* Attribute `name` with `value`. The raw path leaves the writer as
 * xmlTextWriterWriteAttribute does, but for its indentation flag, which
 * every caller here sets again (an end tag, or the text of the same
 * element) before anything reads it. */
static int write_attribute(writer *wr, const char *name, const char *value) {
  size_t len = strlen(value);
  if (len > INT_MAX || attr_plain_prefix(value, len) != len)
    return xmlTextWriterWriteAttribute(wr->w, X(name), X(value));
  if (xmlTextWriterStartAttribute(wr->w, X(name)) < 0 ||
      xmlTextWriterWriteRawLen(wr->w, X(value), (int)len) < 0)
    return -1;
  return xmlTextWriterEndAttribute(wr->w);
}

/* An element's text: xmlTextWriterWriteString passes it through
 * xmlEncodeSpecialChars, a copy, and writes the result as raw text, so a
 * value with nothing to escape is that same raw text. */
static int write_text(writer *wr, const char *value) {
  size_t len = strlen(value);
  if (len > INT_MAX || text_plain_prefix(value, len) != len)
    return xmlTextWriterWriteString(wr->w, X(value));
  return xmlTextWriterWriteRawLen(wr->w, X(value), (int)len);
}

/* Split predicate `p` into the element's name and namespace declaration. */
static void split_predicate(writer *wr, const char *p, predicate *out) {
  size_t at = local_start(p);
  const char *prefix = NULL;
  for (size_t i = 0; i < N_FIXED_NS && !prefix; i++)
    if (strlen(fixed_ns[i].ns) == at && strncmp(p, fixed_ns[i].ns, at) == 0)
      prefix = fixed_ns[i].prefix;
  sckg_buf_clear(&wr->qname);
  out->iri = p;
  out->decl = NULL;
  out->ns = NULL;
  if (prefix) {
    sckg_buf_printf(&wr->qname, "%s:%s", prefix, p + at);
    out->qname = sckg_xstrndup(wr->qname.ptr, wr->qname.len);
    return;
  }
  size_t k = 0;
  while (k < wr->gen_ns.len && !(strlen(wr->gen_ns.items[k]) == at &&
                                 strncmp(p, wr->gen_ns.items[k], at) == 0))
    k++;
  if (k == wr->gen_ns.len)
    sckg_vec_push(&wr->gen_ns, sckg_xstrndup(p, at));
  sckg_buf_printf(&wr->qname, "ns%zu:%s", k + 1, p + at);
  out->qname = sckg_xstrndup(wr->qname.ptr, wr->qname.len);
  sckg_buf_clear(&wr->qname);
  sckg_buf_printf(&wr->qname, "xmlns:ns%zu", k + 1);
  out->decl = sckg_xstrndup(wr->qname.ptr, wr->qname.len);
  out->ns = wr->gen_ns.items[k];
}

static void free_predicate(predicate *p) {
  free(p->qname);
  free(p->decl);
}

static sckg_status start_property(writer *wr, const char *p) {
  predicate one, *pr = NULL;
  for (size_t i = 0; i < wr->n_preds && !pr; i++)
    if (wr->preds[i].iri == p)
      pr = &wr->preds[i];
  if (!pr && wr->n_preds < PREDICATE_CACHE) {
    pr = &wr->preds[wr->n_preds++];
    split_predicate(wr, p, pr);
  } else if (!pr) { /* more predicates than the cache holds */
    pr = &one;
    split_predicate(wr, p, pr);
  }
  int rc = xmlTextWriterStartElement(wr->w, X(pr->qname));
  /* Declared on the element itself: the document needs no pre-pass over
   * predicates, and each property element reads on its own. */
  if (rc >= 0 && pr->decl)
    rc = xmlTextWriterWriteAttribute(wr->w, X(pr->decl), X(pr->ns));
  if (pr == &one)
    free_predicate(&one);
  return rc < 0 ? SCKG_ERR_WRITE : SCKG_OK;
}

static sckg_status write_property(writer *wr, const sckg_triple *t) {
  sckg_status st = start_property(wr, t->p);
  if (st)
    return st;
  if (t->o.kind == SCKG_TERM_IRI) {
    TRYX(write_attribute(wr, "rdf:resource", t->o.value));
    TRYX(xmlTextWriterEndElement(wr->w));
    return SCKG_OK;
  }
  if (t->o.lang)
    TRYX(write_attribute(wr, "xml:lang", t->o.lang));
  else if (t->o.datatype)
    TRYX(write_attribute(wr, "rdf:datatype", t->o.datatype));
  TRYX(write_text(wr, t->o.value));
  /* Full end tag even for "": <p rdf:datatype="..."/> would be an empty
   * property element, where the grammar allows no rdf:datatype. */
  TRYX(xmlTextWriterFullEndElement(wr->w));
  return SCKG_OK;
}

/* One rdf:Description: a subject and its properties. */
static sckg_status write_description(void *ctx, const sckg_triple *t,
                                     size_t n) {
  writer *wr = ctx;
  TRYX(xmlTextWriterStartElement(wr->w, X("rdf:Description")));
  TRYX(write_attribute(wr, "rdf:about", t[0].s));
  for (size_t i = 0; i < n; i++) {
    sckg_status st = write_property(wr, &t[i]);
    if (st)
      return st;
  }
  TRYX(xmlTextWriterEndElement(wr->w));
  return SCKG_OK;
}

static sckg_status write_document(writer *wr, const sckg_graph *g) {
  xmlTextWriterPtr w = wr->w;
  TRYX(xmlTextWriterSetIndent(w, 1));
  TRYX(xmlTextWriterSetIndentString(w, X("  ")));
  TRYX(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
  TRYX(xmlTextWriterStartElement(w, X("rdf:RDF")));
  for (size_t i = 0; i < N_FIXED_NS; i++) {
    sckg_buf_clear(&wr->qname);
    sckg_buf_printf(&wr->qname, "xmlns:%s", fixed_ns[i].prefix);
    TRYX(xmlTextWriterWriteAttribute(w, X(wr->qname.ptr), X(fixed_ns[i].ns)));
  }
  sckg_status st = sckg_graph_each_subject(g, write_description, wr);
  if (st != SCKG_OK)
    return st;
  TRYX(xmlTextWriterEndElement(w));
  TRYX(xmlTextWriterEndDocument(w));
  TRYX(xmlTextWriterFlush(w));
  return SCKG_OK;
}

/* libxml2 reports I/O failures (a full disk) through its global error
 * handler, which prints to stderr by default; the library never prints, and
 * the failure reaches the caller as SCKG_ERR_WRITE anyway. */
static void ignore_error(void *ctx, xmlErrorPtr err) {
  (void)ctx;
  (void)err;
}

/* libxml2's output callback over the caller's byte sink: the bytes written,
 * or -1 when the sink wrote fewer (libxml2 then stops with an error). */
typedef struct {
  sckg_byte_sink sink;
  void *stream;
  bool failed;
} sink_ctx;

static int sink_write(void *context, const char *buffer, int len) {
  sink_ctx *c = context;
  if (len > 0 && c->sink(buffer, (size_t)len, c->stream) != (size_t)len) {
    c->failed = true;
    return -1;
  }
  return len;
}

sckg_status sckg_write_rdfxml_to(const sckg_graph *g, sckg_byte_sink sink,
                                 void *stream) {
  if (!g || !sink || !g->finished)
    return SCKG_ERR_ARG;
  if (!graph_ok(g))
    return SCKG_ERR_INPUT;
  xmlInitParser();
  xmlStructuredErrorFunc old_handler = xmlStructuredError;
  void *old_ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(NULL, ignore_error);

  sckg_status st = SCKG_OK;
  writer wr = {0};
  /* The output buffer writes through the sink; closing it (with the
   * writer) calls no close callback: the caller keeps the stream. */
  sink_ctx sc = {sink, stream, false};
  xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(sink_write, NULL, &sc, NULL);
  if (!ob) {
    st = SCKG_ERR_INTERNAL;
    goto done;
  }
  wr.w = xmlNewTextWriter(ob); /* owns ob only when it succeeds */
  if (!wr.w) {
    xmlOutputBufferClose(ob);
    st = SCKG_ERR_INTERNAL;
    goto done;
  }
  st = write_document(&wr, g);

done:
  if (wr.w)
    xmlFreeTextWriter(wr.w);
  for (size_t i = 0; i < wr.n_preds; i++)
    free_predicate(&wr.preds[i]);
  for (size_t i = 0; i < wr.gen_ns.len; i++)
    free(wr.gen_ns.items[i]);
  sckg_vec_free(&wr.gen_ns);
  sckg_buf_free(&wr.qname);
  xmlSetStructuredErrorFunc(old_ctx, old_handler);
  /* a failed write may surface in libxml2 as any error, or only at the
   * flush inside xmlFreeTextWriter: the sink's own record decides */
  if (sc.failed)
    st = SCKG_ERR_WRITE;
  return st;
}

sckg_status sckg_write_rdfxml(const sckg_graph *g, FILE *out) {
  return sckg_write_to_file(sckg_write_rdfxml_to, g, out);
}
