/**
 * Browser tests against the real system: embedded engine, deployed diagrams and forms, job workers
 * with the state-system simulators, and the web app, driven by Chromium at 1366x768.
 * Screenshots of each page go to test-artifacts/ (git-ignored).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { Camunda8 } from '@camunda8/sdk';
import { defaultLegalClock } from '../../domain/legal-clock';
import { fixtures } from '../../simulators';
import { fileLicenceFromPage, fillLicenceForm, launch, openPage, shot, signIn } from './support/browser';
import { eventually, field, option } from './support/forms';
import { tabThrough } from './support/keyboard';
import { missingPrerequisite, startSystem, type RunningSystem } from './support/system';

const missing = missingPrerequisite();
if (missing) {
  // Said out loud: a skipped suite must never read as a pass.
  console.warn(`e2e browser tests SKIPPED: ${missing}`);
}
const describeSystem = missing ? describe.skip : describe;

jest.setTimeout(900_000);

/** A company the state-system simulators know: clean records, head with legal education, fee paid. */
const COMPANY = fixtures.licence.approved;
const APPLICANT_BIN = COMPANY.bin;

describeSystem('web app on the real system', () => {
  let system: RunningSystem;
  let browser: Browser;
  const consoleErrors: Record<string, string[]> = {};

  beforeAll(async () => {
    system = await startSystem();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  async function pageAs(
    name: string,
    role: string,
    opts: { unit?: string; bin?: string; lang?: 'kk' | 'ru' } = {},
  ) {
    const p = await openPage(browser, opts.lang);
    consoleErrors[name] = p.consoleErrors;
    await signIn(p.page, system.uiUrl, role, opts);
    return p;
  }

  /** The engine as the SDK sees it, for checks the pages do not show. */
  const engine = () =>
    new Camunda8({
      ZEEBE_REST_ADDRESS: system.engineAddress,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
    }).getOrchestrationClusterApiClient();

  test('a designer opens the form editor', async () => {
    const { page, context } = await pageAs('forms', 'designer');
    await page.goto(`${system.uiUrl}/designer/forms`);
    await page
      .locator('[data-testid=form-editor] .fjs-editor-container, [data-testid=form-editor] .fjs-form-editor')
      .first()
      .waitFor();
    await shot(page, 'form-editor');
    expect(consoleErrors.forms).toEqual([]);
    await context.close();
  });

  test('a licence application goes from the portal through the clerk and the head to a downloadable licence', async () => {
    // Given an applicant signed in with their BIN
    const applicant = await pageAs('portal', 'applicant', { bin: APPLICANT_BIN });
    const { page } = applicant;
    await page.goto(`${system.uiUrl}/portal`);
    await fillLicenceForm(page, COMPANY);
    await shot(page, 'portal-form');
    // When they submit
    await page.click('[data-testid=application-form] button[type=submit]');
    // Then the application is registered and its status shown
    await page.locator('[data-testid=application-status]').waitFor();
    await shot(page, 'portal-status');
    // The number the register issued.
    const number = (await page.locator('[data-testid=application-number]').textContent())!;

    // When the police clerk completes the completeness check
    const clerk = await pageAs('worklist', 'clerk', { unit: 'police' });
    const taskLink = async (p: Page, name: RegExp) =>
      eventually(`a task for ${number}`, async () => {
        await p.goto(`${system.uiUrl}/worklist`);
        const row = p.locator('[data-testid=task-list] tr', { hasText: number }).filter({ hasText: name });
        return (await row.count()) > 0 ? row.first() : undefined;
      });
    const completeTask = async (
      p: Page,
      name: RegExp,
      fill: (p: Page) => Promise<void>,
      shotName: string,
    ) => {
      const row = await taskLink(p, name);
      await row.locator('a').click();
      await p.locator('[data-testid=task-form] .fjs-form').waitFor();
      await p.click('cds-button[data-action=claim]:has-text("Алу")');
      await p.locator('cds-button[data-action=release]:has-text("Қайтару")').waitFor();
      await fill(p);
      await shot(p, shotName);
      await p.click('cds-button[data-action=complete]:has-text("Аяқтау")');
      await p.locator('.detail .ok').waitFor();
    };
    await completeTask(
      clerk.page,
      /.+/,
      async (p) => {
        await field(p, 'completeness-check', 'docApplication').check();
        await field(p, 'completeness-check', 'documentsComplete').check();
      },
      'worklist-completeness',
    );

    // And (after the gateway lookups) the compliance study finds no grounds, and the head signs
    await completeTask(
      clerk.page,
      /.+/,
      async (p) => {
        await field(p, 'compliance-study-security-licence', 'studyNotes').fill(
          'Негіздер табылмады / Оснований для отказа нет',
        );
      },
      'worklist-study',
    );
    const head = await pageAs('head', 'head', { unit: 'police' });
    await completeTask(
      head.page,
      /.+/,
      async (p) => {
        await option(p, 'signature', 'decision', 'approve').check();
        await field(p, 'signature', 'signerName').fill('Нұрланов Ерлан Бекұлы');
      },
      'worklist-sign',
    );

    // Then the applicant downloads the licence from their cabinet
    const link = await eventually('the licence in the personal cabinet', async () => {
      await page.goto(`${system.uiUrl}/portal`);
      await page.click(`text=${number}`);
      const l = page.locator('[data-testid=outcome-documents] a').first();
      return (await l.count()) > 0 ? l : undefined;
    });
    await shot(page, 'portal-licence');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = await download.path();
    expect(readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(consoleErrors.portal).toEqual([]);
    expect(consoleErrors.worklist).toEqual([]);
    await Promise.all([applicant.context.close(), clerk.context.close(), head.context.close()]);
  });

  /** Files a security-licence application for the company through the portal's API, as the browser does. */
  const fileLicenceApplication = (page: Page) =>
    fileLicenceFromPage(page, system.uiUrl, COMPANY, APPLICANT_BIN);

  /** Completes, through the engine, the open user task `elementId` of the application or a process it called. */
  async function completeInEngine(number: string, elementId: string, variables: Record<string, unknown>) {
    const client = engine();
    const task = await eventually(`${elementId} of ${number}`, async () => {
      const tasks = await client.searchUserTasks(
        { filter: { elementId, state: 'CREATED' } as any, page: { limit: 100 } },
        { consistency: { waitUpToMs: 0 } },
      );
      for (const candidate of tasks.items ?? []) {
        const vars = await client.searchVariables(
          { filter: { processInstanceKey: candidate.processInstanceKey, name: 'applicationNumber' } as any },
          { consistency: { waitUpToMs: 0 } },
        );
        if ((vars.items ?? []).some((v: any) => JSON.parse(v.value) === number)) return candidate;
      }
      return undefined;
    });
    await client.completeUserTask({ userTaskKey: task.userTaskKey, variables });
  }

  /** Opens an application in the personal cabinet, reloading until `ready` is on the page. */
  async function openInCabinet(page: Page, number: string, ready: string) {
    return eventually(`${ready} for ${number}`, async () => {
      await page.goto(`${system.uiUrl}/portal`);
      await page.click(`text=${number}`);
      await page.locator('[data-testid=application-status]').waitFor();
      const el = page.locator(ready);
      return (await el.count()) > 0 ? el.first() : undefined;
    });
  }

  test('after a preliminary refusal the applicant states their position for the hearing from the cabinet (C6)', async () => {
    // Given an application in whose study the clerk found a ground for refusal
    const applicant = await pageAs('hearing', 'applicant', { bin: APPLICANT_BIN });
    const { page } = applicant;
    const number = await fileLicenceApplication(page);
    await completeInEngine(number, 'Task_CheckCompleteness', {
      docApplication: true,
      documentsComplete: true,
    });
    await completeInEngine(number, 'Task_StudyCompliance', {
      groundsFound: true,
      refusalGrounds: ['B01_UNRELIABLE_DATA'],
      studyNotes: 'Мәліметтер расталмады / Сведения не подтверждены',
    });
    // And the clerk has issued the preliminary decision with a hearing two working days on, at 11:00
    // (C6: after the minimum notice, in working hours, before the hearing term)
    const today = defaultLegalClock.registrationDate(new Date());
    const hearingAt = `${defaultLegalClock.addWorkingDays(today, 2)}T11:00:00+05:00`;
    await completeInEngine(number, 'Task_PreparePreliminaryDecision', {
      hearingAt,
      hearingMethod: 'video',
      hearingPlace: 'Астана, ПД, 305 каб.',
      preliminaryDecisionText: 'Алдын ала бас тарту / Предварительный отказ',
    });

    // When the applicant opens the application, the notice and the position form are shown
    const card = await openInCabinet(page, number, '[data-testid=hearing-position]');
    await page
      .locator('[data-testid=notices] .title', { hasText: 'Бас тарту туралы алдын ала шешім' })
      .waitFor();
    // An empty position is refused next to the field, in Kazakh
    await card.locator('button[type=submit]').click();
    await card
      .locator('[data-error-for=text] .cds--form-requirement', { hasText: 'Мәтін немесе құжат қажет' })
      .waitFor();
    const position = 'Мәліметтер дұрыс, растайтын құжаттарды тыңдауда ұсынамыз.';
    await card.locator('textarea').fill(position);
    await card.locator('button[type=submit]').click();

    // Then it is accepted, and the hearing process receives it
    const accepted = card.locator(
      '[data-testid=hearing-position-result] cds-inline-notification[kind=success][title*="Ұстанымыңыз қабылданды"]',
    );
    await accepted.waitFor();
    await accepted.scrollIntoViewIfNeeded();
    await shot(page, 'portal-hearing-position');
    expect(await card.locator('[data-error-for]').count()).toBe(0);
    await eventually('the position in the hearing', async () => {
      const r = await engine().searchVariables(
        { filter: { name: 'applicantPosition' } as any, page: { limit: 100 } },
        { consistency: { waitUpToMs: 0 } },
      );
      return (r.items ?? []).some((v: any) => JSON.parse(v.value) === position);
    });
    expect(consoleErrors.hearing).toEqual([]);
    await applicant.context.close();
  });

  test('an applicant files a complaint about an application and is told its registration date, in Russian', async () => {
    // Given an application in the applicant's cabinet, the page in Russian
    const applicant = await pageAs('complaint', 'applicant', { bin: APPLICANT_BIN, lang: 'ru' });
    const { page } = applicant;
    const number = await fileLicenceApplication(page);
    await openInCabinet(page, number, '[data-testid=complaint]');
    await page.click('[data-testid=complaint] [part=expando]');
    const card = page.locator('[data-testid=complaint]');
    // When the complaint is too short, the error is shown under the field, in Russian
    await card.locator('textarea').fill('Плохо');
    await card.locator('button[type=submit]').click();
    await card
      .locator('[data-error-for=text] .cds--form-requirement', {
        hasText: 'Текст жалобы от 10 до 10000 символов',
      })
      .waitFor();
    expect(await card.locator('cds-textarea').getAttribute('invalid')).toBe('');
    await shot(page, 'portal-complaint-error-ru');
    // When they write it out and send it
    const text = 'Срок проверки полноты документов нарушен, прошу рассмотреть.';
    await card.locator('textarea').fill(text);
    await card.locator('button[type=submit]').click();
    // Then the complaint is registered and its review process starts (C11)
    const registered = card.locator(
      '[data-testid=complaint-result] cds-inline-notification[kind=success][title*="Жалоба зарегистрирована"]',
    );
    await registered.waitFor();
    await registered.scrollIntoViewIfNeeded();
    await shot(page, 'portal-complaint-ru');
    await eventually('the complaint review', async () => {
      const r = await engine().searchProcessInstances(
        { filter: { processDefinitionId: 'complaint' as any } },
        { consistency: { waitUpToMs: 0 } },
      );
      for (const pi of r.items ?? []) {
        const v = await engine().searchVariables(
          { filter: { processInstanceKey: pi.processInstanceKey, name: 'applicationNumber' } as any },
          { consistency: { waitUpToMs: 0 } },
        );
        if ((v.items ?? []).some((x: any) => JSON.parse(x.value) === number)) return true;
      }
      return false;
    });
    expect(consoleErrors.complaint).toEqual([]);
    await applicant.context.close();
  });

  test('a fire automation permit lists several specialists and instruments, and server errors show next to their fields', async () => {
    // Given the application form for service A, in Russian
    const applicant = await pageAs('rows', 'applicant', { bin: APPLICANT_BIN, lang: 'ru' });
    const { page } = applicant;
    await page.goto(`${system.uiUrl}/portal`);
    await page.click('text=Новое заявление');
    await page.selectOption('#f-serviceId select', 'fire-automation-permit');
    await page.fill('#f-orgName input', COMPANY.name);
    await page.fill('#f-headFullName input', COMPANY.headFullName);
    await page.fill('#f-headIin input', COMPANY.headIin);
    await page.fill('#f-location input', 'Алматы, ул. Абая, 10');
    // When they add a second specialist and a second instrument, and remove the second instrument again
    await page.click('[data-testid=add-specialists]');
    await page.click('[data-testid=add-measuringInstruments]');
    expect(await page.locator('[data-testid=rows-specialists] > li').count()).toBe(2);
    expect(await page.locator('[data-testid=rows-measuringInstruments] > li').count()).toBe(2);
    await page.click('[data-testid=rows-measuringInstruments] > li:nth-child(2) cds-button.remove');
    expect(await page.locator('[data-testid=rows-measuringInstruments] > li').count()).toBe(1);
    // And the second specialist's IIN is wrong, the first instrument has no serial number
    await page.fill('#f-specialists-0-iin input', COMPANY.headIin);
    await page.fill('#f-specialists-0-fullName input', 'Ахметов Нурлан');
    await page.fill('#f-specialists-1-iin input', '12345');
    await page.fill('#f-specialists-1-fullName input', 'Ким Сергей');
    await page.fill('#f-measuringInstruments-0-name input', 'Мегаомметр ЭС0202');
    await page.fill('#f-measuringInstruments-0-verifiedUntil input', '2027-03-01');
    await page.click('#f-consent label');
    await page.click('[data-testid=application-form] button[type=submit]');
    // Then the server's errors appear under exactly those fields, in Russian, and nothing is registered
    // (Carbon's field shows its `invalid-text` under the input.)
    const errorOf = (p: string) => page.locator(`[data-error-for="${p}"] .cds--form-requirement`);
    await errorOf('specialists.1.iin').waitFor();
    await errorOf('measuringInstruments.0.serialNumber').waitFor();
    expect(await errorOf('specialists.0.iin').count()).toBe(0);
    expect(await page.locator('#f-specialists-1-iin').getAttribute('invalid')).toBe('');
    expect(await errorOf('specialists.1.iin').textContent()).toMatch(/[А-Яа-я]/);
    await shot(page, 'portal-form-errors-ru');
    expect(await page.locator('[data-testid=application-status]').count()).toBe(0);
    // When they correct both fields, the application is registered
    await page.fill('#f-specialists-1-iin input', COMPANY.headIin);
    await page.fill('#f-measuringInstruments-0-serialNumber input', 'SN-0042');
    await page.click('[data-testid=application-form] button[type=submit]');
    await page.locator('[data-testid=application-status]').waitFor();
    expect(consoleErrors.rows).toEqual([]);
    await applicant.context.close();
  });

  test('an operator retries a failed step and the process goes on', async () => {
    // Given a step whose job failed with no retries left (an incident, rule C10)
    const client = new Camunda8({
      ZEEBE_REST_ADDRESS: system.engineAddress,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
    }).getOrchestrationClusterApiClient();
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_E2eProbe" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="e2e-incident-probe" name="Incident probe" isExecutable="true">
    <bpmn:startEvent id="Start_Probe" name="Probe started"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_FlakyLookup" name="Flaky lookup"><bpmn:extensionElements><zeebe:taskDefinition type="e2e-flaky-lookup" retries="1" /></bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="End_Probe" name="Probe done"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Probe" targetRef="Task_FlakyLookup" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_FlakyLookup" targetRef="End_Probe" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_Probe"><bpmndi:BPMNPlane id="Plane_Probe" bpmnElement="e2e-incident-probe">
    <bpmndi:BPMNShape id="Start_Probe_di" bpmnElement="Start_Probe"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Task_FlakyLookup_di" bpmnElement="Task_FlakyLookup"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="End_Probe_di" bpmnElement="End_Probe"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
    await client.createDeployment({
      resources: [new File([xml], 'e2e-incident-probe.bpmn', { type: 'application/xml' })],
    });
    let attempts = 0;
    const worker = client.createJobWorker({
      jobType: 'e2e-flaky-lookup',
      jobTimeoutMs: 10_000,
      maxParallelJobs: 1,
      pollTimeoutMs: 1_000,
      jobHandler: (job: any) =>
        ++attempts === 1
          ? job.fail({ errorMessage: 'gateway unreachable (simulated)', retries: 0 })
          : job.complete({ lookedUp: true }),
    });
    try {
      const { processInstanceKey } = await client.createProcessInstance({
        processDefinitionId: 'e2e-incident-probe' as any,
        variables: { applicationNumber: 'SEC-2026-999001' },
      });
      const operator = await pageAs('operations', 'operator');
      const { page } = operator;
      const link = await eventually('the incident on the operations page', async () => {
        await page.goto(`${system.uiUrl}/operations`);
        const row = page.locator('[data-testid=incidents] tr', { hasText: 'SEC-2026-999001' });
        return (await row.count()) > 0 ? row.locator('a') : undefined;
      });
      await shot(page, 'operations');
      await link.click();
      await page.locator('[data-testid=diagram] span.ov-incident').waitFor();
      await shot(page, 'operations-instance');
      // When the operator presses Retry and gives the reason
      await page.click('[data-testid=retry]');
      await page.locator('[data-testid=reason-form] cds-textarea textarea').fill('Шлюз снова доступен');
      await page.click('[data-testid=reason-submit]');
      // Then the step runs again and the application completes
      await eventually('the probe to complete after the retry', async () => {
        const pi = await client.getProcessInstance(
          { processInstanceKey },
          { consistency: { waitUpToMs: 0 } },
        );
        return pi.state === 'COMPLETED';
      });
      expect(attempts).toBe(2);
      expect(consoleErrors.operations).toEqual([]);
      await operator.context.close();
    } finally {
      worker.stop();
    }
  });

  for (const lang of ['kk', 'ru'] as const) {
    test(`every page at 1366x768 in ${lang === 'kk' ? 'Kazakh' : 'Russian'}: Tab reaches every control with visible focus, and no console errors`, async () => {
      const problems: Record<string, unknown> = {};
      const errors: Record<string, string[]> = {};
      /** Screenshots the page, then tabs through it; what went wrong is collected, not thrown, to see it all. */
      const check = async (page: Page, name: string) => {
        await shot(page, `page-${name}-${lang}`);
        const kb = await tabThrough(page);
        if (kb.reached === 0) problems[`${name}: no control reached by Tab`] = kb;
        if (kb.unreached.length) problems[`${name}: not reachable by Tab`] = kb.unreached;
        if (kb.invisibleFocus.length) problems[`${name}: focus not visible`] = kb.invisibleFocus;
      };
      const as = async (name: string, role: string, opts: { unit?: string; bin?: string } = {}) => {
        const p = await openPage(browser, lang);
        errors[name] = p.consoleErrors;
        await signIn(p.page, system.uiUrl, role, { ...opts, lang });
        return p;
      };

      // Sign-in
      const anonymous = await openPage(browser, lang);
      errors.signin = anonymous.consoleErrors;
      await anonymous.page.goto(`${system.uiUrl}/lang?to=${lang}&back=/`);
      await anonymous.page.locator('#signin-form').waitFor();
      await check(anonymous.page, 'signin');
      await anonymous.context.close();

      // Portal: the application form, then an application's status
      // Given an application of their own (which also gives the clerk a task and the operator an instance)
      const applicant = await as('portal', 'applicant', { bin: APPLICANT_BIN });
      const portal = applicant.page;
      const number = await fileLicenceApplication(portal);
      await portal.goto(`${system.uiUrl}/portal`);
      await portal.locator('[data-testid=my-applications] cds-link').first().waitFor();
      await portal.click('[data-testid=new-application]');
      await portal.locator('[data-testid=application-form]').waitFor();
      await check(portal, 'portal-form');
      // Tabbing scrolled the page: back to the top, where the list is.
      await portal.evaluate(() => window.scrollTo(0, 0));
      await portal.click(`[data-testid=my-applications] cds-link:has-text("${number}")`);
      await portal.locator('[data-testid=application-status]').waitFor();
      await check(portal, 'portal-status');
      await applicant.context.close();

      // Worklist with a task open
      const clerk = await as('worklist', 'clerk', { unit: 'police' });
      const task = await eventually(`the completeness check of ${number}`, async () => {
        await clerk.page.goto(`${system.uiUrl}/worklist`);
        await clerk.page.locator('[data-testid=task-list], .list [role=status]').first().waitFor();
        const row = clerk.page.locator('[data-testid=task-list] tbody tr', { hasText: number });
        return (await row.count()) > 0 ? row.first().locator('a') : undefined;
      });
      await task.click();
      await clerk.page.locator('[data-testid=task-form] .fjs-form').waitFor();
      await check(clerk.page, 'worklist-task');
      await clerk.context.close();

      // Operations: list, deadline board, one instance
      const operator = await as('operations', 'operator');
      const ops = operator.page;
      await ops.goto(`${system.uiUrl}/operations`);
      await ops.locator('[data-testid=applications]').waitFor();
      await ops.locator('#h-deadlines ~ *').first().waitFor();
      await check(ops, 'operations');
      await ops.locator('#h-deadlines').scrollIntoViewIfNeeded();
      await shot(ops, `page-deadline-board-${lang}`);
      await ops.locator('[data-testid=applications] tbody a').first().click();
      await ops.locator('[data-testid=diagram] svg').first().waitFor();
      await check(ops, 'operations-instance');
      await operator.context.close();

      // Designer and form editor
      const designer = await as('designer', 'designer');
      await designer.page.goto(`${system.uiUrl}/designer?diagram=hearing.bpmn`);
      await designer.page.locator('[data-testid=lint] .ok, [data-testid=lint] h2').first().waitFor();
      await check(designer.page, 'designer');
      await designer.page.goto(`${system.uiUrl}/designer/forms`);
      await designer.page
        .locator(
          '[data-testid=form-editor] .fjs-form-editor, [data-testid=form-editor] .fjs-editor-container',
        )
        .first()
        .waitFor();
      await check(designer.page, 'form-editor');
      await designer.context.close();

      // A page of another role
      const refused = await as('forbidden', 'clerk', { unit: 'fire' });
      await refused.page.goto(`${system.uiUrl}/designer`);
      await refused.page.locator('[data-testid=forbidden]').waitFor();
      await check(refused.page, 'forbidden');
      await refused.context.close();

      expect(problems).toEqual({});
      // The 403 page answers 403 on purpose; Chromium logs that status for the document itself.
      errors.forbidden = errors.forbidden.filter((e) => !/status of 403 \(Forbidden\)/.test(e));
      for (const [name, list] of Object.entries(errors)) expect([name, list]).toEqual([name, []]);
    });
  }

  test('staff sign in on the identity provider’s page: a clerk lands on the worklist, an operator on operations; sign-out ends both sessions', async () => {
    const clerk = await pageAs('oidc-clerk', 'clerk', { unit: 'police', lang: 'ru' });
    expect(new URL(clerk.page.url()).pathname).toBe('/worklist');
    await clerk.page.locator('[data-testid=who]').filter({ hasText: 'Сапарова Динара Маратқызы' }).waitFor();
    await shot(clerk.page, 'oidc-clerk-worklist');
    expect((await clerk.page.request.get(`${system.uiUrl}/api/ops/incidents`)).status()).toBe(403);
    // Sign-out goes through the provider and back to the sign-in page...
    await Promise.all([
      clerk.page.waitForURL((u) => u.href === `${system.uiUrl}/`),
      clerk.page.click('form[action="/signout"] button'),
    ]);
    expect((await clerk.page.request.get(`${system.uiUrl}/api/tasks`)).status()).toBe(401);
    // ...and the provider asks for the password again.
    await Promise.all([
      clerk.page.waitForURL((u) => u.href.includes('/interaction/')),
      clerk.page.click('#staff-signin'),
    ]);
    await clerk.page.locator('#login-form').filter({ hasText: 'Пароль' }).waitFor();
    await shot(clerk.page, 'oidc-provider-login-ru');
    await clerk.context.close();

    const operator = await pageAs('oidc-operator', 'operator');
    expect(new URL(operator.page.url()).pathname).toBe('/operations');
    await operator.page.locator('[data-testid=applications]').waitFor();
    expect((await operator.page.request.get(`${system.uiUrl}/api/designer/diagrams`)).status()).toBe(403);
    await operator.context.close();
  });

  test("roles are refused other roles' pages with 403, in both languages", async () => {
    const { page, context } = await pageAs('refusal', 'clerk', { unit: 'fire', lang: 'ru' });
    for (const path of ['/operations', '/designer', '/portal']) {
      const res = await page.goto(`${system.uiUrl}${path}`);
      expect([path, res?.status()]).toEqual([path, 403]);
      await page.locator('[data-testid=forbidden]').filter({ hasText: 'Доступ запрещён' }).waitFor();
    }
    await shot(page, 'forbidden-ru');
    const api = await page.request.get(`${system.uiUrl}/api/ops/incidents`);
    expect(api.status()).toBe(403);
    await context.close();
  });
});

if (missing) {
  test.skip(`e2e: ${missing}`, () => {});
}
