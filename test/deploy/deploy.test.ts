import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/schema';
import {
  calleesFirst,
  deployResources,
  findResources,
  formatFileProblems,
  main,
  type DeployClient,
  type LintDiagram,
} from '../../deploy/deploy';
import { ENGINE_TEST_TOKEN, REPO_ROOT, engineAvailable, startEngine } from './support';

const SMOKE = join(__dirname, 'fixtures', 'smoke');
// The engine's token as the SDK's BASIC password, as `npm start` hands it to its services.
const config = loadConfig({
  CAMUNDA_AUTH_STRATEGY: 'BASIC',
  CAMUNDA_BASIC_AUTH_USERNAME: 'engine',
  CAMUNDA_BASIC_AUTH_PASSWORD: ENGINE_TEST_TOKEN,
});
const clean: LintDiagram = async () => [];

function recordingClient(): DeployClient & { sent: File[][] } {
  const sent: File[][] = [];
  return {
    sent,
    async createDeployment({ resources }) {
      sent.push(resources);
      const [file] = resources;
      const bpmn = file.name.endsWith('.bpmn');
      return {
        deploymentKey: String(sent.length),
        processes: bpmn
          ? [
              {
                processDefinitionId: 'deploy-smoke',
                processDefinitionVersion: 4,
                processDefinitionKey: '2',
                resourceName: file.name,
              },
            ]
          : [],
        forms: bpmn
          ? []
          : [{ formId: 'deploy-smoke-review', version: 1, formKey: '3', resourceName: file.name }],
      };
    },
  };
}

