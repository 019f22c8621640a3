#!/usr/bin/env node
// Entry point. Runs the compiled build/ (scripts/build.mjs; setup builds it) when it is at least as new as
// every source file; otherwise the TypeScript itself through tsx, so an edit is never run stale.
// GOVAPP_AUDIT_SOURCE=1 forces the TypeScript.
import { isCurrent } from '../scripts/build-freshness.mjs';

if (process.env.GOVAPP_AUDIT_SOURCE !== '1' && isCurrent()) {
  await import('../build/src/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
