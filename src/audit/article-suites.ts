/**
 * The one grouping of checks by article of the measures: each group is an Allure suite, a spec
 * file of specs/ (one line naming its group) and the suite of a package run's checks.
 */
import type { CheckId } from '../checks/catalog.js';

export interface ArticleSuite {
  /** The spec file's name in specs/, without `.spec.ts`. */
  readonly spec: string;
  /** The Allure suite: the article and its subject. */
  readonly title: string;
  readonly checks: readonly CheckId[];
}

export const ARTICLE_SUITES = [
  { spec: 'article-05-filing', title: '第五条 主办单位及备案编号标示', checks: ['filing-disclosure'] },
  { spec: 'article-06-acceptance', title: '第六条 性能稳定性', checks: ['performance'] },
  {
    spec: 'article-14-prohibitions', title: '第十四条 禁止情形',
    checks: ['repeated-data-reporting', 'forced-check-in', 'points-ranking', 'online-duration-tracking', 'forced-promotion', 'mandatory-login', 'engagement-metrics-assessment', 'forced-media-upload', 'commercial-activity'],
  },
  { spec: 'article-16-compatibility', title: '第十六条 适配性与 IPv6', checks: ['ipv6-readiness'] },
  { spec: 'article-17-stability', title: '第十七条 稳定运行', checks: ['stability'] },
  { spec: 'article-18-complaint', title: '第十八条 投诉建议功能', checks: ['complaint-channel'] },
  { spec: 'article-19-security', title: '第十九条 数据和个人信息安全', checks: ['data-security'] },
] as const satisfies readonly ArticleSuite[];

/** The suite name of a check. */
export function articleSuiteOf(id: CheckId): string {
  return ARTICLE_SUITES.find((s) => (s.checks as readonly CheckId[]).includes(id))?.title ?? '其他';
}

/** The group a spec file runs; throws for a spec file missing from the table. */
export function articleSuiteOfSpec(spec: string): ArticleSuite {
  const suite = ARTICLE_SUITES.find((s) => s.spec === spec);
  if (!suite) throw new Error(`specs/${spec}.spec.ts is not in ARTICLE_SUITES (src/audit/article-suites.ts)`);
  return suite;
}
