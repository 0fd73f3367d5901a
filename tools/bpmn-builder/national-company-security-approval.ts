import { serviceOf } from '../../domain/services';
import type { Diagram } from './builder';
import { CORRELATION, escalate, lit, report } from './patterns';
import { completeness, deliver, serviceFrame, studyAndHearing, miaStudyRefs } from './service-frame';

const REF = 'MIA Order 261 (as amended by 923), national-company rules';
const STUDY_REFS = miaStudyRefs(REF);
const GROUPS = serviceOf('national-company-security-approval').groups;

/** Service D — approval of a national company creating a security organisation. */
export function nationalCompanySecurityApproval(): Diagram {
  return serviceFrame({
    processId: 'national-company-security-approval',
    name: "Approval of a national company's security organisation",
    ref: `${REF} §3–§10; Annex 1 rows 2, 3, 8 (total term 15 WD)`,
    groups: GROUPS,
    approvalKind: 'consent letter',
    approvalEndName: 'Consent letter issued',
    stage(s) {
      const d = s.diagram;
      d.message('antimonopoly-answer-received', CORRELATION);
      const c = completeness(s, {
        ref: `${REF} §7 (2 WD); Annex 1 row 8`,
        groups: GROUPS,
        formNote:
          'Checklist: EDS application, antimonopoly prior consent, constituent documents (MIA order 863 §3), list of objects to be guarded.',
      });
      const lookup = s.service('Task_LookupLegalEntity', {
        name: 'Look up the national company',
        doc: `${REF} §8; spec C8. State registration, charter and founders of the applicant.`,
        at: [10, 0],
        type: 'lookup-legal-entity',
      });
      const {
        report: rep,
        entry,
        outcome,
        approval,
      } = studyAndHearing(s, {
        col: 11,
        groups: GROUPS,
        deadline: '=deadlineStudy',
        refs: STUDY_REFS,
        hearingEntry: true,
        afterStudy: {
          step: 'letter',
          id: 'Task_ComputeLetterDeadline',
          name: "Compute the letter's term",
          doc: `${REF} §9: 6 WD after the check (deadlineLetter)`,
        },
      });
      s.flow(c.complete, lookup);
      s.chain(lookup, rep);

      const answered = s.xor('Gateway_AntimonopolyAnswered', {
        name: 'Antimonopoly body already answered?',
        doc: `${REF} §9–§10. After a hearing held on the antimonopoly body's answer, the letter is not sent again: the clerk drafts the consent letter (or the refusal) on the hearing's record.`,
        at: [18, 0],
      });
      const letterStage = report(
        s,
        'Task_ReportLetterStage',
        'antimonopoly-letter',
        [19, 0],
        'Record the antimonopoly letter stage',
      );
      const letter = s.service('Task_GenerateAntimonopolyLetter', {
        name: 'Form the letter to the antimonopoly body',
        doc: `${REF} §9: confirmation of the antimonopoly body's prior consent under the Entrepreneurial Code.`,
        at: [20, 0],
        type: 'generate-document',
        headers: { documentKind: 'antimonopoly-letter', resultVariable: 'antimonopolyLetter' },
      });
      const send = s.service('Task_SendAntimonopolyLetter', {
        name: 'Send the letter to the antimonopoly body',
        doc: `${REF} §9: within 6 WD after the check (deadlineLetter).`,
        at: [21, 0],
        type: 'send-letter',
      });
      escalate(s, send, {
        step: 'Letter',
        deadline: '=deadlineLetter',
        head: lit(GROUPS.head),
        at: [22, 2],
        ref: `${REF} §9`,
      });
      const answer = s.catchEvent('Event_AntimonopolyAnswerReceived', {
        name: 'Antimonopoly body answered',
        doc: `${REF} §10. Message antimonopoly-answer-received (correlation applicationNumber) with antimonopolyAnswer.`,
        at: [22, 0],
        event: { message: 'antimonopoly-answer-received' },
      });
      const when = s.script('Task_RecordAnswerReceived', {
        name: 'Record when the answer arrived',
        doc: `${REF} §10: the 4 WD run from the answer's receipt.`,
        at: [23, 0],
        script: { expression: '=now()', resultVariable: 'antimonopolyAnswerReceivedAt' },
      });
      const compute = s.service('Task_ComputeConsentDeadline', {
        name: 'Compute the consent letter term',
        doc: `${REF} §10; spec C4: 4 WD from the answer (deadlineConsent).`,
        at: [24, 0],
        type: 'compute-deadlines',
        headers: { step: 'consent', workingDays: '4', from: 'antimonopolyAnswerReceivedAt' },
      });
      const draftRound = s.xor('Gateway_ConsentDraftRound', {
        name: '',
        doc: `${REF} §10. The consent letter is drafted on the answer, or again after a hearing on it.`,
        at: [25, 0],
      });
      const draft = s.user('Task_DraftConsentLetter', {
        name: 'Draft and agree the consent letter',
        doc: `${REF} §10: prepare and agree the consent letter on the antimonopoly body's answer.`,
        at: [26, 0],
        formId: 'consent-letter-draft',
        candidateGroups: GROUPS.clerks,
        dueDate: '=deadlineConsent',
      });
      escalate(s, draft, {
        step: 'Consent',
        deadline: '=deadlineConsent',
        head: lit(GROUPS.head),
        at: [27, 2],
        ref: `${REF} §10`,
      });
      const confirmed = s.xor('Gateway_ConsentConfirmed', {
        name: 'Antimonopoly consent confirmed?',
        doc: `${REF} §9–§10; Annex 1 row 8 item 2.`,
        at: [27, 0],
      });
      const ground = s.script('Task_RecordAntimonopolyGround', {
        name: 'Record the unconfirmed consent as a ground',
        doc: `${REF} §8–§10; Annex 1 row 8 item 2: without the antimonopoly body's consent the approval is refused after a hearing (spec C6).`,
        at: [28, -3],
        script: { expression: '=["D_ANTIMONOPOLY_CONSENT_NOT_CONFIRMED"]', resultVariable: 'refusalGrounds' },
      });
      s.chain(approval, answered);
      s.flow(answered, letterStage, { name: 'not yet', isDefault: true });
      s.flow(answered, draftRound, {
        name: 'answered, heard',
        condition: '=is defined(antimonopolyAnswerReceivedAt)',
        lane: -2,
      });
      s.chain(letterStage, letter, send, answer, when, compute, draftRound, draft, confirmed);
      s.flow(confirmed, ground, {
        name: 'not confirmed',
        condition: '=antimonopolyConsentConfirmed = false',
      });
      s.flow(ground, entry!, { lane: -4 });

      const ids = deliver(s, {
        col: 28,
        ref: `${REF} §10`,
        groups: GROUPS,
        deadlineDelivery:
          '=if resultKind = "consent-letter" then deadlineConsent else if resultKind = "refusal-further-consideration" then deadlineCompleteness else deadlineResult',
        resumePoint: c.resumed,
        backLane: -5,
        refusals: {
          afterHearing: outcome,
          incomplete: c.incomplete,
          docs: { refusal: 'The hearing confirmed the refusal.', furtherConsideration: '§7; spec C5.' },
        },
        choices: [
          {
            id: 'Task_ChooseConsentLetter',
            kind: 'consent-letter',
            name: 'Result: consent letter',
            row: 0,
            doc: '§10.',
          },
        ],
      });
      s.flow(confirmed, ids['consent-letter'], { name: 'confirmed', isDefault: true });
      return { lastCol: 32, bottomRow: 3 };
    },
  });
}
