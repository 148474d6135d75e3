/** Writes a Callscope-layout CSV of N demo calls (streamed; any size) for the benchmarks. */
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

export async function writeCallsCsv(file: string, rows: number, seed = 42): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(`${CALLSCOPE_HEADER.join(',')}\n`);
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
    buffer +=
      [
        `B${n}`,
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
