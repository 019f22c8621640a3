/**
 * iOS protected resources whose authorization XCUITest can reset (XCUIProtectedResource, iOS 13.4+;
 * the XCUITest driver's `mobile: resetPermission {service}` → WDA `POST /wda/resetAppAuth {resource}`,
 * appium-xcuitest-driver lib/commands/enum.ts PermissionService), with the Info.plist usage keys an
 * app declares for each. What has no resource (notifications, Face ID, motion, speech…) cannot be
 * reset: iOS asks once per install.
 */

export interface ProtectedResource {
  /** The driver's service name. */
  service: string;
  /** XCUIProtectedResource's value (what WDA receives). */
  resource: number;
  usageKeys: readonly string[];
  zh: string;
}

export const PROTECTED_RESOURCES: readonly ProtectedResource[] = [
  { service: 'contacts', resource: 1, usageKeys: ['NSContactsUsageDescription'], zh: '通讯录' },
  { service: 'calendar', resource: 2, usageKeys: ['NSCalendarsUsageDescription', 'NSCalendarsFullAccessUsageDescription', 'NSCalendarsWriteOnlyAccessUsageDescription'], zh: '日历' },
  { service: 'reminders', resource: 3, usageKeys: ['NSRemindersUsageDescription', 'NSRemindersFullAccessUsageDescription'], zh: '提醒事项' },
  { service: 'photos', resource: 4, usageKeys: ['NSPhotoLibraryUsageDescription', 'NSPhotoLibraryAddUsageDescription'], zh: '照片' },
  { service: 'microphone', resource: 5, usageKeys: ['NSMicrophoneUsageDescription'], zh: '麦克风' },
  { service: 'camera', resource: 6, usageKeys: ['NSCameraUsageDescription'], zh: '相机' },
  { service: 'medialibrary', resource: 7, usageKeys: ['NSAppleMusicUsageDescription'], zh: '媒体资料库' },
  { service: 'homekit', resource: 8, usageKeys: ['NSHomeKitUsageDescription'], zh: '家庭' },
  { service: 'bluetooth', resource: -0x40000000, usageKeys: ['NSBluetoothAlwaysUsageDescription', 'NSBluetoothPeripheralUsageDescription'], zh: '蓝牙' },
  { service: 'location', resource: -0x40000002, usageKeys: ['NSLocationWhenInUseUsageDescription', 'NSLocationAlwaysAndWhenInUseUsageDescription', 'NSLocationAlwaysUsageDescription', 'NSLocationUsageDescription'], zh: '位置' },
  { service: 'health', resource: -0x40000003, usageKeys: ['NSHealthShareUsageDescription', 'NSHealthUpdateUsageDescription'], zh: '健康' },
  { service: 'usertracking', resource: -0x40000004, usageKeys: ['NSUserTrackingUsageDescription'], zh: '跟踪' },
];

/** The resource a WDA `resetAppAuth` value names, if XCUITest knows it. */
export function protectedResource(resource: number): ProtectedResource | undefined {
  return PROTECTED_RESOURCES.find((r) => r.resource === resource);
}

/** The resources behind the app's declared usage keys, and the usage keys no resource covers (cannot be reset). */
export function resourcesForUsage(usageKeys: readonly string[]): { resources: ProtectedResource[]; notResettable: string[] } {
  const resources = PROTECTED_RESOURCES.filter((r) => r.usageKeys.some((k) => usageKeys.includes(k)));
  const notResettable = usageKeys.filter((k) => !PROTECTED_RESOURCES.some((r) => r.usageKeys.includes(k)));
  return { resources, notResettable };
}
