/**
 * The building blocks every evidence event file shares: a reference to a stored blob and a step of
 * a replayable path. Their own file, so types.ts and probe-types.ts both import them without a cycle.
 */

/** A file in the evidence store, path relative to the run's output folder. */
export interface BlobRef {
  kind: 'screenshot' | 'ui-tree' | 'text' | 'annotated-screenshot' | 'network' | 'graph' | 'package';
  path: string;
  sha256: string;
}

/** One step of the path from launch to a screen, readable and replayable. */
export interface Step {
  action: 'launch' | 'tap' | 'back' | 'type' | 'select' | 'scroll';
  /** Chinese, for people: 点击「我的」. */
  label: string;
  locator?: string;
  text?: string;
  /**
   * For `type`: the test-data key typed (username, password, name, phone…), resolved again at
   * replay; never the literal value, so a path never carries the test account's password.
   */
  input?: string;
  /** For `select`: the option index picked. */
  option?: number;
}
