// SPDX-License-Identifier: MIT
// The store tests' JavaScript side: Oxigraph (a Rust RDF store compiled to
// WebAssembly) parses and queries, rdf-validate-shacl validates. The npm
// packages live in the build folder (stores.setup.node runs `npm ci` there
// from tests/stores/package-lock.json); SCKG_NODE_DIR names that folder.
//
//   node rdf-tool.mjs parse FILE...          every file parses with Oxigraph
//                                            (format from the extension: .rdf
//                                            RDF/XML, .nt N-Triples, .ttl Turtle)
//   node rdf-tool.mjs same RDFXML NT         both parse and hold the same set of
//                                            triples, without duplicate statements
//   node rdf-tool.mjs shacl SHAPES FILE...   the union of the files conforms to
//                                            the shapes; exit 1 with the
//                                            violations when it does not
//   node rdf-tool.mjs report SHAPES FILE...  prints one line per violation:
//                                            "<component>\t<path>\t<focus>" (exit 0)
//   node rdf-tool.mjs query RQ FILE...       runs the SPARQL query over the union
//                                            of the files, prints normalised rows
//   node rdf-tool.mjs normalise < JSON       the same normalised rows from SPARQL
//                                            JSON results (another store's answer)
//
// Normalised rows: a header "?a\t?b", then one line per solution, sorted by
// bytes; an IRI as <iri>, a blank node as _:, a literal as its lexical form
// (no language tag or datatype: stores differ in how they return them; an
// xsd:boolean stored as 1/0, as Virtuoso does, reads true/false), an unbound
// variable as nothing; tab, newline and backslash escaped as \t \n \\.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { pathToFileURL } from 'node:url';

