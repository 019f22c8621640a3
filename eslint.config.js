// Lint runs in `npm test`. All device code is async: floating promises are errors.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'drivers/*/build/**', 'reports/**', 'samples/**', '.appium/**', 'eslint.config.js'] },
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', {
        // node:test registers suites and tests synchronously; their returned promises are the runner's to await.
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }],
      }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Layering: detectors are pure functions over recorded evidence.
    files: ['src/checks/**/*.ts', 'src/evidence/**/*.ts', 'src/regulation/**/*.ts', 'src/verdict/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['webdriverio', '@wdio/*', 'appium', 'appium-*', '**/drivers/**', '**/device/**', '**/runner/**', '**/cli/**'],
            message: 'Detectors, evidence and verdict code may not import devices, Appium, WebdriverIO or upper layers.' },
        ],
      }],
    },
  },
);
