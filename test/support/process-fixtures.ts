/**
 * Fixtures and helpers the process tests (test/process) share: the system's lifecycle, the form
 * variables every service's tasks take in the same shape (completeness, study, signature, hearing),
 * the applicant block of an application, and reads of the simulated systems. What is particular to
 * one service (its checklists, document lists, texts) stays in that service's test file.
 */
import { buildDocument, factsFromVariables, type DocumentKind } from '../../domain/documents';
import { fixtures, type CompanyFixture, type SpecialistFixture } from '../../simulators';
import { NOW } from './engine-harness';
import {
  completeTask,
  describeState,
  startTestSystem,
  TestSystem,
  variablesOf,
  waitFor,
  waitForEnd,
  waitForTask,
} from './system-harness';

// What a process test takes from the harnesses, so that it imports from this one module.
export { NOW } from './engine-harness';
export {
  completeTask,
  describeState,
  endEventOf,
  incidentsOf,
  variablesOf,
  waitFor,
  waitForEnd,
  waitForTask,
} from './system-harness';

/** Monday 2 March 2026, 10:00 in Astana: a working day. */
export const MONDAY = '2026-03-02T10:00:00+05:00';

/**
 * Starts the system for the tests of the enclosing `describe` (engine clock pinned at `at`) and
 * stops it after them. Call it where `let sys` and the `beforeAll`/`afterAll` pair would stand; the
 * returned handle reads the started system, so it may be used in tests and hooks, not while defining them.
 */
export function testSystemAt(at: string): TestSystem {
  let started: TestSystem | undefined;
  beforeAll(async () => {
    started = await startTestSystem(at);
  }, 60_000);
  afterAll(() => started?.stop());
  return new Proxy({} as TestSystem, {
    get(_target, property) {
      if (!started) throw new Error(`the test system is not started (reading ${String(property)})`);
      return started[property as keyof TestSystem];
    },
  });
}

// --- The applicant ---------------------------------------------------------------------------------

/** The identity of a seeded company, as a simulator fixture gives it. */
export type Company = Pick<CompanyFixture, 'bin' | 'name' | 'headIin' | 'headFullName'>;

/** Where the fire-automation installer of service A (the `fixtures.fire` companies) is based. */
export const FIRE_INSTALLER_LOCATION = 'Алматы қ., Абай даңғылы, 150/230';
/** Where the training centre of service C (the `fixtures.training` companies) is based. */
export const TRAINING_CENTRE_LOCATION = 'Шымкент, Әл-Фараби ауданы, Байтұрсынов көшесі, 12';

/** The `applicant` block of an application from a seeded company. */
export function applicantOf(company: Company, location: string) {
  return {
    bin: company.bin,
    name: company.name,
    headIin: company.headIin,
    headFullName: company.headFullName,
    location,
  };
}

/** Submits an application through the intake, expects it registered, and returns its process instance key. */
type FireCompany = (typeof fixtures.fire)[keyof typeof fixtures.fire];
const CLEARANCE: Record<SpecialistFixture['electricalClearanceGroup'], number> = { III: 3, IV: 4, V: 5 };

/** A service A application of a seeded installer, as the portal sends it (Order 138 Annex 2 row 10). */
export function permitApplication(
  applicationNumber: string,
  company: FireCompany = fixtures.fire.approved,
  extra: Record<string, unknown> = {},
) {
  return {
    applicationNumber,
    serviceId: 'fire-automation-permit',
    applicant: {
      ...applicantOf(company, FIRE_INSTALLER_LOCATION),
      registrationCertificate: { number: '10100-1910-ТОО', date: '2016-05-17' },
    },
    consentToRestrictedData: true,
    attachments: [
      { kind: 'application-form', fileName: 'otinish.pdf' },
      { kind: 'specialists-documents', fileName: 'mamandar.pdf' },
      { kind: 'employment-contracts', fileName: 'enbek-sharttary.pdf' },
    ],
    specialists: company.specialists.map((s) => ({
      iin: s.iin,
      fullName: s.fullName,
      electricalClearanceGroup: CLEARANCE[s.electricalClearanceGroup],
    })),
    measuringInstruments: [
      { name: 'Мегаомметр ЭС0202/2-Г', serialNumber: 'MO-21-0457', verifiedUntil: '2026-11-30' },
    ],
    ...extra,
  };
}

