/**
 * The HarmonyOS driver outside this project: `appium driver install --source=local` from its workspace
 * folder into a fresh Appium home (offline), then a plain `appium --use-drivers harmonyos` server from that
 * home opens a session on the simulated hdc. Run under `flock /tmp/govapp-audit-e2e.lock`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { freePort } from '../../src/runner/ports.js';
import { startSimHarmony, type SimHarmonyHandle } from '../../src/sim/harmonyos/start-sim-harmonyos.js';

const run = promisify(execFile);
const APPIUM = join(PROJECT_ROOT, 'node_modules', 'appium', 'index.js');
const DRIVER = join(PROJECT_ROOT, 'drivers', 'appium-harmonyos-driver');

async function waitForStatus(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await fetch(`${url}/status`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Appium did not answer at ${url} within ${ms} ms`);
}

void describe('appium driver install --source=local into a fresh Appium home', () => {
  const home = mkdtempSync(join(tmpdir(), 'appium-home-'));
  const env = { ...process.env, APPIUM_HOME: home, npm_config_offline: 'true' };
  let sim: SimHarmonyHandle;
  let server: ChildProcess | undefined;

  before(async () => {
    sim = await startSimHarmony();
  });
  after(async () => {
    server?.kill();
    await sim.stop();
    rmSync(home, { recursive: true, force: true });
  });

  void it('installs from the workspace folder and is listed as the harmonyos driver', async () => {
    const { stdout, stderr } = await run(process.execPath, [APPIUM, 'driver', 'install', '--source=local', DRIVER], { env, timeout: 180_000 });
    assert.match(`${stdout}${stderr}`, /harmonyos@0\.1\.0 successfully installed/);
    assert.match(readFileSync(join(home, 'package.json'), 'utf8'), /appium-harmonyos-driver/);
  });

  void it('opens a session from that home on the simulated hdc', async () => {
    const port = await freePort();
    server = spawn(process.execPath, [APPIUM, '--address', '127.0.0.1', '--port', String(port), '--use-drivers', 'harmonyos', '--log-level', 'error'], { env, stdio: 'ignore' });
    await waitForStatus(`http://127.0.0.1:${port}`, 60_000);
    const { remote } = await import('webdriverio');
    const capabilities: Record<string, unknown> = {
      platformName: 'HarmonyOS', 'appium:automationName': 'HarmonyOS', 'appium:app': join(PROJECT_ROOT, 'samples', 'harmony-compliant.hap'),
      'appium:hdcPath': sim.hdcPath, 'wdio:enforceWebDriverClassic': true,
    };
    const browser = await remote({ hostname: '127.0.0.1', port, path: '/', logLevel: 'silent', connectionRetryCount: 0, capabilities });
    try {
      assert.match(await browser.getPageSource(), /bundleName="cn\.gov\.example\.bmfw"[^>]*pagePath="pages\/Index"/);
      await browser.$('//Button[@text="办事指南"]').click();
      assert.match(await browser.getPageSource(), /pagePath="pages\/Guide"/);
    } finally {
      await browser.deleteSession();
    }
  });
});
