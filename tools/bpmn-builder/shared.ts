import { Diagram } from './builder';
import { CORRELATION, escalate, lit, report } from './patterns';

const C6 =
  'MIA Order 261 (as amended by 923), licence rules §8 second indent; training-centre and national-company rules §8; APPC art. 73; spec C6';

/**
 * C6 — the right to be heard before a refusal. Called with the caller's `clerkGroup`, `headGroup`,
 * `refusalGrounds` and the deadlines `deadlineHearingNotice` / `deadlineHearing`.
 */
export function hearing(): Diagram {
  const d = new Diagram({
    processId: 'hearing',
    name: 'Hearing before a refusal',
    doc: `${C6}. Preliminary decision to refuse, notice of the time and place (method) of the hearing, the applicant's positions (all kept, applicantPositions), hearing record at the announced time and the final decision hearingOutcome ('refusal-confirmed' | 'position-accepted').`,
  });
  const p = d.root;
  d.message('applicant-position-submitted', CORRELATION);
  d.error('HEARING_TIME_INVALID', 'Hearing time outside the allowed window');
  const start = p.start('Start_HearingRequired', {
    name: 'Grounds for refusal found',
    doc: `${C6}. Started by the service process when the study found refusal grounds.`,
    at: [0, 0],
  });
  const rep = report(p, 'Task_ReportHearingStarted', 'hearing', [1, 0], 'Record the hearing stage');
  const prelim = p.user('Task_PreparePreliminaryDecision', {
    name: 'Prepare the preliminary decision and hearing notice',
    doc: `${C6}. The clerk states the grounds and sets the time and place (or method) of the hearing; the notice goes out no later than deadlineHearingNotice ([config] 3 WD before the term ends). A time the check rejects comes back here with hearingTimeError.`,
    at: [2, 0],
    formId: 'preliminary-decision',
    candidateGroups: '=[clerkGroup]',
    dueDate: '=deadlineHearingNotice',
  });
  escalate(p, prelim, {
    step: 'HearingNotice',
    deadline: '=deadlineHearingNotice',
    head: '=headGroup',
    at: [3, 2],
    ref: C6,
  });
  const validate = p.service('Task_ValidateHearingTime', {
    name: 'Check the hearing time',
    doc: `${C6}. The hearing is set at least [config] rules.hearingMinNoticeWd working days after the notice (default 1: the hearing is held within 2 WD of it), on a working day in working hours, and not after deadlineHearing. An invalid time throws HEARING_TIME_INVALID back to the clerk with hearingTimeError (kk/ru).`,
    at: [3, 0],
    type: 'validate-hearing-time',
  });
  const invalid = p.boundary('Boundary_HearingTimeInvalid', validate, {
    name: 'Time not allowed',
    doc: `${C6}. Not a technical failure: the clerk sets another time; hearingTimeError says why (kk/ru).`,
    event: { error: 'HEARING_TIME_INVALID' },
    outputs: [{ source: '=hearingTimeError', target: 'hearingTimeError' }],
  });
  const gen = p.service('Task_GeneratePreliminaryDecision', {
    name: 'Form the preliminary decision',
    doc: `${C6}. The preliminary decision to refuse, with the grounds and the hearing's time and place.`,
    at: [4, 0],
    type: 'generate-document',
    headers: { documentKind: 'preliminary-decision' },
  });
  const deliver = p.service('Task_DeliverPreliminaryDecision', {
    name: 'Send the notice to the personal cabinet',
    doc: `${C6}; spec C7. The notice reaches the applicant's personal cabinet as an EDS-signed e-document.`,
    at: [5, 0],
    type: 'deliver-to-cabinet',
  });
  const notify = p.service('Task_NotifyHearing', {
    name: 'Tell the applicant of the hearing',
    doc: `${C6}. Notification of the hearing's time and place (method).`,
    at: [6, 0],
    type: 'notify',
    headers: { template: 'hearing-notice', channel: 'personal-cabinet' },
  });
  const date = p.catchEvent('Event_HearingDateReached', {
    name: 'Hearing date reached',
    doc: `${C6}. The hearing is held at the announced time hearingAt (ISO instant with offset), not earlier, even when the applicant's position arrives before it.`,
    at: [7, 0],
    event: { timeDate: '=hearingAt' },
  });
  const record = p.user('Task_RecordHearing', {
    name: 'Hold the hearing and record it',
    doc: `${C6}. The clerk reads every position the applicant sent (applicantPositions, late ones marked) and records the summary and the final decision hearingOutcome; held no later than deadlineHearing ([config] 2 WD after the notice).`,
    at: [8, 0],
    formId: 'hearing-record',
    candidateGroups: '=[clerkGroup]',
    dueDate: '=deadlineHearing',
  });
  escalate(p, record, {
    step: 'Hearing',
    deadline: '=deadlineHearing',
    head: '=headGroup',
    at: [9, 2],
    ref: C6,
  });
  const genRecord = p.service('Task_GenerateHearingRecord', {
    name: 'Form the hearing record',
    doc: `${C6}. The record of the hearing is kept with the application.`,
    at: [9, 0],
    type: 'generate-document',
    headers: { documentKind: 'hearing-record', resultVariable: 'hearingRecordDocument' },
  });
  const held = report(p, 'Task_ReportHearingHeld', 'hearing-held', [10, 0], 'Record the hearing held');
  const end = p.end('End_HearingConcluded', {
    name: 'Hearing concluded',
    doc: `${C6}. hearingOutcome and applicantPositions go back to the service process.`,
    at: [11, 0],
  });
  // The first preparation and a rejected hearing time meet at a merge (a task does not join flows).
  const again = p.xor('Gateway_PrepareHearing', { name: '', doc: C6, at: [1.5, 0] });
  p.chain(start, rep, again, prelim, validate, gen, deliver, notify, date, record, genRecord, held, end);
  p.flow(invalid, again, { lane: 1 });

  // Every position is kept, whenever it comes: a non-interrupting event sub-process appends it.
  const positions = p.sub(
    'SubProcess_PositionReceived',
    {
      name: 'Position received',
      doc: `${C6}. The applicant may send several positions, each with its attachments; none replaces another. One sent after the hearing time is kept too, marked late.`,
    },
    true,
  );
  const posStart = positions.start('Start_PositionReceived', {
    name: 'Applicant sent a position',
    doc: `${C6}. Portal message applicant-position-submitted (correlation applicationNumber) carrying applicantPosition, applicantPositionAttachments and applicantPositionSubmittedAt.`,
    at: [2, 4],
    event: { message: 'applicant-position-submitted' },
    interrupting: false,
  });
  const keep = positions.script('Task_KeepPosition', {
    name: 'Keep the position',
    doc: `${C6}. Appends {text, attachments, submittedAt, late} to applicantPositions; late when sent at or after hearingAt.`,
    at: [3, 4],
    script: {
      expression:
        '=append(if applicantPositions = null then [] else applicantPositions, {text: if applicantPosition = null then "" else applicantPosition, attachments: if applicantPositionAttachments = null then [] else applicantPositionAttachments, submittedAt: applicantPositionSubmittedAt, late: hearingAt != null and applicantPositionSubmittedAt != null and date and time(applicantPositionSubmittedAt) >= date and time(hearingAt)})',
      resultVariable: 'applicantPositions',
    },
  });
  const posEnd = positions.end('End_PositionKept', {
    name: 'Position kept',
    doc: `${C6}. The hearing-record form lists it.`,
    at: [4, 4],
  });
  positions.chain(posStart, keep, posEnd);
  return d;
}

