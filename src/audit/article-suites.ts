/** The Allure suite (an article of the measures) each check is grouped under; specs/ follow the same grouping. */
import type { CheckId } from '../checks/catalog.js';

export const ARTICLE_SUITES: Record<string, readonly CheckId[]> = {
  '第五条 主办单位及备案编号标示': ['filing-disclosure'],
  '第六条 性能稳定性': ['performance'],
  '第十四条 禁止情形': ['repeated-data-reporting', 'forced-check-in', 'points-ranking', 'online-duration-tracking', 'forced-promotion', 'mandatory-login', 'engagement-metrics-assessment', 'forced-media-upload', 'commercial-activity'],
  '第十六条 适配性与 IPv6': ['ipv6-readiness'],
  '第十七条 稳定运行': ['stability'],
  '第十八条 投诉建议功能': ['complaint-channel'],
  '第十九条 数据和个人信息安全': ['data-security'],
};

/** The suite name of a check. */
export function articleSuiteOf(id: CheckId): string {
  return Object.entries(ARTICLE_SUITES).find(([, ids]) => ids.includes(id))?.[0] ?? '其他';
}
