// electron-builder configuration (`npm run dist` / `npm run pack`). Version comes from package.json.
// Only the built output goes in: dist/electron (main, job worker and preload bundles), dist/renderer (Vite build)
// and package.json; electron-builder adds the production dependencies (never devDependencies).
const RENDERER_OR_CLI_ONLY = [
  'react',
  'react-dom',
  'scheduler',
  'ag-grid-community',
  'ag-grid-react',
  'ag-charts-types',
  'ag-stack',
  'tsx',
  'esbuild',
  '@esbuild',
  'get-tsconfig',
  'resolve-pkg-maps',
  // Type declarations (a dependency of exceljs's fast-csv) are useless at run time.
  '@types',
];

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.gov.budget-desk',
  productName: '部门预算公开编制台',
  executableName: 'budget-desk',
  copyright: 'Copyright © 2026 部门预算公开编制台 contributors (MIT)',
  directories: { output: 'release', buildResources: 'build' },
  files: [
    'dist/electron/**/*',
    'dist/renderer/**/*',
    'package.json',
    '!**/*.map',
    '!**/*.{ts,tsx,mts,cts}',
    // Bundled into dist/renderer by Vite, or used only by the command-line tool (tsx, esbuild with
    // its native binary): not needed by the app at run time.
    ...RENDERER_OR_CLI_ONLY.map((name) => `!node_modules/${name}{,/**/*}`),
  ],
  // deb packages require a homepage and an author; package.json stays as it is.
  extraMetadata: {
    main: 'dist/electron/main.cjs',
    homepage: 'https://budget-desk.example.invalid/',
    author: { name: '部门预算公开编制台', email: 'budget-desk@example.invalid' },
    // Electron's Linux app_id / WM_CLASS, so the desktop entry and the running window match.
    desktopName: 'budget-desk.desktop',
  },
  asar: true,
  // Electron fuses, flipped in the packaged executable: no running it as plain Node
  // (ELECTRON_RUN_AS_NODE), no NODE_OPTIONS, no --inspect; cookies encrypted; the app only from
  // app.asar, checked against its embedded hash. GrantFileProtocolExtraPrivileges is left as
  // Electron ships it: printing loads the packet from a file:// page.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  // No native modules: nothing to rebuild for other architectures.
  npmRebuild: false,
  buildDependenciesFromSource: false,
  fileAssociations: [
    {
      ext: 'budget',
      name: 'BudgetDeskDocument',
      description: '部门预算文档',
      mimeType: 'application/x-budget-desk',
      role: 'Editor',
    },
  ],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder expands these macros itself
  artifactName: 'budget-desk-${version}-${os}-${arch}.${ext}',
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '部门预算公开编制台',
    installerIcon: 'build/icon.ico',
    uninstallerIcon: 'build/icon.ico',
  },
  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    icon: 'build/icons',
    category: 'Office',
    maintainer: 'Budget Desk <budget-desk@example.invalid>',
    synopsis: '部门预算公开编制台',
    description: '编制、检查、导出和打印部门预算公开表格及说明',
    syncDesktopName: true,
    desktop: { entry: { Name: '部门预算公开编制台', Comment: '部门预算公开编制' } },
  },
  deb: { packageName: 'budget-desk' },
};
