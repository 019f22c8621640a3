/**
 * HarmonyOS .hap (one module) and .app (a zip of .hap/.hsp modules plus pack.info).
 * module.json gives identity, abilities with backgroundModes and skills, requestPermissions;
 * resources.index gives strings per locale and resolves "$string:name" references;
 * ets/modules.abc gives string literals from code. Older FA-model packages (config.json) are
 * read for identity and permissions only.
 */
import { forEachAbcString } from './abc-strings.js';
import { packageError, parseOrReject } from './errors.js';
import { hasCjk } from './facts-builder.js';
import { obj, objects, parseJsonObject, str, strings, type JsonObject } from './json-document.js';
import type { ReadContext } from './read-context.js';
import { parseResourcesIndexV1, resourcesIndexVersion, ResType, type HarmonyResource } from './resources-index.js';
import { readTextAssets } from './text-assets.js';
import type { PackageIdentity } from './types.js';
import type { ZipArchive } from './zip-reader.js';

const MAX_MODULES = 64;
const MODULE_RE = /^[^/]+\.(hap|hsp)$/;

/** Reads a single .hap into the builder. */
export async function readHap(zip: ZipArchive, ctx: ReadContext): Promise<void> {
  ctx.builder.identity = await readModule(zip, ctx, '');
}

/** Reads a HarmonyOS .app: pack.info, then every inner module. */
export async function readApp(zip: ZipArchive, ctx: ReadContext): Promise<void> {
  const { builder, budget, label } = ctx;
  const packInfo = await readJson(zip, ctx, 'pack.info', '');
  // Entry/feature .hap modules first, so the identity comes from a .hap rather than a shared .hsp.
  const modules = zip.fileNames().filter((n) => MODULE_RE.test(n)).sort((a, b) => Number(a.endsWith('.hsp')) - Number(b.endsWith('.hsp')));
  if (modules.length === 0) throw packageError(`The package ${label} has a pack.info but no .hap modules; submit the complete .app bundle.`);
  if (modules.length > MAX_MODULES) throw packageError(`The package ${label} holds ${modules.length} modules, more than the limit of ${MAX_MODULES}; submit the original .app bundle.`);
  let identity: PackageIdentity | undefined;
  for (const name of modules) {
    const inner = await zip.openNested(name);
    try {
      const moduleIdentity = await readModule(inner, ctx, `${name}!/`);
      identity ??= moduleIdentity;
    } finally {
      inner.close();
    }
    budget.checkTime();
  }
  builder.identity = mergeIdentity(identityFromPackInfo(packInfo), identity);
}

async function readModule(zip: ZipArchive, ctx: ReadContext, prefix: string): Promise<PackageIdentity> {
  const resources = await readResources(zip, ctx, prefix);
  const resolve = (ref: string | undefined): string | undefined => resolveRef(ref, resources);
  let identity: PackageIdentity;
  if (zip.has('module.json')) identity = readStageModel(await readJson(zip, ctx, 'module.json', prefix), ctx, prefix, resolve);
  else if (zip.has('config.json')) identity = readFaModel(await readJson(zip, ctx, 'config.json', prefix), ctx, prefix);
  else throw packageError(`The module ${prefix || ctx.label} has neither module.json nor config.json; submit the .hap produced by DevEco Studio or hvigor.`);
  await readCode(zip, ctx, prefix);
  await readTextAssets(zip, ['resources/rawfile/'], ctx.builder, prefix, ctx.budget.limits.maxXmlBytes);
  await readNetworkProfile(zip, ctx, prefix);
  return identity;
}

