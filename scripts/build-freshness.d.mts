// Types of scripts/build-freshness.mjs (plain JavaScript: bin/govapp-audit.js reads it before choosing what to run).
export const PROJECT_DIR: string;
export const SOURCES: readonly string[];
export const TEST_SOURCES: readonly string[];
export const STAMP: string;
export function filesUnder(path: string): Generator<string>;
export function newestSource(root?: string, sources?: readonly string[]): number;
export function isCurrent(root?: string, sources?: readonly string[]): boolean;
export function testsCurrent(root?: string): boolean;
