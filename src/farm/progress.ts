/**
 * Batch progress for the terminal: audits done/running/queued, devices busy, ETA (mean audit time ×
 * audits left ÷ devices). One line updated in place on a terminal, else a plain line at most every
 * few seconds (and on every finished audit).
 */
export interface BatchCounts {
  total: number;
  done: number;
  running: number;
  devicesBusy: number;
  devices: number;
  /** Durations of the audits finished in this session, for the ETA. */
  durationsMs: number[];
  /** When the last audit finished (epoch ms): the ETA counts down from there. */
  lastDoneAt?: number;
}

/** The progress line, in Chinese. */
export function progressLine(c: BatchCounts, elapsedMs: number): string {
  const queued = Math.max(0, c.total - c.done - c.running);
  const parts = [`[${clock(elapsedMs)}] 完成 ${c.done}/${c.total}`, `运行中 ${c.running}`, `排队 ${queued}`, `设备忙 ${c.devicesBusy}/${c.devices}`];
  const eta = etaMs(c);
  if (eta !== undefined) parts.push(`预计剩余 ${clock(eta)}`);
  return parts.join('  ');
}

/** Estimated time left; undefined before the first audit finished. */
export function etaMs(c: BatchCounts, now = Date.now()): number | undefined {
  if (c.durationsMs.length === 0 || c.devices === 0) return undefined;
  const mean = c.durationsMs.reduce((a, b) => a + b, 0) / c.durationsMs.length;
  const left = c.total - c.done;
  const sinceLast = c.lastDoneAt !== undefined ? now - c.lastDoneAt : 0;
  return Math.max(0, Math.round((left * mean) / Math.max(1, c.devices) - sinceLast));
}

export interface BatchProgressDisplay {
  update: (c: BatchCounts, force?: boolean) => void;
  line: (text: string) => void;
  end: () => void;
}

/** Writes progress lines to a stream. */
export function batchProgress(stream: NodeJS.WriteStream, startedAt = Date.now()): BatchProgressDisplay {
  const tty = stream.isTTY === true;
  let last = 0;
  let open = false;
  return {
    update: (c, force = false) => {
      const text = progressLine(c, Date.now() - startedAt);
      if (tty) {
        stream.write(`\r\x1b[2K${text}`);
        open = true;
      } else if (force || Date.now() - last > 5000) {
        last = Date.now();
        stream.write(text + '\n');
      }
    },
    line: (text) => {
      if (open) stream.write('\n');
      open = false;
      stream.write(`[${clock(Date.now() - startedAt)}] ${text}\n`);
    },
    end: () => {
      if (open) stream.write('\n');
      open = false;
    },
  };
}

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