export async function submitApplication(sys: TestSystem, application: object): Promise<string> {
  const submitted = await sys.intake.submit(application);
  expect(submitted.status).toBe(201);
  return submitted.application.processInstanceKey!;
}

/** Starts a process directly, as a call activity would with `variables`; returns its instance key. */
export async function startProcess(
  sys: TestSystem,
  processDefinitionId: string,
  variables: Record<string, unknown>,
): Promise<string> {
  const created = await sys.client.createProcessInstance({ processDefinitionId, variables } as any);
  return String(created.processInstanceKey);
}

// --- Task forms ------------------------------------------------------------------------------------

/** `Task_CheckCompleteness`: the package is complete and in date. */
export const COMPLETE = { documentsComplete: true, documentsExpired: false };

/** `Task_CheckCompleteness`: the package is complete, with the service's checklist ticked. */
export function completeWith(checklist: Record<string, boolean>) {
  return { ...COMPLETE, ...checklist };
}

/** `Task_CheckCompleteness`: the package is incomplete for `incompletenessReason`, with the service's checklist. */
export function incomplete(incompletenessReason: string, checklist: Record<string, boolean> = {}) {
  return { documentsComplete: false, documentsExpired: false, ...checklist, incompletenessReason };
}

/** `Task_StudyCompliance`: no grounds for refusal. */
export const NO_GROUNDS = { groundsFound: false, refusalGrounds: [] };

/** `Task_StudyCompliance`: grounds for refusal found (catalogue codes), with the clerk's notes if any. */
export function groundsFound(refusalGrounds: string[], studyNotes?: string) {
  return { groundsFound: true, refusalGrounds, ...(studyNotes === undefined ? {} : { studyNotes }) };
}

/** Who signs a result (`Task_SignResult`). */
export interface Signer {
  signerName: string;
}

/** The Minister of Internal Affairs, who signs the orders of service C. */
export const MINISTER: Signer = { signerName: 'Ахметжанов Марат Мұратұлы' };
/** The head of the Ministry of Internal Affairs department (`mia-head`). */
export const MIA_HEAD: Signer = { signerName: 'Оспанов Серік Болатұлы' };
/** The head of the police department that licenses security activity (service B). */
export const POLICE_HEAD: Signer = { signerName: 'Әбілов Марат' };

/** `Task_SignResult`: `by` approves and signs the result. */
export function signed(by: Signer) {
  return { decision: 'approve', ...by };
}

/** `Task_SignResult`: `by` refuses to sign and returns the draft with `signatureRemarks`. */
export function refusedToSign(by: Signer, signatureRemarks: string) {
  return { decision: 'refuse', ...by, signatureRemarks };
}

export const SIGNED_BY_MINISTER = signed(MINISTER);
export const SIGNED_BY_MIA_HEAD = signed(MIA_HEAD);
export const SIGNED_BY_POLICE_HEAD = signed(POLICE_HEAD);

// --- The hearing (C6) ------------------------------------------------------------------------------

export type HearingMethod = 'in-person' | 'video' | 'written';
export type HearingOutcome = 'refusal-confirmed' | 'position-accepted';

/** `Task_PreparePreliminaryDecision`: the preliminary decision and the notice of the hearing. */
export function hearingNotice(
  hearingAt: string,
  hearingMethod: HearingMethod,
  hearingPlace: string,
  preliminaryDecisionText: string,
) {
  return { hearingAt, hearingMethod, hearingPlace, preliminaryDecisionText };
}

/** `Task_RecordHearing`: the record of the hearing. */
export function hearingRecord(
  hearingOutcome: HearingOutcome,
  applicantPositionSummary: string,
  hearingReasons: string,
) {
  return { applicantPositionSummary, hearingOutcome, hearingReasons };
}

