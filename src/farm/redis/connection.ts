/**
 * BullMQ on Redis: one place that gives BullMQ its ioredis clients, names the queues, and checks Redis
 * answers. BullMQ 6's ESM build cannot `require` its optional ioredis peer by itself, so the client
 * factory is set here (ioredis 6 with `maxRetriesPerRequest: null`, as BullMQ's workers require).
 */
import { createHash } from 'node:crypto';
import { createIORedisClient, RedisConnection } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { AuditError } from '../../core/errors.js';
import type { DevicePlatform, InventoryDevice } from '../../devices/inventory.js';
import type { PlannedAudit } from '../manifest.js';

/** What a job carries: the audit and the shared batch folder its outputs go to. */
export interface AuditJobData {
  batchOut: string;
  audit: PlannedAudit;
}

/** What a worker returns for a job. */
export interface AuditJobResult {
  outcome: 'pass' | 'fail' | 'inconclusive' | 'error';
  exitCode: number;
  complete: boolean;
  durationMs: number;
  device: string;
  host: string;
  error?: string;
}

/** Lock held by a worker on its job: a dead worker's audit is back on the queue within lock + stalled check. */
export const LOCK_DURATION_MS = 15_000;
export const STALLED_INTERVAL_MS = 10_000;

let installed = false;

/** `redis://host:port` → host and port. */
export function parseRedisUrl(url: string): { host: string; port: number } {
  const u = new URL(url);
  if (u.protocol !== 'redis:') throw new Error(`only redis:// URLs are supported, got ${u.protocol}`);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) };
}

function ioredis(options: RedisOptions): Redis {
  // A Redis restart must not fail a waiting command: retry forever with a capped back-off.
  return new Redis({ ...options, maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 200, 2000) });
}

/** Makes BullMQ build its connections with ioredis; returns the connection options for a URL. */
export function bullConnection(url: string): { host: string; port: number } {
  if (!installed) {
    (RedisConnection as unknown as { clientFactory: (opts: RedisOptions) => unknown }).clientFactory = (opts) => createIORedisClient(ioredis(opts));
    installed = true;
  }
  try {
    return parseRedisUrl(url);
  } catch (error) {
    throw new AuditError('usage', `--redis ${url} is not a redis:// URL (${(error as Error).message}); e.g. --redis redis://127.0.0.1:6379.`);
  }
}

/** Throws farm-unavailable when Redis does not answer PING within `timeoutMs`. */
export async function assertRedisAnswers(url: string, timeoutMs = 5000): Promise<void> {
  const client = new Redis({ ...bullConnection(url), lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    const pong = await Promise.race([client.connect().then(() => client.ping()), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref())]);
    if (pong !== 'PONG') throw new Error(String(pong));
  } catch (error) {
    throw new AuditError('farm-unavailable', `Redis at ${url} does not answer (${(error as Error).message}); start redis-server there or fix --redis.`);
  } finally {
    client.disconnect();
  }
}

/** The queue an audit waits in: one for every H5 slot, one per class for native devices. */
export function queueFor(platform: DevicePlatform, deviceClass: string): string {
  return platform === 'h5' ? 'govapp-audit.h5' : `govapp-audit.${platform}.${deviceClass}`;
}

/** The queue a device takes audits from. */
export function deviceQueue(device: InventoryDevice): string {
  return queueFor(device.platform, device.profile);
}

/** Stable job id of an audit of a batch folder: enqueuing again after a restart adds nothing. */
export function jobId(batchOut: string, auditKey: string): string {
  return `${createHash('sha256').update(batchOut).digest('hex').slice(0, 12)}.${auditKey}`;
}
