import {
  checkSecurityRequirements,
  missingSubTypeOneDocuments,
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
    // The requirement unmet: Order 923, licence rules, Annex 1 (List) row 8 item 1.
    expect(r.grounds[0].ruleRef).toEqual({
      act: 'order-923',
      service: 'security-licence',
      annex: 1,
      row: 8,
      item: 1,
    });
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

  // Order 923 §6–§7 (spec C5): a missing document makes the package incomplete (refusal of
  // further consideration by the clerk); it is not refusal ground 13 ("materials or objects not
  // meeting the Law"), which the check used to cite for it.
  test('Order 923 §7: each missing console, radio or response-group document is incompleteness, not ground 13', () => {
    const r = checkSecurityRequirements(application({ attachments: [{ kind: K.premisesLease }] }));
    expect(r.grounds).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.missingDocuments).toHaveLength(4);
    expect(r.missingDocuments.map((d) => d.ru).join(' ')).toMatch(
      /пульта.*техническая.*радио.*быстрого реагирования/s,
    );
    expect(r.missingDocuments.map((d) => d.key)).toEqual([
      'docMonitoringConsole',
      'docMonitoringConsole',
      'docRadioPermit',
      'docResponseGroups',
    ]);
  });

  test('a radio subscriber contract replaces the radio-frequency permit', () => {
    const docs = allDocs.filter((d) => d.kind !== K.radioPermit).concat({ kind: K.radioContract });
    expect(checkSecurityRequirements(application({ attachments: docs })).missingDocuments).toEqual([]);
  });

  test('Order 923 §7: premises documents are missing only when the central post is leased, not owned', () => {
    const docs = allDocs.filter((d) => d.kind !== K.premisesLease);
    expect(checkSecurityRequirements(application({ attachments: docs })).missingDocuments).toEqual([
      expect.objectContaining({ key: 'docCentralPostPremises', ru: expect.stringContaining('арендованное') }),
    ]);
    expect(
      checkSecurityRequirements(
        application({ attachments: docs, realEstate: [{ ownerBin: BIN, kind: 'premises' }] }),
      ).missingDocuments,
    ).toEqual([]);
  });

  test('Order 923 §6–§7: before the real-estate lookup the completeness check lists the premises documents with their condition', () => {
    const missing = missingSubTypeOneDocuments({ subType: 1, requestKind: 'issue', attachments: [] });
    expect(missing.map((d) => d.key)).toEqual([
      'docCentralPostPremises',
      'docMonitoringConsole',
      'docMonitoringConsole',
      'docRadioPermit',
      'docResponseGroups',
    ]);
    expect(missing[0].ru).toContain('если оно арендовано');
    expect(missingSubTypeOneDocuments({ subType: 2, requestKind: 'issue', attachments: [] })).toEqual([]);
    expect(missingSubTypeOneDocuments({ subType: 1, requestKind: 'duplicate', attachments: [] })).toEqual([]);
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
    expect(
      checkSecurityRequirements(application({ requestKind: 'reissue', attachments: [] })).missingDocuments,
    ).toHaveLength(5);
  });
});
