/** The platform-neutral engine: taps, back, permission prompts, crash, scroll, text entry, model validation. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SimAppModel } from '../../src/sim/engine/app-model.js';
import { parseAppModel } from '../../src/sim/engine/app-model-validate.js';
import { SimDevice } from '../../src/sim/engine/sim-device.js';
import { flatten, hitTest, buildViewTree } from '../../src/sim/engine/view-tree.js';
import { androidSystemUi } from '../../src/sim/android/android-system-ui.js';
import { androidLogStyle } from '../../src/sim/android/android-log-style.js';
import { findAnrs, parseLogcat } from '../../src/device/android/logcat.js';
import { formatThreadtime } from '../../src/sim/android/logcat-command.js';
import type { SimRequest } from '../../src/sim/engine/app-model.js';

const PKG = 'org.example.demo';

function model(): SimAppModel {
  const row = (i: number) => ({ class: 'android.widget.TextView', text: `第${i}行`, bounds: [0, 300 + i * 200, 1080, 500 + i * 200] as [number, number, number, number] });
  return {
    schemaVersion: 1, package: PKG, label: '演示', startScreen: 'home', coldStartMs: 0,
    screens: {
      home: {
        activity: '.Main',
        root: { class: 'android.widget.FrameLayout', bounds: [0, 0, 1080, 2400], children: [
          { class: 'android.widget.Button', id: `${PKG}:id/go`, text: '去详情', bounds: [0, 100, 1080, 250], clickable: true, onTap: { goto: 'detail', requests: [{ method: 'GET', url: 'http://svc.example/detail' }] } },
          { class: 'android.widget.Button', id: `${PKG}:id/cam`, text: '拍照', bounds: [0, 2000, 1080, 2150], clickable: true, onTap: { askPermission: { permission: 'android.permission.CAMERA', onAllow: { goto: 'camera' }, onDeny: { toast: '未授权' } } } },
          { class: 'android.widget.Button', id: `${PKG}:id/boom`, text: '崩溃', bounds: [0, 2200, 1080, 2350], clickable: true, onTap: { crash: 'java.lang.IllegalStateException: boom' } },
          { class: 'android.widget.Button', id: `${PKG}:id/slow`, text: '加载', bounds: [0, 1800, 1080, 1950], clickable: true, onTap: { freezeMs: 5300, goto: 'detail' } },
        ] },
      },
      detail: {
        activity: '.Detail',
        root: { class: 'android.widget.FrameLayout', bounds: [0, 0, 1080, 2400], children: [
          { class: 'android.widget.EditText', id: `${PKG}:id/q`, hint: '搜索', bounds: [0, 100, 1080, 250], editable: true, onText: { requests: [{ method: 'POST', url: 'http://svc.example/q', body: { q: '{text}' } }] } },
          { class: 'androidx.recyclerview.widget.RecyclerView', id: `${PKG}:id/list`, bounds: [0, 300, 1080, 1300], scrollable: true, children: Array.from({ length: 10 }, (_, i) => row(i)) },
        ] },
      },
      camera: { activity: '.Camera', root: { class: 'android.widget.FrameLayout', bounds: [0, 0, 1080, 2400] } },
    },
  };
}

function device(sent: { r: SimRequest; context: string }[] = []): SimDevice {
  const d = new SimDevice({ screen: { width: 1080, height: 2400, density: 420 }, systemUi: androidSystemUi, logStyle: androidLogStyle, send: (r, from) => sent.push({ r, context: from.context }) });
  d.install({ packageName: PKG, versionCode: 1, versionName: '1.0', activities: [`${PKG}.Main`], requestedPermissions: ['android.permission.CAMERA'], launchActivity: `${PKG}.Main`, model: model() });
  return d;
}

const texts = (d: SimDevice) => flatten(d.view()).map((n) => n.text).filter(Boolean);

describe('simulated app session', () => {
  it('a tap on a clickable node sends its requests and opens the next screen; back returns', async () => {
    const sent: { r: SimRequest; context: string }[] = [];
    const d = device(sent);
    await d.launch(PKG);
    assert.equal(d.tap(540, 150)?.node.id, `${PKG}:id/go`);
    assert.equal(d.focus().activity, `${PKG}.Detail`);
    assert.deepEqual(sent.map((s) => [s.r.url, s.context]), [['http://svc.example/detail', `tap:${PKG}:id/go`]]);
    d.back();
    assert.equal(d.focus().activity, `${PKG}.Main`);
    d.back();
    assert.equal(d.foreground(), undefined, 'back on the last screen leaves the app');
  });

  it('an explicit activity opens its screen directly', async () => {
    const d = device();
    await d.launch(PKG, { activity: '.Detail' });
    assert.equal(d.focus().activity, `${PKG}.Detail`);
  });

  it('a tap where nothing is clickable does nothing', async () => {
    const d = device();
    await d.launch(PKG);
    assert.equal(d.tap(540, 1000), undefined);
    assert.equal(d.focus().activity, `${PKG}.Main`);
  });

  it('a permission prompt is the permission controller dialog alone; deny records the denial and runs onDeny', async () => {
    const d = device();
    await d.launch(PKG);
    d.tap(540, 2050);
    assert.equal(d.focus().pkg, 'com.android.permissioncontroller');
    const ids = flatten(d.view()).map((n) => n.node.id).filter(Boolean);
    assert.ok(ids.includes('com.android.permissioncontroller:id/permission_allow_button'));
    assert.ok(!ids.includes(`${PKG}:id/go`), 'the app below is not in the dialog window');
    const deny = flatten(d.view()).find((n) => n.node.id === 'com.android.permissioncontroller:id/permission_deny_button')!;
    d.tap(deny.bounds[0] + 5, deny.bounds[1] + 5);
    assert.equal(d.packages.get(PKG)?.denied.has('android.permission.CAMERA'), true);
    assert.equal(d.focus().activity, `${PKG}.Main`);
    assert.ok(texts(d).includes('未授权'), 'the toast shows');
  });

  it('allow grants the permission and continues; a granted permission is not asked again', async () => {
    const d = device();
    await d.launch(PKG);
    d.tap(540, 2050);
    const allow = flatten(d.view()).find((n) => n.node.id === 'com.android.permissioncontroller:id/permission_allow_button')!;
    d.tap(allow.bounds[0] + 5, allow.bounds[1] + 5);
    assert.equal(d.packages.get(PKG)?.granted.has('android.permission.CAMERA'), true);
    assert.equal(d.focus().activity, `${PKG}.Camera`);
    assert.equal(d.appOps.get(PKG)?.get('android.permission.CAMERA')?.count, 1, 'the camera was used once granted');
    d.back();
    d.tap(540, 2050);
    assert.equal(d.focus().activity, `${PKG}.Camera`, 'no second dialog');
  });

  it('a crash writes FATAL EXCEPTION to the log and kills the process', async () => {
    const d = device();
    await d.launch(PKG);
    const pid = d.processes.get(PKG)!.pid;
    d.tap(540, 2250);
    assert.equal(d.processes.has(PKG), false);
    const lines = d.log.all().filter((e) => e.tag === 'AndroidRuntime').map((e) => e.message);
    assert.deepEqual(lines.slice(0, 3), ['FATAL EXCEPTION: main', `Process: ${PKG}, PID: ${pid}`, 'java.lang.IllegalStateException: boom']);
    assert.notEqual(d.focus().pkg, PKG);
  });

  it('a freeze over 5 s blocks input, reports ANR in the log and shows the not-responding dialog; wait continues, close kills', async () => {
    const d = device();
    await d.launch(PKG);
    const pid = d.processes.get(PKG)!.pid;
    d.tap(540, 1850);
    assert.equal(d.tap(540, 150), undefined, 'input is not handled while frozen');
    await new Promise((r) => setTimeout(r, 5100));
    assert.equal(d.focus().pkg, 'android');
    const anrs = findAnrs(parseLogcat(d.log.all().map(formatThreadtime).join('')).entries);
    assert.deepEqual(anrs.map((a) => [a.process, a.pid, a.component]), [[PKG, pid, `${PKG}/.Main`]]);
    const wait = flatten(d.view()).find((n) => n.node.id === 'android:id/aerr_wait')!;
    d.tap(wait.bounds[0] + 5, wait.bounds[1] + 5);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(d.focus().activity, `${PKG}.Detail`, 'the action finishes once the freeze is over');
    d.back();
    d.tap(540, 1850);
    await new Promise((r) => setTimeout(r, 5100));
    const close = flatten(d.view()).find((n) => n.node.id === 'android:id/aerr_close')!;
    d.tap(close.bounds[0] + 5, close.bounds[1] + 5);
    assert.equal(d.processes.has(PKG), false);
    assert.equal(d.log.all().filter((e) => e.message === 'FATAL EXCEPTION: main').length, 0, 'closing is not a crash');
  });

  it('scrolling moves the list content and stops at its end; hidden rows leave the tree', async () => {
    const d = device();
    await d.launch(PKG);
    d.tap(540, 150);
    const session = d.topSession()!;
    const list = flatten(d.view()).find((n) => n.node.id === `${PKG}:id/list`)!;
    assert.ok(texts(d).includes('第0行'));
    assert.ok(!texts(d).includes('第9行'));
    assert.equal(session.scrollBy(list.key, 5000), 1000, 'content 2000 px tall in a 1000 px view scrolls 1000 px');
    assert.ok(texts(d).includes('第9行'));
    assert.ok(!texts(d).includes('第0行'));
    assert.equal(session.scrollBy(list.key, 10), 0);
  });

  it('text entry replaces the field text and sends its onText request with the text', async () => {
    const sent: { r: SimRequest; context: string }[] = [];
    const d = device(sent);
    await d.launch(PKG);
    d.tap(540, 150);
    const field = flatten(d.view()).find((n) => n.node.id === `${PKG}:id/q`)!;
    assert.equal(d.topSession()!.setText(field.key, '社保'), true);
    assert.ok(texts(d).includes('社保'));
    assert.deepEqual(sent.at(-1)?.r.body, { q: '社保' });
  });

  it('typed text and scroll offsets belong to the page they were made on: not shown on another page, gone when the page is opened anew', async () => {
    const d = device();
    await d.launch(PKG);
    d.tap(540, 150);
    const field = flatten(d.view()).find((n) => n.node.id === `${PKG}:id/q`)!;
    d.topSession()!.setText(field.key, '社保');
    d.topSession()!.scrollBy('0/1', 600);
    d.back();
    const go = flatten(d.view()).find((n) => n.node.id === `${PKG}:id/go`)!;
    assert.equal(go.key, field.key, 'the home button sits at the key the detail field had');
    assert.equal(go.text, '去详情');
    d.tap(540, 150);
    assert.ok(!texts(d).includes('社保'), 'a page opened again starts empty');
    assert.ok(texts(d).includes('第0行'), 'and at the top of its list');
  });

  it('typed text survives a page opened on top and closed again', async () => {
    const d = device();
    d.packages.get(PKG)!.model!.screens['detail']!.root.children!.push({ class: 'android.widget.Button', text: '更多', bounds: [0, 2200, 1080, 2350], clickable: true, onTap: { goto: 'camera' } });
    await d.launch(PKG);
    d.tap(540, 150);
    const field = flatten(d.view()).find((n) => n.node.id === `${PKG}:id/q`)!;
    d.topSession()!.setText(field.key, '社保');
    d.tap(540, 2300);
    assert.equal(d.focus().activity, `${PKG}.Camera`);
    d.back();
    assert.ok(texts(d).includes('社保'));
  });

  it('a cold start waits the model time; a second launch is warm', async () => {
    const d = device();
    d.packages.get(PKG)!.model!.coldStartMs = 300;
    const cold = await d.launch(PKG);
    assert.equal(cold.cold, true);
    assert.ok(cold.totalMs >= 300, String(cold.totalMs));
    const warm = await d.launch(PKG);
    assert.equal(warm.cold, false);
    assert.ok(warm.totalMs < 300);
  });

  it('hit testing picks the deepest clickable node', () => {
    const root = buildViewTree({ pkg: PKG, scroll: new Map(), texts: new Map(), root: { class: 'F', bounds: [0, 0, 100, 100], clickable: true, children: [{ class: 'B', bounds: [10, 10, 50, 50], clickable: true }] } });
    assert.equal(hitTest(root, 20, 20)?.node.class, 'B');
    assert.equal(hitTest(root, 80, 80)?.node.class, 'F');
  });
});

describe('app model validation', () => {
  it('accepts a valid model', () => {
    assert.equal(parseAppModel(model(), 'test').package, PKG);
  });

  it('names the wrong field', () => {
    const bad = model() as unknown as { screens: { home: { root: { bounds: unknown } } } };
    bad.screens.home.root.bounds = [0, 0, 1];
    assert.throws(() => parseAppModel(bad, 'x.json'), /Invalid app model in x\.json: \/screens\/home\/root\/bounds/);
  });

  it('rejects a transition to an undefined screen', () => {
    const bad = model();
    bad.screens['home']!.root.children![0]!.onTap = { goto: 'nowhere' };
    assert.throws(() => parseAppModel(bad, 'x.json'), /screen "nowhere" is referenced but not defined/);
  });
});
