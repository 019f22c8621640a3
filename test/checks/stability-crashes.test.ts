/** The stability check on recorded app crashes: one finding each, with screen, element, screenshot and path; old run issues still count, never twice. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectStability } from '../../src/checks/detectors/stability.js';
import { DEFAULT_DETECTOR_SETTINGS } from '../../src/checks/detectors/types.js';
import { evaluateCheck } from '../../src/checks/evaluate.js';
import type { EvidenceBundle } from '../../src/evidence/types.js';
import { appCrash, bundle, button, coverage, el, nodeByText, runIssue, screen, stepsTo } from '../helpers/evidence-builder.js';

const home = screen({ id: 's0', title: '政务服务', body: [el('h1', '政务服务'), button('办事指南'), button('数据报表'), button('政策公开')] });
const policy = screen({ id: 's2', title: '政策公开', depth: 1, steps: stepsTo(1, ['政策公开']), body: [el('h1', '政策公开'), button('政策解读')] });
const findings = (b: EvidenceBundle) => detectStability(b, DEFAULT_DETECTOR_SETTINGS).findings;

void describe('stability: recorded app crashes', () => {
  void it('reports the crash with the screen, the tapped element, the screenshot before the tap and the replayable steps', () => {
    const crash = appCrash(home, '数据报表');
    const [finding, ...rest] = findings(bundle({ screens: [home, policy], crashes: [crash], coverage: coverage() }));
    assert.equal(rest.length, 0);
    assert.equal(finding?.summary, '在「政务服务」界面点击「数据报表」后应用崩溃（渲染进程终止），已重新启动并继续检测。');
    assert.equal(finding.screen, 's0');
    assert.deepEqual(finding.steps, crash.steps);
    assert.deepEqual(finding.steps.map((s) => s.label), ['启动应用', '点击「数据报表」']);
    assert.equal(finding.nodeId, nodeByText(home, '数据报表').id);
    assert.deepEqual(finding.bounds, nodeByText(home, '数据报表').bounds);
    assert.deepEqual(finding.evidence, [home.screenshot, home.uiTree]);
    assert.equal(finding.text, 'unknown error: WebDriverError: tab crashed');
    assert.equal(finding.source, 'probe');
  });

  void it('says when the app could not be brought back, and why', () => {
    const capped = appCrash(policy, '政策解读', { recovered: false, notRecoveredBecause: 'cap-reached' });
    const [finding] = findings(bundle({ screens: [home, policy], crashes: [capped] }));
    assert.equal(finding?.summary, '在「政策公开」界面点击「政策解读」后应用崩溃（渲染进程终止），未能恢复（本次运行的重新启动次数已达上限），其后的界面未检测。');
  });

  void it('describes a crash on the way to a screen without blaming an element', () => {
    const onTheWay = appCrash(policy, '政策解读', { during: 'navigation', steps: policy.steps });
    const [finding] = findings(bundle({ screens: [home, policy], crashes: [onTheWay] }));
    assert.match(finding?.summary ?? '', /^在前往「政策公开」界面的途中（为点击「政策解读」）应用崩溃（渲染进程终止）/);
    assert.equal(finding?.nodeId, undefined);
    assert.deepEqual(finding?.steps, policy.steps);
  });

  void it('reports each of several crashes', () => {
    assert.equal(findings(bundle({ screens: [home, policy], crashes: [appCrash(home, '数据报表'), appCrash(policy, '政策解读')] })).length, 2);
  });

  void it('keeps reporting crash run issues of older evidence, but not a second time beside the recorded crash', () => {
    const tabCrashed = runIssue('unknown error: WebDriverError: tab crashed');
    assert.equal(findings(bundle({ issues: [tabCrashed] })).length, 1, 'old evidence: the run issue alone');
    const both = findings(bundle({ screens: [home], crashes: [appCrash(home, '数据报表')], issues: [tabCrashed] }));
    assert.equal(both.length, 1);
    assert.equal(both[0]?.screen, 's0');
    assert.equal(findings(bundle({ issues: [runIssue('the launch screen could not be captured')] })).length, 0);
  });

  void it('fails the stability check on a recovered crash even when exploration otherwise completed', () => {
    const result = evaluateCheck('stability', bundle({ screens: [home, policy], crashes: [appCrash(home, '数据报表')], coverage: coverage({ screens: 2 }) }));
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 1);
  });
});