function tempCopy(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-test-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

describe('deploying diagrams and forms', () => {
  it('sends each diagram and form as its own deployment and reports the versions it got', async () => {
    const client = recordingClient();
    const lines: string[] = [];
    const report = await deployResources({
      dir: SMOKE,
      config,
      client,
      lint: clean,
      log: (l) => lines.push(l),
    });
    expect(client.sent.map((files) => files.map((f) => f.name))).toEqual([
      ['deploy-smoke.bpmn'],
      ['deploy-smoke-review.form'],
    ]);
    expect(await client.sent[0][0].text()).toBe(readFileSync(join(SMOKE, 'bpmn/deploy-smoke.bpmn'), 'utf8'));
    expect(report.processes).toEqual([
      { id: 'deploy-smoke', version: 4, key: '2', resource: 'deploy-smoke.bpmn' },
    ]);
    expect(report.forms).toEqual([
      { id: 'deploy-smoke-review', version: 1, key: '3', resource: 'deploy-smoke-review.form' },
    ]);
    expect(report.refused).toEqual([]);
    expect(lines.join('\n')).toMatch(
      /process deploy-smoke version 4[\s\S]*form deploy-smoke-review version 1/,
    );
  });

  it('a diagram with a lint error is not sent and is reported by file and element; the rest is deployed', async () => {
    const client = recordingClient();
    const lines: string[] = [];
    const lint: LintDiagram = async () => [
      {
        elementId: 'Task_Review',
        rule: 'no-zeebe-user-task',
        message: 'user task needs zeebe:userTask',
        severity: 'error',
      },
    ];
    const report = await deployResources({ dir: SMOKE, config, client, lint, log: (l) => lines.push(l) });
    expect(client.sent.map((files) => files.map((f) => f.name))).toEqual([['deploy-smoke-review.form']]);
    expect(report.refused).toEqual([
      expect.objectContaining({ file: 'bpmn/deploy-smoke.bpmn', elementId: 'Task_Review' }),
    ]);
    expect(report.kept).toEqual([{ file: 'bpmn/deploy-smoke.bpmn', processId: 'deploy-smoke' }]);
    expect(lines.join('\n')).toMatch(/bpmn\/deploy-smoke\.bpmn\s+Task_Review\s+error\s+no-zeebe-user-task/);
  });

  it('deploys despite lint warnings, and reports them', async () => {
    const lint: LintDiagram = async () => [
      { elementId: 'End_Done', rule: 'label-required', message: 'no label', severity: 'warn' },
    ];
    const report = await deployResources({ dir: SMOKE, config, client: recordingClient(), lint });
    expect(report.warnings).toEqual([
      expect.objectContaining({ file: 'bpmn/deploy-smoke.bpmn', elementId: 'End_Done' }),
    ]);
  });

  it('does not deploy a user task whose linked form is not deployed with it', async () => {
    const dir = tempCopy(SMOKE);
    try {
      rmSync(join(dir, 'forms'), { recursive: true });
      const client = recordingClient();
      const report = await deployResources({ dir, config, client, lint: clean });
      expect(formatFileProblems(report.refused)).toMatch(
        /Task_Review\s+error\s+form-exists\s+form "deploy-smoke-review"/,
      );
      expect(client.sent).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not deploy a form without an id, and still deploys the others', async () => {
    const dir = tempCopy(SMOKE);
    try {
      writeFileSync(join(dir, 'forms', 'broken.form'), '{"components": []}');
      const client = recordingClient();
      const report = await deployResources({ dir, config, client, lint: clean });
      expect(formatFileProblems(report.refused)).toMatch(/forms\/broken\.form\s+-\s+error\s+form-id/);
      expect(client.sent.flat().map((f) => f.name)).toEqual([
        'deploy-smoke.bpmn',
        'deploy-smoke-review.form',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('deploys a called process before the diagrams that call it, the rest by name', async () => {
    const diagram = (id: string, calls: string[] = []) =>
      `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0">
  <bpmn:process id="${id}" isExecutable="true">${calls
    .map(
      (c, i) =>
        `<bpmn:callActivity id="Call_${i}"><bpmn:extensionElements><zeebe:calledElement processId="${c}" /></bpmn:extensionElements></bpmn:callActivity>`,
    )
    .join('')}</bpmn:process>
</bpmn:definitions>`;
    const dir = mkdtempSync(join(tmpdir(), 'deploy-order-'));
    try {
      mkdirSync(join(dir, 'bpmn'));
      writeFileSync(join(dir, 'bpmn', 'a-permit.bpmn'), diagram('permit', ['hearing', 'notify']));
      writeFileSync(join(dir, 'bpmn', 'b-complaint.bpmn'), diagram('complaint'));
      writeFileSync(join(dir, 'bpmn', 'c-notify.bpmn'), diagram('notify'));
      writeFileSync(join(dir, 'bpmn', 'd-hearing.bpmn'), diagram('hearing', ['=calledProcess']));
      const order = (await findResources(dir)).map((r) => r.path);
      expect(order).toEqual([
        'bpmn/b-complaint.bpmn',
        'bpmn/c-notify.bpmn',
        'bpmn/d-hearing.bpmn',
        'bpmn/a-permit.bpmn',
      ]);
      // Two diagrams calling each other keep their name order.
      const cycle = calleesFirst([
        { path: 'bpmn/x.bpmn', kind: 'bpmn', content: diagram('x', ['y']) },
        { path: 'bpmn/y.bpmn', kind: 'bpmn', content: diagram('y', ['x']) },
      ]);
      expect(cycle.map((r) => r.path)).toEqual(['bpmn/x.bpmn', 'bpmn/y.bpmn']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in a dry run lints and sends nothing', async () => {
    const client = recordingClient();
    const report = await deployResources({ dir: SMOKE, config, client, lint: clean, dryRun: true });
    expect(report).toMatchObject({
      dryRun: true,
      resources: ['bpmn/deploy-smoke.bpmn', 'forms/deploy-smoke-review.form'],
    });
    expect(client.sent).toHaveLength(0);
  });
});

describe('npm run deploy', () => {
  const run = async (argv: string[], env: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
      argv,
      env,
      (l) => out.push(l),
      (l) => err.push(l),
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('exits 2 with the usage on an unknown option or a bad address', async () => {
    expect(await run(['--force'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('usage: npm run deploy'),
    });
    expect((await run(['--address', 'camunda:8080'])).code).toBe(2);
  });

  it('exits 2 when the directory holds nothing to deploy', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'deploy-empty-'));
    try {
      expect(await run(['--dir', empty, '--dry-run'])).toMatchObject({
        code: 2,
        err: expect.stringContaining('nothing to deploy'),
      });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('exits 2 on invalid configuration', async () => {
    expect((await run(['--dry-run', '--dir', SMOKE], { ZEEBE_REST_ADDRESS: 'nowhere' })).code).toBe(2);
  });

  it('exits 1 and names the element when the real deploy gate rejects a diagram', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-lint-'));
    try {
      mkdirSync(join(dir, 'bpmn'));
      cpSync(
        join(REPO_ROOT, 'test/fixtures/lint/service-task-without-task-definition.bpmn'),
        join(dir, 'bpmn', 'bad.bpmn'),
      );
      const result = await run(['--dry-run', '--dir', dir]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/bpmn\/bad\.bpmn\s+\S+\s+error/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const diagrams = readdirSync(join(REPO_ROOT, 'bpmn')).filter((f) => f.endsWith('.bpmn'));
  (diagrams.length > 0 ? it : it.skip)(
    diagrams.length > 0
      ? `the repository's ${diagrams.length} diagrams and their forms pass the deploy gate (dry run)`
      : 'the repository diagrams pass the deploy gate — skipped: bpmn/ has no diagrams yet',
    async () => {
      const result = await run(['--dry-run']);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      for (const diagram of diagrams) expect(result.out).toContain(`bpmn/${diagram}`);
    },
  );
});

(engineAvailable() ? describe : describe.skip)(
  'deploying to the embedded engine through the official SDK',
  () => {
    let engine: Awaited<ReturnType<typeof startEngine>>;
    beforeAll(async () => {
      engine = await startEngine();
    });
    afterAll(async () => engine?.stop());

    it('deploys the diagram and its form, and a changed diagram becomes a new version beside the old', async () => {
      const first = await deployResources({ address: engine.address, dir: SMOKE, config });
      expect(first.processes).toEqual([expect.objectContaining({ id: 'deploy-smoke', version: 1 })]);
      expect(first.forms).toEqual([expect.objectContaining({ id: 'deploy-smoke-review', version: 1 })]);

      const changed = tempCopy(SMOKE);
      try {
        const file = join(changed, 'bpmn', 'deploy-smoke.bpmn');
        writeFileSync(
          file,
          readFileSync(file, 'utf8').replace('name="Review"', 'name="Review the application"'),
        );
        const second = await deployResources({ address: engine.address, dir: changed, config });
        expect(second.processes).toEqual([expect.objectContaining({ id: 'deploy-smoke', version: 2 })]);
        expect(second.processes[0].key).not.toBe(first.processes[0].key);
      } finally {
        rmSync(changed, { recursive: true, force: true });
      }
    });

    // A diagram saved with a lint error once made the next `npm start` fail for everyone: now it is
    // reported (file, element, reason), its last good version keeps running and the rest is deployed.
    it('a repository diagram broken by a lint error is skipped and reported; its last good version keeps running', async () => {
      const repo = mkdtempSync(join(tmpdir(), 'deploy-keep-'));
      try {
        cpSync(join(REPO_ROOT, 'bpmn'), join(repo, 'bpmn'), { recursive: true });
        cpSync(join(REPO_ROOT, 'forms'), join(repo, 'forms'), { recursive: true });
        const first = await deployResources({ address: engine.address, dir: repo, config });
        expect(first.refused).toEqual([]);
        expect(first.processes.find((p) => p.id === 'hearing')?.version).toBe(1);

        const hearing = join(repo, 'bpmn', 'hearing.bpmn');
        writeFileSync(
          hearing,
          readFileSync(hearing, 'utf8').replace(
            '<zeebe:taskDefinition type="report-stage" retries="3" />',
            '',
          ),
        );
        const complaint = join(repo, 'bpmn', 'complaint.bpmn');
        writeFileSync(
          complaint,
          readFileSync(complaint, 'utf8').replace(/(<bpmn:process id="complaint" name=")/, '$1Edited: '),
        );
        const lines: string[] = [];
        const second = await deployResources({
          address: engine.address,
          dir: repo,
          config,
          log: (l) => lines.push(l),
        });
        const output = lines.join('\n');
        expect(second.refused).toEqual([
          expect.objectContaining({
            file: 'bpmn/hearing.bpmn',
            elementId: 'Task_ReportHearingStarted',
            severity: 'error',
          }),
        ]);
        expect(output).toMatch(/bpmn\/hearing\.bpmn\s+Task_ReportHearingStarted\s+error\s+\S+\s+\S/);
        expect(second.kept).toEqual([{ file: 'bpmn/hearing.bpmn', processId: 'hearing', runningVersion: 1 }]);
        expect(output).toContain('bpmn/hearing.bpmn: process hearing keeps running version 1');
        // The rest went: the edited complaint is a new version, unchanged diagrams stay at version 1.
        expect(second.processes.find((p) => p.id === 'complaint')?.version).toBe(2);
        expect(second.processes.find((p) => p.id === 'fire-automation-permit')?.version).toBe(1);
        expect(second.processes.some((p) => p.id === 'hearing')).toBe(false);
        expect(second.forms.length).toBe(first.forms.length);
      } finally {
        rmSync(repo, { recursive: true, force: true });
      }
    }, 120_000);
  },
);
