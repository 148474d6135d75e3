/**
 * Writes call CSVs of N demo calls (streamed; any size) for the benchmarks, in two shapes: the
 * Callscope layout, and a generic English export as dialers write them (issue 18: Call ID, Agent
 * ID, Team, ISO-8601 instants with milliseconds, a distinct customer number per row, 200 agents),
 * which once peaked at twice the memory of the first.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { generateDemoCalls } from '../../src-main/demo/generate';
import { CALLSCOPE_HEADER } from '../../src-shared/callscope-layout';

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function localTimestamp(epochMs: number, offsetMs: number): string {
  return new Date(epochMs + offsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

export type BenchShape = 'callscope' | 'generic-en';

const GENERIC_EN_HEADER = [
  'Call ID',
  'Agent ID',
  'Agent Name',
  'Team',
  'Start Time',
  'Customer Number',
  'Direction',
  'Status',
  'Ring Time',
  'Talk Time',
  'Outcome',
  'Amount',
];

const GENERIC_STATUS = {
  connected: 'Answered',
  no_answer: 'No Answer',
  busy: 'Busy',
  failed: 'Failed',
  voicemail: 'Voicemail',
} as const;

const GENERIC_OUTCOME = {
  none: '',
  sale: 'Sale',
  intent: 'Interested',
  callback: 'Callback',
  not_interested: 'Not Interested',
} as const;

export async function writeCallsCsv(
  file: string,
  rows: number,
  seed = 42,
  shape: BenchShape = 'callscope',
  /** the Callscope layout's call ids are `<idPrefix><n>`: files of other prefixes hold other calls */
  idPrefix = 'B',
): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(`${(shape === 'callscope' ? CALLSCOPE_HEADER : GENERIC_EN_HEADER).join(',')}\n`);
  // 200 agents; enough days to reach the row count (about 150 dials per agent-day, Sundays off).
  const days = Math.ceil(rows / (200 * 150 * 0.6)) + 2;
  let n = 0;
  const offset = 8 * 3600_000; // Asia/Shanghai has no DST: wall time = UTC + 8 h
  let buffer = '';
  for (const c of generateDemoCalls({
    agents: 200,
    days,
    seed,
    lastDay: '2026-10-31',
    timeZone: 'Asia/Shanghai',
    language: 'zh-CN',
    salt: 'bench',
  })) {
    if (n >= rows) break;
    n++;
    if (shape === 'generic-en') {
      buffer +=
        [
          // a dialer's unique id, a distinct customer number per row, an instant with milliseconds
          `c-${(n * 2654435761) % 4294967296}-${n}`,
          `A${c.agentCode}`,
          c.agentName ?? '',
          c.teamName ?? '',
          // spread over a year, as a year's export is: a rollup row for every few calls
          new Date(c.startedAt - ((n * 7919) % 365) * 86_400_000 + (n % 1000)).toISOString(),
          `+1${String(2_000_000_000 + n)}`,
          c.direction === 'outbound' ? 'Outbound' : 'Inbound',
          GENERIC_STATUS[c.disposition],
          String(c.ringSeconds),
          String(c.talkSeconds),
          GENERIC_OUTCOME[c.outcome],
          c.sale ? (c.saleAmount / 100).toFixed(2) : '',
        ]
          .map(csvCell)
          .join(',') + '\n';
    } else
      buffer +=
        [
          `${idPrefix}${n}`,
          c.agentCode,
          c.agentName ?? '',
          c.teamName ?? '',
          c.campaign ?? '',
          localTimestamp(c.startedAt, offset),
          `138${String(n % 100_000_000).padStart(8, '0')}`,
          c.direction,
          c.disposition,
          String(c.ringSeconds),
          String(c.talkSeconds),
          c.outcome === 'none' ? '' : c.outcome,
          c.sale ? (c.saleAmount / 100).toFixed(2) : '',
          c.recordingRef ?? '',
        ]
          .map(csvCell)
          .join(',') + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
  if (n < rows) throw new Error(`generated only ${n} rows`);
}
