/* SPDX-License-Identifier: MIT */
/* The command line's grammar: its commands and options, and the parsing
 * of argv into a cli. */
#define _POSIX_C_SOURCE 200809L

#include "cli/cli.h"
#include "view/grammar.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const command cli_commands[] = {
    {"rdf", CMD_PRINT, OUT_RDF, NULL, OPT_BUILD, "print the graph as RDF/XML"},
    {"nt", CMD_PRINT, OUT_NT, NULL, OPT_BUILD | OPT_STREAM,
     "print the graph as N-Triples"},
    {"ttl", CMD_PRINT, OUT_TTL, NULL, OPT_BUILD, "print the graph as Turtle"},
    {"dot", CMD_PRINT, OUT_DOT, NULL, OPT_BUILD | OPT_DRAW,
     "print a view of the graph as Graphviz DOT"},
    {"svg", CMD_PRINT, OUT_RENDER, "svg", OPT_BUILD | OPT_DRAW,
     "print a view of the graph as SVG"},
    {"png", CMD_PRINT, OUT_RENDER, "png", OPT_BUILD | OPT_DRAW,
     "print a view of the graph as PNG"},
    {"pdf", CMD_PRINT, OUT_RENDER, "pdf", OPT_BUILD | OPT_DRAW,
     "print a view of the graph as PDF"},
    {"all", CMD_ALL, OUT_RDF, NULL, OPT_BUILD | OPT_OUTPUT,
     "write the files below into DIR"},
    {"diff", CMD_DIFF, OUT_RDF, NULL, 0,
     "compare two snapshots OLD NEW (N-Triples, Turtle or RDF/XML)"},
    {"union", CMD_UNION, OUT_NT, NULL, OPT_BASE,
     "print as N-Triples the graph of one run over the articles of the "
     "shards' graphs FILE... (run apart, in any RDF syntax)"},
};
const size_t cli_n_commands = sizeof cli_commands / sizeof cli_commands[0];

const option cli_options[] = {
    {"output", 'o', OPT_OUTPUT, "DIR",
     "directory that 'all' writes into, created if missing "
     "(default: " DEFAULT_OUT_DIR ")"},
    {"view", 0, OPT_VIEW, "VIEW",
     "what dot/svg/png/pdf draw: one of the views listed below (default: "
     "all)"},
    {"depth", 0, OPT_DEPTH, "N",
     "steps out from the actor of an actor view, 1 to 8 (default: 1, its "
     "events and who took part in them)"},
    {"format", 'T', OPT_FORMAT, "FORMAT",
     "draw as FORMAT: svg, png, pdf or dot; 'sckg -T svg' is 'sckg svg'"},
    {"layout", 0, OPT_LAYOUT, "ENGINE",
     "Graphviz layout engine, one of those listed below (default: dot for "
     "small views, sfdp for large ones)"},
    {"link-base", 0, OPT_LINK_BASE, "URL",
     "point the diagram's links at URL followed by the percent-encoded "
     "IRI (a triple store's describe page, such as "
     "'http://localhost:8890/describe/?url=') instead of at the IRI"},
    {"base", 0, OPT_BASE, "IRI",
     "namespace of the resources, an absolute IRI ending in '/' or '#' "
     "(default: " SCKG_DEFAULT_BASE ")"},
    {"date", 0, OPT_DATE, "DATE",
     "date (YYYY-MM-DD) of the articles that have no date line"},
    {"no-text", 0, OPT_NO_TEXT, NULL,
     "leave the article text (nif:isString) out of the graph"},
    {"explain", 0, OPT_EXPLAIN, NULL,
     "say on stderr what of each article is not read, and why: every "
     "headline, caption, credit, byline, dateline, label, embedded post, "
     "link or correction, with its line, column, bytes and text"},
    {"shard", 0, OPT_SHARD, NULL,
     "write the graph of a shard, for 'sckg union': every report keeps its "
     "own event node (an undated one joins no dated event), so that the "
     "shards unite into the graph of one run over all their articles"},
    {"stream", 0, OPT_STREAM, NULL,
     "'nt' only: write each article's triples as soon as it is read, "
     "keeping nothing of it after; the union of the lines is the graph "
     "(sorted per article, not as a whole; see the README)"},
    {"jobs", 'j', OPT_JOBS, "N",
     "read the articles on N threads, 1 to 64 (default: 1); the output is "
     "the same whatever N"},
    {"jsonl", 0, OPT_JSONL, NULL,
     "read every input, standard input too, as JSON Lines (files ending "
     "in .jsonl are read so anyway): one article per line, an object with "
     "\"text\" and optional \"id\", \"date\", \"publisher\", "
     "\"title\""},
    {"max-article-bytes", 0, OPT_MAX_BYTES, "N",
     "refuse an input file larger than N bytes; N may end in K, M or G "
     "(default: 64M)"},
    {"help", 'h', OPT_HELP, NULL, "print this help and exit"},
    {"version", 0, OPT_VERSION, NULL, "print the version and exit"},
};
const size_t cli_n_options = sizeof cli_options / sizeof cli_options[0];

