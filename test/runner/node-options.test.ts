import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withoutTsxLoader } from '../../src/runner/node-options.js';

describe('withoutTsxLoader (the worker of a run from build/)', () => {
  it('drops the --import of tsx that the WebdriverIO Launcher adds, keeping every other option', () => {
    assert.equal(withoutTsxLoader(' --max-old-space-size=4096 --import /work/x/node_modules/tsx/dist/loader.mjs'), '--max-old-space-size=4096');
    assert.equal(withoutTsxLoader('--import=/p/node_modules/tsx/dist/esm/index.mjs --enable-source-maps'), '--enable-source-maps');
    assert.equal(withoutTsxLoader('--loader tsx --trace-warnings'), '--trace-warnings');
    assert.equal(withoutTsxLoader('--import tsx/esm'), '');
  });

  it('keeps the loaders of other packages and leaves an empty value empty', () => {
    assert.equal(withoutTsxLoader('--import /p/node_modules/tsx-like/register.js --import ./my-hooks.mjs'), '--import /p/node_modules/tsx-like/register.js --import ./my-hooks.mjs');
    assert.equal(withoutTsxLoader(undefined), '');
    assert.equal(withoutTsxLoader('  '), '');
  });
});
