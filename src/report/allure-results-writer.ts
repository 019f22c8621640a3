/**
 * Writes Allure 2 result files directly, for parts of an audit that run without a device session
 * (the static package check). Same shapes the WebdriverIO Allure reporter writes.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type AllureStatus = 'passed' | 'failed' | 'broken' | 'skipped';

export interface AllureAttachmentInput {
  name: string;
  content: string | Buffer;
  type: 'text/plain' | 'application/json' | 'image/png' | 'text/html';
}

export interface AllureTestInput {
  name: string;
  suite: string;
  status: AllureStatus;
  message?: string;
  description?: string;
  attachments: AllureAttachmentInput[];
  start: number;
  stop: number;
}

const EXTENSIONS: Record<AllureAttachmentInput['type'], string> = { 'text/plain': 'txt', 'application/json': 'json', 'image/png': 'png', 'text/html': 'html' };

/** Writes one test result (and its attachments) into an allure-results folder. */
export function writeAllureTest(resultsDir: string, test: AllureTestInput): void {
  mkdirSync(resultsDir, { recursive: true });
  const attachments = test.attachments.map((a) => {
    const source = `${randomUUID()}-attachment.${EXTENSIONS[a.type]}`;
    writeFileSync(join(resultsDir, source), a.content);
    return { name: a.name, source, type: a.type };
  });
  const uuid = randomUUID();
  const result = {
    uuid,
    historyId: `${test.suite}::${test.name}`,
    name: test.name,
    fullName: `${test.suite} ${test.name}`,
    status: test.status,
    stage: 'finished',
    statusDetails: test.message ? { message: test.message } : {},
    ...(test.description ? { descriptionHtml: test.description } : {}),
    labels: [{ name: 'suite', value: test.suite }, { name: 'framework', value: 'govapp-audit' }],
    attachments,
    steps: [],
    parameters: [],
    links: [],
    start: test.start,
    stop: test.stop,
  };
  writeFileSync(join(resultsDir, `${uuid}-result.json`), JSON.stringify(result));
}