/* What -T accepts: the drawing commands. */
static const char *const draw_formats[] = {"svg", "png", "pdf", "dot"};

/* ---- Option parsing ---- */

static bool is_alpha(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_hex(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Why `iri` cannot be a --base, or NULL when it can: it must be an absolute
 * IRI (scheme ":" something) whose characters are all allowed in an IRI,
 * with '%' only in escapes, and end in '/' or '#' so that appending a path
 * gives a well-formed IRI. A '#' may appear only as that last character. */
static const char *base_problem(const char *iri) {
  size_t n = strlen(iri), i = 0;
  if (!is_alpha((unsigned char)iri[0]))
    return "is not an absolute IRI (it must start with a scheme such as "
           "'https:')";
  while (is_alpha((unsigned char)iri[i]) || is_digit((unsigned char)iri[i]) ||
         iri[i] == '+' || iri[i] == '-' || iri[i] == '.')
    i++;
  if (iri[i] != ':' || i + 1 >= n)
    return "is not an absolute IRI (it must start with a scheme such as "
           "'https:')";
  if (sckg_utf8_check(iri, n) != n)
    return "is not valid UTF-8";
  for (size_t j = 0; j < n; j++) {
    unsigned char c = (unsigned char)iri[j];
    if (c <= 0x20 || c == 0x7f || strchr("<>\"{}|\\^`", c))
      return "contains a character that an IRI cannot hold";
    if (c == '%' && !(is_hex((unsigned char)iri[j + 1]) &&
                      is_hex((unsigned char)iri[j + 2])))
      return "contains a '%' that does not start an escape such as %20";
    if (c == '#' && j + 1 != n)
      return "has a '#' before its end";
  }
  if (iri[n - 1] != '/' && iri[n - 1] != '#')
    return "must end in '/' or '#'";
  return NULL;
}

/* Why `url` cannot be a --link-base, or NULL when it can: what base_problem
 * asks of an IRI but the ending, since a describe page's URL usually ends
 * in "?uri=" and the percent-encoded IRI follows; a '#' may be anywhere. */
static const char *link_base_problem(const char *url) {
  size_t n = strlen(url);
  char *as_base = sckg_xmalloc(n + 2);
  memcpy(as_base, url, n);
  memcpy(as_base + n, "/", 2);
  for (char *p = as_base; *p; p++)
    if (*p == '#')
      *p = '/'; /* a '#' is fine here, and base_problem checks it */
  const char *why = base_problem(as_base);
  free(as_base);
  return why;
}

/* Whether `s` is one of the `n` strings of `list`. */
static bool one_of(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, list[i]) == 0)
      return true;
  return false;
}

