/** The stability check blames the app only for what it did, and shows the cause: the favicon the browser asked for, the tap before a failure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_ELEMENT_TO_BOX } from '../../src/checks/detectors/stability-cause.js';
import { detectStability } from '../../src/checks/detectors/stability.js';
import { DEFAULT_DETECTOR_SETTINGS } from '../../src/checks/detectors/types.js';
import type { EvidenceBundle, TransitionEvent } from '../../src/evidence/types.js';
import { appCrash, bundle, button, consoleEntry, el, nodeByText, request, screen, stepsTo } from '../helpers/evidence-builder.js';

const origin = 'https://app.example.gov.cn';
const home = screen({ id: 's0', title: '政务服务', body: [el('h1', '政务服务'), button('办事指南'), button('我的')] });
const mine = screen({ id: 's1', title: '我的', depth: 1, steps: stepsTo(1, ['我的']), body: [el('h1', '我的'), button('我的办件')] });
const findings = (b: EvidenceBundle) => detectStability(b, DEFAULT_DETECTOR_SETTINGS).findings;
const LAUNCH_TS = Date.parse('2026-03-01T08:00:00.000Z');

/** The explorer's transition after tapping `text` on `from`, written `afterMs` after launch. */
function tapped(from: typeof home, text: string, to: typeof home, afterMs: number): TransitionEvent {
  const node = nodeByText(from, text);
  return { type: 'transition', from: from.id, to: to.id, step: { action: 'tap', label: `点击「${text}」`, locator: node.locator!, text }, at: new Date(LAUNCH_TS + afterMs).toISOString() };
}

function withTransitions(b: EvidenceBundle, transitions: TransitionEvent[]): EvidenceBundle {
  b.transitions = transitions;
  return b;
}

void describe('stability: what the app did not ask for', () => {
  void it('does not count the favicon the browser requests by itself', () => {
    const favicon = request({ method: 'GET', url: `${origin}/favicon.ico`, status: 404, resourceType: 'Other', screenId: 's0', ts: LAUNCH_TS });
    const untyped = request({ method: 'GET', url: `${origin}/favicon.ico`, status: 404, resourceType: undefined, ts: LAUNCH_TS });
    assert.deepEqual(findings(bundle({ appOrigin: origin, screens: [home], network: [favicon, untyped] })), []);
  });

  void it('still counts an icon the app itself loads, and a missing icon elsewhere', () => {
    const asImage = request({ method: 'GET', url: `${origin}/favicon.ico`, status: 404, resourceType: 'Image', ts: LAUNCH_TS });
    const declared = request({ method: 'GET', url: `${origin}/static/favicon.ico`, status: 404, resourceType: 'Other', ts: LAUNCH_TS });
    assert.deepEqual(findings(bundle({ appOrigin: origin, network: [asImage, declared] })).map((f) => f.request?.url), [asImage.url, declared.url]);
  });
});

void describe('stability: a finding shows its cause', () => {
  void it('boxes the control tapped just before a failed request, on the screen it was tapped on', () => {
    const failed = request({ method: 'GET', url: `${origin}/api/my/items`, status: 500, screenId: 's1', ts: LAUNCH_TS + 4_000 });
    const b = withTransitions(bundle({ appOrigin: origin, screens: [home, mine], network: [failed] }), [tapped(home, '我的', mine, 4_500), tapped(mine, '我的办件', mine, 9_000)]);
    const [finding, ...rest] = findings(b);
    assert.equal(rest.length, 0);
    assert.equal(finding?.summary, `在「政务服务」界面点击「我的」后，应用自身资源加载失败：GET ${failed.url} → HTTP 500。`);
    assert.equal(finding.screen, 's0');
    assert.deepEqual(finding.bounds, nodeByText(home, '我的').bounds);
    assert.equal(finding.nodeId, nodeByText(home, '我的').id);
    assert.deepEqual(finding.steps?.map((s) => s.label), ['启动应用', '点击「我的」']);
    assert.deepEqual(finding.evidence, [home.screenshot]);
  });

  void it('boxes the tap for a script error too, when the tap kept the screen', () => {
    const error = consoleEntry('Uncaught TypeError: x is undefined', { screenId: 's1', ts: LAUNCH_TS + 8_000 });
    const b = withTransitions(bundle({ screens: [home, mine], console: [error] }), [tapped(home, '我的', mine, 4_500), tapped(mine, '我的办件', mine, 9_000)]);
    const [finding] = findings(b);
    assert.match(finding?.summary ?? '', /^在「我的」界面点击「我的办件」后，出现未捕获的脚本错误/);
    assert.deepEqual(finding?.bounds, nodeByText(mine, '我的办件').bounds);
  });

  void it('says there is no element to box when nothing on screen caused it (page load at launch)', () => {
    const failed = request({ method: 'GET', url: `${origin}/api/config`, status: 404, screenId: 's0', ts: LAUNCH_TS + 500 });
    // The next transition leads elsewhere: the request came from loading s0, not from that tap.
    const b = withTransitions(bundle({ appOrigin: origin, screens: [home, mine], network: [failed] }), [tapped(home, '我的', mine, 4_500)]);
    const [finding] = findings(b);
    assert.equal(finding?.bounds, undefined);
    assert.equal(finding?.screen, 's0');
    assert.ok(finding?.summary.includes(NO_ELEMENT_TO_BOX), finding?.summary);
  });

  void it('says there is no element to box for a crash on the way to a screen', () => {
    const onTheWay = appCrash(mine, '我的办件', { during: 'navigation', steps: mine.steps });
    const [finding] = findings(bundle({ screens: [home, mine], crashes: [onTheWay] }));
    assert.equal(finding?.bounds, undefined);
    assert.ok(finding?.summary.includes(NO_ELEMENT_TO_BOX), finding?.summary);
  });
});
