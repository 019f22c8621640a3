/** What every platform reader receives: the facts being built, the limits, and the package. */
import type fs from 'node:fs/promises';
import type { FactsBuilder } from './facts-builder.js';
import type { Budget } from './limits.js';

/** Shared state of one inspection. */
export interface ReadContext {
  builder: FactsBuilder;
  budget: Budget;
  /** The package path, used in messages. */
  label: string;
  file: fs.FileHandle;
  sizeBytes: number;
}
