import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, startedSince, client, BIN, OTHER_BIN, licenceApplication } from './support/harness';

describe('designer: diagrams, lint gate and deployment', () => {
  let dir: string;
  let ctx: Awaited<ReturnType<typeof startApp>>;
  const deployed: string[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kzp-designer-'));
    mkdirSync(path.join(dir, 'bpmn'));
    writeFileSync(path.join(dir, 'bpmn', 'security-licence.bpmn'), '<bpmn:definitions xmlns:bpmn="x"/>');
    ctx = await startApp({
      repoDir: dir,
      lintDiagram: async (xml) =>
        xml.includes('Activity_0')
          ? [
              {
                elementId: 'Activity_0abc',
                rule: 'element-id',
                message: 'modeler default id',
                severity: 'error',
              },
            ]
          : [],
      deploy: async () => {
        deployed.push(readFileSync(path.join(dir, 'bpmn', 'security-licence.bpmn'), 'utf8'));
        return {
          processes: [{ id: 'security-licence', version: 2, key: '9', resource: 'security-licence.bpmn' }],
          forms: [],
        };
      },
    });
  });
  afterEach(async () => {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });
  let designerSession: Awaited<ReturnType<typeof ctx.as>> | undefined;
  beforeEach(() => {
    designerSession = undefined;
  });
  const designer =
    () =>
    async (...args: Parameters<ReturnType<typeof client>>) => {
      designerSession ??= await ctx.as('designer');
      return client(ctx.base, designerSession)(...args);
    };

  test('a designer opens and saves a diagram; names outside bpmn/ are refused', async () => {
    expect((await designer()('GET', '/api/designer/diagrams')).json.items).toEqual(['security-licence.bpmn']);
    const xml = '<bpmn:definitions xmlns:bpmn="x"><bpmn:process id="p"/></bpmn:definitions>';
    const saved = await designer()('PUT', '/api/designer/diagrams/security-licence.bpmn', xml, {
      'content-type': 'application/xml',
    });
    expect(saved.status).toBe(200);
    expect(readFileSync(path.join(dir, 'bpmn', 'security-licence.bpmn'), 'utf8')).toBe(xml);
    expect((await designer()('GET', '/api/designer/diagrams/..%2Fpackage.bpmn')).status).toBe(400);
  });

  test('live lint reports problems with the element id', async () => {
    const res = await designer()('POST', '/api/designer/lint', '<x id="Activity_0abc"/>', {
      'content-type': 'application/xml',
    });
    expect(res.json.problems).toEqual([
      { elementId: 'Activity_0abc', rule: 'element-id', message: 'modeler default id', severity: 'error' },
    ]);
  });

  test('a deploy saves the open diagram first and starts no rules-change notice (Order 138 §8: an amendment of the law does, not a deployment)', async () => {
    const notices = await startedSince(ctx.sys, 'rules-change-notice');
    const xml = '<bpmn:definitions xmlns:bpmn="x"><bpmn:process id="security-licence"/></bpmn:definitions>';
    const res = await designer()('POST', '/api/designer/deploy', {
      diagram: { name: 'security-licence.bpmn', xml },
    });
    expect(res.status).toBe(200);
    expect(deployed.at(-1)).toBe(xml);
    expect(res.json.processes).toEqual([
      { id: 'security-licence', version: 2, key: '9', resource: 'security-licence.bpmn' },
    ]);
    expect(res.json.notified).toBeUndefined();
    expect(await notices()).toEqual([]);
  });
});

test('a deploy refused by lint answers 422 with the problems and notifies nobody', async () => {
  const problems = [
    {
      file: 'bpmn/x.bpmn',
      elementId: 'Task_A',
      rule: 'form-exists',
      message: 'form missing',
      severity: 'error',
    },
  ];
  const ctx = await startApp({
    deploy: async () => {
      throw Object.assign(new Error('deployment refused: 1 lint error(s)'), { problems });
    },
  });
  try {
    const notices = await startedSince(ctx.sys, 'rules-change-notice');
    const res = await client(ctx.base, await ctx.as('designer'))('POST', '/api/designer/deploy');
    expect(res.status).toBe(422);
    expect(res.json.problems).toEqual(problems);
    expect(await notices()).toEqual([]);
  } finally {
    await ctx.close();
  }
});

test('an applicant downloads documents of their own applications only, and only once sent to their cabinet', async () => {
  const pdf = Buffer.from('%PDF-1.7 synthetic');
  const ctx = await startApp({
    // doc-1 reached the personal cabinet; doc-2 (a draft awaiting the head's signature) did not.
    cabinetMessages: async (bin) =>
      bin === BIN
        ? [
            {
              messageId: 'MSG-000001',
              applicationNumber: 'SEC-2026-000001',
              kind: 'licence',
              title: 'Лицензия',
              body: null,
              documentId: 'doc-1',
              channel: 'cabinet',
              deliveredAt: '2026-04-15T05:00:00.000Z',
            },
          ]
        : [],
    documents: {
      get: async (id) =>
        (id === 'doc-1' || id === 'doc-2'
          ? {
              meta: {
                // The first number the register issues.
                applicationNumber: 'SEC-2026-000001',
                fileName: 'licence.pdf',
                contentType: 'application/pdf',
              },
              bytes: pdf,
            }
          : null) as never,
    },
  });
  try {
    const mine = client(ctx.base, await ctx.as('applicant', { bin: BIN }));
    await mine('POST', '/api/applications', licenceApplication());
    const res = await mine('GET', '/api/documents/doc-1?download=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    expect((await mine('GET', '/api/documents/doc-2')).status).toBe(404);
    expect(
      (await client(ctx.base, await ctx.as('applicant', { bin: OTHER_BIN }))('GET', '/api/documents/doc-1'))
        .status,
    ).toBe(404);
    expect(
      (await client(ctx.base, await ctx.as('clerk', { unit: 'police' }))('GET', '/api/documents/doc-1'))
        .status,
    ).toBe(200);
    expect((await client(ctx.base, await ctx.as('designer'))('GET', '/api/documents/doc-1')).status).toBe(
      403,
    );
  } finally {
    await ctx.close();
  }
});
