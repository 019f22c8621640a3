/**
 * Permissions the audit cares about, per platform, with a risk class and a Chinese explanation
 * for the lab. The risk class is what checks consume: forced-media-upload looks for camera +
 * background-location, data-security for over-broad access, and so on.
 * Unknown permissions are kept with risk 'other' so nothing the package asks for is dropped.
 */
import type { NativePlatformId } from '../platforms/platform-id.js';

/** Risk classes of declared permissions. */
export const RISK_CLASSES = [
  'location',
  'background-location',
  'camera',
  'microphone',
  'contacts',
  'sms',
  'phone',
  'call-log',
  'storage',
  'media',
  'calendar',
  'activity-recognition',
  'body-sensors',
  'biometric',
  'bluetooth-nearby',
  'installed-apps',
  'accounts',
  'tracking',
  'clipboard',
  'foreground-service',
  'background-running',
  'system-settings',
  'notifications',
  'network',
  'other',
] as const;

/** One risk class. */
export type RiskClass = (typeof RISK_CLASSES)[number];

interface CatalogEntry {
  risk: RiskClass;
  zh: string;
  /** Set when a government service app rarely needs it: why asking for it is over-broad (数据安全线索). */
  overBroadZh?: string;
}

const ANDROID = {
  ACCESS_FINE_LOCATION: { risk: 'location', zh: '获取精确位置（GPS）' },
  ACCESS_COARSE_LOCATION: { risk: 'location', zh: '获取大致位置（基站/Wi-Fi 定位）' },
  ACCESS_BACKGROUND_LOCATION: { risk: 'background-location', zh: '在后台持续获取位置，可用于轨迹追踪' },
  ACCESS_MEDIA_LOCATION: { risk: 'location', zh: '读取照片和视频中的拍摄地点' },
  FOREGROUND_SERVICE_LOCATION: { risk: 'background-location', zh: '以前台服务方式持续定位（离开界面后仍可记录轨迹）' },
  CAMERA: { risk: 'camera', zh: '使用摄像头拍照和录像' },
  FOREGROUND_SERVICE_CAMERA: { risk: 'camera', zh: '以前台服务方式持续使用摄像头' },
  RECORD_AUDIO: { risk: 'microphone', zh: '使用麦克风录音', overBroadZh: '界面上没有语音输入、通话或录像功能时属于超范围申请，可在后台录音' },
  FOREGROUND_SERVICE_MICROPHONE: { risk: 'microphone', zh: '以前台服务方式持续使用麦克风' },
  READ_CONTACTS: { risk: 'contacts', zh: '读取通讯录', overBroadZh: '可读取全部联系人姓名和号码，政务服务通常无需通讯录' },
  WRITE_CONTACTS: { risk: 'contacts', zh: '修改通讯录', overBroadZh: '可修改或写入通讯录，政务服务通常无需' },
  GET_ACCOUNTS: { risk: 'accounts', zh: '读取设备上的账户列表', overBroadZh: '可读取设备上登录的全部账户' },
  READ_SMS: { risk: 'sms', zh: '读取短信', overBroadZh: '可读取全部短信（含他人发来的验证码），验证码自动填充不需要此权限' },
  SEND_SMS: { risk: 'sms', zh: '发送短信', overBroadZh: '可在用户不知情时发送短信（产生费用、冒用身份），政务服务通常无需' },
  RECEIVE_SMS: { risk: 'sms', zh: '接收短信', overBroadZh: '可截获收到的短信，政务服务通常无需' },
  RECEIVE_MMS: { risk: 'sms', zh: '接收彩信' },
  RECEIVE_WAP_PUSH: { risk: 'sms', zh: '接收 WAP 推送消息' },
  READ_PHONE_STATE: { risk: 'phone', zh: '读取电话状态和设备标识' },
  READ_PHONE_NUMBERS: { risk: 'phone', zh: '读取本机号码' },
  CALL_PHONE: { risk: 'phone', zh: '直接拨打电话' },
  ANSWER_PHONE_CALLS: { risk: 'phone', zh: '接听来电' },
  PROCESS_OUTGOING_CALLS: { risk: 'phone', zh: '监视和改变去电', overBroadZh: '可监视和改变用户拨出的电话' },
  USE_SIP: { risk: 'phone', zh: '使用网络电话（SIP）' },
  ADD_VOICEMAIL: { risk: 'phone', zh: '添加语音信箱' },
  READ_CALL_LOG: { risk: 'call-log', zh: '读取通话记录', overBroadZh: '可读取通话记录（与谁通话、何时、多久），政务服务通常无需' },
  WRITE_CALL_LOG: { risk: 'call-log', zh: '修改通话记录', overBroadZh: '可修改通话记录，政务服务通常无需' },
  READ_EXTERNAL_STORAGE: { risk: 'storage', zh: '读取共享存储中的文件' },
  WRITE_EXTERNAL_STORAGE: { risk: 'storage', zh: '写入共享存储中的文件' },
  MANAGE_EXTERNAL_STORAGE: { risk: 'storage', zh: '管理全部文件（所有文件访问权限）', overBroadZh: '可读写共享存储中的全部文件' },
  READ_MEDIA_IMAGES: { risk: 'media', zh: '读取相册中的照片' },
  READ_MEDIA_VIDEO: { risk: 'media', zh: '读取相册中的视频' },
  READ_MEDIA_AUDIO: { risk: 'media', zh: '读取音频文件' },
  READ_MEDIA_VISUAL_USER_SELECTED: { risk: 'media', zh: '读取用户选定的照片和视频' },
  READ_CALENDAR: { risk: 'calendar', zh: '读取日历' },
  WRITE_CALENDAR: { risk: 'calendar', zh: '修改日历' },
  ACTIVITY_RECOGNITION: { risk: 'activity-recognition', zh: '识别身体活动（步数、步行、乘车等）' },
  BODY_SENSORS: { risk: 'body-sensors', zh: '读取身体传感器（心率等）' },
  BODY_SENSORS_BACKGROUND: { risk: 'body-sensors', zh: '在后台读取身体传感器' },
  USE_BIOMETRIC: { risk: 'biometric', zh: '使用生物识别（指纹/人脸）验证' },
  USE_FINGERPRINT: { risk: 'biometric', zh: '使用指纹验证' },
  BLUETOOTH: { risk: 'bluetooth-nearby', zh: '连接蓝牙设备' },
  BLUETOOTH_ADMIN: { risk: 'bluetooth-nearby', zh: '管理蓝牙（扫描、配对）' },
  BLUETOOTH_SCAN: { risk: 'bluetooth-nearby', zh: '扫描附近的蓝牙设备（可推断位置）' },
  BLUETOOTH_CONNECT: { risk: 'bluetooth-nearby', zh: '连接已配对的蓝牙设备' },
  BLUETOOTH_ADVERTISE: { risk: 'bluetooth-nearby', zh: '向附近设备广播蓝牙信号' },
  NEARBY_WIFI_DEVICES: { risk: 'bluetooth-nearby', zh: '发现附近的 Wi-Fi 设备' },
  QUERY_ALL_PACKAGES: { risk: 'installed-apps', zh: '获取手机上全部已安装应用列表', overBroadZh: '可获取手机上全部已安装应用的列表（可推断个人特征）' },
  GET_TASKS: { risk: 'installed-apps', zh: '获取正在运行的应用' },
  PACKAGE_USAGE_STATS: { risk: 'installed-apps', zh: '读取应用使用情况统计（可统计使用时长）' },
  FOREGROUND_SERVICE: { risk: 'foreground-service', zh: '运行前台服务（离开界面后继续工作）' },
  FOREGROUND_SERVICE_DATA_SYNC: { risk: 'foreground-service', zh: '以前台服务方式同步数据' },
  FOREGROUND_SERVICE_MEDIA_PROJECTION: { risk: 'foreground-service', zh: '以前台服务方式录制屏幕' },
  RECEIVE_BOOT_COMPLETED: { risk: 'background-running', zh: '开机后自动启动' },
  WAKE_LOCK: { risk: 'background-running', zh: '阻止手机休眠' },
  REQUEST_IGNORE_BATTERY_OPTIMIZATIONS: { risk: 'background-running', zh: '请求不受电池优化限制（长期后台运行）' },
  SYSTEM_ALERT_WINDOW: { risk: 'system-settings', zh: '在其他应用上层显示悬浮窗', overBroadZh: '可在其他应用上层弹出悬浮窗（可遮挡或诱导点击）' },
  WRITE_SETTINGS: { risk: 'system-settings', zh: '修改系统设置', overBroadZh: '可修改系统设置' },
  INSTALL_PACKAGES: { risk: 'system-settings', zh: '静默安装应用（系统权限）', overBroadZh: '系统级权限，普通应用申请即属异常，可在后台安装任意应用' },
  READ_LOGS: { risk: 'system-settings', zh: '读取系统日志（系统权限）', overBroadZh: '可读取其他应用写入系统日志的内容（可能含个人信息），普通应用申请即属异常' },
  REQUEST_INSTALL_PACKAGES: { risk: 'system-settings', zh: '安装其他应用', overBroadZh: '可引导安装其他应用' },
  DISABLE_KEYGUARD: { risk: 'system-settings', zh: '关闭锁屏' },
  CHANGE_CONFIGURATION: { risk: 'system-settings', zh: '修改系统配置' },
  ACCESS_MOCK_LOCATION: { risk: 'system-settings', zh: '模拟位置（测试用途）' },
  POST_NOTIFICATIONS: { risk: 'notifications', zh: '发送通知' },
  INTERNET: { risk: 'network', zh: '访问网络' },
  ACCESS_NETWORK_STATE: { risk: 'network', zh: '查看网络连接状态' },
  ACCESS_WIFI_STATE: { risk: 'network', zh: '查看 Wi-Fi 状态' },
  CHANGE_WIFI_STATE: { risk: 'network', zh: '开关和连接 Wi-Fi' },
  CHANGE_NETWORK_STATE: { risk: 'network', zh: '修改网络连接' },
} as const satisfies Record<string, CatalogEntry>;

