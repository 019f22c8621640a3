/**
 * scripts/e2e-lanes.mjs: which e2e file npm test starts next. The farm files run alone in the browser
 * lane but for one light companion at a time; every other file starts in queue order up to the limit.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALONE_IN_LANE, COMPANIONS, laneFiles, nextToStart } from '../../scripts/e2e-lanes.mjs';

const t = (name: string) => `${name}.test.ts`;

/** Starts files as nextToStart picks them, until it picks none; returns the names started, in order. */
function startAll(queue: string[], running: Set<string>, limit: number): string[] {
  const started: string[] = [];
  for (let i = nextToStart(queue, running, limit); i >= 0; i = nextToStart(queue, running, limit)) {
    const [file] = queue.splice(i, 1);
    running.add(file!);
    started.push(file!);
  }
  return started;
}

void describe('nextToStart', () => {
  it('starts files in queue order up to the limit', () => {
    const queue = [t('probes'), t('audit-samples'), t('login-wall'), t('replay')];
    assert.deepEqual(startAll(queue, new Set(), 3), [t('probes'), t('audit-samples'), t('login-wall')]);
    assert.deepEqual(queue, [t('replay')]);
  });

  it('starts a farm file alone, then one companion beside it (the first queued), never a heavy file', () => {
    const queue = [t('farm-batch'), t('farm-redis'), t('probes'), t('interrupt'), t('tap-listeners')];
    const running = new Set<string>();
    assert.deepEqual(startAll(queue, running, 3), [t('farm-batch'), t('interrupt')]);
    running.delete(t('interrupt'));
    assert.deepEqual(startAll(queue, running, 3), [t('tap-listeners')]);
    running.delete(t('tap-listeners'));
    assert.deepEqual(startAll(queue, running, 3), [], 'no companion left: the heavy files wait for the farm file');
  });

  it('starts the next farm file beside one running companion, but not beside a heavy file', () => {
    assert.equal(nextToStart([t('farm-redis'), t('probes')], new Set([t('password-screenshot')]), 3), 0);
    assert.equal(nextToStart([t('farm-redis'), t('probes')], new Set([t('probes')]), 3), -1);
    assert.equal(nextToStart([t('farm-redis')], new Set([t('interrupt'), t('tap-listeners')]), 3), -1);
  });

  it('runs nothing beside the HarmonyOS driver install (no companion in the device lane)', () => {
    assert.equal(nextToStart([t('harmonyos-session')], new Set([t('harmonyos-driver-install')]), 3), -1);
  });

  it('names only files that exist, each companion in the browser lane', () => {
    const all = laneFiles(undefined);
    const browsers = laneFiles('browsers');
    for (const name of [...ALONE_IN_LANE, ...COMPANIONS]) assert.ok(all.includes(name), `${name} is an e2e file`);
    for (const name of COMPANIONS) assert.ok(browsers.includes(name), `${name} runs in the browser lane`);
    assert.ok(!COMPANIONS.has(t('settle-transitions')), 'settle-transitions, which times settling, never runs beside the farm');
    assert.deepEqual(browsers.slice(0, 2), [t('farm-batch'), t('farm-redis')], 'the farm files come first');
  });
});
