import type { RegisteredWorker } from './define';
import caseSummary from './case-summary';
import checkFireSpecialists from './check-fire-specialists';
import checkLicenceFee from './check-licence-fee';
import checkSecurityRequirements from './check-security-requirements';
import computeDeadlines from './compute-deadlines';
import deliverToCabinet from './deliver-to-cabinet';
import generateDocument from './generate-document';
import lookupCriminalRecord from './lookup-criminal-record';
import lookupEducation from './lookup-education';
import lookupEmployment from './lookup-employment';
import lookupLegalEntity from './lookup-legal-entity';
import lookupLicence from './lookup-licence';
import lookupMentalHealth from './lookup-mental-health';
import lookupPerson from './lookup-person';
import lookupRealEstate from './lookup-real-estate';
import lookupVehicles from './lookup-vehicles';
import notify from './notify';
import reportStage from './report-stage';
import requestMissingDocuments from './request-missing-documents';
import sendLetter from './send-letter';
import validateHearingTime from './validate-hearing-time';

/**
 * Every job type of the project, listed here and nowhere else: a worker exists when it is in this
 * list. Each declares its own slice of the dependencies (`config`), so a worker that reads a setting
 * its slice does not carry fails \`tsc\`. test/models/diagrams.test.ts holds this list and the
 * diagrams' job types to each other.
 */
export const WORKERS: readonly RegisteredWorker[] = [
  caseSummary,
  checkFireSpecialists,
  checkLicenceFee,
  checkSecurityRequirements,
  computeDeadlines,
  deliverToCabinet,
  generateDocument,
  lookupCriminalRecord,
  lookupEducation,
  lookupEmployment,
  lookupLegalEntity,
  lookupLicence,
  lookupMentalHealth,
  lookupPerson,
  lookupRealEstate,
  lookupVehicles,
  notify,
  reportStage,
  requestMissingDocuments,
  sendLetter,
  validateHearingTime,
];
