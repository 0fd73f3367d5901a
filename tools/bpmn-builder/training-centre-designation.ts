import { serviceOf } from '../../domain/services';
import type { Diagram } from './builder';
import { escalate, lit, report } from './patterns';
import { completeness, deliver, lookups, serviceFrame, studyAndHearing, miaStudyRefs } from './service-frame';

const REF = 'MIA Order 261 (as amended by 923), training-centre rules';
const STUDY_REFS = miaStudyRefs(REF);
const GROUPS = serviceOf('training-centre-designation').groups;

/** Service C — designation of a specialised training centre; the Minister signs the order. */
export function trainingCentreDesignation(): Diagram {
  return serviceFrame({
    processId: 'training-centre-designation',
    name: 'Designation of a specialised training centre',
    ref: `${REF} §3–§10; Annex 1 rows 2, 3, 4, 8 (total term 12 WD)`,
    groups: GROUPS,
    approvalKind: "Minister's order",
    approvalEndName: 'Training centre designated',
    stage(s) {
      const c = completeness(s, {
        ref: `${REF} §7 (2 WD); Annex 1 row 8`,
        groups: GROUPS,
        formNote:
          'Checklist: EDS application, inspection act, teachers and practitioners, programmes and curricula, shooting range documents if leased.',
      });
      // The founders' IINs come from the charter: the lookups by founder wait for it.
      const charter = s.service('Task_LookupLegalEntity', {
        name: 'Look up the charter',
        doc: `${REF}, Annex 1 row 8 last indent; spec C8. Information from the charter of the legal entity, including its founders (participants).`,
        at: [9.75, 0],
        type: 'lookup-legal-entity',
      });
      const l = lookups(s, 10.5, `${REF}, Annex 1 row 8 last indent`, [
        {
          id: 'Task_LookupFoundersAndHeads',
          type: 'lookup-person',
          name: 'Look up founders and heads',
          doc: 'Identity of all founders (participants) and heads.',
          subjects: 'founders,head',
        },
        {
          id: 'Task_LookupCriminalRecords',
          type: 'lookup-criminal-record',
          name: 'Look up criminal records',
          doc: 'No criminal record; release on non-exonerating grounds; criminal cases against founders and heads.',
          subjects: 'founders,head',
        },
        {
          id: 'Task_LookupMentalHealth',
          type: 'lookup-mental-health',
          name: 'Look up mental-health certificates',
          doc: 'Certificates of mental-health organisations.',
          subjects: 'founders,head',
        },
        {
          id: 'Task_LookupRealEstate',
          type: 'lookup-real-estate',
          name: 'Look up the shooting range and premises',
          doc: 'Owned shooting range; premises for classes meeting sanitary norms.',
        },
      ]);
      const {
        report: rep,
        outcome,
        approval,
      } = studyAndHearing(s, {
        col: 13,
        groups: GROUPS,
        deadline: '=deadlineStudy',
        refs: STUDY_REFS,
        afterStudy: {
          step: 'draft',
          id: 'Task_ComputeDraftDeadline',
          name: "Compute the draft order's term",
          doc: `${REF} §9: 3 WD after the check (deadlineDraft)`,
        },
      });
      s.chain(c.complete, charter, l.fork);
      s.chain(l.join, rep);

      const drafting = report(
        s,
        'Task_ReportDraftingStage',
        'order-drafting',
        [19, 0],
        'Record the drafting stage',
      );
      const round = s.xor('Gateway_DraftRound', {
        name: '',
        doc: `${REF} §9. A draft with the experts' remarks comes back here.`,
        at: [20, 0],
      });
      const draft = s.user('Task_DraftOrder', {
        name: "Draft the Minister's order",
        doc: `${REF} §9: within 3 WD after the check, the draft order on designating the training centre (deadlineDraft).`,
        at: [21, 0],
        formId: 'draft-order',
        candidateGroups: GROUPS.clerks,
        dueDate: '=deadlineDraft',
      });
      escalate(s, draft, {
        step: 'Draft',
        deadline: '=deadlineDraft',
        head: lit(GROUPS.head),
        at: [22, 2],
        ref: `${REF} §9`,
      });
      const gen = s.service('Task_GenerateOrderDraft', {
        name: 'Form the draft order',
        doc: `${REF} §9. The draft goes to the interested services of the ministry.`,
        at: [22, 0],
        type: 'generate-document',
        headers: { documentKind: 'ministers-order-draft' },
      });
      const fork = s.and('Gateway_ExpertiseFork', {
        doc: `${REF} §9: legal and editorial expertise, in parallel.`,
        at: [23, 0],
      });
      const legal = s.user('Task_LegalExpertise', {
        name: 'Legal expertise of the draft order',
        doc: `${REF} §9: legal expertise by the ministry's legal service.`,
        at: [24, -1],
        formId: 'legal-review',
        candidateGroups: 'legal-experts',
      });
      const editorial = s.user('Task_EditorialExpertise', {
        name: 'Editorial expertise of the draft order',
        doc: `${REF} §9: editorial expertise by the ministry's editorial service.`,
        at: [24, 1],
        formId: 'editorial-review',
        candidateGroups: 'editorial-experts',
      });
      const join = s.and('Gateway_ExpertiseJoin', {
        doc: `${REF} §10: both conclusions are needed.`,
        at: [25, 0],
      });
      const approved = s.xor('Gateway_ExpertsApproved', {
        name: 'Both experts approve?',
        doc: `${REF} §9–§10.`,
        at: [26, 0],
      });
      const when = s.script('Task_RecordExpertiseConcluded', {
        name: 'Record when the experts concluded',
        doc: `${REF} §10: the 4 WD to agree and sign run from the experts' conclusions.`,
        at: [27, 0],
        script: { expression: '=now()', resultVariable: 'expertiseConcludedAt' },
      });
      const compute = s.service('Task_ComputeAgreementDeadline', {
        name: 'Compute the agreement term',
        doc: `${REF} §10; spec C4: 4 WD from the conclusions (deadlineAgreement).`,
        at: [28, 0],
        type: 'compute-deadlines',
        headers: { step: 'agreement', workingDays: '4', from: 'expertiseConcludedAt' },
      });
      const agreeing = report(
        s,
        'Task_ReportAgreementStage',
        'order-agreement',
        [29, 0],
        'Record the agreement stage',
      );
      s.chain(approval, drafting, round, draft, gen, fork);
      s.flow(fork, legal);
      s.flow(fork, editorial);
      s.flow(legal, join);
      s.flow(editorial, join);
      s.flow(join, approved);
      s.flow(approved, when, {
        name: 'approved',
        condition: '=legalReviewApproved = true and editorialReviewApproved = true',
      });
      s.flow(approved, round, { name: 'remarks: revise', isDefault: true, lane: -3 });
      s.chain(when, compute, agreeing);

      const ids = deliver(s, {
        col: 30,
        ref: `${REF} §10`,
        groups: GROUPS,
        signer: '=if resultKind = "ministers-order" then "minister" else "mia-head"',
        deadlineDelivery:
          '=if resultKind = "ministers-order" then deadlineAgreement else if resultKind = "refusal-further-consideration" then deadlineCompleteness else deadlineResult',
        resumePoint: c.resumed,
        backLane: -6,
        refusals: {
          afterHearing: outcome,
          incomplete: c.incomplete,
          docs: { refusal: 'The hearing confirmed the refusal.', furtherConsideration: '§7; spec C5.' },
        },
        choices: [
          {
            id: 'Task_ChooseOrder',
            kind: 'ministers-order',
            name: "Result: the Minister's order",
            row: 0,
            doc: '§10: agreed, signed by the Minister.',
          },
        ],
      });
      s.flow(agreeing, ids['ministers-order']);
      return { lastCol: 34, bottomRow: 3 };
    },
  });
}
