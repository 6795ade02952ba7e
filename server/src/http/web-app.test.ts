import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';
import { cacheControlFor, HASHED_ASSET_CACHE_CONTROL, UNHASHED_CACHE_CONTROL } from './web-app.js';

/*
 * The built web app as Weir serves it: the compressed copies the build wrote, sent to a browser that
 * accepts them, and caching that lets a browser keep a hashed chunk for good but ask again for
 * index.html (which names the chunks of the current build).
 */

const CHUNK = 'assets/overview-page-Bu2bNWJ2.js';
const SOURCE = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ task: `orders-${i}`, status: 'RUNNING' })))};\n`;
const INDEX = `<!doctype html><html><head><script type="module" src="/${CHUNK}"></script></head><body><div id="root"></div></body></html>`;

describe('serving the built web app', () => {
  let weir: TestWeir;
  let app: FastifyInstance;
  let webDir: string;

  before(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-web-app-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), INDEX);
    const chunk = path.join(webDir, CHUNK);
    fs.writeFileSync(chunk, SOURCE);
    fs.writeFileSync(`${chunk}.gz`, zlib.gzipSync(SOURCE));
    fs.writeFileSync(`${chunk}.br`, zlib.brotliCompressSync(SOURCE));
    weir = await startTestWeir({ background: false });
    app = await testApp(weir, { webDir });
  });

  after(async () => {
    await app?.close();
    await weir?.stop();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('sends the brotli copy to a browser that accepts it, and gzip to one that accepts only gzip', async () => {
    const brotli = await app.inject({ method: 'GET', url: `/${CHUNK}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(brotli.statusCode, 200);
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.match(String(brotli.headers['content-type']), /javascript/);
    assert.equal(zlib.brotliDecompressSync(brotli.rawPayload).toString(), SOURCE);
    assert.ok(brotli.rawPayload.length < SOURCE.length / 5, `brotli sent ${brotli.rawPayload.length} of ${SOURCE.length} bytes`);

    const gzip = await app.inject({ method: 'GET', url: `/${CHUNK}`, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(gzip.rawPayload).toString(), SOURCE);
    assert.match(String(gzip.headers.vary), /accept-encoding/i);
  });

  it('sends the file as it is to a client that accepts no encoding', async () => {
    const plain = await app.inject({ method: 'GET', url: `/${CHUNK}`, headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, SOURCE);
  });

  it('lets browsers keep hashed assets for a year, compressed or not', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const response = await app.inject({ method: 'GET', url: `/${CHUNK}`, headers: { 'accept-encoding': encoding } });
      assert.equal(response.headers['cache-control'], HASHED_ASSET_CACHE_CONTROL, encoding);
    }
  });

  it('makes browsers revalidate index.html, at / and for every address of the app', async () => {
    for (const url of ['/', '/index.html', '/runs/0193-some-run?tab=metrics']) {
      const response = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['cache-control'], UNHASHED_CACHE_CONTROL, url);
      assert.equal(response.body, INDEX, url);
    }
  });

  it('tells hashed build files from the others by name', () => {
    assert.equal(cacheControlFor('/srv/web/assets/vendor-react-CDI1W65Z.js'), HASHED_ASSET_CACHE_CONTROL);
    assert.equal(cacheControlFor('/srv/web/assets/index-S1DiEQJ5.css.br'), HASHED_ASSET_CACHE_CONTROL);
    assert.equal(cacheControlFor('/srv/web/index.html'), UNHASHED_CACHE_CONTROL);
    assert.equal(cacheControlFor('/srv/web/assets/logo.svg'), UNHASHED_CACHE_CONTROL);
    assert.equal(cacheControlFor('/srv/web/favicon-CDI1W65Z.ico'), UNHASHED_CACHE_CONTROL);
  });
});
