import { startApp, client, BIN, OTHER_BIN, licenceApplication } from './support/harness';

test('an applicant downloads documents of their own applications only', async () => {
  const pdf = Buffer.from('%PDF-1.7 synthetic');
  const ctx = await startApp({
    documents: {
      get: async (id) =>
        (id === 'doc-1'
          ? {
              meta: {
                applicationNumber: 'SEC-2026-000042',
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
