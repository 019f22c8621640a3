/**
 * Masks secrets (the test account) in anything recorded: snapshots, request bodies and URLs,
 * console messages. Input values are never read into the UI model in the first place; this is the
 * second line, for apps that echo the account or post it (a login request body).
 */
export type Mask = <T>(value: T) => T;

export const MASKED = '******';

/** A function that replaces every occurrence of the secrets (3+ characters) in all strings of a value. */
export function masker(secrets: string[]): Mask {
  const active = secrets.filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  const variants = active.flatMap((s) => [...new Set([s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])]);
  const maskString = (text: string): string => variants.reduce((t, s) => t.split(s).join(MASKED), text);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return maskString(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return active.length === 0 ? (<T>(v: T) => v) : (<T>(v: T) => walk(v) as T);
}
