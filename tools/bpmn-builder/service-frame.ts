import { RULES_FROM, versionTagFor } from '../../domain/rules/rule-versions';
import type { ServiceId } from '../../domain/services';
import { Diagram, pascal, type Mapping, type Scope } from './builder';
import { CORRELATION, escalate, lit, report } from './patterns';

export interface Groups {
  clerks: string;
  head: string;
}

export interface FrameOpts {
  processId: string;
  name: string;
  /** Legal basis of the whole procedure. */
  ref: string;
  groups: Groups;
  /** Result kinds the outer gateway tells apart (the default one is the approval). */
  approvalKind: string;
  approvalEndName: string;
  /** Builds the watched stage; returns the last column and the lowest row it used. */
  stage(s: Scope): { lastCol: number; bottomRow: number };
}

/**
 * The frame every service shares: deadlines computed at registration, the watched stage as an
 * embedded sub-process, the overall term on a non-interrupting timer boundary, re-arming on a
 * calendar revision, and the outcome routed to end events named for it.
 *
 * Re-arming: Zeebe cannot move a running timer, so a `calendar-revised` message interrupts the
 * stage, the deadlines are recomputed and the stage is entered again; work already recorded in
 * process variables (the completeness decision) is not repeated — see docs/process-variables.md.
 */
export function serviceFrame(o: FrameOpts): Diagram {
  const d = new Diagram({
    processId: o.processId,
    name: o.name,
    doc: `${o.ref}. Runs one application from registration to the result in the personal cabinet.`,
    // Spec C13: intake starts the version whose rules are in force on the registration day.
    versionTag: versionTagFor(RULES_FROM[o.processId as ServiceId]),
  });
  const p = d.root;
  d.message('calendar-revised', CORRELATION);
  const start = p.start('Start_ApplicationRegistered', {
    name: 'Application registered',
    doc: `${o.ref}; spec C1, C2, C13. Started by intake once the EDS-signed application is registered (registeredOn) under the rules version in force that day.`,
    at: [0, 0],
  });
  const compute = p.service('Task_ComputeDeadlines', {
    name: 'Compute the legal terms',
    doc: `${o.ref}; spec C3, C4. Every step's deadline (deadlineCompleteness … deadlineTotal) as an instant at 18:30 +05:00 of the n-th working day.`,
    at: [1, 0],
    type: 'compute-deadlines',
  });
  const registered = report(p, 'Task_ReportRegistered', 'registered', [2, 0], 'Record the registration');
  const enter = p.xor('Gateway_EnterReview', {
    name: '',
    doc: `${o.ref}. The stage is entered at registration and again after a calendar revision.`,
    at: [3, 0],
  });
  const stage = p.sub('SubProcess_Review', {
    name: 'Review within the legal term',
    doc: `${o.ref}. The watched stage: its overall term (deadlineTotal) is watched on the boundary; a calendar revision re-arms every timer inside.`,
  });
  const { lastCol, bottomRow } = o.stage(stage);

  escalate(p, 'SubProcess_Review', {
    step: 'ServiceTerm',
    deadline: '=deadlineTotal',
    head: lit(o.groups.head),
    at: [lastCol + 2, bottomRow + 2],
    ref: `${o.ref}; overall term of the service`,
  });
  const revised = p.boundary('Boundary_CalendarRevised', 'SubProcess_Review', {
    name: 'Calendar revised',
    doc: `Spec C3, C4: a change of the working-day calendar (a holiday moved by government decree) changes running terms. Message calendar-revised (correlation applicationNumber) interrupts the stage so that its timers are re-armed.`,
    event: { message: 'calendar-revised' },
    interrupting: true,
  });
  const recompute = p.service('Task_RecomputeDeadlines', {
    name: 'Recompute the legal terms',
    doc: 'Spec C4. The same computation as at registration, on the revised calendar.',
    at: [lastCol + 2, bottomRow + 4],
    type: 'compute-deadlines',
  });
  const revisedReport = report(
    p,
    'Task_ReportCalendarRevised',
    'calendar-revised',
    [lastCol + 3, bottomRow + 4],
    'Record the revised terms',
  );
  p.chain(start, compute, registered, enter, 'SubProcess_Review');
  p.chain(revised, recompute, revisedReport);
  p.flow(revisedReport, enter, { lane: bottomRow + 5 });

  const outcome = p.xor('Gateway_Outcome', {
    name: 'Outcome?',
    doc: `${o.ref}; spec C5, C7. The kind of result delivered.`,
    at: [lastCol + 2, 0],
  });
  const rfc = p.end('End_FurtherConsiderationRefused', {
    name: 'Further consideration refused',
    doc: `${o.ref}; spec C5. Incomplete package or expired documents: motivated refusal of further consideration sent to the personal cabinet.`,
    at: [lastCol + 3, -1],
  });
  const refused = p.end('End_ServiceRefused', {
    name: 'Service refused',
    doc: `${o.ref}; spec C6, C7. Motivated refusal after the hearing (or from the review where the rules allow).`,
    at: [lastCol + 3, 1],
  });
  const granted = p.end(`End_${pascal(o.approvalEndName)}`, {
    name: o.approvalEndName,
    doc: `${o.ref}; spec C7. The result is in the personal cabinet.`,
    at: [lastCol + 3, 0],
  });
  p.flow('SubProcess_Review', outcome);
  p.flow(outcome, rfc, {
    name: 'refusal of further consideration',
    condition: '=deliveredResultKind = "refusal-further-consideration"',
  });
  p.flow(outcome, refused, { name: 'refusal', condition: '=deliveredResultKind = "refusal"' });
  p.flow(outcome, granted, { name: o.approvalKind, isDefault: true });
  latePositions(p, o.ref, bottomRow + 7);
  return d;
}

