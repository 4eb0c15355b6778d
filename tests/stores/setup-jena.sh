#!/bin/sh
# SPDX-License-Identifier: MIT
# Test set-up (the stores.setup.jena fixture): makes Debian's Apache Jena 4.5.0
# (libapache-jena-java) runnable with `java -cp`, in the build folder.
#
#   setup-jena.sh DIR    writes DIR/classpath (one line, for java -cp) and
#                        DIR/xerces-messages/
#
# Debian ships the jars in /usr/share/java without the riot/arq scripts, and
# 'java -cp /usr/share/java/*' dies on conflicting SLF4J bindings: the class
# path names the jars Jena needs, one SLF4J binding (slf4j-jdk14). Jena's
# XSD datatypes then die with ExceptionInInitializerError in
# xerces.impl.dv.xs.XSSimpleTypeDecl, because jena-core.jar keeps the Xerces
# message bundles under org/apache/jena/ext/xerces/ while the classes moved
# to xerces.*: the bundles are extracted here as xerces/... and put first on
# the class path. Nothing outside DIR is changed.
set -u
dir=$1
jars=/usr/share/java
install='apt-get install -y libapache-jena-java default-jre-headless unzip'

fail() {
  echo "FAIL: $*"
  exit 1
}

command -v java >/dev/null 2>&1 || fail "java is missing: $install"
[ -f "$jars/jena-core.jar" ] || fail "$jars/jena-core.jar is missing (Apache Jena): $install"
command -v unzip >/dev/null 2>&1 || fail "unzip is missing: $install"

mkdir -p "$dir" || exit 1
rm -rf "$dir/xerces-messages" "$dir/extract"
unzip -q -o "$jars/jena-core.jar" 'org/apache/jena/ext/xerces/*.properties' -d "$dir/extract" ||
  fail "cannot extract the Xerces message bundles from $jars/jena-core.jar"
mkdir -p "$dir/xerces-messages" &&
  mv "$dir/extract/org/apache/jena/ext/xerces" "$dir/xerces-messages/xerces" &&
  rm -rf "$dir/extract" || exit 1

cp=$dir/xerces-messages
for jar in jena-arq jena-base jena-cmds jena-core jena-dboe-base jena-dboe-index \
  jena-dboe-storage jena-dboe-trans-data jena-dboe-transaction jena-iri \
  jena-rdfconnection jena-shacl jena-shex jena-tdb jena-tdb2 \
  slf4j-api slf4j-jdk14 guava commons-csv commons-io commons-lang3 commons-codec \
  commons-compress commons-cli dexx.collection jsonld-java gson httpclient \
  httpclient-cache httpcore jcl-over-slf4j jackson-core jackson-databind \
  jackson-annotations titanium-json-ld jakarta.json-api protobuf thrift; do
  [ -f "$jars/$jar.jar" ] || fail "$jars/$jar.jar is missing: $install"
  cp=$cp:$jars/$jar.jar
done
printf '%s\n' "$cp" >"$dir/classpath.new" && mv "$dir/classpath.new" "$dir/classpath" || exit 1

# Prove it: an xsd:date literal goes through Jena's strict N-Triples parser.
printf '<https://example.org/s> <https://example.org/p> "2023-04-07"^^<http://www.w3.org/2001/XMLSchema#date> .\n' >"$dir/probe.nt"
out=$(java -cp "$cp" riotcmd.riot --strict --validate "$dir/probe.nt" 2>&1)
rc=$?
if [ "$rc" -ne 0 ] || [ -n "$out" ]; then
  rm -f "$dir/classpath"
  echo "FAIL: Jena does not run with the fixed class path (exit $rc):"
  printf '%s\n' "$out" | head -n 20
  exit 1
fi
echo "ok: Jena runs: java -cp \$(cat $dir/classpath) riotcmd.riot ..."
