/**
 * Modules that run in Node only are marked by name: the CLI (`lib/cli/`), build-time modules (`build-*.ts`:
 * the pack build, the lexicons it compiles with the dictionary) and Vite plugins (`*-plugin.ts`). They may use
 * Node's built-ins, and nothing the extension ships may import them.
 */
const NODE_ONLY = '^lib/(cli/|[a-z/-]*build-[a-z-]+\\.ts$|[a-z/-]*-plugin\\.ts$)';
('^(lib/cli/|lib/lint/build-lexicon\\.ts$|lib/packs/build-pack\\.ts$|lib/packs/default-pack-plugin\\.ts$)');

/**
 * The design's lines (../shared/DESIGN.md "Layout"), as dependency-cruiser rules. The convention test
 * (test/conventions/conventions.test.ts) cruises the real tree and a planted-violation tree with these.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No import cycles, type-only imports included: a cycle means two modules are one in disguise.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-no-react',
      comment: 'lib/ is plain TypeScript: React lives in components/.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '(^|/)node_modules/(react|react-dom|@tanstack/react-[^/]+)/' },
    },
    {
      name: 'lib-no-ui-or-wiring',
      comment: 'lib/ never reaches up into components/ or entrypoints/.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'components-no-db',
      comment: 'Components get data through components/queries.ts; Dexie and lib/db belong to the background.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '(^lib/db/|(^|/)node_modules/dexie/)' },
    },
    {
      name: 'components-no-browser-wiring',
      comment: 'Components never import entrypoints (wiring imports components, not the other way).',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'services-no-protocol',
      comment: 'Services are built from what they are given; only the messaging layer knows the protocol.',
      severity: 'error',
      from: { path: '^lib/(db|lint|search|packs|templates|editor)/' },
      to: { path: '^lib/messaging/protocol\\.ts$' },
    },
    {
      name: 'extension-no-node-builtins',
      comment: 'The extension runs in a browser: Node built-ins only in the Node-only modules.',
      severity: 'error',
      from: { path: '^(lib|components|entrypoints)/', pathNot: NODE_ONLY },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'extension-no-node-only-modules',
      comment: 'Nothing the extension ships imports the CLI or the build-time modules.',
      severity: 'error',
      from: { path: '^(lib|components|entrypoints)/', pathNot: NODE_ONLY },
      to: { path: NODE_ONLY },
    },
  ],

  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'test/conventions/tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(\\.output|\\.wxt)/' },
  },
};
