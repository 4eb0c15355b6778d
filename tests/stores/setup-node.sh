#!/bin/sh
# SPDX-License-Identifier: MIT
# Test set-up (the stores.setup.node fixture): installs the npm packages of
# tests/stores/package.json, at the versions of its package-lock.json, into
# the build folder with `npm ci` (never into the source tree).
#
#   setup-node.sh SRCDIR DIR    SRCDIR holds package.json and package-lock.json
set -u
src=$1 dir=$2

fail() {
  echo "FAIL: $*"
  exit 1
}
command -v node >/dev/null 2>&1 ||
  fail "node is missing: install Node.js with npm (Debian: apt-get install -y nodejs npm)"
command -v npm >/dev/null 2>&1 ||
  fail "npm is missing: install Node.js with npm (Debian: apt-get install -y nodejs npm)"

mkdir -p "$dir" || exit 1
# Reinstall only when the lock file changed since the last install.
if [ -f "$dir/node_modules/.sckg-lock" ] &&
  cmp -s "$src/package-lock.json" "$dir/node_modules/.sckg-lock" &&
  cmp -s "$src/package.json" "$dir/package.json"; then
  echo "ok: npm packages already installed in $dir"
else
  cp "$src/package.json" "$src/package-lock.json" "$dir/" || exit 1
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) ||
    fail "npm ci failed in $dir (it needs the npm registry)"
  cp "$src/package-lock.json" "$dir/node_modules/.sckg-lock" || exit 1
fi
(cd "$dir" && node -e 'require("oxigraph"); require.resolve("rdf-validate-shacl")') ||
  fail "the npm packages do not load from $dir"
echo "ok: oxigraph and rdf-validate-shacl in $dir/node_modules"
