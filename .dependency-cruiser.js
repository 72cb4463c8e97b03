// Layer and boundary rules, checked in CI by `npm run lint`. Every rule is an error.
// Paths are relative to the repository root; @rl/* aliases resolve through tsconfig.json to
// libs/<name>/src/index.ts (and apps/<name>/src/index.ts).

// Framework and infrastructure packages that the domain and the kernel must stay free of.
const FRAMEWORK_PACKAGES = [
  '@nestjs/[^/]+',
  'typeorm',
  'bullmq',
  'ioredis',
  'pg',
  'pg-[^/]+',
  'express',
  '@types/express',
  'class-validator',
  'class-transformer',
  'nestjs-[^/]+',
];
// Matches both a resolved path (node_modules/typeorm/index.js) and an unresolved module name.
const FRAMEWORK = `(^|(^|/)node_modules/)(${FRAMEWORK_PACKAGES.join('|')})(/|$)`;

// Test files and test-only helpers (tsconfig.build.json leaves them out of the build).
const TEST_CODE = ['\\.(spec|int-spec|e2e-spec)\\.ts$', '^test/', '^(apps|libs|infra)/.+/testing/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular dependency; break it with dependency inversion or by moving the shared part down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-no-framework',
      severity: 'error',
      comment: 'Domain code is pure TypeScript: no Nest, TypeORM, BullMQ, Redis, pg, Express or validation.',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: FRAMEWORK },
    },
    {
      name: 'domain-stays-in-domain',
      severity: 'error',
      comment: "Domain code imports only its own lib's domain folder and libs/kernel.",
      from: { path: '^libs/([^/]+)/src/domain/' },
      to: {
        path: '^(apps|libs|infra|test)/',
        pathNot: ['^libs/$1/src/domain/', '^libs/kernel/src/'],
      },
    },
    {
      name: 'apps-use-lib-index',
      severity: 'error',
      comment: 'Apps import a lib only through its index.ts (the @rl/<name> alias).',
      from: { path: '^apps/' },
      to: {
        path: '^libs/[^/]+/src/',
        pathNot: '^libs/[^/]+/src/index\\.ts$',
      },
    },
    {
      name: 'libs-use-other-lib-index',
      severity: 'error',
      comment: "A lib imports another lib only through that lib's index.ts (the @rl/<name> alias).",
      from: { path: '^libs/([^/]+)/src/' },
      to: {
        path: '^libs/[^/]+/src/',
        // Test kits (libs/<name>/src/testing/index.ts, the @rl/<name>/testing alias) are another entry point.
        pathNot: ['^libs/$1/src/', '^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/testing/index\\.ts$'],
      },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      comment: 'Libraries never depend on applications.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'kernel-imports-no-lib',
      severity: 'error',
      comment: 'libs/kernel is the bottom layer: it imports no other lib.',
      from: { path: '^libs/kernel/' },
      to: { path: '^(apps|libs|infra|test)/', pathNot: '^libs/kernel/' },
    },
    {
      name: 'kernel-no-framework',
      severity: 'error',
      comment: 'libs/kernel is framework-free.',
      from: { path: '^libs/kernel/' },
      to: { path: FRAMEWORK },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'Shipped code depends on a devDependency, which is absent in production. Move the package to ' +
        '"dependencies" or the code to a test file. Type-only imports (@types/*) are erased and allowed. ' +
        'Benchmarks (infra/bench) are development tools, run from a full install.',
      from: { path: '^(apps|libs|infra)/', pathNot: [...TEST_CODE, '^infra/bench/'] },
      to: {
        dependencyTypes: ['npm-dev'],
        dependencyTypesNot: ['type-only'],
        pathNot: 'node_modules/@types/',
      },
    },
    {
      name: 'not-to-test-code',
      severity: 'error',
      comment: 'Shipped code imports test code, which the build (tsconfig.build.json) leaves out.',
      from: { path: '^(apps|libs|infra)/', pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Import that does not resolve; also guards the rules above against a broken alias.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
