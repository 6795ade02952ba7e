// The web app's bundle budget, checked on the built app (dist/.vite/manifest.json and the chunk
// contents the build records): the overview's first load stays small, and heavy libraries stay in
// the chunks of the pages and tabs that use them. `npm test` builds the app before the unit phase;
// run alone, this file builds it when it is missing or stale.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHUNK_CONTENTS_FILE, type ChunkContents } from './chunk-contents';
import { chunkSizes, firstLoadChunks, readManifest, routeChunkKey, type Manifest } from './first-load';

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// WEIR_WEB_DIST checks another build of the app (one built with --outDir) as it is.
const DIST_DIR = process.env.WEIR_WEB_DIST ?? path.join(WEB_DIR, 'dist');

/**
 * What the overview may load before it renders: JavaScript, gzip. It loads 333.3 kB today (antd's
 * components for the shell and the overview, its Table and Select among them, React and the router
 * 66 kB, react-query and i18next, the English texts of the shell and the overview), so the first
 * load can only shrink from here. Parts of antd that would ship with it unused are left out or
 * imported alone by the build (build/leave-out-unused-antd.ts) and by the shell and the overview.
 */
export const OVERVIEW_FIRST_LOAD_BUDGET_BYTES = 340 * 1024;

const ROUTES = {
  overview: 'src/features/overview/overview-page.tsx',
  runDetail: 'src/features/run-detail/run-detail-page.tsx',
} as const;

/** Libraries that only some pages or tabs need; none of them may be in a route's first load. */
const HEAVY_PACKAGES = ['echarts', 'zrender', 'echarts-for-react', '@xyflow/react', '@xyflow/system', '@dagrejs/dagre', '@dagrejs/graphlib', 'monaco-editor', '@monaco-editor/react'];
/** The lineage graph (its layout and drawing) lives in these folders of the app. */
const HEAVY_FOLDERS = ['features/lineage', 'features/global-lineage'];
/** antd components neither of these routes draws: shipping one would mean antd is imported whole. */
const UNUSED_ANTD = ['antd/date-picker', 'antd/calendar', 'antd/transfer', 'antd/upload', 'antd/cascader', 'antd/tree-select', 'antd/tour', 'antd/qr-code', 'antd/tree'];

/**
 * What the overview's first load once carried without drawing it: the form library's validator,
 * antd's TextArea (rc-textarea) and Popover, and the modal (rc-dialog, with antd's Watermark) and
 * notification that antd's App builds beside its message, and rc-tree's tree node, which came with the
 * row selection of every Table. A package, or one module of a package. The build and the imports of
 * the shell and the overview keep them out (build/leave-out-unused-antd.ts).
 */
const LEFT_OUT_OF_OVERVIEW = ['@rc-component/async-validator', 'rc-textarea', 'antd/popover', 'rc-dialog', 'antd/watermark', 'antd/notification', 'rc-tree/es/TreeNode.js'];

/** Features whose English texts load with their pages (src/i18n/resources.pages.ts), not with the overview. */
const PAGE_TEXTS = ['tasks', 'sql-authoring', 'run-detail', 'alerts', 'savepoints'];

let manifest: Manifest;
let contents: Record<string, ChunkContents>;

before(async () => {
  // The path is built at run time so the type checker does not look for types of the plain-JavaScript bootstrap.
  const bootstrap = pathToFileURL(path.join(WEB_DIR, '..', 'scripts', 'bootstrap.mjs')).href;
  const { ensureWebBuild } = (await import(bootstrap)) as { ensureWebBuild(): void };
  if (!process.env.WEIR_WEB_DIST) ensureWebBuild();
  manifest = readManifest(DIST_DIR);
  contents = JSON.parse(fs.readFileSync(path.join(DIST_DIR, CHUNK_CONTENTS_FILE), 'utf8')) as Record<string, ChunkContents>;
});

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

