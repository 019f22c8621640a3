/**
 * The simulated device's adb front: what it answers to the commands appium-adb and our probes send, checked with
 * the project's own parsers of real Android output (src/device/android/) so the double's formats stay real.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { parseAmStart } from '../../src/device/android/am-start.js';
import { parseAppOps } from '../../src/device/android/appops.js';
import { parseCpuinfo } from '../../src/device/android/cpu-usage.js';
import { parseGfxinfo } from '../../src/device/android/gfxinfo.js';
import { findCrashes, parseLogcat } from '../../src/device/android/logcat.js';
import { parseMeminfo } from '../../src/device/android/meminfo.js';
import { parsePackagePermissions } from '../../src/device/android/package-permissions.js';
import { parseUiAutomator2Source } from '../../src/device/android/uiautomator2-source.js';
import { runAdb } from '../../src/sim/android/adb-commands.js';
import type { BufferedResult } from '../../src/sim/android/command-result.js';
import { SimAndroid } from '../../src/sim/android/sim-android.js';
import { renderHierarchy } from '../../src/sim/android/uia2-source.js';

const VIOLATING = join(PROJECT_ROOT, 'samples', 'android-violating.apk');
const COMPLIANT = join(PROJECT_ROOT, 'samples', 'android-compliant.apk');
const PKG = 'cn.gov.example.dangjian';

const sims: SimAndroid[] = [];
after(async () => {
  for (const s of sims) await s.close();
});

function newSim(): SimAndroid {
  const sim = new SimAndroid('sim-test-1');
  sims.push(sim);
  return sim;
}

async function adb(sim: SimAndroid, ...args: string[]): Promise<BufferedResult> {
  const result = await runAdb(sim, ['-P', '5037', '-s', sim.serial, ...args]);
  assert.equal(result.kind, 'buffered');
  return result;
}

const out = async (sim: SimAndroid, ...args: string[]): Promise<string> => String((await adb(sim, ...args)).stdout);

describe('simulated adb: devices, props, packages', () => {
  it('lists the one device in adb\'s format and rejects another serial', async () => {
    const sim = newSim();
    assert.equal(String((await runAdb(sim, ['devices']) as BufferedResult).stdout), 'List of devices attached\nsim-test-1\tdevice\n\n');
    const other = (await runAdb(sim, ['-s', 'emulator-5554', 'shell', 'echo', 'x'])) as BufferedResult;
    assert.equal(other.code, 1);
    assert.match(other.stderr ?? '', /device 'emulator-5554' not found/);
  });

  it('answers getprop and settings', async () => {
    const sim = newSim();
    assert.equal(await out(sim, 'shell', 'getprop', 'ro.build.version.sdk'), '33\n');
    await adb(sim, 'shell', 'settings put global http_proxy 127.0.0.1:8888;settings put global foo 1');
    assert.equal(await out(sim, 'shell', 'settings', 'get', 'global', 'http_proxy'), '127.0.0.1:8888\n');
    assert.equal(sim.device.proxy(), '127.0.0.1:8888');
    await adb(sim, 'shell', 'settings', 'put', 'global', 'http_proxy', ':0');
    assert.equal(sim.device.proxy(), undefined, ':0 clears the proxy as on Android');
  });

  it('installs the sample APK from its real file: manifest facts and the model inside it', async () => {
    const sim = newSim();
    assert.match(await out(sim, 'install', '-r', VIOLATING), /Success/);
    const pkg = sim.device.packages.get(PKG)!;
    assert.equal(pkg.versionName, '3.0.1');
    assert.equal(pkg.launchActivity, `${PKG}.ui.MainActivity`);
    assert.ok(pkg.requestedPermissions.includes('android.permission.CAMERA'));
    assert.equal(pkg.model?.label, '智慧党建云');
    assert.match(await out(sim, 'shell', 'cmd', 'package', 'list', 'packages', '--show-versioncode'), /^package:cn\.gov\.example\.dangjian versionCode:30$/m);
    const again = await adb(sim, 'install', VIOLATING);
    assert.match(String(again.stdout), /INSTALL_FAILED_ALREADY_EXISTS/, 'install without -r refuses a present package');
  });

  it('dumpsys package parses with our parser and with appium-adb\'s patterns; grants follow pm grant', async () => {
    const sim = newSim();
    await adb(sim, 'install', VIOLATING);
    await adb(sim, 'shell', 'pm', 'grant', PKG, 'android.permission.CAMERA');
    const text = await out(sim, 'shell', 'dumpsys', 'package', PKG);
    assert.match(text, new RegExp(`^\\s*Package\\s+\\[${PKG.replace(/\./g, '\\.')}\\][^:]+:$`, 'm'));
    assert.match(text, /versionCode=30 /);
    const parsed = parsePackagePermissions(text);
    assert.ok(parsed.ok);
    const grant = (name: string) => parsed.value.grants.find((g) => g.name === name);
    assert.deepEqual([grant('android.permission.CAMERA')?.granted, grant('android.permission.CAMERA')?.kind], [true, 'runtime']);
    assert.deepEqual([grant('android.permission.INTERNET')?.granted, grant('android.permission.INTERNET')?.kind], [true, 'install']);
    assert.equal(grant('android.permission.READ_CONTACTS')?.granted, false);
  });
});

describe('simulated adb: launch, performance, logs', () => {
  it('am start -W reports a cold start whose TotalTime includes the model cold start, then a warm one', async () => {
    const sim = newSim();
    await adb(sim, 'install', COMPLIANT);
    const first = parseAmStart(await out(sim, 'shell', 'am', 'start', '-W', '-n', 'cn.gov.example.zhengwu/.MainActivity'));
    assert.ok(first.ok);
    assert.equal(first.value.launchState, 'COLD');
    assert.ok((first.value.totalTimeMs ?? 0) >= 650, String(first.value.totalTimeMs));
    await adb(sim, 'shell', 'input', 'keyevent', 'KEYCODE_HOME');
    const second = parseAmStart(await out(sim, 'shell', 'am', 'start', '-W', '-n', 'cn.gov.example.zhengwu/.MainActivity'));
    assert.ok(second.ok);
    assert.equal(second.value.launchState, 'WARM');
    assert.ok((second.value.totalTimeMs ?? 9999) < 650);
    const missing = parseAmStart(await out(sim, 'shell', 'am', 'start', '-W', '-n', 'no.such/.Main'));
    assert.equal(missing.ok, false);
  });

  it('dumpsys gfxinfo, meminfo and cpuinfo parse with our parsers and follow the model', async () => {
    const sim = newSim();
    await adb(sim, 'install', VIOLATING);
    sim.device.packages.get(PKG)!.model!.coldStartMs = 0;
    await adb(sim, 'shell', 'am', 'start', '-W', '-n', `${PKG}/.ui.MainActivity`);
    const gfx = parseGfxinfo(await out(sim, 'shell', 'dumpsys', 'gfxinfo', PKG));
    assert.ok(gfx.ok);
    assert.ok(gfx.value.jankyPercent > 15, `the violating model janks 22% (${gfx.value.jankyPercent})`);
    assert.equal(gfx.value.frozenFrames, 1);
    const mem = parseMeminfo(await out(sim, 'shell', 'dumpsys', 'meminfo', PKG));
    assert.ok(mem.ok);
    assert.ok(mem.value.totalPssKb >= 210 * 1024, String(mem.value.totalPssKb));
    await adb(sim, 'shell', 'input', 'keyevent', '3');
    const cpu = parseCpuinfo(await out(sim, 'shell', 'dumpsys', 'cpuinfo'), PKG);
    assert.ok(cpu.ok);
    assert.equal(cpu.value.percent, 9.5, 'background CPU share of the model');
    assert.equal(parseGfxinfo(await out(sim, 'shell', 'dumpsys', 'gfxinfo', 'not.running')).ok, false);
  });

  it('a crash shows as FATAL EXCEPTION in logcat -d, parsed by our crash finder, and the process is gone', async () => {
    const sim = newSim();
    await adb(sim, 'install', VIOLATING);
    sim.device.packages.get(PKG)!.model!.coldStartMs = 0;
    await adb(sim, 'shell', 'am', 'start', '-W', '-n', `${PKG}/.ui.MainActivity`);
    const meeting = parseUiAutomator2Source(renderHierarchy(sim.device.view(), sim.device.screen)).find((n) => n.text === '三会一课');
    assert.ok(meeting, 'the 三会一课 row is on the first screen');
    const [l, t, r, b] = [meeting.bounds.x, meeting.bounds.y, meeting.bounds.x + meeting.bounds.width, meeting.bounds.y + meeting.bounds.height];
    await adb(sim, 'shell', 'input', 'tap', String((l + r) >> 1), String((t + b) >> 1));
    const crashes = findCrashes(parseLogcat(await out(sim, 'logcat', '-d')).entries);
    assert.equal(crashes.length, 1);
    assert.equal(crashes[0]!.process, PKG);
    assert.match(crashes[0]!.exception, /NullPointerException/);
    assert.equal(await out(sim, 'shell', 'pidof', PKG), '');
  });

  it('appops reports READ_CLIPBOARD after a launch of an app that reads the clipboard', async () => {
    const sim = newSim();
    await adb(sim, 'install', VIOLATING);
    assert.deepEqual(parseAppOps(await out(sim, 'shell', 'appops', 'get', PKG)), { ok: true, value: [] });
    sim.device.packages.get(PKG)!.model!.coldStartMs = 0;
    await adb(sim, 'shell', 'am', 'start', '-W', '-n', `${PKG}/.ui.MainActivity`);
    const ops = parseAppOps(await out(sim, 'shell', 'appops', 'get', PKG));
    assert.ok(ops.ok);
    assert.ok(ops.value.some((o) => o.op === 'READ_CLIPBOARD' && (o.lastAccessMsAgo ?? 1e9) < 60_000));
  });

  it('logcat streams its header at once, then new lines', async () => {
    const sim = newSim();
    const result = await runAdb(sim, ['logcat', '-v', 'threadtime']);
    assert.equal(result.kind, 'streaming');
    if (result.kind !== 'streaming') return;
    const chunks: string[] = [];
    const stop = result.start({ write: (c) => chunks.push(c), end: () => undefined });
    assert.match(chunks[0] ?? '', /^--------- beginning of main/);
    sim.device.writeLog('I', 'Probe', 'hello');
    stop();
    sim.device.writeLog('I', 'Probe', 'after stop');
    assert.equal(chunks.filter((c) => c.includes('Probe')).length, 1);
    assert.match(chunks.at(-1)!, /^\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} +\d+ +\d+ I Probe   : hello\n$/);
  });
});

describe('simulated adb: ports and the UiAutomator2 server', () => {
  const get = (port: number, path: string): Promise<{ status: number; body: string }> => new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
  const request = (port: number, method: string, path: string, body?: string): Promise<{ status: number; body: string }> => new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
  const freeLocalPort = (): Promise<number> => new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

  it('opens the host listener only on forward; the server answers only while its instrumentation runs', async () => {
    const sim = newSim();
    const port = await freeLocalPort();
    await assert.rejects(get(port, '/status'), 'nothing listens before forward');
    await adb(sim, 'forward', `tcp:${port}`, 'tcp:6790');
    await assert.rejects(get(port, '/status'), 'adbd closes a connection to a device port nobody listens on');
    const apks = join(PROJECT_ROOT, 'node_modules/appium-uiautomator2-server/apks');
    await adb(sim, 'install', '-r', join(apks, 'appium-uiautomator2-server-debug-androidTest.apk'));
    const withoutTarget = await runAdb(sim, ['shell', 'am', 'instrument', '-w', 'io.appium.uiautomator2.server.test/androidx.test.runner.AndroidJUnitRunner']);
    assert.match(String((withoutTarget as BufferedResult).stdout), /Unable to find instrumentation target package/);
    await adb(sim, 'install', '-r', join(apks, 'appium-uiautomator2-server-v10.6.6.apk'));
    const instrument = await runAdb(sim, ['shell', 'am', 'instrument', '-w', 'io.appium.uiautomator2.server.test/androidx.test.runner.AndroidJUnitRunner']);
    assert.equal(instrument.kind, 'streaming');
    if (instrument.kind !== 'streaming') return;
    const stop = instrument.start({ write: () => undefined, end: () => undefined });
    await new Promise((r) => setTimeout(r, 400));
    const status = await get(port, '/status');
    assert.equal(status.status, 200);
    assert.equal((JSON.parse(status.body) as { value: { ready: boolean } }).value.ready, true);
    let ended = false;
    const again = await runAdb(sim, ['shell', 'am', 'instrument', '-w', 'io.appium.uiautomator2.server.test/androidx.test.runner.AndroidJUnitRunner']);
    stop();
    await assert.rejects(get(port, '/status'), 'killing the instrumentation stops the server');
    if (again.kind !== 'streaming') return;
    again.start({ write: () => undefined, end: () => (ended = true) });
    await new Promise((r) => setTimeout(r, 400));
    const created = JSON.parse((await request(port, 'POST', '/session', '{"capabilities":{"firstMatch":[{}]}}')).body) as { value: { sessionId: string } };
    assert.equal((await request(port, 'DELETE', `/session/${created.value.sessionId}`)).status, 200);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(ended, true, 'the instrumentation finishes once its session is deleted, as the real server does');
    await assert.rejects(get(port, '/status'));
    await adb(sim, 'forward', '--remove', `tcp:${port}`);
    await assert.rejects(get(port, '/status'));
  });

  it('a device proxy on loopback is reachable only through adb reverse', async () => {
    const sim = newSim();
    await adb(sim, 'shell', 'settings', 'put', 'global', 'http_proxy', '127.0.0.1:8899');
    assert.equal(sim.ports.resolveProxy('127.0.0.1:8899'), null);
    await adb(sim, 'reverse', 'tcp:8899', 'tcp:41234');
    assert.equal(sim.ports.resolveProxy('127.0.0.1:8899'), '127.0.0.1:41234');
    assert.equal(sim.ports.resolveProxy('10.0.0.5:8080'), '10.0.0.5:8080');
    assert.match(await out(sim, 'reverse', '--list'), /tcp:8899 tcp:41234/);
  });
});
