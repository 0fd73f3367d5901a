import { AuditEventError, createAuditTrail } from '../../adapters/db/audit';
import { DIALECTS, databasesPerTest } from '../support/postgres';

describe.each(DIALECTS)('the audit trail on $name', (dialect) => {
  const db = databasesPerTest(dialect);

  test('records who did what, on which application and task, when and from where, and reads it back on another connection, newest first', async () => {
    const trail = createAuditTrail(db.database);
    const claim = await trail.record({
      at: '2026-04-15T05:00:00.000Z',
      userId: 'police-clerk',
      role: 'clerk',
      action: 'task.claim',
      applicationNumber: 'SEC-2026-000101',
      taskKey: '2251799813685301',
      ip: '10.0.0.7',
      detail: { elementId: 'Task_CheckCompleteness' },
    });
    await trail.record({
      at: '2026-04-15T05:10:00+05:00',
      userId: 'police-head',
      role: 'head',
      action: 'decision',
      applicationNumber: 'SEC-2026-000101',
      taskKey: '2251799813685309',
      detail: { decision: 'approve' },
    });
    await trail.record({
      at: '2026-04-15T06:00:00.000Z',
      userId: 'operator',
      role: 'operator',
      action: 'operator.incident-retry',
      detail: { incidentKey: '2251799813685400' },
    });
    const everything = await createAuditTrail(db.replica).list();
    expect(everything.map((e) => e.action)).toEqual(['operator.incident-retry', 'task.claim', 'decision']);
    expect(everything[1]).toEqual(claim);
    expect(everything[2]).toMatchObject({ at: '2026-04-15T00:10:00.000Z', detail: { decision: 'approve' } });
    expect(everything[2]).not.toHaveProperty('ip');

    const ofApplication = await createAuditTrail(db.replica).list({ applicationNumber: 'SEC-2026-000101' });
    expect(ofApplication.map((e) => e.userId)).toEqual(['police-clerk', 'police-head']);
    expect((await trail.list({ userId: 'operator' })).map((e) => e.action)).toEqual([
      'operator.incident-retry',
    ]);
    expect((await trail.list({ action: 'decision' })).map((e) => e.userId)).toEqual(['police-head']);
    expect((await trail.list({ limit: 1, offset: 1 })).map((e) => e.action)).toEqual(['task.claim']);
  });

  test('an event without its user, with an unknown action or a time that is no instant is refused and nothing is written', async () => {
    const trail = createAuditTrail(db.database);
    const base = {
      at: '2026-04-15T05:00:00.000Z',
      userId: 'operator',
      role: 'operator',
      action: 'task.claim',
    } as const;
    await expect(trail.record({ ...base, userId: '' })).rejects.toThrow(AuditEventError);
    await expect(trail.record({ ...base, action: 'task.delete' as never })).rejects.toThrow(
      /unknown audit action/,
    );
    await expect(trail.record({ ...base, at: 'yesterday' })).rejects.toThrow(/not an instant/);
    await expect(trail.record({ ...base, detail: { blob: 'x'.repeat(20_000) } })).rejects.toThrow(
      /over 16000/,
    );
    expect(await trail.list()).toEqual([]);
  });
});
