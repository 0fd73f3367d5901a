import {
  checkSecurityRequirements,
  SECURITY_DOCUMENT_KINDS as K,
  type SecurityRequirementsInput,
} from '../../../domain/rules/security-requirements';

const BIN = '100140011111';
const allDocs: Array<{ kind: string }> = [
  K.premisesLease,
  K.consoleStaffing,
  K.consoleTechnicalDocs,
  K.radioPermit,
  K.responseGroupOrders,
].map((kind) => ({ kind }));

function application(over: Partial<SecurityRequirementsInput> = {}): SecurityRequirementsInput {
  return {
    subType: 1,
    requestKind: 'issue',
    applicantBin: BIN,
    attachments: allDocs,
    vehicles: [
      { plate: '001AAA02', ownerBin: BIN, registrationCertificate: 'RC-1' },
      { plate: '002AAA02', ownerBin: BIN, registrationCertificate: 'RC-2' },
    ],
    realEstate: [],
    ...over,
  };
}

describe('service B: sub-type 1 requirements (licence rules, List row 8 item 1)', () => {
  test('given every document and two owned vehicles, the check passes', () => {
    expect(checkSecurityRequirements(application())).toMatchObject({
      passed: true,
      grounds: [],
      ownedVehicleCount: 2,
    });
  });

  test('one owned vehicle is not enough: "at least two vehicles" held on the right of ownership', () => {
    const r = checkSecurityRequirements(
      application({
        vehicles: [
          { plate: '001AAA02', ownerBin: BIN, registrationCertificate: 'RC-1' },
          { plate: '003AAA02', ownerBin: '999999999999', registrationCertificate: 'RC-3' },
        ],
      }),
    );
    expect(r.passed).toBe(false);
    expect(r.ownedVehicleCount).toBe(1);
    expect(r.grounds).toHaveLength(1);
    expect(r.grounds[0]).toMatchObject({ code: 'B13_SECURITY_LAW_NON_COMPLIANCE' });
    expect(r.grounds[0].ruleRef).toContain('row 8 item 1');
  });

  test('a vehicle without a registration certificate does not count', () => {
    const r = checkSecurityRequirements(
      application({
        vehicles: [
          { plate: '1', ownerBin: BIN, registrationCertificate: 'RC' },
          { plate: '2', ownerBin: BIN, registrationCertificate: null },
        ],
      }),
    );
    expect(r.passed).toBe(false);
  });

  test('each missing console, radio or response-group document is its own finding', () => {
    const r = checkSecurityRequirements(application({ attachments: [{ kind: K.premisesLease }] }));
    expect(r.grounds).toHaveLength(4);
    expect(r.grounds.map((g) => g.textRu).join(' ')).toMatch(
      /пульта.*технической.*радио.*быстрого реагирования/s,
    );
  });

  test('a radio subscriber contract replaces the radio-frequency permit', () => {
    const docs = allDocs.filter((d) => d.kind !== K.radioPermit).concat({ kind: K.radioContract });
    expect(checkSecurityRequirements(application({ attachments: docs })).passed).toBe(true);
  });

  test('premises documents are required only when the central post is leased, not owned', () => {
    const docs = allDocs.filter((d) => d.kind !== K.premisesLease);
    expect(checkSecurityRequirements(application({ attachments: docs })).passed).toBe(false);
    expect(
      checkSecurityRequirements(
        application({ attachments: docs, realEstate: [{ ownerBin: BIN, kind: 'premises' }] }),
      ).passed,
    ).toBe(true);
  });

  test('sub-type 2 needs the application only', () => {
    expect(
      checkSecurityRequirements(application({ subType: 2, attachments: [], vehicles: [] })),
    ).toMatchObject({ passed: true, grounds: [], requiredDocuments: [] });
  });

  test('a duplicate needs the application only, whatever the sub-type', () => {
    expect(
      checkSecurityRequirements(application({ requestKind: 'duplicate', attachments: [], vehicles: [] }))
        .passed,
    ).toBe(true);
  });

  test('re-issue of a sub-type 1 licence needs the same documents as issue', () => {
    expect(checkSecurityRequirements(application({ requestKind: 'reissue', attachments: [] })).passed).toBe(
      false,
    );
  });
});
