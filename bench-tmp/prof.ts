// Throwaway: CPU profile of fresh loads of the 20-entry page with Tagveil (not committed).
import { launchWithExtension, storeSettings } from '../scripts/chromium';
import { PRESETS } from '../src/rules/presets';
import { worksPage } from '../tests/e2e/pages';
import { LOCAL_SITE_ARGS, startSiteServer } from '../tests/e2e/site-server';

const settings = {
  enabled: true, sites: { ao3: true },
  lists: [
    ...PRESETS.map((p) => ({ id: p.id, name: p.name, enabled: true, action: 'hide', patterns: [...p.patterns] })),
    { id: 'b', name: 'Blur', enabled: true, action: 'blur', patterns: ['filler tag 399', '*cheating*', '/^gore\\b/', 'character:*smith', 'fandom:star *'] },
  ],
};
const server = await startSiteServer((url) => (url.pathname === '/small' ? { chunks: [worksPage(20)], intervalMs: 0 } : null));
const bySelf = new Map<string, number>();
const byUrl = new Map<string, number>();
const dcls: number[] = [];
const N = Number(process.env.N ?? 5);
for (let i = 0; i < N; i++) {
  const b = await launchWithExtension({ args: LOCAL_SITE_ARGS, ...(process.env.EXT ? { extensionDir: process.env.EXT } : {}) });
  try {
    await storeSettings(b.worker, settings);
    await new Promise((r) => setTimeout(r, 1500));
    const p = await b.context.newPage();
    const cdp = await b.context.newCDPSession(p);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await p.goto('https://archiveofourown.org/small', { waitUntil: 'load' });
    const dcl = await p.evaluate(() => performance.getEntriesByType('navigation')[0]?.toJSON().domContentLoadedEventEnd as number);
    dcls.push(dcl);
    const { profile } = (await cdp.send('Profiler.stop')) as any;
    const nodes = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
    // time per sample
    const deltas: number[] = profile.timeDeltas;
    for (let k = 0; k < profile.samples.length; k++) {
      const n = nodes.get(profile.samples[k]);
      const cf = n.callFrame;
      const url = cf.url.includes('content-scripts') ? 'CS:' + cf.url.split('/').pop() : cf.url ? 'page/other' : cf.functionName || '(anon)';
      const key = `${url} ${cf.functionName}:${cf.lineNumber}:${cf.columnNumber}`;
      const t = (deltas[k + 1] ?? 0) / 1000;
      bySelf.set(key, (bySelf.get(key) ?? 0) + t);
      byUrl.set(url, (byUrl.get(url) ?? 0) + t);
    }
  } finally {
    await b.close();
  }
}
console.log('DCLs', dcls.map((d) => d.toFixed(0)).join(' '));
console.log('by url (ms, total over runs / N)');
for (const [k, v] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log((v / N).toFixed(2).padStart(8), k);
console.log('top self');
for (const [k, v] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / N).toFixed(2).padStart(8), k);
await server.close();
// map to sources
import { readFileSync } from 'node:fs';
const mapFile = JSON.parse(readFileSync(new URL('../.output/chrome-mv3/content-scripts/ao3.js.map', import.meta.url), 'utf8'));
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const dec = new Map([...B64].map((c, i) => [c, i]));
function vlq(s: string) { const out: number[] = []; let v = 0, sh = 0; for (const c of s) { const d = dec.get(c)!; v += (d & 31) << sh; if (d & 32) sh += 5; else { out.push(v & 1 ? -(v >>> 1) : v >>> 1); v = 0; sh = 0; } } return out; }
const segs: [number, number, number, number, number][] = [];
let src = 0, ol = 0, oc = 0;
mapFile.mappings.split(';').forEach((line: string, li: number) => { let col = 0; for (const seg of line.split(',')) { if (!seg) continue; const v = vlq(seg); col += v[0]; if (v.length > 1) { src += v[1]; ol += v[2]; oc += v[3]; segs.push([li, col, src, ol, oc]); } } });
function lookup(l: number, c: number) { let best: any = null; for (const s of segs) { if (s[0] === l && s[1] <= c) best = s; if (s[0] > l) break; } return best ? `${mapFile.sources[best[2]].replace(/^.*work\/main\//, '')}:${best[3] + 1}` : '?'; }
const bySrc = new Map<string, number>();
for (const [k, v] of bySelf) { const m = /^CS:ao3\.js (.*):(\d+):(\d+)$/.exec(k); if (!m) continue; const where = lookup(Number(m[2]), Number(m[3])); bySrc.set(`${m[1]} ${where}`, (bySrc.get(`${m[1]} ${where}`) ?? 0) + v); }
console.log('content script by source function');
for (const [k, v] of [...bySrc].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / N).toFixed(2).padStart(8), k);
