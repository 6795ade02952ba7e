import type { Plugin } from 'vite';

/**
 * One import inside antd that the build answers with other code: `from` in a module matching
 * `importer`. `stub` replaces a part Weir never uses; `narrow` takes the same names from the one
 * module of a package that defines them, instead of from the package's index.
 */
type ImportRule = { importer: RegExp; from: string } & ({ stub: string } | { narrow: string });

const stubFailing = (why: string, exports: string) => `
const why = ${JSON.stringify(why)};
${exports}
`;

/** An API object (App's modal or notification) any of whose methods, once asked for, fails with `why`. */
const FAILING_API = 'const failingApi = new Proxy({}, { get(_target, key) { if (typeof key === "symbol") return undefined; throw new Error(why); } });';

const IMPORT_RULES: ImportRule[] = [
  {
    // Weir's tables never filter by column (each page filters in its toolbar), yet antd's Table
    // imports its column filter menu, and the Tree that menu draws, into every page with a table:
    // 13 kB gzip of the overview's first load.
    importer: /node_modules\/antd\/es\/table\/hooks\/useFilter\/index\.js$/,
    from: './FilterDropdown',
    stub: stubFailing(
      "Weir's build leaves out antd's Table column filters (web/build/leave-out-unused-antd.ts); remove that stub to give a column 'filters' or 'filterDropdown'.",
      'export function flattenKeys() { throw new Error(why); }\nexport default function FilterDropdown() { throw new Error(why); }',
    ),
  },
  {
    // antd's Card draws Tabs in its head when given a tabList, which no Weir card is; yet the overview's
    // cards brought Tabs (and rc-tabs) into its first load.
    importer: /node_modules\/antd\/es\/card\/Card\.js$/,
    from: '../tabs',
    stub: stubFailing(
      "Weir's build leaves out the tabs of antd's Card (web/build/leave-out-unused-antd.ts); remove that stub to give a Card a 'tabList', or use Tabs in the card.",
      'export default function CardTabs() { throw new Error(why); }',
    ),
  },
  {
    // Typography draws its in-place editor (a TextArea) only for an 'editable' text, which no Weir
    // text is; yet every page with Typography (the overview's shell among them) brought TextArea and
    // rc-textarea into its first load.
    importer: /node_modules\/antd\/es\/typography\/Base\/index\.js$/,
    from: '../Editable',
    stub: stubFailing(
      "Weir's build leaves out the editor of antd's Typography (web/build/leave-out-unused-antd.ts); remove that stub to make a text 'editable'.",
      'export default function TypographyEditable() { throw new Error(why); }',
    ),
  },
  {
    // antd's App gives the pages message, modal and notification, and builds all three on every page
    // (modal brings rc-dialog and Watermark, notification its own stack: 11 kB gzip of the overview's first load),
    // yet Weir's pages only take message from it. The run page's one confirmation builds its own
    // modal (Modal.useModal) in the lazily loaded run-detail chunk.
    importer: /node_modules\/antd\/es\/app\/App\.js$/,
    from: '../modal/useModal',
    stub: stubFailing(
      "Weir's build leaves out the modal of antd's App (web/build/leave-out-unused-antd.ts); take one from Modal.useModal() where it is needed, or remove that stub.",
      `export default function useAppModal() { return [failingApi, null]; }\n${FAILING_API}`,
    ),
  },
  {
    // See above: no Weir page takes notification from antd's App.
    importer: /node_modules\/antd\/es\/app\/App\.js$/,
    from: '../notification/useNotification',
    stub: stubFailing(
      "Weir's build leaves out the notification of antd's App (web/build/leave-out-unused-antd.ts); use message, take one from notification.useNotification() where it is needed, or remove that stub.",
      `export default function useAppNotification() { return [failingApi, null]; }\n${FAILING_API}`,
    ),
  },
  {
    // Every antd input (Input, Select, Radio) reads the form's context, and that module takes
    // FormProvider from rc-field-form's index, which builds the whole form library (its fields,
    // lists, store and validator: 10 kB gzip) into the overview's first load, which has no form.
    // FormContext is where rc-field-form defines FormProvider: the same component, nothing else.
    importer: /node_modules\/antd\/es\/form\/context\.js$/,
    from: 'rc-field-form',
    narrow: "export { FormProvider } from 'rc-field-form/es/FormContext';",
  },
  {
    // Radio.Group takes one name helper from antd's useForm module, which takes rc-field-form's
    // useForm from its index (see above); useForm's own module gives the same hook.
    importer: /node_modules\/antd\/es\/form\/hooks\/useForm\.js$/,
    from: 'rc-field-form',
    narrow: "export { default as useForm } from 'rc-field-form/es/useForm';",
  },
];

/**
 * Modules whose top-level code only labels what they define, so that the bundler may drop them
 * wherever nothing uses their exports. Without the mark it must keep them, and what they import,
 * in every chunk that imports them.
 */
const SIDE_EFFECT_FREE: RegExp[] = [
  // antd's Table takes two list helpers for its row selection from rc-tree's util module, which imports
  // rc-tree's TreeNode; TreeNode ends by flagging itself (isTreeNode = 1), so the tree node, its Indent
  // and the tree's contexts came with every table, the overview's among them, which draw no tree.
  /node_modules\/rc-tree\/es\/TreeNode\.js$/,
];

const STUB_PREFIX = '\0weir-antd-stub:';

/**
 * Parts of antd that Weir never uses but that antd imports with the components Weir does use, so
 * they would ship in every page (the overview's first load among them). The build swaps each for a
 * stub that fails loudly, naming this file, if ever called, or, where antd imports a whole package
 * for one of its parts, for an import of that part alone; and it lets the bundler drop the modules
 * of SIDE_EFFECT_FREE where nothing uses them.
 */
export function leaveOutUnusedAntd(): Plugin {
  return {
    name: 'weir-leave-out-unused-antd',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return null;
      const index = IMPORT_RULES.findIndex((r) => r.from === source && r.importer.test(importer.replace(/\\/g, '/')));
      return index < 0 ? null : `${STUB_PREFIX}${index}`;
    },
    load(id) {
      if (!id.startsWith(STUB_PREFIX)) return null;
      const rule = IMPORT_RULES[Number(id.slice(STUB_PREFIX.length))];
      if (!rule) return null;
      return 'stub' in rule ? { code: rule.stub, moduleSideEffects: false } : { code: rule.narrow };
    },
    transform(code, id) {
      const file = id.replace(/\\/g, '/');
      return SIDE_EFFECT_FREE.some((module) => module.test(file)) ? { code, map: null, moduleSideEffects: false } : null;
    },
  };
}
