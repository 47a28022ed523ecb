/**
 * Browser bundles: the task pane (what Excel loads; small, later views split off), the sign-in page the
 * pane opens in an Office dialog when MSAL's nested app authentication cannot sign in, and the workbench
 * (the pane beside the Excel test host, for `npm start` and the browser tests). Node-only code (CLI,
 * server) is never imported from these entries.
 *
 * With TJANSTEPLAN_ADDIN_URL=https://host/path, dist/web is the add-in for that host: its manifest.xml
 * names that base for every URL (webpack.manifest.js), an index.html stands at the base for the manifest's
 * support URL, and neither the workbench nor the sample workbooks are built.
 */
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { addinBase, productionManifest } = require('./webpack.manifest');

// Fluent UI injects its styles at run time, hence 'unsafe-inline' for styles only; scripts stay strict.
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  // File bytes (download URLs, the 302 of /content, upload sessions) come from the tenant's SharePoint host.
  "connect-src 'self' https://graph.microsoft.com https://*.sharepoint.com https://login.microsoftonline.com",
  "frame-src 'self' https://login.microsoftonline.com",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

function samples() {
  const list = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort() : []);
  return { plans: list('test/fixtures/plans'), broken: list('test/fixtures/broken') };
}

module.exports = (env, argv) => {
  const production = argv.mode !== 'development';
  const base = addinBase();
  const workbench = env.only !== 'taskpane' && !base;
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      signin: './src/signin/index.ts',
      ...(workbench ? { workbench: './src/workbench/index.tsx' } : {}),
    },
    output: {
      // `--env out=DIR` builds elsewhere (the manifest test builds the production add-in into a temporary folder).
      path: env.out ? path.resolve(env.out) : path.resolve(__dirname, 'dist/web'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // exceljs's browser build (the workbench's test host only; the task pane never loads it).
      alias: { exceljs$: path.resolve(__dirname, 'node_modules/exceljs/dist/exceljs.min.js') },
    },
    module: {
      rules: [{ test: /\.tsx?$/, loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', transpileOnly: true } }],
    },
    performance: { hints: false },
    optimization: { splitChunks: { chunks: 'async' } },
    plugins: [
      // The workbench's sample menu: the fixture workbooks copied to samples/ below.
      new webpack.DefinePlugin({ __SAMPLES__: JSON.stringify(base ? { plans: [], broken: [] } : samples()) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        // The template places the tags itself: office.js must come before the bundle (see taskpane.html).
        inject: false,
        title: 'Tjänsteplan',
        template: './src/taskpane/taskpane.html',
        meta: { 'Content-Security-Policy': { 'http-equiv': 'Content-Security-Policy', content: CSP } },
      }),
      new HtmlWebpackPlugin({
        filename: 'signin.html',
        chunks: ['signin'],
        title: 'Tjänsteplan – inloggning',
        template: './src/signin/signin.html',
        meta: { 'Content-Security-Policy': { 'http-equiv': 'Content-Security-Policy', content: CSP } },
      }),
      base && new HtmlWebpackPlugin({
        filename: 'index.html',
        chunks: [],
        title: 'Tjänsteplan',
        template: './src/taskpane/index.html',
        meta: { 'Content-Security-Policy': { 'http-equiv': 'Content-Security-Policy', content: CSP } },
      }),
      workbench && new HtmlWebpackPlugin({
        filename: 'workbench.html',
        chunks: ['workbench'],
        title: 'Tjänsteplan – arbetsbänk',
        template: './src/workbench/workbench.html',
        meta: { 'Content-Security-Policy': { 'http-equiv': 'Content-Security-Policy', content: CSP } },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml', ...(base ? { transform: (content) => productionManifest(content.toString('utf8'), base) } : {}) },
          ...(!base
            ? [
                { from: 'test/fixtures/plans', to: 'samples' },
                { from: 'test/fixtures/broken/*.xlsx', to: 'samples/broken/[name][ext]', noErrorOnMissing: true },
              ]
            : []),
        ],
      }),
    ].filter(Boolean),
  };
};
