/** Probe events round-trip through the evidence log; launch figures become one performance event. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EvidenceStore, readEvidenceBundle } from '../../src/evidence/store.js';
import { noSecrets } from '../../src/evidence/secret-mask.js';
import { mergeBlocks, performanceEvent } from '../../src/probes/performance-probe.js';
import { idleScreens } from '../../src/probes/network-idle-probe.js';
import { BUDGETS, evidence, launchScreen, measured, net, permissionLaunch } from './probe-fixtures.js';

void describe('probe evidence in the log', () => {
  void it('reads probe events back into bundle.probes, and leaves old logs without probes', () => {
    const out = mkdtempSync(join(tmpdir(), 'probe-evidence-'));
    const store = new EvidenceStore(out, noSecrets);
    store.append(launchScreen());
    assert.equal(readEvidenceBundle(out).probes, undefined);
    store.append(measured());
    store.append(permissionLaunch('granted'));
    store.append({ type: 'ipv6-probe', mode: 'not-tested', reason: 'URL' });
    store.append({ type: 'probe-run', probe: 'ipv6', status: 'skipped', durationMs: 3 });
    const probes = readEvidenceBundle(out).probes;
    assert.equal(probes?.performance[0]?.firstContentMs, 196);
    assert.equal(probes?.permissions.length, 1);
    assert.equal(probes?.ipv6?.mode, 'not-tested');
    assert.deepEqual(probes?.runs.map((r) => r.status), ['skipped']);
  });
});

void describe('performanceEvent', () => {
  void it('takes interactive as the end of the last long task after DOMContentLoaded, and keeps the budgets', () => {
    const event = performanceEvent(
      { longTasks: [{ startMs: 68, durationMs: 5503 }, { startMs: 6000, durationMs: 120 }], firstContentMs: 5660, domContentLoadedMs: 5593, loadMs: 5594, url: 'u' },
      { used: 900_000 },
      { budgets: BUDGETS },
    );
    assert.equal(event.interactiveMs, 6120);
    assert.deepEqual(event.longTasks, { count: 2, totalMs: 5623, worstMs: 5503, worstStartMs: 68 });
    assert.equal(event.jsHeapUsedBytes, 900_000);
    assert.equal(event.budgets, BUDGETS);
  });

  void it('leaves long tasks absent, not zero, when the platform cannot measure them', () => {
    const event = performanceEvent({ longTasks: null, url: 'u' }, {}, {});
    assert.equal(event.longTasks, undefined);
    assert.equal(event.interactiveMs, undefined);
  });
});

void describe('idleScreens', () => {
  void it('stays first where an endpoint repeated, then where something keeps running, then at launch, then where any API call was seen', () => {
    const repeated = launchScreen('s1', { depth: 2 });
    const timer = launchScreen('s2', { depth: 2, visibleText: '学习计时中，请勿退出页面' });
    const tapped = launchScreen('s3', { depth: 1 });
    const quiet = launchScreen('s4', { depth: 1 });
    const bundle = evidence({
      screens: [launchScreen(), repeated, timer, tapped, quiet],
      network: [
        net({ url: 'http://h/api/beat', screenId: 's1' }), net({ url: 'http://h/api/beat?n=2', screenId: 's1' }),
        net({ url: 'http://h/api/query', screenId: 's3' }), net({ url: 'http://h/i.png', resourceType: 'Image', screenId: 's4' }),
      ],
    });
    assert.deepEqual(idleScreens(bundle).map((s) => s.id), ['s1', 's2', 's0', 's3']);
  });
});

void describe('mergeBlocks', () => {
  void it('adds a timer gap the Long Tasks API missed, and counts a block both saw once', () => {
    const event = performanceEvent({ longTasks: [], gaps: [{ startMs: 40, durationMs: 5490 }], firstContentMs: 5616, domContentLoadedMs: 5559, url: 'u' }, {}, {});
    assert.deepEqual(event.longTasks, { count: 1, totalMs: 5490, worstMs: 5490, worstStartMs: 40 });
    assert.deepEqual(mergeBlocks([{ startMs: 60, durationMs: 5500 }], [{ startMs: 50, durationMs: 5480 }, { startMs: 9000, durationMs: 80 }]), [{ startMs: 60, durationMs: 5500 }, { startMs: 9000, durationMs: 80 }]);
  });
});