/**
 * Spec C6 (Order 923 §8; APPC art. 73): a position the applicant sends after the hearing process
 * has ended is not lost: it joins applicantPositions (returned by Call_Hearing), marked late. While
 * the hearing runs, it keeps the positions itself; a position sent before it starts reaches it as a
 * buffered message.
 */
function latePositions(p: Scope, ref: string, row: number): void {
  p.diagram.message('applicant-position-submitted', CORRELATION);
  const sub = p.sub(
    'SubProcess_LatePosition',
    {
      name: 'Position after the hearing',
      doc: `${ref}; spec C6. A position that arrives once the hearing is over is kept, marked late.`,
    },
    true,
  );
  const start = sub.start('Start_LatePositionReceived', {
    name: 'Applicant sent a position',
    doc: `${ref}; spec C6. Portal message applicant-position-submitted (correlation applicationNumber).`,
    at: [2, row],
    event: { message: 'applicant-position-submitted' },
    interrupting: false,
  });
  const held = sub.xor('Gateway_HearingAlreadyHeld', {
    name: 'Hearing already held?',
    doc: `${ref}; spec C6. Before and during the hearing the hearing process keeps the position.`,
    at: [3, row],
  });
  const keep = sub.script('Task_KeepLatePosition', {
    name: 'Keep the late position',
    doc: `${ref}; spec C6. Appends {text, attachments, submittedAt, late: true} to applicantPositions.`,
    at: [4, row],
    script: {
      expression:
        '=append(if applicantPositions = null then [] else applicantPositions, {text: if applicantPosition = null then "" else applicantPosition, attachments: if applicantPositionAttachments = null then [] else applicantPositionAttachments, submittedAt: applicantPositionSubmittedAt, late: true})',
      resultVariable: 'applicantPositions',
    },
  });
  const kept = sub.end('End_LatePositionKept', {
    name: 'Position kept',
    doc: `${ref}; spec C6.`,
    at: [5, row],
  });
  const left = sub.end('End_PositionLeftToHearing', {
    name: 'Kept by the hearing',
    doc: `${ref}; spec C6. The hearing process (running or about to start) keeps it.`,
    at: [4, row + 1],
  });
  sub.chain(start, held);
  sub.flow(held, keep, { name: 'held', condition: '=hearingOutcome != null' });
  sub.flow(held, left, { name: 'not yet', isDefault: true });
  sub.chain(keep, kept);
}

/** The instant a step actually ended, recorded when it completes (spec C4: the next term runs from it). */
const endedNow = (target: string): Mapping => ({ source: '=string(now())', target });

