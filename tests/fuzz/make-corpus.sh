#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerate the seed corpus (corpus/) and the dictionary (sckg.dict) of
# the fuzz harnesses from the repository: the golden inputs, the default
# articles and the hostile cases of tests/robust/inputs/, JSON Lines files
# written here, and the words of the schema tables. Run from anywhere;
# review with `git status`.
#
# A seed is one option byte followed by the article text, or by
# NAME 0xFF TEXT 0xFF NAME 0xFF TEXT for several articles (fuzz_common.h),
# or by a JSON Lines file (fuzz_inputs.c). Every harness reads every seed,
# each in its own way.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
out=$here/corpus
rm -rf "$out"
mkdir -p "$out"

# seed NAME FLAGS FILE: one article, option byte FLAGS (octal, for printf).
seed() {
  { printf "\\$2"; cat "$3"; } >"$out/$1"
}

for f in "$src"/tests/golden/*/input*.txt "$src"/corpus/*.txt; do
  case_name=$(basename "$(dirname "$f")")-$(basename "$f" .txt)
  seed "$case_name" 000 "$f"
  seed "$case_name-notext-date-statement" 023 "$f"
done
for f in "$src"/tests/robust/inputs/*; do
  seed "robust-$(basename "$f")" 000 "$f"
done
# The two reports of the joint statement together, under odd names.
{
  printf '\020ap 2023>04{07}#\303\244.txt\377'
  cat "$src/corpus/ap-2023-04-07.txt"
  printf '\377../reuters"&<x>.txt\377'
  cat "$src/corpus/reuters-2023-04-07.txt"
} >"$out/two-articles-odd-names"
# The same with CRLF line ends.
{
  printf '\000'
  sed 's/$/\r/' "$src/corpus/ap-2023-04-07.txt"
} >"$out/crlf-ap"

# JSON Lines files for fuzz_inputs.c (the other harnesses read them as
# article text): option byte, then the file. Bits 5-6 of the option byte
# pick max_bytes 4096, 256, 17, 1 MiB; bit 4 leaves the file's last line
# without "\n"; bit 7 starts the file with a line of 64 KiB less 6 spaces.
#
# json_text FILE: FILE less its leading date line, as a JSON string.
json_text() {
  sed -e '1s/^ date [0-9-]* //' -e 's/\\/\\\\/g' -e 's/"/\\"/g' \
    -e 's/\r/\\r/g' "$1" |
    awk 'BEGIN { printf "%s", "\"" }
         { if (NR > 1) printf "%s", "\\n"; printf "%s", $0 }
         END { printf "%s", "\"" }'
}
# repeat N: N letters a.
repeat() { head -c "$1" /dev/zero | tr '\000' a; }
ap=$src/corpus/ap-2023-04-07.txt
reuters=$src/corpus/reuters-2023-04-07.txt
jsonl_articles() {
  printf '{"id": "ap-2023-04-07", "date": "2023-04-07", "publisher": "AP", '
  printf '"title": "U.S., South Korea, Japan \\u201cdeeply concerned\\u201d", '
  printf '"text": %s, "url": "https://example.org/a?b=1#c"}\n' "$(json_text "$ap")"
  printf '\n \t \n'
  printf '{"text": %s, "id": null, "date": "2023-04-07", "publisher": null}\n' \
    "$(json_text "$reuters")"
  printf '{"text": "Kim Jong Un said on Monday that Seoul denied it.", '
  printf '"title": null, "source": {"crawl": [1, 2.5e3, true, false, null]}}'
}
{ printf '\000'; jsonl_articles; } >"$out/jsonl-articles"
{ printf '\023'; jsonl_articles; } >"$out/jsonl-articles-notext-date-nolf"
# Odd but good fields: escapes, controls, line breaks, U+FFFE, odd ids.
{
  printf '\000'
  printf '{"text": "", "id": "empty text"}\n'
  printf '{"text": " \\t\\n\\r ", "id": "blank text"}\n'
  printf '{"text": "North Korea\\u0027s army \\ud83d\\ude00 said.", '
  printf '"id": "a/b#c%%20d?e", "title": "Line\\none\\r\\ntwo\\tend", '
  printf '"publisher": "\\u0001Ctrl\\u001f\\u007f\\u0085\\ufffe"}\n'
  printf '{"text": "x", "id": "\\u00e4\\u00df\\u2028 \\uffff", "date": "2024-02-29"}\n'
  printf '{"text": "x", "id": "..", "date": "2000-02-29", "title": ""}\n'
  printf '{"text": "x", "id": " ", "date": "0001-01-01", "publisher": ""}\n'
  printf '{"text": "x", "id": "\\"<>&\\u0027", "date": "9999-12-31"}\n'
  printf '\t{ "text" : "spaced" , "id" : "sp" }  \n'
  printf '{"text": "twice", "id": "sp"}\n'
  printf '{"TEXT": "x", "text": "case", "Id": 5}\n'
} >"$out/jsonl-fields"
# Every way a record is refused, one a line.
{
  printf '\000'
  printf '{"text": "no end"\n'
  printf 'not json\n'
  printf '{"text": "a"} trailing\n'
  printf '{"text": "a"}{"text": "b"}\n'
  printf '["text", "array"]\n'
  printf '"just a string"\n'
  printf '42\nnull\ntrue\n{}\n'
  printf '{"id": "no text"}\n'
  printf '{"text": null}\n'
  printf '{"text": 7}\n{"text": ["a"]}\n{"text": {"a": 1}}\n'
  printf '{"text": "a", "id": ""}\n'
  printf '{"text": "a", "id": 12}\n'
  printf '{"text": "a", "title": false}\n'
  printf '{"text": "a", "publisher": []}\n'
  printf '{"text": "a", "date": 20230407}\n'
  printf '{"text": "a", "date": "2023-02-29"}\n'
  printf '{"text": "a", "date": "1900-02-29"}\n'
  printf '{"text": "a", "date": "2023-04-31"}\n'
  printf '{"text": "a", "date": "0000-01-01"}\n'
  printf '{"text": "a", "date": "2023-4-7"}\n'
  printf '{"text": "a", "date": "2023-04-07T00:00"}\n'
  printf '{"text": "a", "date": " 2023-04-07"}\n'
  printf '{"text": "a", "date": "2023\\u002d04-07"}\n'
  printf '{"text": "a", "date": "\\u0000023-04-07"}\n'
  printf '{"text": "a\\u0000b"}\n'
  printf '{"text": "a", "title": "t\\u0000"}\n'
  printf '{"text": "a\\ud800"}\n'
  printf '{"text": "a\\udc00\\ud800"}\n'
  printf '{"text": "\\x41"}\n'
  printf '{"text": "raw\ttab"}\n'
  printf '{"text": "raw \001 control"}\n'
  printf '{"text": "bad \303\050 utf-8"}\n'
  printf '{"text": "overlong \300\257"}\n'
  printf '{"text": "surrogate \355\240\200"}\n'
  printf '{"text": "nul \000 byte"}\n'
  printf '{"text": "a", "text": "b"}\n'
  printf '{"text": "a", "id": "x", "id": "y"}\n'
  printf '\357\273\277{"text": "after a BOM"}\n'
  printf '{"text": "a", "date": "2023-04-07", "date": null}\n'
  printf '{"text": "good at last", "id": "last"}'
} >"$out/jsonl-bad"
# CRLF, lone CRs, blank lines of CRs; the last line without "\n".
{
  printf '\020'
  printf '{"text": "crlf one", "id": "c1"}\r\n'
  printf '\r\n\r\r\n \t\r\n'
  printf '{"text": "cr inside"}\r{"text": "same line"}\r\n'
  printf '{"text": "two crs"}\r\r\n'
  printf '{"text": "crlf last", "date": "2023-04-07"}\r'
} >"$out/jsonl-crlf"
# Lines around max_bytes: 4096, 256 and 17.
long_lines() { # N: lines of N bytes (good), N with "\r", N + 1, and a long one
  a=$(repeat $(($1 - 11)))
  printf '{"text": "%s"}\n' "$(repeat $(($1 - 12)))"
  printf '{"text": "%s"}\r\n' "$(repeat $(($1 - 12)))"
  printf '{"text":"%s"}\n' "$a"
  printf '{"text": "%s"}\n' "$a"
  printf '{"text": "%s"}\r\n' "$a"
  printf '{"text": "%s"}\n' "$(repeat $((3 * $1)))"
  printf '%s\n' "$(repeat $(($1 + 1)) | tr a ' ')"
  printf '{"text": "after", "id": "after"}\n'
}
{ printf '\000'; long_lines 4096; } >"$out/jsonl-long-4096"
{ printf '\040'; long_lines 256; } >"$out/jsonl-long-256"
{ printf '\100'; long_lines 17; } >"$out/jsonl-long-17"
# A record across the reader's two first reads of 64 KiB, long or blank
# padding before it.
{ printf '\200'; jsonl_articles; } >"$out/jsonl-pad-4096"
{ printf '\340'; jsonl_articles; } >"$out/jsonl-pad-1m"

# Dictionary: libFuzzer's format, one "entry" a line, bytes outside
# printable ASCII (and " \) as \xNN.
dict=$here/sckg.dict
{
  echo "# Generated by make-corpus.sh from schema/*.tsv: do not edit."
  {
    awk -F'\t' '!/^#/ && NF >= 3 { print $3 }' "$src/schema/events.tsv" | tr '|' '\n'
    awk -F'\t' '!/^#/ && NF >= 5 { print $5; print $6; print $7 }' "$src/schema/actors.tsv" | tr '|' '\n'
    for t in titles anaphors heads publishers noise; do
      awk -F'\t' '!/^#/ && NF >= 1 { print $1 }' "$src/schema/$t.tsv"
    done
    printf '%s\n' ' date ' ' date 2023-04-07' 'U.S.' 'Mr.' 'said' 'said on Friday' \
      'on Monday' 'last week' 'in March 2022' 'yesterday' 'denied' 'did not' \
      '(AP) ' ' -- ' 'http://' '&amp;' ']]>' '<script>' '"; node [shape=x]; "' \
      '<<b>html</b>>' 'xml:lang' '\N' '\l' \
      '{"text": "' '"text"' '"id"' '"date"' '"publisher"' '"title"' \
      '": "' '", "' '"}' ': null' '\u0000' '\ud83d\ude00' '\ud800' \
      '\u2028' '\n' '\"' '2024-02-29' '2023-02-29' '[]' '{}'
  } | sed 's/@$//' | grep -v '^-\{0,1\}$' | LC_ALL=C sort -u |
    LC_ALL=C awk '
      BEGIN { for (i = 0; i < 256; i++) ord[sprintf("%c", i)] = i }
      {
        s = ""
        for (i = 1; i <= length($0); i++) {
          c = substr($0, i, 1); o = ord[c]
          if (o < 32 || o > 126 || c == "\"" || c == "\\") s = s sprintf("\\x%02X", o)
          else s = s c
        }
        print "\"" s "\""
      }'
  printf '"\\xE2\\x80\\x9C"\n"\\xE2\\x80\\x9D"\n"\\xE2\\x80\\x94"\n"\\x0D\\x0A"\n"\\x0D"\n"\\xEF\\xBB\\xBF"\n"\\xFF"\n"\\x01"\n"\\xEF\\xBF\\xBE"\n'
} >"$dict"
echo "corpus: $(ls "$out" | wc -l) seeds; dictionary: $(grep -c '^"' "$dict") entries"
