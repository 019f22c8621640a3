/**
 * Appium capabilities for an H5 run: Appium 3's chromium driver with Debian's chromedriver
 * (never a download), headless Chromium in mobile emulation, performance and browser logs on.
 */
import { join } from 'node:path';
import type { DeviceProfile } from '../../devices/profile.js';
import type { DeviceSlot } from '../platform.js';

export const CHROMEDRIVER = '/usr/bin/chromedriver';
export const CHROMIUM_BINARY = '/usr/lib/chromium/chromium';

/**
 * Browser UI that headless Chromium 156 still builds at every start and no page can see: the omnibox
 * popup's WebUI, preloaded into its own renderer (two chrome://omnibox-popup.top-chrome pages). Off,
 * a start takes ~0.6 instead of ~1.45 CPU-s (measured: a bare start, /proc ticks of all its
 * processes); an audit starts Chromium about three times. The app under test runs the same: these
 * are features of the browser's own address bar, not of the web platform.
 */
export const DISABLED_BROWSER_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup', 'PreloadTopChromeWebUI'];

/** W3C capabilities for a device profile; the slot gives the scratch folder and chromedriver's port. */
export function h5Capabilities(profile: DeviceProfile, slot: DeviceSlot): WebdriverIO.Capabilities {
  const viewport = profile.viewport ?? { width: 412, height: 915, deviceScaleFactor: 2.625 };
  const args = [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
    '--disable-extensions', '--disable-default-apps', '--mute-audio', '--disable-quic',
    `--disable-features=${DISABLED_BROWSER_UI_FEATURES.join(',')}`,
    `--user-data-dir=${join(slot.scratchDir, 'chromium-profile')}`,
    `--lang=${profile.locale ?? 'zh-CN'}`,
  ];
  return {
    platformName: 'linux',
    browserName: 'chrome',
    'appium:automationName': 'Chromium',
    'appium:executable': CHROMEDRIVER,
    'appium:autodownloadEnabled': false,
    ...(slot.ports.chromedriverPort !== undefined ? { 'appium:chromedriverPort': slot.ports.chromedriverPort } : {}),
    'appium:logPath': join(slot.scratchDir, 'chromedriver.log'),
    'appium:newCommandTimeout': 120,
    'wdio:enforceWebDriverClassic': true,
    'goog:chromeOptions': {
      binary: CHROMIUM_BINARY,
      args,
      mobileEmulation: {
        deviceMetrics: { width: viewport.width, height: viewport.height, pixelRatio: viewport.deviceScaleFactor, mobile: true, touch: true },
        ...(profile.userAgent ? { userAgent: profile.userAgent } : {}),
      },
      perfLoggingPrefs: { enableNetwork: true, enablePage: false },
    },
    'goog:loggingPrefs': { performance: 'ALL', browser: 'ALL' },
  } as WebdriverIO.Capabilities;
}
