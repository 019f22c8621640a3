/**
 * Just enough DER to find the first certificate in a PKCS#7 SignedData (v1 JAR signatures,
 * iOS provisioning profiles): tag-length-value walking with bounds checks.
 */
import { check } from './errors.js';

/** One DER element. */
export interface Tlv {
  tag: number;
  start: number;
  /** First byte of the contents. */
  body: number;
  end: number;
}

/** Reads the TLV at `offset` (single-byte tags, definite lengths up to 4 bytes). */
export function readTlv(buf: Buffer, offset: number, limit = buf.length): Tlv {
  check(offset + 2 <= limit, `DER element at ${offset} is truncated`);
  const tag = buf[offset] ?? 0;
  let length = buf[offset + 1] ?? 0;
  let body = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    check(bytes >= 1 && bytes <= 4 && body + bytes <= limit, `DER length at ${offset} is not supported`);
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + (buf[body + i] ?? 0);
    body += bytes;
  }
  check(body + length <= limit, `DER element at ${offset} runs past its parent`);
  return { tag, start: offset, body, end: body + length };
}

/** Children of a constructed element. */
export function children(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.body; at < parent.end && out.length < 64; ) {
    const child = readTlv(buf, at, parent.end);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** DER bytes of the first certificate in a PKCS#7 ContentInfo(SignedData), if any. */
export function firstCertificateOfPkcs7(buf: Buffer): Buffer | undefined {
  const contentInfo = readTlv(buf, 0);
  const explicit = children(buf, contentInfo)[1];
  if (!explicit || explicit.tag !== 0xa0) return undefined;
  const signedData = children(buf, explicit)[0];
  if (!signedData) return undefined;
  const certificates = children(buf, signedData).find((c) => c.tag === 0xa0);
  const first = certificates ? children(buf, certificates)[0] : undefined;
  return first ? buf.subarray(first.start, first.end) : undefined;
}
