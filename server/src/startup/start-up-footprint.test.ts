import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SERVER_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages Weir loads only when a feature asks for them, never at start-up. The Flink SQL grammar
 * (dt-sql-parser on antlr4ng) holds about 190 MB resident: a Weir that only watches jobs, one per
 * cluster shard in a large fleet, must not carry it. Lineage, the editor's syntax check and SQL
 * validation import it with import() on first use.
 */
const LOADED_ON_DEMAND = ['dt-sql-parser', 'antlr4ng'];

// Static imports and re-exports with a value (not `import type`), over several lines if need be.
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** The package a bare specifier names ('@scope/name/sub' → '@scope/name'). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The file a relative import of a .ts module names (written with .js, as Node's ESM wants). */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base, `${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

/** Every package the entry's static imports reach, each with the chain of files that imports it. */
function staticPackages(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue: { file: string; chain: string[] }[] = [{ file: entry, chain: [] }];
  while (queue.length) {
    const { file, chain } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const here = [...chain, path.relative(SERVER_SRC, file)];
    for (const match of fs.readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) {
        const next = resolveRelative(file, specifier);
        if (next) queue.push({ file: next, chain: here });
      } else if (!specifier.startsWith('node:') && !packages.has(packageOf(specifier))) {
        packages.set(packageOf(specifier), here);
      }
    }
  }
  return packages;
}

describe("Weir's start-up footprint", () => {
  it('reaches no package that is loaded on demand from the server entry point', () => {
    const packages = staticPackages(path.join(SERVER_SRC, 'main.ts'));
    assert.ok(packages.has('fastify') && packages.has('kysely'), 'the walk follows the imports (it finds the HTTP server and the database layer)');
    for (const name of LOADED_ON_DEMAND) {
      assert.equal(packages.get(name), undefined, `${name} is imported at start-up through ${packages.get(name)?.join(' → ')}`);
    }
  });

  it('the walk sees an import of the grammar where one is written', () => {
    const packages = staticPackages(path.join(SERVER_SRC, 'lineage', 'lineage-analyzer.ts'));
    assert.ok(packages.has('dt-sql-parser'), 'the analyser imports the grammar statically, so a static import from start-up would be found');
  });
});
