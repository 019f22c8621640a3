/**
 * The evidence store: an append-only JSON-lines log of typed events plus blobs named by their sha256.
 * The hash in the name lets an auditor verify that a cited file was not changed.
 * Every writer (explorer, probes, OCR, audit attachments, replays, package reading) goes through it,
 * so it is where the test account is masked: every event and every text blob, before it is written
 * and hashed. Binary blobs (screenshots, charts) are stored as they are: a password field renders masked.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../core/hash.js';
import type { BlobRef, EvidenceBundle, EvidenceEvent } from './types.js';
import { addProbeEvent, isProbeEvent } from './probe-types.js';
import type { SecretMask } from './secret-mask.js';

export const EVIDENCE_DIR = 'evidence';
export const EVENTS_FILE = 'events.jsonl';

/** Blob extensions stored byte for byte; every other blob is text and is masked. */
const BINARY_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'webp', 'gif', 'zip', 'gz']);

/** True for a file extension (without the dot) whose content is binary: stored unmasked. */
export function isBinaryExtension(extension: string): boolean {
  return BINARY_EXTENSIONS.has(extension.toLowerCase());
}

/** Writes events and blobs under `<outDir>/evidence/`, masking the run's secrets (pass `noSecrets` when there are none). */
export class EvidenceStore {
  readonly dir: string;
  constructor(readonly outDir: string, readonly secrets: SecretMask) {
    this.dir = join(outDir, EVIDENCE_DIR);
    mkdirSync(this.dir, { recursive: true });
  }

  /** Stores a blob under its hash (idempotent) and returns a reference relative to the output folder. */
  putBlob(kind: BlobRef['kind'], raw: Buffer | string, extension: string): BlobRef {
    const data = this.maskBlob(raw, extension);
    const hash = sha256(data);
    const name = `${hash}.${extension}`;
    const file = join(this.dir, name);
    if (!existsSync(file)) writeFileSync(file, data);
    return { kind, path: `${EVIDENCE_DIR}/${name}`, sha256: hash };
  }

  /** Appends one event as a JSON line, masked. */
  append(event: EvidenceEvent): void {
    appendFileSync(join(this.dir, EVENTS_FILE), JSON.stringify(this.secrets.value(event)) + '\n');
  }

  private maskBlob(data: Buffer | string, extension: string): Buffer | string {
    if (!this.secrets.active) return data;
    if (typeof data === 'string') return this.secrets.text(data);
    if (isBinaryExtension(extension)) return data;
    const text = data.toString('utf8');
    const masked = this.secrets.text(text);
    return masked === text ? data : masked;
  }
}

/** Reads a run's evidence log back into a bundle; a missing log gives an empty bundle. */
export function readEvidenceBundle(outDir: string): EvidenceBundle {
  const bundle: EvidenceBundle = { screens: [], transitions: [], network: [], console: [], issues: [] };
  const file = join(outDir, EVIDENCE_DIR, EVENTS_FILE);
  if (!existsSync(file)) return bundle;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as EvidenceEvent;
    switch (event.type) {
      case 'screen': bundle.screens.push(event); break;
      case 'screen-path': {
        const screen = bundle.screens.find((s) => s.id === event.id);
        if (screen) Object.assign(screen, { depth: event.depth, steps: event.steps });
        break;
      }
      case 'transition': bundle.transitions.push(event); break;
      case 'network': bundle.network.push(event); break;
      case 'console': bundle.console.push(event); break;
      case 'coverage': bundle.coverage = event; break;
      case 'run-issue': bundle.issues.push(event); break;
      case 'app-crash': (bundle.crashes ??= []).push(event); break;
      case 'package': bundle.package = event; break;
      case 'ocr': (bundle.ocr ??= []).push(event); break;
      default: if (isProbeEvent(event)) bundle.probes = addProbeEvent(bundle.probes, event);
    }
  }
  const first = bundle.screens[0];
  if (first) {
    try { bundle.appOrigin = new URL(first.url).origin; } catch { /* not a URL: native screen */ }
  }
  return bundle;
}
