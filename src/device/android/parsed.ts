/** What every device-output parser returns: typed data, or why the text could not be read (never an exception). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A successful parse. */
export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** An output the parser could not read, with the reason in one sentence. */
export const unparsed = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** The first capture group of `re` in `text` as a number, if present and finite. */
export function numberAfter(text: string, re: RegExp): number | undefined {
  const raw = re.exec(text)?.[1];
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** Text as a string, whatever a caller passed (device output may be undefined or a Buffer). */
export function asText(output: unknown): string {
  return typeof output === 'string' ? output : output instanceof Uint8Array ? Buffer.from(output).toString('utf8') : '';
}
