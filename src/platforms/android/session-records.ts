/** What an Android session keeps of what happened: prompts answered and launches measured. */

/** A runtime permission prompt the session answered, and when it came. */
export interface PermissionPrompt {
  message: string;
  answer: '允许' | '拒绝';
  /** The step after which it appeared: 'launch' or the locator of the last tap. */
  after: string;
  afterLabel?: string;
  atMs: number;
}

/** A cold launch measured with `am start -W`. */
export interface LaunchRecord {
  command: string;
  totalTimeMs?: number;
  launchState?: string;
  output: string;
}
