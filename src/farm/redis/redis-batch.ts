/**
 * `govapp-audit batch --redis`: enqueues the audits not yet done (job ids derived from the batch
 * folder and audit key, so enqueuing again after a restart adds nothing), then collects: it polls
 * each job's state and journals every finished audit once. Workers write the audits' folders into
 * the shared batch folder; Redis (appendonly) holds the queue across restarts of anything.
 */
import { Queue, type Job } from 'bullmq';
import { batchState, readJournal, type Journal } from '../journal.js';
import type { PlannedAudit } from '../manifest.js';
import type { BatchCounts } from '../progress.js';
import { assertRedisAnswers, bullConnection, jobId, queueFor, type AuditJobData, type AuditJobResult } from './connection.js';

export interface RedisBatchDeps {
  onProgress?: (counts: BatchCounts, force: boolean) => void;
  onLine?: (text: string) => void;
  pollMs?: number;
}

/** Attempts BullMQ makes per audit (a broken device, a stalled worker) before it is given up. */
export const JOB_ATTEMPTS = 3;

/** Runs the batch through the queue until every audit is journaled done. */
export async function runRedisBatch(audits: readonly PlannedAudit[], redisUrl: string, batchOut: string, journal: Journal, deps: RedisBatchDeps = {}): Promise<void> {
  const connection = bullConnection(redisUrl);
  await assertRedisAnswers(redisUrl);
  const queues = new Map<string, Queue<AuditJobData, AuditJobResult>>();
  const queueOf = (a: PlannedAudit) => {
    const name = queueFor(a.platform, a.deviceClass);
    if (!queues.has(name)) {
      const queue = new Queue<AuditJobData, AuditJobResult>(name, { connection });
      // Connection errors while Redis restarts: the poll loop says so and asks again.
      queue.on('error', () => undefined);
      queues.set(name, queue);
    }
    return queues.get(name)!;
  };
  try {
    const state = batchState(readJournal(batchOut));
    const pending = new Map(audits.filter((a) => !state.done.has(a.key)).map((a) => [a.key, a] as const));
    for (const audit of pending.values()) await enqueue(queueOf(audit), audit, batchOut, journal);
    deps.onLine?.(`已入队 ${pending.size} 次审计（${[...queues.keys()].join('、')}），等待 worker`);
    const counts: BatchCounts = { total: audits.length, done: audits.length - pending.size, running: 0, devicesBusy: 0, devices: 0, durationsMs: [] };
    const seenStarts = new Map<string, string>();
    while (pending.size > 0) {
      try {
        await pollOnce();
      } catch (error) {
        // Redis restarting or a network blip: the queue is durable, ask again.
        deps.onLine?.(`Redis 暂时无法访问（${(error as Error).message}），稍后重试`);
      }
      if (pending.size > 0) await new Promise((r) => setTimeout(r, deps.pollMs ?? 1000));
    }
    async function pollOnce(): Promise<void> {
      let running = 0;
      for (const audit of [...pending.values()]) {
        const queue = queueOf(audit);
        const job = await queue.getJob(jobId(batchOut, audit.key));
        if (!job) {
          await enqueue(queue, audit, batchOut, journal);
          continue;
        }
        const jobState = await job.getState();
        if (jobState === 'active') {
          running++;
          noteStart(job, audit, seenStarts, journal);
        } else if (jobState === 'completed' || jobState === 'failed') {
          noteStart(job, audit, seenStarts, journal);
          const done = finishedEntry(job, audit, jobState);
          journal.append(done);
          if (done.outcome !== 'error') counts.durationsMs.push(done.durationMs);
          counts.lastDoneAt = Date.now();
          pending.delete(audit.key);
          counts.done++;
          deps.onProgress?.({ ...counts, running }, true);
        }
      }
      counts.running = running;
      counts.devicesBusy = running;
      counts.devices = (await Promise.all([...queues.values()].map((q) => q.getWorkersCount()))).reduce((a, b) => a + b, 0);
      deps.onProgress?.(counts, false);
    }
  } finally {
    await Promise.all([...queues.values()].map((q) => q.close()));
  }
}

async function enqueue(queue: Queue<AuditJobData, AuditJobResult>, audit: PlannedAudit, batchOut: string, journal: Journal): Promise<void> {
  const id = jobId(batchOut, audit.key);
  await queue.add('audit', { batchOut, audit }, { jobId: id, attempts: JOB_ATTEMPTS, backoff: { type: 'fixed', delay: 2000 }, removeOnComplete: false, removeOnFail: false });
  journal.append({ type: 'enqueued', at: new Date().toISOString(), audit: audit.key, job: id });
}

/** Journals a start each time a worker begins the job (its progress names the device). */
function noteStart(job: Job<AuditJobData, AuditJobResult>, audit: PlannedAudit, seen: Map<string, string>, journal: Journal): void {
  const progress = job.progress as { device?: string; host?: string; startedAt?: string } | number | undefined;
  if (!progress || typeof progress !== 'object' || !progress.startedAt || seen.get(audit.key) === progress.startedAt) return;
  seen.set(audit.key, progress.startedAt);
  journal.append({ type: 'start', at: progress.startedAt, audit: audit.key, device: progress.device ?? '', host: progress.host ?? '', attempt: job.attemptsStarted });
}

function finishedEntry(job: Job<AuditJobData, AuditJobResult>, audit: PlannedAudit, state: 'completed' | 'failed') {
  const at = new Date().toISOString();
  const r = job.returnvalue;
  if (state === 'completed' && r) {
    return { type: 'done' as const, at, audit: audit.key, device: r.device, host: r.host, outcome: r.outcome, exitCode: r.exitCode, complete: r.complete, durationMs: r.durationMs, ...(r.error ? { error: r.error } : {}) };
  }
  return { type: 'done' as const, at, audit: audit.key, device: '', host: '', outcome: 'error' as const, exitCode: 2, complete: false, durationMs: 0, error: `${JOB_ATTEMPTS} 次尝试均未完成：${job.failedReason || '原因未知'}` };
}
