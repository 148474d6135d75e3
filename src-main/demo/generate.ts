/**
 * A realistic demo floor: teams, agents with Chinese (or English) names and 工号, working hours
 * with a lunch break, 30-40 % connect rates, log-normal talk times, intents, sales with amounts,
 * repeat dials to the same leads, and a few calls at 23:5x / 00:0x local to exercise day edges.
 * Used by `cli demo`, the empty dashboard's "load a demo workspace", and the benchmarks.
 */
import type { Disposition, Language, Outcome } from '../../src-shared/domain';
import { addDays, localParts, wallTimeToEpoch, weekdayOf, type Day } from '../../src-shared/time';
import type { NormalizedCall } from '../import/normalise';
import { hashPhone } from '../import/normalise';
import { Random } from './random';

export interface DemoOptions {
  agents: number;
  days: number;
  seed: number;
  /** the last day of data (usually yesterday in the workspace time zone) */
  lastDay: Day;
  timeZone: string;
  language: Language;
  salt: string;
  /** mean dials per agent-day for an average agent (default 150); the query benchmark raises it to reach 10M calls */
  dialsPerAgentDay?: number;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '浩然',
  '子涵',
  '欣怡',
  '梓萱',
  '思远',
  '晨曦',
];
const FIRST = [
  'Alex',
  'Jordan',
  'Sam',
  'Taylor',
  'Morgan',
  'Casey',
  'Riley',
  'Jamie',
  'Avery',
  'Quinn',
  'Dana',
  'Robin',
  'Chris',
  'Pat',
  'Lee',
  'Drew',
];
const LAST = [
  'Chen',
  'Smith',
  'Garcia',
  'Nguyen',
  'Brown',
  'Wong',
  'Miller',
  'Lopez',
  'Davis',
  'Kim',
  'Wilson',
  'Martin',
];
const TEAMS = {
  'zh-CN': ['销售一组', '销售二组', '销售三组'],
  en: ['Team North', 'Team South', 'Team East'],
};
const CAMPAIGNS = {
  'zh-CN': ['老客续费', '新客开发', '双十一活动'],
  en: ['Renewals', 'New business', 'Holiday promo'],
};
const PRICES = [29_900, 59_900, 99_900, 199_900, 399_900];

interface DemoAgent {
  code: string;
  name: string;
  team: string;
  campaign: string;
  skill: number;
  connectRate: number;
  leads: string[];
}

function makeAgents(rnd: Random, options: DemoOptions): DemoAgent[] {
  const teams = TEAMS[options.language];
  const campaigns = CAMPAIGNS[options.language];
  const used = new Set<string>();
  const agents: DemoAgent[] = [];
  for (let i = 0; i < options.agents; i++) {
    let name: string;
    do {
      name =
        options.language === 'zh-CN'
          ? rnd.pick(SURNAMES) + rnd.pick(GIVEN)
          : `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`;
    } while (used.has(name) && used.size < 300);
    used.add(name);
    const skill = Math.min(1.35, Math.max(0.65, rnd.normal(1, 0.18)));
    agents.push({
      code: String(8001 + i),
      name,
      team: teams[i % teams.length]!,
      campaign: campaigns[i % campaigns.length]!,
      skill,
      connectRate: Math.min(0.42, Math.max(0.28, rnd.normal(0.35, 0.03))),
      leads: Array.from(
        { length: 1500 },
        () => `1${rnd.int(3, 9)}${String(rnd.int(0, 999_999_999)).padStart(9, '0')}`,
      ),
    });
  }
  return agents;
}

/** Local minutes after midnight of one working-hours call: 09:00-12:00 and 13:30-18:00. */
function workingMinute(rnd: Random): number {
  return rnd.chance(0.42) ? rnd.int(9 * 60, 12 * 60 - 1) : rnd.int(13 * 60 + 30, 18 * 60 - 1);
}

function disposition(rnd: Random, connectRate: number): Disposition {
  if (rnd.chance(connectRate)) return 'connected';
  const r = rnd.next();
  if (r < 0.6) return 'no_answer';
  if (r < 0.8) return 'busy';
  if (r < 0.9) return 'failed';
  return 'voicemail';
}

/** Every demo call in time order, ready for the call writer. */
export function* generateDemoCalls(options: DemoOptions): Generator<NormalizedCall> {
  const rnd = new Random(options.seed);
  const agents = makeAgents(rnd, options);
  const firstDay = addDays(options.lastDay, 1 - options.days);
  const dialsPerAgentDay = options.dialsPerAgentDay ?? 150;
  let serial = 0;
  for (let d = 0; d < options.days; d++) {
    const day = addDays(firstDay, d);
    const weekday = weekdayOf(day);
    if (weekday === 7) continue; // Sundays off
    const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
    for (const agent of agents) {
      if (weekday === 6 && !rnd.chance(0.3)) continue; // a few work Saturdays
      if (rnd.chance(0.04)) continue; // leave or sick day
      const dials = Math.max(20, Math.round(rnd.normal(dialsPerAgentDay * agent.skill, 22)));
      const minutes: number[] = [];
      for (let i = 0; i < dials; i++) minutes.push(workingMinute(rnd));
      // A late callback at 23:5x, or one just after midnight, now and then: day-boundary cases.
      if (rnd.chance(0.03)) minutes.push(23 * 60 + rnd.int(50, 59));
      if (rnd.chance(0.03)) minutes.push(rnd.int(0, 9));
      minutes.sort((a, b) => a - b);
      for (const minute of minutes) {
        const startedAt = wallTimeToEpoch(
          y,
          m,
          dd,
          Math.floor(minute / 60),
          minute % 60,
          rnd.int(0, 59),
          options.timeZone,
        );
        const disp = disposition(rnd, agent.connectRate);
        const talkSeconds =
          disp === 'connected' ? Math.min(2400, Math.max(1, Math.round(rnd.logNormal(48, 1.05)))) : 0;
        let outcome: Outcome = 'none';
        if (talkSeconds >= 30) {
          if (rnd.chance(0.13 * agent.skill)) outcome = rnd.chance(0.32 * agent.skill) ? 'sale' : 'intent';
          else if (rnd.chance(0.2)) outcome = 'not_interested';
          else if (rnd.chance(0.06)) outcome = 'callback';
        } else if (talkSeconds > 0 && rnd.chance(0.3)) outcome = 'not_interested';
        const phone = rnd.pick(agent.leads);
        const parts = localParts(startedAt, options.timeZone);
        serial++;
        yield {
          sourceKey: `demo:${options.seed}:${serial}`,
          callId: '',
          agentCode: agent.code,
          agentName: agent.name,
          teamName: agent.team,
          campaign: agent.campaign,
          startedAt,
          day: parts.day,
          hour: parts.hour,
          weekday: parts.weekday,
          direction: 'outbound',
          disposition: disp,
          ringSeconds: rnd.int(3, 28),
          talkSeconds,
          outcome,
          intent: outcome === 'intent' || outcome === 'sale',
          sale: outcome === 'sale',
          saleAmount: outcome === 'sale' ? rnd.pick(PRICES) : 0,
          phoneHash: hashPhone(phone, options.salt),
          phoneLast4: phone.slice(-4),
          recordingRef:
            disp === 'connected' ? `${day.replaceAll('-', '/')}/${agent.code}-${serial}.wav` : null,
        };
      }
    }
  }
}
