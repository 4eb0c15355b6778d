/* SPDX-License-Identifier: MIT */
/* The contract's fixed vocabulary: actor classes, event types, families
 * and dates. */
#include "base/kinds.h"

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
