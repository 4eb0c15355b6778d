/* SPDX-License-Identifier: MIT */
/* The visual language of the views. A view picks actors and events of a
 * finished graph and draws them in one visual language:
 *
 *   actors  shape and fill by class, fills from the Okabe-Ito palette (safe
 *           for colour-blind readers); the shape repeats the class so a grey
 *           print still tells a state from a group;
 *   events  small rounded boxes labelled with the type in words, the date
 *           and "denied" (dashed border) when reported as not happening.
 *           Events are nodes, not edge labels: an event has several agents
 *           and targets, a date, evidence, and may be what a statement says;
 *           a labelled edge per agent/target pair would repeat the event and
 *           could hold none of that once;
 *   edges   actor -- event (no arrow) and event -> target, so a path reads as
 *           a sentence; blue "says" arrows from a statement to what it
 *           states; dotted "claims" from whoever a report attributes an
 *           event to; grey edges with a diamond at what an actor belongs to;
 *   layout  left to right: issuers and other actors, then the statement and
 *           the events, then what it says, then (in a statement view) the
 *           actors it is about, so the accusers face the accused.
 *
 * cgraph writes nodes and edges in creation order, so everything is created
 * from the IRI-sorted arrays of the finished graph: the DOT is byte-identical
 * on every run. */
#include "view/scene.h"

/* Okabe-Ito fills, each dark enough under black text (contrast >= 5:1). */
const class_style view_class_styles[SCKG_CLASS_COUNT] = {
    [SCKG_CLASS_STATE] = {"state", "box", "#56B4E9", "rectangle"},
    [SCKG_CLASS_IGO] = {"intergovernmental organization", "hexagon", "#009E73",
                        "hexagon"},
    [SCKG_CLASS_AGENCY] = {"government agency", "tab", "#F0E442", "tab"},
    [SCKG_CLASS_ORGANIZATION] = {"organization", "component", "#CC79A7",
                                 "component"},
    [SCKG_CLASS_GROUP] = {"group", "octagon", "#D55E00", "octagon"},
    [SCKG_CLASS_PERSON] = {"person", "ellipse", "#E69F00", "ellipse"},
};

/* Event families: a light tint behind the type words, so "what North Korea
 * is accused of" stands apart from words and measures at a glance. The tints
 * differ in lightness too, for readers who cannot tell the hues apart. */
const family_style view_family_styles[FAM_COUNT] = {
    [FAM_SAY] = {"words, talks", "#FFFFFF"},
    [FAM_MEASURE] = {"sanctions, legal steps", "#FFF5B8"},
    [FAM_FORCE] = {"military acts", "#D9D9D9"},
    [FAM_ILLICIT] = {"alleged illicit acts", "#F6CDB3"},
};

const class_style *view_style_of(const sckg_actor *a) {
  return &view_class_styles[a->cls < SCKG_CLASS_COUNT
                                ? a->cls
                                : SCKG_CLASS_ORGANIZATION];
}

family view_family_of(const scene *v, sckg_event_type t) {
  return (family)sckg_type(v->g->schema, t)->family;
}
