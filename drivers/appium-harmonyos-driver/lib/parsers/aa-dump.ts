/**
 * `aa dump -l` (deprecated since API 9, still served; `hidumper -s AbilityManagerService -a -l`
 * prints the same) lists missions. The foreground one has `state #FOREGROUND` in its block.
 */
export interface ForegroundAbility {
  bundleName: string;
  abilityName?: string;
}

/** The foreground mission's bundle and ability, or undefined when none is in the foreground. */
export function parseForegroundAbility(output: string): ForegroundAbility | undefined {
  const blocks = output.split(/(?=Mission ID #)/);
  for (const block of blocks) {
    // The ability's own `state` line; `app state #FOREGROUND` alone does not make the mission foreground.
    if (!/^\s*state #FOREGROUND/m.test(block)) continue;
    const bundle = /bundle name \[([^\]]+)\]/.exec(block)?.[1];
    const missionName = /mission name #\[#([^:\]]+):[^:\]]*:([^\]]+)\]/.exec(block);
    const bundleName = bundle ?? missionName?.[1];
    if (!bundleName) continue;
    const abilityName = /main name \[([^\]]+)\]/.exec(block)?.[1] ?? missionName?.[2];
    return { bundleName, ...(abilityName ? { abilityName } : {}) };
  }
  return undefined;
}
