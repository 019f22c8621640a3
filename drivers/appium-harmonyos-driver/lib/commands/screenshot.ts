/** Screenshots with `uitest screenCap` (PNG, as W3C expects), pulled with `hdc file recv`. */
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { HarmonyOsDriver } from '../driver.js';
import { parseScreenSize } from '../parsers/screen.js';
import type { Rect } from '../layout/dump-layout.js';

/** W3C getScreenshot: base64 PNG of the display. */
export async function getScreenshot(this: HarmonyOsDriver): Promise<string> {
  const name = `${randomUUID()}.png`;
  const remote = `/data/local/tmp/${name}`;
  const local = join(this.state.tmpDir, name);
  await this.state.hdc.shell(`uitest screenCap -p ${remote}`);
  try {
    await this.state.hdc.recv(remote, local);
    const png = await readFile(local);
    if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('uitest screenCap did not produce a PNG');
    return png.toString('base64');
  } finally {
    await rm(local, { force: true });
    await this.state.hdc.shell(`rm -f ${remote}`, { check: false });
  }
}

/** W3C getWindowRect: the active display mode (`hidumper -s RenderService -a screen`). */
export async function getWindowRect(this: HarmonyOsDriver): Promise<Rect> {
  const size = parseScreenSize(await this.state.hdc.shell('hidumper -s RenderService -a screen', { check: false }));
  if (!size) throw new Error('The device did not report its screen size (hidumper -s RenderService -a screen)');
  return { x: 0, y: 0, ...size };
}
