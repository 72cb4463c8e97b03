// Lets a plain `node` child process of a test run this repository's TypeScript: each .ts file is
// transpiled on require (no type check — `npm run typecheck` does that) and the @rl/* aliases resolve
// through tsconfig.json. Used as `node --require test/reliability/support/register-ts.js <file.ts>`.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');
const { register } = require('tsconfig-paths');

const root = join(__dirname, '..', '..', '..');
const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
const compilerOptions = {
  ...options,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: undefined,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: true,
  incremental: false,
  tsBuildInfoFile: undefined,
  declaration: false,
};

register({ baseUrl: root, paths: config.compilerOptions.paths });

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    compilerOptions,
    fileName: filename,
  });
  module._compile(outputText, filename);
};
