/**
 * The battle report in words: the text a lead pastes into the team's WeChat / DingTalk group, and
 * the labels the image uses. One formatter per value, so text and image read the same.
 */
import type { Language } from '../../src-shared/domain';
import {
  formatCount,
  formatMoney,
  formatPercent,
  translate,
  type MessageKey,
  type MessageParams,
} from '../../src-shared/i18n';
import type { TargetKpi } from '../../src-shared/targets';
import { weekdayOf, type Day } from '../../src-shared/time';
import type { BattleReport } from './battle-data';

const ZH_WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** "12月4日 周五" / "Fri 4 Dec 2026". */
export function battleDay(language: Language, day: Day): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (language === 'zh-CN') return `${m}月${d}日 周${ZH_WEEKDAYS[weekdayOf(day) - 1]}`;
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "12月4日" / "4 Dec". */
function shortDay(language: Language, day: Day): string {
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  if (language === 'zh-CN') return `${m}月${d}日`;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, m - 1, d)),
  );
}

export class BattleWords {
  constructor(private readonly r: BattleReport) {}

  t(key: MessageKey, params?: MessageParams): string {
    return translate(this.r.language, key, params);
  }
  count(n: number): string {
    return formatCount(this.r.language, n);
  }
  money(minor: number): string {
    return formatMoney(this.r.language, minor, this.r.currency) ?? '—';
  }
  percent(rate: number | null, digits = 1): string {
    return formatPercent(this.r.language, rate, digits) ?? '—';
  }

  /** A target KPI's value as the targets page writes it (talk in minutes, revenue as money). */
  target(kpi: TargetKpi, value: number | null): string {
    if (value === null) return '—';
    switch (kpi) {
      case 'connectRate':
        return this.percent(value);
      case 'effectiveTalkPerDay':
        return this.t('review.battle.minutes', { n: this.count(Math.round(value / 60)) });
      case 'revenue':
        return this.money(value);
      case 'auditScore':
        return value.toFixed(1);
      default:
        return this.count(Math.round(value));
    }
  }

  title(): string {
    return this.t('review.battle.title');
  }
  subtitle(): string {
    return `${battleDay(this.r.language, this.r.day)} · ${this.r.teamName ?? this.t('review.battle.floor')}`;
  }
  monthHeading(): string {
    return this.t('review.battle.month', { day: shortDay(this.r.language, this.r.day) });
  }
  monthLine(m: BattleReport['month'][number]): string {
    return this.t('review.battle.monthLine', {
      kpi: this.t(`targets.kpi.${m.kpi}`),
      actual: this.target(m.kpi, m.actual),
      target: this.target(m.kpi, m.target),
      pace: this.percent(m.pace, 0),
    });
  }
  rankLine(rank: number, a: BattleReport['ranking'][number]): string {
    return this.t('review.battle.rankLine', {
      rank,
      name: a.name,
      revenue: this.money(a.revenue),
      sales: this.count(a.sales),
      dials: this.count(a.dials),
    });
  }
  deal(d: BattleReport['deals'][number]): string {
    return this.t('review.battle.deal', { name: d.name, amount: this.money(d.amount) });
  }
}

/** The plain text to paste: heading, the day's totals, month against target, ranking, deals. */
export function battleText(r: BattleReport): string {
  const w = new BattleWords(r);
  const lines = [`【${w.title()}】${w.subtitle()}`];
  if (r.totals.dials === 0) {
    lines.push(w.t('review.battle.noCalls'));
  } else {
    lines.push(
      w.t('review.battle.today', {
        dials: w.count(r.totals.dials),
        connects: w.count(r.totals.connects),
        rate: w.percent(r.totals.connectRate),
        sales: w.count(r.totals.sales),
        revenue: w.money(r.totals.revenue),
      }),
    );
  }
  lines.push('', `${w.monthHeading()}${w.t('review.battle.colon')}`);
  if (r.month.length === 0) lines.push(w.t('review.battle.noTargets'));
  for (const m of r.month) lines.push(`· ${w.monthLine(m)}`);
  if (r.ranking.length > 0) {
    lines.push('', `${w.t('review.battle.ranking')}${w.t('review.battle.colon')}`);
    r.ranking.forEach((a, i) => lines.push(w.rankLine(i + 1, a)));
    if (r.rankingMore > 0) lines.push(w.t('review.battle.rankMore', { count: r.rankingMore }));
  }
  lines.push('', `${w.t('review.battle.deals')}${w.t('review.battle.colon')}`);
  if (r.deals.length === 0) lines.push(w.t('review.battle.noDeals'));
  for (const d of r.deals) lines.push(w.t('review.battle.dealAt', { deal: w.deal(d), time: d.time }));
  if (r.dealsMore > 0) lines.push(w.t('review.battle.dealMore', { count: r.dealsMore }));
  return lines.join('\n') + '\n';
}
