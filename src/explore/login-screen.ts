/**
 * The one login-screen test, for the explorer (login wall, the login action) and the probes
 * (login cadence, signing in again): a visible password field and a control that signs in
 * (login-form.ts), that control found by any candidate source — a delegated or probed `<div>`
 * labelled 登录 counts as much as a `<button>`.
 */
import type { UiNode } from '../evidence/types.js';
import { candidateNodes, withCandidatesTappable, type CandidateNode } from './candidates.js';
import { loginControls } from './login-form.js';

/** What the test reads of a screen: its nodes, and whether the platform saw every tap handler. */
export interface LoginScreenInput {
  nodes: UiNode[];
  listenersObserved?: boolean | undefined;
}

/** True when the screen is a login screen; `candidates` when the caller has them already. */
export function isLoginScreen(screen: LoginScreenInput, candidates: CandidateNode[] = candidateNodes(screen.nodes, screen.listenersObserved)): boolean {
  return loginControls(withCandidatesTappable(screen.nodes, candidates)).length > 0;
}
