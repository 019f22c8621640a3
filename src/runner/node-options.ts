/**
 * NODE_OPTIONS for the testrunner's worker. WebdriverIO's Launcher always adds `--import <tsx>` to
 * NODE_OPTIONS so that its workers can load TypeScript. A run from build/ (scripts/build.mjs) has
 * nothing for tsx to do, and tsx's module hooks would still see every import of the worker on a
 * second thread: they doubled the CPU of loading WebdriverIO.
 */

/** NODE_OPTIONS without the flags that load tsx (`--import <…/tsx/…>`, `--loader <…/tsx/…>`); the rest is kept. */
export function withoutTsxLoader(nodeOptions: string | undefined): string {
  const words = (nodeOptions ?? '').split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const inline = /^--(?:import|loader|experimental-loader)=(.*)$/.exec(word);
    if (inline && isTsx(inline[1]!)) continue;
    if (['--import', '--loader', '--experimental-loader'].includes(word) && i + 1 < words.length && isTsx(words[i + 1]!)) {
      i++;
      continue;
    }
    kept.push(word);
  }
  return kept.join(' ');
}

function isTsx(specifier: string): boolean {
  return specifier === 'tsx' || /(^|[/\\])node_modules[/\\]tsx([/\\]|$)/.test(specifier) || specifier.startsWith('tsx/');
}
