/**
 * Talk and ring times as a call list shows them (`3:25`, `1:02:07`) and as a user types a bound
 * (`90`, `1:30`, `1:30:00`).
 */

/** Seconds as m:ss, or h:mm:ss from an hour up. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The longest bound worth typing (a day); beyond it the input is a typo. */
const MAX_SECONDS = 86_400;

/**
 * A typed talk-time bound: plain seconds (`90`), `m:ss` (`1:30`) or `h:mm:ss`. Empty text is no
 * bound (null); text that is none of these is `undefined` (invalid).
 */
export function parseClock(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    return n <= MAX_SECONDS ? n : undefined;
  }
  const m = /^(?:(\d+):)?(\d+):(\d{1,2})$/.exec(trimmed);
  if (!m) return undefined;
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  // "1:75" is a typo, not 2:15; minutes may run past 59 only without an hour part ("90:00").
  if (seconds > 59 || (m[1] !== undefined && minutes > 59)) return undefined;
  const total = hours * 3600 + minutes * 60 + seconds;
  return total <= MAX_SECONDS ? total : undefined;
}
