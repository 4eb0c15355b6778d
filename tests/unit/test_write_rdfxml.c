/* SPDX-License-Identifier: MIT */
/* The RDF/XML writer on small graphs given as rows of triples
 * (triples_fixture.h): it parses back with libxml2, rapper reads the same
 * triples as from the N-Triples writer, and what XML cannot carry is refused
 * before a byte is written. */
#define _POSIX_C_SOURCE 200809L

#include "sckg/write.h"
#include "triples_fixture.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define ID "https://w3id.org/sckg/id/"
#define RAPPER "/usr/bin/rapper"

#define KOREA "\xEB\xB6\x81\xED\x95\x9C" /* 북한 */
#define ISSTRING "Seoul said: <\"no\"> & \\n ]]>\nnext\r\tend  "

static const row sample[] = {
    {ID "actor/north-korea", SCKG_NS_RDF "type", 0, SCKG_NS "State", 0, 0},
    {ID "actor/north-korea", SCKG_NS_RDF "type", 0, SCKG_NS "Actor", 0, 0},
    {ID "actor/north-korea", SCKG_NS_RDFS "label", 1, "North Korea", "en", 0},
    {ID "actor/north-korea", SCKG_NS_SKOS "altLabel", 1, KOREA, "ko", 0},
    {ID "actor/north-korea", SCKG_NS_OWL "sameAs", 0, SCKG_NS_WD "Q423", 0, 0},
    {ID "event/x", SCKG_NS "date", 1, "2023-04-07", 0, SCKG_NS_XSD "date"},
    {ID "event/x", SCKG_NS "agent", 0, ID "actor/north-korea", 0, 0},
    {ID "event/x", SCKG_NS_PROV "wasDerivedFrom", 0, ID "article/ap?a=1&b=2", 0,
     0},
    {ID "article/ap?a=1&b=2", SCKG_NS_NIF "isString", 1, ISSTRING, 0, 0},
    {ID "article/ap?a=1&b=2", SCKG_NS_DCT "title", 1,
     "Japan \xE2\x80\x94 \xE2\x80\x9Ctalks\xE2\x80\x9D", 0, 0},
    {ID "article/ap?a=1&b=2", SCKG_NS_NIF "beginIndex", 1, "0", 0,
     SCKG_NS_XSD "nonNegativeInteger"},
    {ID "article/ap?a=1&b=2", "http://example.org/vocab#weight", 1, "1.5", 0,
     SCKG_NS_XSD "decimal"},
    {ID "article/ap?a=1&b=2", "http://example.org/vocab#weight", 1, "", 0,
     SCKG_NS_XSD "decimal"},
    {ID "article/ap?a=1&b=2", "http://example.org/p/2nd", 1, "x", 0, 0},
    {ID "article/ap?a=1&b=2", "http://example.org/other/ranked", 1, "", "en",
     0},
    {ID "article/ap?a=1&b=2", SCKG_NS_RDFS "comment", 1, "", 0, 0},
};
enum { N_SAMPLE = sizeof sample / sizeof sample[0] };

static xmlNodePtr next_element(xmlNodePtr n) {
  while (n && n->type != XML_ELEMENT_NODE)
    n = n->next;
  return n;
}

static void assert_name(xmlNodePtr n, const char *ns, const char *local) {
  assert_non_null(n);
  assert_non_null(n->ns);
  assert_string_equal((const char *)n->ns->href, ns);
  assert_string_equal((const char *)n->name, local);
}

/* An attribute in namespace ns, or NULL; the caller frees it. */
static char *attr(xmlNodePtr n, const char *ns, const char *local) {
  return (char *)xmlGetNsProp(n, (const xmlChar *)local, (const xmlChar *)ns);
}

static void assert_attr(xmlNodePtr n, const char *ns, const char *local,
                        const char *want) {
  char *v = attr(n, ns, local);
  assert_non_null(v);
  assert_string_equal(v, want);
  xmlFree(v);
}

static void assert_text(xmlNodePtr n, const char *want) {
  char *v = (char *)xmlNodeGetContent(n);
  assert_non_null(v);
  assert_string_equal(v, want);
  xmlFree(v);
}

/* The document libxml2 reads back: rdf:RDF, one rdf:Description per subject
 * in sorted order, properties in triple order with the right names,
 * attributes and exact text. */