const nodeDir = process.env.SCKG_NODE_DIR;
if (!nodeDir) {
  console.error('rdf-tool: SCKG_NODE_DIR is not set (the folder where stores.setup.node ran npm ci)');
  process.exit(2);
}
const require = createRequire(join(nodeDir, 'package.json'));
let oxigraph;
try {
  oxigraph = require('oxigraph');
} catch (e) {
  console.error(`rdf-tool: cannot load oxigraph from ${nodeDir}/node_modules (run the stores.setup.node test: npm ci): ${e.message}`);
  process.exit(2);
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const BASE = 'https://example.invalid/base';

function formatOf(file) {
  switch (extname(file)) {
    case '.rdf': case '.xml': case '.owl': return 'application/rdf+xml';
    case '.nt': return 'application/n-triples';
    case '.ttl': return 'text/turtle';
    default: throw new Error(`${file}: unknown RDF syntax (use .rdf, .nt or .ttl)`);
  }
}

// Strict parse: Oxigraph checks IRIs, language tags and the syntax; `lenient`
// stays off.
function parseFile(file) {
  try {
    return oxigraph.parse(readFileSync(file), { format: formatOf(file), base_iri: BASE });
  } catch (e) {
    throw new Error(`${file}: Oxigraph rejects it: ${e.message || e}`);
  }
}

function storeOf(files) {
  const store = new oxigraph.Store();
  for (const f of files) {
    for (const q of parseFile(f)) store.add(q);
  }
  return store;
}

function escapeCell(s) {
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

// One cell from a SPARQL JSON results binding (W3C or Virtuoso's variant).
function cell(b) {
  if (!b) return '';
  switch (b.type) {
    case 'uri': return `<${b.value}>`;
    case 'bnode': return '_:';
    case 'literal': case 'typed-literal': {
      let v = b.value;
      if (b.datatype === `${XSD}boolean`) v = v === '1' ? 'true' : v === '0' ? 'false' : v;
      return escapeCell(v);
    }
    default: throw new Error(`unknown binding type ${b.type}`);
  }
}

function byteOrder(a, b) {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function normalise(json) {
  const r = typeof json === 'string' ? JSON.parse(json) : json;
  const vars = r.head.vars;
  const rows = r.results.bindings.map((b) => vars.map((v) => cell(b[v])).join('\t'));
  rows.sort(byteOrder);
  return [vars.map((v) => `?${v}`).join('\t'), ...rows].join('\n') + '\n';
}

function termKey(t) {
  switch (t.termType) {
    case 'NamedNode': return `<${t.value}>`;
    case 'BlankNode': return `_:${t.value}`;
    case 'Literal': return `${JSON.stringify(t.value)}@${t.language}^^${t.datatype.value}`;
    case 'DefaultGraph': return '';
    default: return t.termType;
  }
}
const quadKey = (q) => [q.subject, q.predicate, q.object].map(termKey).join(' ');

async function shaclReport(shapesFile, files) {
  const validatorPath = require.resolve('rdf-validate-shacl');
  const { default: SHACLValidator } = await import(pathToFileURL(validatorPath).href);
  const envPath = join(validatorPath, '..', 'src', 'defaultEnv.js');
  const { default: env } = await import(pathToFileURL(envPath).href);
  // Copy Oxigraph's terms into the validator's own RDF/JS factory.
  const copy = (t) => {
    switch (t.termType) {
      case 'NamedNode': return env.namedNode(t.value);
      case 'BlankNode': return env.blankNode(t.value);
      case 'Literal':
        return t.language ? env.literal(t.value, t.language) : env.literal(t.value, env.namedNode(t.datatype.value));
      case 'DefaultGraph': return env.defaultGraph();
      default: throw new Error(`unexpected term ${t.termType}`);
    }
  };
  const dataset = (qs) => env.dataset(qs.map((q) => env.quad(copy(q.subject), copy(q.predicate), copy(q.object))));
  const shapes = dataset(parseFile(shapesFile));
  const data = dataset(files.flatMap(parseFile));
  const validator = new SHACLValidator(shapes, { factory: env });
  const report = await validator.validate(data);
  const short = (t) => (t ? (t.termType === 'NamedNode' ? t.value.replace(/^.*[#/]/, '') : t.value) : '-');
  const lines = report.results.map((r) => {
    const msg = (r.message || []).map((m) => m.value).join('; ');
    return {
      key: `${short(r.sourceConstraintComponent)}\t${short(r.path)}\t${r.focusNode ? r.focusNode.value : '-'}`,
      text: `${short(r.sourceConstraintComponent)} on ${r.path ? r.path.value : '(node)'} of ${r.focusNode ? r.focusNode.value : '?'}` +
        `${r.value ? ` (value ${r.value.value})` : ''}: ${msg}`,
    };
  });
  return { conforms: report.conforms, lines, size: data.size };
}

async function main(argv) {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case 'parse': {
      for (const f of args) console.log(`ok: Oxigraph parses ${f}: ${parseFile(f).length} statements`);
      return 0;
    }
    case 'same': {
      const [rdf, nt] = args;
      const a = parseFile(rdf).map(quadKey);
      const b = parseFile(nt).map(quadKey);
      const sa = new Set(a), sb = new Set(b);
      let status = 0;
      const onlyA = [...sa].filter((k) => !sb.has(k)), onlyB = [...sb].filter((k) => !sa.has(k));
      if (onlyA.length || onlyB.length) {
        console.log(`FAIL: Oxigraph reads different triples from ${rdf} and ${nt}:`);
        for (const k of onlyA.slice(0, 30)) console.log(`  only in the RDF/XML: ${k}`);
        for (const k of onlyB.slice(0, 30)) console.log(`  only in the N-Triples: ${k}`);
        status = 1;
      }
      if (a.length !== sa.size || b.length !== sb.size) {
        console.log(`FAIL: duplicate statements: ${a.length} in the RDF/XML, ${b.length} in the N-Triples, ${sa.size} distinct`);
        status = 1;
      }
      if (status === 0) console.log(`ok: Oxigraph reads the same ${sa.size} triples from the RDF/XML and the N-Triples`);
      return status;
    }
    case 'shacl': case 'report': {
      const [shapes, ...files] = args;
      const r = await shaclReport(shapes, files);
      if (cmd === 'report') {
        for (const l of [...new Set(r.lines.map((x) => x.key))].sort()) console.log(l);
        return 0;
      }
      if (r.conforms) {
        console.log(`ok: ${files.join(' + ')} (${r.size} triples) conform to ${shapes}`);
        return 0;
      }
      console.log(`FAIL: ${files.join(' + ')} do not conform to ${shapes}: ${r.lines.length} violations`);
      for (const l of r.lines.slice(0, 60)) console.log(`  ${l.text}`);
      return 1;
    }
    case 'query': {
      const [rq, ...files] = args;
      const store = storeOf(files);
      const out = store.query(readFileSync(rq, 'utf8'), { results_format: 'application/sparql-results+json' });
      process.stdout.write(normalise(out));
      return 0;
    }
    case 'normalise': {
      process.stdout.write(normalise(readFileSync(0, 'utf8')));
      return 0;
    }
    default:
      console.error('usage: rdf-tool.mjs parse|same|shacl|report|query|normalise ...');
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.log(`FAIL: ${e.message || e}`);
    process.exit(1);
  },
);
