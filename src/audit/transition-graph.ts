/** The UI transition graph as a self-contained HTML page a reviewer can click through. */
import type { EvidenceBundle } from '../evidence/types.js';

function esc(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One section per screen: its path from launch, a thumbnail (inline), and links to where its actions lead. */
export function transitionGraphHtml(bundle: EvidenceBundle, images: Map<string, string>): string {
  const out = new Map<string, { label: string; to: string }[]>();
  for (const t of bundle.transitions) {
    const list = out.get(t.from) ?? [];
    if (!list.some((e) => e.label === t.step.label && e.to === t.to)) list.push({ label: t.step.label, to: t.to });
    out.set(t.from, list);
  }
  const titles = new Map(bundle.screens.map((s) => [s.id, s.title || s.id]));
  const sections = bundle.screens.map((s) => {
    const edges = (out.get(s.id) ?? [])
      .map((e) => `<li>${esc(e.label)} → ${e.to === s.id ? '（本界面）' : `<a href="#${e.to}">${esc(titles.get(e.to) ?? e.to)}</a>`}</li>`)
      .join('');
    const img = images.get(s.id);
    return `<section id="${s.id}"><h2>${esc(s.id)}　${esc(s.title)}</h2>
<p class="path">路径：${esc(s.steps.map((st) => st.label).join(' → '))}（深度 ${s.depth}）</p>
${img ? `<img src="data:image/png;base64,${img}" alt="${esc(s.title)}">` : ''}<ul>${edges || '<li>（无出边）</li>'}</ul></section>`;
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>界面跳转图</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:16px}section{border:1px solid #ccc;margin:8px 0;padding:8px}img{max-width:180px;float:right}.path{color:#555}h2{font-size:16px}</style>
</head><body><h1>界面跳转图（${bundle.screens.length} 个界面，${bundle.transitions.length} 次操作）</h1>${sections.join('\n')}</body></html>`;
}
