/**
 * `govapp-audit worker`: one BullMQ worker per device of this machine's inventory, each taking one
 * whole audit at a time from its class's queue. Before each audit the device is health-checked; a
 * device that fails twice closes its worker (set aside) and its audits go to other workers through
 * BullMQ's retries. A worker that dies mid-audit loses its job lock: BullMQ's stalled check puts the
 * audit back on the queue and another device redoes it from its start.
 */
import { hostname } from 'node:os';
import { Worker, type Job } from 'bullmq';
import { loadInventory, type InventoryDevice } from '../../devices/inventory.js';
import { sweepProcesses } from '../../runner/process-sweep.js';
import { auditDir } from '../batch-folder.js';
import { activeChildren, readAttempt, runAuditChild } from '../audit-child.js';
import { checkDeviceHealth, deviceScratchRoot } from '../device-health.js';
import { FAILURES_BEFORE_SET_ASIDE } from '../device-pool.js';
import { assertRedisAnswers, bullConnection, deviceQueue, LOCK_DURATION_MS, STALLED_INTERVAL_MS, type AuditJobData, type AuditJobResult } from './connection.js';

/** Runs until SIGTERM/SIGINT or until every device is set aside; resolves to the exit code. */
export async function runWorker(redisUrl: string, inventoryFile: string, stream: NodeJS.WriteStream): Promise<number> {
  const inventory = loadInventory(inventoryFile);
  const connection = bullConnection(redisUrl);
  await assertRedisAnswers(redisUrl);
  const say = (text: string) => stream.write(`[${new Date().toISOString().slice(11, 19)}] ${text}\n`);
  const usable = inventory.devices.filter((d) => d.platform === 'h5');
  for (const d of inventory.devices.filter((x) => x.platform !== 'h5')) say(`设备 ${d.id}（${d.platform}）暂不接受批量审计：原生平台将通过平台注册表接入`);
  const workers = usable.map((device) => deviceWorker(device, connection, say));
  say(`worker 已启动：${usable.map((d) => d.id).join('、')}，Redis ${redisUrl}`);
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      say(`收到 ${signal}，停止`);
      void Promise.all(workers.map((w) => w.stop())).then(() => resolve(0));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    void Promise.all(workers.map((w) => w.closed)).then(() => {
      say('所有设备均已停用，worker 退出');
      resolve(2);
    });
  });
}

interface DeviceWorker {
  closed: Promise<void>;
  stop(): Promise<void>;
}

function deviceWorker(device: InventoryDevice, connection: { host: string; port: number }, say: (t: string) => void): DeviceWorker {
  let failures = 0;
  const scratch = deviceScratchRoot(device);
  const host = hostname();
  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  const fail = (reason: string) => {
    failures++;
    say(`设备 ${device.id} 失败（${failures}/${FAILURES_BEFORE_SET_ASIDE}）：${reason}`);
    if (failures >= FAILURES_BEFORE_SET_ASIDE) {
      say(`设备 ${device.id} 已停用，它的审计交给其他设备`);
      setImmediate(() => void worker.close().then(resolveClosed));
    }
  };
  const worker = new Worker<AuditJobData, AuditJobResult>(deviceQueue(device), async (job: Job<AuditJobData, AuditJobResult>) => {
    const { audit, batchOut } = job.data;
    const problem = await checkDeviceHealth(device);
    if (problem) {
      fail(`健康检查失败：${problem}`);
      throw new Error(`设备 ${device.id} 健康检查失败：${problem}`);
    }
    await job.updateProgress({ device: device.id, host, startedAt: new Date().toISOString() });
    say(`设备 ${device.id} 开始 ${audit.key}（第 ${job.attemptsStarted} 次开始）`);
    const result = await runAuditChild(audit, device, auditDir(batchOut, audit.key), scratch);
    const reading = readAttempt(result);
    const base = { exitCode: result.exitCode ?? 2, durationMs: result.durationMs, device: device.id, host };
    if (reading.kind === 'done') {
      say(`设备 ${device.id} 完成 ${audit.key}：${reading.outcome}`);
      return { ...base, outcome: reading.outcome, complete: true };
    }
    if (reading.kind === 'submission-problem') return { ...base, outcome: 'error', complete: false, error: reading.reason };
    fail(`审计未完成：${reading.reason}`);
    throw new Error(`${audit.key} 在设备 ${device.id} 上未完成：${reading.reason}`);
  }, { connection, concurrency: 1, lockDuration: LOCK_DURATION_MS, stalledInterval: STALLED_INTERVAL_MS, maxStalledCount: 2 });
  let lastError = '';
  worker.on('error', (error) => {
    if (error.message !== lastError) say(`设备 ${device.id} 的队列连接出错：${error.message}`);
    lastError = error.message;
  });
  return {
    closed,
    stop: async () => {
      for (const child of activeChildren) child.kill('SIGTERM');
      await worker.close(true);
      await sweepProcesses(scratch, 2000);
      resolveClosed();
    },
  };
}
