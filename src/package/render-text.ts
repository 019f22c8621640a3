/**
 * Human-readable report of package facts for the lab (Chinese headings), as printed by
 * `govapp-audit inspect <package>`. Long lists are shortened; --json gives everything.
 */
import type { PackageFacts } from './types.js';

const PLATFORM_ZH: Record<PackageFacts['platform'], string> = { android: 'Android', harmonyos: 'HarmonyOS', ios: 'iOS' };
const MAX_LISTED = 40;

/** Renders the facts as plain text with Chinese headings. */
export function renderInspectText(facts: PackageFacts): string {
  return [identity(facts), permissions(facts), components(facts), network(facts), hosts(facts), strings(facts), warnings(facts)]
    .filter((section) => section.length > 0)
    .join('\n\n')
    .concat('\n');
}

function identity(facts: PackageFacts): string {
  const { identity: id, file } = facts;
  const rows: [string, string | undefined][] = [
    ['平台', `${PLATFORM_ZH[facts.platform]}（${facts.format}）`],
    ['包名', id.packageName],
    ['应用名称', id.label],
    ['版本', [id.versionName, id.versionCode ? `(${id.versionCode})` : undefined].filter(Boolean).join(' ') || undefined],
    ['最低/目标版本', id.minSdk || id.targetSdk ? `${id.minSdk ?? '?'} / ${id.targetSdk ?? '?'}` : undefined],
    ['签名证书 SHA-256', id.signingCertSha256],
    ['文件', `${file.path}（${file.sizeBytes} 字节）`],
    ['文件 SHA-256', file.sha256],
  ];
  return ['== 安装包基本信息 ==', ...rows.filter(([, v]) => v).map(([k, v]) => `${k}：${v}`)].join('\n');
}

function permissions(facts: PackageFacts): string {
  const lines = facts.permissions.map((p) => `- ${p.name} [${p.risk}] ${p.explanationZh}${p.detail ? `（${p.detail}）` : ''}${p.implied ? `（隐含权限：${p.implied}）` : ''}`);
  return section(`申请的权限（${facts.permissions.length}）`, lines, '未声明任何权限');
}

function components(facts: PackageFacts): string {
  const lines = facts.components.map((c) => {
    const flags = [
      c.exported === undefined ? undefined : c.exported ? '可被外部调用' : '不导出',
      c.foregroundServiceType ? `前台服务类型=${c.foregroundServiceType}` : undefined,
      c.backgroundModes?.length ? `后台模式=${c.backgroundModes.join(',')}` : undefined,
    ].filter(Boolean);
    return `- ${c.kind} ${c.name}${flags.length ? `（${flags.join('；')}）` : ''}`;
  });
  const entry = facts.entryPoints.map((e) => `- 入口 ${e.kind}: ${e.name}`);
  return section(`组件（${facts.components.length}）与可直接打开的入口（${facts.entryPoints.length}）`, [...lines, ...entry], '未声明组件');
}

function network(facts: PackageFacts): string {
  const n = facts.network;
  const cleartext = n.cleartextAllowed === undefined ? '未知' : n.cleartextAllowed ? '允许明文 HTTP' : '不允许明文 HTTP';
  const lines = [`- 明文流量：${cleartext}${n.source ? `（依据 ${n.source}）` : ''}`];
  if (n.networkSecurityConfig) lines.push(`- 网络安全配置：${n.networkSecurityConfig}`);
  for (const exception of n.atsExceptions ?? []) lines.push(`- 例外：${exception}`);
  return ['== 网络配置 ==', ...lines].join('\n');
}

function hosts(facts: PackageFacts): string {
  const lines = facts.hosts.map((h) => `- [${h.kind}] ${h.value}（${h.source}）`);
  return section(`代码和资源中的地址（${facts.hosts.length}）`, lines, '未发现');
}

function strings(facts: PackageFacts): string {
  const chinese = facts.strings.filter((s) => /[\u4e00-\u9fff]/.test(s.text));
  const lines = chinese.map((s) => `- ${s.text}${s.locale ? ` [${s.locale}]` : ''}（${s.source}）`);
  return section(`应用内中文字符串（${chinese.length}，共 ${facts.strings.length} 条字符串）`, lines, '未发现中文字符串');
}

function warnings(facts: PackageFacts): string {
  return facts.warnings.length ? ['== 警告 ==', ...facts.warnings.map((w) => `- ${w}`)].join('\n') : '';
}

function section(title: string, lines: string[], empty: string): string {
  const shown = lines.slice(0, MAX_LISTED);
  if (lines.length > MAX_LISTED) shown.push(`- ……另有 ${lines.length - MAX_LISTED} 条（用 --json 查看全部）`);
  return [`== ${title} ==`, ...(shown.length ? shown : [`- ${empty}`])].join('\n');
}
