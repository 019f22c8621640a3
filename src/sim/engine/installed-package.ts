/** A package installed on the simulated device, and what the platform front read from its file. */
import type { SimAppModel } from './app-model.js';

export interface InstrumentationInfo {
  /** `io.appium.uiautomator2.server.test/androidx.test.runner.AndroidJUnitRunner` */
  name: string;
  targetPackage: string;
}

export interface PackageFacts {
  packageName: string;
  versionCode: number;
  versionName: string;
  label?: string;
  minSdk?: number;
  targetSdk?: number;
  /** Fully qualified launcher activity, when the package has one. */
  launchActivity?: string;
  activities: string[];
  requestedPermissions: string[];
  instrumentation?: InstrumentationInfo;
  /** The scripted model shipped inside the package, when it is a sample app. */
  model?: SimAppModel;
}

export interface InstalledPackage extends PackageFacts {
  uid: number;
  installedAt: number;
  updatedAt: number;
  /** Path of the package on the device (`/data/app/<pkg>-1/base.apk`). */
  codePath: string;
  /** Runtime permissions granted now. */
  granted: Set<string>;
  /** Runtime permissions the user denied at least once (for the permission dialog's "don't ask again"). */
  denied: Set<string>;
}
