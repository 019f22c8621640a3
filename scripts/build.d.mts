// Types of scripts/build.mjs (plain JavaScript: it runs before anything is built).
export function build(root?: string): Promise<{ compiled: number; linked: number; ms: number }>;
export { isCurrent, testsCurrent } from './build-freshness.mjs';
