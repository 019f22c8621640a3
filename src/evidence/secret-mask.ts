/**
 * Masks the lab's test account in anything a run writes: evidence events and text blobs, check
 * results, the verdict, Allure results and logs. Apps carry the account in many spellings (a JSON
 * login body, a form post, a query string, an `Authorization: Basic` header, a console line, an
 * HTML page), so every spelling below is replaced. Pure: no I/O.
 *
 * Known limit: base64 is matched for the secret alone and for `user:password`; a secret buried
 * inside a longer base64 text (a base64-encoded JSON body) at another byte offset is not found.
 */
export type Mask = <T>(value: T) => T;

export const MASKED = '******';

/** The test account as --credentials or a device profile gives it. */
export interface Account { username: string; password: string }

/** Masks one run's secrets; built by `secretMask`, never by hand, so the spellings are always complete. */
export interface SecretMask {
  /** False for `noSecrets`: nothing is replaced. */
  readonly active: boolean;
  /** Every spelling replaced, longest first (Appium's --log-filters reuse them). */
  readonly spellings: readonly string[];
  /** The text with every spelling replaced by `MASKED`. */
  text(text: string): string;
  /** A copy of a JSON-like value with every string (and object key) masked; Buffers are kept as they are. */
  readonly value: Mask;
}

/** Secrets shorter than this are not masked: they would blank ordinary text. */
const MIN_SECRET_LENGTH = 3;

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The spellings of one secret an app, a browser log or a report may use. */
export function secretSpellings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  return unique([
    secret,
    encodeURIComponent(secret),
    encodeURI(secret),
    new URLSearchParams({ k: secret }).toString().slice(2), // form encoding: + for space
    json,
    JSON.stringify(json).slice(1, -1), // JSON inside a JSON string: a console line quoting a request body
    json.replace(/[<>&'\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    secret.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('base64url'),
  ]);
}

/** The spellings of an account: both parts, plus `user:password` in base64 as `Authorization: Basic` carries it. */
export function accountSpellings(account: Account): string[] {
  const parts = [account.password, account.username].filter((s) => s.length >= MIN_SECRET_LENGTH);
  const basic = parts.length ? [Buffer.from(`${account.username}:${account.password}`, 'utf8').toString('base64')] : [];
  return unique([...parts.flatMap(secretSpellings), ...basic, ...basic.map((b) => b.replace(/=+$/, ''))]);
}

/** The mask of a run's account; `undefined` (no account) gives `noSecrets`. */
export function secretMask(account: Account | undefined): SecretMask {
  return account ? maskOf(accountSpellings(account)) : noSecrets;
}

/** The mask of a run without a test account: explicit, so a writer never forgets the argument. */
export const noSecrets: SecretMask = Object.freeze({ active: false, spellings: [], text: (t: string) => t, value: <T>(v: T) => v });

/** A mask over loose secrets (the explorer's own masking); prefer `secretMask` for an account. */
export function masker(secrets: string[]): Mask {
  return maskOf(unique(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).flatMap(secretSpellings))).value;
}

function maskOf(spellings: string[]): SecretMask {
  const ordered = spellings.filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return noSecrets;
  const text = (input: string): string => ordered.reduce((t, s) => (t.includes(s) ? t.split(s).join(MASKED) : t), input);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Uint8Array)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), walk(v)]));
    }
    return value;
  };
  return { active: true, spellings: ordered, text, value: <T>(v: T) => walk(v) as T };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
