/* SPDX-License-Identifier: MIT */
/* Fuzz the article reader and the extraction: sckg_graph_add and
 * sckg_graph_finish on arbitrary bytes and names, then the invariants of
 * fuzz_common.h (valid IRIs, carriable literals, NIF offsets that give the
 * sentence back, no line break in a sentence or title). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_case c;
  fuzz_case_parse(&c, data, size);
  sckg_graph *g = fuzz_build(&c);
  fuzz_check_graph(g);
  sckg_graph_free(g);
  fuzz_case_free(&c);
  return 0;
}
