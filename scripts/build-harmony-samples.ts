/**
 * Builds the HarmonyOS sample apps samples/harmony-<name>.hap from samples-src/harmony-<name>/: a real HAP
 * layout (module.json, pack.info, resources.index compiled from resources/<qualifier>/element/string.json,
 * resources/base/profile, a media icon, and resources/rawfile/sim-app.json, the scripted model the simulated
 * device runs). No code: the double runs the model, a real device would refuse the unsigned package.
 *   node --import tsx scripts/build-harmony-samples.ts
 */
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { PROJECT_ROOT } from '../src/core/paths.js';
import { buildZip, type ZipInput } from '../test/package/helpers/zip-writer.js';
import { buildResourcesIndex, type ResourceConfig } from '../test/package/helpers/harmony-fixtures.js';

/** Resource ids the module.json references (`labelId`, `descriptionId`, `reasonId`): restool numbers strings from 0x01000000. */
const FIXED_IDS: Record<string, number> = { app_name: 16777216, EntryAbility_desc: 16777218, EntryAbility_label: 16777219, module_desc: 16777220 };
const FIRST_REASON_ID = 16777230;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

function stringConfig(path: string, qualifier: string): ResourceConfig {
  const { string } = JSON.parse(readFileSync(path, 'utf8')) as { string: { name: string; value: string }[] };
  let reason = FIRST_REASON_ID;
  const items = string.map((s) => ({ id: FIXED_IDS[s.name] ?? (s.name.startsWith('reason_') ? reason++ : 16777240 + string.indexOf(s)), name: s.name, value: s.value }));
  const [language, region] = qualifier === 'base' ? [] : qualifier.split('_');
  return { ...(language ? { language } : {}), ...(region ? { region } : {}), items };
}

/** Builds one sample; returns the written path. */
export async function buildHarmonySample(name: string): Promise<string> {
  const src = join(PROJECT_ROOT, 'samples-src', name);
  const configs = readdirSync(join(src, 'resources'))
    .filter((q) => q !== 'rawfile' && existsSync(join(src, 'resources', q, 'element', 'string.json')))
    .map((q) => stringConfig(join(src, 'resources', q, 'element', 'string.json'), q));
  const icon = await sharp({ create: { width: 48, height: 48, channels: 3, background: '#0a59f7' } }).png().toBuffer();
  const entries: ZipInput[] = [
    { name: 'module.json', data: JSON.stringify(JSON.parse(readFileSync(join(src, 'module.json'), 'utf8'))) },
    { name: 'pack.info', data: JSON.stringify(JSON.parse(readFileSync(join(src, 'pack.info'), 'utf8'))) },
    { name: 'resources.index', data: buildResourcesIndex(configs) },
    { name: 'resources/base/media/app_icon.png', data: icon, method: 'store' },
    ...files(join(src, 'resources'))
      .filter((f) => !/[/\\]element[/\\]string\.json$/.test(f))
      .map((f) => ({ name: relative(src, f).split('\\').join('/'), data: readFileSync(f) })),
  ];
  const out = join(PROJECT_ROOT, 'samples', `${name}.hap`);
  writeFileSync(out, buildZip(entries));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const name of readdirSync(join(PROJECT_ROOT, 'samples-src')).filter((n) => n.startsWith('harmony-')).sort()) {
    console.log(await buildHarmonySample(name));
  }
}
