/**
 * End to end (Debian's Chromium, no Appium): the arguments an H5 run starts Chromium with leave out
 * the browser UI that headless Chromium builds at every start and no page sees (the omnibox popup's
 * preloaded WebUI, src/platforms/h5/capabilities.ts). Started with the run's own arguments, Chromium
 * lists no chrome://omnibox-popup target; started with the same arguments less the feature switch, it
 * does (so a Chromium that renames the features fails here rather than costing every start again).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadDeviceProfile } from '../../src/devices/profile.js';
import { CHROMIUM_BINARY, DISABLED_BROWSER_UI_FEATURES, h5Capabilities } from '../../src/platforms/h5/capabilities.js';

/** The Chromium arguments of an H5 run on the default profile, its profile folder under `scratchDir`. */
function runArguments(scratchDir: string): string[] {
  const caps = h5Capabilities(loadDeviceProfile('pixel-7'), { ports: { appium: 0 }, scratchDir }) as { 'goog:chromeOptions': { args: string[] } };
  return caps['goog:chromeOptions'].args;
}

/** Starts Chromium with `args`, waits `settleMs` after its DevTools endpoint answers, and returns the URLs of its targets. */
async function targetUrls(args: string[], profileDir: string, settleMs: number): Promise<string[]> {
  // Its own process group: the browser's helpers (zygotes, renderers) go with it, and the profile is free to remove.
  const child = spawn(CHROMIUM_BINARY, [...args, '--remote-debugging-port=0', 'about:blank'], { stdio: 'ignore', detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const portFile = join(profileDir, 'DevToolsActivePort');
    const deadline = Date.now() + 30_000;
    while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
      if (Date.now() > deadline) throw new Error('Chromium wrote no DevToolsActivePort within 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const port = readFileSync(portFile, 'utf8').split('\n')[0]!.trim();
    await new Promise((r) => setTimeout(r, settleMs));
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { url: string }[];
    return targets.map((t) => t.url);
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // The whole group is gone already (Chromium failed to start): nothing to stop.
    }
    await exited;
  }
}

void describe('the Chromium an H5 run starts', () => {
  it('builds no omnibox popup WebUI, which it does without the switch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-chromium-start-'));
    try {
      const args = runArguments(join(dir, 'run'));
      const featureSwitch = `--disable-features=${DISABLED_BROWSER_UI_FEATURES.join(',')}`;
      assert.ok(args.includes(featureSwitch), 'the run passes the switch');

      const withSwitch = await targetUrls(args, join(dir, 'run', 'chromium-profile'), 3000);
      assert.ok(withSwitch.includes('about:blank'), `the page is listed: ${withSwitch.join(', ')}`);
      assert.deepEqual(withSwitch.filter((u) => u.startsWith('chrome://')), [], 'no browser UI page');

      const without = runArguments(join(dir, 'control')).filter((a) => a !== featureSwitch);
      const control = await targetUrls(without, join(dir, 'control', 'chromium-profile'), 3000);
      assert.ok(control.some((u) => u.startsWith('chrome://omnibox-popup')), `without the switch Chromium preloads the omnibox popup: ${control.join(', ')}`);
    } finally {
      // A helper may still be writing the profile for a moment after the group's SIGTERM.
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });
});