const HARMONYOS = {
  LOCATION: { risk: 'location', zh: '获取精确位置' },
  APPROXIMATELY_LOCATION: { risk: 'location', zh: '获取大致位置' },
  LOCATION_IN_BACKGROUND: { risk: 'background-location', zh: '在后台持续获取位置，可用于轨迹追踪' },
  MEDIA_LOCATION: { risk: 'location', zh: '读取媒体文件中的地理位置' },
  CAMERA: { risk: 'camera', zh: '使用相机拍照和录像' },
  MICROPHONE: { risk: 'microphone', zh: '使用麦克风录音' },
  READ_CONTACTS: { risk: 'contacts', zh: '读取联系人' },
  WRITE_CONTACTS: { risk: 'contacts', zh: '修改联系人' },
  READ_MESSAGES: { risk: 'sms', zh: '读取短信' },
  SEND_MESSAGES: { risk: 'sms', zh: '发送短信' },
  RECEIVE_SMS: { risk: 'sms', zh: '接收短信' },
  READ_CALL_LOG: { risk: 'call-log', zh: '读取通话记录' },
  WRITE_CALL_LOG: { risk: 'call-log', zh: '修改通话记录' },
  PLACE_CALL: { risk: 'phone', zh: '直接拨打电话' },
  READ_CELL_MESSAGES: { risk: 'sms', zh: '读取小区广播消息' },
  READ_MEDIA: { risk: 'storage', zh: '读取用户外部存储中的媒体文件' },
  WRITE_MEDIA: { risk: 'storage', zh: '写入用户外部存储中的媒体文件' },
  READ_IMAGEVIDEO: { risk: 'media', zh: '读取图库中的照片和视频' },
  WRITE_IMAGEVIDEO: { risk: 'media', zh: '修改图库中的照片和视频' },
  READ_AUDIO: { risk: 'media', zh: '读取音频文件' },
  WRITE_AUDIO: { risk: 'media', zh: '修改音频文件' },
  READ_CALENDAR: { risk: 'calendar', zh: '读取日历' },
  WRITE_CALENDAR: { risk: 'calendar', zh: '修改日历' },
  ACTIVITY_MOTION: { risk: 'activity-recognition', zh: '读取用户运动状态' },
  READ_HEALTH_DATA: { risk: 'body-sensors', zh: '读取健康数据（心率等）' },
  ACCESS_BIOMETRIC: { risk: 'biometric', zh: '使用生物识别（指纹/人脸）认证' },
  ACCESS_BLUETOOTH: { risk: 'bluetooth-nearby', zh: '使用蓝牙（扫描、连接附近设备）' },
  APP_TRACKING_CONSENT: { risk: 'tracking', zh: '读取开放匿名设备标识符（广告跟踪）' },
  READ_PASTEBOARD: { risk: 'clipboard', zh: '读取剪贴板' },
  GET_INSTALLED_BUNDLE_LIST: { risk: 'installed-apps', zh: '获取已安装应用列表' },
  KEEP_BACKGROUND_RUNNING: { risk: 'background-running', zh: '申请长时任务，在后台持续运行' },
  INTERNET: { risk: 'network', zh: '访问网络' },
  GET_NETWORK_INFO: { risk: 'network', zh: '获取网络信息' },
  GET_WIFI_INFO: { risk: 'network', zh: '获取 Wi-Fi 信息' },
  NOTIFICATION_CONTROLLER: { risk: 'notifications', zh: '管理通知' },
} as const satisfies Record<string, CatalogEntry>;

