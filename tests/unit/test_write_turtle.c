/* SPDX-License-Identifier: MIT */
/* The Turtle writer on small hand-built graphs (triples_fixture.h): exact
 * text, which IRIs become prefixed names, 'a' first, grouping, escaping,
 * and what it refuses. That real graphs parse back to the N-Triples'
 * triples is the golden parse.* tests' work. */
#define _POSIX_C_SOURCE 200809L

#include "sckg/write.h"
#include "triples_fixture.h"

#include <string.h>

#define ID "https://w3id.org/sckg/id/"

#define PREFIXES                                                               \
  "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"             \
  "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"                  \
  "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"                          \
  "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"                       \
  "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"                   \
  "@prefix prov: <http://www.w3.org/ns/prov#> .\n"                             \
  "@prefix dcterms: <http://purl.org/dc/terms/> .\n"                           \
  "@prefix nif: "                                                              \
  "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .\n"      \
  "@prefix sckg: <https://w3id.org/sckg/ns#> .\n"                              \
  "@prefix wd: <http://www.wikidata.org/entity/> .\n"

#define RESOURCE_PREFIXES                                                      \
  "@prefix actor: <" ID "actor/> .\n"                                          \
  "@prefix article: <" ID "article/> .\n"                                      \
  "@prefix event: <" ID "event/> .\n"

static const row sample[] = {
    {ID "actor/north-korea", SCKG_NS_RDF "type", 0, SCKG_NS "State", 0, 0},
    {ID "actor/north-korea", SCKG_NS_RDF "type", 0, SCKG_NS "Actor", 0, 0},
    {ID "actor/north-korea", SCKG_NS_RDFS "label", 1, "North Korea", "en", 0},
    {ID "actor/north-korea", SCKG_NS_OWL "sameAs", 0, SCKG_NS_WD "Q423", 0, 0},
    /* a local part ending in '.' is no prefixed name; %hh is */
    {ID "event/x.1.", SCKG_NS "agent", 0, ID "actor/north-korea", 0, 0},
    {ID "event/x.1.", SCKG_NS "agent", 0, ID "actor/caf%C3%A9", 0, 0},
    {ID "event/x.1.", SCKG_NS "date", 1, "2023-04-07", 0, SCKG_NS_XSD "date"},
    /* '#', ',' and '=' would need escapes: the IRI is written whole */
    {ID "event/x.1.", SCKG_NS "evidence", 0, ID "article/ap#char=0,5", 0, 0},
    {ID "event/x.1.", "http://example.org/p", 1, "say \"hi\"\nnow\\", 0, 0},
};

static const char sample_ttl[] = PREFIXES RESOURCE_PREFIXES
    "\n"
    "actor:north-korea\n"
    "\ta sckg:Actor ,\n"
    "\t\tsckg:State ;\n"
    "\trdfs:label \"North Korea\"@en ;\n"
    "\towl:sameAs wd:Q423 .\n"
    "\n"
    "<" ID "event/x.1.>\n"
    "\t<http://example.org/p> \"say \\\"hi\\\"\\nnow\\\\\" ;\n"
    "\tsckg:agent actor:caf%C3%A9 ,\n"
    "\t\tactor:north-korea ;\n"
    "\tsckg:date \"2023-04-07\"^^xsd:date ;\n"
    "\tsckg:evidence <" ID "article/ap#char=0,5> .\n";

static void test_sample_exact(void **state) {
  (void)state;
  sckg_graph *g = make_graph(sample, sizeof sample / sizeof *sample);
  g->base = ID;
  char *text;
  assert_int_equal(write_mem(sckg_write_turtle, g, &text, NULL), SCKG_OK);
  assert_string_equal(text, sample_ttl);
  free(text);
  free_graph(g);
}

/* Local parts Turtle takes unescaped, and those it does not. */
static void test_prefixed_names(void **state) {
  (void)state;
  static const struct {
    const char *local;
    bool prefixed;
  } cases[] = {
      {"north-korea", true}, {"a_b.c", true},        {"Q423", true},
      {"%41b", true},        {"-a", false},          {".a", false},
      {"a.", false},         {"a/b", false},         {"a%4", false},
      {"a%zz", false},       {"caf\xC3\xA9", false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char iri[64];
    snprintf(iri, sizeof iri, SCKG_NS_WD "%s", cases[i].local);
    const row rows[] = {{iri, SCKG_NS "p", 0, "http://example.org/o", 0, 0}};
    sckg_graph *g = make_graph(rows, 1);
    char *text;
    assert_int_equal(write_mem(sckg_write_turtle, g, &text, NULL), SCKG_OK);
    char want[96];
    snprintf(want, sizeof want, cases[i].prefixed ? "\nwd:%s\n" : "\n<%s>\n",
             cases[i].prefixed ? cases[i].local : iri);
    if (!strstr(text, want))
      fail_msg("%s: want %s in:\n%s", cases[i].local, want, text);
    free(text);
    free_graph(g);
  }
}

static void test_bad_lang(void **state) {
  (void)state;
  const row rows[] = {
      {"http://example.org/s", "http://example.org/p", 1, "x", "en_US", 0}};
  sckg_graph *g = make_graph(rows, 1);
  char *text;
  assert_int_equal(write_mem(sckg_write_turtle, g, &text, NULL),
                   SCKG_ERR_INPUT);
  assert_string_equal(text, "");
  free(text);
  free_graph(g);
}

/* No triples, no base: the contract's prefixes and nothing else. */
static void test_empty_graph(void **state) {
  (void)state;
  sckg_graph *g = make_graph(NULL, 0);
  char *text;
  assert_int_equal(write_mem(sckg_write_turtle, g, &text, NULL), SCKG_OK);
  assert_string_equal(text, PREFIXES "\n");
  free(text);
  free_graph(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sample_exact),
      cmocka_unit_test(test_prefixed_names),
      cmocka_unit_test(test_bad_lang),
      cmocka_unit_test(test_empty_graph),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
