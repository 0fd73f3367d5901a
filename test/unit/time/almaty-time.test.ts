import { DateTime, Settings } from 'luxon';
import {
  almatyDay,
  almatyFromBrowserInput,
  almatyIso,
  almatyOffsetAtWallClock,
  almatyOffsetMinutes,
  browserInputFromAlmaty,
  formatAlmatyDateTime,
  fromAlmatyWallClock,
} from '../../../domain/almaty-time';
import { formatDate, formatDateTime } from '../../../domain/documents/format';
import { almatyDay as workerAlmatyDay, almatyTimestamp } from '../../../workers/support';
import { fixedClock } from '../../../domain/clock';
import { dateTimeKeys, fromFormData, toFormData } from '../../../ui/client/datetime-fields';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Kazakhstan moved from UTC+6 to UTC+5 at 00:00 local on 1 March 2024 (government decree of
// 19 January 2024); legal terms end at 18:30 local (Order 138 §5, Order 923 §5), so each
// conversion must use the offset in force on that day.
describe('Almaty time: one luxon-based module, +06:00 before 1 March 2024 and +05:00 since', () => {
  test('a date in February 2024 converts with +06:00', () => {
    expect(almatyIso('2024-02-15T12:30:00Z')).toBe('2024-02-15T18:30:00+06:00');
    expect(almatyOffsetMinutes(Date.parse('2024-02-15T12:30:00Z'))).toBe(360);
    expect(fromAlmatyWallClock(2024, 2, 15, 18, 30).toISOString()).toBe('2024-02-15T12:30:00.000Z');
  });

  test('a date after 1 March 2024 converts with +05:00', () => {
    expect(almatyIso('2024-03-05T13:30:00Z')).toBe('2024-03-05T18:30:00+05:00');
    expect(almatyOffsetMinutes(Date.parse('2024-03-05T13:30:00Z'))).toBe(300);
    expect(fromAlmatyWallClock(2026, 12, 1, 18, 30).toISOString()).toBe('2026-12-01T13:30:00.000Z');
  });

  test('the switch happens at 00:00 local on 1 March 2024 (18:00 UTC on 29 February)', () => {
    expect(almatyIso('2024-02-29T17:59:00Z')).toBe('2024-02-29T23:59:00+06:00');
    expect(almatyIso('2024-02-29T18:00:00Z')).toBe('2024-02-29T23:00:00+05:00');
  });

  test('the Almaty day is not the UTC day: 20:00 UTC is already the next day in Almaty', () => {
    expect(almatyDay('2026-08-03T20:00:00Z')).toBe('2026-08-04');
    expect(almatyDay('2024-02-15T18:30:00Z')).toBe('2024-02-16');
    expect(almatyDay('2024-02-15T17:59:00Z')).toBe('2024-02-15');
  });

  test('documents show the local time of the day: 18:30 in February 2024 is not printed as 17:30', () => {
    const at = new Date('2024-02-15T12:30:00Z');
    expect(formatDateTime(at, 'ru')).toBe('15.02.2024, 18:30 (время Астаны)');
    expect(formatDateTime(new Date('2026-03-16T10:00:00Z'), 'kk')).toBe(
      '16.03.2026, сағат 15:00 (Астана уақыты)',
    );
    expect(formatDate(new Date('2024-02-15T18:30:00Z'))).toBe('16.02.2024');
    expect(formatAlmatyDateTime('2024-02-15T12:30:00Z')).toBe('15.02.2024 18:30');
  });

  test('workers stamp their records with the offset of the day', () => {
    expect(almatyTimestamp(fixedClock('2024-02-15T12:30:00Z'))).toBe('2024-02-15T18:30:00+06:00');
    expect(almatyTimestamp(fixedClock('2026-08-03T12:30:00.250Z'))).toBe('2026-08-03T17:30:00+05:00');
    expect(workerAlmatyDay(fixedClock('2024-02-15T18:30:00Z'))).toBe('2024-02-16');
  });

  test('the legal clock takes the offset of 18:30 on the day itself, across the switch', () => {
    const localMs = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 18, 30);
    expect(almatyOffsetAtWallClock(localMs(2024, 2, 29))).toBe(360);
    expect(almatyOffsetAtWallClock(localMs(2024, 3, 1))).toBe(300);
    expect(almatyOffsetAtWallClock(localMs(2026, 12, 1))).toBe(300);
  });

  test('no module outside domain/almaty-time.ts names the zone, adds fixed hours or asks the host zone', () => {
    // Every conversion between instants and Almaty wall time goes through the one module, in the
    // server and in the browser bundles alike (ui/client/*). The engine is generic (timer zones
    // come from the diagrams) and is not scanned.
    const root = path.join(__dirname, '../../..');
    const folders = [
      'domain',
      'adapters',
      'workers',
      'intake',
      'ui',
      'operations',
      'scripts',
      'deploy',
      'simulators',
      'i18n',
    ];
    const forbidden =
      /'Asia\/Almaty'|"Asia\/Almaty"|timeZone:|getTimezoneOffset|toLocale(?:Date|Time)?String\(|(?<![\d.])[56] \* (?:60 \* 60 \* 1000|3_?600_?000)|\+0[56]:00`/g;
    const hits: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && entry.name !== 'public') walk(full);
        } else if (entry.name.endsWith('.ts') && full !== path.join(root, 'domain/almaty-time.ts')) {
          const code = readFileSync(full, 'utf8')
            .split('\n')
            .filter((line) => !/^\s*(?:\/\/|\*|\/\*\*)/.test(line))
            .join('\n');
          for (const m of code.match(forbidden) ?? []) hits.push(`${path.relative(root, full)}: ${m}`);
        }
      }
    };
    for (const folder of folders) if (existsSync(path.join(root, folder))) walk(path.join(root, folder));
    expect(hits).toEqual([]);
  });
});

describe('a time entered in a browser is Almaty time whatever the browser zone', () => {
  const zoneBefore = Settings.defaultZone;
  afterEach(() => {
    Settings.defaultZone = zoneBefore;
  });

  test('the picker value, with or without the browser offset, keeps its wall clock and gets the Almaty offset', () => {
    // A clerk in Moscow (UTC+3) picks 10:00 on 1 December 2026: the hearing is at 10:00 Almaty time.
    expect(almatyFromBrowserInput('2026-12-01T10:00+03:00')).toBe('2026-12-01T10:00:00+05:00');
    expect(almatyFromBrowserInput('2026-12-01T10:00')).toBe('2026-12-01T10:00:00+05:00');
    expect(almatyFromBrowserInput('2026-12-01T10:00Z')).toBe('2026-12-01T10:00:00+05:00');
    expect(almatyFromBrowserInput('2026-12-01T10:00-0500')).toBe('2026-12-01T10:00:00+05:00');
    expect(almatyFromBrowserInput('2024-02-20T10:00+01:00')).toBe('2024-02-20T10:00:00+06:00');
  });

  test('the result does not depend on the zone the code runs in', () => {
    for (const z of ['America/New_York', 'Europe/Moscow', 'Asia/Tokyo', 'UTC']) {
      Settings.defaultZone = z;
      expect(almatyFromBrowserInput('2026-12-01T10:00')).toBe('2026-12-01T10:00:00+05:00');
      expect(browserInputFromAlmaty('2026-12-01T05:00:00Z')).toBe('2026-12-01T10:00');
      expect(DateTime.local().zoneName).toBe(z);
    }
  });

  test('text that is not a date-time, or names a day that does not exist, is not read', () => {
    expect(almatyFromBrowserInput('')).toBeUndefined();
    expect(almatyFromBrowserInput('01.12.2026 10:00')).toBeUndefined();
    expect(almatyFromBrowserInput('2026-02-30T10:00')).toBeUndefined();
    expect(almatyFromBrowserInput('2026-12-01T25:00')).toBeUndefined();
  });

  test('the worklist fills the preliminary-decision form with Almaty wall clock and reads it back as Almaty time', () => {
    const schema = JSON.parse(
      readFileSync(path.join(__dirname, '../../../forms/preliminary-decision.form'), 'utf8'),
    ) as Parameters<typeof dateTimeKeys>[0];
    expect(dateTimeKeys(schema)).toEqual(['hearingAt']);
    const shown = toFormData(schema, { hearingAt: '2026-12-01T05:00:00Z', hearingPlace: 'каб. 204' });
    expect(shown).toEqual({ hearingAt: '2026-12-01T10:00', hearingPlace: 'каб. 204' });
    // form-js serialises the picked time with the browser's offset (here a browser in UTC-5).
    expect(fromFormData(schema, { hearingAt: '2026-12-01T10:00-05:00', hearingPlace: 'каб. 204' })).toEqual({
      hearingAt: '2026-12-01T10:00:00+05:00',
      hearingPlace: 'каб. 204',
    });
  });
});
