/* SPDX-License-Identifier: MIT */
/* What the files of the command line share: its tables' types, the parsed
 * command line, and the functions one file lends another. */
#ifndef SCKG_CLI_H
#define SCKG_CLI_H

#include "base/embedded.h"
#include "base/support.h"
#include "cli/inputs.h"
#include "cli/pipeline.h"
#include "sckg/sckg.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Exit codes, as --help lists them. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* The default output directory of `all` and of a bare `sckg`. */
#define DEFAULT_OUT_DIR "out"

/* What a command writes. */
typedef enum { OUT_RDF, OUT_NT, OUT_TTL, OUT_DOT, OUT_RENDER } out_kind;

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
  OPT_SHARD = 1u << 21,
  OPT_BUILD = OPT_BASE | OPT_DATE | OPT_NO_TEXT | OPT_MAX_BYTES | OPT_JOBS |
              OPT_JSONL | OPT_EXPLAIN | OPT_SHARD,
  OPT_DRAW = OPT_VIEW | OPT_FORMAT | OPT_DEPTH | OPT_LINK_BASE | OPT_LAYOUT
};

typedef enum { CMD_PRINT, CMD_ALL, CMD_DIFF, CMD_UNION } cmd_kind;

typedef struct {
  const char *name;
  cmd_kind kind;
  out_kind out;       /* CMD_PRINT: what it prints */
  const char *format; /* OUT_RENDER: "svg", "png", "pdf" */
  unsigned opts;      /* OPT_* bits it accepts besides --help/--version */
  const char *summary;
} command;

typedef struct {
  const char *long_name;
  char short_name; /* 0 when none */
  unsigned bit;
  const char *arg; /* name of its value in --help, NULL when it takes none */
  const char *help;
} option;

/* The files of `all`, in the order they are written and renamed. */
typedef struct {
  const char *name;
  out_kind out;
  const char *view;
  const char *format;
} output_file;

/* The library's diagnostics: "sckg: FILE:LINE:COL: message", the parts that
 * are unknown left out. A diagnostic with status SCKG_OK is a warning; the
 * others are counted so that a caller knows whether a failed call has been
 * explained already. */
typedef struct {
  unsigned long errors;
} diag_state;

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

/* options.c */
extern const command cli_commands[];
extern const option cli_options[];
extern const size_t cli_n_commands, cli_n_options;
int cli_parse_args(int argc, char **argv, cli *c);

/* messages.c */
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_point_at_help(void);
void cli_print_diag(void *handle, const sckg_diag *d);
extern progress cli_progress_line;
double cli_now_s(void);
void cli_progress_erase(progress *pr);
void cli_progress_step(progress *pr, size_t bytes);

/* help.c */
void cli_print_help(FILE *out);

/* reading.c */
int cli_build_graph(const cli *c, diag_state *ds, sckg_graph **out);

/* outputs.c */
extern const output_file cli_all_outputs[];
extern const size_t cli_n_all_outputs;
sckg_status cli_write_one(const sckg_graph *g, out_kind kind,
                          const sckg_view_options *draw, const char *format,
                          FILE *f);
extern bool cli_stdout_reported;
void cli_report_stdout_error(sckg_status st, int e);
/* Streamed N-Triples to standard output, gathered into large writes. */
enum { CLI_STREAM_BATCH = 256 * 1024, CLI_STREAM_BLOCKS = 16 };
typedef struct {
  sckg_buf held[CLI_STREAM_BLOCKS]; /* blocks not written yet, in order */
  size_t n_held, bytes;
  sckg_buf spare[CLI_STREAM_BLOCKS]; /* written and emptied, to give back */
  size_t n_spare;
} cli_stream;
/* Take an article's N-Triples: *nt's buffer is kept (and *nt given an
 * empty one) or its bytes are written. Returns false with errno set when
 * a write failed. */
bool cli_stream_put(cli_stream *s, sckg_buf *nt);
/* Write what is held. */
bool cli_stream_flush(cli_stream *s);
void cli_stream_free(cli_stream *s);
int cli_write_all(const sckg_graph *g, const char *dir);

#endif
