/**
 * The Allure description of an exploration: how far it went, why it stopped, the screens it
 * could not understand and how its candidate controls were found (per source, found/tried).
 */
import type { CandidateSource, CoverageEvent, EvidenceBundle } from '../evidence/types.js';

const SOURCE_NAMES: Record<CandidateSource, string> = {
  native: '原生控件', listener: '事件监听', framework: '框架处理器', role: '无障碍角色', cursor: '手型光标',
  delegated: '委托监听', probed: '试探点击', scroll: '滚动',
};

/** 「候选操作（找到/尝试）：事件监听 12/12，试探点击 30/18（其中 15 次无变化）」, or '' without per-screen data. */
export function candidateSourcesText(coverage: CoverageEvent): string {
  const found = new Map<CandidateSource, number>();
  const tried = new Map<CandidateSource, number>();
  let noEffect = 0;
  for (const screen of coverage.perScreen ?? []) {
    for (const [source, n] of Object.entries(screen.found) as [CandidateSource, number][]) found.set(source, (found.get(source) ?? 0) + n);
    for (const [source, n] of Object.entries(screen.tried) as [CandidateSource, number][]) tried.set(source, (tried.get(source) ?? 0) + n);
    noEffect += screen.noEffect ?? 0;
  }
  if (found.size === 0) return '';
  const parts = [...found].map(([source, n]) => `${SOURCE_NAMES[source]} ${n}/${tried.get(source) ?? 0}`);
  return `候选操作（找到/尝试）：${parts.join('，')}${noEffect > 0 ? `（试探与委托中 ${noEffect} 次点击无任何变化）` : ''}。`;
}

/** The screens coverage marks as not understood, named with their titles; '' when none. */
export function notUnderstoodText(coverage: CoverageEvent, bundle: Pick<EvidenceBundle, 'screens'>): string {
  const ids = coverage.notUnderstood ?? [];
  if (ids.length === 0) return '';
  const names = ids.map((id) => {
    const title = bundle.screens.find((s) => s.id === id)?.title;
    return title ? `${id}「${title}」` : id;
  });
  return `有 ${ids.length} 个界面显示了内容却未找到可操作的控件（未能理解）：${names.join('、')}；其后的界面未探索，禁止项与缺失项因此无法判定。`;
}

/** The whole description. */
export function explorationText(coverage: CoverageEvent, bundle: Pick<EvidenceBundle, 'screens' | 'crashes'>): string {
  const gates = (coverage.perScreen ?? []).filter((s) => s.gate !== undefined);
  return `探索了 ${coverage.screens} 个界面（完整探索 ${coverage.screensFullyExplored} 个），执行 ${coverage.actions} 次操作，用时 ${(coverage.durationMs / 1000).toFixed(1)} 秒；` +
    (coverage.complete ? '所有可达界面的所有操作均已尝试。' : `探索未完成（${coverage.stoppedBy}），剩余 ${coverage.frontier} 个界面未探索完。`) +
    notUnderstoodText(coverage, bundle) +
    candidateSourcesText(coverage) +
    (gates.length > 0 ? `遇到 ${gates.length} 个只有唯一出路的遮挡弹窗，已点击：${gates.map((g) => `「${g.gate}」`).join('、')}。` : '') +
    (bundle.crashes?.length ? `探索中应用崩溃 ${bundle.crashes.length} 次，重新启动成功 ${bundle.crashes.filter((c) => c.recovered).length} 次。` : '') +
    (coverage.loginWall ? (coverage.loginWall.signedIn ? '遇到登录界面，已用测试账号登录。' : `遇到登录界面且未能登录（${coverage.loginWall.reason ?? ''}），登录后的界面未探索。`) : '');
}