/**
 * The hearing of a training centre whose founder has a pending criminal case
 * (`fixtures.training.founderPendingCase`, ground `C_SECURITY_LAW_NON_COMPLIANCE`).
 */
export const FOUNDER_CASE_HEARING = {
  notice: (hearingAt: string) =>
    hearingNotice(
      hearingAt,
      'video',
      'https://meet.mia.gov.kz/hearing',
      'Құрылтайшыға қатысты қылмыстық іс қозғалған: «Күзет қызметі туралы» Заңның талаптарына сәйкес келмейді, бас тарту туралы алдын ала шешім.',
    ),
  /** The applicant's position: the case was closed. */
  position: 'Қылмыстық іс 2026 жылғы 20 ақпанда қысқартылды, қаулы қоса беріледі.',
  /** The record once the position (the case closed) is accepted. */
  positionAccepted: hearingRecord(
    'position-accepted',
    'Құрылтайшыға қатысты қылмыстық іс ақтайтын негізде қысқартылған.',
    'Ұсынылған қаулы негізді жояды; қызмет көрсетіледі.',
  ),
  /** The record of a hearing held at its time without the applicant. */
  heldWithoutPosition: hearingRecord(
    'refusal-confirmed',
    'Өтініш беруші тыңдауға қатысқан жоқ, ұстаным білдірмеді.',
    'Құрылтайшыға қатысты қылмыстық іс қаралуда; негіз жойылмады.',
  ),
};

/** Waits until the application's hearing (its own or called) waits for the announced hearing time. */
async function hearingAwaitsPosition(sys: TestSystem, key: string): Promise<void> {
  await waitFor('the hearing to wait for its time', async () =>
    (await describeState(sys.client, key)).includes('hearing/Event_HearingDateReached') ? true : undefined,
  );
}

/**
 * The clerk completes `Task_PreparePreliminaryDecision` with `notice` (see `hearingNotice`); returns
 * once the notice is out and the hearing waits for its announced time.
 */
export async function sendHearingNotice(
  sys: TestSystem,
  key: string,
  notice: ReturnType<typeof hearingNotice>,
): Promise<void> {
  await completeTask(sys.client, key, 'Task_PreparePreliminaryDecision', notice);
  await hearingAwaitsPosition(sys, key);
}

/**
 * C6: the hearing record opens at the announced time, never before. Moves the shared clock to
 * `hearingAt`, waits for `Task_RecordHearing`, then sets the clock back to where it was, so that the
 * other scenarios of the file keep the dates they assert. Returns the record task.
 */
export async function holdHearingAt(sys: TestSystem, key: string, hearingAt: string): Promise<any> {
  const before = sys.clock.now().toISOString();
  await sys.setTime(hearingAt);
  const record = await waitForTask(sys.client, key, 'Task_RecordHearing');
  await sys.setTime(before);
  return record;
}

/** The Russian text of a document of `kind` as built from the process's variables (title, sections, tables). */
export function documentTextRu(
  kind: DocumentKind,
  vars: Record<string, unknown>,
  documentDate: Date,
): string {
  const content = buildDocument(
    kind,
    { ...factsFromVariables(vars), documentDate: documentDate.toISOString() },
    'ru',
  );
  return [
    content.title,
    ...content.sections.flatMap((s) => [
      s.heading ?? '',
      ...s.paragraphs,
      ...(s.table?.rows ?? []).map((r) => r.join(': ')),
    ]),
    ...content.legalBasis,
  ].join('\n');
}

// --- The process instance --------------------------------------------------------------------------

/**
 * The element ids of the instance's own element instances (not those of called processes), in the
 * engine's order; `filter` narrows them (`state`, `type`, `elementId`).
 */