const IOS = {
  NSLocationWhenInUseUsageDescription: { risk: 'location', zh: '使用期间获取位置' },
  NSLocationUsageDescription: { risk: 'location', zh: '获取位置（旧版键）' },
  NSLocationAlwaysUsageDescription: { risk: 'background-location', zh: '始终（含后台）获取位置，可用于轨迹追踪' },
  NSLocationAlwaysAndWhenInUseUsageDescription: { risk: 'background-location', zh: '始终（含后台）获取位置，可用于轨迹追踪' },
  NSCameraUsageDescription: { risk: 'camera', zh: '使用相机拍照和录像' },
  NSMicrophoneUsageDescription: { risk: 'microphone', zh: '使用麦克风录音' },
  NSSpeechRecognitionUsageDescription: { risk: 'microphone', zh: '语音识别（上传语音）' },
  NSContactsUsageDescription: { risk: 'contacts', zh: '读取通讯录' },
  NSPhotoLibraryUsageDescription: { risk: 'media', zh: '读取相册' },
  NSPhotoLibraryAddUsageDescription: { risk: 'media', zh: '向相册添加照片' },
  NSAppleMusicUsageDescription: { risk: 'media', zh: '访问媒体资料库' },
  NSCalendarsUsageDescription: { risk: 'calendar', zh: '读取日历' },
  NSRemindersUsageDescription: { risk: 'calendar', zh: '读取提醒事项' },
  NSMotionUsageDescription: { risk: 'activity-recognition', zh: '读取运动与健身数据' },
  NSHealthShareUsageDescription: { risk: 'body-sensors', zh: '读取健康数据' },
  NSHealthUpdateUsageDescription: { risk: 'body-sensors', zh: '写入健康数据' },
  NSFaceIDUsageDescription: { risk: 'biometric', zh: '使用面容 ID' },
  NSBluetoothAlwaysUsageDescription: { risk: 'bluetooth-nearby', zh: '使用蓝牙' },
  NSBluetoothPeripheralUsageDescription: { risk: 'bluetooth-nearby', zh: '使用蓝牙外设' },
  NSUserTrackingUsageDescription: { risk: 'tracking', zh: '跨应用跟踪用户（广告标识符）' },
  NSLocalNetworkUsageDescription: { risk: 'network', zh: '访问本地网络中的设备' },
  NFCReaderUsageDescription: { risk: 'other', zh: '读取 NFC 标签' },
} as const satisfies Record<string, CatalogEntry>;

