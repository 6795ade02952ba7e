// What a page load costs in the browser, beside how long it takes: the JavaScript and CSS it loads
// (bytes as built and as gzip sends them), how many requests it makes, the main thread's long
// tasks (50 ms or more: while one runs the page cannot answer input), and the CPU time the page's
// main thread and its renderer used. The times depend on what else the machine runs; the CPU time
// much less, so it says whether a load could meet its target on a quiet machine (it cannot be
// faster than its main thread's CPU time).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { CDPSession, Page, Request } from 'playwright-core';

export interface LoadedAssets {
  files: number;
  raw: number;
  gzip: number;
}

export interface PageLoadCost {
  requests: number;
  /** Requests answered by the server rather than the browser's cache. */
  fromNetwork: number;
  js: LoadedAssets;
  css: LoadedAssets;
  longTasks: { count: number; totalMs: number; longestMs: number };
  /** CPU time of the new document's main thread (Chromium's ThreadTime), and of the whole renderer process during the load. */
  cpu: { mainThreadMs: number; rendererMs: number };
}

const cdpSessions = new WeakMap<Page, CDPSession>();

/** Chromium's performance counters for the page, their durations in CPU time (thread ticks), in seconds. */
async function cpuCounters(page: Page): Promise<{ threadTime: number; processTime: number }> {
  let session = cdpSessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    cdpSessions.set(page, session);
  }
  const { metrics } = await session.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { threadTime: value('ThreadTime'), processTime: value('ProcessTime') };
}

/** Run in every page before its own scripts: keeps the long tasks the page has from its first moment. */
export const LONG_TASK_RECORDER = `
  window.__weirLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__weirLongTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

/** The size of one built asset and of its gzip copy (the build's own .gz when there is one). */
function assetSize(webDir: string, urlPath: string): { raw: number; gzip: number } | undefined {
  const file = path.join(webDir, path.normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, ''));
  if (!file.startsWith(webDir) || !fs.existsSync(file)) return undefined;
  const content = fs.readFileSync(file);
  const gzipped = fs.existsSync(`${file}.gz`) ? fs.statSync(`${file}.gz`).size : zlib.gzipSync(content, { level: 9 }).length;
  return { raw: content.length, gzip: gzipped };
}

/** Collects the requests of one page load; `finish` reads the page's long tasks and adds the sizes up. */
export async function watchPageLoad(page: Page, webDir: string): Promise<{ finish(): Promise<PageLoadCost> }> {
  const before = await cpuCounters(page);
  const requests: Request[] = [];
  const onRequest = (request: Request) => requests.push(request);
  page.on('request', onRequest);
  return {
    async finish() {
      page.off('request', onRequest);
      const js: LoadedAssets = { files: 0, raw: 0, gzip: 0 };
      const css: LoadedAssets = { files: 0, raw: 0, gzip: 0 };
      for (const request of requests) {
        const pathname = new URL(request.url()).pathname;
        const kind = /\.m?js$/.test(pathname) ? js : /\.css$/.test(pathname) ? css : undefined;
        const size = kind && assetSize(webDir, pathname);
        if (!kind || !size) continue;
        kind.files += 1;
        kind.raw += size.raw;
        kind.gzip += size.gzip;
      }
      const { durations, fromNetwork } = await page.evaluate(() => ({
        durations: (globalThis as unknown as { __weirLongTasks?: number[] }).__weirLongTasks ?? [],
        // A resource served from the browser's cache transferred nothing; a revalidation (304) transferred its headers.
        fromNetwork: 1 + performance.getEntriesByType('resource').filter((entry) => (entry as PerformanceResourceTiming).transferSize > 0).length,
      }));
      const after = await cpuCounters(page);
      // ThreadTime starts again with each document; the renderer's ProcessTime goes on (unless the
      // load moved to a new renderer process).
      const rendererSeconds = after.processTime >= before.processTime ? after.processTime - before.processTime : after.processTime;
      return {
        cpu: { mainThreadMs: Math.round(after.threadTime * 1000), rendererMs: Math.round(rendererSeconds * 1000) },
        requests: requests.length,
        fromNetwork,
        js,
        css,
        longTasks: { count: durations.length, totalMs: Math.round(durations.reduce((a, b) => a + b, 0)), longestMs: Math.round(Math.max(0, ...durations)) },
      };
    },
  };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

export function describeLoadCost(cost: PageLoadCost): string {
  return (
    `JS ${cost.js.files} files ${kB(cost.js.raw)} (${kB(cost.js.gzip)} gzip), CSS ${cost.css.files} files ${kB(cost.css.raw)} (${kB(cost.css.gzip)} gzip), ` +
    `${cost.requests} requests (${cost.fromNetwork} to the server), long tasks ${cost.longTasks.count} (${cost.longTasks.totalMs} ms, longest ${cost.longTasks.longestMs} ms), ` +
    `CPU: main thread ${cost.cpu.mainThreadMs} ms, renderer ${cost.cpu.rendererMs} ms`
  );
}
