import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  GATE_CONFIG,
  LINT_CONFIG_PATH,
  formatLintProblems,
  gateDiagram,
  lintDiagram,
} from '../../engine/lint';

const fixture = (name: string): string =>
  readFileSync(path.join(__dirname, '../fixtures/lint', `${name}.bpmn`), 'utf8');
const errors = async (name: string) =>
  (await lintDiagram(fixture(name))).filter((p) => p.severity === 'error');

describe('bpmnlint: modelling advice (recommended + camunda-compat 8.8) and the deploy gate (camunda-compat 8.8)', () => {
  test('the deploy gate applies camunda-compat 8.8 only: what Zeebe 8.8 validates', () => {
    expect(GATE_CONFIG).toEqual({ extends: 'plugin:camunda-compat/camunda-cloud-8-8' });
  });

  test('advice reads the same configuration as Camunda Modeler, the CLI and the designer: recommended rules warn', () => {
    const config = JSON.parse(readFileSync(LINT_CONFIG_PATH, 'utf8'));
    expect(config.extends).toEqual(['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8']);
    // The CLI needs the Zeebe extension to read zeebe:* elements; the gate registers it itself.
    expect(config.moddleExtensions).toEqual({ zeebe: 'zeebe-bpmn-moddle/resources/zeebe.json' });
    // Every general rule is advice, except a process without a start event, which Zeebe rejects.
    const { rules } = createRequire(__filename)('bpmnlint/config/recommended.js') as { rules: object };
    const recommended = Object.keys(rules);
    expect(Object.keys(config.rules).sort()).toEqual(
      recommended.filter((r) => r !== 'start-event-required').sort(),
    );
    expect(new Set(Object.values(config.rules))).toEqual(new Set(['warn']));
  });

  test('a start -> service task with a job type -> end process passes without problems', async () => {
    expect(await lintDiagram(fixture('service-task-with-job-type'))).toEqual([]);
  });

  test('a service task without a task definition is rejected, naming the task', async () => {
    const problems = await errors('service-task-without-task-definition');
    expect(problems).toEqual([
      expect.objectContaining({
        elementId: 'Task_CheckLicenceFee',
        rule: 'camunda-compat/implementation',
        severity: 'error',
      }),
    ]);
    expect(problems[0].message).toMatch(/zeebe:TaskDefinition/);
  });

  test('a conditional start event, which Camunda 8.8 cannot run, is rejected', async () => {
    const problems = await errors('conditional-start-event');
    expect(problems).toEqual([
      expect.objectContaining({
        elementId: 'StartEvent_ApplicationReceived',
        rule: 'camunda-compat/element-type',
      }),
    ]);
    expect(problems[0].message).toMatch(/ConditionalEventDefinition.*8\.9/);
  });

  test('findings of one diagram do not leak into the next one linted', async () => {
    await lintDiagram(fixture('service-task-with-job-type'));
    expect(await lintDiagram(fixture('service-task-with-job-type'))).toEqual([]);
  });

  test('a document that is not BPMN XML yields one parse error', async () => {
    const problems = await lintDiagram('<bpmn:definitions');
    expect(problems).toEqual([expect.objectContaining({ rule: 'parse', severity: 'error' })]);
  });

  test('general advice (a missing label, missing layout) is a warning; the gate does not report it', async () => {
    const unnamed = fixture('service-task-with-job-type').replace(' name="Check licence fee"', '');
    const advice = await lintDiagram(unnamed);
    expect(advice).toEqual([
      expect.objectContaining({
        elementId: 'Task_CheckLicenceFee',
        rule: 'label-required',
        severity: 'warn',
      }),
    ]);
    expect(await gateDiagram(unnamed)).toEqual([]);
  });

  test('a layout plane pointing at a missing element crashes no rule, in the gate or in advice', async () => {
    const stray = fixture('service-task-with-job-type').replace(
      'bpmnElement="lint-valid-process"',
      'bpmnElement="Missing_Process"',
    );
    expect((await gateDiagram(stray)).filter((p) => p.severity === 'error')).toEqual([]);
    expect((await lintDiagram(stray)).filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('the gate still reports camunda-compat errors by element', async () => {
    const problems = (await gateDiagram(fixture('service-task-without-task-definition'))).filter(
      (p) => p.severity === 'error',
    );
    expect(problems).toEqual([
      expect.objectContaining({ elementId: 'Task_CheckLicenceFee', rule: 'camunda-compat/implementation' }),
    ]);
  });

  test('problems format as "elementId: message (rule)" lines', () => {
    const text = formatLintProblems([
      {
        elementId: 'Task_A',
        rule: 'camunda-compat/implementation',
        message: 'needs a job type',
        severity: 'error',
      },
      { elementId: '', rule: 'parse', message: 'not readable', severity: 'error' },
    ]);
    expect(text.split('\n')).toEqual([
      'Task_A: needs a job type (camunda-compat/implementation)',
      '(document): not readable (parse)',
    ]);
  });

  test('a started engine has loaded the gate: its first deployment loads no rule while requests wait', () => {
    // In a fresh process, so that no other test has loaded the rules already.
    const script = `
      const { startEmbeddedEngine } = require(${JSON.stringify(path.join(__dirname, '../../engine'))});
      startEmbeddedEngine({ dataDir: ':memory:', port: 0 }).then(async (e) => {
        const loaded = Object.keys(require.cache)
          .filter((file) => file.includes('camunda-compat/rules/')).length;
        await e.close();
        process.stdout.write(String(loaded));
      });`;
    const loaded = Number(
      execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', cwd: __dirname }),
    );
    expect(loaded).toBeGreaterThan(10);
  }, 60_000);
});
