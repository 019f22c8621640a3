/** A package's CPU share from `dumpsys cpuinfo` or a `top -n 1` line. */
import { asText, parsed, unparsed, type Parsed } from './parsed.js';

export interface CpuUsage {
  pid: number;
  process: string;
  percent: number;
  userPercent?: number;
  kernelPercent?: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `dumpsys cpuinfo` row of the package's main process (not `pkg:remote` sub-processes). */
export function parseCpuinfo(output: unknown, packageName: string): Parsed<CpuUsage> {
  const text = asText(output);
  const row = new RegExp(`^\\s*([\\d.]+)% (\\d+)/(${escape(packageName)}): ([\\d.]+)% user \\+ ([\\d.]+)% kernel`, 'm').exec(text);
  if (!row) return unparsed(/CPU usage from/.test(text) ? `${packageName} used no measurable CPU in the window (no row)` : 'no "CPU usage from" block in the cpuinfo output');
  return parsed({ percent: Number(row[1]), pid: Number(row[2]), process: row[3]!, userPercent: Number(row[4]), kernelPercent: Number(row[5]) });
}

/** The `top -n 1` line whose last column is the package: PID and the %CPU column (the first field ending in %). */
export function parseTopLine(output: unknown, packageName: string): Parsed<CpuUsage> {
  const line = asText(output).split('\n').find((l) => l.trim().split(/\s+/).at(-1) === packageName);
  if (!line) return unparsed(`no top line for ${packageName}`);
  const fields = line.trim().split(/\s+/);
  const cpu = fields.find((f) => /^[\d.]+%$/.test(f)) ?? (/^[\d.]+$/.test(fields[8] ?? '') ? fields[8] : undefined);
  const pid = Number(fields[0]);
  if (!cpu || !Number.isInteger(pid)) return unparsed(`the top line for ${packageName} has no PID or %CPU column: ${line.trim()}`);
  return parsed({ pid, process: packageName, percent: Number(cpu.replace('%', '')) });
}
