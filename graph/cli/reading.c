/* SPDX-License-Identifier: MIT */
/* Reading the inputs (the FILE arguments or the embedded articles) into
 * one graph, or with --stream straight to standard output. */
#define _POSIX_C_SOURCE 200809L

#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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
  cli_stream out;      /* with --stream: the N-Triples not written yet */
  bool write_failed;   /* with --stream: standard output failed */
  int write_errno;
} run_state;

/* The pipeline's source: the next article of the FILE arguments (whose
 * problems inputs.c reports on the way), its block handed over, or of the
 * embedded corpus. */
static int next_input(void *handle, sckg_input *in, void **owned) {
  run_state *r = handle;
  *owned = NULL;
  if (r->inputs) {
    if (sckg_inputs_next(r->inputs, in)) {
      *owned = sckg_inputs_take(r->inputs);
      return 1;
    }
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
    cli_progress_erase(&cli_progress_line);
    fwrite(j->diag.ptr, 1, j->diag.len, stderr);
  }
  r->ds->errors += j->errors;
  cli_progress_step(&cli_progress_line, j->bytes);
  if (j->st != SCKG_OK) {
    if (!j->errors) {
      cli_progress_erase(&cli_progress_line);
      cli_errorf("%s: %s", j->in.name ? j->in.name : "-", sckg_strerror(j->st));
    }
    r->failed = true;
    return true;
  }
  if (r->c->given & OPT_STREAM) {
    errno = 0;
    if (!cli_stream_put(&r->out, &j->nt)) {
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
      cli_errorf("%s: %s", j->in.name ? j->in.name : "-", sckg_strerror(st));
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
int cli_build_graph(const cli *c, diag_state *ds, sckg_graph **out) {
  const sckg_schema *schema = NULL;
  sckg_status st = sckg_schema_embedded(&schema);
  if (st != SCKG_OK) {
    sckg_schema_embedded_report(cli_print_diag, ds);
    cli_errorf("built-in schema: %s", sckg_strerror(st));
    return EXIT_FAIL;
  }
  sckg_options opts = c->build;
  opts.sink = cli_print_diag;
  opts.sink_handle = ds;
  run_state r = {.c = c, .ds = ds};
  bool stream = (c->given & OPT_STREAM) != 0;
  st = sckg_graph_new(schema, &opts, &r.g); /* checks the options too */
  if (st != SCKG_OK) {
    cli_errorf("%s", sckg_strerror(st));
    return st == SCKG_ERR_ARG ? EXIT_USAGE : EXIT_FAIL;
  }
  if (c->n_files) {
    sckg_inputs_options io = {.max_bytes = c->max_bytes,
                              .jsonl = c->jsonl,
                              .sink = cli_print_diag,
                              .sink_handle = ds};
    r.inputs = sckg_inputs_new(c->files, c->n_files, &io);
    cli_progress_line.total = sckg_inputs_get_progress(r.inputs).bytes;
  }
  cli_progress_line.on = isatty(STDERR_FILENO) == 1;
  cli_progress_line.start = cli_progress_line.last = cli_now_s();
  sckg_pipeline p = {.schema = schema,
                     .opts = c->build,
                     .threads = c->jobs,
                     .stream = stream,
                     .next = next_input,
                     .next_handle = &r,
                     .emit = take_article,
                     .emit_handle = &r};
  bool started = sckg_pipeline_run(&p);
  errno = 0;
  if (stream && !r.write_failed && !cli_stream_flush(&r.out)) {
    r.write_failed = true;
    r.write_errno = errno;
  }
  cli_stream_free(&r.out);
  cli_progress_erase(&cli_progress_line);
  sckg_inputs_free(r.inputs);
  if (!started) {
    cli_errorf("cannot start %u threads (see --jobs)", c->jobs);
    r.failed = true;
  }
  if (r.write_failed) {
    cli_report_stdout_error(SCKG_ERR_WRITE, r.write_errno);
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
      cli_errorf("%s", sckg_strerror(st));
    sckg_graph_free(r.g);
    return EXIT_FAIL;
  }
  *out = r.g;
  return EXIT_OK;
}
