import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestEngine } from '../../support/engine-harness';
import {
  deployAll,
  elementKey,
  eventually,
  incidents,
  pin,
  piState,
  rejection,
  startInstance,
  useEngine,
  variables,
  NOW,
} from './support';

/**
 * DMN in Camunda 8.8, written from Camunda's documentation:
 * - "DMN decision table" and "Hit policy" (components/modeler/dmn/decision-table-hit-policy): UNIQUE
 *   (default; no match is null, several matches violate it), ANY, FIRST, PRIORITY, RULE ORDER,
 *   OUTPUT ORDER, COLLECT with and without SUM/MIN/MAX/COUNT;
 * - "Decision table input" / "Rule" (components/modeler/dmn/decision-table-rule): input entries are
 *   FEEL unary tests, `-` or empty matches anything; one output gives its value, several a context;
 * - "Decision requirements graph" and "Decision literal expression" (components/modeler/dmn/…): a
 *   required decision is evaluated first and its result is available by its decision id;
 * - REST "Evaluate decision" (POST /v2/decision-definitions/evaluation): by key or by id (the latest
 *   version), with evaluatedDecisions and their matched rules; a failed evaluation is answered with
 *   failedDecisionDefinitionId and failureMessage; an unknown decision is NOT_FOUND;
 * - "Business rule tasks" (components/modeler/bpmn/business-rule-tasks): zeebe:calledDecision with
 *   decisionId and resultVariable; a failed evaluation raises an incident, and resolving it evaluates
 *   the decision again.
 */

const DMN_NS = 'xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"';

interface Table {
  id: string;
  hitPolicy?: string;
  aggregation?: string;
  inputs: string[];
  outputs: { name: string; values?: string }[];
  rules: [string[], string[]][];
}

const x = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const tableXml = (t: Table, required: string[] = []): string =>
  `<decision id="${t.id}" name="${t.id}">${required
    .map(
      (r, n) =>
        `<informationRequirement id="IR_${t.id}_${n}"><requiredDecision href="#${r}"/></informationRequirement>`,
    )
    .join('')}<decisionTable id="DT_${t.id}"${t.hitPolicy ? ` hitPolicy="${t.hitPolicy}"` : ''}${
    t.aggregation ? ` aggregation="${t.aggregation}"` : ''
  }>${t.inputs
    .map(
      (e, n) =>
        `<input id="In_${t.id}_${n}" label="${x(e)}"><inputExpression id="IE_${t.id}_${n}"><text>${x(e)}</text></inputExpression></input>`,
    )
    .join('')}${t.outputs
    .map(
      (o, n) =>
        `<output id="Out_${t.id}_${n}" name="${o.name}">${o.values ? `<outputValues id="OV_${t.id}_${n}"><text>${x(o.values)}</text></outputValues>` : ''}</output>`,
    )
    .join('')}${t.rules
    .map(
      ([ins, outs], r) =>
        `<rule id="R_${t.id}_${r + 1}">${ins.map((i, n) => `<inputEntry id="IEn_${t.id}_${r}_${n}"><text>${x(i)}</text></inputEntry>`).join('')}${outs
          .map((o, n) => `<outputEntry id="OE_${t.id}_${r}_${n}"><text>${x(o)}</text></outputEntry>`)
          .join('')}</rule>`,
    )
    .join('')}</decisionTable></decision>`;

