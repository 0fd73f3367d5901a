import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LINT_CONFIG_PATH, formatLintProblems, lintDiagram } from '../../engine/lint';

const fixture = (name: string): string =>
  readFileSync(path.join(__dirname, '../fixtures/lint', `${name}.bpmn`), 'utf8');
const errors = async (name: string) =>
  (await lintDiagram(fixture(name))).filter((p) => p.severity === 'error');

describe('deploy gate (bpmnlint recommended + camunda-compat 8.8)', () => {
  test('the gate reads the same configuration as Camunda Modeler and the CLI', () => {
    expect(JSON.parse(readFileSync(LINT_CONFIG_PATH, 'utf8'))).toEqual({
      extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8'],
      // The CLI needs the Zeebe extension to read zeebe:* elements; the gate registers it itself.
      moddleExtensions: { zeebe: 'zeebe-bpmn-moddle/resources/zeebe.json' },
    });
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
});
