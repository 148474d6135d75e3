/**
 * Property-based tests (fast-check) of the value parsers every import goes through. Two kinds of
 * property: what we write in any format the parser claims to read comes back as the same value;
 * and whatever text arrives, the parser returns a sane value or throws a ValueError with the
 * text in its message (the import turns that into a reject with file, line and field), never
 * anything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseAmount,
  parseDuration,
  parsePhone,
  parseTimestamp,
  ValueError,
} from '../../src-main/import/values';

const RUNS = { numRuns: 2000, seed: 20261122 };

/** Any text a cell could hold: printable, CJK, full-width, digits and separators mixed. */
const cellText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.stringMatching(/^[0-9:.,\-/ 年月日时分秒hms()¥$E+]{0,24}$/),
);

/** Calls `parse` and checks it either returns a value `ok` accepts or throws a ValueError naming the text. */
function totalOver<T>(parse: (text: string) => T, ok: (value: T) => boolean) {
  return fc.property(cellText, (text) => {
    let value: T;
    try {
      value = parse(text);
    } catch (err) {
      expect(err).toBeInstanceOf(ValueError);
      expect((err as Error).message).toContain(`"${text}"`);
      return;
    }
    expect(ok(value), `${JSON.stringify(text)} -> ${String(value)}`).toBe(true);
  });
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('parseDuration', () => {
  it('reads back any duration written as seconds, HH:MM:SS, MM:SS, 时分秒 or h m s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 * 3600 }), (s) => {
        const h = Math.floor(s / 3600);
        const m = Math.floor((s % 3600) / 60);
        const sec = s % 60;
        for (const text of [
          String(s),
          `${pad(h)}:${pad(m)}:${pad(sec)}`,
          `${h}时${m}分${sec}秒`,
          `${h}h ${m}m ${sec}s`,
          `${h * 60 + m}分${sec}秒`,
        ]) {
          expect(parseDuration(text), text).toBe(s);
        }
        if (s < 3600) expect(parseDuration(`${pad(m)}:${pad(sec)}`)).toBe(s);
      }),
      RUNS,
    );
  });

  it('on any text gives a whole, non-negative, safe number of seconds or a ValueError', () => {
    fc.assert(
      totalOver(parseDuration, (n) => Number.isSafeInteger(n) && n >= 0),
      RUNS,
    );
  });
});

describe('parseTimestamp', () => {
  const instant = fc
    .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 11, 31) })
    .map((ms) => ms - (ms % 1000));

  it('reads back any instant written as wall clock in a zone without DST (+05:30), as ISO with Z, or as epoch', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        // Asia/Kolkata: +05:30 with no DST since 1945 (China had DST until 1991).
        const local = new Date(ms + 5.5 * 3600_000);
        const wall = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
        expect(parseTimestamp(wall, 'Asia/Kolkata'), wall).toBe(ms);
        expect(parseTimestamp(wall.replace(/-/g, '/'), 'Asia/Kolkata')).toBe(ms);
        expect(parseTimestamp(new Date(ms).toISOString(), 'America/New_York')).toBe(ms);
        expect(parseTimestamp(String(ms), 'Asia/Shanghai')).toBe(ms);
        expect(parseTimestamp(String(ms / 1000), 'Asia/Shanghai')).toBe(ms);
      }),
      RUNS,
    );
  });

  it('reads `YYYY-MM-DD HH:MM:SS` (its fast path) as the same text with slashes, valid or not', () => {
    const field = (digits: number) => fc.stringMatching(new RegExp(`^[0-9]{${digits}}$`));
    const outcome = (text: string) => {
      try {
        return parseTimestamp(text, 'Asia/Shanghai');
      } catch (err) {
        expect(err).toBeInstanceOf(ValueError);
        return (err as Error).message.replace(text, '<text>');
      }
    };
    fc.assert(
      fc.property(
        fc.tuple(field(4), field(2), field(2), fc.constantFrom(' ', 'T'), field(2), field(2), field(2)),
        ([y, mo, d, sep, h, mi, s]) => {
          const dashed = `${y}-${mo}-${d}${sep}${h}:${mi}:${s}`;
          const slashed = `${y}/${mo}/${d}${sep}${h}:${mi}:${s}`;
          expect(outcome(dashed), dashed).toEqual(outcome(slashed));
        },
      ),
      RUNS,
    );
  });

  it('on any text gives an instant between 1990 and 2100 or a ValueError', () => {
    fc.assert(
      totalOver(
        (t) => parseTimestamp(t, 'Asia/Shanghai'),
        (ms) => Number.isSafeInteger(ms) && ms >= Date.UTC(1990, 0, 1) && ms < Date.UTC(2101, 0, 1),
      ),
      RUNS,
    );
  });
});

describe('parseAmount', () => {
  it('reads back any amount in minor units, with separators, currency signs and accounting negatives', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        const abs = Math.abs(minor);
        const plain = `${Math.floor(abs / 100)}.${pad(abs % 100)}`;
        const grouped = `${Math.floor(abs / 100).toLocaleString('en')}.${pad(abs % 100)}`;
        const sign = minor < 0 ? '-' : '';
        for (const text of [
          `${sign}${plain}`,
          `${sign}¥${grouped}`,
          `${sign}${grouped}元`,
          `USD ${sign}${plain}`,
        ]) {
          expect(parseAmount(text), text).toBe(minor);
        }
        if (minor < 0) expect(parseAmount(`(${grouped})`)).toBe(minor);
      }),
      RUNS,
    );
  });

  it('on any text gives a whole, safe number of minor units or a ValueError', () => {
    fc.assert(
      totalOver(parseAmount, (n) => Number.isSafeInteger(n)),
      RUNS,
    );
  });
});

describe('parsePhone', () => {
  it('keeps the digits of any number written with spaces, dashes or a plus', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (digits) => {
        for (const text of [
          digits,
          `+86 ${digits}`,
          `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`,
        ]) {
          const read = parsePhone(text);
          expect(read.damaged).toBe(false);
          expect(read.digits!.endsWith(digits)).toBe(true);
        }
        expect(parsePhone(Number(digits).toExponential(2).toUpperCase())).toEqual({
          digits: null,
          damaged: true,
        });
      }),
      RUNS,
    );
  });

  it('on any text gives digits only (3-20 of them) or says the number is damaged, and never throws', () => {
    fc.assert(
      fc.property(cellText, (text) => {
        const read = parsePhone(text);
        if (read.digits !== null) expect(read.digits).toMatch(/^\d{3,20}$/);
        else expect(read.damaged).toBe(text.trim() !== '');
      }),
      RUNS,
    );
  });
});

describe('parsePhone', () => {
  it('reads a number of digits alone (its fast path) as the same number written with a dash', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,24}$/), (digits) => {
        const dashed = `${digits.slice(0, 1)}-${digits.slice(1)}`;
        expect(parsePhone(` ${digits} `), digits).toEqual(parsePhone(dashed));
      }),
      RUNS,
    );
  });
});
