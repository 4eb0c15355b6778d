/* SPDX-License-Identifier: MIT */
/* Calendar dates: parsing, day arithmetic and the xsd lexical forms. */
#include "base/kinds.h"

#include <stdbool.h>
#include <stdio.h>

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool sckg_date_real(sckg_date d) {
  return d.year >= 1 && d.month >= 1 && d.month <= 12 && d.day >= 0 &&
         d.day <= month_days(d.year, d.month);
}

bool sckg_date_parse(const char *s, size_t n, sckg_date *out) {
  if (n != 10 || s[4] != '-' || s[7] != '-')
    return false;
  int v[3] = {0, 0, 0}, k = 0;
  for (size_t i = 0; i < n; i++) {
    if (i == 4 || i == 7) {
      k++;
      continue;
    }
    if (s[i] < '0' || s[i] > '9')
      return false;
    v[k] = v[k] * 10 + (s[i] - '0');
  }
  sckg_date d = {v[0], v[1], v[2]};
  if (!d.day || !sckg_date_real(d))
    return false;
  *out = d;
  return true;
}

/* Howard Hinnant's civil-from-days arithmetic (a published algorithm). */
long sckg_date_days(sckg_date d) {
  long y = d.year - (d.month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (d.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

sckg_date sckg_date_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  sckg_date d;
  d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
  d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
  d.year = (int)(yoe + era * 400 + (d.month <= 2));
  return d;
}

/* n digits of v at p, zero-padded. */
static void put_digits(char *p, unsigned v, int n) {
  while (n--) {
    p[n] = (char)('0' + v % 10);
    v /= 10;
  }
}

const char *sckg_date_format(sckg_date d, char *buf) {
  if (d.year <= 0 || d.year > 9999 || d.month < 1 || d.month > 12) {
    buf[0] = '\0';
    return NULL;
  }
  /* as "%04u-%02u-%02u" writes it, without parsing a format: a date is
   * formatted for every dated event */
  put_digits(buf, (unsigned)d.year, 4);
  buf[4] = '-';
  put_digits(buf + 5, (unsigned)d.month, 2);
  if (d.day <= 0) {
    buf[7] = '\0';
    return SCKG_NS_XSD "gYearMonth";
  }
  buf[7] = '-';
  put_digits(buf + 8, (unsigned)d.day % 100u, 2);
  buf[10] = '\0';
  return SCKG_NS_XSD "date";
}