function readStageModel(json: JsonObject, ctx: ReadContext, prefix: string, resolve: (ref: string | undefined) => string | undefined): PackageIdentity {
  const { builder } = ctx;
  const app = obj(json, 'app');
  const module = obj(json, 'module');
  const source = `${prefix}module.json`;
  const moduleName = str(module.name) ?? 'entry';
  for (const permission of objects(module.requestPermissions)) {
    const when = str(obj(permission, 'usedScene').when);
    const reason = resolve(str(permission.reason));
    const detail = [when ? `usedScene.when=${when}` : '', reason ? `reason=${reason}` : ''].filter(Boolean).join('; ');
    builder.addPermission(str(permission.name) ?? '', source, detail || undefined);
  }
  const mainElement = str(module.mainElement);
  for (const ability of objects(module.abilities)) {
    const name = str(ability.name) ?? '';
    const exported = typeof ability.exported === 'boolean' ? ability.exported : undefined;
    const backgroundModes = strings(ability.backgroundModes);
    builder.components.push({ kind: 'ability', name, ...(exported !== undefined ? { exported } : {}), ...(backgroundModes.length ? { backgroundModes } : {}), source });
    if (exported || name === mainElement) builder.entryPoints.push({ kind: 'ability', name: `${moduleName}/${name}` });
    for (const skill of objects(ability.skills)) {
      for (const uri of objects(skill.uris)) {
        const scheme = str(uri.scheme);
        if (scheme && !/^(https?|file|datashare)$/i.test(scheme)) builder.addUrlScheme(scheme);
        const host = str(uri.host);
        if (host && scheme) builder.scanHosts(`${scheme}://${host}/`, source);
      }
    }
  }
  for (const extension of objects(module.extensionAbilities)) {
    const exported = typeof extension.exported === 'boolean' ? extension.exported : undefined;
    const type = str(extension.type);
    builder.components.push({
      kind: 'extension-ability',
      name: `${str(extension.name) ?? ''}${type ? ` (${type})` : ''}`,
      ...(exported !== undefined ? { exported } : {}),
      source,
    });
  }
  const identity: PackageIdentity = { packageName: str(app.bundleName) ?? '' };
  assign(identity, 'versionName', str(app.versionName));
  assign(identity, 'versionCode', str(app.versionCode));
  assign(identity, 'minSdk', apiLevel(app.minAPIVersion));
  assign(identity, 'targetSdk', apiLevel(app.targetAPIVersion));
  assign(identity, 'label', resolve(str(app.label)) ?? resolve(str(module.label)));
  return identity;
}

function readFaModel(json: JsonObject, ctx: ReadContext, prefix: string): PackageIdentity {
  const app = obj(json, 'app');
  const version = obj(app, 'version');
  const module = obj(json, 'module');
  const source = `${prefix}config.json`;
  for (const permission of objects(module.reqPermissions)) ctx.builder.addPermission(str(permission.name) ?? '', source);
  for (const ability of objects(module.abilities)) {
    const name = str(ability.name) ?? '';
    const backgroundModes = strings(ability.backgroundModes);
    ctx.builder.components.push({ kind: 'ability', name, ...(typeof ability.visible === 'boolean' ? { exported: ability.visible } : {}), ...(backgroundModes.length ? { backgroundModes } : {}), source });
  }
  const identity: PackageIdentity = { packageName: str(app.bundleName) ?? '' };
  assign(identity, 'versionName', str(version.name));
  assign(identity, 'versionCode', str(version.code));
  assign(identity, 'minSdk', apiLevel(obj(app, 'apiVersion').compatible));
  assign(identity, 'targetSdk', apiLevel(obj(app, 'apiVersion').target));
  return identity;
}

async function readResources(zip: ZipArchive, ctx: ReadContext, prefix: string): Promise<HarmonyResource[]> {
  if (!zip.has('resources.index')) return [];
  const source = `${prefix}resources.index`;
  const bytes = await zip.read('resources.index');
  const version = parseOrReject(ctx.label, source, () => resourcesIndexVersion(bytes));
  if (version.includes('V2')) {
    ctx.builder.warnings.push(`${source} uses the ${version} layout, which this reader does not parse yet; its strings are missing.`);
    return [];
  }
  const resources = parseOrReject(ctx.label, source, () => parseResourcesIndexV1(bytes));
  const rank = (locale?: string): number => (locale === undefined ? 0 : locale.startsWith('zh') ? 1 : 2);
  for (const resource of [...resources].sort((a, b) => rank(a.locale) - rank(b.locale))) {
    if (resource.type !== ResType.string) continue;
    ctx.builder.addString(resource.value, source, resource.locale);
    ctx.builder.scanHosts(resource.value, source, true);
  }
  return resources;
}

