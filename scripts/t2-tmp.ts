import fs from 'node:fs/promises';
import fss from 'node:fs';
const h = await fs.open('package.json', 'r');
const s = fss.createReadStream('', { fd: h.fd, start: 0, end: 10, autoClose: false });
s.on('data', () => {}); 
await new Promise((r) => s.on('end', r));
s.destroy();
await new Promise((r) => setTimeout(r, 50));
try { await h.close(); console.log('ok'); } catch (e) { console.log('closed by destroy', e.code); }
