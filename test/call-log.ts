/** Generated call logs in Callscope's own layout, for tests that need many rows. */
import fs from 'node:fs';

/** Callscope's own layout, every column (what the preset `callscope` reads). */
export const CALLSCOPE_ALL_COLUMNS =
  'call_id,agent_code,agent_name,team,campaign,started_at,phone,direction,disposition,ring_seconds,talk_seconds,outcome,sale_amount,recording';

/** Callscope's own layout, the columns a spec about agents, outcomes and sales fills in. */
export const CALLSCOPE_COLUMNS =
  'call_id,agent_code,agent_name,team,started_at,disposition,talk_seconds,outcome,sale_amount';

/** A call log in Callscope's own layout; `prefix` keeps call ids of two files apart. */
export function writeCallLog(file: string, prefix: string, rows: number): void {
  const lines = [CALLSCOPE_ALL_COLUMNS];
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    const second = Math.floor(i / 28);
    const hh = String(8 + Math.floor(second / 3600)).padStart(2, '0');
    const mm = String(Math.floor(second / 60) % 60).padStart(2, '0');
    const ss = String(second % 60).padStart(2, '0');
    lines.push(
      `${prefix}${i},${8001 + (i % 20)},A${i % 20},T1,C1,2026-11-${String(day).padStart(2, '0')} ${hh}:${mm}:${ss},` +
        `138${String(i).padStart(8, '0')},outbound,connected,5,60,,,`,
    );
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}
