// Module hooks for scripts/server-loader.mjs: TypeScript files are compiled by esbuild as they load; an
// import written with `.js` (as NodeNext asks) finds the `.ts` file beside it; and a relative import
// without an extension, or of a folder, finds its file as a bundler would. Some packages' ES module
// builds import that way (dt-sql-parser's `./parser`), which plain Node refuses and tsx allowed.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const TYPESCRIPT = /\.(c|m)?ts$/;
const UNRESOLVED = new Set(['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT']);

/** Where else a relative specifier that Node could not resolve may point, in the order tried. */
function alternativesOf(specifier) {
  if (specifier.endsWith('.js')) return [`${specifier.slice(0, -3)}.ts`];
  if (/\.[cm]?[jt]s$|\.json$/.test(specifier)) return [];
  const base = specifier.replace(/\/$/, '');
  return [`${base}.ts`, `${base}.js`, `${base}/index.ts`, `${base}/index.js`];
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:');
    if (!UNRESOLVED.has(error?.code) || !relative) throw error;
    for (const alternative of alternativesOf(specifier)) {
      try {
        return await nextResolve(alternative, context);
      } catch (next) {
        if (!UNRESOLVED.has(next?.code)) throw next;
      }
    }
    throw error;
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !TYPESCRIPT.test(new URL(url).pathname)) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const { code } = await transform(await readFile(file, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: `node${process.versions.node}`,
    // Mappings only: a stack still names the .ts file and line (scripts/server-loader.test.ts), and the
    // map no longer holds a second copy of every file's text. Measured on an idle server after a full
    // collection: heap used 52.2-52.5 MB with the copies, 45.3 MB without; RSS 163-166 MB, 148-150 MB.
    sourcemap: 'inline',
    sourcesContent: false,
    sourcefile: file,
  });
  return { format: 'module', source: code, shortCircuit: true };
}
