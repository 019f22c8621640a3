/**
 * npm run bench:explore — explores every sample app (samples/<name>/manifest.json declares its
 * screens) with the explorer and with a random walk given the same number of actions, on the
 * default device through Appium 3 + Chromium, and prints one table. Not a timed test: it
 * measures. Screens count as reached when a visited screen has the manifest route (and title,
 * where several declared screens share a route: scripts/declared-screens.ts). The framework samples
 * (built from real npm packages, issue 10) are among them; `--apps framework` runs only those. The
 * explorer's row names the declared screens it missed.
 *   npm run bench:explore [-- --budget 60 --apps deep-services,login-wall --seed 7]
 *   npm run bench:explore -- --budget 90 --apps framework
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DEVICE, SAMPLES_DIR } from '../src/core/paths.js';
import { loadDeviceProfile } from '../src/devices/profile.js';
import { secretMask } from '../src/evidence/secret-mask.js';
import { EvidenceStore, readEvidenceBundle } from '../src/evidence/store.js';
import { exploreBreadthFirst } from '../src/explore/bfs-explorer.js';
import { randomWalk } from '../src/explore/random-walk.js';
import { h5ScreenKey as routeKey } from '../src/platforms/h5/screen-key.js';
import { H5Session } from '../src/platforms/h5/h5-session.js';
import { startUrlDevice as startH5Device } from '../src/runner/standalone-device.js';
import { serveFolder } from '../src/runner/sample-server.js';
import { formatProfile, profiled, type CallProfile } from './bench-profile.js';
import { FRAMEWORK_SAMPLES, reachedScreens, readManifest, type SampleManifest, type VisitedScreen } from './declared-screens.js';

interface Row { app: string; declared: number; who: string; reached: number; found: number; actions: number; seconds: number; complete?: boolean; missed?: string }

const { values } = parseArgs({ options: { budget: { type: 'string', default: '60' }, apps: { type: 'string' }, seed: { type: 'string', default: '7' }, profile: { type: 'boolean', default: false }, device: { type: 'string', default: DEFAULT_DEVICE } } });
const budgetMs = Number(values.budget) * 1000;
const named = values.apps === 'framework' ? [...FRAMEWORK_SAMPLES] : values.apps?.split(',');
const apps = (named ?? readdirSync(SAMPLES_DIR)).filter((a) => existsSync(join(SAMPLES_DIR, a, 'manifest.json'))).sort();
const device = loadDeviceProfile(values.device);

/** How many declared screens the visited ones match. */
function reached(manifest: SampleManifest, visited: VisitedScreen[]): number {
  return reachedScreens(manifest, visited).length;
}

/** The ids of the declared screens not reached. */
function missed(manifest: SampleManifest, visited: VisitedScreen[]): string {
  const hit = new Set(reachedScreens(manifest, visited).map((s) => s.id));
  return manifest.screenList.filter((s) => !hit.has(s.id)).map((s) => s.id).join(',') || '-';
}

function credentialsOf(app: string): { username: string; password: string } | undefined {
  const file = join(SAMPLES_DIR, app, 'test-account.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { username: string; password: string }) : undefined;
}

const rows: Row[] = [];
const first = await serveFolder(join(SAMPLES_DIR, apps[0]!));
const h5 = await startH5Device(device, first.url);
await first.close();
try {
  for (const app of apps) {
    const manifest = readManifest(app);
    const server = await serveFolder(join(SAMPLES_DIR, app));
    const out = mkdtempSync(join(tmpdir(), 'bench-explore-'));
    try {
      // One Appium server and one Chromium for all apps; each app gets its own session adapter.
      const profile = new Map<string, CallProfile>();
      const plain = new H5Session(h5.browser, server.url, device.exploration?.settleQuietMs, device.exploration?.settleMaxMs);
      const session = values.profile ? profiled(plain, profile) : plain;
      await session.drainNetwork();
      const credentials = credentialsOf(app);
      const started = Date.now();
      const coverage = await exploreBreadthFirst(session, new EvidenceStore(out, secretMask(credentials)), { budgetMs, maxActions: 10_000, launchLabel: '启动', ...(credentials ? { credentials } : {}) });
      const seconds = (Date.now() - started) / 1000;
      const visited = readEvidenceBundle(out).screens.map((s) => ({ url: s.url, title: s.title }));
      if (values.profile) process.stderr.write(`${app}: explorer\n${formatProfile(profile)}\n  states: ${visited.map((v) => `${v.title} ${routeKey(v.url)}`).join(', ')}\n`);
      profile.clear();
      rows.push({ app, declared: manifest.screens, who: 'explorer', reached: reached(manifest, visited), found: coverage.screens, actions: coverage.actions, seconds, complete: coverage.complete, missed: missed(manifest, visited) });
      const walk = await randomWalk(session, { budgetMs, maxActions: coverage.actions, seed: Number(values.seed), ...(credentials ? { testData: credentials } : {}) });
      if (values.profile) process.stderr.write(`${app}: random walk\n${formatProfile(profile)}\n`);
      rows.push({ app, declared: manifest.screens, who: 'random walk', reached: reached(manifest, walk.screens), found: walk.screens.length, actions: walk.actions, seconds: walk.durationMs / 1000 });
    } finally {
      rmSync(out, { recursive: true, force: true });
      await server.close();
    }
  }
} finally {
  await h5.close();
}

const header = ['app', 'strategy', 'reached/declared', 'states', 'actions', 'wall s', 'actions/s', 'complete', 'missed'];
const lines = rows.map((r) => [r.app, r.who, `${r.reached}/${r.declared}`, String(r.found), String(r.actions), r.seconds.toFixed(1), (r.actions / r.seconds).toFixed(2), r.complete === undefined ? '-' : String(r.complete), r.missed ?? '']);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
process.stdout.write([`device ${device.name}, budget ${budgetMs / 1000} s per app, random-walk seed ${values.seed}, random walk capped at the explorer's action count`, fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n') + '\n');