const dmn = (id: string, decisions: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<definitions ${DMN_NS} id="${id}" name="${id}" namespace="http://camunda.org/schema/1.0/dmn">${decisions}</definitions>`;

const literal = (id: string, expression: string, required: string[] = []) =>
  `<decision id="${id}" name="${id}">${required
    .map(
      (r, n) =>
        `<informationRequirement id="IR_${id}_${n}"><requiredDecision href="#${r}"/></informationRequirement>`,
    )
    .join(
      '',
    )}<variable id="V_${id}" name="${id}"/><literalExpression id="LE_${id}"><text>${x(expression)}</text></literalExpression></decision>`;

const BPMN_NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="http://bpmn.io/schema/bpmn"';

const ruleTaskProcess = (id: string, decisionId: string, resultVariable: string, binding = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${BPMN_NS} id="Defs_${id}">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:businessRuleTask id="Task_Decide"><bpmn:extensionElements>
      <zeebe:calledDecision decisionId="${decisionId}" resultVariable="${resultVariable}"${binding} />
    </bpmn:extensionElements></bpmn:businessRuleTask>
    <bpmn:userTask id="Task_After"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Decide" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Decide" targetRef="Task_After" />
    <bpmn:sequenceFlow id="F3" sourceRef="Task_After" targetRef="End" />
  </bpmn:process></bpmn:definitions>`;

/** Permit fee by applicant kind and area (a synthetic table; amounts in monthly calculation indices). */
const feeTable = (hitPolicy?: string, aggregation?: string): Table => ({
  id: `fee_${(hitPolicy ?? 'default').replace(' ', '_')}${aggregation ? `_${aggregation}` : ''}`,
  hitPolicy,
  aggregation,
  inputs: ['applicant', 'area'],
  outputs: [{ name: 'fee', values: '30, 20, 10, 5' }],
  rules: [
    [['"company"', '> 1000'], ['30']],
    [['"company"', '[100..1000]'], ['20']],
    [['"company","branch"', '-'], ['10']],
    [['not("company")', ''], ['5']],
  ],
});

describe('DMN decisions', () => {
  const e = useEngine();
  const HIT_POLICIES: [string | undefined, string | undefined][] = [
    [undefined, undefined],
    ['FIRST', undefined],
    ['PRIORITY', undefined],
    ['ANY', undefined],
    ['COLLECT', undefined],
    ['COLLECT', 'SUM'],
    ['COLLECT', 'MIN'],
    ['COLLECT', 'MAX'],
    ['COLLECT', 'COUNT'],
    ['RULE ORDER', undefined],
    ['OUTPUT ORDER', undefined],
  ];
  let deployment: any;

  beforeAll(async () => {
    deployment = await deployAll(e.client, {
      'fees.dmn': dmn('fees', HIT_POLICIES.map(([h, a]) => tableXml(feeTable(h, a))).join('')),
      'zone.dmn': dmn(
        'zones',
        tableXml({
          id: 'zone',
          inputs: ['area'],
          outputs: [{ name: 'zone' }],
          rules: [
            [['< 100'], ['"small"']],
            [['[100..1000]'], ['"medium"']],
            [['> 1000'], ['"large"']],
          ],
        }),
      ),
      'drg.dmn': dmn(
        'permit_drg',
        literal('base_fee', 'area * 2') +
          tableXml(
            {
              id: 'permit_class',
              inputs: ['base_fee', 'urgent'],
              outputs: [{ name: 'class' }, { name: 'total' }],
              rules: [
                [
                  ['< 100', 'true'],
                  ['"A"', 'base_fee + 10'],
                ],
                [
                  ['< 100', 'false'],
                  ['"B"', 'base_fee'],
                ],
                [
                  ['>= 100', '-'],
                  ['"C"', 'base_fee * 2'],
                ],
              ],
            },
            ['base_fee'],
          ),
      ),
    });
  });

  const evaluate = (decisionDefinitionId: string, vars: Record<string, unknown>) =>
    e.client.evaluateDecision({ decisionDefinitionId, variables: vars } as any) as Promise<any>;
  const out = async (id: string, vars: Record<string, unknown>) =>
    JSON.parse((await evaluate(id, vars)).output);

  test('given a DMN resource, when deployed, then its decisions and decision requirements are listed with keys and versions, and found by search', async () => {
    const defs = deployment.deployments
      .filter((d: any) => d.decisionDefinition)
      .map((d: any) => d.decisionDefinition);
    const drgs = deployment.deployments
      .filter((d: any) => d.decisionRequirements)
      .map((d: any) => d.decisionRequirements);
    expect(defs.map((d: any) => d.decisionDefinitionId)).toEqual(
      expect.arrayContaining(['fee_default', 'fee_FIRST', 'base_fee', 'permit_class']),
    );
    expect(drgs.map((d: any) => [d.decisionRequirementsId, d.version, d.resourceName]).sort()).toEqual([
      ['fees', 1, 'fees.dmn'],
      ['permit_drg', 1, 'drg.dmn'],
      ['zones', 1, 'zone.dmn'],
    ]);
    const permitClass = defs.find((d: any) => d.decisionDefinitionId === 'permit_class');
    expect(permitClass).toMatchObject({ version: 1, decisionRequirementsId: 'permit_drg' });
    const found: any = await e.client.searchDecisionDefinitions(
      { filter: { decisionDefinitionId: 'permit_class' } } as any,
      NOW,
    );
    expect(found.items).toEqual([
      expect.objectContaining({
        decisionDefinitionKey: permitClass.decisionDefinitionKey,
        decisionRequirementsKey: permitClass.decisionRequirementsKey,
        version: 1,
      }),
    ]);
    const reqs: any = await e.client.searchDecisionRequirements(
      { filter: { decisionRequirementsId: 'permit_drg' } } as any,
      NOW,
    );
    expect(reqs.items).toEqual([
      expect.objectContaining({ decisionRequirementsKey: permitClass.decisionRequirementsKey }),
    ]);
  });

  // Hit policy page: UNIQUE is the default; one matching rule gives its output, none gives null.
  test('given hit policy UNIQUE, when one rule matches, then its output; when none matches, then null', async () => {
    expect(await out('zone', { area: 50 })).toBe('small');
    expect(await out('zone', { area: 100 })).toBe('medium');
    expect(await out('zone', { area: 1001 })).toBe('large');
    const none = await evaluate('zone', { area: null });
    expect(none.output).toBe('null');
    expect(none.failureMessage).toBe('');
    expect(none.evaluatedDecisions[0].matchedRules).toEqual([]);
  });

  test('given hit policy UNIQUE, when several rules match, then the evaluation fails and names the decision', async () => {
    const r = await evaluate('fee_default', { applicant: 'company', area: 500 });
    expect(r.failedDecisionDefinitionId).toBe('fee_default');
    expect(r.failureMessage).toContain("Expected to evaluate decision 'fee_default'");
    expect(r.failureMessage).toContain('UNIQUE');
  });

  test('given hit policy FIRST, when several rules match, then the first in rule order wins', async () => {
    expect(await out('fee_FIRST', { applicant: 'company', area: 500 })).toBe(20);
    const r = await evaluate('fee_FIRST', { applicant: 'company', area: 500 });
    expect(r.evaluatedDecisions[0].matchedRules.map((m: any) => m.ruleIndex)).toEqual([2]);
  });

  test('given hit policy PRIORITY, when several rules match, then the output first in the output values wins', async () => {
    // Output values "30, 20, 10, 5": 20 outranks 10 whatever the rule order.
    expect(await out('fee_PRIORITY', { applicant: 'company', area: 500 })).toBe(20);
    expect(await out('fee_PRIORITY', { applicant: 'company', area: 5000 })).toBe(30);
  });

  test('given hit policy ANY, when the matching rules agree, then their output; when they differ, then the evaluation fails', async () => {
    expect(await out('fee_ANY', { applicant: 'person', area: 1 })).toBe(5);
    const r = await evaluate('fee_ANY', { applicant: 'company', area: 500 });
    expect(r.failedDecisionDefinitionId).toBe('fee_ANY');
    expect(r.failureMessage).toContain('ANY');
  });

  test('given hit policy COLLECT, then a list of every match; with SUM, MIN, MAX and COUNT, then the aggregate', async () => {
    const vars = { applicant: 'company', area: 500 };
    expect((await out('fee_COLLECT', vars)).sort()).toEqual([10, 20]);
    expect(await out('fee_COLLECT_SUM', vars)).toBe(30);
    expect(await out('fee_COLLECT_MIN', vars)).toBe(10);
    expect(await out('fee_COLLECT_MAX', vars)).toBe(20);
    expect(await out('fee_COLLECT_COUNT', vars)).toBe(2);
    expect(await out('fee_COLLECT_COUNT', { applicant: 'company', area: 5 })).toBe(1);
    expect(await out('fee_COLLECT', { applicant: 'company', area: 5 })).toEqual([10]);
  });

  test('given hit policy RULE ORDER, then every match in rule order; OUTPUT ORDER, then by output priority', async () => {
    expect(await out('fee_RULE_ORDER', { applicant: 'company', area: 500 })).toEqual([20, 10]);
    expect(await out('fee_OUTPUT_ORDER', { applicant: 'company', area: 5000 })).toEqual([30, 10]);
    expect(await out('fee_RULE_ORDER', { applicant: 'x', area: 0 })).toEqual([5]);
  });

  test('given unary tests with ranges, lists, not() and "-", when evaluated, then each matches as FEEL says', async () => {
    // [100..1000] includes both ends; > 1000 excludes 1000.
    expect(await out('fee_FIRST', { applicant: 'company', area: 1000 })).toBe(20);
    expect(await out('fee_FIRST', { applicant: 'company', area: 100 })).toBe(20);
    expect(await out('fee_FIRST', { applicant: 'company', area: 1001 })).toBe(30);
    expect(await out('fee_FIRST', { applicant: 'company', area: 99 })).toBe(10);
    // "company","branch" is a list of tests; not("company") matches anything else.
    expect(await out('fee_FIRST', { applicant: 'branch', area: 99 })).toBe(10);
    expect(await out('fee_FIRST', { applicant: 'person', area: 99 })).toBe(5);
  });

  test('given a decision with a required decision, when evaluated, then the required one is evaluated first and read by its id', async () => {
    const r = await evaluate('permit_class', { area: 30, urgent: true });
    expect(JSON.parse(r.output)).toEqual({ class: 'A', total: 70 });
    expect(r.evaluatedDecisions.map((d: any) => [d.decisionDefinitionId, d.decisionDefinitionType])).toEqual([
      ['base_fee', 'LITERAL_EXPRESSION'],
      ['permit_class', 'DECISION_TABLE'],
    ]);
    expect(JSON.parse(r.evaluatedDecisions[0].output)).toBe(60);
    const table = r.evaluatedDecisions[1];
    expect(table.evaluatedInputs.map((i: any) => JSON.parse(i.inputValue))).toEqual([60, true]);
    expect(table.matchedRules).toEqual([
      expect.objectContaining({
        ruleId: 'R_permit_class_1',
        ruleIndex: 1,
        evaluatedOutputs: [
          expect.objectContaining({ outputName: 'class', outputValue: '"A"' }),
          expect.objectContaining({ outputName: 'total', outputValue: '70' }),
        ],
      }),
    ]);
    expect(JSON.parse((await evaluate('permit_class', { area: 60, urgent: false })).output)).toEqual({
      class: 'C',
      total: 240,
    });
  });

  test('given two versions of a decision, when evaluated by id, then the latest; when by key, then that version', async () => {
    const v1 = (await deployAll(e.client, {
      'v.dmn': dmn('versioned', literal('versioned_fee', '"one"')),
    })) as any;
    const v2 = (await deployAll(e.client, {
      'v.dmn': dmn('versioned', literal('versioned_fee', '"two"')),
    })) as any;
    const key1 = v1.deployments.find((d: any) => d.decisionDefinition).decisionDefinition
      .decisionDefinitionKey;
    const def2 = v2.deployments.find((d: any) => d.decisionDefinition).decisionDefinition;
    expect(def2.version).toBe(2);
    expect(JSON.parse((await evaluate('versioned_fee', {})).output)).toBe('two');
    const byKey: any = await e.client.evaluateDecision({ decisionDefinitionKey: key1, variables: {} } as any);
    expect(JSON.parse(byKey.output)).toBe('one');
    expect(byKey.decisionDefinitionVersion).toBe(1);
  });

  /**
   * Camunda 8.8's answer, read from its sources (camunda/camunda):
   * - zeebe/engine/src/main/java/io/camunda/zeebe/engine/processing/dmn/
   *   DecisionEvaluationEvaluateProcessor.java, getDecision(): an id or key that finds no decision
   *   is `new Rejection(RejectionType.NOT_FOUND, …)`;
   * - zeebe/gateway-rest/src/main/java/io/camunda/zeebe/gateway/rest/RestErrorMapper.java,
   *   DEFAULT_REJECTION_MAPPER (lines 51-60 at commit 001fc1ba): `case NOT_FOUND` → HttpStatus.NOT_FOUND, title the
   *   rejection type, detail "Command '%s' rejected with code '%s': %s";
   * - the 8.8 OpenAPI for evaluateDecision, as generated into @camunda8/orchestration-cluster-api
   *   8.8.4 (EvaluateDecisionErrors): 400 "The provided data is not valid.", 404 "The decision is not
   *   found.";
   * - zeebe/gateway-rest/.../validator/EvaluateDecisionRequestValidator.java: neither or both of
   *   decisionDefinitionId and decisionDefinitionKey is a 400 before the broker is asked.
   */
  const raw = async (body: unknown) => {
    const res = await fetch(`${e.t.running.address}/v2/decision-definitions/evaluation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, problem: (await res.json()) as { title: string; detail: string } };
  };

  test('given an unknown decision id, when evaluated, then 404 NOT_FOUND as the gateway maps the broker rejection', async () => {
    const err = await rejection(evaluate('no_such_decision', {}));
    expect(err).toMatchObject({ status: 404 });
    const { status, problem } = await raw({ decisionDefinitionId: 'no_such_decision', variables: {} });
    expect(status).toBe(404);
    expect(problem.title).toBe('NOT_FOUND');
    expect(problem.detail).toMatch(
      /^Command 'EVALUATE' rejected with code 'NOT_FOUND': .*'no_such_decision'/,
    );
  });

  test('given an unknown decision key, when evaluated, then 404 NOT_FOUND', async () => {
    const { status, problem } = await raw({ decisionDefinitionKey: '2251799813999999', variables: {} });
    expect(status).toBe(404);
    expect(problem.title).toBe('NOT_FOUND');
    expect(problem.detail).toContain("'2251799813999999'");
  });

  test('given neither or both of decision id and key, when evaluated, then 400 INVALID_ARGUMENT naming the fields', async () => {
    const neither = await raw({ variables: {} });
    expect(neither.status).toBe(400);
    expect(neither.problem.title).toBe('INVALID_ARGUMENT');
    expect(neither.problem.detail).toBe(
      'At least one of [decisionDefinitionId, decisionDefinitionKey] is required',
    );
    const key = deployment.deployments.find((d: any) => d.decisionDefinition).decisionDefinition
      .decisionDefinitionKey;
    const both = await raw({
      decisionDefinitionId: 'fee_default',
      decisionDefinitionKey: key,
      variables: {},
    });
    expect(both.status).toBe(400);
    expect(both.problem.detail).toBe('Only one of [decisionDefinitionId, decisionDefinitionKey] is allowed');
  });

  test('given a business rule task with zeebe:calledDecision, when the instance reaches it, then the result variable holds the decision output', async () => {
    await deployAll(e.client, { 'brt.bpmn': ruleTaskProcess('dmn-task', 'permit_class', 'permit') });
    const pik = await startInstance(e.client, 'dmn-task', { area: 10, urgent: false });
    await eventually(
      () => variables(e.client, pik),
      (v) => v.permit !== undefined,
    );
    expect((await variables(e.client, pik)).permit).toEqual({ class: 'B', total: 20 });
  });

  test('given a decision that fails in a business rule task, then an incident DECISION_EVALUATION_ERROR; when the variables are fixed and it is resolved, then the decision is evaluated again', async () => {
    await deployAll(e.client, { 'brt-fail.bpmn': ruleTaskProcess('dmn-task-fail', 'fee_default', 'fee') });
    const pik = await startInstance(e.client, 'dmn-task-fail', { applicant: 'company', area: 500 });
    const [inc] = await eventually(
      () => incidents(e.client, pik),
      (l) => l.length === 1,
    );
    expect(inc).toMatchObject({ errorType: 'DECISION_EVALUATION_ERROR', elementId: 'Task_Decide' });
    expect(inc.errorMessage).toContain('UNIQUE');
    await e.client.createElementInstanceVariables({
      elementInstanceKey: pik,
      variables: { area: 50 },
    } as any);
    await e.client.resolveIncident({ incidentKey: inc.incidentKey } as any);
    expect((await variables(e.client, pik)).fee).toBe(10);
    expect(await incidents(e.client, pik)).toEqual([]);
    expect(await piState(e.client, pik)).toBe('ACTIVE');
  });

  test('given a business rule task whose decision is not deployed, then an incident CALLED_DECISION_ERROR that resolves once it is', async () => {
    await deployAll(e.client, {
      'brt-missing.bpmn': ruleTaskProcess('dmn-task-missing', 'late_decision', 'late'),
    });
    const pik = await startInstance(e.client, 'dmn-task-missing');
    const [inc] = await eventually(
      () => incidents(e.client, pik),
      (l) => l.length === 1,
    );
    expect(inc.errorType).toBe('CALLED_DECISION_ERROR');
    await deployAll(e.client, { 'late.dmn': dmn('late', literal('late_decision', '42')) });
    await e.client.resolveIncident({ incidentKey: inc.incidentKey } as any);
    expect((await variables(e.client, pik)).late).toBe(42);
  });

  test('given binding type deployment, when a newer version of the decision is deployed later, then the task still evaluates the one deployed with the process', async () => {
    await deployAll(e.client, {
      'bound.dmn': dmn('bound', literal('bound_fee', '"with the process"')),
      'bound.bpmn': ruleTaskProcess('dmn-bound', 'bound_fee', 'fee', ' bindingType="deployment"'),
      'latest.bpmn': ruleTaskProcess('dmn-latest', 'bound_fee', 'fee'),
    });
    await deployAll(e.client, { 'bound.dmn': dmn('bound', literal('bound_fee', '"newer"')) });
    expect((await variables(e.client, await startInstance(e.client, 'dmn-bound'))).fee).toBe(
      'with the process',
    );
    expect((await variables(e.client, await startInstance(e.client, 'dmn-latest'))).fee).toBe('newer');
  });

  test('given a decision table that Zeebe cannot deploy, then the deployment is rejected with the resource and the element', async () => {
    const broken = dmn(
      'broken',
      tableXml({
        id: 'broken_table',
        hitPolicy: 'FIRST',
        aggregation: 'SUM',
        inputs: ['a'],
        outputs: [{ name: 'o' }],
        rules: [],
      }),
    );
    const err = await rejection(deployAll(e.client, { 'broken.dmn': broken }));
    expect(err).toMatchObject({ status: 400 });
    const body = err.response?.json ? await err.response.json() : (err.body ?? err);
    expect(body.detail).toContain("'broken.dmn': - Element: broken_table");
    expect(body.detail).toContain('aggregation');
  });
});

describe('DMN decisions after a restart', () => {
  // Resource persistence: deployed decisions are part of the engine's state, like processes.
  test('given deployed decisions and a process using one, when the engine restarts, then both are still deployed and evaluate', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dmn-restart-'));
    try {
      let t = await startTestEngine({ dataDir: dir });
      await deployAll(t.client, {
        'r.dmn': dmn('restart_drg', literal('restart_fee', 'area * 3')),
        'r.bpmn': ruleTaskProcess('dmn-restart', 'restart_fee', 'fee'),
      });
      await t.close();
      t = await startTestEngine({ dataDir: dir });
      try {
        const r: any = await t.client.evaluateDecision({
          decisionDefinitionId: 'restart_fee',
          variables: { area: 2 },
        } as any);
        expect(JSON.parse(r.output)).toBe(6);
        const pik = await startInstance(t.client, 'dmn-restart', { area: 5 });
        expect((await variables(t.client, pik)).fee).toBe(15);
        const defs: any = await t.client.searchDecisionDefinitions(
          { filter: { decisionDefinitionId: 'restart_fee' } } as any,
          NOW,
        );
        expect(defs.items).toHaveLength(1);
      } finally {
        await t.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Decision instances in Camunda 8.8 (Operate's "Decisions" view), from the 8.8 OpenAPI as generated
 * into @camunda8/orchestration-cluster-api 8.8.4 (searchDecisionInstances, getDecisionInstance;
 * DecisionInstanceResult, DecisionInstanceGetQueryResult) and the documentation's "Decision instances"
 * search: every evaluated decision is one decision instance, whether a business rule task or an
 * evaluation request evaluated it; a decision with required decisions yields one per decision, all with
 * the evaluation's decisionEvaluationKey and the called decision as rootDecisionDefinitionKey; a failed
 * evaluation's failed decision is FAILED with evaluationFailure; the single GET adds evaluatedInputs and
 * matchedRules; an unknown key is 404.
 */
describe('Decision instances', () => {
  const e = useEngine();
  const AT = '2026-11-30T09:00:00.000Z';
  let keys: Record<string, string>;

  beforeAll(async () => {
    const deployment: any = await deployAll(e.client, {
      'di.dmn': dmn(
        'di_drg',
        literal('di_base', 'area * 2') +
          tableXml(
            {
              id: 'di_class',
              inputs: ['di_base', 'urgent'],
              outputs: [{ name: 'class' }, { name: 'total' }],
              rules: [
                [
                  ['< 100', 'true'],
                  ['"A"', 'di_base + 10'],
                ],
                [
                  ['< 100', 'false'],
                  ['"B"', 'di_base'],
                ],
                [
                  ['>= 100', '-'],
                  ['"C"', 'di_base * 2'],
                ],
              ],
            },
            ['di_base'],
          ) +
          tableXml(feeTable()),
      ),
      'di.bpmn': ruleTaskProcess('di-task', 'di_class', 'permit'),
      'di-fail.bpmn': ruleTaskProcess('di-task-fail', 'fee_default', 'fee'),
    });
    keys = Object.fromEntries(
      deployment.deployments
        .filter((d: any) => d.decisionDefinition)
        .map((d: any) => [
          d.decisionDefinition.decisionDefinitionId,
          d.decisionDefinition.decisionDefinitionKey,
        ]),
    );
  });

  const search = (body: Record<string, unknown>) =>
    e.client.searchDecisionInstances(body as any, NOW) as Promise<any>;
  const get = (decisionEvaluationInstanceKey: string) =>
    e.client.getDecisionInstance({ decisionEvaluationInstanceKey } as any, NOW) as Promise<any>;
  const evaluate = (decisionDefinitionId: string, vars: Record<string, unknown>) =>
    e.client.evaluateDecision({ decisionDefinitionId, variables: vars } as any) as Promise<any>;

  test("given a business rule task, when it evaluates its decision, then the decision instances are found by the process instance's key with their results", async () => {
    await pin(e.client, AT);
    const pik = await startInstance(e.client, 'di-task', { area: 10, urgent: false });
    const taskKey = await elementKey(e.client, pik, 'Task_Decide');
    const r = await search({ filter: { processInstanceKey: pik } });
    expect(r.page.totalItems).toBe(2);
    const [base, table] = r.items;
    expect(table).toMatchObject({
      state: 'EVALUATED',
      evaluationDate: AT,
      decisionDefinitionId: 'di_class',
      decisionDefinitionName: 'di_class',
      decisionDefinitionVersion: 1,
      decisionDefinitionType: 'DECISION_TABLE',
      decisionDefinitionKey: keys.di_class,
      rootDecisionDefinitionKey: keys.di_class,
      tenantId: '<default>',
      processInstanceKey: pik,
      elementInstanceKey: taskKey,
    });
    expect(JSON.parse(table.result)).toEqual({ class: 'B', total: 20 });
    expect(table.evaluationFailure).toBeUndefined();
    expect(base).toMatchObject({
      decisionDefinitionId: 'di_base',
      decisionDefinitionType: 'LITERAL_EXPRESSION',
      decisionDefinitionKey: keys.di_base,
      rootDecisionDefinitionKey: keys.di_class,
      decisionEvaluationKey: table.decisionEvaluationKey,
      processInstanceKey: pik,
    });
    expect(JSON.parse(base.result)).toBe(20);
    expect(table.processDefinitionKey).toMatch(/^\d+$/);
    // A search answers DecisionInstanceResult: inputs and rules come with the single GET only.
    expect(table.evaluatedInputs).toBeUndefined();
    expect(table.matchedRules).toBeUndefined();
  });

  test('given a decision with a required decision evaluated through the API, then one decision instance per evaluated decision, with the keys the evaluation answered', async () => {
    const r = await evaluate('di_class', { area: 30, urgent: true });
    const found = await search({
      filter: { decisionEvaluationKey: r.decisionEvaluationKey },
      sort: [{ field: 'decisionEvaluationInstanceKey', order: 'ASC' }],
    });
    expect(found.page.totalItems).toBe(2);
    expect(found.items.map((i: any) => [i.decisionEvaluationInstanceKey, i.decisionDefinitionId])).toEqual(
      r.evaluatedDecisions.map((d: any) => [d.decisionEvaluationInstanceKey, d.decisionDefinitionId]),
    );
    expect(found.items.map((i: any) => JSON.parse(i.result))).toEqual([60, { class: 'A', total: 70 }]);
    for (const i of found.items)
      expect(i).toMatchObject({
        state: 'EVALUATED',
        rootDecisionDefinitionKey: keys.di_class,
        // Zeebe's DecisionEvaluationRecord outside a process instance: its keys are -1.
        processInstanceKey: '-1',
        processDefinitionKey: '-1',
        elementInstanceKey: '-1',
      });
    const byDefinition = await search({
      filter: { decisionEvaluationKey: r.decisionEvaluationKey, decisionDefinitionKey: keys.di_base },
    });
    expect(byDefinition.items.map((i: any) => i.decisionDefinitionId)).toEqual(['di_base']);
  });

  test('given failed evaluations, through the API and in a business rule task, then the failed decision is a FAILED decision instance with its failure message', async () => {
    const r = await evaluate('fee_default', { applicant: 'company', area: 500 });
    expect(r.failureMessage).toContain('UNIQUE');
    const api = await search({ filter: { decisionEvaluationKey: r.decisionEvaluationKey } });
    expect(api.items).toEqual([
      expect.objectContaining({
        state: 'FAILED',
        decisionDefinitionId: 'fee_default',
        decisionDefinitionKey: keys.fee_default,
        decisionDefinitionType: 'DECISION_TABLE',
        evaluationFailure: r.failureMessage,
      }),
    ]);
    const pik = await startInstance(e.client, 'di-task-fail', { applicant: 'company', area: 500 });
    const [inc] = await eventually(
      () => incidents(e.client, pik),
      (l) => l.length === 1,
    );
    const failed = await search({ filter: { processInstanceKey: pik, state: 'FAILED' } });
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0].evaluationFailure).toBe(inc.errorMessage);
    await e.client.createElementInstanceVariables({
      elementInstanceKey: pik,
      variables: { area: 50 },
    } as any);
    await e.client.resolveIncident({ incidentKey: inc.incidentKey } as any);
    const all = await search({
      filter: { processInstanceKey: pik },
      sort: [{ field: 'decisionEvaluationInstanceKey' }],
    });
    expect(all.items.map((i: any) => i.state)).toEqual(['FAILED', 'EVALUATED']);
    expect(JSON.parse(all.items[1].result)).toBe(10);
  });

  test('given a decision instance, when read by its key, then it carries its evaluated inputs and matched rules', async () => {
    const r = await evaluate('di_class', { area: 20, urgent: true });
    const table = r.evaluatedDecisions.find((d: any) => d.decisionDefinitionId === 'di_class');
    const one = await get(table.decisionEvaluationInstanceKey);
    expect(one).toMatchObject({
      decisionEvaluationInstanceKey: table.decisionEvaluationInstanceKey,
      decisionEvaluationKey: r.decisionEvaluationKey,
      state: 'EVALUATED',
      decisionDefinitionId: 'di_class',
    });
    expect(JSON.parse(one.result)).toEqual({ class: 'A', total: 50 });
    expect(one.evaluatedInputs.map((i: any) => [i.inputName, JSON.parse(i.inputValue)])).toEqual([
      ['di_base', 40],
      ['urgent', true],
    ]);
    expect(one.evaluatedInputs).toEqual(table.evaluatedInputs);
    expect(one.matchedRules).toEqual(table.matchedRules);
    expect(one.matchedRules).toEqual([
      expect.objectContaining({
        ruleId: 'R_di_class_1',
        ruleIndex: 1,
        evaluatedOutputs: [
          expect.objectContaining({ outputName: 'class', outputValue: '"A"' }),
          expect.objectContaining({ outputName: 'total', outputValue: '50' }),
        ],
      }),
    ]);
  });

  test('given many decision instances, when searched by definition id and paged by evaluation date, then pages and totals follow the search', async () => {
    await pin(e.client, '2030-01-01T10:00:00.000Z');
    const first = await evaluate('di_base', { area: 1 });
    await pin(e.client, '2030-01-01T10:00:01.000Z');
    const second = await evaluate('di_base', { area: 2 });
    await pin(e.client, '2030-01-01T10:00:02.000Z');
    const third = await evaluate('di_base', { area: 3 });
    const filter = {
      decisionDefinitionId: 'di_base',
      evaluationDate: { $gte: '2030-01-01T10:00:00.000Z', $lt: '2030-01-01T11:00:00.000Z' },
      processInstanceKey: '-1',
    };
    const page1 = await search({
      filter,
      sort: [{ field: 'evaluationDate', order: 'DESC' }],
      page: { limit: 2 },
    });
    expect(page1.page.totalItems).toBe(3);
    expect(page1.items.map((i: any) => i.decisionEvaluationKey)).toEqual([
      third.decisionEvaluationKey,
      second.decisionEvaluationKey,
    ]);
    const page2 = await search({
      filter,
      sort: [{ field: 'evaluationDate', order: 'DESC' }],
      page: { limit: 2, after: page1.page.endCursor },
    });
    expect(page2.items.map((i: any) => i.decisionEvaluationKey)).toEqual([first.decisionEvaluationKey]);
  });

  const raw = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${e.t.running.address}/v2${url}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, problem: (await res.json()) as { title: string; detail: string } };
  };

  test('given an unknown decision instance key, then 404 NOT_FOUND; a malformed key or filter is 400', async () => {
    const known = (await evaluate('di_base', { area: 4 })).evaluatedDecisions[0]
      .decisionEvaluationInstanceKey;
    expect((await get(known)).decisionEvaluationInstanceKey).toBe(known);
    expect(await rejection(get('2251799813999999'))).toMatchObject({ status: 404 });
    const unknown = await raw('GET', '/decision-instances/2251799813999999');
    expect(unknown.status).toBe(404);
    expect(unknown.problem.title).toBe('NOT_FOUND');
    expect(unknown.problem.detail).toContain("'2251799813999999'");
    const malformed = await raw('GET', '/decision-instances/not-a-key');
    expect(malformed.status).toBe(400);
    expect(malformed.problem.title).toBe('INVALID_ARGUMENT');
    const badFilter = await raw('POST', '/decision-instances/search', {
      filter: { state: { $near: 'FAILED' } },
    });
    expect(badFilter.status).toBe(400);
    expect(badFilter.problem.title).toBe('INVALID_ARGUMENT');
  });
});

describe('Decision instances after a restart', () => {
  // History: decision instances are rows of the search tables, written with the evaluation.
  test('given a data directory written before decision instances were kept, when decisions are evaluated and the engine restarts, then their decision instances are still found', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dmn-instances-restart-'));
    try {
      let t = await startTestEngine({ dataDir: dir });
      await deployAll(t.client, {
        'r.dmn': dmn('restart_di_drg', literal('restart_di_fee', 'area * 3')),
        'r.bpmn': ruleTaskProcess('di-restart', 'restart_di_fee', 'fee'),
      });
      await t.close();
      // The store as an earlier version left it: no decision instance table.
      const db = new Database(path.join(dir, 'engine.sqlite'));
      db.exec('DROP TABLE s_decisionInstance');
      db.close();
      t = await startTestEngine({ dataDir: dir });
      const r: any = await t.client.evaluateDecision({
        decisionDefinitionId: 'restart_di_fee',
        variables: { area: 2 },
      } as any);
      const pik = await startInstance(t.client, 'di-restart', { area: 5 });
      await t.close();
      t = await startTestEngine({ dataDir: dir });
      try {
        const all: any = await t.client.searchDecisionInstances(
          {
            filter: { decisionDefinitionId: 'restart_di_fee' },
            sort: [{ field: 'decisionEvaluationKey' }],
          } as any,
          NOW,
        );
        expect(all.items.map((i: any) => [i.processInstanceKey, JSON.parse(i.result)])).toEqual([
          ['-1', 6],
          [pik, 15],
        ]);
        const one: any = await t.client.getDecisionInstance(
          { decisionEvaluationInstanceKey: r.evaluatedDecisions[0].decisionEvaluationInstanceKey } as any,
          NOW,
        );
        expect(one).toMatchObject({ decisionEvaluationKey: r.decisionEvaluationKey, state: 'EVALUATED' });
      } finally {
        await t.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