static void test_parses_back(void **state) {
  (void)state;
  sckg_graph *g = make_graph(sample, N_SAMPLE);
  char *text;
  size_t len;
  assert_int_equal(write_mem(sckg_write_rdfxml, g, &text, &len), SCKG_OK);
  xmlDocPtr doc = xmlReadMemory(text, (int)len, "mem.rdf", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR);
  assert_non_null(doc);
  assert_string_equal((const char *)doc->encoding, "UTF-8");
  xmlNodePtr root = xmlDocGetRootElement(doc);
  assert_name(root, SCKG_NS_RDF, "RDF");

  xmlNodePtr d = next_element(root->children);
  assert_name(d, SCKG_NS_RDF, "Description");
  assert_attr(d, SCKG_NS_RDF, "about", ID "actor/north-korea");
  xmlNodePtr p = next_element(d->children);
  assert_name(p, SCKG_NS_RDF, "type");
  assert_attr(p, SCKG_NS_RDF, "resource", SCKG_NS "Actor");
  assert_null(p->children);
  p = next_element(p->next);
  assert_attr(p, SCKG_NS_RDF, "resource", SCKG_NS "State");
  p = next_element(p->next);
  assert_name(p, SCKG_NS_RDFS, "label");
  assert_attr(p, "http://www.w3.org/XML/1998/namespace", "lang", "en");
  assert_text(p, "North Korea");
  p = next_element(p->next);
  assert_name(p, SCKG_NS_OWL, "sameAs");
  assert_attr(p, SCKG_NS_RDF, "resource", SCKG_NS_WD "Q423");
  p = next_element(p->next);
  assert_name(p, SCKG_NS_SKOS, "altLabel");
  assert_attr(p, "http://www.w3.org/XML/1998/namespace", "lang", "ko");
  assert_text(p, KOREA);
  assert_null(next_element(p->next));

  d = next_element(d->next);
  assert_attr(d, SCKG_NS_RDF, "about", ID "article/ap?a=1&b=2");
  p = next_element(d->children);
  assert_name(p, "http://example.org/other/", "ranked");
  assert_text(p, "");
  p = next_element(p->next);
  assert_name(p, "http://example.org/p/2", "nd");
  assert_text(p, "x");
  p = next_element(p->next);
  assert_name(p, "http://example.org/vocab#", "weight");
  assert_attr(p, SCKG_NS_RDF, "datatype", SCKG_NS_XSD "decimal");
  assert_text(p, "");
  p = next_element(p->next);
  assert_name(p, "http://example.org/vocab#", "weight");
  assert_text(p, "1.5");
  p = next_element(p->next);
  assert_name(p, SCKG_NS_NIF, "beginIndex");
  assert_attr(p, SCKG_NS_RDF, "datatype", SCKG_NS_XSD "nonNegativeInteger");
  p = next_element(p->next);
  assert_name(p, SCKG_NS_NIF, "isString");
  assert_text(p, ISSTRING); /* CR, tab, markup and spaces all survive */
  char *lang = attr(p, "http://www.w3.org/XML/1998/namespace", "lang");
  assert_null(lang);
  p = next_element(p->next);
  assert_name(p, SCKG_NS_DCT, "title");
  p = next_element(p->next);
  assert_name(p, SCKG_NS_RDFS, "comment");
  assert_text(p, "");
  assert_null(next_element(p->next));

  d = next_element(d->next);
  assert_attr(d, SCKG_NS_RDF, "about", ID "event/x");
  p = next_element(d->children);
  assert_name(p, SCKG_NS_PROV, "wasDerivedFrom");
  assert_attr(p, SCKG_NS_RDF, "resource", ID "article/ap?a=1&b=2");
  p = next_element(p->next);
  assert_name(p, SCKG_NS, "agent");
  p = next_element(p->next);
  assert_name(p, SCKG_NS, "date");
  assert_text(p, "2023-04-07");
  assert_null(next_element(d->next));

  xmlFreeDoc(doc);
  free(text);
  free_graph(g);
}

/* The text itself where it matters to a reader: the fixed prefixes on
 * rdf:RDF in their order, indentation, libxml2's escaping, UTF-8 kept as
 * is, generated prefixes numbered by first use. */