/** Records on the engine clock when the step before it ended (spec C4). */
function recordEnd(
  s: Scope,
  id: string,
  o: { target: string; name: string; doc: string; at: [number, number] },
) {
  return s.script(id, {
    name: o.name,
    doc: `${o.doc}; spec C4: the next step's term runs from this instant (${o.target}).`,
    at: o.at,
    script: { expression: '=string(now())', resultVariable: o.target },
  });
}

/**
 * Spec C4: the next step's deadline counted from the actual end of the step before it, with the
 * term the service's rules give that step (compute-deadlines without workingDays).
 */
export function chainedDeadline(
  s: Scope,
  id: string,
  o: { step: string; from: string; name: string; doc: string; at: [number, number] },
): string {
  return s.service(id, {
    name: o.name,
    doc: `${o.doc}; spec C4: the term runs from the actual end of the step before (${o.from}).`,
    at: o.at,
    type: 'compute-deadlines',
    headers: { step: o.step, from: o.from },
  });
}

/**
 * Start of the stage, the resume point and the completeness check (C5). Uses columns 4–9.
 * `alongside` (first and last element of a branch the caller built) runs in parallel with the
 * check, at registration. Once the package is complete the study's deadline is counted from the
 * check's actual end (C4).
 */
export function completeness(
  s: Scope,
  o: { ref: string; groups: Groups; formNote?: string; alongside?: { first: string; last: string } },
): { complete: string; incomplete: string; resumed: string } {
  const start = s.start('Start_Review', { name: 'Review started', doc: o.ref, at: [4, 0] });
  const loop = s.xor('Gateway_StageLoop', {
    name: '',
    doc: `${o.ref}. A draft returned by the signer comes back here.`,
    at: [4.6, 0],
  });
  const resume = s.xor('Gateway_ResumePoint', {
    name: 'Completeness already checked?',
    doc: `${o.ref}. After a calendar revision or a returned signature the stage starts again; a package already found complete is not checked twice.`,
    at: [5.3, 0],
  });
  const rep = report(
    s,
    'Task_ReportCompletenessStage',
    'completeness-check',
    // Beside the registration fork (service B) the record step moves right to leave the fork room.
    [o.alongside ? 6.3 : 6, 0],
    'Record the completeness stage',
  );
  const check = s.user('Task_CheckCompleteness', {
    name: 'Check the completeness of the documents',
    doc: `${o.ref}; spec C5. Complete package and documents in force; otherwise the motivated refusal of further consideration within the same term.${o.formNote ? ' ' + o.formNote : ''}`,
    at: [7, 0],
    formId: 'completeness-check',
    candidateGroups: o.groups.clerks,
    dueDate: '=deadlineCompleteness',
  });
  const checked = recordEnd(s, 'Task_RecordCompletenessEnd', {
    target: 'completenessEndedAt',
    name: 'Record when the check ended',
    doc: `${o.ref}; spec C5`,
    at: [7.5, 1],
  });
  escalate(s, check, {
    step: 'Completeness',
    deadline: '=deadlineCompleteness',
    head: lit(o.groups.head),
    at: [9, 2],
    ref: `${o.ref}; spec C5`,
  });
  const gw = s.xor('Gateway_DocumentsComplete', {
    name: 'Documents complete?',
    doc: `${o.ref}; spec C5.`,
    at: [o.alongside ? 8.25 : 8, 0],
  });
  const after = s.xor('Gateway_CompletenessDone', { name: '', doc: o.ref, at: [9, 0] });
  const studyDue = chainedDeadline(s, 'Task_ComputeStudyDeadline', {
    step: 'study',
    from: 'completenessEndedAt',
    name: "Compute the study's term",
    doc: `${o.ref}. The study's term (deadlineStudy) from the completeness check's actual end`,
    at: [9.6, 1],
  });
  s.chain(start, loop, resume);
  if (o.alongside) {
    const fork = s.and('Gateway_RegistrationFork', {
      doc: `${o.ref}. At registration: the completeness check and the branch that does not wait for it.`,
      at: [5.72, 0],
    });
    const join = s.and('Gateway_RegistrationJoin', { doc: o.ref, at: [7.8, 0] });
    s.flow(resume, fork, { name: 'first check', isDefault: true });
    s.chain(fork, rep, check, checked, join, gw);
    s.flow(fork, o.alongside.first);
    s.flow(o.alongside.last, join);
  } else {
    s.flow(resume, rep, { name: 'first check', isDefault: true });
    s.chain(rep, check, checked, gw);
  }
  s.flow(resume, after, { name: 'already complete', condition: '=documentsComplete = true', lane: 1 });
  s.flow(gw, after, { name: 'complete', condition: '=documentsComplete = true' });
  s.flow(after, studyDue);
  return { complete: studyDue, incomplete: gw, resumed: loop };
}

