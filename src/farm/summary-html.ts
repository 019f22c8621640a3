/**
 * The lab's page for a batch (summary.html, Chinese, one file with inline CSS, no script, opens from
 * disk): totals, what to review first, submissions × checks, the compatibility matrix, and links to
 * every audit's Allure report and verdict.json (relative, so the folder can be moved or shared).
 */
import type { AuditOutcome } from './journal.js';
import type { BatchSummary, CheckOutcome, SummaryAudit } from './summary.js';

const OUTCOME_ZH: Record<AuditOutcome | CheckOutcome | 'pending' | 'missing', string> = {
  pass: '通过', fail: '不通过', inconclusive: '无法判定', 'not-applicable': '不适用', error: '未能审计', pending: '未完成', missing: '—',
};

const CSS = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;margin:8px 0 24px}th,td{border:1px solid #ccc;padding:4px 8px;font-size:13px;text-align:center}
th{background:#f3f3f3}td.k{text-align:left}.pass{background:#e3f5e1}.fail{background:#fbe0de}.inconclusive{background:#fff4cc}
.not-applicable,.missing{background:#eee}.error,.pending{background:#f6c2c2;font-weight:bold}.diff{outline:2px solid #d33}
.totals span{display:inline-block;margin-right:16px;font-size:15px}ol li{margin:4px 0}`;

/** The page. */
export function summaryHtml(s: BatchSummary): string {
  const t = s.totals;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>批量审计汇总：${esc(s.batch.name)}</title><style>${CSS}</style></head>
<body>
<h1>批量审计汇总：${esc(s.batch.name)}</h1>
<p>清单：${esc(s.batch.manifest)}　模式：${s.batch.mode === 'redis' ? '分布式（Redis 队列）' : '本机设备'}　开始：${esc(s.batch.startedAt)}　结束：${esc(s.batch.finishedAt)}${s.batch.complete ? '' : '　<strong>批次未完成</strong>'}</p>
<p class="totals"><span>提交 ${t.submissions} 个</span><span>审计 ${t.audits} 次</span><span class="pass">通过 ${t.pass}</span><span class="fail">不通过 ${t.fail}</span><span class="inconclusive">无法判定 ${t.inconclusive}</span><span class="error">未能审计 ${t.error}</span>${t.pending ? `<span class="pending">未完成 ${t.pending}</span>` : ''}</p>
<h2>优先复核</h2>
${s.reviewFirst.length ? `<ol>${s.reviewFirst.map((r) => `<li><a href="#${anchor(r.audit)}">${esc(r.audit)}</a>：${esc(r.reason)}</li>`).join('')}</ol>` : '<p>全部通过，无需优先复核。</p>'}
<h2>提交 × 检查项</h2>
${auditTable(s)}
<h2>兼容性矩阵（同一应用在不同设备类别上的结果）</h2>
${compatibility(s)}
<h2>设备</h2>
<table><tr><th>设备</th><th>平台</th><th>类别</th><th>主机</th><th>完成审计</th><th>状态</th></tr>
${s.devices.map((d) => `<tr><td class="k">${esc(d.id)}</td><td>${esc(d.platform)}</td><td>${esc(d.profile)}</td><td>${esc(d.host)}</td><td>${d.audits}</td><td class="${d.setAside ? 'error' : 'pass'}">${d.setAside ? '已停用（两次失败）' : '正常'}</td></tr>`).join('\n')}
</table>
</body></html>
`;
}

function auditTable(s: BatchSummary): string {
  const head = `<tr><th>审计（提交@设备类别）</th><th>结论</th>${s.checks.map((c) => `<th title="${esc(c.id)}">${esc(c.title)}</th>`).join('')}<th>设备</th><th>用时</th><th>报告</th></tr>`;
  const rows = s.audits.map((a) => `<tr id="${anchor(a.key)}"><td class="k">${esc(a.key)}${a.title ? `<br><small>${esc(a.title)}</small>` : ''}</td><td class="${a.outcome}">${OUTCOME_ZH[a.outcome]}</td>${s.checks.map((c) => cell(a, c.id)).join('')}<td>${esc(a.device || '—')}</td><td>${a.durationMs !== undefined ? `${Math.round(a.durationMs / 1000)} 秒` : '—'}</td><td class="k">${links(a)}</td></tr>`);
  return `<table>${head}\n${rows.join('\n')}</table>`;
}

function cell(a: SummaryAudit, id: string): string {
  const o = a.checks[id as keyof SummaryAudit['checks']] ?? 'missing';
  return `<td class="${o}">${OUTCOME_ZH[o]}</td>`;
}

function links(a: SummaryAudit): string {
  const parts: string[] = [];
  if (a.report) parts.push(`<a href="${esc(a.report)}">Allure 报告</a>`);
  if (a.verdict) parts.push(`<a href="${esc(a.verdict)}">verdict.json</a>`);
  if (a.error) parts.push(esc(a.error));
  return parts.join(' · ') || '—';
}

function compatibility(s: BatchSummary): string {
  if (s.compatibility.length === 0) return '<p>本批次没有在多个设备类别上审计的提交。</p>';
  return s.compatibility.map((row) => {
    const head = `<tr><th>检查项</th>${row.classes.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
    const overall = `<tr><td class="k">总体结论</td>${row.classes.map((c) => { const o = row.outcomes[c] ?? 'pending'; return `<td class="${o}">${OUTCOME_ZH[o]}</td>`; }).join('')}</tr>`;
    const diffRows = row.differences.map((d) => `<tr><td class="k">${esc(s.checks.find((c) => c.id === d.check)?.title ?? d.check)}</td>${row.classes.map((c) => { const o = d.outcomes[c] ?? 'missing'; return `<td class="${o} diff">${OUTCOME_ZH[o]}</td>`; }).join('')}</tr>`);
    const note = row.consistent ? '各设备类别结果一致。' : `<strong>结果不一致：${row.differences.length} 项检查在不同设备类别上结论不同</strong>（红框标出），需复核是否为兼容性问题。`;
    return `<h3>${esc(row.submission)}</h3><p>${note}</p><table>${head}${overall}${diffRows.join('')}</table>`;
  }).join('\n');
}

function anchor(key: string): string {
  return `a-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