describe('bundle budget', () => {
  it(`the overview's first load is at most ${kB(OVERVIEW_FIRST_LOAD_BUDGET_BYTES)} of gzip JavaScript`, (t) => {
    const sizes = chunkSizes(DIST_DIR, manifest, firstLoadChunks(manifest, routeChunkKey(manifest, contents, ROUTES.overview))).sort((a, b) => b.gzip - a.gzip);
    const total = sizes.reduce((sum, chunk) => sum + chunk.gzip, 0);
    t.diagnostic(`the overview's first load: ${kB(total)} gzip in ${sizes.length} chunks`);
    assert.ok(
      total <= OVERVIEW_FIRST_LOAD_BUDGET_BYTES,
      `the overview's first load is ${kB(total)} gzip, over its budget of ${kB(OVERVIEW_FIRST_LOAD_BUDGET_BYTES)}; its chunks: ` +
        sizes.map((chunk) => `${chunk.file} ${kB(chunk.gzip)}`).join(', '),
    );
  });

  for (const [route, module] of Object.entries(ROUTES)) {
    it(`the ${route} route's first load holds no heavy library, lineage graph or unused antd component`, () => {
      const found = firstLoadChunks(manifest, routeChunkKey(manifest, contents, module)).flatMap((key) => {
        const file = manifest[key]!.file;
        const chunk = contents[file];
        assert.ok(chunk, `the build recorded no contents for ${file}`);
        return [...chunk.packages.filter((p) => HEAVY_PACKAGES.includes(p) || UNUSED_ANTD.includes(p)), ...chunk.folders.filter((f) => HEAVY_FOLDERS.includes(f))].map(
          (what) => `${what} in ${file}`,
        );
      });
      assert.deepEqual(found, [], `the ${route} route loads at once what it does not draw first: ${found.join('; ')}`);
    });
  }

  it("the overview's first load leaves out the parts of antd and the form library it does not draw", () => {
    const chunks = firstLoadChunks(manifest, routeChunkKey(manifest, contents, ROUTES.overview)).map((key) => contents[manifest[key]!.file]!);
    const packages = chunks.flatMap((chunk) => chunk.packages);
    const packageModules = chunks.flatMap((chunk) => chunk.packageModules);
    // The overview draws antd's Input and Table: were they missing, the check below would prove nothing.
    assert.ok(packages.includes('rc-input') && packages.includes('rc-table'), `the overview's first load has no antd Input or Table: ${packages.join(', ')}`);
    // The Table's row selection still takes its checking rules from rc-tree: a sign the modules of packages are recorded.
    assert.ok(packageModules.includes('rc-tree/es/utils/conductUtil.js'), "the overview's first load records no module of rc-tree's that its Table uses");
    assert.deepEqual([...packages, ...packageModules].filter((p) => LEFT_OUT_OF_OVERVIEW.includes(p)), []);
  });

  it("the overview's first load carries the English texts of the shell and the overview, not those of the other pages", () => {
    const modules = firstLoadChunks(manifest, routeChunkKey(manifest, contents, ROUTES.overview)).flatMap((key) => contents[manifest[key]!.file]!.modules);
    const texts = modules.filter((module) => /\/locales\/en-US\.json$/.test(module));
    // The shell's own texts must be there, or the filter below proves nothing.
    assert.ok(texts.includes('src/features/overview/locales/en-US.json'), `the overview's texts are not in its first load: ${texts.join(', ')}`);
    const pages = texts.filter((module) => PAGE_TEXTS.some((feature) => module.startsWith(`src/features/${feature}/`)));
    assert.deepEqual(pages, [], 'texts the overview does not draw are in its first load (src/i18n/resources.pages.ts loads them with their pages)');
  });

  it('the heavy libraries the app uses are in chunks of their own pages and tabs, never in the entry', () => {
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry)!;
    const inEntry = contents[entry.file]!.packages.filter((p) => HEAVY_PACKAGES.includes(p));
    assert.deepEqual(inEntry, []);
    // ECharts is used by the metrics tab: it must still be somewhere, or the check above proves nothing.
    assert.ok(Object.values(contents).some((chunk) => chunk.packages.includes('echarts')), 'no chunk holds ECharts: did the build change?');
  });
});

describe('firstLoadChunks', () => {
  const fixture: Manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/page.tsx', 'src/other.tsx'] },
    '_vendor.js': { file: 'assets/vendor.js' },
    '_table.js': { file: 'assets/table.js', imports: ['_vendor.js'] },
    'src/page.tsx': { file: 'assets/page.js', isDynamicEntry: true, imports: ['_table.js', '_vendor.js'], dynamicImports: ['src/chart.tsx'] },
    'src/chart.tsx': { file: 'assets/chart.js', isDynamicEntry: true },
    'src/other.tsx': { file: 'assets/other.js', isDynamicEntry: true },
  };

  it("follows the static imports of the entry and of the route's chunk, not dynamic ones", () => {
    assert.deepEqual(firstLoadChunks(fixture, 'src/page.tsx'), ['index.html', '_vendor.js', 'src/page.tsx', '_table.js']);
  });

  it('finds a page by the chunk that holds it when the manifest keys that chunk by its file name', () => {
    const shared: Manifest = { ...fixture, '_page-x1.js': { file: 'assets/page-x1.js', isDynamicEntry: true } };
    const contents = { 'assets/page-x1.js': { modules: ['src/detail.tsx', 'src/detail.queries.ts'] } };
    assert.equal(routeChunkKey(shared, contents, 'src/detail.tsx'), '_page-x1.js');
    assert.throws(() => routeChunkKey(shared, contents, 'src/renamed.tsx'), /no chunk holding src\/renamed\.tsx/);
  });
});
