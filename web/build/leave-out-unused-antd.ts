import type { Plugin } from 'vite';

/** antd's Table always imports its column filter menu, which draws a Tree (rc-tree) for nested filters. */
const TABLE_FILTER_DROPDOWN = /node_modules\/antd\/es\/table\/hooks\/useFilter\/FilterDropdown\.js$/;
const NO_TABLE_FILTERS_ID = '\0weir-no-table-column-filters';

const NO_TABLE_FILTERS_SOURCE = `
const why = "Weir's build leaves out antd's Table column filters (web/build/leave-out-unused-antd.ts); remove that stub to give a column 'filters' or 'filterDropdown'.";
export function flattenKeys() { throw new Error(why); }
export default function FilterDropdown() { throw new Error(why); }
`;

/**
 * Weir's tables never filter by column (each page filters in its toolbar), yet antd's Table imports
 * its column filter menu, and the Tree that menu draws, into every page with a table: 13 kB gzip of
 * the overview's first load. The build swaps that menu for a stub which fails loudly, naming this
 * file, if a column ever asks for a filter.
 */
export function leaveOutUnusedAntd(): Plugin {
  return {
    name: 'weir-leave-out-unused-antd',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith('FilterDropdown')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && TABLE_FILTER_DROPDOWN.test(resolved.id) ? NO_TABLE_FILTERS_ID : resolved;
    },
    load(id) {
      return id === NO_TABLE_FILTERS_ID ? { code: NO_TABLE_FILTERS_SOURCE, moduleSideEffects: false } : null;
    },
  };
}
