import { serviceOf } from '../../domain/services';
import type { Diagram } from './builder';
import { CORRELATION, escalate, lit, report } from './patterns';
import {
  chainedDeadline,
  completeness,
  deliver,
  hearingCall,
  lookups,
  RECORDED_GROUNDS,
  serviceFrame,
  study,
} from './service-frame';

const REF = 'MIA Order 261 (as amended by 923), licence rules';
const LIST = `${REF}, Annex 1 (List)`;
const GROUPS = serviceOf('security-licence').groups;

/** Service B — licence for security activity: issue, re-issue, duplicate; sub-types 1 and 2. */
export function securityLicence(): Diagram {
  return serviceFrame({
    processId: 'security-licence',
    name: 'Licence for security activity',
    ref: `${REF} §2–§11; List rows 3, 6, 8, 9 (issue 10 WD, re-issue 3 WD, duplicate 2 WD)`,
    groups: GROUPS,
    approvalKind: 'licence',
    approvalEndName: 'Licence issued',
    stage(s) {
      const d = s.diagram;
      d.error('FEE_NOT_PAID', 'Licence fee not paid');
      d.message('missing-documents-submitted', CORRELATION);

      // List row 8 last indent: the head's diploma and employment record are looked up at
      // registration, alongside the completeness check, so that a missing one is asked of the
      // applicant within 1 WD of the application (a duplicate needs neither).
      const wanted = s.xor('Gateway_HeadRecordsWanted', {
        name: 'Issue or re-issue?',
        doc: `${LIST} row 8 items 1–3: the head's records are needed for an issue or a re-issue, not for a duplicate.`,
        at: [5.65, -2],
      });
      const education = s.service('Task_LookupHeadEducation', {
        name: "Look up the head's higher legal education",
        doc: `${LIST} row 8 last indent; spec C8. Higher legal education of the head, at registration.`,
        at: [6.2, -3],
        type: 'lookup-education',
        headers: { subjects: 'head' },
      });
      const employment = s.service('Task_LookupHeadEmployment', {
        name: "Look up the head's employment record",
        doc: `${LIST} row 8 last indent; spec C8. Employment history of the head, at registration.`,
        at: [6.2, -4],
        type: 'lookup-employment',
        headers: { subjects: 'head' },
      });
      const found = s.xor('Gateway_HeadRecordsFound', {
        name: "Head's diploma and record in state systems?",
        doc: `${LIST} row 8 last indent: if the head's diploma or employment record cannot be obtained, an electronic copy is requested within 1 WD of the application.`,
        at: [6.75, -4],
      });
      const plan = s.service('Task_PlanDocumentWindow', {
        name: "Compute the applicant's answer window",
        doc: `${LIST} row 8 last indent. The acts set no answer term: [config] 2 WD after the request's own 1 WD term (deadlineMissingDocuments).`,
        at: [6.75, -5],
        type: 'compute-deadlines',
        headers: { step: 'missingDocuments', workingDays: '2', from: 'deadlineDocumentRequest' },
      });
      const request = s.service('Task_RequestMissingDocuments', {
        name: 'Request the electronic copies',
        doc: `${LIST} row 8 last indent: the request (in Kazakh and Russian, with the answer deadline) goes out within 1 WD of the application (deadlineDocumentRequest).`,
        at: [7.5, -5],
        type: 'request-missing-documents',
      });
      escalate(s, request, {
        step: 'DocumentRequest',
        deadline: '=deadlineDocumentRequest',
        head: lit(GROUPS.head),
        at: [7.8, -6],
        ref: `${LIST} row 8 last indent`,
      });
      const recordsChecked = s.xor('Gateway_HeadRecordsChecked', { name: '', doc: LIST, at: [7.3, -2] });
      s.flow(wanted, education, { name: 'issue or re-issue', condition: '=requestKind != "duplicate"' });
      s.flow(wanted, recordsChecked, { name: 'duplicate', isDefault: true });
      s.chain(education, employment, found);
      s.flow(found, plan, {
        name: 'not found',
        condition: '=educationFound = false or employmentFound = false',
      });
      s.flow(found, recordsChecked, { name: 'found', isDefault: true });
      s.chain(plan, request, recordsChecked);

      const c = completeness(s, {
        alongside: { first: wanted, last: recordsChecked },
        ref: `${REF} §7 (issue, 2 WD), §10 (re-issue, 2 WD), §11 (duplicate, 1 WD); List row 8`,
        groups: GROUPS,
        formNote:
          'Sub-type 1 (issue, re-issue): premises if leased, monitoring console, radio permit, response groups, two vehicles; sub-type 2 and duplicate: the application only.',
      });
      const fee = s.service('Task_CheckLicenceFee', {
        name: 'Check the licence fee',
        doc: `${LIST} row 6 (6 MCI; re-issue 10 % up to 4 MCI; duplicate 100 %), row 8 last indent (payment gateway). Throws FEE_NOT_PAID.`,
        at: [10, 0],
        type: 'check-licence-fee',
        outputs: [
          { source: '=feeCheck', target: 'feeCheck' },
          { source: '=false', target: 'feeNotPaid' },
        ],
      });
      const unpaid = s.boundary('Boundary_FeeNotPaid', fee, {
        name: 'Fee not paid',
        doc: `${LIST} row 9 ground 3: the licence fee was not paid. Not a technical failure: it becomes a refusal ground heard at the hearing (issue) or refused from the review (re-issue, duplicate).`,
        event: { error: 'FEE_NOT_PAID' },
        outputs: [
          { source: '=feeCheck', target: 'feeCheck' },
          { source: '=true', target: 'feeNotPaid' },
        ],
      });
      const feeGround = s.script('Task_RecordFeeGround', {
        name: 'Record the unpaid fee as a refusal ground',
        doc: `${LIST} row 9 ground 3. The study form shows it pre-selected.`,
        at: [11, 1],
        script: {
          expression:
            '=distinct values(concatenate(if refusalGrounds = null then [] else refusalGrounds, ["B03_FEE_NOT_PAID"]))',
          resultVariable: 'refusalGrounds',
        },
      });
      const feeDone = s.xor('Gateway_FeeChecked', { name: '', doc: LIST, at: [12, 0] });
      s.flow(c.complete, fee);
      s.flow(fee, feeDone);
      s.chain(unpaid, feeGround, feeDone);

      const kind = s.xor('Gateway_RequestKind', {
        name: 'Kind of request?',
        doc: `${REF} §9–§11; List row 8 items 1–3.`,
        at: [13, 0],
      });
      const dup = s.service('Task_LookupLicenceForDuplicate', {
        name: 'Look up the licence to duplicate',
        doc: `${LIST} row 8 item 3: a duplicate is issued only when the licence cannot be obtained from the portal's systems.`,
        at: [14, 1],
        type: 'lookup-licence',
      });
      const l = lookups(s, 14, `${LIST} row 8 last indent`, [
        {
          id: 'Task_LookupLegalEntity',
          type: 'lookup-legal-entity',
          name: 'Look up the legal entity and charter',
          doc: 'State registration, charter, business category (ground 10), court bans (grounds 7–9).',
        },
        {
          id: 'Task_LookupHeadIdentity',
          type: 'lookup-person',
          name: "Look up the head's identity",
          doc: 'Identity documents.',
          subjects: 'head',
        },
        {
          id: 'Task_LookupHeadCriminalRecord',
          type: 'lookup-criminal-record',
          name: "Look up the head's criminal record",
          doc: 'No criminal record; criminal and administrative liability; extremism, terrorism, organised crime (ground 11).',
          subjects: 'head',
        },
        {
          id: 'Task_LookupHeadMentalHealth',
          type: 'lookup-mental-health',
          name: "Look up the head's mental-health certificate",
          doc: 'Certificates of mental-health organisations.',
          subjects: 'head',
        },
        {
          id: 'Task_LookupRealEstate',
          type: 'lookup-real-estate',
          name: 'Look up real estate owned',
          doc: 'Real estate held on the right of ownership.',
        },
        {
          id: 'Task_LookupExistingLicence',
          type: 'lookup-licence',
          name: 'Look up licence data',
          doc: 'Licence data (re-issue, existing licences).',
        },
      ]);
      s.flow(feeDone, kind);
      s.flow(kind, dup, { name: 'duplicate', condition: '=requestKind = "duplicate"' });
      s.flow(kind, l.fork, { name: 'issue or re-issue', isDefault: true });

      const requested = s.xor('Gateway_CopiesRequested', {
        name: 'Copies requested?',
        doc: `${LIST} row 8 last indent: the copies requested at registration are awaited before the study.`,
        at: [17, 0],
      });
      const await_ = s.eventGateway('Gateway_AwaitMissingDocuments', {
        name: 'Copies sent?',
        doc: `${LIST} row 8 last indent.`,
        at: [20, -2],
      });
      const submitted = s.catchEvent('Event_MissingDocumentsSubmitted', {
        name: 'Copies submitted',
        doc: `${LIST} row 8 last indent. Portal message missing-documents-submitted (correlation applicationNumber).`,
        at: [21, -3],
        event: { message: 'missing-documents-submitted' },
      });
      const closed = s.catchEvent('Event_DocumentWindowClosed', {
        name: 'Answer window closed',
        doc: `${LIST} row 8 last indent; [config] window.`,
        at: [21, -2],
        event: { timeDate: '=deadlineMissingDocuments' },
      });
      const reviewCopies = s.user('Task_ReviewMissingDocuments', {
        name: 'Review the submitted copies',
        doc: `${LIST} row 8 last indent. The clerk accepts or rejects the diploma and employment record copies before the study ends.`,
        at: [22, -3],
        formId: 'missing-documents-review',
        candidateGroups: GROUPS.clerks,
        dueDate: '=deadlineStudy',
      });
      const notReceived = s.script('Task_RecordDocumentsNotReceived', {
        name: 'Record that no copies came',
        doc: `${LIST} row 9 ground 4 may follow: the qualification requirements are then not confirmed.`,
        at: [22, -2],
        script: { expression: '=false', resultVariable: 'missingDocumentsAccepted' },
      });
      const lookedUp = s.xor('Gateway_LookupsDone', { name: '', doc: LIST, at: [23, 0] });
      s.flow(l.join, requested);
      s.flow(requested, await_, {
        name: 'requested',
        condition: '=educationFound = false or employmentFound = false',
      });
      s.flow(requested, lookedUp, { name: 'not needed', isDefault: true });
      s.flow(await_, submitted);
      s.flow(await_, closed);
      s.flow(submitted, reviewCopies);
      s.flow(closed, notReceived);
      s.flow(reviewCopies, lookedUp);
      s.flow(notReceived, lookedUp);
      s.flow(dup, lookedUp);

      const sub = s.xor('Gateway_SubType', {
        name: 'Sub-type 1?',
        doc: `${REF} §2 sub-types; List row 8 items 1–2: sub-type 2 and duplicates need the application only.`,
        at: [24, 0],
      });
      const vehicles = s.service('Task_LookupVehicles', {
        name: 'Look up vehicles owned',
        doc: `${LIST} row 8 item 1: at least two vehicles owned for the response groups.`,
        at: [25, -1],
        type: 'lookup-vehicles',
      });
      const secCheck = s.service('Task_CheckSecurityRequirements', {
        name: 'Check the sub-type 1 requirements',
        doc: `${LIST} row 8 item 1; row 9 grounds 4, 13. Writes securityRequirementsCheck; grounds are data for the clerk.`,
        at: [26, -1],
        type: 'check-security-requirements',
      });
      const subDone = s.xor('Gateway_SubTypeChecked', { name: '', doc: LIST, at: [27, 0] });
      s.flow(lookedUp, sub);
      s.flow(sub, vehicles, { name: 'sub-type 1', condition: '=subType = 1 and requestKind != "duplicate"' });
      s.flow(sub, subDone, { name: 'application only', isDefault: true });
      s.chain(vehicles, secCheck, subDone);

      const rep = report(
        s,
        'Task_ReportStudyStage',
        'compliance-study',
        [28, 0],
        'Record the compliance study stage',
      );
      const st = study(s, {
        at: [29, 0],
        ref: `${REF} §8–§11; List row 9 (grounds 1–13)`,
        groups: GROUPS,
        deadline: '=if deadlineStudy = null then deadlineCompleteness else deadlineStudy',
        escalationAt: [30, 2],
      });
      s.chain(subDone, rep, st.task);
      const grounds = s.xor('Gateway_GroundsFound', {
        name: 'Grounds for refusal?',
        doc: `${LIST} row 9.`,
        at: [30, 0],
      });
      const collect = s.script('Task_CollectRefusalGrounds', {
        name: 'Collect the refusal grounds',
        doc: `${LIST} row 9. The clerk's grounds plus ground 3 when the fee is unpaid and the grounds the application and the checks recorded (ground 12: no consent to personal data; the qualification and security checks): the study form cannot drop them, and the hearing and the refusal quote the same list.`,
        at: [30.6, -1],
        script: {
          expression:
            '=distinct values(concatenate(if refusalGrounds = null then [] else refusalGrounds, if feeNotPaid = true then ["B03_FEE_NOT_PAID"] else [], if recordedGroundCodes = null then [] else recordedGroundCodes))',
          resultVariable: 'refusalGrounds',
        },
      });
      const needsHearing = s.xor('Gateway_HearingRequired', {
        name: 'Issue?',
        doc: `${REF} §8 (issue: hearing before refusal); §10, §11 (re-issue, duplicate: refusal straight from the review).`,
        at: [31.4, -1],
      });
      const hear = hearingCall(s, {
        at: [32, -2],
        ref: `${REF} §8`,
        groups: GROUPS,
        refusalGrounds:
          '=distinct values(concatenate(if refusalGrounds = null then [] else refusalGrounds, if feeNotPaid = true then ["B03_FEE_NOT_PAID"] else [], if recordedGroundCodes = null then [] else recordedGroundCodes))',
      });
      const outcome = s.xor('Gateway_HearingOutcome', {
        name: 'Refusal confirmed?',
        doc: `${REF} §8; spec C6.`,
        at: [33, -2],
      });
      const refusals = s.xor('Gateway_RefusalPaths', { name: '', doc: REF, at: [34, -1] });
      const approval = s.xor('Gateway_ApprovalPath', { name: '', doc: REF, at: [34, 0] });
      const resultDue = chainedDeadline(s, 'Task_ComputeResultDeadline', {
        step: 'result',
        from: 'studyEndedAt',
        name: "Compute the result's term",
        doc: `${REF} §9 (issue), §10 (re-issue), §11 (duplicate): the result within 1 WD after the checks (deadlineResult), watched on the signature`,
        at: [30.3, 1],
      });
      s.chain(st.end, resultDue, grounds);
      s.flow(grounds, collect, {
        name: 'grounds found',
        condition: `=groundsFound = true or feeNotPaid = true or ${RECORDED_GROUNDS}`,
      });
      s.flow(collect, needsHearing);
      s.flow(grounds, approval, { name: 'no grounds', isDefault: true });
      s.flow(needsHearing, hear, { name: 'issue', condition: '=requestKind = "issue"' });
      s.flow(needsHearing, refusals, { name: 're-issue or duplicate', isDefault: true });
      const resultDueAfterHearing = chainedDeadline(s, 'Task_ComputeResultDeadlineAfterHearing', {
        step: 'result',
        from: 'hearingEndedAt',
        name: "Compute the result's term after the hearing",
        doc: `${REF} §8–§9: the hearing ends the checks; the result within 1 WD after it (deadlineResult)`,
        at: [32.6, -3],
      });
      s.chain(hear, resultDueAfterHearing, outcome);
      s.flow(outcome, refusals, {
        name: 'refusal confirmed',
        condition: '=hearingOutcome = "refusal-confirmed"',
      });
      s.flow(outcome, approval, { name: 'position accepted', isDefault: true });
      const ids = deliver(s, {
        col: 35,
        ref: `${REF} §9–§11`,
        groups: GROUPS,
        deadlineDelivery:
          '=if resultKind = "refusal-further-consideration" then deadlineCompleteness else deadlineResult',
        resumePoint: c.resumed,
        backLane: -9,
        choices: [
          {
            id: 'Task_ChooseRefusal',
            kind: 'refusal',
            name: 'Result: motivated refusal',
            row: -1,
            doc: 'List row 9.',
          },
          {
            id: 'Task_ChooseLicence',
            kind: 'licence',
            name: 'Result: licence, re-issue or duplicate',
            row: 0,
            doc: '§9–§11; List row 5.',
          },
          {
            id: 'Task_ChooseIncompleteRefusal',
            kind: 'incomplete',
            name: 'Result: refusal for an incomplete package',
            row: 3,
            doc: '§7: issue ⇒ refusal of further consideration; §10, §11: re-issue or duplicate ⇒ motivated refusal of the service, which the same document kind words by requestKind (it cites no row 9 ground).',
            expression: lit('refusal-further-consideration'),
          },
        ],
      });
      s.flow(refusals, ids.refusal);
      s.flow(approval, ids.licence);
      s.flow(c.incomplete, ids.incomplete, { name: 'incomplete or expired', isDefault: true });
      return { lastCol: 39, bottomRow: 3 };
    },
  });
}
