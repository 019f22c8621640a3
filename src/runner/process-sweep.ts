/**
 * Leaves no process behind: every process the run started (Appium, chromedriver, Chromium)
 * has the run's private scratch folder in its command line, so a sweep of /proc by that marker
 * finds them even when a parent died without cleaning up.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Pids (other than this process) whose command line contains `marker`. */
export function processesWithMarker(marker: string): number[] {
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) pids.push(pid);
    } catch { /* exited meanwhile */ }
  }
  return pids;
}

/** Sends SIGTERM, waits up to `graceMs`, then SIGKILLs what is left; returns the pids found. */
export async function sweepProcesses(marker: string, graceMs = 3000): Promise<number[]> {
  const found = processesWithMarker(marker);
  for (const pid of found) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && processesWithMarker(marker).length > 0) await new Promise((r) => setTimeout(r, 100));
  for (const pid of processesWithMarker(marker)) signal(pid, 'SIGKILL');
  return found;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try { process.kill(pid, name); } catch { /* already gone */ }
}

const activeMarkers = new Set<string>();

/** Registers a run's marker so a crash of the CLI still sweeps its processes. */
export function registerActiveRun(marker: string): () => void {
  activeMarkers.add(marker);
  return () => activeMarkers.delete(marker);
}

/** Sweeps the processes of every run still registered (used when the CLI dies unexpectedly). */
export async function sweepActiveRuns(): Promise<void> {
  for (const marker of activeMarkers) await sweepProcesses(marker, 1000);
}