static void test_text(void **state) {
  (void)state;
  sckg_graph *g = make_graph(sample, N_SAMPLE);
  char *text;
  size_t len;
  assert_int_equal(write_mem(sckg_write_rdfxml, g, &text, &len), SCKG_OK);
  const char *head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
      " xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\""
      " xmlns:owl=\"http://www.w3.org/2002/07/owl#\""
      " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema#\""
      " xmlns:skos=\"http://www.w3.org/2004/02/skos/core#\""
      " xmlns:prov=\"http://www.w3.org/ns/prov#\""
      " xmlns:dcterms=\"http://purl.org/dc/terms/\""
      " xmlns:nif=\"http://persistence.uni-leipzig.org/nlp2rdf/ontologies/"
      "nif-core#\""
      " xmlns:sckg=\"https://w3id.org/sckg/ns#\">\n"
      "  <rdf:Description "
      "rdf:about=\"https://w3id.org/sckg/id/actor/north-korea\">\n"
      "    <rdf:type rdf:resource=\"https://w3id.org/sckg/ns#Actor\"/>\n";
  assert_memory_equal(text, head, strlen(head));
  const char *parts[] = {
      "    <skos:altLabel xml:lang=\"ko\">" KOREA "</skos:altLabel>\n"
      "  </rdf:Description>\n",
      "rdf:about=\"https://w3id.org/sckg/id/article/ap?a=1&amp;b=2\">\n",
      "    <ns1:ranked xmlns:ns1=\"http://example.org/other/\" "
      "xml:lang=\"en\"></ns1:ranked>\n",
      "    <ns2:nd xmlns:ns2=\"http://example.org/p/2\">x</ns2:nd>\n",
      "    <ns3:weight xmlns:ns3=\"http://example.org/vocab#\" "
      "rdf:datatype=\"http://www.w3.org/2001/XMLSchema#decimal\">"
      "</ns3:weight>\n",
      "    <ns3:weight xmlns:ns3=\"http://example.org/vocab#\" "
      "rdf:datatype=\"http://www.w3.org/2001/XMLSchema#decimal\">1.5"
      "</ns3:weight>\n",
      "    <nif:isString>Seoul said: &lt;&quot;no&quot;&gt; &amp; \\n ]]&gt;\n"
      "next&#13;\tend  </nif:isString>\n",
      "    <dcterms:title>Japan \xE2\x80\x94 \xE2\x80\x9Ctalks\xE2\x80\x9D"
      "</dcterms:title>\n",
      "    <rdfs:comment></rdfs:comment>\n",
      "  </rdf:Description>\n</rdf:RDF>\n",
  };
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
    if (!strstr(text, parts[i]))
      fail_msg("missing from the RDF/XML:\n%s\n--- in:\n%s", parts[i], text);
  free(text);
  free_graph(g);
}

static void test_deterministic(void **state) {
  (void)state;
  sckg_graph *g = make_graph(sample, N_SAMPLE);
  char *a, *b;
  size_t la, lb;
  assert_int_equal(write_mem(sckg_write_rdfxml, g, &a, &la), SCKG_OK);
  assert_int_equal(write_mem(sckg_write_rdfxml, g, &b, &lb), SCKG_OK);
  assert_int_equal(la, lb);
  assert_memory_equal(a, b, la);
  free(a);
  free(b);
  free_graph(g);
}

static int cmp_line(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Split text into lines (in place) and sort them; returns the count. */
static size_t sorted_lines(char *text, char ***out) {
  size_t n = 0, cap = 16;
  char **lines = malloc(cap * sizeof *lines);
  assert_non_null(lines);
  for (char *save = NULL, *l = strtok_r(text, "\n", &save); l;
       l = strtok_r(NULL, "\n", &save)) {
    if (n == cap)
      lines = realloc(lines, (cap *= 2) * sizeof *lines);
    assert_non_null(lines);
    lines[n++] = l;
  }
  qsort(lines, n, sizeof *lines, cmp_line);
  *out = lines;
  return n;
}

/* rapper's N-Triples for a file, exit status and stderr checked: 0 = clean
 * (2 would be a warning). */
static char *rapper(const char *syntax, const char *path, const char *err) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "%s -q -i %s -f strict -o ntriples '%s' 2>'%s'",
           RAPPER, syntax, path, err);
  FILE *p = popen(cmd, "r");
  assert_non_null(p);
  char *out = NULL;
  size_t cap = 0, len = 0, n;
  char chunk[4096];
  while ((n = fread(chunk, 1, sizeof chunk, p)) > 0) {
    out = realloc(out, cap = len + n + 1);
    assert_non_null(out);
    memcpy(out + len, chunk, n);
    len += n;
  }
  int status = pclose(p);
  if (!out)
    out = calloc(1, 1);
  out[len] = '\0';
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    char msg[2048] = "";
    FILE *e = fopen(err, "r");
    if (e) {
      msg[fread(msg, 1, sizeof msg - 1, e)] = '\0';
      fclose(e);
    }
    fail_msg("%s on %s exited with %d:\n%s", RAPPER, path,
             WIFEXITED(status) ? WEXITSTATUS(status) : -1, msg);
  }
  return out;
}

