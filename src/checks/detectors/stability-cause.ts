/**
 * What caused a failed request or a script error, for the stability check: the control tapped
 * just before it. Observations are drained when the explorer captures the screen an action led
 * to, and that action's transition is written right after, so the first transition at or after
 * the event's time, leading to the event's screen, is the action that caused it. Without one (the
 * launch, a replay on the way to a screen) nothing on screen caused it and the finding says so.
 */
import type { ConsoleEvent, EvidenceBundle, NetworkEvent, Step } from '../../evidence/types.js';
import type { Finding } from '../result.js';

/** Appended to a finding on a screen when no element of it can be boxed. */
export const NO_ELEMENT_TO_BOX = '界面上没有与之对应的元素可标注';

/**
 * Places `finding` where `event` happened: on the screen the tap was made on, with the tapped
 * element's bounds and the path through the tap when the cause is known; otherwise on the screen
 * shown, saying there is no element to box.
 */
export function withCause(bundle: EvidenceBundle, event: ConsoleEvent | NetworkEvent, finding: Finding, what: string): Finding {
  const tap = causingTap(bundle, event);
  if (tap) {
    const { screen, step, node } = tap;
    finding.screen = screen.id;
    finding.steps = [...screen.steps, step];
    finding.nodeId = node.id;
    finding.bounds = node.bounds;
    finding.summary = `在「${screen.title || screen.id}」界面${step.label}后，${what}`;
    if (screen.screenshot) finding.evidence.push(screen.screenshot);
    return finding;
  }
  const screen = bundle.screens.find((s) => s.id === event.screenId);
  finding.summary = what;
  if (!screen) return finding;
  finding.screen = screen.id;
  finding.steps = screen.steps;
  finding.summary = what.replace(/。$/, `（发生在「${screen.title || screen.id}」界面，${NO_ELEMENT_TO_BOX}）。`);
  if (screen.screenshot) finding.evidence.push(screen.screenshot);
  return finding;
}

function causingTap(bundle: EvidenceBundle, event: ConsoleEvent | NetworkEvent) {
  if (event.screenId === undefined) return undefined;
  const next = bundle.transitions
    .map((t) => ({ t, at: Date.parse(t.at) }))
    .filter(({ at }) => at >= event.ts)
    .sort((a, b) => a.at - b.at)[0]?.t;
  if (!next || next.to !== event.screenId || next.step.action !== 'tap' || !next.step.locator) return undefined;
  const step: Step = next.step;
  const screen = bundle.screens.find((s) => s.id === next.from);
  const node = screen?.nodes.find((n) => n.locator === step.locator);
  return screen && node ? { screen, step, node } : undefined;
}
