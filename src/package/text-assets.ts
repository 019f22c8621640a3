/**
 * Text files shipped as assets (hybrid apps keep their UI in assets/**.js and .html, HarmonyOS in
 * resources/rawfile): CJK snippets become strings, URLs and IPs become hosts.
 */
import { hasCjk, type FactsBuilder } from './facts-builder.js';
import type { ZipArchive } from './zip-reader.js';

const TEXT_EXTENSIONS = /\.(js|mjs|json|html?|txt|properties|xml|css|vue|ts|ets)$/i;
const MAX_FILES = 2_000;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

/** Reads text entries under the given prefixes and feeds their snippets and hosts to the builder. */
export async function readTextAssets(zip: ZipArchive, prefixes: string[], builder: FactsBuilder, sourcePrefix: string, maxFileBytes: number): Promise<void> {
  let files = 0;
  let bytes = 0;
  for (const name of zip.fileNames()) {
    if (!prefixes.some((p) => name.startsWith(p)) || !TEXT_EXTENSIONS.test(name)) continue;
    const entry = zip.entry(name);
    if (!entry || entry.uncompressedSize > maxFileBytes) continue;
    if (++files > MAX_FILES || bytes + entry.uncompressedSize > MAX_TOTAL_BYTES) {
      builder.warnings.push(`Stopped reading text assets after ${files - 1} files (${MAX_FILES} files / ${MAX_TOTAL_BYTES >> 20} MiB cap).`);
      return;
    }
    bytes += entry.uncompressedSize;
    const text = (await zip.read(name, maxFileBytes)).toString('utf8');
    addTextSnippets(text, `${sourcePrefix}${name}`, builder);
  }
}

/** Adds CJK snippets (split at quotes, tags and line breaks) and endpoints found in a text. */
export function addTextSnippets(text: string, source: string, builder: FactsBuilder): void {
  builder.scanHosts(text, source);
  if (!hasCjk(text)) return;
  for (const piece of text.split(/[\n\r"'`<>]+/)) {
    if (piece.length <= 400 && hasCjk(piece)) builder.addString(piece, source);
  }
}
