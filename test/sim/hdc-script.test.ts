/**
 * The simulated `hdc` as the HarmonyOS driver runs it: the bash script beside its `sim-endpoint`, spawned as a
 * process, writing its HTTP request itself. Checks the output, that every argument arrives byte for byte
 * (spaces, quotes, UTF-8, empty ones), and the offline answer. Prints the per-call cost.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../../src/runner/ports.js';
import { startSimHarmony, type SimHarmonyHandle } from '../../src/sim/harmonyos/start-sim-harmonyos.js';

const run = promisify(execFile);

void describe('the hdc script of the simulated HarmonyOS device', () => {
  let handle: SimHarmonyHandle;

  before(async () => {
    handle = await startSimHarmony({ udid: 'sim-hdc-script' });
  });
  after(async () => {
    await handle.stop();
  });

  void it('prints what the device answers, for every call', async () => {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = process.hrtime.bigint();
      const { stdout } = await run(handle.hdcPath, ['list', 'targets']);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      assert.equal(stdout, 'sim-hdc-script\n');
    }
    assert.equal((await run(handle.hdcPath, ['-t', 'sim-hdc-script', 'shell', 'param', 'get', 'const.ohos.apiversion'])).stdout.trim(), String(handle.sim.params.get('const.ohos.apiversion')));
    console.log(`hdc call: median ${times.sort((a, b) => a - b)[5]!.toFixed(1)} ms`);
  });

  void it('hands every argument over byte for byte: spaces, quotes, UTF-8, an empty one', async () => {
    const args = ['frobnicate', 'two words', `it's "quoted"`, '输入 中文', '', 'a\\b$HOME;`x`'];
    const { stdout } = await run(handle.hdcPath, args);
    assert.equal(stdout, '[Fail]Unknown command\n');
    assert.equal(handle.sim.counters.unknown.at(-1), `hdc ${args.join(' ')}`);
  });

  void it('says the device is offline when nothing listens at its endpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hdc-offline-'));
    symlinkSync(handle.hdcPath, join(dir, 'hdc'));
    writeFileSync(join(dir, 'sim-endpoint'), `http://127.0.0.1:${await freePort()}\n`);
    const result = await run(join(dir, 'hdc'), ['list', 'targets']).then(() => ({ code: 0, stdout: '' }), (e: { code: number; stdout: string }) => e);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^\[Fail\]simulated device offline \(http:\/\/127\.0\.0\.1:\d+\)\n$/);
  });
});