/** Parallel gateway lookups (C8) in one column, rows from `top` down to 0. */
export function lookups(
  s: Scope,
  col: number,
  ref: string,
  items: Array<{ id: string; type: string; name: string; doc: string; subjects?: string }>,
): { fork: string; join: string } {
  const fork = s.and('Gateway_LookupsFork', {
    doc: `${ref}; spec C8. Facts held by state systems are fetched, not asked of the applicant.`,
    at: [col, 0],
  });
  const join = s.and('Gateway_LookupsJoin', { doc: `${ref}; spec C8.`, at: [col + 2, 0] });
  items.forEach((it, i) => {
    const row = -(items.length - 1) + i;
    s.service(it.id, {
      name: it.name,
      doc: `${ref}; spec C8. ${it.doc}`,
      at: [col + 1, row],
      type: it.type,
      headers: it.subjects ? { subjects: it.subjects } : undefined,
    });
    s.flow(fork, it.id);
    s.flow(it.id, join);
  });
  return { fork, join };
}

/**
 * The end of the stage: the chosen result kind goes to deliver-result; a returned signature
 * restarts the stage from the resume point.
 */
export function deliver(
  s: Scope,
  o: {
    col: number;
    ref: string;
    groups: Groups;
    signer?: string;
    deadlineDelivery: string;
    resumePoint: string;
    backLane: number;
    choices: Array<{ id: string; kind: string; name: string; row: number; doc: string; expression?: string }>;
    /**
     * The two refusals of services A, C and D: confirmed at the hearing (C6, from `afterHearing`)
     * and of further consideration for an incomplete package (C5, the default of `incomplete`).
     */
    refusals?: {
      afterHearing: string;
      incomplete: string;
      docs: { refusal: string; furtherConsideration: string };
    };
  },
): Record<string, string> {
  const join = s.xor('Gateway_ToDelivery', { name: '', doc: o.ref, at: [o.col + 1, 0] });
  const ids: Record<string, string> = {};
  const choices = o.refusals
    ? [
        {
          id: 'Task_ChooseRefusal',
          kind: 'refusal',
          name: 'Result: motivated refusal',
          row: -2,
          doc: o.refusals.docs.refusal,
        },
        ...o.choices,
        {
          id: 'Task_ChooseRefusalFurtherConsideration',
          kind: 'refusal-further-consideration',
          name: 'Result: refusal of further consideration',
          row: 3,
          doc: o.refusals.docs.furtherConsideration,
        },
      ]
    : o.choices;
  for (const c of choices) {
    ids[c.kind] = s.script(c.id, {
      name: c.name,
      doc: `${o.ref}. ${c.doc}`,
      at: [o.col, c.row],
      script: { expression: c.expression ?? lit(c.kind), resultVariable: 'resultKind' },
    });
    s.flow(c.id, join);
  }
  const inputs: Mapping[] = [
    { source: o.signer ?? lit(o.groups.head), target: 'signerGroup' },
    { source: lit(o.groups.head), target: 'headGroup' },
    { source: o.deadlineDelivery, target: 'deadlineDelivery' },
    // A licence's annex is formed afresh in each round: none from a draft returned by the signer.
    { source: '=null', target: 'annexDocument' },
  ];
  const call = s.call('Call_DeliverResult', {
    name: 'Form, sign and deliver the result',
    doc: `${o.ref}; spec C7. Shared procedure deliver-result.`,
    at: [o.col + 2, 0],
    calledProcessId: 'deliver-result',
    inputs,
    outputs: [
      { source: '=decision', target: 'signatureDecision' },
      { source: '=signatureRemarks', target: 'signatureRemarks' },
      { source: '=resultKind', target: 'deliveredResultKind' },
      { source: '=resultDocument', target: 'resultDocument' },
      { source: '=annexDocument', target: 'annexDocument' },
    ],
  });
  const signed = s.xor('Gateway_ResultSigned', {
    name: 'Signed and delivered?',
    doc: `${o.ref}; spec C7.`,
    at: [o.col + 3, 0],
  });
  const end = s.end('End_ReviewCompleted', { name: 'Result delivered', doc: o.ref, at: [o.col + 4, 0] });
  s.chain(join, call, signed);
  s.flow(signed, end, { name: 'delivered', condition: '=signatureDecision = "approve"' });
  s.flow(signed, o.resumePoint, { name: 'returned for revision', isDefault: true, lane: o.backLane });
  if (o.refusals) {
    s.flow(o.refusals.afterHearing, ids.refusal, {
      name: 'refusal confirmed',
      condition: '=hearingOutcome = "refusal-confirmed"',
    });
    s.flow(o.refusals.incomplete, ids['refusal-further-consideration'], {
      name: 'incomplete or expired',
      isDefault: true,
    });
  }
  return ids;
}