/* Whether `s` is a real calendar date written YYYY-MM-DD, year 0001-9999. */
static bool valid_date(const char *s) {
  static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? s[i] != '-' : !is_digit((unsigned char)s[i]))
      return false;
  if (s[10])
    return false;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
          (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
    return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

static const option *find_long(const char *name, size_t len) {
  for (size_t i = 0; i < sizeof cli_options / sizeof cli_options[0]; i++)
    if (strlen(cli_options[i].long_name) == len &&
        memcmp(cli_options[i].long_name, name, len) == 0)
      return &cli_options[i];
  return NULL;
}

static const option *find_short(char c) {
  for (size_t i = 0; i < sizeof cli_options / sizeof cli_options[0]; i++)
    if (cli_options[i].short_name && cli_options[i].short_name == c)
      return &cli_options[i];
  return NULL;
}

static const command *find_command(const char *name) {
  for (size_t i = 0; i < sizeof cli_commands / sizeof cli_commands[0]; i++)
    if (strcmp(cli_commands[i].name, name) == 0)
      return &cli_commands[i];
  return NULL;
}

static const option *option_of_bit(unsigned bit) {
  for (size_t i = 0; i < sizeof cli_options / sizeof cli_options[0]; i++)
    if (cli_options[i].bit == bit)
      return &cli_options[i];
  return NULL;
}

/* Parse a size: decimal digits, optionally followed by K, M or G (powers
 * of 1024). False for zero, junk or a value that does not fit a size_t. */
static bool parse_size(const char *s, size_t *out) {
  size_t v = 0, unit = 1;
  const char *p = s;
  for (; is_digit((unsigned char)*p); p++) {
    if (v > (SIZE_MAX - 9) / 10)
      return false;
    v = v * 10 + (size_t)(*p - '0');
  }
  if (p == s)
    return false;
  if (*p == 'K' || *p == 'k')
    unit = (size_t)1 << 10, p++;
  else if (*p == 'M')
    unit = (size_t)1 << 20, p++;
  else if (*p == 'G')
    unit = (size_t)1 << 30, p++;
  if (*p || v == 0 || v > SIZE_MAX / unit)
    return false;
  *out = v * unit;
  return true;
}

/* Store one option's value in `c`. Returns EXIT_OK or EXIT_USAGE. */
/* A phrase of the view grammar for a message: one at a time, kept until
 * the next call (the options are read once, on one thread). */
static const char *view_phrase(sckg_view_phrase_id id) {
  static sckg_buf phrase;
  sckg_buf_clear(&phrase);
  sckg_view_phrase(id, &phrase);
  return phrase.ptr;
}

static int take_option(cli *c, const option *o, const char *val) {
  c->given |= o->bit;
  switch (o->bit) {
  case OPT_OUTPUT:
    if (!*val)
      return cli_usage_error("option '--output': the directory name is empty");
    c->out_dir = val;
    break;
  case OPT_VIEW: {
    /* The form only (view/grammar.c): whether the name fits the graph is
     * the library's to say once the articles are read. An empty name after
     * a prefix fits no graph, so it is refused before reading. */
    const char *arg;
    sckg_view_form_id form = sckg_view_form_of(val, &arg);
    if (form == SCKG_VIEW_FORM_COUNT ||
        (!*arg && sckg_view_form_takes_name(form)))
      return cli_usage_error("option '--view': '%s' %s", val,
                             view_phrase(SCKG_VIEW_NOT_A_VIEW));
    c->view = val;
    break;
  }
  case OPT_FORMAT:
    if (!one_of(val, draw_formats, sizeof draw_formats / sizeof *draw_formats))
      return cli_usage_error(
          "option '-T': unknown format '%s' (use svg, png, pdf "
          "or dot)",
          val);
    c->format = val;
    break;
  case OPT_DEPTH: {
    size_t n = strlen(val);
    if (n != 1 || val[0] < '1' || val[0] > '0' + SCKG_VIEW_MAX_DEPTH)
      return cli_usage_error(
          "option '--depth': '%s' is not a number from 1 to %d", val,
          SCKG_VIEW_MAX_DEPTH);
    c->draw.depth = (unsigned)(val[0] - '0');
    break;
  }
  case OPT_LINK_BASE: {
    const char *why = link_base_problem(val);
    if (why)
      return cli_usage_error("option '--link-base': '%s' %s", val, why);
    c->draw.link_base = val;
    break;
  }
  case OPT_LAYOUT:
    if (!sckg_view_engine_known(val))
      return cli_usage_error("option '--layout': unknown layout engine '%s' "
                             "(use %s)",
                             val, view_phrase(SCKG_VIEW_ENGINE_LIST));
    c->draw.layout = val;
    break;
  case OPT_BASE: {
    const char *why = base_problem(val);
    if (why)
      return cli_usage_error("option '--base': '%s' %s", val, why);
    c->build.base = val;
    break;
  }
  case OPT_DATE:
    if (!valid_date(val))
      return cli_usage_error("option '--date': '%s' is not a date YYYY-MM-DD",
                             val);
    c->build.default_date = val;
    break;
  case OPT_NO_TEXT:
    c->build.omit_text = true;
    break;
  case OPT_EXPLAIN:
    c->build.explain = true;
    break;
  case OPT_SHARD:
    c->build.shard = true;
    break;
  case OPT_JSONL:
    c->jsonl = true;
    break;
  case OPT_JOBS: {
    char *end;
    errno = 0;
    long v = strtol(val, &end, 10);
    if (!is_digit((unsigned char)*val) || *end || errno || v < 1 || v > 64)
      return cli_usage_error(
          "option '--jobs': '%s' is not a number from 1 to 64", val);
    c->jobs = (unsigned)v;
    break;
  }
  case OPT_MAX_BYTES:
    if (!parse_size(val, &c->max_bytes))
      return cli_usage_error(
          "option '--max-article-bytes': '%s' is not a "
          "positive number of bytes (such as 1000, 64K, 64M)",
          val);
    break;
  default:
    break;
  }
  return EXIT_OK;
}

/* Parse argv into `c`. Options may come before or after the command and
 * between files, as `--name VALUE`, `--name=VALUE`, `-o VALUE` or
 * `-oVALUE`; "--" ends the options; "-" is a file (standard input).
 * Returns -1 to go on, or an exit code: EXIT_OK after --help/--version,
 * EXIT_USAGE on misuse (reported). */
int cli_parse_args(int argc, char **argv, cli *c) {
  bool only_files = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (only_files || a[0] != '-' || a[1] == '\0') {
      /* The first word is the command; if it is none, it is a file when
       * -T names the command, and an error otherwise (checked below). */
      if (!c->cmd && !c->n_files && (c->cmd = find_command(a)) != NULL)
        continue;
      c->files[c->n_files++] = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      only_files = true;
      continue;
    }
    const option *o;
    const char *val = NULL;
    if (a[1] == '-') {
      const char *name = a + 2, *eq = strchr(name, '=');
      o = find_long(name, eq ? (size_t)(eq - name) : strlen(name));
      if (!o)
        return cli_usage_error("unknown option '%.*s'",
                               (int)(eq ? (size_t)(eq - a) : strlen(a)), a);
      if (eq && !o->arg)
        return cli_usage_error("option '--%s' takes no value", o->long_name);
      if (eq)
        val = eq + 1;
    } else {
      o = find_short(a[1]);
      if (!o)
        return cli_usage_error("unknown option '-%c'", a[1]);
      if (a[2] && !o->arg)
        return cli_usage_error("option '-%c' takes no value", a[1]);
      if (a[2])
        val = a + 2;
    }
    if (o->arg && !val) {
      if (i + 1 >= argc)
        return cli_usage_error("option '--%s' needs a value: %s", o->long_name,
                               o->arg);
      val = argv[++i];
    }
    if (o->bit == OPT_HELP) {
      cli_print_help(stdout);
      return EXIT_OK;
    }
    if (o->bit == OPT_VERSION) {
      printf("sckg %s\n", SCKG_VERSION);
      return EXIT_OK;
    }
    /* an option that takes no value gets an empty one, which it never
     * reads: take_option's cases need not each check for NULL */
    int rc = take_option(c, o, val ? val : "");
    if (rc != EXIT_OK)
      return rc;
  }

  /* -T FORMAT stands for the command FORMAT; without it, the first word
   * that is not an option must be a command. */
  if (c->format && !c->cmd)
    c->cmd = find_command(c->format);
  else if (c->format && (c->cmd->opts & OPT_FORMAT) &&
           strcmp(c->cmd->name, c->format) != 0)
    return cli_usage_error("option '-T %s' contradicts the command '%s'",
                           c->format, c->cmd->name);
  if (!c->cmd && c->n_files)
    return cli_usage_error("unknown command '%s'", c->files[0]);
  if (!c->cmd) /* a bare `sckg` (perhaps with options) is `sckg all` */
    c->cmd = find_command("all");
  unsigned stray = c->given & ~c->cmd->opts;
  for (unsigned bit = 1; stray; bit <<= 1) {
    if (stray & bit)
      return cli_usage_error("option '--%s' does not apply to '%s'",
                             option_of_bit(bit)->long_name, c->cmd->name);
  }
  if (c->cmd->kind == CMD_DIFF && c->n_files != 2)
    return cli_usage_error("'diff' compares two files, OLD and NEW; %s given",
                           c->n_files < 2 ? "fewer" : "more");
  if (c->cmd->kind == CMD_UNION && c->n_files == 0)
    return cli_usage_error("'union' unites the graphs of shards: give their "
                           "files");
  size_t n_stdin = 0;
  for (size_t i = 0; i < c->n_files; i++)
    n_stdin += strcmp(c->files[i], "-") == 0;
  if (c->cmd->kind == CMD_UNION && n_stdin)
    return cli_usage_error("'union' reads files, not standard input");
  if (c->cmd->kind != CMD_DIFF && n_stdin > 1)
    return cli_usage_error("'-' (standard input) given more than once");
  if (!c->view)
    c->view = "all";
  const char *name;
  if ((c->given & OPT_DEPTH) &&
      sckg_view_form_of(c->view, &name) != SCKG_VIEW_FORM_ACTOR)
    return cli_usage_error("option '--depth' applies to actor views only "
                           "(--view %s)",
                           sckg_view_forms[SCKG_VIEW_FORM_ACTOR].syntax);
  c->draw.view = c->view;
  if (!c->out_dir)
    c->out_dir = DEFAULT_OUT_DIR;
  if (!c->max_bytes)
    c->max_bytes = SCKG_INPUTS_DEFAULT_MAX_BYTES;
  if (!c->jobs)
    c->jobs = 1;
  return -1;
}
