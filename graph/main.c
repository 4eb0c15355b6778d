/* SPDX-License-Identifier: MIT */
/* The sckg command line: parses options, reads the articles, runs the
 * library and maps its statuses to exit codes. The only file of sckg that
 * writes to stderr; every line it writes there starts with "sckg: ". */
#define _POSIX_C_SOURCE 200809L

#include "embedded.h"
#include "inputs.h"
#include "pipeline.h"
#include "sckg/sckg.h"
#include "support.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

/* Exit codes, as --help lists them. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* The default output directory of `all` and of a bare `sckg`. */
#define DEFAULT_OUT_DIR "out"

/* ---- Tables: commands, options, outputs --------------------------------- */

/* What a command writes. */
typedef enum { OUT_RDF, OUT_NT, OUT_DOT, OUT_RENDER } out_kind;

/* Option bits: which options a command accepts. */
enum {
  OPT_OUTPUT = 1u << 0,
  OPT_VIEW = 1u << 1,
  OPT_BASE = 1u << 2,
  OPT_DATE = 1u << 3,
  OPT_NO_TEXT = 1u << 4,
  OPT_HELP = 1u << 5,
  OPT_VERSION = 1u << 6,
  OPT_FORMAT = 1u << 7,
  OPT_DEPTH = 1u << 8,
  OPT_LINK_BASE = 1u << 9,
  OPT_LAYOUT = 1u << 10,
  OPT_MAX_BYTES = 1u << 16, /* input limits */
  OPT_JOBS = 1u << 17,
  OPT_STREAM = 1u << 18,
  OPT_JSONL = 1u << 19,
  OPT_EXPLAIN = 1u << 20,
  OPT_BUILD = OPT_BASE | OPT_DATE | OPT_NO_TEXT | OPT_MAX_BYTES | OPT_JOBS |
              OPT_JSONL | OPT_EXPLAIN,
  OPT_DRAW = OPT_VIEW | OPT_FORMAT | OPT_DEPTH | OPT_LINK_BASE | OPT_LAYOUT
};

typedef enum { CMD_PRINT, CMD_ALL, CMD_DIFF } cmd_kind;

typedef struct {
  const char *name;
  cmd_kind kind;
  out_kind out;       /* CMD_PRINT: what it prints */
  const char *format; /* OUT_RENDER: "svg", "png", "pdf" */
  unsigned opts;      /* OPT_* bits it accepts besides --help/--version */
  const char *summary;
} command;

static const command commands[] = {
    {"rdf", CMD_PRINT, OUT_RDF, NULL, OPT_BUILD, "print the graph as RDF/XML"},
    {"nt", CMD_PRINT, OUT_NT, NULL, OPT_BUILD | OPT_STREAM,
     "print the graph as N-Triples"},
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
     "compare two snapshots OLD NEW (N-Triples or RDF/XML)"},
};

typedef struct {
  const char *long_name;
  char short_name; /* 0 when none */
  unsigned bit;
  const char *arg; /* name of its value in --help, NULL when it takes none */
  const char *help;
} option;

