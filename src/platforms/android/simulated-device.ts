/**
 * The simulated Android device (src/sim, written apart): started only for a profile that says
 * `"simulated": true`. Loaded lazily so a run on a real device never loads the double.
 */
export interface SimulatedAndroid {
  androidHome: string;
  udid: string;
  stop(): Promise<void>;
}

/** Starts the device double and its ANDROID_HOME (src/sim/android/start-sim-android.ts). */
export async function startSimulatedAndroid(udid?: string): Promise<SimulatedAndroid> {
  const { startSimAndroid } = await import('../../sim/android/start-sim-android.js');
  return startSimAndroid(udid ? { udid } : {});
}
