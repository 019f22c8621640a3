/** Facts of a UiAutomator2 page source outside the node tree: screen size and the foreground package. */

export interface PageFacts {
  packageName: string;
  width: number;
  height: number;
}

/** Reads `<hierarchy width height>` and the first element's `package` (the foreground window's owner). */
export function pageFacts(xml: string): PageFacts {
  const root = /<hierarchy\b([^>]*)>/.exec(xml)?.[1] ?? '';
  const num = (name: string, text: string): number => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(text)?.[1] ?? 0);
  const packageName = /<(?!hierarchy\b)[\w.$]+\b[^>]*?\bpackage="([^"]*)"/.exec(xml)?.[1] ?? '';
  const bounds = /\bbounds="\[0,0\]\[(\d+),(\d+)\]"/.exec(xml);
  return { packageName, width: num('width', root) || Number(bounds?.[1] ?? 0), height: num('height', root) || Number(bounds?.[2] ?? 0) };
}

/** The Android screen key: package/activity, the activity written in full (`.Main` → `pkg.Main`). */
export function screenKeyOf(packageName: string, activity: string): string {
  const full = activity.startsWith('.') ? `${packageName}${activity}` : activity;
  return `${packageName}/${full || '?'}`;
}
