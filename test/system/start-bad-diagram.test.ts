import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../../config/log';
import { startSystem, type RunningSystem } from '../../scripts/start';

/**
 * A diagram with a lint error once made `npm start` fail for everyone. Now the system starts, the
 * bad diagram is reported with its file, element and reason, and everything else is deployed.
 */
describe('npm start with a diagram that fails lint', () => {
  const repo = path.resolve(__dirname, '..', '..');
  let dir: string;
  let sys: RunningSystem | undefined;
  const lines: string[] = [];
  const log: Logger = {
    error: (m) => void lines.push(`error ${m}`),
    warn: (m) => void lines.push(`warn ${m}`),
    info: (m) => void lines.push(`info ${m}`),
    debug: () => undefined,
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'system-bad-diagram-'));
    const resources = path.join(dir, 'resources');
    for (const folder of ['bpmn', 'forms'])
      fs.cpSync(path.join(repo, folder), path.join(resources, folder), { recursive: true });
    const hearing = path.join(resources, 'bpmn', 'hearing.bpmn');
    fs.writeFileSync(
      hearing,
      fs
        .readFileSync(hearing, 'utf8')
        .replace('<zeebe:taskDefinition type="report-stage" retries="3" />', ''),
    );
    sys = await startSystem(
      {
        ENGINE_PORT: '0',
        UI_PORT: '0',
        SIMULATORS_PORT: '0',
        NCALAYER_STAND_IN_PORT: '0',
        ENGINE_DATA_DIR: path.join(dir, 'engine'),
        UI_DATA_DIR: path.join(dir, 'ui'),
        DOCUMENTS_DIR: path.join(dir, 'documents'),
        LOG_LEVEL: 'error',
      },
      { resourcesDir: resources, log },
    );
  }, 180_000);
  afterAll(async () => {
    await sys?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('starts, reports the bad diagram by file, element and reason, and deploys the rest', async () => {
    expect(sys).toBeDefined();
    expect((await fetch(`${sys!.uiUrl}/`)).status).toBeLessThan(500);
    expect(sys!.deployment.refused).toEqual([
      expect.objectContaining({ file: 'bpmn/hearing.bpmn', elementId: 'Task_ReportHearingStarted' }),
    ]);
    const output = lines.join('\n');
    expect(output).toMatch(/error not deployed: bpmn\/hearing\.bpmn Task_ReportHearingStarted: \S.* \(\S+\)/);
    expect(output).toContain('bpmn/hearing.bpmn: process hearing was never deployed');
    const deployed = sys!.deployment.processes.map((p) => p.id).sort();
    expect(deployed).toEqual([
      'complaint',
      'deliver-result',
      'fire-automation-permit',
      'national-company-security-approval',
      'rules-change-notice',
      'security-licence',
      'training-centre-designation',
    ]);
    expect(sys!.deployment.forms.length).toBe(
      fs.readdirSync(path.join(repo, 'forms')).filter((f) => f.endsWith('.form')).length,
    );
  });
});
