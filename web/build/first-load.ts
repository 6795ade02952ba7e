import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** One entry of Vite's build manifest (dist/.vite/manifest.json), the fields read here. */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/**
 * The manifest key of the chunk that holds a route's page module. Usually the module's own path, but
 * a page whose chunk also holds modules other chunks import is keyed by its chunk's file name, so
 * the chunk is found by what it holds (the build's chunk contents).
 */
export function routeChunkKey(manifest: Manifest, contents: Record<string, { modules: string[] }>, routeModule: string): string {
  if (manifest[routeModule]) return routeModule;
  const file = Object.keys(contents).find((name) => contents[name]!.modules.includes(routeModule));
  const key = file && Object.keys(manifest).find((k) => manifest[k]!.file === file);
  if (!key) throw new Error(`the build has no chunk holding ${routeModule}: was the route's module renamed?`);
  return key;
}

/**
 * The manifest keys of the chunks a route loads before it can render: index.html's entry and the
 * route's own chunk, each with everything they import statically (the browser fetches those at
 * once; dynamic imports wait until the code asks for them).
 */
export function firstLoadChunks(manifest: Manifest, routeKey: string): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('the manifest names no entry chunk');
  if (!manifest[routeKey]) throw new Error(`the manifest has no chunk ${routeKey}`);
  const chunks: string[] = [];
  const visit = (key: string) => {
    if (chunks.includes(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest names ${key} as an import but has no chunk for it`);
    chunks.push(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  visit(routeKey);
  return chunks;
}

export interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
}

/** Sizes of the JavaScript files of the given chunks, as built and as gzip (level 9, as the build's .gz copies) sends them. */
export function chunkSizes(distDir: string, manifest: Manifest, keys: string[]): ChunkSize[] {
  return keys.map((key) => {
    const file = manifest[key]!.file;
    const content = fs.readFileSync(path.join(distDir, file));
    return { file, raw: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length };
  });
}

export function readManifest(distDir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}
