/* SPDX-License-Identifier: MIT */
/* The contract's fixed vocabulary: actor classes, event types, dates, and
 * the byte order of terms that every writer sorts by. */
#include "graph_impl.h"

#include <stdio.h>
#include <string.h>

const char *const sckg_class_names[SCKG_CLASS_COUNT] = {
    "State",
    "IntergovernmentalOrganization",
    "GovernmentAgency",
    "Organization",
    "Group",
    "Person"};

sckg_class sckg_class_parse(const char *name, size_t len) {
  for (int i = 0; i < SCKG_CLASS_COUNT; i++)
    if (strlen(sckg_class_names[i]) == len &&
        memcmp(sckg_class_names[i], name, len) == 0)
      return (sckg_class)i;
  return SCKG_CLASS_COUNT;
}

const sckg_event_type_info sckg_event_types[SCKG_EV_COUNT] = {
    {"MakeStatement"},
    {"ExpressConcern"},
    {"DenyAllegation"},
    {"Appeal"},
    {"PledgeCooperation"},
    {"Consult"},
    {"Cooperate"},
    {"Investigate"},
    {"Demand"},
    {"Criticize"},
    {"Accuse"},
    {"Reject"},
    {"Threaten"},
    {"ImposeSanctions"},
    {"EaseSanctions"},
    {"LegalAction"},
    {"SeizeAssets"},
    {"MilitaryExercise"},
    {"WeaponsTest"},
    {"CyberAttack"},
    {"CyberTheft"},
    {"CyberEspionage"},
    {"MoneyLaundering"},
    {"SanctionsEvasion"},
};

const char *const sckg_family_names[SCKG_FAM_COUNT] = {"say", "measure",
                                                       "force", "illicit"};

sckg_event_type sckg_event_type_parse(const char *name, size_t len) {
  for (int i = 0; i < SCKG_EV_COUNT; i++)
    if (strlen(sckg_event_types[i].name) == len &&
        memcmp(sckg_event_types[i].name, name, len) == 0)
      return (sckg_event_type)i;
  return SCKG_EV_COUNT;
}

const char *sckg_date_format(sckg_date d, char *buf) {
  if (d.year <= 0 || d.year > 9999 || d.month < 1 || d.month > 12) {
    buf[0] = '\0';
    return NULL;
  }
  if (d.day <= 0) {
    snprintf(buf, 11, "%04u-%02u", (unsigned)d.year % 10000u,
             (unsigned)d.month % 100u);
    return SCKG_NS_XSD "gYearMonth";
  }
  snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u,
           (unsigned)d.month % 100u, (unsigned)d.day % 100u);
  return SCKG_NS_XSD "date";
}

static int strcmp_null(const char *a, const char *b) {
  if (!a || !b)
    return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

/* IRIs sort before literals, as "<" sorts before "\"" does not: the order is
 * ours, fixed, and the same for every writer. */
int sckg_term_cmp(const sckg_term *a, const sckg_term *b) {
  if (a->kind != b->kind)
    return a->kind == SCKG_TERM_IRI ? -1 : 1;
  /* interned strings: equal ones are most often the same pointer */
  int c = a->value == b->value ? 0 : strcmp(a->value, b->value);
  if (c)
    return c;
  c = strcmp_null(a->lang, b->lang);
  if (c)
    return c;
  return strcmp_null(a->datatype, b->datatype);
}

int sckg_triple_cmp(const void *pa, const void *pb) {
  const sckg_triple *a = pa, *b = pb;
  int c = a->s == b->s ? 0 : strcmp(a->s, b->s);
  if (c)
    return c;
  c = a->p == b->p ? 0 : strcmp(a->p, b->p);
  if (c)
    return c;
  return sckg_term_cmp(&a->o, &b->o);
}

const char *sckg_strerror(sckg_status st) {
  switch (st) {
  case SCKG_OK:
    return "success";
  case SCKG_ERR_IO:
    return "cannot read input";
  case SCKG_ERR_INPUT:
    return "invalid input";
  case SCKG_ERR_ARG:
    return "invalid argument";
  case SCKG_ERR_WRITE:
    return "cannot write output";
  case SCKG_ERR_INTERNAL:
    return "internal error";
  }
  return "unknown status";
}

/* LANGTAG ::= [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*: both writers check it, since a
 * bad tag written verbatim would make the whole file unparsable. */
bool sckg_lang_valid(const char *t) {
  size_t i = 0, n = 0;
  for (; (t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z'); i++)
    n++;
  if (!n)
    return false;
  while (t[i] == '-') {
    n = 0;
    for (i++; (t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
              (t[i] >= '0' && t[i] <= '9');
         i++)
      n++;
    if (!n)
      return false;
  }
  return t[i] == '\0';
}
