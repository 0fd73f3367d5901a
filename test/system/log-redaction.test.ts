/**
 * No personal data in the logs: a fire-automation permit application runs through registration,
 * the completeness check and the state-system lookups (with the registry down for a while, so the
 * workers log failures and retries) while every worker writes through the production logger at its
 * most verbose level; the captured log holds the run's events but no seeded IIN, BIN or name.
 */
import { Writable } from 'node:stream';
import { createLogger, maskPersonalData } from '../../config/log';
import { fixtures } from '../../simulators';
import { COMPLETE, completeTask, MONDAY, permitApplication, waitForTask } from '../support/process-fixtures';
import { startTestSystem, type TestSystem } from '../support/system-harness';

function captured() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe('logger redaction', () => {
  it('censors identity fields by name and masks IINs/BINs anywhere in messages and fields', () => {
    const { lines, stream } = captured();
    const log = createLogger('test', 'debug', stream);
    log.info('lookup for 900101300125 failed', {
      iin: '900101300125',
      applicant: { bin: '160540012345', name: 'ТОО «Қорған-Сервис»', headName: 'Әлиев Дәурен' },
      token: 'secret-token-value',
      note: 'head 850315400123 and company 160540012345',
    });
    expect(lines).toHaveLength(1);
    const line = lines[0];
    for (const secret of [
      '900101300125',
      '160540012345',
      '850315400123',
      'Қорған',
      'Әлиев',
      'secret-token-value',
    ])
      expect(line).not.toContain(secret);
    const parsed = JSON.parse(line);
    expect(parsed.msg).toBe('lookup for 9001******25 failed');
    expect(parsed.applicant.name).toBe('[скрыто]');
    expect(parsed.level).toBe('info');
    expect(parsed.service).toBe('test');
    expect(maskPersonalData('x 123456789012 y')).toBe('x 1234******12 y');
  });
});

describe('a process run writes no personal data to the log', () => {
  let sys: TestSystem;
  const { lines, stream } = captured();
  const company = fixtures.fire.approved;

  beforeAll(async () => {
    sys = await startTestSystem(MONDAY, { log: createLogger('workers', 'debug', stream) });
  }, 60_000);
  afterAll(() => sys?.stop());

  it('logs the run but no IIN, BIN or name of the applicant and its specialists', async () => {
    const number = 'FAP-2026-009901';
    const submitted = await sys.intake.submit(permitApplication(number, company));
    expect(submitted.status).toBe(201);
    const key = submitted.application.processInstanceKey!;
    await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    // The registries are down while the lookups run: the workers log the failures they retry.
    await sys.control('legal-entities', { down: true });
    await sys.control('education', { down: true });
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await new Promise((r) => setTimeout(r, 1500));
    await sys.control('legal-entities', { down: false });
    await sys.control('education', { down: false });

    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(text).toContain('state system unavailable');
    const secrets = [
      company.bin,
      company.headIin,
      company.headFullName,
      company.name,
      ...company.specialists.flatMap((s) => [s.iin, s.fullName]),
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
