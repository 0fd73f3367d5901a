/**
 * The head does not re-type name and position at every signature (issue 11): the web app prefills
 * the signature form's signerName from the signed-in identity; the form asks no position, the signed
 * document names the signatory's post itself (test/models/signature-form.test.ts).
 */
import { ProcessDefinitionId } from '@camunda8/orchestration-cluster-api';
import { systemClock } from '../../domain/clock';
import { SEEDED_STAFF } from '../../ui/auth/staff';
import { waitForTask } from '../support/system-harness';
import { FACTS } from '../unit/documents/fixtures';
import { client, sharedSystem, startApp } from './support/harness';

test('the signature task opens with the signed-in head’s name as signerName; a name already recorded is kept', async () => {
  const sys = await sharedSystem();
  const ctx = await startApp({ clock: systemClock });
  try {
    // The real deliver-result process, as a service's call activity hands a refusal to it.
    let n = 0;
    const signatureTask = async (variables: Record<string, unknown>) => {
      const created = await sys.client.createProcessInstance({
        processDefinitionId: ProcessDefinitionId.assumeExists('deliver-result'),
        variables: {
          ...FACTS.refusal,
          applicationNumber: `SEC-2026-00077${n++}`,
          resultKind: 'refusal',
          signerGroup: 'police-head',
          headGroup: 'police-head',
          deadlineDelivery: '2026-04-20T18:30:00+05:00',
          ...variables,
        },
      });
      const task = await waitForTask(sys.client, String(created.processInstanceKey), 'Task_SignResult');
      return String(task.userTaskKey);
    };
    const head = client(ctx.base, await ctx.as('head', { unit: 'police' }));
    const fresh = await head('GET', `/api/tasks/${await signatureTask({})}`);
    expect(fresh.status).toBe(200);
    const seeded = SEEDED_STAFF.find((s) => s.groups.includes('police-head'))!;
    expect(fresh.json.variables.signerName).toBe(seeded.name);
    const kept = await head('GET', `/api/tasks/${await signatureTask({ signerName: 'Әбілов Марат' })}`);
    expect(kept.json.variables.signerName).toBe('Әбілов Марат');
  } finally {
    await ctx.close();
  }
});
