/**
 * End to end (Debian's Chromium, no Appium): the arguments an H5 run starts Chromium with leave out
 * the browser UI that headless Chromium builds at every start and no page sees (the omnibox popup's
 * preloaded WebUI, src/platforms/h5/capabilities.ts). Started with the same arguments less the feature
 * switch, Chromium lists a chrome://omnibox-popup target (so a Chromium that renames the features fails
 * here rather than costing every start again); started with the run's own arguments, it lists none for
 * two seconds longer than the preload took.
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

/**
 * Starts Chromium with `args` and lists the URLs of its targets every 250 ms once its DevTools endpoint answers,
 * until `enough` holds of them or `waitMs` have passed; resolves to the last list and when it was taken.
 */
async function targetUrls(args: string[], profileDir: string, waitMs: number, enough: (urls: string[]) => boolean = () => false): Promise<{ urls: string[]; afterMs: number }> {
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
    const answered = Date.now();
    for (;;) {
      const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { url: string }[];
      const urls = targets.map((t) => t.url);
      const afterMs = Date.now() - answered;
      if (enough(urls) || afterMs >= waitMs) return { urls, afterMs };
      await new Promise((r) => setTimeout(r, 250));
    }
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

      // Without the switch first: how long the preload takes on this machine now sets how long to look for it with the switch.
      const without = runArguments(join(dir, 'control')).filter((a) => a !== featureSwitch);
      const control = await targetUrls(without, join(dir, 'control', 'chromium-profile'), 20_000, (urls) => urls.some((u) => u.startsWith('chrome://omnibox-popup')));
      assert.ok(control.urls.some((u) => u.startsWith('chrome://omnibox-popup')), `without the switch Chromium preloads the omnibox popup: ${control.urls.join(', ')}`);

      const withSwitch = await targetUrls(args, join(dir, 'run', 'chromium-profile'), control.afterMs + 2000);
      assert.ok(withSwitch.urls.includes('about:blank'), `the page is listed: ${withSwitch.urls.join(', ')}`);
      assert.deepEqual(withSwitch.urls.filter((u) => u.startsWith('chrome://')), [], 'no browser UI page');
    } finally {
      // A helper may still be writing the profile for a moment after the group's SIGTERM.
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });
});
