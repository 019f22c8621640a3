import { inspectPackage } from '../src/package/index.js';
for (const f of process.argv.slice(2)) {
  const t = Date.now();
  try {
    const facts = await inspectPackage(f);
    console.log(f, 'ms', Date.now() - t, JSON.stringify(facts.identity), 'perms', facts.permissions.length, 'comps', facts.components.length, 'strings', facts.strings.length, 'hosts', facts.hosts.length);
    console.log(JSON.stringify(facts.network), facts.urlSchemes, facts.warnings);
    console.log(facts.hosts.slice(0, 30).map((h) => `${h.kind} ${h.value} ${h.source}`).join('\n'));
    console.log(facts.components.filter((c) => c.foregroundServiceType).map((c) => `${c.name} ${c.foregroundServiceType}`));
    console.log(facts.strings.filter((s) => /[\u4e00-\u9fff]/.test(s.text)).slice(0, 8));
  } catch (e) { console.log('ERR', e); }
}