/** The platforms whose permission names the catalog knows. */
export type CatalogPlatform = NativePlatformId;

/** Looks up a permission (full name, e.g. `android.permission.CAMERA`) in the catalog. */
export function describePermission(platform: CatalogPlatform, name: string): CatalogEntry {
  const known = lookup(platform, name);
  if (known) return known;
  const custom = platform === 'android' ? !name.startsWith('android.') : platform === 'harmonyos' ? !name.startsWith('ohos.') : false;
  return { risk: 'other', zh: custom ? '应用自定义或第三方权限，请人工核对用途' : '未收录的系统权限，请人工核对用途' };
}

/** Why the permission is over-broad for a government service app (Chinese), or undefined when it is not one of those. */
export function overBroadReason(platform: CatalogPlatform, name: string): string | undefined {
  return lookup(platform, name)?.overBroadZh;
}

function lookup(platform: CatalogPlatform, name: string): CatalogEntry | undefined {
  if (platform === 'ios') return own(IOS, name);
  const prefix = platform === 'android' ? 'android.permission.' : 'ohos.permission.';
  if (!name.startsWith(prefix)) return undefined;
  return own(platform === 'android' ? ANDROID : HARMONYOS, name.slice(prefix.length));
}

function own(table: Record<string, CatalogEntry>, key: string): CatalogEntry | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** True when the Info.plist key is an iOS privacy usage-description key. */
export function isIosUsageKey(key: string): boolean {
  return Object.hasOwn(IOS, key) || /^NS\w+UsageDescription$/.test(key);
}
