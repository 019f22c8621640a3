// Types of scripts/e2e-lanes.mjs (plain JavaScript: npm test runs it before anything is built).
export const ALONE_IN_LANE: ReadonlySet<string>;
export const COMPANIONS: ReadonlySet<string>;
export function laneFiles(lane: 'devices' | 'browsers' | undefined, given?: readonly string[]): string[];
export function nextToStart(queue: readonly string[], running: ReadonlySet<string>, limit: number): number;
export interface FileResult { file: string; ok: boolean; seconds: number; cpuSeconds?: number }
export function runFiles(files: readonly string[], options: { limit: () => number; started?: number; label?: string }): { done: Promise<FileResult[]>; poke: () => void };
export function summary(results: readonly FileResult[]): string;
