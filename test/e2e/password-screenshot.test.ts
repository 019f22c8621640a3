/**
 * End to end (Appium 3 + Chromium): screenshots are stored as they are (the evidence store masks
 * text, not pixels), so a typed password must already be invisible on screen. The account is
 * typed into the leak fixture's login form, the screenshot is read by the project's OCR pool,
 * and the password field shows no text of the password while the account field, read the same
 * way, shows the user name (so the OCR can read what was typed).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_DEVICE } from '../../src/core/paths.js';
import { loadDeviceProfile } from '../../src/devices/profile.js';
import type { UiNode } from '../../src/evidence/types.js';
import { recognizeRegion } from '../../src/ocr/recognize.js';
import { createOcrPool, type OcrEngine } from '../../src/ocr/tesseract-pool.js';
import { startUrlDevice as startH5Device, type StandaloneDevice as H5Device } from '../../src/runner/standalone-device.js';
import { serveFolder, type RunningServer } from '../../src/runner/sample-server.js';
import type { Account } from '../helpers/secret-leak.js';

const APP = resolve('test/fixtures/leak-app');
const account = JSON.parse(readFileSync(join(APP, 'test-account.json'), 'utf8')) as Account;

/** Every 3-character piece of a secret, lower-cased: what a partial OCR read would show. */
function pieces(secret: string): string[] {
  const lower = secret.toLowerCase().replace(/\s/g, '');
  return Array.from({ length: lower.length - 2 }, (_, i) => lower.slice(i, i + 3));
}

void describe('a typed password in a screenshot', () => {
  let server: RunningServer;
  let device: H5Device;
  let ocr: OcrEngine;

  before(async () => {
    server = await serveFolder(APP);
    device = await startH5Device(loadDeviceProfile(DEFAULT_DEVICE), server.url);
    ocr = createOcrPool(1);
  });
  after(async () => {
    await ocr?.terminate();
    await device?.close();
    await server?.close();
  });

  void it('shows no text of the password in the password field, while the account field shows the user name', async () => {
    const { session } = device;
    await session.launch();
    await session.settle();
    const inputs = (await session.snapshot()).nodes.filter((n) => n.role === 'input');
    const field = (type: string): UiNode => inputs.find((n) => n.inputType === type) ?? assert.fail(`no ${type} input`);
    await session.typeText(field('text').locator!, account.username);
    await session.typeText(field('password').locator!, account.password);
    const png = await session.screenshot();
    const ratio = (await session.snapshot()).viewport.devicePixelRatio;
    const read = async (node: UiNode) => (await recognizeRegion(ocr, new Map(), png, node.bounds, ratio)).words.map((w) => w.text).join('').toLowerCase();
    const userText = await read(field('text'));
    const passwordText = await read(field('password'));
    assert.match(userText, /tester/, `OCR reads the typed user name (control): "${userText}"`);
    for (const piece of pieces(account.password)) assert.equal(passwordText.includes(piece), false, `the password field shows "${piece}": "${passwordText}"`);
  });
});
