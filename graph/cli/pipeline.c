/* SPDX-License-Identifier: MIT */
/* The reading loop of the command line, on one thread or several. The jobs
 * sit in a ring of slots: the calling thread fills slots with articles
 * ahead of the workers, the workers take them in input order, and the
 * calling thread hands them back in that same order as each is done. A
 * job's result depends only on its article, so the sequence handed back is
 * the same whatever the number of threads. */
#define _POSIX_C_SOURCE 200809L

#include "cli/pipeline.h"
#include "read.h"
#include "write/common.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Diagnostics --------------------------------------------------------- */

static void add_clean(sckg_buf *b, const char *s) {
  for (; *s; s++)
    sckg_buf_addc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

void sckg_diag_format(const sckg_diag *d, sckg_buf *out) {
  sckg_buf_adds(out, "sckg: ");
  if (d->file && *d->file) {
    add_clean(out, d->file);
    if (d->line) {
      sckg_buf_printf(out, ":%lu", d->line);
      if (d->col)
        sckg_buf_printf(out, ":%lu", d->col);
    }
    sckg_buf_adds(out, ": ");
  }
  static const char *const label[] = {[SCKG_SEV_ERROR] = "",
                                      [SCKG_SEV_WARNING] = "warning: ",
                                      [SCKG_SEV_NOTE] = "note: ",
                                      [SCKG_SEV_TRACE] = "trace: "};
  if ((unsigned)d->severity < sizeof label / sizeof *label)
    sckg_buf_adds(out, label[d->severity]);
  add_clean(out,
            d->message && *d->message ? d->message : sckg_strerror(d->status));
  sckg_buf_addc(out, '\n');
}

/* The sink of a job's graph: its diagnostics wait in the job until it is
 * handed back, so that they come out in input order too. */
static void collect(void *handle, const sckg_diag *d) {
  sckg_job *j = handle;
  sckg_diag_format(d, &j->diag);
  if (d->severity == SCKG_SEV_ERROR)
    j->errors++;
}

/* ---- Jobs ---------------------------------------------------------------- */

static char *copy_field(char **at, const char *s, size_t n) {
  if (!s)
    return NULL;
  char *r = *at;
  memcpy(r, s, n);
  r[n] = '\0';
  *at += n + 1;
  return r;
}

/* Take the article: its block when the source hands it over, else copies
 * of what it lent, in one allocation. */
static void job_fill(sckg_job *j, const sckg_input *in, void *owned) {
  j->bytes = in->len;
  if (owned) {
    j->owned = owned;
    j->in = *in;
    if (!j->in.text)
      j->in.text = "";
    return;
  }
  const char *f[] = {in->name, in->id, in->date, in->publisher, in->title};
  size_t lens[5], total = in->len + 1;
  for (size_t i = 0; i < 5; i++)
    total += (lens[i] = f[i] ? strlen(f[i]) : 0) + 1;
  char *at = sckg_xmalloc(total);
  j->owned = at;
  j->in.text = copy_field(&at, in->text ? in->text : "", in->len);
  j->in.len = in->len;
  j->in.name = copy_field(&at, f[0], lens[0]);
  j->in.id = copy_field(&at, f[1], lens[1]);
  j->in.date = copy_field(&at, f[2], lens[2]);
  j->in.publisher = copy_field(&at, f[3], lens[3]);
  j->in.title = copy_field(&at, f[4], lens[4]);
}

/* Empty a job for the next article, keeping its output buffer. */
static void job_clear(sckg_job *j) {
  sckg_graph_free(j->part);
  sckg_buf_free(&j->diag);
  free(j->owned);
  sckg_buf nt = j->nt;
  memset(j, 0, sizeof *j);
  sckg_buf_clear(&nt);
  j->nt = nt;
}

/* What a thread keeps from one job to the next: the extraction's working
 * memory, and with `stream` the graph of the last article, done with, to
 * read the next one into. */
typedef struct {
  sckg_extractor *x;
  sckg_graph *spare;
} job_memory;

static job_memory job_memory_new(void) {
  return (job_memory){sckg_extractor_new(), NULL};
}

static void job_memory_free(job_memory *m) {
  sckg_graph_free(m->spare);
  sckg_extractor_free(m->x);
}

/* The work of one job, on whichever thread: read the article into a graph
 * of its own; with `stream`, finish it and write its N-Triples into
 * memory, so that the calling thread only has to copy bytes out. */
static void job_run(const sckg_pipeline *p, job_memory *m, sckg_job *j) {
  sckg_options o = p->opts;
  o.sink = collect;
  o.sink_handle = j;
  j->st = sckg_graph_read_using(p->schema, &o, &j->in, m->x,
                                p->stream ? &m->spare : NULL, &j->part);
  if (j->st != SCKG_OK || !p->stream)
    return;
  j->st = sckg_graph_finish(j->part);
  if (j->st == SCKG_OK)
    j->st = sckg_write_ntriples_buf(j->part, &j->nt);
  m->spare = j->part; /* for the next article: its sink is set anew then */
  j->part = NULL;
  /* the text is not needed any more: free it before the job waits */
  free(j->owned);
  j->owned = NULL;
  memset(&j->in, 0, sizeof j->in);
}

/* ---- The ring ------------------------------------------------------------ */

enum { SLOT_EMPTY, SLOT_READY, SLOT_BUSY, SLOT_DONE };

typedef struct {
  const sckg_pipeline *p;
  sckg_job *jobs;
  int *state;
  size_t n_slots;
  size_t filled; /* jobs filled so far: the next one goes to ring_slot filled %
                    n */
  size_t taken;  /* jobs taken by workers */
  /* The calling thread sleeps until a batch of jobs is done, not one:
   * waking it costs a context switch on a CPU a worker needs. While it
   * waits, `awaited` is the slot of the batch's last job and `head` that
   * of its first. */
  bool caller_waits;
  size_t head, awaited;
  bool closing;
  pthread_mutex_t lock;
  pthread_cond_t work; /* a job is ready, or closing */
  pthread_cond_t done; /* a job is done */
} ring;

/* The batch the calling thread waits for is done (under the lock). Jobs
 * are taken in order, so when the first and the last are done, the
 * others mostly are too; the caller hands back those that are. */
static bool batch_done(const ring *r) {
  return r->state[r->head] == SLOT_DONE && r->state[r->awaited] == SLOT_DONE;
}

static void *worker(void *arg) {
  ring *r = arg;
  job_memory m = job_memory_new();
  pthread_mutex_lock(&r->lock);
  for (;;) {
    while (!r->closing && r->taken == r->filled)
      pthread_cond_wait(&r->work, &r->lock);
    if (r->taken == r->filled)
      break; /* closing, and nothing left */
    size_t ring_slot = r->taken++ % r->n_slots;
    r->state[ring_slot] = SLOT_BUSY;
    pthread_mutex_unlock(&r->lock);
    job_run(r->p, &m, &r->jobs[ring_slot]);
    pthread_mutex_lock(&r->lock);
    r->state[ring_slot] = SLOT_DONE;
    if (r->caller_waits && batch_done(r))
      pthread_cond_signal(&r->done);
  }
  pthread_mutex_unlock(&r->lock);
  job_memory_free(&m);
  return NULL;
}

/* One thread: each job is read, run and handed back before the next. */
static bool run_inline(const sckg_pipeline *p) {
  sckg_job j;
  sckg_input in;
  void *owned;
  memset(&j, 0, sizeof j);
  job_memory m = job_memory_new();
  bool go = true;
  while (go && p->next(p->next_handle, &in, &owned) == 1) {
    job_fill(&j, &in, owned);
    job_run(p, &m, &j);
    go = p->emit(p->emit_handle, &j);
    job_clear(&j);
  }
  sckg_buf_free(&j.nt);
  job_memory_free(&m);
  return true;
}

bool sckg_pipeline_run(const sckg_pipeline *p) {
  if (p->threads <= 1)
    return run_inline(p);
  /* eight slots a thread, so that a batch (half the ring) gives each
   * worker four jobs to do while the calling thread sleeps */
  ring r = {.p = p, .n_slots = 8 * (size_t)p->threads};
  r.jobs = sckg_xcalloc(r.n_slots, sizeof *r.jobs);
  r.state = sckg_xcalloc(r.n_slots, sizeof *r.state);
  pthread_mutex_init(&r.lock, NULL);
  pthread_cond_init(&r.work, NULL);
  pthread_cond_init(&r.done, NULL);
  pthread_t *tids = sckg_xcalloc(p->threads, sizeof *tids);
  unsigned started = 0;
  bool ok = true;
  for (; started < p->threads; started++)
    if (pthread_create(&tids[started], NULL, worker, &r) != 0) {
      ok = false;
      break;
    }
  size_t emitted = 0;
  bool more = ok, go = ok;
  while (go) {
    /* keep the ring full: workers never wait for the reading */
    while (more && r.filled - emitted < r.n_slots) {
      sckg_input in;
      void *owned;
      if (p->next(p->next_handle, &in, &owned) != 1) {
        more = false;
        break;
      }
      size_t ring_slot = r.filled % r.n_slots; /* empty: emitted already */
      job_fill(&r.jobs[ring_slot], &in, owned);
      pthread_mutex_lock(&r.lock);
      r.state[ring_slot] = SLOT_READY;
      r.filled++;
      pthread_cond_signal(&r.work);
      pthread_mutex_unlock(&r.lock);
    }
    if (emitted == r.filled)
      break; /* the source is done and so is every job */
    size_t ring_slot = emitted % r.n_slots;
    pthread_mutex_lock(&r.lock);
    if (r.state[ring_slot] != SLOT_DONE) {
      /* half a ring at a time: the workers keep the other half busy */
      size_t batch = r.n_slots / 2;
      if (batch > r.filled - emitted)
        batch = r.filled - emitted;
      r.head = ring_slot;
      r.awaited = (emitted + batch - 1) % r.n_slots;
      r.caller_waits = true;
      while (!batch_done(&r))
        pthread_cond_wait(&r.done, &r.lock);
      r.caller_waits = false;
    }
    pthread_mutex_unlock(&r.lock);
    go = p->emit(p->emit_handle, &r.jobs[ring_slot]);
    job_clear(&r.jobs[ring_slot]);
    r.state[ring_slot] = SLOT_EMPTY;
    emitted++;
  }
  pthread_mutex_lock(&r.lock);
  r.closing = true;
  pthread_cond_broadcast(&r.work);
  pthread_mutex_unlock(&r.lock);
  for (unsigned i = 0; i < started; i++)
    pthread_join(tids[i], NULL);
  /* stopped early: the jobs still in the ring are dropped unseen */
  for (size_t i = 0; i < r.n_slots; i++) {
    job_clear(&r.jobs[i]);
    sckg_buf_free(&r.jobs[i].nt);
  }
  free(tids);
  free(r.state);
  free(r.jobs);
  pthread_cond_destroy(&r.done);
  pthread_cond_destroy(&r.work);
  pthread_mutex_destroy(&r.lock);
  return ok;
}
