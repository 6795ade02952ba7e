import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** Text assets worth compressing; images and fonts are compressed formats already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|map)$/;
/** Below this a compressed copy saves less than the headers it costs. */
const MIN_BYTES = 1024;

/**
 * Writes a .gz and a .br copy beside every text asset of the build, so the Weir server sends the
 * smaller copy a browser accepts without compressing on each request. Done once here, at the
 * highest levels (which would be too slow per request): brotli 11 is about a fifth smaller than
 * gzip on antd's chunks.
 */
export function precompressAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'weir-precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        const assets = path.join(outDir, 'assets');
        if (!fs.existsSync(assets)) return;
        for (const name of fs.readdirSync(assets)) {
          if (!COMPRESSIBLE.test(name)) continue;
          const file = path.join(assets, name);
          const content = fs.readFileSync(file);
          if (content.length < MIN_BYTES) continue;
          fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
          fs.writeFileSync(
            `${file}.br`,
            zlib.brotliCompressSync(content, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
          );
        }
      },
    },
  };
}
