// @ts-check
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  'test/**/*.ts',
  '**/testing/**/*.ts',
];

// Focused or skipped tests must not reach main; plain rules instead of eslint-plugin-jest.
const FOCUS_OR_SKIP = 'Focused or skipped tests are not allowed on main.';
const noFocusedOrSkippedTests = {
  'no-restricted-properties': [
    'error',
    ...['it', 'describe', 'test'].flatMap((object) =>
      ['only', 'skip'].map((property) => ({ object, property, message: FOCUS_OR_SKIP })),
    ),
  ],
  'no-restricted-syntax': [
    'error',
    // fit(...), xdescribe(...), and the same with .each: fit.each(...)(...)
    {
      selector: 'CallExpression > Identifier.callee[name=/^(fit|fdescribe|ftest|xit|xdescribe|xtest)$/]',
      message: FOCUS_OR_SKIP,
    },
    {
      selector: 'MemberExpression > Identifier.object[name=/^(fit|fdescribe|ftest|xit|xdescribe|xtest)$/]',
      message: FOCUS_OR_SKIP,
    },
  ],
};

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // NestJS style: modules are decorated empty classes, many interface methods are async without await.
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/require-await': 'off',
      ...noFocusedOrSkippedTests,
    },
  },
  {
    // Mocks, supertest bodies and jest matchers are loosely typed; unsafe-* would flag nearly every line.
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // expect(mock.method).toHaveBeenCalled() passes unbound methods by design.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
