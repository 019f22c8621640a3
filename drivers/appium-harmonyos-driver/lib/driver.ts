/**
 * The HarmonyOS NEXT driver: a thin class; commands live in ./commands as small functions and the
 * extension points are the tables in constraints.ts and execute-method-map.ts.
 */
import { BaseDriver } from 'appium/driver.js';
import { desiredCapConstraints, type HarmonyConstraints } from './constraints.js';
import { executeMethodMap } from './execute-method-map.js';
import { LOCATOR_STRATEGIES } from './layout/locate.js';
import type { SessionState } from './session-state.js';
import * as session from './commands/session.js';
import * as source from './commands/source.js';
import * as find from './commands/find.js';
import * as element from './commands/element.js';
import * as gestures from './commands/gestures.js';
import * as screenshot from './commands/screenshot.js';
import * as apps from './commands/app-management.js';
import * as logs from './commands/log.js';
import * as device from './commands/device.js';
import * as probes from './commands/probes.js';
import * as execute from './commands/execute.js';

export class HarmonyOsDriver extends BaseDriver<HarmonyConstraints> {
  static executeMethodMap = executeMethodMap;
  override desiredCapConstraints = desiredCapConstraints;
  /** Present between createSession and deleteSession. */
  harmony?: SessionState;

  constructor(opts = {} as ConstructorParameters<typeof BaseDriver>[0], shouldValidateCaps = true) {
    super(opts, shouldValidateCaps);
    this.locatorStrategies = [...LOCATOR_STRATEGIES];
  }

  /** The session's state; throws when no session is running. */
  get state(): SessionState {
    if (!this.harmony) throw new Error('No HarmonyOS session is running');
    return this.harmony;
  }

  override async createSession(...args: Parameters<BaseDriver<HarmonyConstraints>['createSession']>) {
    const result = await super.createSession(...(args as [never]));
    try {
      await session.startSession.call(this);
    } catch (err) {
      await this.deleteSession().catch(() => undefined);
      throw err;
    }
    return result;
  }

  override async deleteSession(sessionId?: string | null): Promise<void> {
    try {
      await session.stopSession.call(this);
    } finally {
      await super.deleteSession(sessionId);
    }
  }

  override supportedLogTypes = logs.supportedLogTypes as unknown as BaseDriver<HarmonyConstraints>['supportedLogTypes'];
  execute = execute.execute;
  override getPageSource = source.getPageSource;
  mobileDumpLayout = source.mobileDumpLayout;
  override findElOrEls = find.findElOrEls as unknown as BaseDriver<HarmonyConstraints>['findElOrEls'];
  click = element.click;
  getText = element.getText;
  getAttribute = element.getAttribute;
  getProperty = element.getAttribute;
  getName = element.getName;
  getElementRect = element.getElementRect;
  elementDisplayed = element.elementDisplayed;
  elementEnabled = element.elementEnabled;
  elementSelected = element.elementSelected;
  setValue = element.setValue;
  clear = element.clear;
  back = gestures.back;
  performActions = gestures.performActions;
  releaseActions = gestures.releaseActions;
  mobileSwipe = gestures.mobileSwipe;
  mobileScroll = gestures.mobileScroll;
  mobileClick = gestures.mobileClick;
  mobileLongClick = gestures.mobileLongClick;
  mobilePressKey = gestures.mobilePressKey;
  getScreenshot = screenshot.getScreenshot;
  getWindowRect = screenshot.getWindowRect;
  activateApp = apps.activateApp;
  terminateApp = apps.terminateApp;
  queryAppState = apps.queryAppState;
  installApp = apps.installApp;
  removeApp = apps.removeApp;
  isAppInstalled = apps.isAppInstalled;
  mobileClearApp = apps.mobileClearApp;
  getDeviceTime = device.getDeviceTime;
  mobileDeviceInfo = device.mobileDeviceInfo;
  mobileShell = device.mobileShell;
  mobileMemoryInfo = probes.mobileMemoryInfo;
  mobileCpuUsage = probes.mobileCpuUsage;
  mobileColdStart = probes.mobileColdStart;
  mobileGetPermissions = probes.mobileGetPermissions;
  mobileFaultLogs = probes.mobileFaultLogs;
}

export default HarmonyOsDriver;
