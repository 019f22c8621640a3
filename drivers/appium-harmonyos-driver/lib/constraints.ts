/** The capabilities the driver accepts (besides Appium's standard ones), validated by base-driver. */
export const desiredCapConstraints = {
  platformName: { presence: true, isString: true, inclusionCaseInsensitive: ['HarmonyOS'] },
  udid: { isString: true },
  app: { isString: true },
  bundleName: { isString: true },
  abilityName: { isString: true },
  moduleName: { isString: true },
  hdcPath: { isString: true },
  hdcServer: { isString: true },
  hdcTimeout: { isNumber: true },
  installTimeout: { isNumber: true },
  noReset: { isBoolean: true },
  fullReset: { isBoolean: true },
  autoGrantPermissions: { isBoolean: true },
  autoLaunch: { isBoolean: true },
  appWaitTimeout: { isNumber: true },
} as const;

export type HarmonyConstraints = typeof desiredCapConstraints;

/** The session options the driver reads (capabilities without their `appium:` prefix). */
export interface HarmonyOpts {
  udid?: string;
  app?: string;
  bundleName?: string;
  abilityName?: string;
  moduleName?: string;
  hdcPath?: string;
  hdcServer?: string;
  hdcTimeout?: number;
  installTimeout?: number;
  noReset?: boolean;
  fullReset?: boolean;
  autoGrantPermissions?: boolean;
  autoLaunch?: boolean;
  appWaitTimeout?: number;
}
