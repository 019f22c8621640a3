/**
 * uitest serves one caller at a time ("uitest-api does not allow calling concurrently"), so every
 * command for one device runs in order. A lock per device key, shared by all sessions in this process.
 */
const tails = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier call for the same device has settled. */
export async function withDeviceLock<T>(device: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(device) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(device, tail);
  try {
    return await run;
  } finally {
    if (tails.get(device) === tail) tails.delete(device);
  }
}
