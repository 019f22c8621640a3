/** The device's log buffer: entries kept in order, and followers that receive new entries as they are written. */

export type LogLevel = 'V' | 'D' | 'I' | 'W' | 'E' | 'F';

export interface LogEntry {
  /** Device wall-clock time in ms (host time plus the device clock offset). */
  time: number;
  pid: number;
  tid: number;
  level: LogLevel;
  tag: string;
  message: string;
}

export type LogFollower = (entry: LogEntry) => void;

const MAX_ENTRIES = 5000;

/** A ring of recent entries plus live followers (a `logcat` stream is one follower). */
export class DeviceLog {
  private readonly entries: LogEntry[] = [];
  private readonly followers = new Set<LogFollower>();

  /** Appends an entry and hands it to every follower. */
  write(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    for (const follower of this.followers) follower(entry);
  }

  /** Entries written so far (oldest first). */
  all(): readonly LogEntry[] {
    return this.entries;
  }

  /** Drops the buffer (`logcat -c`). */
  clear(): void {
    this.entries.length = 0;
  }

  /** Registers a follower; returns the function that unregisters it. */
  follow(follower: LogFollower): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }
}