/** Hearing call activity (C6) with its inputs and outputs. */
export function hearingCall(
  s: Scope,
  o: { at: [number, number]; ref: string; groups: Groups; refusalGrounds?: string },
): string {
  const inputs: Mapping[] = [
    { source: lit(o.groups.clerks), target: 'clerkGroup' },
    { source: lit(o.groups.head), target: 'headGroup' },
  ];
  if (o.refusalGrounds) inputs.push({ source: o.refusalGrounds, target: 'refusalGrounds' });
  return s.call('Call_Hearing', {
    name: 'Hear the applicant before refusing',
    doc: `${o.ref}; spec C6. Shared procedure hearing: preliminary decision, notice, position, record, final decision.`,
    at: o.at,
    calledProcessId: 'hearing',
    inputs,
    outputs: [
      { source: '=hearingOutcome', target: 'hearingOutcome' },
      { source: '=applicantPositionSummary', target: 'applicantPositionSummary' },
      { source: '=applicantPositions', target: 'applicantPositions' },
      { source: '=hearingRecordDocument', target: 'hearingRecordDocument' },
      // The refusal states that the hearing took place, when, whether a position came and why (C6).
      { source: '=hearingAt', target: 'hearingAt' },
      { source: '=applicantPosition', target: 'applicantPosition' },
      { source: '=hearingReasons', target: 'hearingReasons' },
      endedNow('hearingEndedAt'),
    ],
  });
}

/**
 * FEEL: the application or the automatic checks recorded a refusal ground (`recordedGroundCodes`,
 * written by the case-summary job before the study). Order 138 Annex 2 row 11 and Order 923 List
 * row 9: on such a ground the provider refuses, so the case goes to the hearing (C6) whatever the
 * study form says; it is issued only if the applicant's position is accepted there.
 */
export const RECORDED_GROUNDS = '(recordedGroundCodes != null and count(recordedGroundCodes) > 0)';
/** FEEL: the clerk's grounds and the recorded ones, each once, for the hearing and the refusal. */
export const ALL_GROUNDS =
  '=distinct values(concatenate(if refusalGrounds = null then [] else refusalGrounds, if recordedGroundCodes = null then [] else recordedGroundCodes))';

