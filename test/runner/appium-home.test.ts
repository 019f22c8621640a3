/** A project moved (or sharing node_modules with another checkout) must not keep Appium's stale driver cache. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appiumCacheDir, isStaleAppiumCache, useProjectAppiumHome } from '../../src/runner/appium-home.js';

function homeWithCache(installPath: string): string {
  const home = mkdtempSync(join(tmpdir(), 'appium-home-'));
  mkdirSync(appiumCacheDir(home), { recursive: true });
  writeFileSync(join(appiumCacheDir(home), 'extensions.yaml'), `drivers:\n  chromium:\n    pkgName: appium-chromium-driver\n    installPath: ${installPath.replace('HOME', home)}\nplugins: {}\n`);
  return home;
}

void describe("Appium's extension cache", () => {
  void it('is kept when every driver it names lives in this project', () => {
    const home = homeWithCache('HOME/node_modules/appium-chromium-driver');
    assert.equal(isStaleAppiumCache(home), false);
    useProjectAppiumHome(home);
    assert.equal(existsSync(appiumCacheDir(home)), true);
    assert.equal(process.env.APPIUM_HOME, home);
  });

  void it('is dropped when it names a driver of another (moved, removed) checkout', () => {
    const home = homeWithCache('/work/wt/page/node_modules/appium-chromium-driver');
    assert.equal(isStaleAppiumCache(home), true);
    useProjectAppiumHome(home);
    assert.equal(existsSync(appiumCacheDir(home)), false);
  });

  void it('is left alone when there is none yet', () => {
    const home = mkdtempSync(join(tmpdir(), 'appium-home-'));
    assert.equal(isStaleAppiumCache(home), false);
  });
});
