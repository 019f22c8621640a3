/**
 * The H5 platform: an app opened by URL in Debian's Chromium, driven through Appium 3's chromium
 * driver and chromedriver; the DevTools protocol and page scripts give every probe tool.
 */
import type { Platform } from '../platform.js';
import { h5Capabilities } from './capabilities.js';
import { H5Session } from './h5-session.js';
import { h5ProbeTools } from './probe-tools.js';
import { assertH5SystemDependencies } from './system-check.js';

export const H5_PLATFORM: Platform = {
  id: 'h5',
  title: 'H5（Chromium）',
  appiumDriver: 'chromium',
  independentSessions: true,
  systemCheck: assertH5SystemDependencies,
  capabilities: (profile, device) => h5Capabilities(profile, device),
  openSession(browser, { app, profile }) {
    if (!app.url) throw new Error('An H5 session needs the app URL.');
    const exploration = profile.exploration ?? {};
    return new H5Session(browser, app.url, exploration.settleQuietMs, exploration.settleMaxMs);
  },
  probeTools: (browser, ctx) => h5ProbeTools(browser, ctx),
};
