/**
 * `hidumper --cpuusage [pid]`: a summary line (`Total: 6.38%; User Space: …`) and a per-process
 * table (`PID  Total Usage  User Space  Kernel Space  Page Fault Minor  Page Fault Major  Name`).
 * Usage is in the range (0, number of cores]: 109% on a multi-core device is possible.
 */
export interface ProcessCpu {
  pid: number;
  totalPercent: number;
  userPercent: number;
  kernelPercent: number;
  name: string;
}

export interface CpuUsage {
  /** The whole device's usage over the sampling window, percent. */
  deviceTotalPercent?: number;
  processes: ProcessCpu[];
}

/** Parses the summary and the per-process rows. */
export function parseCpuUsage(output: string): CpuUsage {
  const device = /^Total:\s*([\d.]+)%/m.exec(output)?.[1];
  const processes: ProcessCpu[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /^\s*(\d+)\s+([\d.]+)%\s+([\d.]+)%\s+([\d.]+)%\s+\d+\s+\d+\s+(\S.*?)\s*$/.exec(line);
    if (!m) continue;
    processes.push({ pid: Number(m[1]), totalPercent: Number(m[2]), userPercent: Number(m[3]), kernelPercent: Number(m[4]), name: m[5]! });
  }
  return { ...(device !== undefined ? { deviceTotalPercent: Number(device) } : {}), processes };
}
