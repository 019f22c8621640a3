/**
 * iOS .ipa: Payload/<Name>.app/Info.plist (identity, usage descriptions, background modes,
 * URL schemes, App Transport Security), *.lproj/*.strings, C strings of the main executable,
 * and the first developer certificate of embedded.mobileprovision.
 */
import { sha256Hex } from './apk-signing.js';
import { packageError, parseOrReject } from './errors.js';
import { hasCjk } from './facts-builder.js';
import { forEachMachOString } from './macho-strings.js';
import { isIosUsageKey } from './permissions-catalog.js';
import { isDict, parsePlist, type PlistValue } from './plist-reader.js';
import type { ReadContext } from './read-context.js';
import { readTextAssets } from './text-assets.js';
import type { PackageIdentity } from './types.js';
import type { ZipArchive } from './zip-reader.js';

const INFO_RE = /^Payload\/([^/]+)\.app\/Info\.plist$/;
const ATS_FLAGS = ['NSAllowsArbitraryLoads', 'NSAllowsArbitraryLoadsInWebContent', 'NSAllowsArbitraryLoadsForMedia', 'NSAllowsLocalNetworking'];
const INSECURE_KEYS = ['NSExceptionAllowsInsecureHTTPLoads', 'NSTemporaryExceptionAllowsInsecureHTTPLoads'];

type Dict = { [key: string]: PlistValue };

/** Finds the app bundle directory (`Payload/X.app/`) of an .ipa, if any. */
export function ipaAppDir(names: string[]): string | undefined {
  const info = names.find((n) => INFO_RE.test(n));
  return info ? info.slice(0, -'Info.plist'.length) : undefined;
}

/** Reads an .ipa into the builder. */
export async function readIpa(zip: ZipArchive, ctx: ReadContext): Promise<void> {
  const names = zip.fileNames();
  const appDir = ipaAppDir(names);
  if (!appDir) throw packageError(`The package ${ctx.label} has no Payload/<Name>.app/Info.plist; submit the .ipa exported by Xcode.`);
  const info = await readDict(zip, ctx, `${appDir}Info.plist`);
  const source = `${appDir}Info.plist`;
  ctx.builder.identity = identityOf(info);
  if (!ctx.builder.identity.packageName) throw packageError(`The package ${ctx.label} has an Info.plist without CFBundleIdentifier; submit the .ipa exported by Xcode.`);
  readInfo(info, source, ctx);
  await readStrings(zip, ctx, appDir, names);
  await readExecutable(zip, ctx, appDir, info);
  await readTextAssets(zip, [`${appDir}www/`], ctx.builder, '', ctx.budget.limits.maxXmlBytes);
  await readProvisioning(zip, ctx, appDir);
}

function identityOf(info: Dict): PackageIdentity {
  const identity: PackageIdentity = { packageName: text(info.CFBundleIdentifier) ?? '' };
  const set = (key: keyof PackageIdentity, value: string | undefined): void => {
    if (value) identity[key] = value;
  };
  set('versionName', text(info.CFBundleShortVersionString));
  set('versionCode', text(info.CFBundleVersion));
  set('minSdk', text(info.MinimumOSVersion) ?? text(info.LSMinimumSystemVersion));
  set('targetSdk', text(info.DTPlatformVersion) ?? /\d+(\.\d+)*$/.exec(text(info.DTSDKName) ?? '')?.[0]);
  set('label', text(info.CFBundleDisplayName) ?? text(info.CFBundleName));
  return identity;
}

function readInfo(info: Dict, source: string, ctx: ReadContext): void {
  const { builder } = ctx;
  for (const [key, value] of Object.entries(info)) {
    if (!isIosUsageKey(key)) continue;
    const purpose = text(value);
    builder.addPermission(key, source, purpose);
    if (purpose) builder.addString(purpose, source);
  }
  const backgroundModes = list(info.UIBackgroundModes).filter((m): m is string => typeof m === 'string');
  builder.components.push({ kind: 'application', name: builder.identity.packageName, ...(backgroundModes.length ? { backgroundModes } : {}), source });
  for (const type of list(info.CFBundleURLTypes)) {
    if (isDict(type)) for (const scheme of list(type.CFBundleURLSchemes)) if (typeof scheme === 'string') builder.addUrlScheme(scheme);
  }
  readAts(info, source, ctx);
}

