/**
 * `hidumper --mem <pid>`: a table of memory categories (rows) by column (Pss Total, Shared Clean, …,
 * Heap Free), in kB, then a `Total` row. Row names have spaces (`ark ts heap`), so a row is read as
 * its leading label and the numbers after it. The header has been spelled several ways across
 * releases, so only the first column (Pss Total) and the row labels are relied on.
 */
export interface ProcessMemory {
  /** Pss Total of the Total row, kB. */
  pssTotalKb: number;
  /** Pss Total by category (`native heap`, `ark ts heap`, `GL`, `Graph`, …), kB. */
  pssByCategoryKb: Record<string, number>;
  /** Heap Size / Alloc / Free of the native heap row when printed, kB. */
  nativeHeap?: { sizeKb: number; allocKb: number; freeKb: number };
}

const ROW = /^\s*([A-Za-z.][A-Za-z .]*?)\s+((?:-?\d+\s+){2,}-?\d+)\s*$/;

/** Parses the per-process table; undefined when the output has no Total row. */
export function parseProcessMemory(output: string): ProcessMemory | undefined {
  const pssByCategoryKb: Record<string, number> = {};
  let total: number | undefined;
  let nativeHeap: ProcessMemory['nativeHeap'];
  for (const line of output.split(/\r?\n/)) {
    // The per-heap breakdown after the table (`jemalloc meta:`) carries a colon: not a category.
    if (line.includes(':')) continue;
    const m = ROW.exec(line);
    if (!m) continue;
    const label = m[1]!.trim();
    const values = m[2]!.trim().split(/\s+/).map(Number);
    if (label === 'Total') {
      total ??= values[0];
      continue;
    }
    if (label in pssByCategoryKb) continue;
    pssByCategoryKb[label] = values[0]!;
    if (label === 'native heap' && values.length >= 10) nativeHeap = { sizeKb: values[7]!, allocKb: values[8]!, freeKb: values[9]! };
  }
  if (total === undefined) return undefined;
  return { pssTotalKb: total, pssByCategoryKb, ...(nativeHeap ? { nativeHeap } : {}) };
}
