/* SPDX-License-Identifier: MIT */
/* --help and --version. */
#define _POSIX_C_SOURCE 200809L

#include "cli/cli.h"
#include "view/grammar.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Print `text` word-wrapped to 79 columns, continuation lines indented by
 * `indent`; the cursor is at column `col` when called. */
static void print_wrapped(FILE *out, const char *text, int col, int indent) {
  bool first = true;
  while (*text) {
    const char *end = strchr(text, ' ');
    int len = end ? (int)(end - text) : (int)strlen(text);
    if (!first && col + 1 + len > 79) {
      fprintf(out, "\n%*s", indent, "");
      col = indent;
    } else if (!first) {
      fputc(' ', out);
      col++;
    }
    first = false;
    fwrite(text, 1, (size_t)len, out);
    col += len;
    text += len;
    while (*text == ' ')
      text++;
  }
  fputc('\n', out);
}

/* One entry of a two-column list, as the options are printed: `term`, then
 * `text` wrapped in the column after it. */
static void print_entry(FILE *out, const char *term, const char *text) {
  fprintf(out, "  %-20s ", term);
  print_wrapped(out, text, 23, 23);
}

/* The views, the type groups and the layout engines from their table of
 * record, view/grammar.c; README.md's "Diagrams" holds the same text (the
 * test cli.readme-views compares them). The types of a group are the embedded
 * schema's; a build whose schema does not load lists the groups by title
 * alone, as --help must work even then. */
static void print_views(FILE *out) {
  fputs("\nViews (--view VIEW):\n", out);
  for (size_t f = 0; f < SCKG_VIEW_FORM_COUNT; f++)
    print_entry(out, sckg_view_forms[f].syntax, sckg_view_forms[f].meaning);
  fputs("\nGroups of event types (--view type:GROUP):\n", out);
  const sckg_schema *schema = NULL;
  if (sckg_schema_embedded(&schema) != SCKG_OK)
    schema = NULL;
  sckg_buf text = {0};
  for (size_t g = 0; g < sckg_view_n_groups; g++) {
    const sckg_view_group *group = &sckg_view_groups[g];
    sckg_buf_clear(&text);
    sckg_buf_adds(&text, group->title);
    if (schema) {
      sckg_buf_adds(&text, ": ");
      sckg_view_group_types(schema, group, &text);
    }
    print_entry(out, group->name, text.ptr);
  }
  sckg_buf_free(&text);
  fputs("\nLayout engines (--layout ENGINE):\n", out);
  for (size_t e = 0; e < sckg_view_n_engines; e++)
    print_entry(out, sckg_view_engines[e].name, sckg_view_engines[e].meaning);
}

void cli_print_help(FILE *out) {
  char buf[512];
  fputs("Usage: sckg [COMMAND] [OPTIONS] [FILE...]\n"
        "       sckg diff OLD NEW\n"
        "\n"
        "Turns news articles into an RDF knowledge graph of actors and "
        "events.\n"
        "With no arguments, writes the graph of the built-in articles into\n"
        "./" DEFAULT_OUT_DIR "/, like 'sckg all -o " DEFAULT_OUT_DIR "'.\n"
        "\n"
        "Commands:\n",
        out);
  for (size_t i = 0; i < cli_n_commands; i++) {
    fprintf(out, "  %-6s ", cli_commands[i].name);
    print_wrapped(out, cli_commands[i].summary, 9, 9);
  }
  size_t len = (size_t)snprintf(buf, sizeof buf, "'all' writes");
  for (size_t i = 0; i < cli_n_all_outputs && len < sizeof buf; i++)
    len +=
        (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
                         i ? (i + 1 < cli_n_all_outputs ? ", " : " and ") : " ",
                         cli_all_outputs[i].name);
  if (len + 1 < sizeof buf)
    strcat(buf, ".");
  fputc('\n', out);
  print_wrapped(out, buf, 0, 0);
  fputs("Each file is replaced only once all of them are written.\n"
        "'diff' prints one line per event or actor added (+) or removed "
        "(-).\n\n",
        out);
  len = (size_t)snprintf(buf, sizeof buf,
                         "FILE is an article in UTF-8 plain text, which may "
                         "start with the line ' date YYYY-MM-DD'. '-' reads "
                         "standard input. With no FILE, sckg reads the "
                         "built-in articles:");
  for (size_t i = 0; i < sckg_embedded_corpus_count && len < sizeof buf; i++)
    len += (size_t)snprintf(buf + len, sizeof buf - len, " %s",
                            sckg_embedded_corpus[i].name);
  if (len + 1 < sizeof buf)
    strcat(buf, ".");
  print_wrapped(out, buf, 0, 0);
  fputs("\nOptions:\n", out);
  for (size_t i = 0; i < cli_n_options; i++) {
    const option *o = &cli_options[i];
    char left[64];
    snprintf(left, sizeof left, "%c%c%s--%s%s%s", o->short_name ? '-' : ' ',
             o->short_name ? o->short_name : ' ', o->short_name ? ", " : "  ",
             o->long_name, o->arg ? " " : "", o->arg ? o->arg : "");
    print_entry(out, left, o->help);
  }
  print_views(out);
  fputs("\n"
        "Exit status:\n"
        "  0  success ('diff': the graphs are the same)\n"
        "  1  an input could not be read or used, or an output could not be\n"
        "     written ('diff': the graphs differ)\n"
        "  2  misuse: unknown command or option, bad option value ('diff': "
        "also\n"
        "     a snapshot that cannot be read or parsed)\n"
        "\n"
        "Examples:\n"
        "  sckg                        write out/ from the built-in "
        "articles\n"
        "  sckg rdf article.txt > graph.rdf\n"
        "  sckg svg --view statement > statement.svg\n"
        "  sckg -T png --view actor:Q423 --depth 2 *.txt > north-korea.png\n"
        "  sckg all -o snapshot *.txt\n"
        "  sckg diff old/graph.nt snapshot/graph.nt\n",
        out);
}