function readAts(info: Dict, source: string, ctx: ReadContext): void {
  const network = ctx.builder.network;
  const ats = info.NSAppTransportSecurity;
  network.source = source;
  if (!isDict(ats)) {
    network.cleartextAllowed = false;
    return;
  }
  const exceptions = ATS_FLAGS.filter((flag) => ats[flag] === true);
  const domains = ats.NSExceptionDomains;
  if (isDict(domains)) {
    for (const [domain, settings] of Object.entries(domains)) {
      ctx.builder.scanHosts(domain, source, true);
      if (isDict(settings) && INSECURE_KEYS.some((k) => settings[k] === true)) exceptions.push(`${domain}: NSExceptionAllowsInsecureHTTPLoads`);
    }
  }
  network.cleartextAllowed = exceptions.length > 0;
  if (exceptions.length > 0) network.atsExceptions = exceptions;
}

async function readStrings(zip: ZipArchive, ctx: ReadContext, appDir: string, names: string[]): Promise<void> {
  const lproj = new RegExp(`^${escape(appDir)}([^/]+)\\.lproj/[^/]+\\.strings$`);
  for (const name of names) {
    const match = lproj.exec(name);
    if (!match) continue;
    const locale = match[1] === 'Base' ? undefined : match[1];
    const table = await readDict(zip, ctx, name);
    for (const value of Object.values(table)) {
      if (typeof value !== 'string') continue;
      ctx.builder.addString(value, name, locale);
      ctx.builder.scanHosts(value, name, true);
    }
  }
}

async function readExecutable(zip: ZipArchive, ctx: ReadContext, appDir: string, info: Dict): Promise<void> {
  const executable = text(info.CFBundleExecutable);
  const name = executable ? `${appDir}${executable}` : undefined;
  if (!name || !zip.has(name)) {
    ctx.builder.warnings.push('The app bundle has no main executable (CFBundleExecutable), so code strings are missing.');
    return;
  }
  const entry = zip.entry(name);
  if (entry && entry.uncompressedSize > ctx.budget.limits.maxEntryBytes) {
    ctx.builder.warnings.push(`Skipped code strings of ${name}: it is larger than maxEntryBytes.`);
    return;
  }
  const bytes = await zip.read(name);
  const isMachO = parseOrReject(ctx.label, name, () =>
    forEachMachOString(bytes, (literal) => {
      if (hasCjk(literal)) ctx.builder.addString(literal, name);
      ctx.builder.scanHosts(literal, name, true);
    }),
  );
  if (!isMachO) ctx.builder.warnings.push(`${name} is not a Mach-O executable, so code strings are missing.`);
}

async function readProvisioning(zip: ZipArchive, ctx: ReadContext, appDir: string): Promise<void> {
  const name = `${appDir}embedded.mobileprovision`;
  if (!zip.has(name)) return;
  const bytes = await zip.read(name, ctx.budget.limits.maxXmlBytes);
  const start = bytes.indexOf('<?xml');
  const end = bytes.indexOf('</plist>');
  if (start < 0 || end < start) {
    ctx.builder.warnings.push(`${name} holds no readable property list.`);
    return;
  }
  const profile = parseOrReject(ctx.label, name, () => parsePlist(bytes.subarray(start, end + 8), ctx.budget.limits.maxXmlDepth));
  const certificates = isDict(profile) ? list(profile.DeveloperCertificates) : [];
  const first = certificates[0];
  if (Buffer.isBuffer(first)) ctx.builder.identity.signingCertSha256 = sha256Hex(first);
}

async function readDict(zip: ZipArchive, ctx: ReadContext, name: string): Promise<Dict> {
  const bytes = await zip.read(name, ctx.budget.limits.maxXmlBytes);
  const value = parseOrReject(ctx.label, name, () => parsePlist(bytes, ctx.budget.limits.maxXmlDepth));
  if (!isDict(value)) throw packageError(`The package ${ctx.label} has a ${name} that is not a dictionary; submit the .ipa exported by Xcode.`);
  return value;
}

function text(value: PlistValue | undefined): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function list(value: PlistValue | undefined): PlistValue[] {
  return Array.isArray(value) ? value : [];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
