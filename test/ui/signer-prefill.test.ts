/**
 * The head does not re-type name and position at every signature (issue 11): the web app prefills
 * the signature form's signerName from the signed-in identity; the position comes from the process
 * (case-summary, test/process/decision-guards.test.ts).
 */
import { systemClock } from '../../domain/clock';
import { SEEDED_STAFF } from '../../ui/auth/staff';
import { client, startApp } from './support/harness';

test('the signature task opens with the signed-in head’s name as signerName; a name already recorded is kept', async () => {
  const ctx = await startApp({ clock: systemClock });
  try {
    const addSignature = (key: string, variables: Record<string, unknown>) => {
      ctx.fake.instances.set(key, {
        processInstanceKey: key,
        processDefinitionId: 'deliver-result',
        processDefinitionKey: '1',
        state: 'ACTIVE',
        hasIncident: false,
        variables: { applicationNumber: 'SL-2026-000777', ...variables },
      });
      return ctx.fake.addTask({
        name: 'Sign the result',
        elementId: 'Task_SignResult',
        processDefinitionId: 'deliver-result',
        processInstanceKey: key,
        candidateGroups: ['police-head'],
      });
    };
    const head = client(ctx.base, await ctx.as('head', { unit: 'police' }));
    const fresh = await head('GET', `/api/tasks/${addSignature('901', {})}`);
    expect(fresh.status).toBe(200);
    const seeded = SEEDED_STAFF.find((s) => s.groups.includes('police-head'))!;
    expect(fresh.json.variables.signerName).toBe(seeded.name);
    const kept = await head('GET', `/api/tasks/${addSignature('902', { signerName: 'Әбілов Марат' })}`);
    expect(kept.json.variables.signerName).toBe('Әбілов Марат');
  } finally {
    await ctx.close();
  }
});
