/**
 * What each state system answers, checked on arrival. Unknown keys are stripped, so workers write
 * exactly the process-variable shapes the diagrams and forms expect.
 */
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const twelveDigits = z.string().regex(/^\d{12}$/);

export const legalEntitySchema = z.object({
  bin: twelveDigits,
  name: z.string(),
  registeredOn: day,
  region: z.string(),
  category: z.enum(['small', 'medium', 'large', 'state-enterprise', 'non-commercial']),
  charterRegistered: z.boolean(),
  headIin: twelveDigits,
  founders: z.array(twelveDigits),
  courtBan: z.boolean(),
  specialRightDeprived: z.boolean(),
  temporaryLicensingBan: z.boolean(),
});
export type LegalEntity = z.infer<typeof legalEntitySchema>;

export const personSchema = z.object({
  iin: twelveDigits,
  fullName: z.string(),
  birthDate: day,
  identityDocumentValid: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

export const diplomaSchema = z.object({
  iin: twelveDigits,
  level: z.enum(['higher', 'technical-vocational']),
  specialtyCode: z.string(),
  specialtyName: z.string(),
  field: z.enum(['technical', 'legal', 'other']),
  graduatedOn: day,
});
export type Diploma = z.infer<typeof diplomaSchema>;

export const employmentSchema = z.object({
  iin: twelveDigits,
  employerBin: twelveDigits,
  position: z.string(),
  startedOn: day,
  endedOn: day.nullable(),
  relevantExperienceYears: z.number().min(0),
});
export type EmploymentEntry = z.infer<typeof employmentSchema>;

export const realEstateSchema = z.object({
  cadastralNumber: z.string(),
  address: z.string(),
  kind: z.enum(['office', 'building', 'premises', 'shooting-range', 'training-premises']),
  ownerBin: twelveDigits,
  basis: z.enum(['ownership', 'lease']),
  sanitaryCompliant: z.boolean(),
});
export type RealEstate = z.infer<typeof realEstateSchema>;

export const criminalRecordSchema = z.object({
  iin: twelveDigits,
  hasConviction: z.boolean(),
  nonExoneratingRelease: z.boolean(),
  pendingCriminalCase: z.boolean(),
  administrativeOffences: z.number().int().min(0),
  extremismOrTerrorismData: z.boolean(),
});
export type CriminalRecordEntry = z.infer<typeof criminalRecordSchema>;

export const mentalHealthSchema = z.object({ iin: twelveDigits, registered: z.boolean() });
export type MentalHealthEntry = z.infer<typeof mentalHealthSchema>;

export const vehicleSchema = z.object({
  plate: z.string(),
  ownerBin: twelveDigits,
  registrationCertificate: z.string(),
});
export type Vehicle = z.infer<typeof vehicleSchema>;

export const PAYMENT_PURPOSES = [
  'security-licence-issue',
  'security-licence-reissue',
  'security-licence-duplicate',
] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

export const paymentSchema = z.object({
  paymentId: z.string(),
  payerBin: twelveDigits,
  purpose: z.enum(PAYMENT_PURPOSES),
  amount: z.number().int().min(0),
  paidOn: day,
});
export type Payment = z.infer<typeof paymentSchema>;

export const licenceSchema = z.object({
  number: z.string(),
  bin: twelveDigits,
  subType: z.union([z.literal(1), z.literal(2)]).nullable(),
  status: z.string(),
  issuedOn: day,
});
export type Licence = z.infer<typeof licenceSchema>;

export const eLicensingReceiptSchema = z.object({
  recordId: z.string(),
  number: z.string().nullable(),
  recordedAt: z.string(),
});
export type ELicensingReceipt = z.infer<typeof eLicensingReceiptSchema>;

export const cabinetReceiptSchema = z.object({ messageId: z.string(), deliveredAt: z.string() });
export type CabinetReceipt = z.infer<typeof cabinetReceiptSchema>;

/** A message the personal cabinet holds, as the applicant received it. */
export const cabinetMessageSchema = z.object({
  messageId: z.string(),
  applicationNumber: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  documentId: z.string().nullable(),
  channel: z.string(),
  deliveredAt: z.string(),
});
export type CabinetMessage = z.infer<typeof cabinetMessageSchema>;

export const monitoringReceiptSchema = z.object({ eventId: z.string() });
export type MonitoringReceipt = z.infer<typeof monitoringReceiptSchema>;

export const letterReceiptSchema = z.object({ letterId: z.string(), receivedAt: z.string() });
export type LetterReceipt = z.infer<typeof letterReceiptSchema>;
