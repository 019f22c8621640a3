/**
 * The clauses of 《政务移动互联网应用程序规范化管理办法》(国办函〔2026〕12号) that technical testing covers.
 * One typed table: checks cite clauses by id, and a unit test proves every citation is real.
 */
export const CLAUSES = {
  'art5': { article: '第五条', summary: '在显著位置以醒目方式标示主办（使用）单位及备案编号' },
  'art6': { article: '第六条', summary: '备案前对功能完整性、性能稳定性、交互便捷性等进行验收' },
  'art10': { article: '第十条', summary: '技术检测重点关注打卡签到、积分排名、统计在线时长等强制性功能，以及是否缺失必要功能' },
  'art14.1': { article: '第十四条第（一）项', summary: '不得随意或重复要求基层填表报数交材料' },
  'art14.2': { article: '第十四条第（二）项', summary: '除安保、应急等特殊场景外，不得设置打卡签到、积分排名、统计在线时长等强制性功能' },
  'art14.3': { article: '第十四条第（三）项', summary: '不得强制推广下载使用、考核通报用户安装使用率、强制要求定期登录' },
  'art14.4': { article: '第十四条第（四）项', summary: '不得将点赞量、网络投票数、转发量、学习时长等作为考评依据，不得非必要强制上传工作照片、视频和轨迹' },
  'art14.5': { article: '第十四条第（五）项', summary: '不得使用政务应用程序从事经营性活动' },
  'art16': { article: '第十六条', summary: '适配不同操作系统环境稳定运行，积极采用IPv6' },
  'art17': { article: '第十七条', summary: '做好运行监测，保障稳定可靠运行' },
  'art18': { article: '第十八条', summary: '提供投诉建议功能，实现在线受理、跟踪反馈和回访评价' },
  'art19': { article: '第十九条', summary: '依法依规保护数据和个人信息安全' },
} as const satisfies Record<string, { article: string; summary: string }>;

export type ClauseId = keyof typeof CLAUSES;

/** Clauses that no automated check covers, with the reason a human reviews them instead. */
export const CLAUSES_REVIEWED_BY_HAND: Partial<Record<ClauseId, string>> = {};
