import { startApp, client, BIN, OTHER_BIN, licenceApplication } from './support/harness';

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