static const option options[] = {
    {"output", 'o', OPT_OUTPUT, "DIR",
     "directory that 'all' writes into, created if missing "
     "(default: " DEFAULT_OUT_DIR ")"},
    {"view", 0, OPT_VIEW, "VIEW",
     "what dot/svg/png/pdf draw: 'statement' (the main statement, what it "
     "says and the events around it), 'statement:IRI' (the same for the "
     "statement event IRI, or the one whose IRI ends in IRI), 'actor:NAME' "
     "(an actor named by QID such as Q423, slug or label, its events and "
     "their actors), 'article:ID' (what the article with that identifier "
     "reports), 'type:TYPE' (the events of a type such as ImposeSanctions, "
     "of several separated by commas, or of a group: cyber, sanctions, "
     "military) or 'all' (everything; the default)"},
    {"depth", 0, OPT_DEPTH, "N",
     "steps out from the actor of an actor view, 1 to 8 (default: 1, its "
     "events and who took part in them)"},
    {"format", 'T', OPT_FORMAT, "FORMAT",
     "draw as FORMAT: svg, png, pdf or dot; 'sckg -T svg' is 'sckg svg'"},
    {"layout", 0, OPT_LAYOUT, "ENGINE",
     "Graphviz layout engine: dot, sfdp, neato, fdp, circo or twopi "
     "(default: dot for small views, sfdp for large ones)"},
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

/* Views that dot/svg/png/pdf accept, and the prefixes of those that name
 * something ("actor:Q423"; the library checks that the name fits the
 * graph); `all` writes the first two. */
static const char *const views[] = {"statement", "all"};
static const char *const view_prefixes[] = {
    "statement:", "actor:", "article:", "type:"};
/* What -T accepts: the drawing commands. */
static const char *const draw_formats[] = {"svg", "png", "pdf", "dot"};
/* Graphviz layout engines --layout accepts (the library checks them too). */
static const char *const layouts[] = {"dot", "sfdp",  "neato",
                                      "fdp", "circo", "twopi"};

/* The files of `all`, in the order they are written and renamed. */
typedef struct {
  const char *name;
  out_kind out;
  const char *view;
  const char *format;
} output_file;

static const output_file all_outputs[] = {
    {"graph.rdf", OUT_RDF, NULL, NULL},
    {"graph.nt", OUT_NT, NULL, NULL},
    {"statement.dot", OUT_DOT, "statement", NULL},
    {"statement.svg", OUT_RENDER, "statement", "svg"},
    {"graph.dot", OUT_DOT, "all", NULL},
    {"graph.svg", OUT_RENDER, "all", "svg"},
};
#define N_OUTPUTS (sizeof all_outputs / sizeof all_outputs[0])

/* ---- Messages ------------------------------------------------------------ */

static void progress_erase_line(void);

/* Write one message line to stderr as sckg_diag_format makes it: "sckg: "
 * first, control characters (a newline inside a library message, say)
 * turned into spaces, so that every line keeps its prefix. */
static void put_line(const char *msg) {
  sckg_diag d = {SCKG_ERR_INPUT, NULL, 0, 0, msg, false};
  sckg_buf line = {0};
  sckg_diag_format(&d, &line);
  fputs(line.ptr, stderr);
  sckg_buf_free(&line);
}

/* One diagnostic line: "sckg: " + the formatted message. */
static void errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void errorf(const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  progress_erase_line();
  put_line(msg);
}

/* Misuse: one line naming the problem, one pointing at --help. The caller
 * exits with EXIT_USAGE. */
static int usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  put_line(msg);
  fputs("sckg: Try 'sckg --help' for more information.\n", stderr);
  return EXIT_USAGE;
}

/* The library's diagnostics: "sckg: FILE:LINE:COL: message", the parts that
 * are unknown left out. A diagnostic with status SCKG_OK is a warning; the
 * others are counted so that a caller knows whether a failed call has been
 * explained already. */
typedef struct {
  unsigned long errors;
} diag_state;

static void print_diag(void *handle, const sckg_diag *d) {
  diag_state *ds = handle;
  sckg_buf line = {0};
  sckg_diag_format(d, &line);
  progress_erase_line();
  fputs(line.ptr, stderr);
  sckg_buf_free(&line);
  if (d->status != SCKG_OK)
    ds->errors++;
}

/* ---- Help and version ---------------------------------------------------- */

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

static void print_help(FILE *out) {
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
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
    fprintf(out, "  %-6s ", commands[i].name);
    print_wrapped(out, commands[i].summary, 9, 9);
  }
  size_t len = (size_t)snprintf(buf, sizeof buf, "'all' writes");
  for (size_t i = 0; i < N_OUTPUTS && len < sizeof buf; i++)
    len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
                            i ? (i + 1 < N_OUTPUTS ? ", " : " and ") : " ",
                            all_outputs[i].name);
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
  for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
    const option *o = &options[i];
    char left[64];
    snprintf(left, sizeof left, "%c%c%s--%s%s%s", o->short_name ? '-' : ' ',
             o->short_name ? o->short_name : ' ', o->short_name ? ", " : "  ",
             o->long_name, o->arg ? " " : "", o->arg ? o->arg : "");
    fprintf(out, "  %-20s ", left);
    print_wrapped(out, o->help, 23, 23);
  }
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

/* ---- Option parsing ------------------------------------------------------ */

