// One shard of the unit tests (scripts/run-unit.mjs): imports the given test files, in order, into this
// process; node:test runs them here and reports as TAP. Run with `node --import tsx` for TypeScript files.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) await import(pathToFileURL(resolve(file)).href);
