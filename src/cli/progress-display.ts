/**
 * What a person sees while an audit runs: on a terminal one status line that updates in place
 * (phase, screens found, elapsed time, budget left); otherwise plain lines, at most one every
 * few seconds, for CI logs.
 */
import type { ProgressEvent } from '../runner/progress.js';
import type { RunListener } from '../runner/run-outcome.js';

const PHASE_ZH: Record<ProgressEvent['phase'], string> = { starting: '启动', exploring: '探索', checking: '检查', reporting: '报告', done: '完成' };

/** A RunListener writing to a stream. */
export function progressDisplay(stream: NodeJS.WriteStream, startedAt = Date.now()): RunListener & { end(): void } {
  const tty = stream.isTTY === true;
  let lastPlain = 0;
  let lastLine = '';
  let open = false;
  const write = (line: string, force: boolean) => {
    if (tty) {
      stream.write(`\r\x1b[2K${line}`);
      open = true;
      return;
    }
    const now = Date.now();
    if (!force && (line === lastLine || now - lastPlain < 5000)) return;
    lastPlain = now;
    lastLine = line;
    stream.write(line + '\n');
  };
  return {
    phase(message) {
      if (open) stream.write('\n');
      open = false;
      stream.write(`[${elapsed(startedAt)}] ${message}\n`);
    },
    progress(event) {
      const parts = [`[${elapsed(startedAt)}] ${PHASE_ZH[event.phase]}`];
      if (event.screens !== undefined) parts.push(`界面 ${event.screens}`);
      if (event.actions !== undefined) parts.push(`操作 ${event.actions}`);
      if (event.budgetMs !== undefined && event.elapsedMs !== undefined) parts.push(`预算剩余 ${Math.max(0, Math.round((event.budgetMs - event.elapsedMs) / 1000))}s`);
      if (event.check) parts.push(`检查项 ${event.check}`);
      write(parts.join('  '), event.phase !== 'exploring');
    },
    end() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}

function elapsed(startedAt: number): string {
  const s = Math.round((Date.now() - startedAt) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
