/* SPDX-License-Identifier: MIT */
/* Fuzz the N-Triples writer: every line of its output must match the
 * N-Triples 1.1 grammar (the subset sckg writes: IRIs, no blank nodes),
 * there must be one line per triple, and each line must carry the triple's
 * exact terms once its escapes are undone (fuzz_nt_check.h). */
#include "fuzz_nt_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_case c;
  fuzz_case_parse(&c, data, size);
  sckg_graph *g = fuzz_build(&c);
  size_t len = 0;
  char *nt = fuzz_write_mem(sckg_write_ntriples, g, &len);
  fuzz_check_ntriples(g, nt, len);
  free(nt);
  sckg_graph_free(g);
  fuzz_case_free(&c);
  return 0;
}
