// 动态探针: after exploration, watch what the app does (network while idle, permissions, launch
// performance, blank screens, IPv6); the checks below judge what the probes recorded. Some probes
// run alongside the others (started before the OCR pass); their tests await them.
import { browser } from '@wdio/globals';
import { probesInOrder, runProbeInSuite, settleAlongside, startAlongside } from '../src/audit/probe-suite.js';
import { timePhase } from '../src/audit/phase-timer.js';

describe('动态探针', () => {
  before(() => startAlongside(browser));
  after(() => settleAlongside());
  for (const probe of probesInOrder()) {
    it(`${probe.title}（${probe.id}）`, async function () {
      await timePhase(`probe:${probe.id}`, () => runProbeInSuite(this, browser, probe.id));
    });
  }
});
