/** `hdc list targets [-v]` → connect keys. `[Empty]` means no device. */
export function parseListTargets(output: string): string[] {
  return output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !/^\[empty\]$/i.test(line) && !/^\[fail\]|error:/i.test(line))
    // `-v` adds columns (connection type, state, host): the key is the first one.
    .map((line) => line.split(/\s+/)[0]!);
}
