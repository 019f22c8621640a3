/**
 * BullMQ over ioredis against a private redis-server: enqueue once by job id,
 * a worker processes, a Redis restart loses neither queued jobs nor results.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Queue, Worker } from 'bullmq';
import { bullConnection } from '../../src/farm/redis/connection.js';
import { startRedis, type PrivateRedis } from '../helpers/redis-server.js';

describe('BullMQ on a private Redis', () => {
  let redis: PrivateRedis;
  before(async () => { redis = await startRedis(); });
  after(async () => { await redis.stop(); });

  it('adding the same job id twice enqueues it once; a worker returns its result', async () => {
    const connection = bullConnection(redis.url);
    const queue = new Queue('t1', { connection });
    await queue.add('a', { n: 2 }, { jobId: 'x.a' });
    await queue.add('a', { n: 2 }, { jobId: 'x.a' });
    assert.equal((await queue.getJobCounts()).waiting, 1);
    const worker = new Worker('t1', (job) => Promise.resolve({ doubled: (job.data as { n: number }).n * 2 }), { connection });
    const deadline = Date.now() + 10_000;
    while ((await (await queue.getJob('x.a'))!.getState()) !== 'completed') {
      assert.ok(Date.now() < deadline, 'job completed in time');
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual((await queue.getJob('x.a'))!.returnvalue, { doubled: 4 });
    await worker.close();
    await queue.close();
  });

  it('a Redis restart (appendonly) keeps queued jobs and finished results; clients reconnect', async () => {
    const connection = bullConnection(redis.url);
    const queue = new Queue('t2', { connection });
    await queue.add('a', { n: 1 }, { jobId: 'y.done' });
    const worker = new Worker('t2', (job) => Promise.resolve({ id: job.id }), { connection });
    while ((await (await queue.getJob('y.done'))!.getState()) !== 'completed') await new Promise((r) => setTimeout(r, 100));
    await worker.close();
    await queue.add('a', { n: 2 }, { jobId: 'y.queued' });
    await redis.stop();
    await redis.restart();
    // The same Queue object reconnects by itself.
    const state = await (await queue.getJob('y.queued'))!.getState();
    assert.equal(state, 'waiting');
    assert.deepEqual((await queue.getJob('y.done'))!.returnvalue, { id: 'y.done' });
    const again = new Worker('t2', (job) => Promise.resolve({ id: job.id }), { connection });
    while ((await (await queue.getJob('y.queued'))!.getState()) !== 'completed') await new Promise((r) => setTimeout(r, 100));
    await again.close();
    await queue.close();
  });
});
