/**
 * Greps every file under a run's output folder for the lab's test account in every spelling an app,
 * a browser log or a report may give it. Written independently of src/evidence/secret-mask.ts on
 * purpose: the test must not trust the masker's own idea of what a leak looks like.
 * Platform-neutral: the H5, Android and HarmonyOS leak tests call `assertNoSecretIn(outDir, account)`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Account { username: string; password: string }

/** Every encoding of one secret that must never appear: name → spelling. */
export function leakSpellings(secret: string): Map<string, string> {
  const json = JSON.stringify(secret).slice(1, -1);
  const spellings = new Map<string, string>([
    ['plain', secret],
    ['url-encoded', encodeURIComponent(secret)],
    ['form-encoded', new URLSearchParams({ k: secret }).toString().slice(2)],
    ['json-escaped', json],
    ['json-escaped twice', JSON.stringify(json).slice(1, -1)],
    ['json-unicode-escaped', json.replace(/[<>&'\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
    ['html-escaped', secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')],
    ['base64', Buffer.from(secret).toString('base64').replace(/=+$/, '')],
    ['base64url', Buffer.from(secret).toString('base64url')],
  ]);
  return spellings;
}

/** The spellings of both parts of the account plus `user:password` as an `Authorization: Basic` header carries it. */
export function accountSpellings(account: Account): Map<string, string> {
  const all = new Map<string, string>();
  for (const [part, secret] of [['password', account.password], ['username', account.username]] as const) {
    for (const [name, spelling] of leakSpellings(secret)) all.set(`${part} ${name}`, spelling);
  }
  all.set('basic-auth base64', Buffer.from(`${account.username}:${account.password}`).toString('base64'));
  return all;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The text of a file plus every base64 run in it decoded (report attachments, data: URLs), two levels deep. */
export function decodedLayers(bytes: Buffer): Buffer[] {
  const layers = [bytes];
  let current = [bytes];
  for (let depth = 0; depth < 2; depth++) {
    const next: Buffer[] = [];
    for (const layer of current) {
      for (const run of layer.toString('latin1').match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? []) {
        const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
        if (decoded.length > 0) next.push(decoded);
      }
    }
    layers.push(...next);
    current = next;
  }
  return layers;
}

/** Where each spelling of the account occurs under outDir: "file: spelling" lines, empty when clean. */
export function secretHits(outDir: string, account: Account): string[] {
  const spellings = [...accountSpellings(account)].filter(([, s]) => s.length >= 3);
  const hits: string[] = [];
  for (const file of allFiles(outDir)) {
    const layers = decodedLayers(readFileSync(file));
    for (const [name, spelling] of spellings) {
      const at = layers.findIndex((layer) => layer.includes(spelling));
      if (at >= 0) hits.push(`${relative(outDir, file)}: ${name}${at > 0 ? ' (base64-embedded)' : ''}`);
    }
  }
  return hits;
}

/** Fails with the list of files and spellings when any spelling of the account is under outDir. */
export function assertNoSecretIn(outDir: string, account: Account): void {
  const hits = secretHits(outDir, account);
  assert.deepEqual(hits, [], `the test account leaked:\n${hits.join('\n')}`);
}
