/** The page source: `uitest dumpLayout` on the device, pulled with `hdc file recv`, turned into XML. */
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { HarmonyOsDriver } from '../driver.js';
import { parseLayoutJson } from '../layout/dump-layout.js';
import { layoutToXml } from '../layout/to-xml.js';

/**
 * Dumps the layout and returns its JSON text (kept on the session as the raw evidence). Two hdc calls: the dump
 * (which first removes the previous dump's file on the device) and `file recv`; the last file is removed when
 * the session ends. A separate `rm` after each dump was a third call, and the explorer dumps after every action.
 */
export async function dumpLayoutJson(this: HarmonyOsDriver, bundleName?: string): Promise<string> {
  const name = `${randomUUID()}.json`;
  const remote = `/data/local/tmp/${name}`;
  const local = join(this.state.tmpDir, name);
  const previous = this.state.leftDump;
  this.state.leftDump = remote;
  const output = await this.state.hdc.shell(`${previous ? `rm -f ${previous}; ` : ''}uitest dumpLayout -p ${remote}${bundleName ? ` -b ${bundleName}` : ''}`);
  if (!/DumpLayout saved to/i.test(output) && /fail|error/i.test(output)) throw new Error(`uitest dumpLayout failed: ${output.trim()}`);
  try {
    await this.state.hdc.recv(remote, local);
    const text = await readFile(local, 'utf8');
    parseLayoutJson(text);
    this.state.lastLayoutJson = text;
    return text;
  } finally {
    await rm(local, { force: true });
  }
}

/** W3C getPageSource: the layout as XML (tags are ArkUI component types, attributes as dumped). */
export async function getPageSource(this: HarmonyOsDriver): Promise<string> {
  return layoutToXml(parseLayoutJson(await dumpLayoutJson.call(this)));
}

/** `mobile: dumpLayout`: the raw dumpLayout JSON text, for evidence. */
export async function mobileDumpLayout(this: HarmonyOsDriver, bundleName?: string): Promise<string> {
  return await dumpLayoutJson.call(this, bundleName);
}
