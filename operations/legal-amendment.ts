import type { LegalAmendmentStore, StoredLegalAmendment } from '../adapters/legal-amendments';
import { parseLegalAmendment } from '../domain/rules/legal-amendments';
import { ProcessDefinitionId } from '@camunda8/orchestration-cluster-api';
import { NO_WAIT, type CamundaPort } from '../intake/camunda-port';

/** The process that informs the e-government operator and the 1414 centre (Order 138 §8; spec C12). */
export const RULES_CHANGE_NOTICE = 'rules-change-notice';

/** The slice of the official client this needs. */
export type AmendmentCamunda = Pick<CamundaPort, 'searchProcessInstances' | 'createProcessInstance'>;

export interface AmendmentOutcome {
  amendment: StoredLegalAmendment;
  /** False when the same amendment was already recorded. */
  created: boolean;
  noticeProcessInstanceKey: string;
  /** False when its notice was already running or done: the same amendment starts one notice. */
  noticeStarted: boolean;
}

/**
 * Records an operator's legal amendment of the fire-automation permit Rules and starts its
 * rules-change notice, once: the term of 3 working days runs from the amendment's effective date
 * (Order 138 §8). Bad input throws LegalAmendmentError (field, kk, ru) before anything is stored;
 * an amendment of Order 923's Rules (services B, C, D) is refused with the reason.
 */
export async function recordLegalAmendment(
  deps: { store: LegalAmendmentStore; camunda: AmendmentCamunda; now: () => Date },
  raw: unknown,
): Promise<AmendmentOutcome> {
  const amendment = parseLegalAmendment(raw);
  const { stored, created } = await deps.store.record(amendment, deps.now());
  if (stored.noticeProcessInstanceKey) {
    return {
      amendment: stored,
      created,
      noticeProcessInstanceKey: stored.noticeProcessInstanceKey,
      noticeStarted: false,
    };
  }
  // Recorded earlier but not marked: a previous attempt may have started the notice before it stopped.
  const found = created
    ? undefined
    : (
        await deps.camunda.searchProcessInstances(
          {
            filter: {
              processDefinitionId: ProcessDefinitionId.assumeExists(RULES_CHANGE_NOTICE),
              variables: [{ name: 'amendmentId', value: JSON.stringify(stored.id) }],
            },
            page: { limit: 1 },
          },
          NO_WAIT,
        )
      ).items[0];
  let key = found ? String(found.processInstanceKey) : undefined;
  const noticeStarted = key === undefined;
  if (key === undefined) {
    const instance = await deps.camunda.createProcessInstance({
      processDefinitionId: ProcessDefinitionId.assumeExists(RULES_CHANGE_NOTICE),
      variables: {
        amendmentId: stored.id,
        // Monitoring (C9) and escalations key every record by applicationNumber and serviceId.
        applicationNumber: stored.id,
        serviceId: stored.serviceId,
        actTitle: stored.actTitle,
        actNumber: stored.actNumber,
        actDate: stored.actDate,
        amendmentEffectiveDate: stored.effectiveDate,
        amendmentChanges: stored.changes,
        amendmentRecordedBy: stored.author,
        amendmentRecordedAt: stored.recordedAt,
      },
    });
    key = String(instance.processInstanceKey);
  }
  const marked = await deps.store.noticeStarted(stored.id, key);
  return { amendment: marked, created, noticeProcessInstanceKey: key, noticeStarted };
}
