/* SPDX-License-Identifier: MIT */
/* The byte classes read eight bytes at a time: where a run of letters and
 * digits ends is where reading a byte at a time ends it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "base/chars.h"

#include <string.h>

/* Every byte, at every place of a run of each kind of letter or digit, with
 * the run read from each place in the first word and to every end. */
static void alnum_end_agrees_with_each_byte(void **state) {
  (void)state;
  static const char RUNS[] = "azAZ09";
  char p[24];
  for (const char *run = RUNS; *run; run++)
    for (int c = 0; c < 256; c++)
      for (size_t at = 0; at < sizeof p; at++) {
        memset(p, *run, sizeof p);
        p[at] = (char)c;
        for (size_t i = 0; i <= 8; i++)
          for (size_t e = i; e <= sizeof p; e++) {
            size_t want = i;
            while (want < e && alnum(p[want]))
              want++;
            size_t got = alnum_end(p, i, e);
            if (got != want)
              print_message("byte 0x%02x at %zu in %c: %zu, not %zu\n", c, at,
                            *run, got, want);
            assert_int_equal(got, want);
          }
      }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(alnum_end_agrees_with_each_byte),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
