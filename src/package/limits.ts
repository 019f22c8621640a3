/**
 * Fixed limits that keep the reader inside a bounded amount of time and memory whatever the
 * package contains. Sizes are enforced on the bytes actually inflated, never on header values.
 */
import { packageError } from './errors.js';

/** Limits applied while reading one package. */
export interface PackageLimits {
  /** Largest package file accepted. */
  maxFileBytes: number;
  /** Most entries in one zip archive (the outer package or a nested .hap). */
  maxEntries: number;
  /** Largest single entry read into memory (dex, arsc, manifest, plist, nested hap). */
  maxEntryBytes: number;
  /** Most bytes inflated in total while reading one package (all entries, all nesting levels). */
  maxTotalUncompressedBytes: number;
  /** Largest inflated/compressed ratio for an entry once it is past 1 MiB inflated. */
  maxCompressionRatio: number;
  /** Largest XML document (binary XML manifest, XML plist, JSON document). */
  maxXmlBytes: number;
  /** Deepest element nesting in XML, plist or JSON documents. */
  maxXmlDepth: number;
  /** Most strings kept in the facts (after de-duplication). */
  maxStrings: number;
  /** Most hosts kept in the facts. */
  maxHosts: number;
  /** Wall-clock bound for one inspection. */
  timeoutMs: number;
}

/** Defaults sized for real government apps (tens to hundreds of MB) on a small lab machine. */
export const DEFAULT_PACKAGE_LIMITS: Readonly<PackageLimits> = Object.freeze({
  maxFileBytes: 1024 * 1024 * 1024,
  maxEntries: 60_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalUncompressedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxXmlBytes: 8 * 1024 * 1024,
  maxXmlDepth: 64,
  maxStrings: 20_000,
  maxHosts: 2_000,
  timeoutMs: 30_000,
});

/** Resolves partial limits against the defaults, rejecting nonsense values. */
export function resolveLimits(partial: Partial<PackageLimits> = {}): PackageLimits {
  const limits = { ...DEFAULT_PACKAGE_LIMITS, ...partial };
  for (const [key, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new RangeError(`package limit ${key} must be a positive finite number`);
    }
  }
  return limits;
}

/** Shared, mutable accounting for one inspection: bytes inflated so far and the deadline. */
export class Budget {
  private inflated = 0;
  private readonly deadline: number;

  constructor(
    readonly limits: PackageLimits,
    readonly label: string,
  ) {
    this.deadline = Date.now() + limits.timeoutMs;
  }

  /** Counts inflated bytes against the total limit; throws once it is exceeded. */
  addInflated(bytes: number): void {
    this.inflated += bytes;
    if (this.inflated > this.limits.maxTotalUncompressedBytes) {
      throw packageError(
        `The package ${this.label} inflates to more than ${mib(this.limits.maxTotalUncompressedBytes)} in the entries read (a possible zip bomb); submit the original package or raise maxTotalUncompressedBytes.`,
      );
    }
  }

  /** Throws when the wall-clock bound has passed. */
  checkTime(): void {
    if (Date.now() > this.deadline) {
      throw packageError(
        `The package ${this.label} could not be read within ${this.limits.timeoutMs} ms; submit the original package or raise timeoutMs.`,
      );
    }
  }

  /** Total bytes inflated so far. */
  get inflatedBytes(): number {
    return this.inflated;
  }
}

/** Formats a byte count for messages (MiB, or bytes below 1 MiB). */
export function mib(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes} bytes`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}
