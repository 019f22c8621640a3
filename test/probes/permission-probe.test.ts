/**
 * The permissions probe over a scripted control: both launches recorded, the denied one only when
 * the launch asked; a replay's own launch prompt is not listed as asked after its taps; the
 * platform's limits end the text.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PermissionRequestRecord } from '../../src/evidence/probe-types.js';
import { noSecrets } from '../../src/evidence/secret-mask.js';
import { EvidenceStore } from '../../src/evidence/store.js';
import { permissionProbe } from '../../src/probes/permission-probe.js';
import { runAndRecord, type ProbeBase } from '../../src/probes/probe-run.js';
import type { PermissionControl, PermissionMode } from '../../src/probes/probe-tools.js';
import { sessionStub } from '../helpers/session-stub.js';
import { evidence, launchScreen } from './probe-fixtures.js';

const contacts = (afterUserAction: boolean): PermissionRequestRecord => ({ capability: 'contacts', api: '系统权限提示「通讯录」', atMs: 10, afterUserAction, url: 'app' });
const camera: PermissionRequestRecord = { capability: 'camera', api: '系统权限提示「相机」', atMs: 900, afterUserAction: true, url: 'app' };

/** The app asks contacts at every launch; the camera only after 上传照片. */
function scripted(log: string[]): { control: PermissionControl; base: ProbeBase } {
  let mode: PermissionMode = 'granted';
  let tapped: string[] = [];
  const control: PermissionControl = {
    limits: ['通知权限无法重置'],
    answerWith: (m) => { mode = m; log.push(`answer ${m}`); return Promise.resolve(); },
    markUserAction: () => Promise.resolve(),
    requests: () => Promise.resolve([contacts(false), ...(tapped.includes('#upload') ? [camera] : [])]),
  };
  const device = sessionStub({
    launch: () => { tapped = []; log.push(`launch ${mode}`); return Promise.resolve(); },
    tap: (locator: string) => { tapped.push(locator); return Promise.resolve(); },
    snapshot: () => Promise.resolve({ screenKey: 'k', url: '', title: 't', visibleText: '', viewport: { width: 1, height: 1, devicePixelRatio: 1 }, nodes: [] }),
    screenshot: () => Promise.resolve(Buffer.from('png')),
  });
  const explored = evidence({
    screens: [
      launchScreen('s0'),
      launchScreen('s1', { depth: 1, steps: [{ action: 'launch', label: '打开' }, { action: 'tap', label: '点击「办事」', locator: '#work' }] }),
      launchScreen('s2', { depth: 1, steps: [{ action: 'launch', label: '打开' }, { action: 'tap', label: '点击「上传照片」', locator: '#upload' }] }),
    ],
  });
  const store = new EvidenceStore(mkdtempSync(join(tmpdir(), 'permission-probe-')), noSecrets);
  return { control, base: { device, store, explored, appUrl: 'app', budgetMs: 60_000, now: () => 0, sleep: () => Promise.resolve() } };
}

void describe('permissions probe', () => {
  void it('launches granted then denied, lists only what taps asked after them, and ends with the platform\'s limits', async () => {
    const log: string[] = [];
    const { control, base } = scripted(log);
    const summary = await runAndRecord(permissionProbe, base, { permissionControl: control });
    assert.deepEqual(log.slice(0, 4), ['answer granted', 'launch granted', 'answer denied', 'launch denied']);
    assert.equal(summary.text, '启动时申请的权限：contacts。全部允许时可操作控件 0 个，全部拒绝时 0 个。回放 2 个界面，点击后申请权限的：点击「上传照片」：camera。通知权限无法重置。');
  });
});
