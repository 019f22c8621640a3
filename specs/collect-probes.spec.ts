// 动态探针: after exploration, watch what the app does (network while idle, permissions, launch
// performance, blank screens, IPv6); the checks below judge what the probes recorded.
import { browser } from '@wdio/globals';
import { runProbeTest } from '../src/audit/probe-test.js';
import { timePhase } from '../src/audit/phase-timer.js';
import { PROBES } from '../src/probes/index.js';

describe('动态探针', () => {
  for (const probe of PROBES) {
    it(`${probe.title}（${probe.id}）`, async function () {
      await timePhase(`probe:${probe.id}`, () => runProbeTest(this, browser, probe.id));
    });
  }
});