typedef struct {
  const command *cmd;
  const char *out_dir;
  const char *view;
  const char *format;     /* -T: a drawing command's name, or NULL */
  sckg_view_options draw; /* view, depth, link_base, layout */
  sckg_options build;     /* base, default_date, omit_text */
  const char **files;
  size_t n_files;
  unsigned given;   /* OPT_* bits seen on the command line */
  size_t max_bytes; /* --max-article-bytes */
  unsigned jobs;    /* -j */
  bool jsonl;       /* --jsonl */
} cli;

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
  for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
    if (strlen(options[i].long_name) == len &&
        memcmp(options[i].long_name, name, len) == 0)
      return &options[i];
  return NULL;
}

static const option *find_short(char c) {
  for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
    if (options[i].short_name && options[i].short_name == c)
      return &options[i];
  return NULL;
}

static const command *find_command(const char *name) {
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static const option *option_of_bit(unsigned bit) {
  for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
    if (options[i].bit == bit)
      return &options[i];
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
static int take_option(cli *c, const option *o, const char *val) {
  c->given |= o->bit;
  switch (o->bit) {
  case OPT_OUTPUT:
    if (!*val)
      return usage_error("option '--output': the directory name is empty");
    c->out_dir = val;
    break;
  case OPT_VIEW: {
    bool known = one_of(val, views, sizeof views / sizeof views[0]);
    for (size_t i = 0; i < sizeof view_prefixes / sizeof *view_prefixes; i++) {
      size_t n = strlen(view_prefixes[i]);
      known = known || (strncmp(val, view_prefixes[i], n) == 0 && val[n]);
    }
    if (!known)
      return usage_error("option '--view': unknown view '%s' (use "
                         "'statement', 'statement:IRI', 'actor:NAME', "
                         "'article:ID', 'type:TYPE' or 'all')",
                         val);
    c->view = val;
    break;
  }
  case OPT_FORMAT:
    if (!one_of(val, draw_formats, sizeof draw_formats / sizeof *draw_formats))
      return usage_error("option '-T': unknown format '%s' (use svg, png, pdf "
                         "or dot)",
                         val);
    c->format = val;
    break;
  case OPT_DEPTH: {
    size_t n = strlen(val);
    if (n != 1 || val[0] < '1' || val[0] > '0' + SCKG_VIEW_MAX_DEPTH)
      return usage_error("option '--depth': '%s' is not a number from 1 to %d",
                         val, SCKG_VIEW_MAX_DEPTH);
    c->draw.depth = (unsigned)(val[0] - '0');
    break;
  }
  case OPT_LINK_BASE: {
    const char *why = link_base_problem(val);
    if (why)
      return usage_error("option '--link-base': '%s' %s", val, why);
    c->draw.link_base = val;
    break;
  }
  case OPT_LAYOUT:
    if (!one_of(val, layouts, sizeof layouts / sizeof *layouts))
      return usage_error("option '--layout': unknown layout engine '%s' (use "
                         "dot, sfdp, neato, fdp, circo or twopi)",
                         val);
    c->draw.layout = val;
    break;
  case OPT_BASE: {
    const char *why = base_problem(val);
    if (why)
      return usage_error("option '--base': '%s' %s", val, why);
    c->build.base = val;
    break;
  }
  case OPT_DATE:
    if (!valid_date(val))
      return usage_error("option '--date': '%s' is not a date YYYY-MM-DD", val);
    c->build.default_date = val;
    break;
  case OPT_NO_TEXT:
    c->build.omit_text = true;
    break;
  case OPT_EXPLAIN:
    c->build.explain = true;
    break;
  case OPT_JSONL:
    c->jsonl = true;
    break;
  case OPT_JOBS: {
    char *end;
    errno = 0;
    long v = strtol(val, &end, 10);
    if (!is_digit((unsigned char)*val) || *end || errno || v < 1 || v > 64)
      return usage_error("option '--jobs': '%s' is not a number from 1 to 64",
                         val);
    c->jobs = (unsigned)v;
    break;
  }
  case OPT_MAX_BYTES:
    if (!parse_size(val, &c->max_bytes))
      return usage_error("option '--max-article-bytes': '%s' is not a "
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
static int parse_args(int argc, char **argv, cli *c) {
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
        return usage_error("unknown option '%.*s'",
                           (int)(eq ? (size_t)(eq - a) : strlen(a)), a);
      if (eq && !o->arg)
        return usage_error("option '--%s' takes no value", o->long_name);
      if (eq)
        val = eq + 1;
    } else {
      o = find_short(a[1]);
      if (!o)
        return usage_error("unknown option '-%c'", a[1]);
      if (a[2] && !o->arg)
        return usage_error("option '-%c' takes no value", a[1]);
      if (a[2])
        val = a + 2;
    }
    if (o->arg && !val) {
      if (i + 1 >= argc)
        return usage_error("option '--%s' needs a value: %s", o->long_name,
                           o->arg);
      val = argv[++i];
    }
    if (o->bit == OPT_HELP) {
      print_help(stdout);
      return EXIT_OK;
    }
    if (o->bit == OPT_VERSION) {
      printf("sckg %s\n", SCKG_VERSION);
      return EXIT_OK;
    }
    int rc = take_option(c, o, val);
    if (rc != EXIT_OK)
      return rc;
  }

  /* -T FORMAT stands for the command FORMAT; without it, the first word
   * that is not an option must be a command. */
  if (c->format && !c->cmd)
    c->cmd = find_command(c->format);
  else if (c->format && (c->cmd->opts & OPT_FORMAT) &&
           strcmp(c->cmd->name, c->format) != 0)
    return usage_error("option '-T %s' contradicts the command '%s'", c->format,
                       c->cmd->name);
  if (!c->cmd && c->n_files)
    return usage_error("unknown command '%s'", c->files[0]);
  if (!c->cmd) /* a bare `sckg` (perhaps with options) is `sckg all` */
    c->cmd = find_command("all");
  unsigned stray = c->given & ~c->cmd->opts;
  for (unsigned bit = 1; stray; bit <<= 1) {
    if (stray & bit)
      return usage_error("option '--%s' does not apply to '%s'",
                         option_of_bit(bit)->long_name, c->cmd->name);
  }
  if (c->cmd->kind == CMD_DIFF && c->n_files != 2)
    return usage_error("'diff' compares two files, OLD and NEW; %s given",
                       c->n_files < 2 ? "fewer" : "more");
  size_t n_stdin = 0;
  for (size_t i = 0; i < c->n_files; i++)
    n_stdin += strcmp(c->files[i], "-") == 0;
  if (c->cmd->kind != CMD_DIFF && n_stdin > 1)
    return usage_error("'-' (standard input) given more than once");
  if (!c->view)
    c->view = "all";
  if ((c->given & OPT_DEPTH) && strncmp(c->view, "actor:", 6) != 0)
    return usage_error("option '--depth' applies to actor views only "
                       "(--view actor:NAME)");
  c->draw.view = c->view;
  if (!c->out_dir)
    c->out_dir = DEFAULT_OUT_DIR;
  if (!c->max_bytes)
    c->max_bytes = SCKG_INPUTS_DEFAULT_MAX_BYTES;
  if (!c->jobs)
    c->jobs = 1;
  return -1;
}

static void report_stdout_error(sckg_status st, int e);

/* ---- Progress ------------------------------------------------------------ */

/* A progress line on stderr for long runs, when stderr is a terminal:
 * articles, megabytes, throughput and, when the total is known, the time
 * left. Redrawn in place at most four times a second, from the first
 * second on; erased before any other message and at the end. */
typedef struct {
  bool on;
  bool shown; /* a line is on the screen */
  double start, last;
  size_t articles, bytes, total; /* total: 0 when unknown (stdin) */
} progress;

/* The one progress line of the run; print_diag and errorf erase it. */
static progress progress_line;

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress_erase(progress *pr) {
  if (pr->shown)
    fputs("\r\033[K", stderr);
  pr->shown = false;
}

static void progress_erase_line(void) { progress_erase(&progress_line); }

static void progress_step(progress *pr, size_t bytes) {
  pr->articles++;
  pr->bytes += bytes;
  if (!pr->on)
    return;
  double t = now_s();
  if (t - pr->start < 1.0 || t - pr->last < 0.25)
    return;
  pr->last = t;
  double mb = (double)pr->bytes / 1e6, rate = mb / (t - pr->start);
  fprintf(stderr, "\r\033[Ksckg: %zu articles, %.1f MB, %.1f MB/s",
          pr->articles, mb, rate);
  if (pr->total > pr->bytes && rate > 0) {
    long left = (long)((double)(pr->total - pr->bytes) / 1e6 / rate + 0.5);
    fprintf(stderr, ", %ld:%02ld left", left / 60, left % 60);
  }
  pr->shown = true;
}

/* ---- Reading ------------------------------------------------------------- */

/* What one run over the inputs keeps: where it is among the inputs, the
 * graph being built (or, with --stream, the output), and whether anything
 * failed. */
typedef struct {
  const cli *c;
  diag_state *ds;
  sckg_inputs *inputs; /* the FILE arguments, or NULL */
  size_t next;         /* without FILE: the next embedded article */
  bool failed;         /* an input could not be read or used */
  sckg_graph *g;       /* without --stream: the graph */
  bool write_failed;   /* with --stream: standard output failed */
  int write_errno;
} run_state;

/* The pipeline's source: the next article of the FILE arguments (whose
 * problems inputs.c reports on the way), or of the embedded corpus. */
static int next_input(void *handle, sckg_input *in) {
  run_state *r = handle;
  if (r->inputs) {
    if (sckg_inputs_next(r->inputs, in))
      return 1;
    if (sckg_inputs_get_progress(r->inputs).errors)
      r->failed = true;
    return 0;
  }
  memset(in, 0, sizeof *in);
  if (r->next == sckg_embedded_corpus_count)
    return 0;
  in->name = sckg_embedded_corpus[r->next].name;
  in->text = sckg_embedded_corpus[r->next].data;
  in->len = sckg_embedded_corpus[r->next].len;
  r->next++;
  return 1;
}

/* The pipeline's sink: each article in input order, merged into the graph
 * or, with --stream, its N-Triples written out. */
static bool take_article(void *handle, sckg_job *j) {
  run_state *r = handle;
  if (j->diag.len) {
    progress_erase(&progress_line);
    fwrite(j->diag.ptr, 1, j->diag.len, stderr);
  }
  r->ds->errors += j->errors;
  progress_step(&progress_line, j->bytes);
  if (j->st != SCKG_OK) {
    if (!j->errors) {
      progress_erase(&progress_line);
      errorf("%s: %s", j->in.name ? j->in.name : "-", sckg_strerror(j->st));
    }
    r->failed = true;
    return true;
  }
  if (r->c->given & OPT_STREAM) {
    errno = 0;
    if (j->nt.len && fwrite(j->nt.ptr, 1, j->nt.len, stdout) != j->nt.len) {
      r->write_failed = true;
      r->write_errno = errno;
      return false; /* nothing more can reach the reader */
    }
    return true;
  }
  unsigned long before = r->ds->errors;
  sckg_status st = sckg_graph_merge(r->g, j->part);
  j->part = NULL;
  if (st != SCKG_OK) {
    if (r->ds->errors == before)
      errorf("%s: %s", j->in.name ? j->in.name : "-", sckg_strerror(st));
    r->failed = true;
  }
  return true;
}

/* Read every input named on the command line, or the embedded articles
 * when there are none, through the pipeline. Every unreadable or unusable
 * input is reported before giving up, so one run lists all the problems.
 * At most a few articles per thread are in memory at once: each text is
 * freed once read into its graph. Without --stream, *out receives the
 * finished graph; with it, the triples have been written already. */
static int build_graph(const cli *c, diag_state *ds, sckg_graph **out) {
  const sckg_schema *schema = NULL;
  sckg_status st = sckg_schema_embedded(&schema);
  if (st != SCKG_OK) {
    sckg_schema_embedded_report(print_diag, ds);
    errorf("built-in schema: %s", sckg_strerror(st));
    return EXIT_FAIL;
  }
  sckg_options opts = c->build;
  opts.sink = print_diag;
  opts.sink_handle = ds;
  run_state r = {.c = c, .ds = ds};
  bool stream = (c->given & OPT_STREAM) != 0;
  st = sckg_graph_new(schema, &opts, &r.g); /* checks the options too */
  if (st != SCKG_OK) {
    errorf("%s", sckg_strerror(st));
    return st == SCKG_ERR_ARG ? EXIT_USAGE : EXIT_FAIL;
  }
  if (c->n_files) {
    sckg_inputs_options io = {.max_bytes = c->max_bytes,
                              .jsonl = c->jsonl,
                              .sink = print_diag,
                              .sink_handle = ds};
    r.inputs = sckg_inputs_new(c->files, c->n_files, &io);
    progress_line.total = sckg_inputs_get_progress(r.inputs).bytes;
  }
  progress_line.on = isatty(STDERR_FILENO) == 1;
  progress_line.start = progress_line.last = now_s();
  sckg_pipeline p = {.schema = schema,
                     .opts = c->build,
                     .threads = c->jobs,
                     .stream = stream,
                     .next = next_input,
                     .next_handle = &r,
                     .emit = take_article,
                     .emit_handle = &r};
  bool started = sckg_pipeline_run(&p);
  progress_erase(&progress_line);
  sckg_inputs_free(r.inputs);
  if (!started) {
    errorf("cannot start %u threads (see --jobs)", c->jobs);
    r.failed = true;
  }
  if (r.write_failed) {
    report_stdout_error(SCKG_ERR_WRITE, r.write_errno);
    r.failed = true;
  }
  if (r.failed || stream) {
    sckg_graph_free(r.g);
    return r.failed ? EXIT_FAIL : EXIT_OK;
  }
  unsigned long before = ds->errors;
  st = sckg_graph_finish(r.g);
  if (st != SCKG_OK) {
    if (ds->errors == before)
      errorf("%s", sckg_strerror(st));
    sckg_graph_free(r.g);
    return EXIT_FAIL;
  }
  *out = r.g;
  return EXIT_OK;
}

/* ---- Outputs ------------------------------------------------------------- */

static sckg_status write_one(const sckg_graph *g, out_kind kind,
                             const sckg_view_options *draw, const char *format,
                             FILE *f) {
  switch (kind) {
  case OUT_RDF:
    return sckg_write_rdfxml(g, f);
  case OUT_NT:
    return sckg_write_ntriples(g, f);
  case OUT_DOT:
    return sckg_write_view_dot(g, draw, f);
  case OUT_RENDER:
    return sckg_write_view_rendered(g, draw, format, f);
  }
  return SCKG_ERR_INTERNAL;
}

/* Set once standard output's failure has been reported, so that the check
 * at exit does not report it twice. */
static bool stdout_reported;

/* Whether errno value `e` is one that a failed write(2) sets. After a
 * writer fails, errno may instead hold a leftover of some unrelated call
 * (a library probing for a file sets ENOENT), which must not be shown as
 * the reason. */
static bool is_write_errno(int e) {
  return e == ENOSPC || e == EIO || e == EFBIG || e == EPIPE || e == EBADF ||
         e == EDQUOT || e == EROFS || e == ENXIO;
}

/* Report a failed write to standard output, with the system's reason when
 * it is known; `e` is errno as the writer left it. */
static void report_stdout_error(sckg_status st, int e) {
  if (is_write_errno(e))
    errorf("error writing standard output: %s", strerror(e));
  else
    errorf("error writing standard output: %s",
           sckg_strerror(st ? st : SCKG_ERR_WRITE));
  stdout_reported = true;
}

/* Temporary files of `all` that exist right now, so that a signal can
 * remove them. A slot is set before its file is created and cleared after
 * it is renamed or removed; unlink(2) is async-signal-safe. */
static char *volatile temp_paths[N_OUTPUTS];

static void remove_temps_on_signal(int sig) {
  for (size_t i = 0; i < N_OUTPUTS; i++)
    if (temp_paths[i])
      unlink(temp_paths[i]);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void catch_signals(bool on) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on ? remove_temps_on_signal : SIG_DFL;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    sigaction(sigs[i], &sa, NULL);
}

static char *join_path(const char *dir, const char *name, const char *tail) {
  size_t n = strlen(dir) + strlen(name) + strlen(tail) + 2;
  char *p = sckg_xmalloc(n);
  snprintf(p, n, "%s/%s%s", dir, name, tail);
  return p;
}

/* Make `dir` exist as a directory; *created tells whether this call made
 * it. Its parent must exist already. Returns 0 or an errno value. */
static int ensure_dir(const char *dir, bool *created) {
  struct stat st;
  *created = false;
  if (mkdir(dir, 0777) == 0) {
    *created = true;
    return 0;
  }
  if (errno != EEXIST)
    return errno;
  if (stat(dir, &st) != 0)
    return errno;
  return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

/* Write one output into a fresh temporary file beside its target. The
 * file gets the mode a plain fopen would give (0666 less the umask), not
 * mkstemp's 0600. Returns 0, or reports the failure and returns 1. */
static int write_temp(const sckg_graph *g, const output_file *o,
                      const char *target, char *tmp, mode_t mode) {
  int fd = mkstemp(tmp);
  if (fd < 0) {
    errorf("%s: cannot create a temporary file: %s", target, strerror(errno));
    return 1;
  }
  FILE *f = NULL;
  if (fchmod(fd, mode) != 0 || !(f = fdopen(fd, "wb"))) {
    errorf("%s: %s", target, strerror(errno));
    close(fd);
    return 1;
  }
  errno = 0;
  sckg_view_options draw = {.view = o->view};
  sckg_status st = write_one(g, o->out, &draw, o->format, f);
  int e = 0;
  if (fflush(f) != 0 || ferror(f))
    e = is_write_errno(errno) ? errno : EIO;
  else if (fsync(fileno(f)) != 0)
    e = errno;
  if (fclose(f) != 0 && !e)
    e = errno;
  if (st != SCKG_OK || e) {
    errorf("%s: %s", target, e ? strerror(e) : sckg_strerror(st));
    return 1;
  }
  return 0;
}

/* `all`: write every file of all_outputs into `dir`, all or nothing. Each
 * goes to a temporary file in `dir` (so rename(2) stays in one file
 * system), flushed, synced and closed with every step checked; only when
 * all six are complete are they renamed over the old files. On failure the
 * temporary files are removed and the previous outputs stay as they were;
 * a target that is a directory is refused before the first rename, so the
 * renames themselves can fail only on a file system error. */
static int write_all(const sckg_graph *g, const char *dir) {
  char *targets[N_OUTPUTS] = {0};
  char *temps[N_OUTPUTS] = {0};
  bool created = false;
  int rc = EXIT_FAIL;
  size_t renamed = 0;

  int e = ensure_dir(dir, &created);
  if (e) {
    errorf("%s: %s", dir, strerror(e));
    return EXIT_FAIL;
  }
  mode_t mask = umask(0);
  umask(mask);
  catch_signals(true);

  for (size_t i = 0; i < N_OUTPUTS; i++) {
    targets[i] = join_path(dir, all_outputs[i].name, "");
    temps[i] = join_path(dir, all_outputs[i].name, ".tmpXXXXXX");
    temp_paths[i] = temps[i];
    if (write_temp(g, &all_outputs[i], targets[i], temps[i], 0666 & ~mask) != 0)
      goto done;
  }
  for (size_t i = 0; i < N_OUTPUTS; i++) {
    struct stat st;
    if (lstat(targets[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      errorf("%s: %s", targets[i], strerror(EISDIR));
      goto done;
    }
  }
  for (; renamed < N_OUTPUTS; renamed++) {
    if (rename(temps[renamed], targets[renamed]) != 0) {
      errorf("%s: %s", targets[renamed], strerror(errno));
      goto done;
    }
    temp_paths[renamed] = NULL;
  }
  /* Make the renames durable. Some file systems cannot sync a directory
   * (EINVAL); the files themselves are synced already. */
  int dfd = open(dir, O_RDONLY);
  if (dfd >= 0) {
    if (fsync(dfd) != 0 && errno != EINVAL) {
      errorf("%s: %s", dir, strerror(errno));
      close(dfd);
      goto done;
    }
    close(dfd);
  }
  rc = EXIT_OK;

done:
  for (size_t i = renamed; i < N_OUTPUTS; i++) {
    if (temps[i] && rc != EXIT_OK)
      unlink(temps[i]); /* fails harmlessly for one never created */
    temp_paths[i] = NULL;
  }
  catch_signals(false);
  if (rc != EXIT_OK && created)
    rmdir(dir); /* only if empty: never takes anything of the user's */
  for (size_t i = 0; i < N_OUTPUTS; i++) {
    free(targets[i]);
    free(temps[i]);
  }
  return rc;
}

/* ---- Commands ------------------------------------------------------------ */

static int run_diff(const cli *c) {
  diag_state ds = {0};
  bool differ = false;
  errno = 0;
  sckg_status st = sckg_diff_files(c->files[0], c->files[1], stdout, &differ,
                                   print_diag, &ds);
  if (st == SCKG_ERR_WRITE && ferror(stdout)) {
    report_stdout_error(st, errno);
    return EXIT_USAGE;
  }
  if (st != SCKG_OK) {
    if (ds.errors == 0)
      errorf("diff: %s", sckg_strerror(st));
    return EXIT_USAGE;
  }
  return differ ? EXIT_FAIL : EXIT_OK;
}

static int run_build(const cli *c) {
  diag_state ds = {0};
  sckg_graph *g = NULL;
  int rc = build_graph(c, &ds, &g);
  if (rc != EXIT_OK || !g) /* no graph: --stream has written it */
    goto done;

  if (c->cmd->kind == CMD_ALL) {
    rc = write_all(g, c->out_dir);
    if (rc == EXIT_OK) {
      printf("%s:", c->out_dir);
      for (size_t i = 0; i < N_OUTPUTS; i++)
        printf(" %s", all_outputs[i].name);
      printf(" (%zu articles, %zu actors, %zu events)\n",
             sckg_graph_article_count(g), sckg_graph_actor_count(g),
             sckg_graph_event_count(g));
    }
  } else {
    const char *problem = NULL;
    bool drawing = c->cmd->out == OUT_DOT || c->cmd->out == OUT_RENDER;
    if (drawing &&
        sckg_write_check_view(g, &c->draw, &problem) == SCKG_ERR_ARG) {
      rc = usage_error("option '--view': '%s' %s", c->view, problem);
      goto done;
    }
    errno = 0;
    sckg_status st =
        write_one(g, c->cmd->out, &c->draw, c->cmd->format, stdout);
    if (st == SCKG_ERR_WRITE || (st == SCKG_OK && ferror(stdout))) {
      report_stdout_error(st, errno);
      rc = EXIT_FAIL;
    } else if (st != SCKG_OK) {
      errorf("%s: %s", c->cmd->name, sckg_strerror(st));
      rc = st == SCKG_ERR_ARG ? EXIT_USAGE : EXIT_FAIL;
    }
  }

done:
  sckg_graph_free(g);
  return rc;
}

/* Whatever reached standard output must really have been written: a full
 * disk or a closed pipe may show only here, at the last flush (serdi, jq).
 * On failure the exit code becomes `fail` unless it is an error already;
 * `diff` passes 2 so that its failure is not read as "the graphs differ". */
static int close_stdout(int rc, int fail) {
  bool bad = ferror(stdout) != 0;
  errno = 0;
  if (fclose(stdout) != 0)
    bad = true;
  if (!bad)
    return rc;
  if (!stdout_reported)
    errorf("error writing standard output: %s",
           errno ? strerror(errno) : "write error");
  return rc == EXIT_OK || fail == EXIT_USAGE ? fail : rc;
}

/* Make sure descriptors 0, 1 and 2 are open before any file is: were one
 * closed (`sckg all <&-`, `>&-`), the first file opened would take its
 * number, and what is meant for standard output would land in a graph
 * file. A closed one gets /dev/null opened the wrong way round, so that
 * using it still fails with EBADF, as it would have. */
static void reserve_std_fds(void) {
  for (int fd = 0; fd <= 2; fd++) {
    if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
      continue;
    int nfd = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
    if (nfd >= 0 && nfd != fd) {
      dup2(nfd, fd);
      close(nfd);
    }
  }
}

int main(int argc, char **argv) {
  cli c;
  reserve_std_fds();
  memset(&c, 0, sizeof c);
  c.files = sckg_xcalloc((size_t)(argc > 0 ? argc : 1), sizeof *c.files);
  int rc = parse_args(argc, argv, &c);
  bool diff = rc < 0 && c.cmd->kind == CMD_DIFF;
  if (rc < 0)
    rc = diff ? run_diff(&c) : run_build(&c);
  free(c.files);
  return close_stdout(rc, diff ? EXIT_USAGE : EXIT_FAIL);
}
