/* SPDX-License-Identifier: MIT */
/* The vocabulary the extraction and the graph model share: the contract's
 * namespaces, actor classes and event types, and dates as far as a text
 * fixes them. */
#ifndef SCKG_KINDS_H
#define SCKG_KINDS_H

#include <stdbool.h>
#include <stddef.h>

/* Namespaces of the contract. */
#define SCKG_NS "https://w3id.org/sckg/ns#"
#define SCKG_NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define SCKG_NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define SCKG_NS_OWL "http://www.w3.org/2002/07/owl#"
#define SCKG_NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define SCKG_NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define SCKG_NS_PROV "http://www.w3.org/ns/prov#"
#define SCKG_NS_DCT "http://purl.org/dc/terms/"
#define SCKG_NS_NIF                                                            \
  "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define SCKG_NS_WD "http://www.wikidata.org/entity/"

/* Actor classes of the contract, in a fixed order. */
typedef enum {
  SCKG_CLASS_STATE,
  SCKG_CLASS_IGO,
  SCKG_CLASS_AGENCY,
  SCKG_CLASS_ORGANIZATION,
  SCKG_CLASS_GROUP,
  SCKG_CLASS_PERSON,
  SCKG_CLASS_COUNT
} sckg_class;

/* "State", "IntergovernmentalOrganization", ...: local names in sckg:. */
extern const char *const sckg_class_names[SCKG_CLASS_COUNT];
/* Parse a class local name; returns SCKG_CLASS_COUNT when unknown. */
sckg_class sckg_class_parse(const char *name, size_t len);

/* The 24 event types of the contract, in the contract's order. */
typedef enum {
  SCKG_EV_MAKE_STATEMENT,
  SCKG_EV_EXPRESS_CONCERN,
  SCKG_EV_DENY_ALLEGATION,
  SCKG_EV_APPEAL,
  SCKG_EV_PLEDGE_COOPERATION,
  SCKG_EV_CONSULT,
  SCKG_EV_COOPERATE,
  SCKG_EV_INVESTIGATE,
  SCKG_EV_DEMAND,
  SCKG_EV_CRITICIZE,
  SCKG_EV_ACCUSE,
  SCKG_EV_REJECT,
  SCKG_EV_THREATEN,
  SCKG_EV_IMPOSE_SANCTIONS,
  SCKG_EV_EASE_SANCTIONS,
  SCKG_EV_LEGAL_ACTION,
  SCKG_EV_SEIZE_ASSETS,
  SCKG_EV_MILITARY_EXERCISE,
  SCKG_EV_WEAPONS_TEST,
  SCKG_EV_CYBER_ATTACK,
  SCKG_EV_CYBER_THEFT,
  SCKG_EV_CYBER_ESPIONAGE,
  SCKG_EV_MONEY_LAUNDERING,
  SCKG_EV_SANCTIONS_EVASION,
  SCKG_EV_COUNT
} sckg_event_type;

/* The contract's name of each type; what a type is (its CAMEO code, label,
 * roles, family) is data: schema/types.tsv, read into sckg_schema. */
typedef struct {
  const char *name; /* local name in sckg:, e.g. "ImposeSanctions" */
} sckg_event_type_info;

extern const sckg_event_type_info sckg_event_types[SCKG_EV_COUNT];

/* Families of event types, as types.tsv names them: what a diagram tints
 * alike. */
typedef enum {
  SCKG_FAM_SAY,     /* words and talks */
  SCKG_FAM_MEASURE, /* sanctions, legal steps */
  SCKG_FAM_FORCE,   /* military acts */
  SCKG_FAM_ILLICIT, /* alleged illicit acts */
  SCKG_FAM_COUNT
} sckg_family;

extern const char *const sckg_family_names[SCKG_FAM_COUNT];
/* Parse an event type local name; returns SCKG_EV_COUNT when unknown. */
sckg_event_type sckg_event_type_parse(const char *name, size_t len);

/* A calendar date as far as the text fixes it: year 0 = none, day 0 = a
 * month (xsd:gYearMonth). */
typedef struct {
  int year, month, day;
} sckg_date;

/* Format a date as xsd:date or xsd:gYearMonth lexical form into buf (>= 11
 * bytes); returns the datatype IRI, or NULL when the date is empty. */
const char *sckg_date_format(sckg_date d, char *buf);

/* Parse "YYYY-MM-DD" exactly; false when not a real calendar date. */
bool sckg_date_parse(const char *s, size_t n, sckg_date *out);
/* Does the calendar have this date: a year from 1, a month of 1 to 12, and
 * a day of 0 (the month alone) up to the month's last ("April 31" and
 * "February 29, 2023" it does not)? */
bool sckg_date_real(sckg_date d);
/* Days since 1970-01-01 and back, for weekday arithmetic. */
long sckg_date_days(sckg_date d);
sckg_date sckg_date_from_days(long days);

#endif