/* An independent parser reads the same triples from both writers. rapper
 * re-escapes what it prints (\uXXXX for non-ASCII, \t) and lower-cases
 * language tags, so both files go through it and its outputs are compared
 * as sorted line sets; reading the N-Triples also checks they parse. */
static void test_rapper_same_triples(void **state) {
  (void)state;
  if (access(RAPPER, X_OK) != 0)
    fail_msg("%s not found: install raptor2-utils (rapper) for this test",
             RAPPER);
  char dir[] = "/tmp/sckg-test-rdfxml-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char rdf[128], nt[128], err[128];
  snprintf(rdf, sizeof rdf, "%s/g.rdf", dir);
  snprintf(nt, sizeof nt, "%s/g.nt", dir);
  snprintf(err, sizeof err, "%s/err", dir);

  sckg_graph *g = make_graph(sample, N_SAMPLE);
  write_file(rdf, sckg_write_rdfxml, g);
  write_file(nt, sckg_write_ntriples, g);
  char *from_rdf = rapper("rdfxml", rdf, err);
  char *from_nt = rapper("ntriples", nt, err);
  char **a, **b;
  size_t na = sorted_lines(from_rdf, &a), nb = sorted_lines(from_nt, &b);
  assert_int_equal(na, N_SAMPLE);
  assert_int_equal(nb, N_SAMPLE);
  for (size_t i = 0; i < na; i++)
    assert_string_equal(a[i], b[i]);

  free(a);
  free(b);
  free(from_rdf);
  free(from_nt);
  free_graph(g);
  unlink(rdf);
  unlink(nt);
  unlink(err);
  rmdir(dir);
}

/* Each graph holds one triple XML or RDF/XML cannot carry: refused with
 * SCKG_ERR_INPUT and not a byte written. */
static void test_refused(void **state) {
  (void)state;
  const char *S = "http://example.org/s", *P = "http://example.org/p";
  const row bad[] = {
      {S, P, 1, "bell \x07 here", 0, 0},       /* C0 control */
      {S, P, 1, "vt \x0B", 0, 0},              /* vertical tab */
      {S, P, 1, "nul-free but \x1F", "en", 0}, /* unit separator */
      {S, P, 1, "\xEF\xBF\xBE", 0, 0},         /* U+FFFE, not a Char */
      {S, P, 1, "bad \xC3 utf-8", 0, 0},       /* truncated sequence */
      {S, P, 1, "x", "en_US", 0},              /* not a LANGTAG */
      {S, P, 1, "x", 0, "decimal"},            /* relative datatype */
      {S, SCKG_NS_RDF "li", 1, "x", 0, 0},     /* read as rdf:_n */
      {S, SCKG_NS_RDF "Description", 1, "x", 0, 0},
      {S, "http://example.org/", 1, "x", 0, 0}, /* no local name at all */
      {S, "http://example.org/123", 1, "x", 0, 0},
      {S, "http://www.w3.org/2000/xmlns/p", 1, "x", 0, 0},
      {"actor/x", P, 1, "x", 0, 0},                 /* relative subject */
      {S, P, 0, "http://example.org/a/../b", 0, 0}, /* dot segment */
      {"http://example.org/./s", P, 1, "x", 0, 0},
      {S, P, 0, "http://example.org/a\tb", 0, 0}, /* control in an IRI */
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    const row rows[] = {{S, P, 1, "fine", 0, 0}, bad[i]};
    sckg_graph *g = make_graph(rows, 2);
    char *text;
    size_t len;
    sckg_status st = write_mem(sckg_write_rdfxml, g, &text, &len);
    if (st != SCKG_ERR_INPUT || len != 0)
      fail_msg("case %zu: status %d, %zu bytes written", i, (int)st, len);
    free(text);
    free_graph(g);
  }
}