export async function elementIdsOf(
  sys: TestSystem,
  key: string,
  filter: Record<string, unknown> = {},
): Promise<string[]> {
  const page = await sys.client.searchElementInstances(
    { filter: { processInstanceKey: key, ...filter }, page: { limit: 1000 } } as any,
    NOW,
  );
  return (page.items as any[]).map((e) => e.elementId);
}

/** Waits until `<term>DeadlineBreached` is recorded on the instance (e.g. `serviceTerm`, `completeness`). */
export async function breachRecorded(sys: TestSystem, key: string, term: string): Promise<true> {
  return waitFor(`the ${term} breach to be recorded`, async () =>
    (await variablesOf(sys.client, key))[`${term}DeadlineBreached`] === true ? true : undefined,
  );
}

/** Tells the application that the working-day calendar was revised, as the operator's revision does. */
export async function publishCalendarRevised(
  sys: TestSystem,
  applicationNumber: string,
  variables: Record<string, unknown> = {},
): Promise<void> {
  await sys.client.publishMessage({
    name: 'calendar-revised',
    correlationKey: applicationNumber,
    timeToLive: 0,
    variables,
  } as any);
}

/**
 * Spec C3 re-arm during the study (completeness already recorded by the caller, with its own
 * service's checklist): a calendar revision re-offers the study task with its due date
 * recomputed, completeness is not checked again, the revision is reported, and the application is
 * then withdrawn so its own escalations stay out of later tests.
 */
export async function expectStudyReArmedByRevision(
  sys: TestSystem,
  key: string,
  number: string,
): Promise<void> {
  const before = await waitForTask(sys.client, key, 'Task_StudyCompliance');
  await publishCalendarRevised(sys, number);
  const after = await waitForReplacedTask(sys, key, 'Task_StudyCompliance', before);
  expect(Date.parse(after.dueDate)).toBe(Date.parse(before.dueDate));
  expect(await describeState(sys.client, key)).not.toContain('Task_CheckCompleteness');
  const events = await monitoringEvents(sys, number);
  expect(events.filter((e: any) => e.stage === 'completeness-check')).toHaveLength(1);
  expect(events.some((e: any) => e.stage === 'calendar-revised')).toBe(true);
  await sys.client.cancelProcessInstance({ processInstanceKey: key } as any);
  await waitForEnd(sys.client, key);
}

/** Waits for the open task at `elementId` to be a new one, replacing `previous` (a re-armed task). */
export async function waitForReplacedTask(
  sys: TestSystem,
  key: string,
  elementId: string,
  previous: { userTaskKey: string },
): Promise<any> {
  return waitFor(`${elementId} to be offered again`, async () => {
    const task = await waitForTask(sys.client, key, elementId);
    return task.userTaskKey !== previous.userTaskKey ? task : undefined;
  });
}

// --- The simulated systems -------------------------------------------------------------------------

/** GETs `url` and returns its JSON body; a failed response throws. */
export async function json(url: string): Promise<any> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

/** The messages in the personal cabinet of `bin`, only those of `applicationNumber` if it is given. */
export async function cabinetMessages(
  sys: TestSystem,
  bin: string,
  applicationNumber?: string,
): Promise<any[]> {
  const all: any[] = await json(`${sys.simulatorsUrl}/cabinet/${bin}/messages`);
  return applicationNumber === undefined ? all : all.filter((m) => m.applicationNumber === applicationNumber);
}

/** The events the monitoring system received about an application. */
export async function monitoringEvents(sys: TestSystem, applicationNumber: string): Promise<any[]> {
  return json(`${sys.simulatorsUrl}/monitoring/events?applicationNumber=${applicationNumber}`);
}

/** The stages of those events, in the order they arrived. */
export async function monitoringStages(sys: TestSystem, applicationNumber: string): Promise<string[]> {
  return (await monitoringEvents(sys, applicationNumber)).map((e) => e.stage);
}

/** The records E-licensing holds for an application. */
export async function eLicensingRecords(sys: TestSystem, applicationNumber: string): Promise<any[]> {
  return json(`${sys.simulatorsUrl}/e-licensing/records?applicationNumber=${applicationNumber}`);
}
