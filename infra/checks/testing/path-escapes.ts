import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

// A path written in the repository that resolves outside it: a clone alone would not find the file.
export interface PathEscape {
  file: string;
  line: number;
  path: string;
}

export const describeEscape = ({ file, line, path }: PathEscape) =>
  `${file}:${line}: ${path} resolves outside the repository`;

// Absolute paths of one machine (the workspace, home directories) are never portable.
const MACHINE_PATH = /^(\/work\/|\/home\/|\/Users\/|\/root\/|~\/|[A-Za-z]:\\)/;
const SCANNED_DIRS = ['apps', 'libs', 'infra', 'test'];
const SCANNED_EXTENSIONS = ['.ts', '.js', '.mjs', '.cjs', '.json', '.sh'];
const ROOT_FILES = [
  'package.json',
  'jest.config.js',
  'tsconfig.json',
  'tsconfig.build.json',
  'tsconfig.jest.json',
  'nest-cli.json',
  'eslint.config.mjs',
  '.dependency-cruiser.js',
  '.ci/run',
];
// Where `<rootDir>` names the repository root.
const JEST_CONFIG = /(^|\/)jest\.config\.[cm]?js$/;
// What tsconfig.build.json leaves out of dist/: these run from their source folder, the rest from dist/.
const TEST_CODE = [/^test\//, /\.(spec|int-spec|e2e-spec)\.ts$/, /\/testing\//];

interface Location {
  root: string;
  file: string;
}

class Findings {
  readonly escapes: PathEscape[] = [];

  constructor(private readonly at: Location) {}

  // `base` is the folder a relative `path` is resolved from; machine paths fail wherever they point.
  check(path: string, line: number, base = this.at.root): void {
    const resolved = path.startsWith('<rootDir>/') ? join(this.at.root, path.slice(10)) : resolve(base, path);
    const rel = relative(this.at.root, resolved);
    const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
    if (MACHINE_PATH.test(path) || outside) this.escapes.push({ file: this.at.file, line, path });
  }
}

const isRelative = (text: string) => text === '..' || text.startsWith('../') || text.startsWith('./');
const mayEscape = (text: string) => text.startsWith('../') || text === '..' || MACHINE_PATH.test(text);

// __dirname at run time: compiled code runs from dist/, tests (ts-jest) from their source folder.
function runDirOf({ root, file }: Location): string {
  const fromSource = TEST_CODE.some((pattern) => pattern.test(file)) || !/\.ts$/.test(file);
  return join(root, fromSource ? '' : 'dist', dirname(file));
}

const PATH_FUNCTIONS = new Set(['join', 'resolve']);
const isPathCall = (node: ts.CallExpression) => {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return PATH_FUNCTIONS.has(callee.text);
  return ts.isPropertyAccessExpression(callee) && PATH_FUNCTIONS.has(callee.name.text);
};
const isDirname = (node: ts.Node | undefined) =>
  node !== undefined && ts.isIdentifier(node) && node.text === '__dirname';
const isCwd = (node: ts.Node | undefined) =>
  node !== undefined &&
  ts.isCallExpression(node) &&
  ts.isPropertyAccessExpression(node.expression) &&
  node.expression.getText() === 'process.cwd';
const isStringLike = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
const isModuleCall = (node: ts.CallExpression) =>
  node.expression.kind === ts.SyntaxKind.ImportKeyword ||
  (ts.isIdentifier(node.expression) && node.expression.text === 'require') ||
  (ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'jest');

// A literal kept in a variable or handed to a function first (readFileSync, existsSync, spawn…) is taken
// as a path; one compared with, searched for in a string, expected by a matcher or listed among other
// values is text (a fuzzer's '../../etc/passwd' is sent, not read).
const TEXT_METHODS = new Set([
  'startsWith',
  'endsWith',
  'includes',
  'indexOf',
  'split',
  'replace',
  'replaceAll',
  'toBe',
  'toEqual',
  'toContain',
  'toMatch',
]);
const usedAsPath = (node: ts.Node) => {
  const { parent } = node;
  if (ts.isVariableDeclaration(parent)) return parent.initializer === node;
  const call = ts.isCallExpression(parent) || ts.isNewExpression(parent) ? parent : undefined;
  if (call?.arguments?.[0] !== node) return false;
  const callee = call.expression;
  return !(ts.isPropertyAccessExpression(callee) && TEXT_METHODS.has(callee.name.text));
};

function scanScript(at: Location, text: string): PathEscape[] {
  const source = ts.createSourceFile(at.file, text, ts.ScriptTarget.Latest, true);
  const findings = new Findings(at);
  const runDir = runDirOf(at);
  const sourceDir = join(at.root, dirname(at.file));
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const handled = new Set<ts.Node>();

  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const specifier = node.moduleSpecifier;
      if (isStringLike(specifier) && isRelative(specifier.text)) {
        findings.check(specifier.text, lineOf(specifier), sourceDir);
      }
      handled.add(specifier);
    } else if (ts.isCallExpression(node) && isModuleCall(node)) {
      const [specifier] = node.arguments;
      if (specifier && isStringLike(specifier) && isRelative(specifier.text)) {
        findings.check(specifier.text, lineOf(specifier), sourceDir);
        handled.add(specifier);
      }
    } else if (ts.isCallExpression(node) && isPathCall(node)) {
      // join(__dirname, '..', 'x') resolves from the file's folder, resolve('../x') and
      // resolve(process.cwd(), '../x') from the working directory (the repository root for npm scripts
      // and jest); join(someDir, '..') is not knowable.
      const [first] = node.arguments;
      const anchored = isDirname(first) || isCwd(first);
      const parts = anchored ? node.arguments.slice(1) : node.arguments;
      parts.filter(isStringLike).forEach((literal) => handled.add(literal));
      if (first && (anchored || isStringLike(first))) {
        const segments: string[] = [];
        for (const arg of parts) {
          if (!isStringLike(arg)) break;
          segments.push(arg.text);
        }
        if (segments.some(mayEscape)) {
          findings.check(join(...segments), lineOf(node), isDirname(first) ? runDir : at.root);
        }
      }
    } else if (
      ts.isTemplateExpression(node) &&
      node.head.text === '' &&
      isDirname(node.templateSpans[0]?.expression)
    ) {
      // `${__dirname}/../..`
      const rest = node.templateSpans[0].literal.text;
      if (rest.includes('..')) findings.check(`.${rest}`, lineOf(node), runDir);
    } else if (isStringLike(node) && !handled.has(node)) {
      const { text } = node;
      const jestPath = JEST_CONFIG.test(at.file) && text.startsWith('<rootDir>/');
      if (MACHINE_PATH.test(text) || jestPath || (mayEscape(text) && usedAsPath(node))) {
        findings.check(text, lineOf(node));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings.escapes;
}

// Paths in JSON values (package.json scripts, tsconfig) and shell commands, one token at a time.
const TOKEN = new RegExp(
  `(?:^|[\\s"'=:(,])((?:\\.\\.\\/|${MACHINE_PATH.source.slice(1)})[^\\s"'\`;)]*)`,
  'g',
);
const SCRIPT_DIR = /\$\(dirname "?\$(?:0|\{BASH_SOURCE\[0\]\})"?\)(\/[^\s"'`;)]*)?/g;

function scanLines(at: Location, text: string, shell: boolean): PathEscape[] {
  const findings = new Findings(at);
  const fileDir = join(at.root, dirname(at.file));
  text.split('\n').forEach((content, index) => {
    // A shell script's own folder is where `$(dirname "$0")` points; bare relative paths assume the
    // script has changed to the repository root, as .ci/run and infra/scripts/*.sh do first.
    for (const [, path] of content.matchAll(TOKEN)) {
      findings.check(path, index + 1, shell ? at.root : fileDir);
    }
    if (!shell) return;
    for (const [, rest] of content.matchAll(SCRIPT_DIR)) {
      if (rest) findings.check(`.${rest}`, index + 1, fileDir);
    }
  });
  return findings.escapes;
}

export function scanFile(root: string, file: string, text: string): PathEscape[] {
  const at = { root, file };
  const extension = extname(file);
  if (extension === '.json') return scanLines(at, text, false);
  if (extension === '.sh' || text.startsWith('#!/usr/bin/env bash')) return scanLines(at, text, true);
  return scanScript(at, text);
}

function filesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(root, path);
    return SCANNED_EXTENSIONS.includes(extname(entry.name)) ? [path] : [];
  });
}

// Every source, test and configuration file of the repository at `root`.
export function scanRepository(root: string): PathEscape[] {
  const files = [...SCANNED_DIRS.flatMap((dir) => filesUnder(root, dir)), ...ROOT_FILES];
  return files.flatMap((file) => scanFile(root, file, readFileSync(join(root, file), 'utf8')));
}
