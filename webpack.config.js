/* Builds the pure core for the browser. Node built-ins are deliberately not polyfilled: if anything in
   src/core ever imports fs, path or similar, this build fails, which keeps the core host-neutral. */
const path = require('path');

module.exports = (env, argv) => ({
  mode: argv.mode || 'production',
  target: 'web',
  entry: { 'budget-core': './src/web/core-entry.ts' },
  output: {
    path: path.resolve(__dirname, 'dist', 'web'),
    filename: '[name].js',
    library: { name: 'BudgetCore', type: 'umd' },
    globalObject: 'this',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js'], fallback: { fs: false, path: false, crypto: false } },
  module: {
    rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.build.json', transpileOnly: true } } }],
  },
  performance: { hints: false },
  devtool: false,
});
