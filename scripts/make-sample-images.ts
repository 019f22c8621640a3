/**
 * Generates the violating sample's image-only text (samples/zhangshang-zhengwu/img/rank-banner.png):
 * a banner whose words exist only in pixels, so the audit must read them with OCR.
 * Run: node --import tsx scripts/make-sample-images.ts   (the PNG is committed; rerun after editing)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { PROJECT_ROOT } from '../src/core/paths.js';

const WIDTH = 776;
const HEIGHT = 176;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#b71c1c"/><stop offset="1" stop-color="#e53935"/></linearGradient></defs>
  <rect width="${WIDTH}" height="${HEIGHT}" rx="20" fill="url(#g)"/>
  <circle cx="690" cy="88" r="52" fill="#ffd54f"/>
  <text x="690" y="106" font-size="52" text-anchor="middle" font-family="Noto Sans CJK SC" font-weight="bold" fill="#b71c1c">7</text>
  <text x="40" y="84" font-size="56" font-family="Noto Sans CJK SC" font-weight="bold" fill="#ffffff">积分排行榜 第7名</text>
  <text x="40" y="140" font-size="32" font-family="Noto Sans CJK SC" fill="#ffe0e0">本月学习之星评选进行中</text>
</svg>`;

const dir = join(PROJECT_ROOT, 'samples', 'zhangshang-zhengwu', 'img');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'rank-banner.png');
await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toFile(file);
console.log(`wrote ${file}`);
