import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** A file the build names by its content (`assets/overview-page-Bu2bNWJ2.js`) never changes under that name. */
export const HASHED_ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** index.html and other files without a content hash: the browser may keep them, but asks first. */
export const UNHASHED_CACHE_CONTROL = 'no-cache';

/** Vite's file names in assets/: the chunk name, a dash, 8 characters of content hash, the extension. */
const HASHED_FILE = /^[^/\\]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/** The Cache-Control of one file of the built app, by its path (a precompressed copy as its original). */
export function cacheControlFor(filePath: string): string {
  const original = filePath.replace(/\.(br|gz)$/, '');
  const inAssets = path.basename(path.dirname(original)) === 'assets';
  return inAssets && HASHED_FILE.test(path.basename(original)) ? HASHED_ASSET_CACHE_CONTROL : UNHASHED_CACHE_CONTROL;
}

/**
 * Serves the built web app from webDir. The build writes a brotli and a gzip copy beside each text
 * asset (web/build/precompress-assets.ts); a browser that accepts one gets it with Content-Encoding,
 * without Weir compressing anything per request. Hashed assets are cached for a year, since a new
 * build gives changed files new names; index.html, which names them, is revalidated every time.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    preCompressed: true,
    // Set per file below; the default (max-age=0) would make every load revalidate every chunk.
    cacheControl: false,
    setHeaders: (response, filePath) => {
      response.setHeader('cache-control', cacheControlFor(filePath));
      // The same address answers differently by Accept-Encoding: shared caches must keep them apart.
      response.setHeader('vary', 'accept-encoding');
    },
  });
}