const C7 = 'MIA Order 261 (as amended by 923), licence rules §9; Order 138 Annex 2 row 7; spec C7';
const C7_ANNEX =
  'MIA Order 261 (as amended by 923), licence rules §2, §9–§11, Annexes 4–5 (licence and/or annex)';

/**
 * C7 — the result (or a refusal) is formed in E-licensing, signed by the head (the Minister for
 * service C) and sent to the personal cabinet. Reads `resultKind`, `signerGroup`, `headGroup`,
 * `deadlineDelivery`; returns `decision` ('approve' | 'refuse') and `resultDocument`.
 */
export function deliverResult(): Diagram {
  const d = new Diagram({
    processId: 'deliver-result',
    name: 'Form, sign and deliver the result',
    doc: `${C7}. resultKind: permit | licence | consent-letter | refusal | refusal-further-consideration | ministers-order (agreed by the experts after the draft's expertise).`,
  });
  const p = d.root;
  const start = p.start('Start_ResultToDeliver', {
    name: 'Result to deliver',
    doc: `${C7}. Started by a service process with resultKind.`,
    at: [0, 0],
  });
  const rep = report(p, 'Task_ReportResultForming', 'result-forming', [1, 0], 'Record the result stage');
  const kind = p.xor('Gateway_ResultKind', {
    name: 'Which result?',
    doc: `${C7}. Each kind of result is formed from its own template in E-licensing.`,
    at: [2, 0],
  });
  const join = p.xor('Gateway_ResultFormed', { name: '', doc: C7, at: [4, 0] });
  const kinds: Array<[string, string, string, number, string]> = [
    [
      'Task_FormPermit',
      'permit',
      'Form the permit in E-licensing',
      -2,
      'Order 138 Annex 2 row 7: the permit',
    ],
    [
      'Task_FormLicence',
      'licence',
      'Form the licence in E-licensing',
      -1,
      'MIA Order 261 (as amended by 923), licence rules §9–§11, List row 5: licence, re-issued licence or duplicate',
    ],
    [
      'Task_FormMinistersOrder',
      'ministers-order',
      "Form the Minister's order",
      0,
      "MIA Order 261 (as amended by 923), training-centre rules §10: the Minister's order, agreed after the experts' conclusions",
    ],
    [
      'Task_FormConsentLetter',
      'consent-letter',
      'Form the consent letter',
      1,
      'MIA Order 261 (as amended by 923), national-company rules §10: the consent letter',
    ],
    [
      'Task_FormRefusal',
      'refusal',
      'Form the motivated refusal',
      2,
      'MIA Order 261 (as amended by 923), licence rules §8–§11; Order 138 Annex 2 rows 7, 11: motivated refusal',
    ],
    [
      'Task_FormRefusalFurtherConsideration',
      'refusal-further-consideration',
      'Form the refusal of further consideration',
      3,
      'MIA Order 261 (as amended by 923), licence rules §7, training-centre and national-company rules §7; spec C5',
    ],
  ];
  for (const [id, documentKind, name, row, ref] of kinds) {
    p.service(id, {
      name,
      doc: `${ref}. Formed in the "E-licensing" state database (C7).`,
      at: [3, row],
      type: 'generate-document',
      headers: { documentKind },
    });
    if (documentKind === 'licence') {
      // Order 923 licence rules §2, §10, §11; Annexes 4–5: the annex (sub-type, places of activity)
      // is a result document of its own: formed with the licence, or alone when only it is requested.
      p.flow(kind, id, {
        name: documentKind,
        condition: '=resultKind = "licence" and licenceDocuments != "annex"',
      });
      const annexWanted = p.xor('Gateway_AnnexRequested', {
        name: 'Annex requested too?',
        doc: `${C7_ANNEX}. Issued with the licence unless only the licence is requested.`,
        at: [3.5, row],
      });
      const annex = p.service('Task_FormLicenceAnnex', {
        name: 'Form the annex to the licence',
        doc: `${C7_ANNEX}. Formed in the "E-licensing" state database (C7) beside the licence (annexDocument).`,
        at: [3.9, -3],
        type: 'generate-document',
        headers: { documentKind: 'licence-annex', resultVariable: 'annexDocument' },
        // A new licence's number is the one just formed; the annex names it.
        inputs: [
          {
            source: '=if licenceNumber = null then resultDocument.number else licenceNumber',
            target: 'licenceNumber',
          },
        ],
      });
      const annexAlone = p.service('Task_FormLicenceAnnexAlone', {
        name: 'Form the annex alone',
        doc: `${C7_ANNEX}. Only the annex is requested (licenceDocuments = annex): it is the result.`,
        at: [3, -3],
        type: 'generate-document',
        headers: { documentKind: 'licence-annex' },
      });
      p.flow(kind, annexAlone, {
        name: 'annex alone',
        condition: '=resultKind = "licence" and licenceDocuments = "annex"',
      });
      p.flow(annexAlone, join);
      p.flow(id, annexWanted);
      p.flow(annexWanted, annex, { name: 'with the annex', condition: '=licenceDocuments != "licence"' });
      p.flow(annexWanted, join, { name: 'licence alone', isDefault: true });
      p.flow(annex, join);
      continue;
    }
    p.flow(kind, id, { name: documentKind, condition: `=resultKind = "${documentKind}"` });
    p.flow(id, join);
  }
  const sign = p.user('Task_SignResult', {
    name: 'Sign the result',
    doc: `${C7}. The head of the provider (the Minister for service C) signs with EDS, or refuses to sign and returns it with remarks.`,
    at: [5, 0],
    formId: 'signature',
    candidateGroups: '=[signerGroup]',
    dueDate: '=deadlineDelivery',
    priority: 80,
  });
  escalate(p, sign, {
    step: 'Signature',
    deadline: '=deadlineDelivery',
    head: '=headGroup',
    at: [6, 1],
    ref: C7,
  });
  const signed = p.xor('Gateway_Signed', { name: 'Signed?', doc: C7, at: [6, 0] });
  const issue = p.service('Task_IssueSignedResult', {
    name: 'Date the result with its signing',
    doc: `${C7}. The result is formed again with the signer's name and the signing time (signedAt, taken when the signature is given) as its date of issue; the unsigned draft says the date is set on signing.`,
    at: [8, 0],
    type: 'generate-document',
    // The kind of the draft the head signed: the licence, or the annex when only it was requested.
    headers: { documentKindVariable: 'signedDocumentKind' },
    inputs: [
      { source: '=now()', target: 'signedAt' },
      { source: '=resultDocument.kind', target: 'signedDocumentKind' },
    ],
    outputs: [
      { source: '=signedAt', target: 'signedAt' },
      { source: '=resultDocument', target: 'resultDocument' },
    ],
  });
  const cabinet = p.service('Task_DeliverToCabinet', {
    name: 'Send to the personal cabinet',
    doc: `${C7}. The signed e-document (resultDocument) goes to the applicant's personal cabinet.`,
    at: [10, 0],
    type: 'deliver-to-cabinet',
  });
  const notify = p.service('Task_NotifyResultDelivered', {
    name: 'Tell the applicant the result is ready',
    doc: `${C7}. Notice that the result is in the personal cabinet.`,
    at: [11, 0],
    type: 'notify',
    headers: { template: 'result-delivered', channel: 'personal-cabinet' },
  });
  const delivered = report(
    p,
    'Task_ReportResultDelivered',
    'result-delivered',
    [12, 0],
    'Record the result delivered',
  );
  const end = p.end('End_ResultDelivered', { name: 'Result delivered', doc: C7, at: [13, 0] });
  const returned = p.end('End_ReturnedForRevision', {
    name: 'Returned for revision',
    doc: `${C7}. The signer refused to sign; the service process revises the draft.`,
    at: [7, -1],
  });
  p.chain(start, rep, kind);
  p.chain(join, sign, signed);
  // An EDS-signed result was formed for the signature with its signing date (the web app checks
  // the head's signature before the task completes): it is delivered as signed. Without one (a
  // Tasklist completion), the result is formed again with the signing time.
  const withEds = p.xor('Gateway_SignedWithEds', {
    name: 'Signed with EDS?',
    doc: `${C7}. resultSignedWithEds is set when the head's EDS signature on the result was verified.`,
    at: [7, 0],
  });
  p.flow(signed, withEds, { name: 'signed', condition: '=decision = "approve"' });
  // Both ways meet at a merge before the delivery (a task does not join flows).
  const formed = p.xor('Gateway_SignedResultReady', { name: '', doc: C7, at: [9, 0] });
  p.flow(withEds, formed, { name: 'EDS-signed', condition: '=resultSignedWithEds = true', lane: -0.6 });
  p.flow(withEds, issue, { name: 'form with the signing date', isDefault: true });
  p.chain(issue, formed, cabinet);
  p.flow(signed, returned, { name: 'returned', isDefault: true });
  p.chain(cabinet, notify, delivered, end);
  return d;
}

