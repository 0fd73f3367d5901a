import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundle } from '../../support/bundle';

const root = resolve(__dirname, '../../..');

/**
 * The command line runs as its own process, as `npm run legal-clock` runs it: compiled once by
 * esbuild (as `npm run build` compiles it) and started with node for each case, without tsx's or
 * npx's start-up per case.
 */
let dir: string;
let program: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'legal-clock-cli-'));
  program = join(dir, 'cli.js');
  await bundle({
    entryPoints: [join(root, 'domain', 'legal-clock', 'cli.ts')],
    outfile: program,
    write: true,
    platform: 'node',
    format: 'cjs',
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [program, ...args], { cwd: root, encoding: 'utf8' });
  const stderr = result.stderr.replace(/\n$/, '');
  return { status: result.status, stdout: result.stdout, stderr };
}

describe('legal-clock command line', () => {
  test.each([
    [['register', '2026-03-20T18:30:01+05:00'], { registeredOn: '2026-03-26' }],
    [['register', '2024-05-04T06:00:00Z'], { registeredOn: '2024-05-04' }],
    [
      ['deadline', '2025-01-04T10:00:00Z', '3'],
      { registeredOn: '2025-01-05', deadline: '2025-01-09T18:30:00+05:00' },
    ],
    [['working-days', '2025'], { year: 2025, workingDays: 246 }],
    [['fee', 'issue', '2026-04-01'], { mci: 6, amount: 25950 }],
    [['fee', 'reissue', '2026-04-01'], { mci: 0.6, amount: 2595 }],
    [['fee', 'duplicate', '2026-04-01'], { mci: 6, amount: 25950 }],
  ])('given %j, then it prints one JSON line %j and exits 0', (args, expected) => {
    const { status, stdout, stderr } = cli(...args);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  test.each([
    [['register', '2026-03-20T18:30:00'], 'no offset'],
    [['register', '2026-02-30T10:00:00Z'], 'impossible date'],
    [['register', '2026-13-01T10:00:00Z'], 'impossible month'],
    [['register', '2028-01-04T10:00:00Z'], 'year without calendar data'],
    [['working-days', '2030'], 'year without calendar data'],
    [['working-days', '25'], 'malformed year'],
    [['deadline', '2026-04-01T10:00:00Z', '0'], 'N zero'],
    [['deadline', '2026-04-01T10:00:00Z', '-2'], 'N negative'],
    [['deadline', '2026-04-01T10:00:00Z', '1.5'], 'N not an integer'],
    [['deadline', '2026-04-01T10:00:00Z'], 'N missing'],
    [['fee', 'renewal', '2026-04-01'], 'unknown kind'],
    [['fee', 'issue', '2027-01-04'], 'year without MCI'],
    [['fee', 'issue', '2026-02-29'], 'impossible payment date'],
    [['fee', 'issue'], 'payment date missing'],
    [['register'], 'instant missing'],
    [['register', '2026-04-01T10:00:00Z', 'extra'], 'extra argument'],
    [['holidays', '2026'], 'unknown command'],
    [[], 'no command'],
  ])('given %j (%s), then it exits 2 with one line on stderr and nothing on stdout', (args) => {
    const { status, stdout, stderr } = cli(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr.length).toBeGreaterThan(0);
  });
});
