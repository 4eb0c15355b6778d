/* SPDX-License-Identifier: MIT */
/* The words of a view: labels, tooltips and links, escaped for Graphviz. */
#include "view/scene.h"

#include <string.h>

/* Graphviz reads `\` in labels, tooltips and URLs as the start of an escape
 * (\n, \N, \G ...) and HTML entities in them as characters, so a literal
 * backslash is written as `slashes` backslashes and `&` as an entity.
 * Labels and URLs are unescaped once (2 backslashes); tooltips twice (2.42
 * substitutes \N and friends again when it prepares the tooltip: 4).
 * Control characters become spaces: a raw newline would be a line break
 * nobody asked for. Quotes need nothing: agwrite quotes and escapes them. */
static void escape_into(sckg_buf *b, const char *s, size_t n, size_t slashes) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\\')
      sckg_buf_add(b, "\\\\\\\\", slashes);
    else if (c == '&')
      sckg_buf_add(b, "&amp;", 5);
    else if ((unsigned char)c < 0x20 || c == 0x7f)
      sckg_buf_addc(b, ' ');
    else
      sckg_buf_addc(b, c);
  }
}

void view_add_escaped(sckg_buf *b, const char *s, size_t n) {
  escape_into(b, s, n, 2);
}

void view_add_tip(sckg_buf *b, const char *s) {
  escape_into(b, s, strlen(s), 4);
}

static size_t code_points(const char *s, size_t n) {
  return sckg_utf8_count(s, n);
}

/* Escape `s` and break it into lines of about WRAP code points. A break
 * replaces exactly one space and never splits a word, so turning each "\n"
 * back into a space gives the original text: tests rely on that. */
void view_add_wrapped(sckg_buf *b, const char *s) {
  size_t line = 0;
  const char *p = s;
  for (bool first = true;; first = false) {
    const char *end = strchr(p, ' ');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    size_t width = code_points(p, n);
    if (!first) {
      if (line > 0 && line + 1 + width > WRAP) {
        sckg_buf_add(b, "\\n", 2);
        line = 0;
      } else {
        sckg_buf_addc(b, ' ');
        line++;
      }
    }
    view_add_escaped(b, p, n);
    line += width;
    if (!end)
      break;
    p = end + 1;
  }
}

/* The link of a node or edge: its IRI or, with a link base, the base
 * followed by the IRI percent-encoded (every byte but RFC 3986's
 * unreserved ones), which is what a describe page's "?uri=" expects. The
 * base is escaped like a label: Graphviz reads `\` in URLs as an escape. */
void view_node_url(const scene *v, sckg_buf *b, const char *iri) {
  static const char hex[] = "0123456789ABCDEF";
  sckg_buf_clear(b);
  const char *base = v->opts->link_base;
  if (!base || !*base) {
    view_add_escaped(b, iri, strlen(iri));
    return;
  }
  view_add_escaped(b, base, strlen(base));
  for (const unsigned char *p = (const unsigned char *)iri; *p; p++) {
    bool keep = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                (*p >= '0' && *p <= '9') || strchr("-._~", *p);
    if (keep) {
      sckg_buf_addc(b, (char)*p);
    } else {
      sckg_buf_addc(b, '%');
      sckg_buf_addc(b, hex[*p >> 4]);
      sckg_buf_addc(b, hex[*p & 15]);
    }
  }
}

/* At most `max` code points of `s`, escaped with `slashes` backslashes
 * for one (escape_into), cut at a space with "..." when longer: titles of
 * articles and sentences can be long. */
void view_cut_into(sckg_buf *b, const char *s, size_t n, size_t max,
                   size_t slashes) {
  if (code_points(s, n) <= max) {
    escape_into(b, s, n, slashes);
    return;
  }
  size_t keep = 0, cps = 0, last_space = 0;
  while (keep < n && cps < max) {
    keep++;
    while (keep < n && ((unsigned char)s[keep] & 0xC0) == 0x80)
      keep++; /* continuation bytes */
    cps++;
    if (keep < n && s[keep] == ' ')
      last_space = keep;
  }
  escape_into(b, s, last_space ? last_space : keep, slashes);
  sckg_buf_adds(b, "...");
}