const C11 = 'Order 138 §9 part two; Law on public services art. 25 §2; spec C11';

/** C11 — a complaint is reviewed within 5 working days of its registration. */
export function complaint(): Diagram {
  const d = new Diagram({
    processId: 'complaint',
    name: 'Complaint review',
    doc: `${C11}. Started by the portal message complaint-filed with applicationNumber, serviceId, registeredOn (of the complaint) and complaint.`,
  });
  const p = d.root;
  d.message('complaint-filed');
  const start = p.start('Start_ComplaintFiled', {
    name: 'Complaint filed',
    doc: `${C11}. Message complaint-filed from the portal.`,
    at: [0, 0],
    event: { message: 'complaint-filed' },
  });
  const route = p.script('Task_RouteComplaint', {
    name: "Route to the provider's head",
    doc: `${C11}. A complaint is addressed to the provider; its head reviews it.`,
    at: [1, 0],
    script: {
      expression:
        '=if serviceId = "fire-automation-permit" then "fire-head" else if serviceId = "security-licence" then "police-head" else "mia-head"',
      resultVariable: 'reviewerGroup',
    },
  });
  const compute = p.service('Task_ComputeComplaintDeadline', {
    name: 'Compute the review term',
    doc: `${C11}; spec C4. 5 working days from the complaint's registration (deadlineComplaintReview).`,
    at: [2, 0],
    type: 'compute-deadlines',
    inputs: [{ source: lit('complaint'), target: 'requestKind' }],
  });
  const rep = report(
    p,
    'Task_ReportComplaintRegistered',
    'complaint-review',
    [3, 0],
    'Record the complaint stage',
  );
  const review = p.user('Task_ReviewComplaint', {
    name: 'Review the complaint',
    doc: `${C11}. Review within 5 WD; the answer states whether the complaint is upheld and what follows.`,
    at: [4, 0],
    formId: 'complaint-review',
    candidateGroups: '=[reviewerGroup]',
    dueDate: '=deadlineComplaintReview',
    priority: 80,
  });
  escalate(p, review, {
    step: 'ComplaintReview',
    deadline: '=deadlineComplaintReview',
    head: '=reviewerGroup',
    at: [5, 1],
    ref: C11,
  });
  const gen = p.service('Task_GenerateComplaintAnswer', {
    name: 'Form the answer',
    doc: `${C11}. The answer to the complaint.`,
    at: [5, 0],
    type: 'generate-document',
    headers: { documentKind: 'complaint-answer' },
  });
  const deliver = p.service('Task_DeliverComplaintAnswer', {
    name: 'Send the answer to the personal cabinet',
    doc: `${C11}; spec C7.`,
    at: [6, 0],
    type: 'deliver-to-cabinet',
  });
  const done = report(p, 'Task_ReportComplaintAnswered', 'complaint-answered', [7, 0], 'Record the answer');
  const end = p.end('End_ComplaintAnswered', { name: 'Complaint answered', doc: C11, at: [8, 0] });
  p.chain(start, route, compute, rep, review, gen, deliver, done, end);
  return d;
}

