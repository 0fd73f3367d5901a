import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/schema';
import {
  DeployRefusedError,
  deployResources,
  main,
  type DeployClient,
  type LintDiagram,
} from '../../deploy/deploy';
import { REPO_ROOT, engineAvailable, startEngine } from './support';

const SMOKE = join(__dirname, 'fixtures', 'smoke');
const config = loadConfig({});
const clean: LintDiagram = async () => [];

function recordingClient(): DeployClient & { sent: File[][] } {
  const sent: File[][] = [];
  return {
    sent,
    async createDeployment({ resources }) {
      sent.push(resources);
      return {
        deploymentKey: '1',
        processes: [
          {
            processDefinitionId: 'deploy-smoke',
            processDefinitionVersion: 4,
            processDefinitionKey: '2',
            resourceName: 'deploy-smoke.bpmn',
          },
        ],
        forms: [
          {
            formId: 'deploy-smoke-review',
            version: 1,
            formKey: '3',
            resourceName: 'deploy-smoke-review.form',
          },
        ],
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
  it('sends every diagram and form in one deployment and reports the versions it got', async () => {
    const client = recordingClient();
    const lines: string[] = [];
    const report = await deployResources({
      dir: SMOKE,
      config,
      client,
      lint: clean,
      log: (l) => lines.push(l),
    });
    expect(client.sent).toHaveLength(1);
    expect(client.sent[0].map((f) => f.name)).toEqual(['deploy-smoke.bpmn', 'deploy-smoke-review.form']);
    expect(await client.sent[0][0].text()).toBe(readFileSync(join(SMOKE, 'bpmn/deploy-smoke.bpmn'), 'utf8'));
    expect(report.processes).toEqual([
      { id: 'deploy-smoke', version: 4, key: '2', resource: 'deploy-smoke.bpmn' },
    ]);
    expect(report.forms).toEqual([
      { id: 'deploy-smoke-review', version: 1, key: '3', resource: 'deploy-smoke-review.form' },
    ]);
    expect(lines.join('\n')).toMatch(
      /process deploy-smoke version 4[\s\S]*form deploy-smoke-review version 1/,
    );
  });

  it('refuses to deploy anything when a diagram has a lint error, naming file and element', async () => {
    const client = recordingClient();
    const lint: LintDiagram = async () => [
      {
        elementId: 'Task_Review',
        rule: 'no-zeebe-user-task',
        message: 'user task needs zeebe:userTask',
        severity: 'error',
      },
    ];
    const refused = deployResources({ dir: SMOKE, config, client, lint });
    await expect(refused).rejects.toBeInstanceOf(DeployRefusedError);
    await expect(refused).rejects.toThrow(
      /bpmn\/deploy-smoke\.bpmn\s+Task_Review\s+error\s+no-zeebe-user-task/,
    );
    expect(client.sent).toHaveLength(0);
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

  it('refuses a user task whose linked form is not deployed with it', async () => {
    const dir = tempCopy(SMOKE);
    try {
      rmSync(join(dir, 'forms'), { recursive: true });
      const refused = deployResources({ dir, config, client: recordingClient(), lint: clean });
      await expect(refused).rejects.toThrow(/Task_Review\s+error\s+form-exists\s+form "deploy-smoke-review"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a form without an id', async () => {
    const dir = tempCopy(SMOKE);
    try {
      writeFileSync(join(dir, 'forms', 'broken.form'), '{"components": []}');
      await expect(deployResources({ dir, config, client: recordingClient(), lint: clean })).rejects.toThrow(
        /forms\/broken\.form\s+-\s+error\s+form-id/,
      );
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
  },
);