const char *view_event_words(const sckg_schema *s, const sckg_event *e) {
  if (e->type == SCKG_EV_MAKE_STATEMENT && e->n_agents > 1)
    return "joint statement";
  return sckg_type(s, e->type)->label;
}

void view_event_label(const sckg_schema *s, sckg_buf *b, const sckg_event *e) {
  char date[11];
  sckg_buf_clear(b);
  view_add_wrapped(b, view_event_words(s, e));
  if (sckg_date_format(e->date, date)) {
    sckg_buf_add(b, "\\n", 2);
    sckg_buf_adds(b, date);
  }
  if (e->negated)
    sckg_buf_adds(b, "\\ndenied");
}

/* Hovering an event shows what it was read from and where: appended to
 * what `b` holds, on new lines. */
static void event_details(sckg_buf *b, const sckg_event *e) {
  for (size_t i = 0; i < e->n_evidence && i < TIP_SENTENCES; i++) {
    if (b->len)
      sckg_buf_add(b, "\\n", 2);
    view_cut_into(b, e->evidence[i]->text, e->evidence[i]->text_len, TIP_CHARS,
                  4);
  }
  if (e->n_evidence > TIP_SENTENCES)
    sckg_buf_printf(b, "\\n(and %zu more sentences)",
                    e->n_evidence - TIP_SENTENCES);
  if (e->n_attributed) {
    sckg_buf_adds(b, b->len ? "\\nclaimed by: " : "claimed by: ");
    for (size_t i = 0; i < e->n_attributed; i++) {
      if (i)
        sckg_buf_adds(b, ", ");
      view_add_tip(b, e->attributed[i]->label);
    }
  }
  if (e->n_sources) {
    sckg_buf_adds(b, b->len ? "\\nsources: " : "sources: ");
    for (size_t i = 0; i < e->n_sources && i < TIP_SOURCES; i++) {
      if (i)
        sckg_buf_adds(b, ", ");
      view_add_tip(b, e->sources[i]->ident);
    }
    if (e->n_sources > TIP_SOURCES)
      sckg_buf_printf(b, " and %zu more", e->n_sources - TIP_SOURCES);
  }
}

void view_event_tooltip(const sckg_schema *s, sckg_buf *b,
                        const sckg_event *e) {
  sckg_buf_clear(b);
  event_details(b, e);
  if (!b->len)
    view_add_tip(b, view_event_words(s, e));
}

/* An edge's tooltip: the relation in words on the first line ("United
 * States: agent of joint statement, 2023-04-07"), then what the event was
 * read from, so hovering a line tells as much as hovering its event. */
void view_edge_tooltip(const sckg_schema *s, sckg_buf *b, const char *who,
                       const char *role, const sckg_event *e) {
  char date[11];
  sckg_buf_clear(b);
  view_add_tip(b, who);
  sckg_buf_adds(b, role);
  view_add_tip(b, view_event_words(s, e));
  if (sckg_date_format(e->date, date))
    sckg_buf_printf(b, ", %s", date);
  if (e->negated)
    sckg_buf_adds(b, " (denied)");
  event_details(b, e);
}

void view_actor_tooltip(sckg_buf *b, const sckg_actor *a) {
  sckg_buf_clear(b);
  view_add_tip(b, a->label);
  sckg_buf_adds(b, " (");
  sckg_buf_adds(b, view_style_of(a)->words);
  if (a->qid) {
    sckg_buf_adds(b, ", Wikidata ");
    view_add_tip(b, a->qid);
  }
  sckg_buf_addc(b, ')');
  if (a->parent) {
    sckg_buf_adds(b, a->affiliated ? "\\naffiliated with " : "\\npart of ");
    view_add_tip(b, a->parent->label);
  }
}
