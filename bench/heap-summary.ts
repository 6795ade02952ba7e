// Reads a V8 heap snapshot (from `bench/watcher.bench.ts --heap-snapshot`) and prints where the live heap
// is: self size by kind of object, and the functions that carry a property store of their own (a closure
// with a `name` defined on it, as tsx's keepNames does, holds one of about 250 bytes).
//
//   node --max-old-space-size=8000 --import tsx bench/heap-summary.ts <file.heapsnapshot> [--top 30]
//
// Prints figures; asserts nothing.
import fs from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]]; location_fields: string[] } };
  nodes: number[];
  edges: number[];
  strings: string[];
  locations: number[];
}

const [file, ...rest] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/heap-summary.ts <file.heapsnapshot> [--top N]');
const top = Number(rest[rest.indexOf('--top') + 1] ?? 30) || 30;
const snap = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
const meta = snap.snapshot.meta;
const nodeWidth = meta.node_fields.length;
const edgeWidth = meta.edge_fields.length;
const at = { type: meta.node_fields.indexOf('type'), name: meta.node_fields.indexOf('name'), size: meta.node_fields.indexOf('self_size'), edges: meta.node_fields.indexOf('edge_count') };
const edgeTo = meta.edge_fields.indexOf('to_node');
const nodeTypes = meta.node_types[0];

const locationOf = new Map<number, string>();
for (let i = 0; i < snap.locations.length; i += meta.location_fields.length) {
  locationOf.set(snap.locations[i]!, `script ${snap.locations[i + 1]} line ${snap.locations[i + 2]! + 1}`);
}

const byKind = new Map<string, { count: number; bytes: number }>();
const propertyStoresByFunction = new Map<string, { count: number; bytes: number }>();
const add = (map: typeof byKind, key: string, bytes: number) => {
  const entry = map.get(key) ?? { count: 0, bytes: 0 };
  entry.count += 1;
  entry.bytes += bytes;
  map.set(key, entry);
};
let total = 0;
for (let node = 0, edge = 0; node < snap.nodes.length; node += nodeWidth) {
  const type = nodeTypes[snap.nodes[node + at.type]!]!;
  const name = snap.strings[snap.nodes[node + at.name]!]!;
  const size = snap.nodes[node + at.size]!;
  total += size;
  add(byKind, type.includes('string') ? 'string' : type === 'object' || type === 'closure' || type === 'array' ? `${type} ${name}` : type, size);
  const edgeCount = snap.nodes[node + at.edges]!;
  for (let k = 0; k < edgeCount; k += 1, edge += edgeWidth) {
    const to = snap.edges[edge + edgeTo]!;
    if (type === 'closure' && snap.strings[snap.nodes[to + at.name]!] === '(object properties)') {
      add(propertyStoresByFunction, `${name || '(anonymous)'} at ${locationOf.get(node) ?? '?'}`, snap.nodes[to + at.size]!);
    }
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2).padStart(8)} MB`;
const print = (title: string, map: typeof byKind) => {
  const rows = [...map].sort((a, b) => b[1].bytes - a[1].bytes);
  const sum = rows.reduce((s, [, v]) => s + v.bytes, 0);
  console.log(`\n${title}: ${mb(sum).trim()} in ${rows.reduce((s, [, v]) => s + v.count, 0)}`);
  for (const [key, v] of rows.slice(0, top)) console.log(`${mb(v.bytes)} ${String(v.count).padStart(9)}  ${key}`);
};
console.log(`${file}: ${mb(total).trim()} live (self sizes)`);
print('by kind', byKind);
print('property stores of functions', propertyStoresByFunction);
