/**
 * hdc's exit status says little (the docs advise against relying on its messages; hmdriver2 treats
 * any `error:` or `[Fail]` as failure). Failures are read from the output, and the install refusals
 * that come from signing get one sentence naming what the lab must ask the app owner for.
 */

/** Install error codes of the bundle manager that mean the device does not trust the package's signature. */
export const SIGNING_ERROR_CODES: Readonly<Record<string, string>> = {
  '9568320': 'the package carries no signature',
  '9568322': 'the signature is not from a source this device trusts',
};

/** True when hdc or a device tool reported a failure in its output. */
export function isFailureOutput(output: string): boolean {
  return /(^|\n)\s*(\[fail\]|error:|fail:)/i.test(output);
}

/** The bundle-manager error code in an install failure (`code:9568322`), if any. */
export function installErrorCode(output: string): string | undefined {
  return /code\s*:\s*(\d{6,})/i.exec(output)?.[1];
}

/** The one sentence a lab reads when a device refuses a package for its signature; undefined for other failures. */
export function signingRefusal(output: string, udidHint = 'hdc shell bm get -u'): string | undefined {
  const code = installErrorCode(output);
  const known = code ? SIGNING_ERROR_CODES[code] : undefined;
  const signingWords = /signature|certificate|provision|profile|not trusted app source/i.test(output);
  if (!known && !signingWords) return undefined;
  const why = known ?? 'its signature or signing profile was rejected';
  return `The device refused to install the app because ${why}${code ? ` (${code})` : ''}: ask the app owner for a debug-signed HAP whose signing profile lists this device's UDID (\`${udidHint}\`), or for a build distributed to this device through AppGallery internal testing or enterprise distribution.`;
}

/** An hdc call whose output reported a failure. */
export class HdcCommandError extends Error {
  constructor(readonly args: readonly string[], readonly output: string, message?: string) {
    super(message ?? `hdc ${args.join(' ')} failed: ${output.trim().slice(0, 500)}`);
    this.name = 'HdcCommandError';
  }
}

/** True when `hdc install` reported success (`install bundle successfully`) and no failure anywhere in its output. */
export function installSucceeded(output: string): boolean {
  return /install bundle successfully/i.test(output) && !/failed to install|error:|\[fail\]/i.test(output);
}
