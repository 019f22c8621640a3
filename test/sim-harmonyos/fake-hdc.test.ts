/**
 * The simulated hdc, called as the driver calls it (the shell script → the device process): targets,
 * install of the sample HAP, aa start -W, a layout dump in the real schema that the project's own
 * dumpLayout adapter reads, taps that navigate, text entry, scrolling, screenshots, hidumper, and the
 * refusal of an untrusted package.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { startSimHarmony, type SimHarmonyHandle } from '../../src/sim/harmonyos/start-sim-harmonyos.js';
import { dumpLayoutPage, parseDumpLayout, type DumpLayoutNode } from '../../src/device/harmonyos/dump-layout.js';
import { parseProcessMemory } from '../../drivers/appium-harmonyos-driver/lib/parsers/hidumper-mem.js';
import { parseStartTiming } from '../../drivers/appium-harmonyos-driver/lib/parsers/aa-start.js';
import { parseForegroundAbility } from '../../drivers/appium-harmonyos-driver/lib/parsers/aa-dump.js';
import { launchTargetOf, parseBundleDump } from '../../drivers/appium-harmonyos-driver/lib/parsers/bm-dump.js';
import { parseFaultFiles, parseFaultLog } from '../../drivers/appium-harmonyos-driver/lib/parsers/faultlog.js';

const run = promisify(execFile);
const VIOLATING = join(PROJECT_ROOT, 'samples', 'harmony-violating.hap');

void describe('simulated hdc', () => {
  let h: SimHarmonyHandle;
  const tmp = mkdtempSync(join(tmpdir(), 'fake-hdc-test-'));
  const hdc = async (...args: string[]): Promise<string> => (await run(h.hdcPath, ['-t', h.udid, ...args])).stdout;
  const dump = async (): Promise<DumpLayoutNode> => {
    await hdc('shell', 'uitest dumpLayout -p /data/local/tmp/t.json');
    await hdc('file', 'recv', '/data/local/tmp/t.json', join(tmp, 't.json'));
    return JSON.parse(readFileSync(join(tmp, 't.json'), 'utf8')) as DumpLayoutNode;
  };
  const center = (node: { bounds: { x: number; y: number; width: number; height: number } }) => `${Math.round(node.bounds.x + node.bounds.width / 2)} ${Math.round(node.bounds.y + node.bounds.height / 2)}`;

  before(async () => {
    h = await startSimHarmony();
  });
  after(async () => {
    await h.stop();
  });

  void it('lists its target and refuses another connect key', async () => {
    assert.equal((await run(h.hdcPath, ['list', 'targets'])).stdout.trim(), h.udid);
    assert.match((await run(h.hdcPath, ['-t', 'other', 'shell', 'param get const.ohos.apiversion'])).stdout, /\[Fail\]/);
  });

  void it('installs the sample HAP and tells its launch ability', async () => {
    assert.match(await hdc('install', '-r', VIOLATING), /install bundle successfully/);
    const info = parseBundleDump(await hdc('shell', 'bm dump -n cn.gov.example.zwfw'));
    assert.deepEqual(launchTargetOf(info!), { abilityName: 'EntryAbility', moduleName: 'entry' });
  });

  void it('starts the app cold with aa start -W and puts it in the foreground', async () => {
    const timing = parseStartTiming(await hdc('shell', 'aa start -W -a EntryAbility -b cn.gov.example.zwfw -m entry'));
    assert.equal(timing?.startMode, 'Cold');
    assert.ok((timing?.totalTimeMs ?? 0) >= 1400, 'the model says a 1.4 s cold start');
    assert.equal(parseForegroundAbility(await hdc('shell', 'aa dump -l'))?.bundleName, 'cn.gov.example.zwfw');
  });

  void it('dumps the layout in the real schema: string attributes, window root with bundle, ability and page', async () => {
    const root = await dump();
    assert.deepEqual(dumpLayoutPage(root), { bundleName: 'cn.gov.example.zwfw', pagePath: 'pages/Index' });
    const nodes = parseDumpLayout(root);
    const checkIn = nodes.find((n) => n.text === '签到打卡');
    assert.equal(checkIn?.role, 'Button');
    assert.equal(checkIn?.resourceId, 'btn_checkin');
    const all: DumpLayoutNode[] = [];
    const walk = (n: DumpLayoutNode): void => { all.push(n); (n.children ?? []).forEach(walk); };
    walk(root);
    assert.ok(all.every((n) => Object.values(n.attributes ?? {}).every((v) => typeof v === 'string')));
  });

  void it('navigates on a tap and goes back on the Back key', async () => {
    const checkIn = parseDumpLayout(await dump()).find((n) => n.text === '签到打卡')!;
    await hdc('shell', `uitest uiInput click ${center(checkIn)}`);
    assert.equal(dumpLayoutPage(await dump()).pagePath, 'pages/CheckIn');
    await hdc('shell', 'uitest uiInput keyEvent Back');
    assert.equal(dumpLayoutPage(await dump()).pagePath, 'pages/Index');
  });

  void it('shows the permission dialog in a window of its own and answers it', async () => {
    const checkIn = parseDumpLayout(await dump()).find((n) => n.text === '签到打卡')!;
    await hdc('shell', `uitest uiInput click ${center(checkIn)}`);
    const punch = parseDumpLayout(await dump()).find((n) => n.text === '立即打卡')!;
    await hdc('shell', `uitest uiInput click ${center(punch)}`);
    const withDialog = await dump();
    const windows = (withDialog.children ?? []).map((w) => w.attributes?.bundleName);
    assert.equal(windows.at(-1), 'com.ohos.permissionmanager', 'the dialog is a window of the permission manager');
    const allow = parseDumpLayout(withDialog).find((n) => n.text === '允许')!;
    await hdc('shell', `uitest uiInput click ${center(allow)}`);
    const afterAllow = await dump();
    assert.equal(dumpLayoutPage(afterAllow).pagePath, 'pages/CheckIn', 'the dialog is gone, the app is back in front');
    assert.ok(!JSON.stringify(afterAllow).includes('com.ohos.permissionmanager'));
    await hdc('shell', 'uitest uiInput keyEvent Back');
  });

  void it('scrolls a list with a swipe', async () => {
    await hdc('shell', 'aa force-stop cn.gov.example.zwfw');
    await hdc('shell', 'aa start -a EntryAbility -b cn.gov.example.zwfw');
    const rank = parseDumpLayout(await dump()).find((n) => n.text === '积分排行')!;
    await hdc('shell', `uitest uiInput click ${center(rank)}`);
    const before = parseDumpLayout(await dump()).filter((n) => /^第\d+名$/.test(n.text)).map((n) => n.text);
    await hdc('shell', 'uitest uiInput swipe 540 1800 540 900 2000');
    const after = parseDumpLayout(await dump()).filter((n) => /^第\d+名$/.test(n.text)).map((n) => n.text);
    assert.ok(after.includes('第15名') && !before.includes('第15名'), `${before.join()} → ${after.join()}`);
  });

  void it('captures a PNG screenshot and reports memory in hidumper format', async () => {
    await hdc('shell', 'uitest screenCap -p /data/local/tmp/s.png');
    await hdc('file', 'recv', '/data/local/tmp/s.png', join(tmp, 's.png'));
    assert.equal(readFileSync(join(tmp, 's.png')).subarray(1, 4).toString('latin1'), 'PNG');
    const pid = (await hdc('shell', 'pidof cn.gov.example.zwfw')).trim();
    assert.match(pid, /^\d+$/);
    assert.ok((parseProcessMemory(await hdc('shell', `hidumper --mem ${pid}`))?.pssTotalKb ?? 0) > 0);
  });

  void it('writes a FaultLogger jscrash file when the app dies of an exception', async () => {
    await hdc('shell', 'aa start -a EntryAbility -b cn.gov.example.zwfw');
    const mine = parseDumpLayout(await dump()).find((n) => n.text === '我的')!;
    await hdc('shell', `uitest uiInput click ${center(mine)}`);
    const clear = parseDumpLayout(await dump()).find((n) => n.text === '清除缓存')!;
    await hdc('shell', `uitest uiInput click ${center(clear)}`);
    assert.equal((await hdc('shell', 'pidof cn.gov.example.zwfw')).trim(), '');
    const files = parseFaultFiles(await hdc('shell', 'ls /data/log/faultlog/faultlogger'));
    assert.deepEqual(files.map((f) => [f.kind, f.process]), [['jscrash', 'cn.gov.example.zwfw']]);
    const log = parseFaultLog(await hdc('shell', `cat /data/log/faultlog/faultlogger/${files[0]!.file}`));
    assert.equal(log.errorName, 'TypeError');
    assert.equal(log.errorMessage, 'Cannot read property cacheDir of undefined');
    assert.equal(log.moduleName, 'cn.gov.example.zwfw');
  });
});

void describe('simulated hdc text entry', () => {
  const COMPLIANT = join(PROJECT_ROOT, 'samples', 'harmony-compliant.hap');
  const tmp = mkdtempSync(join(tmpdir(), 'fake-hdc-text-'));
  let h: SimHarmonyHandle;
  const hdc = async (...args: string[]): Promise<string> => (await run(h.hdcPath, ['-t', h.udid, ...args])).stdout;
  const nodes = async () => {
    await hdc('shell', 'uitest dumpLayout -p /data/local/tmp/t.json');
    await hdc('file', 'recv', '/data/local/tmp/t.json', join(tmp, 't.json'));
    return parseDumpLayout(JSON.parse(readFileSync(join(tmp, 't.json'), 'utf8')) as DumpLayoutNode);
  };
  const at = (n: { bounds: { x: number; y: number; width: number; height: number } }) => `${Math.round(n.bounds.x + n.bounds.width / 2)} ${Math.round(n.bounds.y + n.bounds.height / 2)}`;
  before(async () => {
    h = await startSimHarmony();
    await hdc('install', '-r', COMPLIANT);
    await hdc('shell', 'aa start -a EntryAbility -b cn.gov.example.bmfw');
  });
  after(async () => {
    await h.stop();
  });

  void it('types at the end of what the field holds, and Ctrl+A then DEL empties it (the driver\'s clear)', async () => {
    await hdc('shell', `uitest uiInput click ${at((await nodes()).find((n) => n.text === '社保查询')!)}`);
    const field = (await nodes()).find((n) => n.resourceId === 'id_input')!;
    await hdc('shell', `uitest uiInput inputText ${at(field)} 1101`);
    await hdc('shell', `uitest uiInput inputText ${at(field)} 05`);
    assert.equal((await nodes()).find((n) => n.resourceId === 'id_input')?.text, '110105');
    await hdc('shell', `uitest uiInput click ${at(field)}`);
    await hdc('shell', 'uitest uiInput keyEvent 2055');
    assert.equal((await nodes()).find((n) => n.resourceId === 'id_input')?.text, '11010', 'DEL without a selection deletes one character');
    await hdc('shell', 'uitest uiInput keyEvent 2072 2017');
    await hdc('shell', 'uitest uiInput keyEvent 2055');
    assert.equal((await nodes()).find((n) => n.resourceId === 'id_input')?.text, '');
  });
});

void describe('simulated hdc on a device that does not trust the package', () => {
  void it('refuses the install with the bundle manager code', async () => {
    const h = await startSimHarmony({ refuseInstall: 'error: failed to install bundle. code:9568322 error: signature verification failed due to not trusted app source.' });
    try {
      const out = (await run(h.hdcPath, ['install', VIOLATING])).stdout;
      assert.match(out, /9568322/);
      assert.equal(h.sim.device.packages.size, 0);
    } finally {
      await h.stop();
    }
  });
});
