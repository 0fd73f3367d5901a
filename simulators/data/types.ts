/** Records as the state systems hold them; the simulators serve these shapes. */

export type CompanyCategory = 'small' | 'medium' | 'large' | 'state-enterprise' | 'non-commercial';

export interface LegalEntityRecord {
  /** BIN; for an individual entrepreneur (who registers without one) the IIN. */
  bin: string;
  name: string;
  registeredOn: string;
  region: string;
  address: string;
  category: CompanyCategory;
  charterRegistered: boolean;
  headIin: string;
  /** Founders who are natural persons; corporate shareholders are not listed. */
  founders: string[];
  courtBan: boolean;
  specialRightDeprived: boolean;
  temporaryLicensingBan: boolean;
}

export interface PersonRecord {
  iin: string;
  fullName: string;
  birthDate: string;
  identityDocumentValid: boolean;
}

export interface DiplomaRecord {
  iin: string;
  level: 'higher' | 'technical-vocational';
  specialtyCode: string;
  specialtyName: string;
  field: 'technical' | 'legal' | 'other';
  graduatedOn: string;
  institution: string;
}

export interface EmploymentRecord {
  iin: string;
  employerBin: string;
  employerName: string;
  position: string;
  startedOn: string;
  endedOn: string | null;
  relevantExperienceYears: number;
}

export type RealEstateKind = 'office' | 'building' | 'premises' | 'shooting-range' | 'training-premises';

export interface RealEstateRecord {
  cadastralNumber: string;
  address: string;
  kind: RealEstateKind;
  ownerBin: string;
  basis: 'ownership' | 'lease';
  sanitaryCompliant: boolean;
  /** Who holds the right: the owner, or the lessee of a registered lease. */
  rightHolderBin: string;
}

export interface CriminalRecord {
  iin: string;
  hasConviction: boolean;
  nonExoneratingRelease: boolean;
  pendingCriminalCase: boolean;
  administrativeOffences: number;
  extremismOrTerrorismData: boolean;
}

/** What the register answers for a person with nothing on record. */
export function cleanCriminalRecord(iin: string): CriminalRecord {
  return {
    iin,
    hasConviction: false,
    nonExoneratingRelease: false,
    pendingCriminalCase: false,
    administrativeOffences: 0,
    extremismOrTerrorismData: false,
  };
}

export interface MentalHealthRecord {
  iin: string;
  registered: boolean;
}

export interface VehicleRecord {
  plate: string;
  ownerBin: string;
  registrationCertificate: string;
  make: string;
}

export type PaymentPurpose = 'security-licence-issue' | 'security-licence-reissue' | 'security-licence-duplicate';

export interface PaymentRecord {
  paymentId: string;
  payerBin: string;
  purpose: PaymentPurpose;
  /** Tenge, integer. */
  amount: number;
  paidOn: string;
  bank: string;
}

export interface LicenceRecord {
  number: string;
  bin: string;
  serviceId: string;
  subType: 1 | 2 | null;
  status: 'active' | 'suspended' | 'revoked' | 'terminated';
  issuedOn: string;
}

export interface SeedData {
  legalEntities: LegalEntityRecord[];
  persons: PersonRecord[];
  education: DiplomaRecord[];
  employment: EmploymentRecord[];
  realEstate: RealEstateRecord[];
  /** Only people with something on record; everyone else in `persons` has a clean certificate. */
  criminalRecords: CriminalRecord[];
  /** Only people on the register; everyone else in `persons` is not registered. */
  mentalHealth: MentalHealthRecord[];
  vehicles: VehicleRecord[];
  payments: PaymentRecord[];
  licences: LicenceRecord[];
}