/* Tab, LF and CR are XML characters: accepted, and kept (CR as &#13;). */
static void test_whitespace_controls_ok(void **state) {
  (void)state;
  const row rows[] = {
      {"http://example.org/s", "http://example.org/p", 1, "\t\n\r", 0, 0}};
  sckg_graph *g = make_graph(rows, 1);
  char *text;
  size_t len;
  assert_int_equal(write_mem(sckg_write_rdfxml, g, &text, &len), SCKG_OK);
  assert_non_null(strstr(text, ">\t\n&#13;</ns1:p>"));
  free(text);
  free_graph(g);
}

/* What libxml2 itself makes of `value` as an attribute's value (*attr) and
 * as an element's text (*text): a bare xmlTextWriter, started as the
 * writer starts its document, writes <e a="VALUE">VALUE</e>, and the two
 * parts are cut out of it. */
static void libxml2_escapes(const char *value, char **attr, char **text) {
  xmlBufferPtr b = xmlBufferCreate();
  xmlTextWriterPtr w = xmlNewTextWriterMemory(b, 0);
  assert_non_null(w);
  assert_true(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) >= 0);
  assert_true(xmlTextWriterStartElement(w, BAD_CAST "e") >= 0);
  assert_true(xmlTextWriterWriteAttribute(w, BAD_CAST "a", BAD_CAST value) >=
              0);
  assert_true(xmlTextWriterWriteString(w, BAD_CAST value) >= 0);
  assert_true(xmlTextWriterEndElement(w) >= 0);
  xmlFreeTextWriter(w);
  const char *s = (const char *)xmlBufferContent(b);
  const char *a = strstr(s, "<e a=\""), *a_end, *t_end;
  assert_non_null(a);
  a += strlen("<e a=\"");
  a_end = strchr(a, '"'); /* an escaped value holds no '"' */
  assert_non_null(a_end);
  assert_int_equal(a_end[1], '>');
  t_end = strstr(a_end, "</e>");
  assert_non_null(t_end);
  *attr = strndup(a, (size_t)(a_end - a));
  *text = strndup(a_end + 2, (size_t)(t_end - a_end - 2));
  xmlBufferFree(b);
}

/* The writer hands a value that needs no escape to libxml2 as raw text,
 * and any other to libxml2's escaping: either way its bytes must be the
 * ones libxml2's own escaping gives. Each byte that libxml2 may escape,
 * and a few that it never does, stands at the start, at the 16-byte
 * boundaries of the writer's scan and past them, in an IRI (rdf:about,
 * rdf:resource; but for the controls, which no IRI holds) and in a
 * literal (element text). */
static void test_escaping_is_libxml2s(void **state) {
  (void)state;
  char bytes[128 + 2][4];
  size_t n_bytes = 0;
  for (int c = 1; c < 0x80; c++)
    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
      bytes[n_bytes][0] = (char)c;
      bytes[n_bytes++][1] = '\0';
    }
  strcpy(bytes[n_bytes++], "\xC3\xA9");     /* é */
  strcpy(bytes[n_bytes++], "\xE2\x80\x94"); /* em dash */
  static const size_t before[] = {0, 1, 14, 15, 16, 17, 31, 32, 40};
  char value[64], iri[96];
  for (size_t i = 0; i < n_bytes; i++)
    for (size_t k = 0; k < sizeof before / sizeof before[0]; k++) {
      memset(value, 'x', before[k]);
      snprintf(value + before[k], sizeof value - before[k], "%s%.*s", bytes[i],
               (int)(k % 4), "yyy");
      /* an IRI holds no control, and "a" keeps "." or ".." from being a
       * whole path segment, which the writer refuses */
      snprintf(iri, sizeof iri, "http://example.org/a%s",
               (unsigned char)bytes[i][0] < 0x20 ? "" : value);
      const row rows[] = {
          {iri, "http://example.org/p#i", 0, iri, 0, 0},
          {iri, "http://example.org/p#l", 1, value, 0, 0},
      };
      sckg_graph *g = make_graph(rows, 2);
      char *text, *iri_attr, *iri_text, *val_attr, *val_text;
      size_t len;
      assert_int_equal(write_mem(sckg_write_rdfxml, g, &text, &len), SCKG_OK);
      libxml2_escapes(iri, &iri_attr, &iri_text);
      libxml2_escapes(value, &val_attr, &val_text);
      char want[512];
      snprintf(want, sizeof want, "rdf:about=\"%s\">", iri_attr);
      if (!strstr(text, want))
        fail_msg("value %zu/%zu: no %s in\n%s", i, k, want, text);
      snprintf(want, sizeof want, "rdf:resource=\"%s\"/>", iri_attr);
      if (!strstr(text, want))
        fail_msg("value %zu/%zu: no %s in\n%s", i, k, want, text);
      snprintf(want, sizeof want, ">%s</ns1:l>", val_text);
      if (!strstr(text, want))
        fail_msg("value %zu/%zu: no %s in\n%s", i, k, want, text);
      free(iri_attr);
      free(iri_text);
      free(val_attr);
      free(val_text);
      free(text);
      free_graph(g);
    }
}

