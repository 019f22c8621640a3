/**
 * Signing certificate of an APK: the APK Signing Block (v2/v3 schemes, located just before the
 * zip central directory, https://source.android.com/docs/security/features/apksigning/v2), or the
 * v1 JAR signature (META-INF/*.RSA|DSA|EC, PKCS#7) as a fallback. Only the certificate is read;
 * signatures are not verified (this is identification, not trust).
 */
import { createHash } from 'node:crypto';
import type fs from 'node:fs/promises';
import { u32 } from './byte-reader.js';
import { check } from './errors.js';

const MAGIC = 'APK Sig Block 42';
const SCHEME_IDS = [0x7109871a /* v2 */, 0xf05368c0 /* v3 */, 0x1b93ad61 /* v3.1 */];
const MAX_BLOCK = 16 * 1024 * 1024;

/** Colon-free lower-case hex SHA-256 of DER bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** First signer certificate from the v2/v3 signing block, or undefined when there is none. */
export async function signingBlockCertificate(file: fs.FileHandle, size: number): Promise<Buffer | undefined> {
  const tailSize = Math.min(size, 65_557);
  const tail = await readAt(file, size - tailSize, tailSize);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 20 > tail.length) return undefined;
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset < 32 || cdOffset > size) return undefined;
  const footer = await readAt(file, cdOffset - 24, 24);
  if (footer.toString('latin1', 8, 24) !== MAGIC) return undefined;
  const blockSize = Number(footer.readBigUInt64LE(0));
  check(blockSize >= 24 && blockSize <= MAX_BLOCK && blockSize + 8 <= cdOffset, `the APK signing block size ${blockSize} is invalid`);
  const block = await readAt(file, cdOffset - blockSize - 8, blockSize + 8);
  return certificateFromBlock(block.subarray(8, block.length - 24));
}

function certificateFromBlock(pairs: Buffer): Buffer | undefined {
  const found = new Map<number, Buffer>();
  for (let at = 0; at + 12 <= pairs.length; ) {
    const length = Number(pairs.readBigUInt64LE(at));
    check(length >= 4 && at + 8 + length <= pairs.length, `an APK signing block pair at ${at} has an invalid length`);
    found.set(pairs.readUInt32LE(at + 8), pairs.subarray(at + 12, at + 8 + length));
    at += 8 + length;
  }
  for (const id of SCHEME_IDS) {
    const value = found.get(id);
    if (value) return firstCertificate(value);
  }
  return undefined;
}

function firstCertificate(schemeValue: Buffer): Buffer | undefined {
  const signers = lengthPrefixed(schemeValue, 0);
  const signer = lengthPrefixed(signers, 0);
  const signedData = lengthPrefixed(signer, 0);
  const digests = lengthPrefixed(signedData, 0);
  const certificates = lengthPrefixed(signedData, 4 + digests.length);
  return certificates.length > 0 ? lengthPrefixed(certificates, 0) : undefined;
}

function lengthPrefixed(buf: Buffer, offset: number): Buffer {
  const length = u32(buf, offset, 'length prefix');
  check(offset + 4 + length <= buf.length, `a length-prefixed field at ${offset} runs past its parent`);
  return buf.subarray(offset + 4, offset + 4 + length);
}

async function readAt(file: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