const C12 = 'Order 138 §8; spec C12';

/**
 * C12 — when the fire-permit Rules change, the operator and the 1414 contact centre are told within
 * 3 WD of the amendment's effective date. Started by an operator recording the legal amendment
 * (operations/legal-amendment.ts), never by a deployment; Order 923 (B, C, D) has no such paragraph.
 */
export function rulesChangeNotice(): Diagram {
  const d = new Diagram({
    processId: 'rules-change-notice',
    name: 'Notice of a rules change',
    doc: `${C12}. Started by an operator recording a legal amendment of the fire-automation permit Rules (amendmentId, act, actDate, amendmentEffectiveDate, amendmentChanges).`,
  });
  const p = d.root;
  const start = p.start('Start_AmendmentRecorded', {
    name: 'Legal amendment recorded',
    doc: `${C12}. An operator recorded an amendment of the fire-automation permit Rules: the act, its date, its effective date and what changed. Order 923 (services B, C, D) has no such paragraph.`,
    at: [0, 0],
  });
  const compute = p.service('Task_ComputeNoticeDeadline', {
    name: 'Compute the notice term',
    doc: `${C12}; spec C4. 3 working days from the amendment's effective date (amendmentEffectiveDate), ending 18:30 (deadlineRulesChangeNotice).`,
    at: [1, 0],
    type: 'compute-deadlines',
    headers: { step: 'rulesChangeNotice', workingDays: '3', from: 'amendmentEffectiveDate' },
  });
  const rep = report(p, 'Task_ReportRulesChanged', 'rules-change-notice', [2, 0], 'Record the notice stage');
  const task = p.user('Task_InformOperatorAndContactCentre', {
    name: 'Inform the e-gov operator and the 1414 centre',
    doc: `${C12}. The authorised body in civil protection (Fire Service Committee) informs the e-government operator and the Unified Contact Centre (1414) of the amendment.`,
    at: [3, 0],
    formId: 'rules-change-notice',
    candidateGroups: 'fire-clerks',
    // Not a case: the form shows the amendment itself.
    summary: false,
    dueDate: '=deadlineRulesChangeNotice',
  });
  escalate(p, task, {
    step: 'RulesChangeNotice',
    deadline: '=deadlineRulesChangeNotice',
    head: lit('fire-head'),
    at: [4, 1],
    ref: C12,
  });
  const done = report(p, 'Task_ReportNoticeSent', 'rules-change-notified', [4, 0], 'Record the notice sent');
  const end = p.end('End_OperatorsInformed', { name: 'Operator and 1414 informed', doc: C12, at: [5, 0] });
  p.chain(start, compute, rep, task, done, end);
  return d;
}
