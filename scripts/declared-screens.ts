/**
 * Which screens a sample's manifest declares (samples/<name>/manifest.json) a run reached: a
 * declared screen is reached when a visited screen has its route and, where several declared
 * screens share a route (in-place views, a modal over a page), its title too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES_DIR } from '../src/core/paths.js';
import { h5ScreenKey as routeKey } from '../src/platforms/h5/screen-key.js';

export interface DeclaredScreen { id: string; title: string; route: string; depth: number; features: string[] }
export interface SampleManifest { name: string; title: string; screens: number; screenList: DeclaredScreen[] }
export interface VisitedScreen { url: string; title: string }

/** The samples built from real framework packages (sources in samples-src/), issue 10. */
export const FRAMEWORK_SAMPLES = ['vant-izhengwu', 'react-antd-ganbu', 'jquery-wangge', 'uniapp-xuncha', 'plainjs-minsheng'] as const;

/** Reads samples/<app>/manifest.json. */
export function readManifest(app: string): SampleManifest {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, app, 'manifest.json'), 'utf8')) as SampleManifest;
}

/** The declared screens that some visited screen matches. */
export function reachedScreens(manifest: SampleManifest, visited: VisitedScreen[]): DeclaredScreen[] {
  const keys = visited.map((v) => ({ route: routeKey(v.url), title: v.title }));
  const routeOf = (s: DeclaredScreen) => routeKey(`http://x/${s.route}`);
  return manifest.screenList.filter((s) => {
    const route = routeOf(s);
    const shared = manifest.screenList.filter((o) => routeOf(o) === route).length > 1;
    return keys.some((k) => k.route === route && (!shared || k.title === s.title));
  });
}
