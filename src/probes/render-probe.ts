/**
 * Blank screens: every explored screen whose screenshot is near-uniform (a white or black page)
 * and whose UI model has no text and nothing to tap. Reads recorded screenshots only, so it works
 * the same for every platform.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { RenderCheckEvent } from '../evidence/probe-types.js';
import type { ScreenEvent } from '../evidence/types.js';
import type { Probe, ProbeContext, ProbeSummary } from './probe.js';

/** Channel standard deviation below which a screenshot is one flat colour (text or icons raise it well above 10). */
export const BLANK_STDEV = 4;

export const renderProbe: Probe = {
  id: 'render',
  title: '白屏检测',
  needs: [],
  async run(ctx: ProbeContext): Promise<ProbeSummary> {
    const event: RenderCheckEvent = { type: 'render-check', screensChecked: 0, blank: [] };
    for (const screen of ctx.explored.screens) {
      if (!screenshotFile(ctx.store.outDir, screen)) continue;
      event.screensChecked++;
      const textNodes = screen.nodes.filter((n) => n.text.trim() !== '').length;
      const clickable = screen.nodes.filter((n) => n.clickable).length;
      // A screen with text or a control is not blank whatever its pixels: the pixel statistics (about 120 ms of
      // CPU for a 1080×2400 screenshot) are read only for a screen whose UI model is empty.
      if (textNodes > 0 || clickable > 0) continue;
      const stdev = await screenshotStdev(ctx.store.outDir, screen);
      if (stdev !== undefined && isBlank(stdev, textNodes, clickable)) event.blank.push({ screenId: screen.id, stdev: Number(stdev.toFixed(2)), textNodes, clickable });
    }
    ctx.store.append(event);
    const titles = event.blank.map((b) => ctx.explored.screens.find((s) => s.id === b.screenId)?.title || b.screenId);
    return { status: 'done', text: `检查了 ${event.screensChecked} 个界面的截图，白屏 ${event.blank.length} 个${titles.length ? `：${titles.join('、')}` : ''}。` };
  },
};

/** Near-uniform image and an empty UI model: what a user sees as a white screen. */
export function isBlank(stdev: number, textNodes: number, clickable: number): boolean {
  return stdev < BLANK_STDEV && textNodes === 0 && clickable === 0;
}

function screenshotFile(outDir: string, screen: ScreenEvent): string | undefined {
  if (!screen.screenshot) return undefined;
  const file = join(outDir, screen.screenshot.path);
  return existsSync(file) ? file : undefined;
}

async function screenshotStdev(outDir: string, screen: ScreenEvent): Promise<number | undefined> {
  const file = screenshotFile(outDir, screen);
  if (!file) return undefined;
  const stats = await sharp(readFileSync(file)).stats();
  return Math.max(...stats.channels.slice(0, 3).map((c) => c.stdev));
}
