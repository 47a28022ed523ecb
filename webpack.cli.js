/**
 * The `tjansteplan` command as one bundle and a chunk per command (bin/tjansteplan.js loads it).
 *
 * Why a bundle (issue 19): a command that only reads a plan loaded some sixty modules one by one (resolving
 * each path, reading each file, a wrapper per module), ~35–40 ms of its run. From the bundle a 5 000-row
 * validate takes ~15 ms less, with ~2 MB less memory at its peak. Each command stays in a chunk of its own
 * (`import()` in main.ts), so `--help` loads none of them and `validate` none of the writers'.
 *
 * Only the small libraries on the read path (commander, saxes and its xmlchars) are bundled; every other
 * package — exceljs, the Graph client, zod — is required from node_modules as it is, when a command loads it.
 *
 * The bundle sits three folders deep (dist/bundle/cli), as tsc's dist/src/cli does, so the paths the code
 * finds beside itself (package.json, dist/web, test/fixtures) are the same in both.
 */
const path = require('node:path');

const BUNDLED = /^(commander|saxes|xmlchars)(\/|$)/;

module.exports = {
  mode: 'production',
  target: 'node20',
  devtool: false,
  entry: { main: './src/cli/main.ts' },
  output: {
    path: path.resolve(__dirname, 'dist/bundle/cli'),
    filename: '[name].js',
    chunkFilename: '[name].js',
    library: { type: 'commonjs2' },
    clean: true,
  },
  // The real __dirname of the bundle's file, not a mock.
  node: { __dirname: false, __filename: false },
  resolve: { extensions: ['.ts', '.js'] },
  externalsPresets: { node: true },
  externals: [({ request }, callback) => (/^[./]/.test(request) || BUNDLED.test(request) ? callback() : callback(null, `commonjs ${request}`))],
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'ts-loader',
        // import() is kept as it is written, so that webpack makes each command a chunk.
        options: { configFile: 'tsconfig.build.json', transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: false } },
      },
    ],
  },
  // Not minified: it loads no faster minified (measured), and an error report keeps the code's own names.
  optimization: { minimize: false, splitChunks: false, chunkIds: 'named' },
  performance: { hints: false },
  stats: 'errors-warnings',
};