async function readCode(zip: ZipArchive, ctx: ReadContext, prefix: string): Promise<void> {
  for (const name of zip.fileNames().filter((n) => /^ets\/.*\.abc$/.test(n))) {
    const source = `${prefix}${name}`;
    const bytes = await zip.read(name);
    parseOrReject(ctx.label, source, () =>
      forEachAbcString(bytes, (text) => {
        if (hasCjk(text)) ctx.builder.addString(text, source);
        ctx.builder.scanHosts(text, source, true);
      }),
    );
    ctx.budget.checkTime();
  }
}

/** HarmonyOS network_config.json profile (network-security-config with cleartextTrafficPermitted). */
async function readNetworkProfile(zip: ZipArchive, ctx: ReadContext, prefix: string): Promise<void> {
  const name = 'resources/base/profile/network_config.json';
  if (!zip.has(name)) return;
  const source = `${prefix}${name}`;
  const json = await readJson(zip, ctx, name, prefix);
  const config = obj(json, 'network-security-config');
  const base = obj(config, 'base-config');
  const network = ctx.builder.network;
  network.networkSecurityConfig = source;
  if (typeof base.cleartextTrafficPermitted === 'boolean') {
    network.cleartextAllowed = base.cleartextTrafficPermitted;
    network.source = source;
  }
  for (const domainConfig of objects(config['domain-config'])) {
    for (const domain of objects(domainConfig.domains)) {
      const host = str(domain.name);
      if (!host) continue;
      ctx.builder.scanHosts(host, source, true);
      if (domainConfig.cleartextTrafficPermitted === true) (network.atsExceptions ??= []).push(`cleartext permitted for ${host}`);
    }
  }
}

async function readJson(zip: ZipArchive, ctx: ReadContext, name: string, prefix: string): Promise<JsonObject> {
  const bytes = await zip.read(name, ctx.budget.limits.maxXmlBytes);
  return parseOrReject(ctx.label, `${prefix}${name}`, () => parseJsonObject(bytes, ctx.budget.limits.maxXmlDepth));
}

function resolveRef(ref: string | undefined, resources: HarmonyResource[]): string | undefined {
  if (!ref) return undefined;
  const match = /^\$string:(.+)$/.exec(ref);
  if (!match) return ref;
  const candidates = resources.filter((r) => r.type === ResType.string && r.name === match[1]);
  return (candidates.find((r) => !r.locale) ?? candidates.find((r) => r.locale?.startsWith('zh')) ?? candidates[0])?.value;
}

/** API level from minAPIVersion/targetAPIVersion (API 17 builds encode 5.0.5(17) as 50005017). */
function apiLevel(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return str(value);
  return String(value >= 1000 ? value % 1000 : value);
}

function identityFromPackInfo(packInfo: JsonObject): PackageIdentity {
  const summary = obj(packInfo, 'summary');
  const app = obj(summary, 'app');
  const version = obj(app, 'version');
  const identity: PackageIdentity = { packageName: str(app.bundleName) ?? '' };
  assign(identity, 'versionName', str(version.name));
  assign(identity, 'versionCode', str(version.code));
  const apiVersion = obj(objects(summary.modules)[0], 'apiVersion');
  assign(identity, 'minSdk', apiLevel(apiVersion.compatible));
  assign(identity, 'targetSdk', apiLevel(apiVersion.target));
  return identity;
}

function mergeIdentity(primary: PackageIdentity, fallback: PackageIdentity | undefined): PackageIdentity {
  const merged: PackageIdentity = { ...fallback, ...stripEmpty(primary) } as PackageIdentity;
  merged.packageName ||= fallback?.packageName ?? '';
  return merged;
}

function stripEmpty(identity: PackageIdentity): Partial<PackageIdentity> {
  return Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== undefined && v !== ''));
}

function assign<K extends keyof PackageIdentity>(target: PackageIdentity, key: K, value: PackageIdentity[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}
