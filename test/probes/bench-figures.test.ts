/** The cells of npm run bench:probes, from built evidence. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figureRow, markdownTable } from '../../scripts/bench-probe-figures.js';
import { beats, evidence, measured, permissionLaunch, probes } from './probe-fixtures.js';

void describe('bench:probes figures', () => {
  void it('tables the periodic endpoint, permissions, launch, heap, IPv6 and re-login figures of one run', () => {
    const heartbeat = beats('http://127.0.0.1:8080/api/beat', 4, 2000, () => ({ online: true }), { probe: 'network-idle' });
    const bundle = evidence({
      network: heartbeat,
      probes: probes({
        idle: [{ type: 'idle-window', url: 'u', fromTs: 0, toTs: 8000, requests: 4, har: { kind: 'network', path: 'p', sha256: 's' } }],
        permissions: [
          permissionLaunch('granted', { requests: [{ capability: 'clipboard', api: 'clipboard.readText', atMs: 40, afterUserAction: false, url: 'u' }] }),
          permissionLaunch('denied', { actionable: 1 }),
          permissionLaunch('granted', { stepLabels: ['点击「扫码」'], requests: [{ capability: 'camera', api: 'getUserMedia', atMs: 900, afterUserAction: true, url: 'u' }] }),
        ],
        performance: [measured({
          firstContentMs: 196, interactiveMs: 210, longTasks: { count: 1, totalMs: 60, worstMs: 60 },
          taps: { input: 'cdp-touch', worstMs: 808, medianMs: 808, taps: [{ steps: [], screenId: 's0', label: '点击「重新授权」', ms: 808, method: 'event-timing' }, { steps: [], screenId: 's0', label: '点击「登录」', reason: '回放失败' }] },
          frames: { measurable: true, during: 'scroll-gesture', scrolled: false, frames: 62, expectedIntervalMs: 16.6, janky: 0, worstMs: 17 },
        })],
        heap: [{ type: 'heap-samples', url: 'u', samples: [{ atMs: 0, usedBytes: 1_048_576 }, { atMs: 60_000, usedBytes: 3_145_728 }] }],
        render: { type: 'render-check', screensChecked: 2, blank: [] },
        ipv6: { type: 'ipv6-probe', mode: 'loopback', loaded: true },
        login: { type: 'login-cadence', hasLogin: true, signedIn: true, checkedHours: [25], loginAgainAfterHours: 25 },
      }),
    });
    assert.deepEqual(figureRow('app', { ...bundle, crashes: [{}, {}] } as typeof bundle), [
      'app', '8 s idle: POST /api/beat ≈2.0 s', 'clipboard', 'camera', '3/1', '196', '210', '60', '1/2, 808/808', '62, 0, 17 (no scroll)', '1.0/3.0', '+2.0', '0', 'loaded', 'after 25 h', '2',
    ]);
  });

  void it('shows a dash, never a zero, where a probe did not run', () => {
    assert.deepEqual(figureRow('app', evidence()).slice(1), ['—', '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', '0']);
    assert.equal(markdownTable(['a', 'b'], [['x|y', 'z']]), '| a | b |\n| --- | --- |\n| x\\|y | z |');
  });
});
