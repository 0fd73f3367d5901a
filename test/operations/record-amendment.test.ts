import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { NOW, pinClock, startTestEngine, type TestEngine } from '../support/engine-harness';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

/** Order 138 of 31 March 2026: the parts of its paragraph 1 that take effect on 12 July 2026 (¶4). */
const AMENDMENT = {
  serviceId: 'fire-automation-permit',
  actTitle: 'Приказ Министра по чрезвычайным ситуациям Республики Казахстан',
  actNumber: '138',
  actDate: '2026-03-31',
  effectiveDate: '2026-07-12',
  changes: 'Новая редакция пунктов 3, 4 и 8 и приложений 1–2 Правил',
  author: 'operator-1',
};

describe('`npm run -s amendment:record -- amendment.json` (Order 138 §8; spec C12)', () => {
  let engine: TestEngine;
  let dir: string;
  beforeAll(async () => {
    engine = await startTestEngine();
    await pinClock(engine.client, '2026-07-13T10:00:00+05:00');
    const xml = fs.readFileSync(path.join(REPO_ROOT, 'bpmn', 'rules-change-notice.bpmn'), 'utf8');
    await engine.client.createDeployment({ resources: [new File([xml], 'rules-change-notice.bpmn')] } as any);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amendment-command-'));
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const command = (file: string) =>
    run(TSX, [path.join(REPO_ROOT, 'scripts', 'record-amendment.ts'), file], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ZEEBE_REST_ADDRESS: engine.running.address,
        CAMUNDA_AUTH_STRATEGY: 'NONE',
        DATABASE_URL: `sqlite:${path.join(dir, 'app.sqlite')}`,
        LOG_LEVEL: 'error',
      },
    });
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
  };
  const notices = async () =>
    (
      await engine.client.searchProcessInstances(
        { filter: { processDefinitionId: 'rules-change-notice' } } as any,
        NOW,
      )
    ).items;

  test('records the amendment and starts its notice once; run again, it starts none', async () => {
    const file = write('amendment.json', AMENDMENT);
    const first = JSON.parse((await command(file)).stdout);
    expect(first).toMatchObject({
      amendment: 'RC-2026-07-12-2026-03-31-138',
      recorded: true,
      noticeStarted: true,
    });
    const again = JSON.parse((await command(file)).stdout);
    expect(again).toEqual({ ...first, recorded: false, noticeStarted: false });
    expect(await notices()).toHaveLength(1);
  }, 60_000);

  test('an amendment of the security-licence Rules (Order 923) is refused in Kazakh and Russian, exit code 2, nothing started', async () => {
    const file = write('order-923.json', { ...AMENDMENT, serviceId: 'security-licence', actNumber: '923' });
    const failed = await command(file).catch((err: { code: number; stderr: string }) => err);
    expect(failed).toMatchObject({ code: 2 });
    const { stderr } = failed as { stderr: string };
    expect(stderr).toContain('serviceId:');
    expect(stderr).toContain('(№ 923 бұйрық)');
    expect(stderr).toContain('(приказ № 923) не предусматривают');
    expect(await notices()).toHaveLength(1);
  }, 60_000);
});
