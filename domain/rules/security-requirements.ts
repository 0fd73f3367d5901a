import { finding, type CheckResult, type GroundFinding } from './refusal-grounds';

/**
 * Service B, List row 8 items 1–3 (MIA Order 261 as amended by 923): what a sub-type 1 licence
 * (guarding objects vulnerable to terrorism) needs beyond the application. Sub-type 2 and
 * duplicates need the application only.
 */

/** Attachment kinds the portal uses for the sub-type 1 documents. */
export const SECURITY_DOCUMENT_KINDS = {
  premisesLease: 'central-post-premises-lease',
  consoleStaffing: 'monitoring-console-staffing',
  consoleTechnicalDocs: 'monitoring-console-technical-docs',
  radioPermit: 'radio-frequency-permit',
  radioContract: 'radio-subscriber-contract',
  responseGroupOrders: 'response-group-orders',
  vehicleCertificates: 'vehicle-registration-certificates',
} as const;

export interface SecurityRequirementsConfig {
  /** List row 8 item 1: "at least two vehicles" owned. */
  minimumOwnedVehicles: number;
}

export const DEFAULT_SECURITY_REQUIREMENTS_CONFIG: SecurityRequirementsConfig = { minimumOwnedVehicles: 2 };

export interface SecurityRequirementsInput {
  subType: 1 | 2;
  requestKind: 'issue' | 'reissue' | 'duplicate';
  applicantBin: string;
  attachments: Array<{ kind: string; fileName?: string }>;
  vehicles: Array<{ plate: string; ownerBin: string; registrationCertificate?: string | null }>;
  realEstate: Array<{ ownerBin?: string; kind?: string; basis?: string }>;
}

export interface SecurityRequirementsCheck extends CheckResult {
  ownedVehicleCount: number;
  /** Documents required for this application, by attachment kind. */
  requiredDocuments: string[];
}

const ROW8 = 'MIA Order 261 (as amended by 923), licence rules, Annex 1 row 8 item 1';

interface Requirement {
  kinds: string[];
  kk: string;
  ru: string;
}

function required(input: SecurityRequirementsInput): Requirement[] {
  const K = SECURITY_DOCUMENT_KINDS;
  const ownsPremises = input.realEstate.some((r) => r.ownerBin === input.applicantBin);
  const list: Requirement[] = [
    {
      kinds: [K.consoleStaffing],
      kk: 'орталықтандырылған бақылау пультінің штаттық кестесі мен бұйрықтары жоқ',
      ru: 'нет штатного расписания и приказов пульта централизованного наблюдения',
    },
    {
      kinds: [K.consoleTechnicalDocs],
      kk: 'сигнал қабылдайтын компьютерлік техника мен серверге техникалық құжаттама жоқ',
      ru: 'нет технической документации на компьютерную технику и сервер, принимающие сигналы',
    },
    {
      kinds: [K.radioPermit, K.radioContract],
      kk: 'радиожиілік спектрін пайдалануға рұқсат немесе радиобайланыс шарты жоқ',
      ru: 'нет разрешения на использование радиочастотного спектра или договора радиосвязи',
    },
    {
      kinds: [K.responseGroupOrders],
      kk: 'жедел ден қою топтарын құру туралы бұйрықтар жоқ',
      ru: 'нет приказов о создании групп быстрого реагирования',
    },
  ];
  // Premises documents are asked for only when the central post's premises are leased.
  if (!ownsPremises) {
    list.unshift({
      kinds: [K.premisesLease],
      kk: 'орталықтандырылған күзет пунктінің жалға алынған үй-жайына құжаттар жоқ',
      ru: 'нет документов на арендованное помещение центрального поста охраны',
    });
  }
  return list;
}

export function checkSecurityRequirements(
  input: SecurityRequirementsInput,
  config: SecurityRequirementsConfig = DEFAULT_SECURITY_REQUIREMENTS_CONFIG,
): SecurityRequirementsCheck {
  const ownedVehicleCount = input.vehicles.filter(
    (v) => v.ownerBin === input.applicantBin && Boolean(v.registrationCertificate),
  ).length;
  if (input.subType === 2 || input.requestKind === 'duplicate') {
    return { passed: true, grounds: [], ownedVehicleCount, requiredDocuments: [] };
  }
  const present = new Set(input.attachments.map((a) => a.kind));
  const reqs = required(input);
  const grounds: GroundFinding[] = [];
  for (const r of reqs) {
    if (!r.kinds.some((k) => present.has(k)))
      grounds.push({ ...finding('B13_SECURITY_LAW_NON_COMPLIANCE', { kk: r.kk, ru: r.ru }), ruleRef: ROW8 });
  }
  if (ownedVehicleCount < config.minimumOwnedVehicles) {
    grounds.push({
      ...finding('B13_SECURITY_LAW_NON_COMPLIANCE', {
        kk: `меншіктегі тіркелген көлік құралдары ${ownedVehicleCount}, кемінде ${config.minimumOwnedVehicles} қажет`,
        ru: `зарегистрированных транспортных средств в собственности ${ownedVehicleCount}, требуется не менее ${config.minimumOwnedVehicles}`,
      }),
      ruleRef: ROW8,
    });
  }
  return {
    passed: grounds.length === 0,
    grounds,
    ownedVehicleCount,
    requiredDocuments: reqs.map((r) => r.kinds.join('|')),
  };
}
