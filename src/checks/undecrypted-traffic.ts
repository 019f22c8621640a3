/**
 * Requests the lab saw leave the device but could not read: TLS the app would not open to the lab's
 * capture proxy (the lab CA not trusted, certificate pinning). Recorded as CONNECT network events whose
 * errorText starts with UNDECRYPTED_MARK. A check whose pass rests on request content cannot pass while
 * such traffic exists: what was inside is unknown, not harmless.
 */
import type { EvidenceBundle } from '../evidence/types.js';
import type { CheckId } from './catalog.js';

/** The errorText prefix of a connection whose content the lab could not read. */
export const UNDECRYPTED_MARK = '未能解密';

/** Checks whose pass needs the content of the app's requests. */
const NEEDS_CONTENT: readonly CheckId[] = ['online-duration-tracking', 'forced-media-upload', 'data-security'];

/** The hosts whose traffic could not be read. */
export function undecryptedHosts(bundle: Pick<EvidenceBundle, 'network'>): string[] {
  const hosts = bundle.network.filter((r) => r.method === 'CONNECT' && r.errorText?.startsWith(UNDECRYPTED_MARK)).map((r) => hostOf(r.url));
  return [...new Set(hosts)];
}

/** Why `check` cannot pass for traffic the lab could not read, or undefined. */
export function undecryptedReason(check: CheckId, bundle: Pick<EvidenceBundle, 'network'>): string | undefined {
  if (!NEEDS_CONTENT.includes(check)) return undefined;
  const hosts = undecryptedHosts(bundle);
  if (hosts.length === 0) return undefined;
  return `未发现问题，但应用发往 ${hosts.join('、')} 的加密请求未能解密（应用不信任实验室证书或做了证书锁定），请求内容未知，不能判定为通过。`;
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}
