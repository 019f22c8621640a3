/**
 * Device leases: a device runs one audit at a time, is health-checked before every lease, and is set
 * aside after its second failure (a failed health check or an audit that broke on it); its audits then
 * go to the other devices of their class. Platform-neutral: what "healthy" means comes from outside.
 */
import type { DeviceProfile } from '../devices/profile.js';
import { deviceServes, type InventoryDevice } from '../devices/inventory.js';

export const FAILURES_BEFORE_SET_ASIDE = 2;

export interface PoolEvents {
  deviceFailed(device: InventoryDevice, reason: string): void;
  deviceSetAside(device: InventoryDevice, reason: string): void;
}

type Health = (device: InventoryDevice) => Promise<string | undefined>;

export class DevicePool {
  private readonly busy = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly setAside = new Set<string>();
  private wake: (() => void)[] = [];

  constructor(readonly devices: readonly InventoryDevice[], private readonly health: Health, private readonly events: PoolEvents, private readonly retryMs = 2000) {}

  /** Devices leased right now. */
  get busyCount(): number {
    return this.busy.size;
  }

  /** Devices set aside so far. */
  get setAsideIds(): string[] {
    return [...this.setAside];
  }

  /**
   * Leases a healthy device serving the class, preferring devices not in `avoid` (where the audit
   * already broke); waits while all are busy; undefined once no device of the class is left.
   */
  async acquire(profile: Pick<DeviceProfile, 'name' | 'platform'>, avoid: ReadonlySet<string> = new Set()): Promise<InventoryDevice | undefined> {
    for (;;) {
      const serving = this.devices.filter((d) => deviceServes(d, profile) && !this.setAside.has(d.id));
      if (serving.length === 0) return undefined;
      const fresh = serving.filter((d) => !avoid.has(d.id));
      const candidates = fresh.length > 0 ? fresh : serving;
      let checkedOne = false;
      for (const device of candidates) {
        // Checked here, not filtered before the loop: another lease may have taken it during an await.
        if (this.busy.has(device.id) || this.setAside.has(device.id)) continue;
        this.busy.add(device.id);
        checkedOne = true;
        const problem = await this.health(device);
        if (problem === undefined) return device;
        this.busy.delete(device.id);
        this.fail(device, `健康检查失败：${problem}`);
      }
      await this.changed(checkedOne ? this.retryMs : 60_000);
    }
  }

  /** Gives the device back. */
  release(device: InventoryDevice): void {
    this.busy.delete(device.id);
    this.notify();
  }

  /** Counts a failure of the device; the second one sets it aside. */
  fail(device: InventoryDevice, reason: string): void {
    const n = (this.failures.get(device.id) ?? 0) + 1;
    this.failures.set(device.id, n);
    this.events.deviceFailed(device, reason);
    if (n >= FAILURES_BEFORE_SET_ASIDE && !this.setAside.has(device.id)) {
      this.setAside.add(device.id);
      this.events.deviceSetAside(device, `连续失败 ${n} 次，最后一次：${reason}`);
      this.notify();
    }
  }

  private changed(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = this.wake.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.wake.push(done);
    });
  }

  private notify(): void {
    for (const w of [...this.wake]) w();
  }
}
