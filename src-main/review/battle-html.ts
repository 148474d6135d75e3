/**
 * The battle report as one script-free HTML page laid out for a phone: 1080 px wide, every block a
 * fixed height, so the page's height is known before Chromium draws it (the PNG is exactly the
 * page). Large type: it is read at arm's length in a chat.
 */
import type { BattleReport } from './battle-data';
import { BattleWords } from './battle-text';

export const BATTLE_WIDTH = 1080;

const H = {
  header: 250,
  tiles: 2 * 168 + 24 + 64,
  title: 96,
  monthRow: 100,
  rankRow: 84,
  dealRow: 78,
  more: 64,
  empty: 80,
  footer: 96,
} as const;

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function block(height: number, cls: string, inner: string): string {
  return `<div class="${cls}" style="height:${height}px">${inner}</div>`;
}

export function battleHtml(r: BattleReport): { html: string; width: number; height: number } {
  const w = new BattleWords(r);
  const parts: string[] = [];
  let height = 0;
  const add = (h: number, cls: string, inner: string) => {
    parts.push(block(h, cls, inner));
    height += h;
  };

  add(
    H.header,
    'header',
    `<div class="title">${esc(w.title())}</div><div class="sub">${esc(w.subtitle())}</div>`,
  );

  const tile = (label: string, value: string) =>
    `<div class="tile"><div class="tile-label">${esc(label)}</div><div class="tile-value">${esc(value)}</div></div>`;
  add(
    H.tiles,
    'tiles',
    [
      tile(w.t('kpi.revenue'), w.money(r.totals.revenue)),
      tile(w.t('kpi.sales'), w.count(r.totals.sales)),
      tile(w.t('kpi.dials'), w.count(r.totals.dials)),
      tile(w.t('kpi.connectRate'), w.percent(r.totals.connectRate)),
    ].join(''),
  );

  add(H.title, 'section', esc(w.monthHeading()));
  if (r.month.length === 0) add(H.empty, 'empty', esc(w.t('review.battle.noTargets')));
  for (const m of r.month) {
    const width = Math.max(0, Math.min(1, m.pace ?? 0)) * 100;
    const tone = m.pace === null ? '' : m.pace >= 1 ? ' good' : m.pace >= 0.9 ? ' near' : ' bad';
    add(
      H.monthRow,
      'month',
      `<div class="month-line"><span class="month-kpi">${esc(w.t(`targets.kpi.${m.kpi}`))}</span>` +
        `<span class="month-num">${esc(`${w.target(m.kpi, m.actual)} / ${w.target(m.kpi, m.target)}`)}</span>` +
        `<span class="month-pace${tone}">${esc(`${w.t('review.battle.pace')} ${w.percent(m.pace, 0)}`)}</span></div>` +
        `<div class="bar"><div class="bar-fill${tone}" style="width:${width.toFixed(1)}%"></div></div>`,
    );
  }

  if (r.ranking.length > 0) {
    add(H.title, 'section', esc(w.t('review.battle.ranking')));
    r.ranking.forEach((a, i) => {
      const medal = i < 3 ? ` medal-${i + 1}` : '';
      add(
        H.rankRow,
        'rank',
        `<span class="rank-no${medal}">${i + 1}</span><span class="rank-name">${esc(a.name)}</span>` +
          `<span class="rank-sales">${esc(w.t('review.battle.salesCount', { n: w.count(a.sales) }))}</span>` +
          `<span class="rank-revenue">${esc(w.money(a.revenue))}</span>`,
      );
    });
    if (r.rankingMore > 0) add(H.more, 'more', esc(w.t('review.battle.rankMore', { count: r.rankingMore })));
  }

  add(H.title, 'section', esc(w.t('review.battle.deals')));
  if (r.deals.length === 0) add(H.empty, 'empty', esc(w.t('review.battle.noDeals')));
  for (const d of r.deals)
    add(
      H.dealRow,
      'deal',
      `<span class="deal-text">${esc(w.deal(d))}</span><span class="deal-time">${d.time}</span>`,
    );
  if (r.dealsMore > 0) add(H.more, 'more', esc(w.t('review.battle.dealMore', { count: r.dealsMore })));

  add(H.footer, 'footer', esc(w.t('review.battle.footer')));

  const html = `<!doctype html><html lang="${r.language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${CSS}</style></head><body style="width:${BATTLE_WIDTH}px;height:${height}px">${parts.join('')}</body></html>`;
  return { html, width: BATTLE_WIDTH, height };
}

