/** `hidumper -s RenderService -a screen` → the active mode's size (`activeMode: 1260x2720, refreshrate=120`). */
export function parseScreenSize(output: string): { width: number; height: number } | undefined {
  const m = /activeMode:\s*(\d+)x(\d+)/.exec(output);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
}

/** `pidof <bundle>` → the first pid, or undefined when the process is not running. */
export function parsePid(output: string): number | undefined {
  const m = /^\s*(\d+)/.exec(output);
  return m ? Number(m[1]) : undefined;
}

/** `date +%Y-%m-%dT%H:%M:%S%z` → ISO 8601 with a colon in the offset (`+08:00`). */
export function parseDeviceDate(output: string): string | undefined {
  const m = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})([+-]\d{2})(\d{2})/.exec(output);
  return m ? `${m[1]}${m[2]}:${m[3]}` : undefined;
}