export function study(
  s: Scope,
  o: { at: [number, number]; ref: string; groups: Groups; deadline: string; escalationAt: [number, number] },
): { task: string; end: string } {
  const id = s.user('Task_StudyCompliance', {
    name: 'Study the documents and check compliance',
    doc: `${o.ref}. The clerk reads the looked-up facts and automatic checks and records groundsFound and refusalGrounds (from the catalogue).`,
    at: o.at,
    // Each service's own study form offers only its own refusal grounds (forms.ts).
    formId: `compliance-study-${s.diagram.opts.processId}`,
    candidateGroups: o.groups.clerks,
    dueDate: o.deadline,
  });
  escalate(s, id, {
    step: 'Study',
    deadline: o.deadline,
    head: lit(o.groups.head),
    at: o.escalationAt,
    ref: o.ref,
  });
  const end = recordEnd(s, 'Task_RecordStudyEnd', {
    target: 'studyEndedAt',
    name: 'Record when the study ended',
    doc: o.ref,
    at: [o.at[0] + 0.5, 1],
  });
  s.flow(id, end);
  return { task: id, end };
}

/**
 * After the lookups of services A, C and D: the study stage is recorded, the clerk studies within
 * `deadline`, and grounds for refusal lead to the hearing (spec C6). "No grounds" and "position
 * accepted" meet at `Gateway_ApprovalPath`; the caller routes `outcome`'s confirmed refusal.
 * `hearingEntry` adds a merge before the hearing for grounds found later (service D).
 */
export function studyAndHearing(
  s: Scope,
  o: {
    col: number;
    groups: Groups;
    deadline: string;
    /** Documentation of each element, as cited in its own service's rules. */
    refs: { study: string; grounds: string; hearing: string; outcome: string; approval: string };
    hearingEntry?: boolean;
    /** C4: the step after the study (its deadline variable `deadline<Step>`) counted from the study's actual end. */
    afterStudy?: { step: string; id: string; name: string; doc: string };
  },
): { report: string; entry?: string; outcome: string; approval: string } {
  const { col, refs } = o;
  const rep = report(
    s,
    'Task_ReportStudyStage',
    'compliance-study',
    [col, 0],
    'Record the compliance study stage',
  );
  const st = study(s, {
    at: [col + 1, 0],
    ref: refs.study,
    groups: o.groups,
    deadline: o.deadline,
    escalationAt: [col + 2, 2],
  });
  const grounds = s.xor('Gateway_GroundsFound', {
    name: 'Grounds for refusal?',
    doc: refs.grounds,
    at: [col + 2, 0],
  });
  const shift = o.hearingEntry ? 1 : 0;
  const entry = o.hearingEntry
    ? s.xor('Gateway_HearingEntry', { name: '', doc: refs.outcome, at: [col + 3, -1] })
    : undefined;
  const hear = hearingCall(s, {
    at: [col + 3 + shift, -1],
    ref: refs.hearing,
    groups: o.groups,
    refusalGrounds: ALL_GROUNDS,
  });
  const outcome = s.xor('Gateway_HearingOutcome', {
    name: 'Refusal confirmed?',
    doc: refs.outcome,
    at: [col + 4 + shift, -1],
  });
  const approval = s.xor('Gateway_ApprovalPath', { name: '', doc: refs.approval, at: [col + 5 + shift, 0] });
  if (o.afterStudy) {
    const next = chainedDeadline(s, o.afterStudy.id, {
      step: o.afterStudy.step,
      from: 'studyEndedAt',
      name: o.afterStudy.name,
      doc: o.afterStudy.doc,
      at: [col + 2.3, 1],
    });
    s.chain(rep, st.task);
    s.chain(st.end, next, grounds);
  } else {
    s.chain(rep, st.task);
    s.flow(st.end, grounds);
  }
  s.flow(grounds, entry ?? hear, {
    name: 'grounds found',
    condition: `=groundsFound = true or ${RECORDED_GROUNDS}`,
  });
  s.flow(grounds, approval, { name: 'no grounds', isDefault: true });
  if (entry) s.flow(entry, hear);
  s.flow(hear, outcome);
  s.flow(outcome, approval, { name: 'position accepted', isDefault: true });
  return { report: rep, entry, outcome, approval };
}

/** Citations of the study in the ministry's rules for services C and D (§8; Annex 1 row 9). */
export const miaStudyRefs = (ref: string) => ({
  study: `${ref} §8 (3 WD, Law on Security Activity)`,
  grounds: `${ref} §8 second indent; Annex 1 row 9 (not restated by order 923).`,
  hearing: `${ref} §8`,
  outcome: `${ref} §8; spec C6.`,
  approval: ref,
});