const CSS = `
* { box-sizing: border-box; margin: 0; padding: 0; }
html, body { overflow: hidden; }
body { background: #fff7ee; color: #2b1a12;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
body > div { overflow: hidden; padding: 0 56px; }
.header { background: linear-gradient(135deg, #b3121f, #e2452b); color: #fff; padding-top: 54px; }
.title { font-size: 84px; font-weight: 800; letter-spacing: 6px; line-height: 1.1; }
.sub { font-size: 40px; margin-top: 18px; color: #ffe3b0; white-space: nowrap; text-overflow: ellipsis; overflow: hidden; }
.tiles { display: grid; grid-template-columns: 1fr 1fr; grid-auto-rows: 168px; gap: 24px; padding-top: 40px; }
.tile { background: #fff; border-radius: 20px; border: 3px solid #f3d9b8; padding: 22px 28px; }
.tile-label { font-size: 34px; color: #7a5a44; }
.tile-value { font-size: 64px; font-weight: 800; color: #b3121f; white-space: nowrap; line-height: 1.3; }
.section { font-size: 46px; font-weight: 800; display: flex; align-items: flex-end; padding-bottom: 14px;
  border-bottom: 4px solid #e2452b; margin: 0 56px; padding-left: 0; padding-right: 0; }
.empty, .more { font-size: 36px; color: #7a5a44; display: flex; align-items: center; }
.month { display: flex; flex-direction: column; justify-content: center; gap: 12px; }
.month-line { display: flex; align-items: baseline; gap: 20px; font-size: 36px; white-space: nowrap; }
.month-kpi { flex: 0 0 auto; font-weight: 700; }
.month-num { flex: 1 1 auto; overflow: hidden; text-overflow: ellipsis; }
.month-pace { flex: 0 0 auto; font-weight: 800; }
.bar { height: 14px; border-radius: 7px; background: #f1e2d0; overflow: hidden; }
.bar-fill { height: 100%; background: #8a94a6; }
.good { color: #1d7a3a; } .bar-fill.good { background: #1d7a3a; }
.near { color: #b26a00; } .bar-fill.near { background: #d98a00; }
.bad { color: #c0121f; } .bar-fill.bad { background: #c0121f; }
.rank { display: flex; align-items: center; gap: 24px; font-size: 40px; border-bottom: 2px solid #f3e3cf; margin: 0 56px; padding: 0; }
.rank-no { flex: 0 0 64px; height: 64px; border-radius: 32px; background: #f1e2d0; color: #7a5a44;
  display: flex; align-items: center; justify-content: center; font-weight: 800; font-size: 34px; }
.medal-1 { background: #f5c242; color: #5a3b00; } .medal-2 { background: #cfd6df; color: #333; }
.medal-3 { background: #e0a070; color: #4a2500; }
.rank-name { flex: 1 1 auto; font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.rank-sales { flex: 0 0 auto; color: #7a5a44; font-size: 34px; }
.rank-revenue { flex: 0 0 260px; text-align: right; font-weight: 800; color: #b3121f; white-space: nowrap; }
.deal { display: flex; align-items: center; gap: 20px; font-size: 38px; }
.deal-text { flex: 1 1 auto; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.deal-text::before { content: ""; display: inline-block; width: 14px; height: 14px; border-radius: 7px;
  background: #e2452b; margin-right: 18px; vertical-align: middle; }
.deal-time { flex: 0 0 auto; color: #7a5a44; font-size: 32px; }
.footer { display: flex; align-items: center; justify-content: center; font-size: 28px; color: #a88a70; }
`;
