/* SPDX-License-Identifier: MIT */
/* Fuzz the RDF/XML writer: its output must be well-formed XML (libxml2
 * parses it back), and reading it as striped RDF/XML must give exactly the
 * graph's triples in order: subjects from rdf:about, predicates from the
 * property elements' namespace + local name, objects from rdf:resource or
 * the element's text, with its xml:lang or rdf:datatype. A property element
 * holding anything but text means input escaped into markup. */
#include "fuzz_common.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#define RDF_NS ((const xmlChar *)SCKG_NS_RDF)

static bool is_rdf(const xmlNode *n, const char *name) {
  return n->ns && xmlStrEqual(n->ns->href, RDF_NS) &&
         xmlStrEqual(n->name, (const xmlChar *)name);
}

static const xmlNode *next_element(const xmlNode *n) {
  while (n && n->type != XML_ELEMENT_NODE) {
    if (n->type != XML_TEXT_NODE && n->type != XML_COMMENT_NODE)
      fuzz_fail("RDF/XML holds a node that is neither element nor text",
                (const char *)n->name);
    n = n->next;
  }
  return n;
}

/* Compare one property element with triple t. */
static void check_property(const xmlNode *e, const sckg_triple *t) {
  if (!e->ns)
    fuzz_fail("a property element has no namespace", (const char *)e->name);
  sckg_buf pred = {0};
  sckg_buf_adds(&pred, (const char *)e->ns->href);
  sckg_buf_adds(&pred, (const char *)e->name);
  if (strcmp(pred.ptr, t->p) != 0)
    fuzz_fail("a property element is not the triple's predicate", pred.ptr);
  sckg_buf_free(&pred);
  xmlChar *res = xmlGetNsProp(e, (const xmlChar *)"resource", RDF_NS);
  xmlChar *dt = xmlGetNsProp(e, (const xmlChar *)"datatype", RDF_NS);
  xmlChar *lang = xmlGetNsProp(e, (const xmlChar *)"lang", XML_XML_NAMESPACE);
  if (t->o.kind == SCKG_TERM_IRI) {
    if (!res || strcmp((const char *)res, t->o.value) != 0)
      fuzz_fail("rdf:resource is not the object IRI", t->o.value);
    if (e->children)
      fuzz_fail("an rdf:resource property element has content", t->o.value);
  } else {
    if (res)
      fuzz_fail("a literal came out as rdf:resource", t->o.value);
    for (const xmlNode *c = e->children; c; c = c->next)
      if (c->type != XML_TEXT_NODE)
        fuzz_fail("a literal's element holds markup", t->o.value);
    xmlChar *text = xmlNodeGetContent(e);
    if (!text || strcmp((const char *)text, t->o.value) != 0)
      fuzz_fail("the literal does not read back the same", t->o.value);
    xmlFree(text);
    if ((t->o.lang != NULL) != (lang != NULL) ||
        (lang && strcmp((const char *)lang, t->o.lang) != 0))
      fuzz_fail("xml:lang is not the literal's", t->o.value);
    if ((!t->o.lang && t->o.datatype) != (dt != NULL) ||
        (dt && strcmp((const char *)dt, t->o.datatype) != 0))
      fuzz_fail("rdf:datatype is not the literal's", t->o.value);
  }
  xmlFree(res);
  xmlFree(dt);
  xmlFree(lang);
}

static void check_document(const xmlDoc *doc, const sckg_graph *g) {
  if (sckg_graph_list_triples(g) != SCKG_OK)
    fuzz_fail("sckg_graph_list_triples failed", NULL);
  const xmlNode *root = xmlDocGetRootElement(doc);
  if (!root || !is_rdf(root, "RDF"))
    fuzz_fail("the root is not rdf:RDF", NULL);
  size_t i = 0;
  for (const xmlNode *d = next_element(root->children); d;
       d = next_element(d->next)) {
    if (!is_rdf(d, "Description"))
      fuzz_fail("a node element is not rdf:Description", (const char *)d->name);
    xmlChar *about = xmlGetNsProp(d, (const xmlChar *)"about", RDF_NS);
    if (!about)
      fuzz_fail("an rdf:Description has no rdf:about", NULL);
    for (const xmlNode *p = next_element(d->children); p;
         p = next_element(p->next), i++) {
      if (i >= g->n_triples)
        fuzz_fail("more property elements than triples", NULL);
      if (strcmp((const char *)about, g->triples[i].s) != 0)
        fuzz_fail("rdf:about is not the triple's subject", g->triples[i].s);
      check_property(p, &g->triples[i]);
    }
    xmlFree(about);
  }
  if (i != g->n_triples)
    fuzz_fail("fewer property elements than triples", NULL);
}

/* libxml2 would print parse errors; the failure itself is what counts. */
static void quiet(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_case c;
  fuzz_case_parse(&c, data, size);
  sckg_graph *g = fuzz_build(&c);
  size_t len = 0;
  char *xml = fuzz_write_mem(sckg_write_rdfxml, g, &len);
  xmlSetGenericErrorFunc(NULL, quiet);
  xmlDoc *doc = xmlReadMemory(xml, (int)len, "fuzz.rdf", NULL,
                              XML_PARSE_NONET | XML_PARSE_NOWARNING);
  if (!doc)
    fuzz_fail("the RDF/XML is not well-formed XML", xml);
  check_document(doc, g);
  xmlFreeDoc(doc);
  free(xml);
  sckg_graph_free(g);
  fuzz_case_free(&c);
  return 0;
}
