/**
 * Android probes over recorded device outputs: the performance probe's figures (with their commands)
 * judged by the performance check, prompts turned into permission records, the clock probe's refusal.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { detectPerformance } from '../../../src/checks/detectors/performance.js';
import { DEFAULT_DETECTOR_SETTINGS } from '../../../src/checks/detectors/types.js';
import { noSecrets } from '../../../src/evidence/secret-mask.js';
import { EvidenceStore, readEvidenceBundle } from '../../../src/evidence/store.js';
import { AndroidSession } from '../../../src/platforms/android/android-session.js';
import { androidBudgets } from '../../../src/platforms/android/probes/budgets.js';
import { androidLoginCadenceProbe, dateSetArgument } from '../../../src/platforms/android/probes/login-cadence-probe.js';
import { androidPerformanceProbe } from '../../../src/platforms/android/probes/performance-probe.js';
import { capabilityOf, promptRecords } from '../../../src/platforms/android/probes/permission-probe.js';
import type { AndroidProbeContext } from '../../../src/platforms/android/probes/android-tools.js';
import { FakeUia2, source } from './fake-uia2.js';
import { evidence, launchScreen } from '../../probes/probe-fixtures.js';

const out = (name: string): string => readFileSync(new URL(`../../fixtures/android-outputs/${name}`, import.meta.url), 'utf8');
const PKG = 'cn.gov.demo';

function context(shell: (cmd: string) => string, explored = evidence()): { ctx: AndroidProbeContext; dir: string; commands: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'android-probe-'));
  const device = new FakeUia2({ home: { xml: source(PKG, '<android.widget.ScrollView index="0" class="android.widget.ScrollView" scrollable="true" bounds="[0,0][1080,2400]"/>'), activity: '.MainActivity' } }, 'home');
  const session = new AndroidSession(device, { packageName: PKG, activity: '.MainActivity' }, { settleMaxMs: 0 });
  const commands: string[] = [];
  let clock = 1_000_000;
  const ctx: AndroidProbeContext = {
    device: session, store: new EvidenceStore(dir, noSecrets), explored, appUrl: `android-app://${PKG}`, budgetMs: 5000,
    now: () => clock, sleep: (ms) => { clock += ms; return Promise.resolve(); },
    android: { session, packageName: PKG, activity: '.MainActivity', shellAllowed: true, shell: (c) => { commands.push(c); return Promise.resolve(shell(c)); } },
  };
  return { ctx, dir, commands };
}

test('performance probe: median TotalTime of 3 cold starts, gfxinfo and meminfo figures with their commands; the check fails the slow start citing Android vitals', async () => {
  const starts = ['TotalTime: 6100', 'TotalTime: 5900', 'TotalTime: 6400'];
  const { ctx, dir, commands } = context((c) => {
    if (c.startsWith('am start -W')) return out('am-start-w.txt').replace('TotalTime: 1479', starts.shift()!);
    if (c === `dumpsys gfxinfo ${PKG}`) return out('gfxinfo-api28.txt');
    if (c.startsWith('dumpsys meminfo')) return out('meminfo-api23.txt');
    return '';
  });
  const summary = await androidPerformanceProbe.run(ctx);
  assert.equal(summary.status, 'done');
  assert.equal(commands.filter((c) => c === `am force-stop ${PKG}`).length, 3);
  assert.ok(commands.includes(`dumpsys gfxinfo ${PKG} reset`));
  const bundle = readEvidenceBundle(dir);
  const event = bundle.probes!.performance[0]!;
  assert.equal(event.firstContentMs, 6100);
  assert.deepEqual(event.figures!.map((f) => [f.budget, f.value]), [['firstContentMs', 6100], ['slowFramePercent', 16.28], ['frozenFramePercent', 0], ['worstFrameMs', 200], ['appMemoryBytes', 145991 * 1024]]);
  assert.match(event.figures![0]!.command, /adb shell am start -W -n cn\.gov\.demo\/\.MainActivity/);
  const detection = detectPerformance(bundle, DEFAULT_DETECTOR_SETTINGS);
  assert.equal(detection.inconclusiveReason, undefined);
  assert.ok(detection.findings.some((f) => /冷启动耗时.*6100 ms，超过预算 5000 ms（依据：Android vitals/.test(f.summary) && /测量命令：adb shell/.test(f.summary) && f.evidence.length === 1));
});

test('performance probe on a fast app: every budgeted figure measured and within budget, the check has no finding and is decided', async () => {
  const { ctx, dir } = context((c) => (c.startsWith('am start -W') ? out('am-start-w.txt') : c === `dumpsys gfxinfo ${PKG}` ? out('gfxinfo-api28.txt') : c.startsWith('dumpsys meminfo') ? out('meminfo-api23.txt') : ''));
  await androidPerformanceProbe.run(ctx);
  const detection = detectPerformance(readEvidenceBundle(dir), DEFAULT_DETECTOR_SETTINGS);
  assert.deepEqual(detection.findings, []);
  assert.equal(detection.inconclusiveReason, undefined);
});

test('Android budgets: H5-only budgets of the profile dropped, the profile wins where it sets one', () => {
  const b = androidBudgets({ firstContentMs: 3000, jsHeapBytes: 10, interactiveMs: 5000, sources: { firstContentMs: '实验室' } });
  assert.equal(b.firstContentMs, 3000);
  assert.equal(b.sources!.firstContentMs, '实验室');
  assert.equal(b.jsHeapBytes, undefined);
  assert.equal(b.interactiveMs, undefined);
  assert.equal(b.frozenFramePercent, 0.1);
});

test('prompts become permission records: camera after a tap, location at launch, storage left out', () => {
  assert.equal(capabilityOf('要允许“掌上政务”获取此设备的位置信息吗？'), 'geolocation');
  assert.equal(capabilityOf('Allow Demo to take pictures and record video?'), 'camera');
  const records = promptRecords([
    { message: '要允许“掌上政务”获取此设备的位置信息吗？', answer: '允许', after: 'launch', atMs: 1500 },
    { message: '要允许“掌上政务”拍摄照片和录制视频吗？', answer: '允许', after: '/hierarchy/x', afterLabel: '扫一扫', atMs: 4000 },
    { message: '要允许“掌上政务”访问您设备上的照片和媒体内容吗？', answer: '允许', after: 'launch', atMs: 1600 },
  ], 1000, `${PKG}/${PKG}.MainActivity`);
  assert.deepEqual(records.map((r) => [r.capability, r.afterUserAction, r.atMs]), [['geolocation', false, 500], ['camera', true, 3000]]);
});

test('login cadence: a device that refuses to set its clock skips the probe with its own answer', async () => {
  const screens = [launchScreen('s0', { nodes: [{ id: 0, parent: null, role: 'android.widget.EditText', text: '', fullText: '', bounds: { x: 0, y: 0, width: 10, height: 10 }, clickable: true, editable: true, scrollable: false, inputType: 'password', platform: 'android' }] })];
  const { ctx } = context((c) => (c === 'date +%s' ? '1765000000\n' : c.startsWith('date -u') ? 'date: cannot set date: Operation not permitted' : ''), evidence({ screens }));
  ctx.device.snapshot = () => Promise.resolve({ screenKey: 'k', url: '', title: '', visibleText: '', viewport: { width: 1, height: 1, devicePixelRatio: 1 }, nodes: [] });
  const summary = await androidLoginCadenceProbe.run(ctx);
  assert.equal(summary.status, 'skipped');
  assert.match(summary.text, /Operation not permitted/);
  assert.equal(dateSetArgument(1765000000 + 25 * 3600), '120706462025.40');
});
