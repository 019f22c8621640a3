/**
 * What a device platform gives the audit (contracts item 1): the Appium driver it needs, the
 * system check, the W3C capabilities of a session, the DeviceSession over it and the probe
 * tools it offers. One entry per platform in registry.ts; each platform's code lives in its own
 * folder (src/platforms/<id>/), and nothing outside it knows which platform runs.
 */
import type { DeviceSession } from '../device/device-session.js';
import type { DeviceProfile } from '../devices/profile.js';
import type { EvidenceStore } from '../evidence/store.js';
import type { PackageFacts } from '../package/index.js';
import type { ProbeTools } from '../probes/probe-tools.js';
import type { PlatformId } from './platform-id.js';

/** The ports one device uses (an inventory entry's `ports`, contracts item 5); absent ones are chosen free. */
export interface DevicePorts {
  appium?: number;
  systemPort?: number;
  mjpegServerPort?: number;
  chromedriverPort?: number;
  wdaLocalPort?: number;
  proxy?: number;
}

/** Where a session runs: the device (an inventory entry, or this host for H5) and the run's scratch folder. */
export interface DeviceSlot {
  /** Inventory id, when the device comes from an inventory. */
  id?: string;
  udid?: string;
  host?: string;
  ports: DevicePorts;
  /** The run's private scratch folder (browser profile, driver logs); its path marks every process the run starts. */
  scratchDir: string;
}

/** The app under test, as the device side needs it. */
export interface AppUnderTest {
  /** What --app named: a URL, a folder, a package file. */
  target: string;
  /** H5: the URL to open (a served folder's local URL). */
  url?: string;
  /** Native: the package file to install. */
  packageFile?: string;
  /** A folder's (sample's) name. */
  name?: string;
}

/** What opening a session needs besides the WebdriverIO browser. */
export interface SessionContext {
  app: AppUnderTest;
  profile: DeviceProfile;
  slot: DeviceSlot;
}

/** What building the probe tools needs besides the browser: the session context, and how the run can serve the app elsewhere. */
export interface ProbeToolContext extends SessionContext {
  /** The run's evidence store, for tools that keep raw device output as blobs (native meters). */
  store?: EvidenceStore;
  /** Serves the app's folder on IPv6 loopback; absent when the app is not a local folder. */
  serveOverIpv6?: () => Promise<{ url: string; close(): Promise<void> }>;
}

/** What preparing a run's device needs (CLI process, before Appium starts). */
export interface RunPreparation extends SessionContext {
  /** The submitted package's static facts (native apps): package name, launchable activity. */
  facts?: PackageFacts;
}

/** A device made ready for a run: the environment Appium must run with, and how to undo it all. */
export interface PreparedRun {
  env: Record<string, string>;
  /** The device is the simulated one (verdict.json `device.simulated`, 模拟设备 in the console and report). */
  simulated: boolean;
  stop(): Promise<void>;
}

export interface Platform {
  readonly id: PlatformId;
  /** Chinese name for people (console, report). */
  readonly title: string;
  /** The Appium driver the platform needs (Appium's `useDrivers`): 'chromium', 'uiautomator2', 'harmonyos', 'xcuitest'. */
  readonly appiumDriver: string;
  /** Extra Appium server arguments the platform's sessions need (Appium 3 insecure features carry the driver prefix). */
  readonly appiumArgs?: { allowInsecure?: string[] };
  /** Set while the platform cannot run device sessions here: the one sentence saying so. */
  readonly unavailable?: string;
  /**
   * A second session on the same device does not disturb the first (H5: each session is its own
   * browser); then the idle observation runs on its own session beside the other probes.
   */
  readonly independentSessions?: boolean;
  /** Throws AuditError (one sentence naming the fix) when something the platform needs is not installed. */
  systemCheck(): void;
  /**
   * Prepares the device in the CLI process before Appium starts (native: a simulated device when the
   * profile says so, per-device ports, the capture proxy and the device's route to it); absent when
   * nothing needs preparing (H5).
   */
  prepareRun?(ctx: RunPreparation): Promise<PreparedRun>;
  /** W3C capabilities of a session on `device` for the app. */
  capabilities(profile: DeviceProfile, device: DeviceSlot, target: AppUnderTest): WebdriverIO.Capabilities;
  /** The DeviceSession over a WebdriverIO session opened with those capabilities. */
  openSession(browser: WebdriverIO.Browser, ctx: SessionContext): DeviceSession;
  /** The probe tools this platform offers on that session (built per probe: a relaunch may change the session id). */
  probeTools(browser: WebdriverIO.Browser, ctx: ProbeToolContext): ProbeTools;
}