/* A full device gives SCKG_ERR_WRITE, and libxml2's own I/O error message
 * does not reach stderr: the library never prints. */
static void test_dev_full(void **state) {
  (void)state;
  enum { N = 2000 };
  row *rows = calloc(N, sizeof *rows);
  char(*subj)[48] = calloc(N, sizeof *subj);
  assert_true(rows && subj);
  for (int i = 0; i < N; i++) {
    snprintf(subj[i], sizeof subj[i], "http://example.org/s%05d", i);
    rows[i] = (row){subj[i], SCKG_NS_RDFS "label", 1, "value", "en", 0};
  }
  char errpath[] = "/tmp/sckg-test-stderr-XXXXXX";
  int errfd = mkstemp(errpath);
  assert_true(errfd >= 0);
  fflush(stderr);
  int saved = dup(2);
  assert_true(saved >= 0);
  assert_true(dup2(errfd, 2) >= 0);

  sckg_status small_st, big_st;
  sckg_graph *small = make_graph(rows, 1), *big = make_graph(rows, N);
  FILE *f = fopen("/dev/full", "w");
  small_st = f ? sckg_write_rdfxml(small, f) : SCKG_OK;
  if (f)
    fclose(f);
  f = fopen("/dev/full", "w");
  big_st = f ? sckg_write_rdfxml(big, f) : SCKG_OK;
  if (f)
    fclose(f);

  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  off_t printed = lseek(errfd, 0, SEEK_END);
  close(errfd);
  unlink(errpath);
  assert_int_equal(small_st, SCKG_ERR_WRITE);
  assert_int_equal(big_st, SCKG_ERR_WRITE);
  assert_int_equal(printed, 0);
  free_graph(small);
  free_graph(big);
  free(subj);
  free(rows);
}

static void test_empty_and_args(void **state) {
  (void)state;
  sckg_graph *g = make_graph(NULL, 0);
  char *text;
  size_t len;
  assert_int_equal(write_mem(sckg_write_rdfxml, g, &text, &len), SCKG_OK);
  xmlDocPtr doc = xmlReadMemory(text, (int)len, "mem.rdf", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR);
  assert_non_null(doc);
  assert_name(xmlDocGetRootElement(doc), SCKG_NS_RDF, "RDF");
  xmlFreeDoc(doc);
  free(text);
  assert_int_equal(sckg_write_rdfxml(NULL, stdout), SCKG_ERR_ARG);
  assert_int_equal(sckg_write_rdfxml(g, NULL), SCKG_ERR_ARG);
  g->finished = false;
  assert_int_equal(sckg_write_rdfxml(g, stdout), SCKG_ERR_ARG);
  free_graph(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parses_back),
      cmocka_unit_test(test_text),
      cmocka_unit_test(test_deterministic),
      cmocka_unit_test(test_rapper_same_triples),
      cmocka_unit_test(test_refused),
      cmocka_unit_test(test_whitespace_controls_ok),
      cmocka_unit_test(test_escaping_is_libxml2s),
      cmocka_unit_test(test_dev_full),
      cmocka_unit_test(test_empty_and_args),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  xmlCleanupParser();
  return rc;
}
