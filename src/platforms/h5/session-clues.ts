/** What a signed-in page says about its session's lifetime: cookie expiry, JWT `exp`, timestamps in storage. */
import type { SessionClues } from '../../evidence/probe-types.js';
import type { PageTools } from './page-tools.js';

export type { SessionClues };

const HOUR = 3_600_000;
const STORAGE_SCRIPT = `
  var out = [];
  [['localStorage', window.localStorage], ['sessionStorage', window.sessionStorage]].forEach(function (pair) {
    try { for (var i = 0; i < pair[1].length; i++) { var k = pair[1].key(i); out.push([pair[0] + ':' + k, String(pair[1].getItem(k)).slice(0, 4000)]); } } catch (e) {}
  });
  return JSON.stringify(out);`;

/** Reads cookies (through the DevTools protocol) and web storage of the current page. */
export async function readSessionClues(web: PageTools, appUrl: string, now = Date.now()): Promise<SessionClues> {
  const { cookies } = await web.cdp.send<{ cookies: { name: string; expires: number; session: boolean }[] }>('Network.getCookies', { urls: [appUrl] }).catch(() => ({ cookies: [] }));
  const storage = JSON.parse(await web.execute<string>(STORAGE_SCRIPT)) as [string, string][];
  return sessionClues(cookies, storage, now);
}

/** Pure: the clues from cookies and storage entries at time `now` (ms). */
export function sessionClues(cookies: { name: string; expires: number; session: boolean }[], storage: [string, string][], now: number): SessionClues {
  const clues: SessionClues = {
    cookies: cookies.map((c) => (c.session || c.expires <= 0 ? { name: c.name } : { name: c.name, expiresInHours: round((c.expires * 1000 - now) / HOUR) })),
    tokens: [],
    timestamps: [],
  };
  for (const [key, value] of storage) {
    for (const exp of jwtExpiries(value)) clues.tokens.push({ key, expiresInHours: round((exp * 1000 - now) / HOUR) });
    for (const ts of timestamps(value, now)) clues.timestamps.push({ key, ageHours: round((now - ts) / HOUR) });
  }
  return clues;
}

const JWT = /eyJ[\w-]+\.([\w-]+)\.[\w-]*/g;

function jwtExpiries(value: string): number[] {
  const found: number[] = [];
  for (const m of value.matchAll(JWT)) {
    try {
      const payload = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as { exp?: unknown };
      if (typeof payload.exp === 'number') found.push(payload.exp);
    } catch { /* not a JWT after all */ }
  }
  return found;
}

/** Millisecond timestamps within the last year (login times, expiry times are in the future and also count). */
function timestamps(value: string, now: number): number[] {
  return [...value.matchAll(/(?<!\d)1\d{12}(?!\d)/g)].map((m) => Number(m[0])).filter((ts) => Math.abs(now - ts) < 366 * 24 * HOUR && ts <= now);
}

function round(hours: number): number {
  return Math.round(hours * 10) / 10;
}
