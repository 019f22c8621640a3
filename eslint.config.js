// Lint runs in `npm test`. All device code is async: floating promises are errors.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'drivers/*/build/**', 'build/**', 'reports/**', 'samples/**', '.appium/**', 'eslint.config.js'] },
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
    // Layering: detectors are pure functions over recorded evidence; they know no platform (only the PlatformId union).
    files: ['src/checks/**/*.ts', 'src/evidence/**/*.ts', 'src/regulation/**/*.ts', 'src/verdict/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['webdriverio', '@wdio/*', 'appium', 'appium-*', '**/drivers/**', '**/device/**', '**/runner/**', '**/cli/**', '**/platforms/**', '!**/platforms/platform-id.js'],
            message: 'Detectors, evidence and verdict code may not import devices, platforms, Appium, WebdriverIO or upper layers (only src/platforms/platform-id.js).' },
        ],
      }],
    },
  },
  {
    // Layering: the explorer drives any platform through DeviceSession and never knows which one runs.
    files: ['src/explore/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['webdriverio', '@wdio/*', 'appium', 'appium-*', '**/drivers/**', '**/runner/**', '**/cli/**', '**/platforms/**', '!**/platforms/platform-id.js'],
            message: 'The explorer may not import a platform, Appium, WebdriverIO or upper layers: it sees the device through DeviceSession (src/device/device-session.ts).' },
        ],
      }],
    },
  },
  {
    // Layering: a platform is a leaf the runner picks from the registry; it never reaches back up.
    files: ['src/platforms/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/runner/**', '**/cli/**', '**/audit/**'],
            message: 'Platforms may not import the runner, the CLI or the audit specs: the runner asks the registry, never the other way round.' },
        ],
      }],
    },
  },
);
