import { resolve } from 'node:path';
import { describeEscape, scanFile, scanRepository } from './testing/path-escapes';

const ROOT = resolve(__dirname, '../..');
const REPO = '/repo';
const escapes = (file: string, text: string) => scanFile(REPO, file, text).map(({ path }) => path);

// What a clone alone must pass: every file a test or the product reads lives in the repository.
describe('paths that leave the repository', () => {
  it('are nowhere in the sources, tests and configuration', () => {
    expect(scanRepository(ROOT).map(describeEscape)).toEqual([]);
  });

  it('names the file and line of a read relative to the working directory', () => {
    const text = [
      "import { readFileSync } from 'node:fs';",
      "const rows = readFileSync('../shared/data/x.csv', 'utf8');",
    ].join('\n');
    expect(scanFile(REPO, 'test/e2e/imports.e2e-spec.ts', text)).toEqual([
      { file: 'test/e2e/imports.e2e-spec.ts', line: 2, path: '../shared/data/x.csv' },
    ]);
  });

  it("finds a machine's absolute paths, even inside the repository", () => {
    const text =
      "const a = '/work/shared/data/x.csv';\nconst b = '/home/someone/x.csv';\nconst c = '/tmp/x';";
    expect(scanFile(REPO, 'libs/x/src/a.ts', text).map(({ line }) => line)).toEqual([1, 2]);
  });

  it('resolves __dirname where the file runs: tests from their folder, compiled code from dist/', () => {
    const test = 'test/e2e/a.e2e-spec.ts';
    expect(escapes(test, "const DATA = path.resolve(__dirname, '../../../shared/data');")).toHaveLength(1);
    expect(escapes(test, "const DATA = path.resolve(__dirname, '../fixtures/open-sdg');")).toEqual([]);
    expect(escapes(test, "const DATA = path.resolve(process.cwd(), '../shared/data');")).toHaveLength(1);
    expect(escapes(test, "join(__dirname, '..', '..', '..', 'shared')")).toHaveLength(1);
    expect(escapes(test, 'register({ baseUrl: `${__dirname}/../../..` })')).toHaveLength(1);
    expect(escapes('infra/bench/a.bench.ts', "resolve(__dirname, '../../../bench-results')")).toEqual([]);
  });

  it('resolves imports from the importing file', () => {
    const test = 'test/e2e/a.e2e-spec.ts';
    expect(escapes(test, "import { x } from '../support/api-harness';")).toEqual([]);
    expect(escapes(test, "import { x } from '../../../shared/x';")).toEqual(['../../../shared/x']);
    expect(escapes(test, "jest.mock('../../../shared/x');")).toEqual(['../../../shared/x']);
  });

  it('reads package.json scripts, the jest configuration and shell scripts', () => {
    const scripts = '{\n  "scripts": {\n    "seed": "node ../shared/seed.js"\n  }\n}';
    expect(scanFile(REPO, 'package.json', scripts)).toEqual([
      { file: 'package.json', line: 3, path: '../shared/seed.js' },
    ]);
    const jestConfig = "module.exports = { roots: ['<rootDir>/../shared'] };";
    expect(escapes('jest.config.js', jestConfig)).toEqual(['<rootDir>/../shared']);
    expect(scanFile(REPO, 'infra/scripts/a.sh', 'cd "$(dirname "$0")/../.."\ncat ../shared/x')).toEqual([
      { file: 'infra/scripts/a.sh', line: 2, path: '../shared/x' },
    ]);
    expect(escapes('infra/scripts/a.sh', 'cd "$(dirname "$0")/../../.."')).toEqual(['./../../..']);
  });
});
