/**
 * Android .apk: AndroidManifest.xml (binary XML), resources.arsc (labels, strings in every
 * locale), texts of compiled layouts, the network security config, classes*.dex string tables, text assets and the
 * signing certificate. Each step reads one entry at a time, so memory stays bounded.
 */
import { parseResourceTable, resolveString, type ResourceTable } from './arsc.js';
import { signingBlockCertificate, sha256Hex } from './apk-signing.js';
import { looksLikeTextXml, parseBinaryXml } from './binary-xml.js';
import { firstCertificateOfPkcs7 } from './der.js';
import { forEachDexString, mayBeInteresting } from './dex-strings.js';
import { packageError, parseOrReject } from './errors.js';
import { hasCjk } from './facts-builder.js';
import { readManifest, type ManifestSummary } from './android-manifest.js';
import { readLayoutStrings } from './layout-strings.js';
import { readNetworkSecurityConfig } from './network-security-config.js';
import type { ReadContext } from './read-context.js';
import { readTextAssets } from './text-assets.js';
import type { ZipArchive } from './zip-reader.js';

const MANIFEST = 'AndroidManifest.xml';
const DEX_RE = /^classes\d*\.dex$/;
const V1_SIGNATURE_RE = /^META-INF\/[^/]+\.(RSA|DSA|EC)$/i;

/** Reads an APK into the context's builder. */
export async function readApk(zip: ZipArchive, ctx: ReadContext): Promise<void> {
  const { builder, budget, label } = ctx;
  const manifestBytes = await zip.read(MANIFEST, budget.limits.maxXmlBytes);
  if (looksLikeTextXml(manifestBytes)) {
    throw packageError(`The package ${label} has a plain-text AndroidManifest.xml instead of compiled binary XML; submit the .apk produced by the Android build tools, not a repackaged source tree.`);
  }
  const manifest = parseOrReject(label, MANIFEST, () => parseBinaryXml(manifestBytes, budget.limits.maxXmlDepth));
  const table = await readResourceTable(zip, ctx);
  const summary = readManifest(manifest, (id) => resolveString(table, id), builder);
  builder.identity = summary.identity;
  if (!summary.identity.packageName) {
    throw packageError(`The package ${label} has an AndroidManifest.xml without a package name; submit the original .apk.`);
  }
  await readNetwork(zip, ctx, summary, table);
  addResourceStrings(table, ctx);
  await readLayoutStrings(zip, (id) => resolveString(table, id), builder, budget.limits.maxXmlBytes, budget.limits.maxXmlDepth);
  budget.checkTime();
  await readDexFiles(zip, ctx);
  await readTextAssets(zip, ['assets/'], builder, '', budget.limits.maxXmlBytes);
  await readSigningCertificate(zip, ctx);
}

async function readResourceTable(zip: ZipArchive, ctx: ReadContext): Promise<ResourceTable | undefined> {
  if (!zip.has('resources.arsc')) {
    ctx.builder.warnings.push('The package has no resources.arsc, so resource references and string resources are unavailable.');
    return undefined;
  }
  const bytes = await zip.read('resources.arsc');
  return parseOrReject(ctx.label, 'resources.arsc', () => parseResourceTable(bytes));
}

async function readNetwork(zip: ZipArchive, ctx: ReadContext, summary: ManifestSummary, table: ResourceTable | undefined): Promise<void> {
  const { builder, budget, label } = ctx;
  const network = builder.network;
  if (summary.usesCleartextTraffic !== undefined) {
    network.cleartextAllowed = summary.usesCleartextTraffic;
    network.source = `${MANIFEST} (android:usesCleartextTraffic)`;
  } else if (summary.targetSdk !== undefined) {
    network.cleartextAllowed = summary.targetSdk < 28;
    network.source = `${MANIFEST} (platform default for targetSdkVersion ${summary.targetSdk})`;
  }
  if (summary.networkSecurityConfigId === undefined) return;
  const path = resolveString(table, summary.networkSecurityConfigId);
  if (!path || !zip.has(path)) {
    builder.warnings.push(`The network security config 0x${summary.networkSecurityConfigId.toString(16)} could not be resolved to a file in the package.`);
    return;
  }
  const bytes = await zip.read(path, budget.limits.maxXmlBytes);
  const policy = parseOrReject(label, path, () => readNetworkSecurityConfig(parseBinaryXml(bytes, budget.limits.maxXmlDepth)));
  network.networkSecurityConfig = path;
  if (policy.baseCleartext !== undefined) {
    network.cleartextAllowed = policy.baseCleartext;
    network.source = `${path} (base-config)`;
  }
  if (policy.cleartextDomains.length > 0) {
    network.atsExceptions = policy.cleartextDomains.map((d) => `cleartext permitted for ${d}`);
  }
  for (const domain of policy.domains) builder.scanHosts(domain, path, true);
}

function addResourceStrings(table: ResourceTable | undefined, ctx: ReadContext): void {
  if (!table) return;
  // Default and Chinese strings first, so the cap never drops them in favour of other locales.
  const rank = (locale?: string): number => (locale === undefined ? 0 : locale.startsWith('zh') ? 1 : 2);
  const sorted = [...table.strings].sort((a, b) => rank(a.locale) - rank(b.locale));
  for (const { text, locale } of sorted) {
    ctx.builder.addString(text, 'resources.arsc', locale);
    ctx.builder.scanHosts(text, 'resources.arsc', true);
  }
}

async function readDexFiles(zip: ZipArchive, ctx: ReadContext): Promise<void> {
  const { builder, budget, label } = ctx;
  for (const name of zip.fileNames().filter((n) => DEX_RE.test(n))) {
    const dex = await zip.read(name);
    parseOrReject(label, name, () =>
      forEachDexString(dex, mayBeInteresting, (text) => {
        if (hasCjk(text)) builder.addString(text, name);
        builder.scanHosts(text, name, true);
      }),
    );
    budget.checkTime();
  }
}

async function readSigningCertificate(zip: ZipArchive, ctx: ReadContext): Promise<void> {
  const { builder, label } = ctx;
  let certificate: Buffer | undefined;
  try {
    certificate = await signingBlockCertificate(ctx.file, ctx.sizeBytes);
  } catch (error) {
    builder.warnings.push(`The APK signing block could not be read (${error instanceof Error ? error.message : 'unknown error'}).`);
  }
  if (!certificate) {
    const v1 = zip.fileNames().find((n) => V1_SIGNATURE_RE.test(n));
    if (v1) {
      const bytes = await zip.read(v1, ctx.budget.limits.maxXmlBytes);
      certificate = parseOrReject(label, v1, () => firstCertificateOfPkcs7(bytes));
    }
  }
  if (certificate) builder.identity.signingCertSha256 = sha256Hex(certificate);
  else builder.warnings.push('The package carries no signing certificate (unsigned APK).');
}
