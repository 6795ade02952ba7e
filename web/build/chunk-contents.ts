import type { Plugin } from 'vite';

/** Where the build's record of what went into each chunk is written, beside Vite's own manifest. */
export const CHUNK_CONTENTS_FILE = '.vite/chunk-contents.json';

/** What one chunk holds: the npm packages and the web app's folders (features/lineage, app, …) its modules come from, and those modules. */
export interface ChunkContents {
  packages: string[];
  folders: string[];
  /** The web app's own modules in it, as `src/features/overview/overview-page.tsx`. */
  modules: string[];
  /** The packages' modules in it, as `rc-tree/es/TreeNode.js`: to tell that one part of a package the chunk needs stayed out. */
  packageModules: string[];
}

/**
 * `…/node_modules/@xyflow/react/dist/…` → `@xyflow/react`; antd by component, `…/antd/es/date-picker/…` →
 * `antd/date-picker` (to tell which of its components a route ships); `…/web/src/features/lineage/x.ts` →
 * `features/lineage`. A package's module is also named by its path in node_modules (`rc-tree/es/TreeNode.js`).
 */
export function originOf(moduleId: string): { package: string; module: string } | { folder: string; module: string } | undefined {
  const id = moduleId.replace(/\\/g, '/').replace(/^\0/, '').split('?')[0]!;
  // A component's texts (antd/es/date-picker/locale/…) come with antd's locale, not with the component.
  const antdComponent = /.*\/node_modules\/antd\/(?:es|lib)\/([^/]+)\/(?!locale\/)/.exec(id);
  const inPackages = /.*\/node_modules\/(.*)$/.exec(id)?.[1];
  if (antdComponent) return { package: `antd/${antdComponent[1]!}`, module: inPackages! };
  const inPackage = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
  if (inPackage) return { package: inPackage[1]!, module: inPackages! };
  const inApp = /\/web\/(src\/((?:features\/[^/]+)|[^/]+)(?:\/.*)?)$/.exec(id);
  // Every feature's texts are bundled with the shell (i18n/resources.ts), not with the feature's code.
  if (inApp) return { folder: /\/locales\/[^/]+\.json$/.test(inApp[1]!) ? 'i18n' : inApp[2]!, module: inApp[1]! };
  return undefined;
}

/**
 * Writes which packages and folders each chunk holds. Vite's manifest names chunks and their
 * imports but not their modules; the bundle budget test needs both to tell that a heavy library
 * (ECharts, the graph libraries, Monaco) stayed out of a route's first load.
 */
export function recordChunkContents(): Plugin {
  return {
    name: 'weir-chunk-contents',
    apply: 'build',
    generateBundle(_options, bundle) {
      const contents: Record<string, ChunkContents> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const packages = new Set<string>();
        const folders = new Set<string>();
        const modules: string[] = [];
        const packageModules: string[] = [];
        for (const [id, rendered] of Object.entries(output.modules)) {
          const origin = originOf(id);
          if (origin && 'package' in origin) {
            packages.add(origin.package);
            // Only modules the bundler kept some code of: one whose code it dropped whole may be listed, with no length.
            if (rendered.renderedLength > 0) packageModules.push(origin.module);
          } else if (origin) {
            folders.add(origin.folder);
            modules.push(origin.module);
          }
        }
        contents[output.fileName] = { packages: [...packages].sort(), folders: [...folders].sort(), modules: modules.sort(), packageModules: packageModules.sort() };
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_CONTENTS_FILE, source: `${JSON.stringify(contents, null, 1)}\n` });
    },
  };
}
