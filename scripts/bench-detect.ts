/**
 * Detection quality and OCR cost.
 * 1. Precision and recall of every text/network/OCR check over the labelled corpus (test/fixtures/corpus).
 * 2. OCR cost on recorded runs: which screens the planner sends to OCR (out of screens seen), the
 *    time per OCR'd screen of our tesseract.js pool, and Debian's `tesseract` CLI (chi_sim+eng) on
 *    the same prepared crops, with the ratio. Pool start-up is reported apart (paid once per run).
 * Run: npm run bench:detect [-- <run-out-dir>...]   (default: /tmp/run1 /tmp/run2 when present)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvidenceBundle } from '../src/evidence/store.js';
import { normalizeText } from '../src/checks/text-match.js';
import { prepareCrop } from '../src/ocr/prepare.js';
import { pageWords } from '../src/ocr/recognize.js';
import { planOcr } from '../src/ocr/regions.js';
import { createOcrPool } from '../src/ocr/tesseract-pool.js';
import { loadCorpus } from '../test/helpers/corpus.js';
import { formatScores, scoreCorpus } from '../test/helpers/corpus-metrics.js';

const cases = loadCorpus();
console.log(`Detection corpus: ${cases.length} cases (test/fixtures/corpus)\n`);
console.log(formatScores(scoreCorpus(cases)));

const runs = process.argv.slice(2).length ? process.argv.slice(2) : ['/tmp/run1', '/tmp/run2'].filter(existsSync);
await benchOcr(runs);

interface Crop { run: string; screen: string; png: Buffer }

async function benchOcr(dirs: string[]): Promise<void> {
  console.log('\nOCR cost');
  let seen = 0;
  const crops: Crop[] = [];
  for (const dir of dirs) {
    const screens = readEvidenceBundle(dir).screens;
    seen += screens.length;
    const read = screens.filter((s) => planOcr(s).regions.length > 0);
    console.log(`  ${dir}: ${read.length}/${screens.length} screens need OCR${read.length ? ` (${read.map((s) => `${s.id} ${s.title}`).join(', ')})` : ''}`);
    for (const screen of read) {
      const png = readFileSync(join(dir, screen.screenshot!.path));
      for (const region of planOcr(screen).regions) {
        const crop = await prepareCrop(png, region, screen.viewport.devicePixelRatio);
        if (crop) crops.push({ run: dir, screen: screen.id, png: crop.png });
      }
    }
  }
  const screensRead = new Set(crops.map((c) => `${c.run}#${c.screen}`)).size;
  if (!crops.length) {
    console.log(`  nothing to read: 0/${seen} screens need OCR (pass a run of the violating sample to measure)`);
    return;
  }
  const pool = createOcrPool(1);
  const startAt = performance.now();
  await pool.recognize(crops[0]!.png);
  const startMs = performance.now() - startAt;
  let oursMs = 0;
  let cliMs = 0;
  const tmp = mkdtempSync(join(tmpdir(), 'bench-ocr-'));
  try {
    for (const [i, crop] of crops.entries()) {
      const t0 = performance.now();
      const page = await pool.recognize(crop.png);
      oursMs += performance.now() - t0;
      const file = join(tmp, `crop-${i}.png`);
      writeFileSync(file, crop.png);
      const t1 = performance.now();
      const cli = spawnSync('tesseract', [file, '-', '-l', 'chi_sim+eng'], { encoding: 'utf8' });
      cliMs += performance.now() - t1;
      const ours = pageWords(page).map((w) => w.text).join(' ');
      console.log(`  ${crop.screen}: ours «${normalizeText(ours).slice(0, 40)}» | cli «${normalizeText(cli.stdout ?? '').slice(0, 40)}»`);
    }
  } finally {
    await pool.terminate();
    rmSync(tmp, { recursive: true, force: true });
  }
  const perScreen = (ms: number) => ms / screensRead;
  console.log(`  screens OCR'd: ${screensRead}/${seen} seen (${crops.length} regions); pool start-up ${Math.round(startMs)} ms once per run (includes a first read)`);
  console.log(`  tesseract.js pool : ${perScreen(oursMs).toFixed(0)} ms per OCR'd screen, ${(oursMs / seen).toFixed(0)} ms per screen seen`);
  console.log(`  tesseract CLI     : ${perScreen(cliMs).toFixed(0)} ms per OCR'd screen (new process each, model load included)`);
  console.log(`  ratio ours/CLI    : ${(oursMs / cliMs).toFixed(2)}`);
}
