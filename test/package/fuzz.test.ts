/**
 * Fuzz-style robustness: deterministic mutations (seeded PRNG) of real and synthetic packages,
 * both of the zip container and of the files inside it (manifest, arsc, dex, module.json,
 * resources.index, abc, Info.plist). Every outcome must be PackageFacts or
 * AuditError('bad-package'), within a time bound, with memory staying under a ceiling.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildBinary } from 'plist';
import yauzl from 'yauzl';
import { isAuditError } from '../../src/core/errors.js';
import { inspectPackage } from '../../src/package/index.js';
import { buildHap, type HapOptions } from './helpers/harmony-fixtures.js';
import { buildMachO } from './helpers/macho.js';
import { REAL_APKS } from './helpers/real-packages.js';
import { buildZip, type ZipInput } from './helpers/zip-writer.js';
import { seededRandom } from '../../src/core/seeded-random.js';

const PER_CASE_MS = 5_000;
const RSS_CEILING = 1024 * 1024 * 1024;
const limits = { timeoutMs: PER_CASE_MS };


type Mutation = (bytes: Buffer, rnd: () => number) => Buffer;
const int = (rnd: () => number, max: number): number => Math.floor(rnd() * max);
const MUTATIONS: Record<string, Mutation> = {
  flip: (b, rnd) => {
    const out = Buffer.from(b);
    for (let i = 0, n = 1 + int(rnd, 16); i < n; i++) out[int(rnd, out.length)] = int(rnd, 256);
    return out;
  },
  truncate: (b, rnd) => b.subarray(0, int(rnd, b.length)),
  splice: (b, rnd) => {
    const from = int(rnd, b.length);
    const length = int(rnd, Math.min(4096, b.length - from));
    const to = int(rnd, b.length);
    return Buffer.concat([b.subarray(0, to), b.subarray(from, from + length), b.subarray(to + length)]);
  },
  zeroRange: (b, rnd) => {
    const out = Buffer.from(b);
    const at = int(rnd, out.length);
    out.fill(0, at, Math.min(out.length, at + int(rnd, 512)));
    return out;
  },
  tail: (b, rnd) => {
    // Flip bytes in the last 64 KiB, where the central directory and EOCD live.
    const out = Buffer.from(b);
    const start = Math.max(0, out.length - 65_536);
    for (let i = 0, n = 1 + int(rnd, 8); i < n; i++) out[start + int(rnd, out.length - start)] = int(rnd, 256);
    return out;
  },
};
const NAMES = Object.keys(MUTATIONS);

async function unzipAll(file: string): Promise<ZipInput[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: ZipInput[] = [];
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
    out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

const hap: HapOptions = {
  bundleName: 'cn.gov.fuzz', moduleName: 'entry', moduleType: 'entry',
  abilities: [{ name: 'EntryAbility', exported: true, backgroundModes: ['location'], schemes: ['fuzz'] }],
  permissions: [{ name: 'ohos.permission.LOCATION' }, { name: 'ohos.permission.CAMERA' }],
  strings: [{ items: [{ id: 1, name: 'app_name', value: 'Fuzz' }] }, { language: 'zh', region: 'CN', items: [{ id: 1, name: 'app_name', value: '积分排行' }] }],
  literals: ['每日签到', 'http://10.0.0.8/x'],
};

let dir = '';
let cases = 0;
const outcomes = { facts: 0, errors: 0 };
before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'govapp-fuzz-'));
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function runCase(name: string, bytes: Buffer, label: string): Promise<void> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  const started = Date.now();
  try {
    const facts = await inspectPackage(file, limits);
    assert.ok(facts.identity, `${label}: facts without identity`);
    outcomes.facts++;
  } catch (error) {
    outcomes.errors++;
    assert.ok(isAuditError(error) && error.code === 'bad-package', `${label}: unexpected ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    await fs.rm(file, { force: true });
  }
  const elapsed = Date.now() - started;
  assert.ok(elapsed < PER_CASE_MS + 1000, `${label}: took ${elapsed} ms`);
  assert.ok(process.memoryUsage().rss < RSS_CEILING, `${label}: RSS ${process.memoryUsage().rss} over the ceiling`);
  cases++;
}

async function fuzzContainer(seed: number, source: Buffer, extension: string, count: number): Promise<void> {
  const rnd = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const mutation = NAMES[int(rnd, NAMES.length)] ?? 'flip';
    await runCase(`c${seed}-${i}${extension}`, MUTATIONS[mutation]?.(source, rnd) ?? source, `container seed=${seed} i=${i} ${mutation}`);
  }
}

async function fuzzContents(seed: number, entries: ZipInput[], targets: string[], extension: string, count: number): Promise<void> {
  const rnd = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const target = targets[int(rnd, targets.length)] ?? '';
    const mutation = NAMES[int(rnd, NAMES.length)] ?? 'flip';
    const mutated = entries.map((e) => {
      if (e.name !== target) return { ...e, method: 'store' as const };
      const data = typeof e.data === 'string' ? Buffer.from(e.data) : e.data;
      return { ...e, data: MUTATIONS[mutation]?.(data, rnd) ?? data, method: 'store' as const };
    });
    await runCase(`f${seed}-${i}${extension}`, buildZip(mutated), `content seed=${seed} i=${i} ${target} ${mutation}`);
  }
}

void describe('fuzz: mutated packages give facts or a clean error', { concurrency: 1 }, () => {
  void it('mutated real APK containers (androidTest APK, ApiDemos)', async () => {
    await fuzzContainer(1, await fs.readFile(REAL_APKS[3] ?? ''), '.apk', 50);
    await fuzzContainer(2, await fs.readFile(REAL_APKS[0] ?? ''), '.apk', 10);
  });

  void it('mutated files inside a real APK (manifest, resources.arsc, dex)', async () => {
    const entries = (await unzipAll(REAL_APKS[3] ?? '')).filter((e) => !e.name.startsWith('META-INF/'));
    await fuzzContents(3, entries, ['AndroidManifest.xml', 'resources.arsc', 'classes.dex'].filter((t) => entries.some((e) => e.name === t)), '.apk', 60);
  });

  void it('mutated files inside io.appium.settings (multi-locale resources.arsc, large dex)', async () => {
    const entries = (await unzipAll(REAL_APKS[1] ?? '')).filter((e) => !e.name.startsWith('META-INF/') && !e.name.startsWith('res/'));
    await fuzzContents(8, entries, ['AndroidManifest.xml', 'resources.arsc', 'classes.dex'], '.apk', 20);
  });

  void it('mutated synthetic HAP, its inner files, and a .app', async () => {
    const bytes = buildHap(hap);
    await fuzzContainer(4, bytes, '.hap', 15);
    const entries = await unzipFromBuffer(bytes);
    await fuzzContents(5, entries, ['module.json', 'resources.index', 'ets/modules.abc', 'pack.info'], '.hap', 30);
    await fuzzContainer(6, buildZip([{ name: 'pack.info', data: '{"summary":{"app":{"bundleName":"cn.gov.fuzz"}}}' }, { name: 'entry.hap', data: bytes, method: 'store' }]), '.app', 10);
  });

  void it('mutated .ipa (binary Info.plist, strings, Mach-O)', async () => {
    const info = Buffer.from(buildBinary({ CFBundleIdentifier: 'cn.gov.fuzz', CFBundleExecutable: 'Fuzz', NSLocationAlwaysUsageDescription: '轨迹', UIBackgroundModes: ['location'], NSAppTransportSecurity: { NSAllowsArbitraryLoads: true } }));
    const entries: ZipInput[] = [
      { name: 'Payload/Fuzz.app/Info.plist', data: info },
      { name: 'Payload/Fuzz.app/zh-Hans.lproj/Localizable.strings', data: '"a" = "积分排行";' },
      { name: 'Payload/Fuzz.app/Fuzz', data: buildMachO(['每日签到', 'https://x.example.cn/a']) },
    ];
    await fuzzContents(7, entries, entries.map((e) => e.name), '.ipa', 25);
  });

  void it('ran about 200 cases, some still readable after mutation', (t) => {
    t.diagnostic(`${cases} cases: ${outcomes.facts} gave facts, ${outcomes.errors} gave a bad-package error`);
    assert.ok(cases >= 200, `only ${cases} cases ran`);
    assert.ok(outcomes.facts > 20 && outcomes.errors > 20);
  });
});

async function unzipFromBuffer(bytes: Buffer): Promise<ZipInput[]> {
  const file = path.join(dir, 'unzip-source.zip');
  await fs.writeFile(file, bytes);
  try {
    return await unzipAll(file);
  } finally {
    await fs.rm(file, { force: true });
  }
}
