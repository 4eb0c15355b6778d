/* SPDX-License-Identifier: MIT */
/* The sckg command line: parses options, reads the articles, runs the
 * library and maps its statuses to exit codes. The only file of sckg that
 * writes to stderr; every line it writes there starts with "sckg: ". */
#define _POSIX_C_SOURCE 200809L

#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int run_diff(const cli *c) {
  diag_state ds = {0};
  bool differ = false;
  errno = 0;
  sckg_status st = sckg_diff_files(c->files[0], c->files[1], stdout, &differ,
                                   cli_print_diag, &ds);
  if (st == SCKG_ERR_WRITE && ferror(stdout)) {
    cli_report_stdout_error(st, errno);
    return EXIT_USAGE;
  }
  if (st != SCKG_OK) {
    if (ds.errors == 0)
      cli_errorf("diff: %s", sckg_strerror(st));
    return EXIT_USAGE;
  }
  return differ ? EXIT_FAIL : EXIT_OK;
}

static int run_union(const cli *c) {
  diag_state ds = {0};
  errno = 0;
  sckg_status st = sckg_union_files((const char *const *)c->files, c->n_files,
                                    c->build.base, stdout, cli_print_diag, &ds);
  if (st == SCKG_ERR_WRITE && ferror(stdout)) {
    cli_report_stdout_error(st, errno);
    return EXIT_FAIL;
  }
  if (st != SCKG_OK) {
    if (ds.errors == 0)
      cli_errorf("union: %s", sckg_strerror(st));
    return EXIT_FAIL;
  }
  return EXIT_OK;
}

static int run_build(const cli *c) {
  diag_state ds = {0};
  sckg_graph *g = NULL;
  int rc = cli_build_graph(c, &ds, &g);
  if (rc != EXIT_OK || !g) /* no graph: --stream has written it */
    goto done;

  if (c->cmd->kind == CMD_ALL) {
    rc = cli_write_all(g, c->out_dir);
    if (rc == EXIT_OK) {
      printf("%s:", c->out_dir);
      for (size_t i = 0; i < cli_n_all_outputs; i++)
        printf(" %s", cli_all_outputs[i].name);
      printf(" (%zu articles, %zu actors, %zu events)\n",
             sckg_graph_article_count(g), sckg_graph_actor_count(g),
             sckg_graph_event_count(g));
    }
  } else {
    bool drawing = c->cmd->out == OUT_DOT || c->cmd->out == OUT_RENDER;
    if (drawing && sckg_write_check_view(g, &c->draw) == SCKG_ERR_ARG) {
      rc = cli_point_at_help(); /* the reason went to the sink */
      goto done;
    }
    size_t errors_before = ds.errors;
    errno = 0;
    sckg_status st =
        cli_write_one(g, c->cmd->out, &c->draw, c->cmd->format, stdout);
    if (st == SCKG_ERR_WRITE || (st == SCKG_OK && ferror(stdout))) {
      cli_report_stdout_error(st, errno);
      rc = EXIT_FAIL;
    } else if (st != SCKG_OK) {
      if (ds.errors == errors_before) /* not explained by the writer */
        cli_errorf("%s: %s", c->cmd->name, sckg_strerror(st));
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
  if (!cli_stdout_reported)
    cli_errorf("error writing standard output: %s",
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

/* The library prints nothing, even when it runs out of memory: the program
 * says so. A fixed string through write(2), since nothing may be
 * allocated now. */
static void out_of_memory(void) {
  static const char msg[] = "sckg: out of memory\n";
  cli_progress_erase(&cli_progress_line);
  ssize_t n = write(STDERR_FILENO, msg, sizeof msg - 1);
  (void)n;
}

int main(int argc, char **argv) {
  cli c;
  reserve_std_fds();
  sckg_set_out_of_memory_handler(out_of_memory);
  memset(&c, 0, sizeof c);
  /* SCKG_DEBUG=1 shows how each sentence is read (a developer's aid) */
  c.build.trace = getenv("SCKG_DEBUG") != NULL;
  c.files = sckg_xcalloc((size_t)(argc > 0 ? argc : 1), sizeof *c.files);
  int rc = cli_parse_args(argc, argv, &c);
  bool diff = rc < 0 && c.cmd->kind == CMD_DIFF;
  if (rc < 0)
    rc = diff                       ? run_diff(&c)
         : c.cmd->kind == CMD_UNION ? run_union(&c)
                                    : run_build(&c);
  free(c.files);
  return close_stdout(rc, diff ? EXIT_USAGE : EXIT_FAIL);
}
