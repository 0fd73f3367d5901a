/**
 * Synthetic companies and people behind the simulated state systems. Every IIN and BIN carries a
 * valid check digit; none belongs to a real person or company. Each scenario is named in
 * `fixtures` so tests elsewhere can pick "the company whose head has a criminal record" by name.
 */
import { makeBin, makeIin, type Sex } from '../../domain/identifiers';
import type {
  CompanyCategory,
  CriminalRecord,
  DiplomaRecord,
  EmploymentRecord,
  LegalEntityRecord,
  PaymentPurpose,
  RealEstateRecord,
  SeedData,
  VehicleRecord,
} from './types';
import { cleanCriminalRecord } from './types';

const seed: SeedData = {
  legalEntities: [],
  persons: [],
  education: [],
  employment: [],
  realEstate: [],
  criminalRecords: [],
  mentalHealth: [],
  vehicles: [],
  payments: [],
  licences: [],
};

type Diploma = Omit<DiplomaRecord, 'iin'>;
type Job = Omit<EmploymentRecord, 'iin'>;

interface PersonSpec {
  fullName: string;
  birthDate: string;
  sex: Sex;
  serial: number;
  identityDocumentValid?: boolean;
  education?: Diploma[];
  employment?: Job[];
  criminal?: Partial<Omit<CriminalRecord, 'iin'>>;
  mentalHealthRegistered?: boolean;
}

function person(spec: PersonSpec): string {
  const iin = makeIin(spec.birthDate, spec.sex, spec.serial);
  seed.persons.push({ iin, fullName: spec.fullName, birthDate: spec.birthDate, identityDocumentValid: spec.identityDocumentValid ?? true });
  for (const d of spec.education ?? []) seed.education.push({ iin, ...d });
  for (const j of spec.employment ?? []) seed.employment.push({ iin, ...j });
  if (spec.criminal) {
    seed.criminalRecords.push({
      ...cleanCriminalRecord(iin),
      ...spec.criminal,
    });
  }
  if (spec.mentalHealthRegistered) seed.mentalHealth.push({ iin, registered: true });
  return iin;
}

interface CompanySpec {
  bin: string;
  name: string;
  registeredOn: string;
  region: 'г. Алматы' | 'г. Астана' | 'г. Шымкент';
  address: string;
  category?: CompanyCategory;
  headIin: string;
  founders?: string[];
  courtBan?: boolean;
  specialRightDeprived?: boolean;
  temporaryLicensingBan?: boolean;
  /** Objects without `basis` are owned by the company itself. */
  realEstate?: (OwnedRealEstate | RealEstateRecord)[];
  vehicles?: Omit<VehicleRecord, 'ownerBin'>[];
  payments?: { purpose: PaymentPurpose; amount: number; paidOn: string; bank?: string }[];
}

type OwnedRealEstate = Omit<RealEstateRecord, 'rightHolderBin' | 'ownerBin' | 'basis'>;
const isFullRecord = (r: OwnedRealEstate | RealEstateRecord): r is RealEstateRecord => 'basis' in r;

let paymentSerial = 0;

function company(spec: CompanySpec): string {
  const entity: LegalEntityRecord = {
    bin: spec.bin,
    name: spec.name,
    registeredOn: spec.registeredOn,
    region: spec.region,
    address: spec.address,
    category: spec.category ?? 'small',
    charterRegistered: true,
    headIin: spec.headIin,
    founders: spec.founders ?? [spec.headIin],
    courtBan: spec.courtBan ?? false,
    specialRightDeprived: spec.specialRightDeprived ?? false,
    temporaryLicensingBan: spec.temporaryLicensingBan ?? false,
  };
  seed.legalEntities.push(entity);
  for (const r of spec.realEstate ?? []) {
    seed.realEstate.push(isFullRecord(r) ? r : { ...r, ownerBin: spec.bin, basis: 'ownership', rightHolderBin: spec.bin });
  }
  for (const v of spec.vehicles ?? []) seed.vehicles.push({ ...v, ownerBin: spec.bin });
  for (const p of spec.payments ?? []) {
    paymentSerial += 1;
    seed.payments.push({
      paymentId: `PAY-2026-${String(paymentSerial).padStart(6, '0')}`,
      payerBin: spec.bin,
      purpose: p.purpose,
      amount: p.amount,
      paidOn: p.paidOn,
      bank: p.bank ?? 'АО «Halyk Bank Kazakhstan»',
    });
  }
  return spec.bin;
}

// Diplomas used more than once.
const LAW_ENU: Diploma = {
  level: 'higher',
  specialtyCode: '6B04201',
  specialtyName: 'Юриспруденция',
  field: 'legal',
  graduatedOn: '2003-06-20',
  institution: 'Евразийский национальный университет им. Л.Н. Гумилёва',
};
const LAW_KAZNU: Diploma = { ...LAW_ENU, graduatedOn: '2008-06-25', institution: 'Казахский национальный университет им. аль-Фараби' };
const AUTOMATION: Diploma = {
  level: 'higher',
  specialtyCode: '6B07101',
  specialtyName: 'Автоматизация и управление',
  field: 'technical',
  graduatedOn: '2012-06-25',
  institution: 'Satbayev University',
};
const POWER_SUPPLY_COLLEGE: Diploma = {
  level: 'technical-vocational',
  specialtyCode: '07140100',
  specialtyName: 'Электроснабжение (по отраслям)',
  field: 'technical',
  graduatedOn: '2006-06-28',
  institution: 'Алматинский государственный политехнический колледж',
};
const POWER_ENGINEERING: Diploma = {
  level: 'higher',
  specialtyCode: '6B07102',
  specialtyName: 'Электроэнергетика',
  field: 'technical',
  graduatedOn: '2014-06-24',
  institution: 'Алматинский университет энергетики и связи им. Г. Даукеева',
};
const FIRE_SAFETY: Diploma = {
  level: 'higher',
  specialtyCode: '6B11201',
  specialtyName: 'Пожарная безопасность',
  field: 'technical',
  graduatedOn: '2011-06-30',
  institution: 'Кокшетауский технический институт МЧС РК',
};

function job(employerBin: string, employerName: string, position: string, startedOn: string, years: number, endedOn: string | null = null): Job {
  return { employerBin, employerName, position, startedOn, endedOn, relevantExperienceYears: years };
}
const director = (bin: string, name: string, startedOn: string, years = 6): Job => job(bin, name, 'Директор', startedOn, years);
const office = (cadastralNumber: string, address: string) => ({ cadastralNumber, address, kind: 'office' as const, sanitaryCompliant: true });
const payIssue2026 = (paidOn = '2026-02-16') => [{ purpose: 'security-licence-issue' as const, amount: 25_950, paidOn }];
const fleet = (region: '01' | '02' | '17', count: number, from: number) =>
  Array.from({ length: count }, (_, i) => ({
    plate: `${String(from + i).padStart(3, '0')} ${['KRG', 'AVT', 'OHR'][i % 3]} ${region}`,
    registrationCertificate: `${region === '01' ? 'AA' : region === '02' ? 'BA' : 'NA'}${String(100_234 + from * 10 + i).padStart(8, '0')}`,
    make: ['Toyota Hilux', 'Lada Niva Travel', 'Hyundai Tucson'][i % 3],
  }));

// ---------------------------------------------------------------- Service A: fire automation permit

const FIRE_APPROVED_BIN = makeBin('2016-05', 'resident-legal-entity', 31_877);
const FIRE_APPROVED_NAME = 'ТОО «Алатау Өрт Автоматикасы»';
const fireApprovedHead = person({ fullName: 'Омаров Бауыржан Серікұлы', birthDate: '1978-09-23', sex: 'male', serial: 415 });
const fireSpecialistAutomation = person({
  fullName: 'Нұрланов Арман Бекұлы',
  birthDate: '1990-02-11',
  sex: 'male',
  serial: 1203,
  education: [AUTOMATION],
  employment: [job(FIRE_APPROVED_BIN, FIRE_APPROVED_NAME, 'Инженер-наладчик систем пожарной автоматики', '2021-09-01', 4)],
});
const fireSpecialistPowerSupply = person({
  fullName: 'Ли Сергей Валерьевич',
  birthDate: '1986-06-03',
  sex: 'male',
  serial: 2210,
  education: [POWER_SUPPLY_COLLEGE],
  employment: [
    job(makeBin('2004-08', 'resident-legal-entity', 11_002), 'ТОО «Энергомонтаж-Алматы»', 'Электромонтажник', '2016-03-01', 2, '2018-03-01'),
    job(FIRE_APPROVED_BIN, FIRE_APPROVED_NAME, 'Электромонтажник охранно-пожарной сигнализации', '2021-10-01', 4),
  ],
});
company({
  bin: FIRE_APPROVED_BIN,
  name: FIRE_APPROVED_NAME,
  registeredOn: '2016-05-17',
  region: 'г. Алматы',
  address: 'г. Алматы, Бостандыкский район, пр. Абая, 150/230, офис 12',
  headIin: fireApprovedHead,
  realEstate: [office('20:317:007:123', 'г. Алматы, Бостандыкский район, пр. Абая, 150/230, офис 12')],
});

const FIRE_UNLISTED_BIN = makeBin('2018-11', 'resident-legal-entity', 40_115);
const FIRE_UNLISTED_NAME = 'ТОО «Шығыс Өрт Қауіпсіздігі»';
const fireUnlistedHead = person({ fullName: 'Тұрсынов Мейрам Әлібекұлы', birthDate: '1975-12-01', sex: 'male', serial: 318 });
const fireSpecialistPhilology = person({
  fullName: 'Сейітқали Әсел Нұрланқызы',
  birthDate: '1992-04-19',
  sex: 'female',
  serial: 507,
  education: [{ level: 'higher', specialtyCode: '6B02301', specialtyName: 'Филология', field: 'other', graduatedOn: '2014-06-20', institution: 'Евразийский национальный университет им. Л.Н. Гумилёва' }],
  employment: [job(FIRE_UNLISTED_BIN, FIRE_UNLISTED_NAME, 'Инженер по пожарной автоматике', '2022-01-10', 4)],
});
const fireSpecialistPowerEngineering = person({
  fullName: 'Бекенов Марат Ерболұлы',
  birthDate: '1991-08-27',
  sex: 'male',
  serial: 1914,
  education: [POWER_ENGINEERING],
  employment: [job(FIRE_UNLISTED_BIN, FIRE_UNLISTED_NAME, 'Инженер-электрик', '2021-06-01', 4)],
});
company({
  bin: FIRE_UNLISTED_BIN,
  name: FIRE_UNLISTED_NAME,
  registeredOn: '2018-11-06',
  region: 'г. Астана',
  address: 'г. Астана, район Алматы, ул. Кенесары, 40, н.п. 5',
  headIin: fireUnlistedHead,
  realEstate: [office('21:320:015:882', 'г. Астана, район Алматы, ул. Кенесары, 40, н.п. 5')],
});

const FIRE_SHORT_EXP_BIN = makeBin('2020-02', 'resident-legal-entity', 52_604);
const FIRE_SHORT_EXP_NAME = 'ТОО «Жетісу Автоматика Сервис»';
const fireShortExpHead = person({ fullName: 'Жаксылыков Талгат Оразович', birthDate: '1982-01-30', sex: 'male', serial: 611 });
const fireSpecialistTwoYears = person({
  fullName: 'Қасымов Тимур Ержанұлы',
  birthDate: '1998-10-05',
  sex: 'male',
  serial: 2731,
  education: [{ ...FIRE_SAFETY, graduatedOn: '2020-06-30' }],
  employment: [job(FIRE_SHORT_EXP_BIN, FIRE_SHORT_EXP_NAME, 'Техник систем пожарной автоматики', '2023-09-01', 2)],
});
const fireSpecialistSixYearsCollege = person({
  fullName: 'Иванова Ольга Петровна',
  birthDate: '1988-03-14',
  sex: 'female',
  serial: 3308,
  education: [
    {
      level: 'technical-vocational',
      specialtyCode: '07150100',
      specialtyName: 'Техническое обслуживание, ремонт и эксплуатация электромеханического оборудования',
      field: 'technical',
      graduatedOn: '2008-06-27',
      institution: 'Талдыкорганский политехнический колледж',
    },
  ],
  employment: [job(FIRE_SHORT_EXP_BIN, FIRE_SHORT_EXP_NAME, 'Электромеханик', '2020-03-01', 6)],
});
company({
  bin: FIRE_SHORT_EXP_BIN,
  name: FIRE_SHORT_EXP_NAME,
  registeredOn: '2020-02-12',
  region: 'г. Алматы',
  address: 'г. Алматы, Алмалинский район, ул. Толе би, 101, офис 7',
  headIin: fireShortExpHead,
  realEstate: [office('20:312:044:017', 'г. Алматы, Алмалинский район, ул. Толе би, 101, офис 7')],
});

// An individual entrepreneur applies with an IIN (Order 138 §3 part one; Annex 1 "ЖСН/БСН"): the
// registry of entrepreneurs answers on the same path as legal entities, keyed by the IIN.
const fireEntrepreneurIin = person({ fullName: 'Сәрсенбаев Ерлан Төлегенұлы', birthDate: '1984-04-12', sex: 'male', serial: 2447 });
const FIRE_ENTREPRENEUR_NAME = 'ИП «Сәрсенбаев Өрт Сервис»';
const fireEntrepreneurSpecialistA = person({
  fullName: 'Жұмабаев Дәулет Асқарұлы',
  birthDate: '1992-09-08',
  sex: 'male',
  serial: 1517,
  education: [{ ...AUTOMATION, graduatedOn: '2014-06-25' }],
  employment: [job(fireEntrepreneurIin, FIRE_ENTREPRENEUR_NAME, 'Инженер-наладчик', '2020-04-01', 5)],
});
const fireEntrepreneurSpecialistB = person({
  fullName: 'Ким Виктория Андреевна',
  birthDate: '1990-01-17',
  sex: 'female',
  serial: 2618,
  education: [{ ...POWER_SUPPLY_COLLEGE, graduatedOn: '2010-06-28' }],
  employment: [job(fireEntrepreneurIin, FIRE_ENTREPRENEUR_NAME, 'Электромонтажник', '2020-05-01', 5)],
});
company({
  bin: fireEntrepreneurIin,
  name: FIRE_ENTREPRENEUR_NAME,
  registeredOn: '2019-03-04',
  region: 'г. Алматы',
  address: 'г. Алматы, Ауэзовский район, мкр. Аксай-4, 12, н.п. 3',
  headIin: fireEntrepreneurIin,
  realEstate: [office('20:319:021:441', 'г. Алматы, Ауэзовский район, мкр. Аксай-4, 12, н.п. 3')],
});

const FIRE_BANNED_BIN = makeBin('2017-07', 'resident-legal-entity', 27_450);
const FIRE_BANNED_NAME = 'ТОО «Ертіс Монтаж»';
const fireBannedHead = person({ fullName: 'Ахметов Руслан Ерланович', birthDate: '1980-05-09', sex: 'male', serial: 828 });
const fireBannedSpecialistA = person({
  fullName: 'Оразбаев Нұрсұлтан Маратұлы',
  birthDate: '1989-11-21',
  sex: 'male',
  serial: 904,
  education: [{ ...AUTOMATION, graduatedOn: '2011-06-25' }],
  employment: [job(FIRE_BANNED_BIN, FIRE_BANNED_NAME, 'Инженер-наладчик', '2019-01-15', 6)],
});
const fireBannedSpecialistB = person({
  fullName: 'Ткаченко Алексей Викторович',
  birthDate: '1987-07-02',
  sex: 'male',
  serial: 1100,
  education: [{ ...POWER_ENGINEERING, graduatedOn: '2009-06-24' }],
  employment: [job(FIRE_BANNED_BIN, FIRE_BANNED_NAME, 'Инженер-электрик', '2019-02-01', 6)],
});
company({
  bin: FIRE_BANNED_BIN,
  name: FIRE_BANNED_NAME,
  registeredOn: '2017-07-03',
  region: 'г. Шымкент',
  address: 'г. Шымкент, Аль-Фарабийский район, ул. Байтурсынова, 27',
  headIin: fireBannedHead,
  courtBan: true,
  realEstate: [office('22:301:012:455', 'г. Шымкент, Аль-Фарабийский район, ул. Байтурсынова, 27')],
});

// ---------------------------------------------------------------- Service B: security licence

interface LicenceScenarioSpec {
  bin: string;
  name: string;
  registeredOn: string;
  region: CompanySpec['region'];
  address: string;
  head: Omit<PersonSpec, 'employment'> & { employment?: Job[] | 'none' };
  vehicles?: number;
  payments?: CompanySpec['payments'];
  courtBan?: boolean;
}

const REGION_PLATE: Record<CompanySpec['region'], '01' | '02' | '17'> = { 'г. Астана': '01', 'г. Алматы': '02', 'г. Шымкент': '17' };
const CADASTRE_PREFIX: Record<CompanySpec['region'], string> = { 'г. Астана': '21', 'г. Алматы': '20', 'г. Шымкент': '22' };
let vehicleBlock = 100;
let cadastreSerial = 500;

/** A security company whose head, fleet and fee are all in order unless the spec says otherwise. */
function securityCompany(spec: LicenceScenarioSpec): { bin: string; headIin: string } {
  const employment =
    spec.head.employment === 'none' ? [] : (spec.head.employment ?? [director(spec.bin, spec.name, '2019-02-01')]);
  const headIin = person({ education: [LAW_ENU], ...spec.head, employment });
  vehicleBlock += 10;
  cadastreSerial += 7;
  company({
    bin: spec.bin,
    name: spec.name,
    registeredOn: spec.registeredOn,
    region: spec.region,
    address: spec.address,
    headIin,
    courtBan: spec.courtBan,
    realEstate: [office(`${CADASTRE_PREFIX[spec.region]}:318:021:${cadastreSerial}`, spec.address)],
    vehicles: fleet(REGION_PLATE[spec.region], spec.vehicles ?? 2, vehicleBlock),
    payments: spec.payments ?? payIssue2026(),
  });
  return { bin: spec.bin, headIin };
}

const KORGAN_BIN = makeBin('2019-01', 'resident-legal-entity', 60_321);
const licenceApproved = securityCompany({
  bin: KORGAN_BIN,
  name: 'ТОО «Қорған Секьюрити»',
  registeredOn: '2019-01-22',
  region: 'г. Астана',
  address: 'г. Астана, район Есиль, ул. Сығанақ, 18, н.п. 3',
  head: { fullName: 'Серікбаев Ерлан Қайратұлы', birthDate: '1981-04-12', sex: 'male', serial: 1407 },
  vehicles: 3,
});

const licenceUnpaid = securityCompany({
  bin: makeBin('2018-04', 'resident-legal-entity', 33_190),
  name: 'ТОО «Барыс Күзет»',
  registeredOn: '2018-04-09',
  region: 'г. Алматы',
  address: 'г. Алматы, Медеуский район, ул. Достык, 43, офис 210',
  head: { fullName: 'Оспанов Дәулет Ғаниұлы', birthDate: '1976-08-18', sex: 'male', serial: 522, education: [LAW_KAZNU] },
  payments: [],
});

const licenceShortFee = securityCompany({
  bin: makeBin('2021-06', 'resident-legal-entity', 71_045),
  name: 'ТОО «Сақшы Секьюрити Групп»',
  registeredOn: '2021-06-15',
  region: 'г. Шымкент',
  address: 'г. Шымкент, Енбекшинский район, пр. Тауке хана, 88',
  head: { fullName: 'Петров Андрей Николаевич', birthDate: '1983-02-25', sex: 'male', serial: 733 },
  // Paid at the 2025 MCI (6 × 3 932) although the payment date is in 2026 (6 × 4 325 = 25 950).
  payments: [{ purpose: 'security-licence-issue', amount: 23_592, paidOn: '2026-01-20', bank: 'АО «Kaspi Bank»' }],
});

const licenceCriminalHead = securityCompany({
  bin: makeBin('2015-09', 'resident-legal-entity', 18_832),
  name: 'ТОО «Алтын Қалқан»',
  registeredOn: '2015-09-28',
  region: 'г. Алматы',
  address: 'г. Алматы, Ауэзовский район, мкр. Аксай-4, 112',
  head: { fullName: 'Жұмабаев Нұрлан Болатұлы', birthDate: '1979-06-30', sex: 'male', serial: 916, criminal: { hasConviction: true, administrativeOffences: 2 } },
});

const licenceEducationMissing = securityCompany({
  bin: makeBin('2020-10', 'resident-legal-entity', 66_017),
  name: 'ТОО «Номад Секьюрити»',
  registeredOn: '2020-10-05',
  region: 'г. Астана',
  address: 'г. Астана, район Сарыарка, пр. Сарыарка, 6, офис 44',
  // Graduated abroad: no diploma in the national education database.
  head: { fullName: 'Ахметова Динара Маратовна', birthDate: '1987-11-03', sex: 'female', serial: 1302, education: [] },
});

const licenceEmploymentMissing = securityCompany({
  bin: makeBin('2022-03', 'resident-legal-entity', 80_466),
  name: 'ТОО «Тұмар Күзет»',
  registeredOn: '2022-03-14',
  region: 'г. Шымкент',
  address: 'г. Шымкент, Каратауский район, ул. Жибек жолы, 15',
  head: { fullName: 'Әбдірахманов Ержан Талғатұлы', birthDate: '1984-09-07', sex: 'male', serial: 1705, employment: 'none' },
});

const licenceNoLegalEducation = securityCompany({
  bin: makeBin('2019-12', 'resident-legal-entity', 63_908),
  name: 'ТОО «Арыстан Күзет Қызметі»',
  registeredOn: '2019-12-19',
  region: 'г. Алматы',
  address: 'г. Алматы, Наурызбайский район, ул. Шаляпина, 3',
  head: {
    fullName: 'Ким Виктор Сергеевич',
    birthDate: '1985-01-17',
    sex: 'male',
    serial: 2104,
    education: [{ level: 'higher', specialtyCode: '6B07201', specialtyName: 'Машиностроение', field: 'technical', graduatedOn: '2007-06-22', institution: 'Satbayev University' }],
  },
});

const licenceMentalHealth = securityCompany({
  bin: makeBin('2023-05', 'resident-legal-entity', 90_112),
  name: 'ТОО «Сұңқар Секьюрити»',
  registeredOn: '2023-05-30',
  region: 'г. Астана',
  address: 'г. Астана, район Байконур, ул. Бейбітшілік, 25',
  head: { fullName: 'Смагулов Руслан Маратович', birthDate: '1990-07-21', sex: 'male', serial: 2518, mentalHealthRegistered: true },
});

const licenceNoVehicles = securityCompany({
  bin: makeBin('2024-02', 'resident-legal-entity', 95_230),
  name: 'ТОО «Дала Күзет»',
  registeredOn: '2024-02-08',
  region: 'г. Шымкент',
  address: 'г. Шымкент, Абайский район, ул. Рыскулова, 9',
  head: { fullName: 'Байжанова Гүлнар Әскарқызы', birthDate: '1983-05-15', sex: 'female', serial: 2902 },
  vehicles: 0,
});

const licenceOneVehicle = securityCompany({
  bin: makeBin('2022-08', 'resident-legal-entity', 84_777),
  name: 'ТОО «Тау Секьюрити»',
  registeredOn: '2022-08-24',
  region: 'г. Алматы',
  address: 'г. Алматы, Турксибский район, ул. Сейфуллина, 180',
  head: { fullName: 'Нуржанов Айдос Ерланович', birthDate: '1988-12-12', sex: 'male', serial: 3115 },
  vehicles: 1,
});

const licenceCourtBan = securityCompany({
  bin: makeBin('2016-02', 'resident-legal-entity', 22_569),
  name: 'ТОО «Бүркіт Күзет»',
  registeredOn: '2016-02-11',
  region: 'г. Алматы',
  address: 'г. Алматы, Жетысуский район, ул. Бекмаханова, 93',
  head: { fullName: 'Васильев Дмитрий Игоревич', birthDate: '1977-03-08', sex: 'male', serial: 3420 },
  courtBan: true,
});

const REISSUE_LICENCE = 'KZ47LAA00012345';
const licenceReissue = securityCompany({
  bin: makeBin('2017-03', 'resident-legal-entity', 25_014),
  name: 'ТОО «Сенім Күзет»',
  registeredOn: '2017-03-02',
  region: 'г. Астана',
  address: 'г. Астана, район Нура, пр. Кабанбай батыра, 53, офис 9',
  head: { fullName: 'Тоқтарова Айгүл Серікқызы', birthDate: '1980-10-28', sex: 'female', serial: 3611 },
  // 10 % of the 2026 issue fee (25 950) = 2 595, under the 4 MCI cap.
  payments: [{ purpose: 'security-licence-reissue', amount: 2_595, paidOn: '2026-03-03' }],
});
seed.licences.push({ number: REISSUE_LICENCE, bin: licenceReissue.bin, serviceId: 'security-licence', subType: 1, status: 'active', issuedOn: '2023-05-10' });

const DUPLICATE_LICENCE = 'KZ12LAA00008871';
const licenceDuplicate = securityCompany({
  bin: makeBin('2014-11', 'resident-legal-entity', 14_306),
  name: 'ТОО «Әділет Секьюрити»',
  registeredOn: '2014-11-18',
  region: 'г. Алматы',
  address: 'г. Алматы, Бостандыкский район, ул. Тимирязева, 42, павильон 15',
  head: { fullName: 'Мұхамеджанов Серік Әбілұлы', birthDate: '1974-04-04', sex: 'male', serial: 3809, education: [LAW_KAZNU] },
  payments: [{ purpose: 'security-licence-duplicate', amount: 25_950, paidOn: '2026-02-27', bank: 'АО «Банк ЦентрКредит»' }],
});
seed.licences.push({ number: DUPLICATE_LICENCE, bin: licenceDuplicate.bin, serviceId: 'security-licence', subType: 2, status: 'active', issuedOn: '2022-11-21' });

// ---------------------------------------------------------------- Service C: training centre

const TRAINING_BIN = makeBin('2018-08', 'resident-legal-entity', 38_240);
const trainingHead = person({
  fullName: 'Бектұров Қанат Жұмабайұлы',
  birthDate: '1972-02-14',
  sex: 'male',
  serial: 4012,
  education: [{ ...LAW_ENU, graduatedOn: '1995-06-20' }],
  employment: [director(TRAINING_BIN, 'ТОО «Қалқан Оқу Орталығы»', '2018-08-20')],
});
const trainingFounder = person({ fullName: 'Сулейменова Жанар Ахметовна', birthDate: '1975-09-01', sex: 'female', serial: 4207 });
company({
  bin: TRAINING_BIN,
  name: 'ТОО «Қалқан Оқу Орталығы»',
  registeredOn: '2018-08-13',
  region: 'г. Шымкент',
  address: 'г. Шымкент, Аль-Фарабийский район, ул. Байтурсынова, 12',
  headIin: trainingHead,
  founders: [trainingHead, trainingFounder],
  realEstate: [
    { cadastralNumber: '22:301:018:071', address: 'г. Шымкент, Аль-Фарабийский район, ул. Байтурсынова, 12', kind: 'training-premises', sanitaryCompliant: true },
    { cadastralNumber: '22:301:018:072', address: 'г. Шымкент, Аль-Фарабийский район, ул. Байтурсынова, 12/1 (спортзал)', kind: 'building', sanitaryCompliant: true },
    { cadastralNumber: '22:305:201:014', address: 'г. Шымкент, Каратауский район, промзона «Бадам», участок 14', kind: 'shooting-range', sanitaryCompliant: true },
  ],
});

const SHOOTING_CLUB_BIN = makeBin('2012-04', 'resident-legal-entity', 9_915);
const shootingClubHead = person({ fullName: 'Мергенов Болат Асқарұлы', birthDate: '1969-06-06', sex: 'male', serial: 4410 });
company({
  bin: SHOOTING_CLUB_BIN,
  name: 'ТОО «Мерген Тир»',
  registeredOn: '2012-04-25',
  region: 'г. Астана',
  address: 'г. Астана, район Алматы, ш. Алаш, 37',
  headIin: shootingClubHead,
  realEstate: [{ cadastralNumber: '21:325:090:003', address: 'г. Астана, район Алматы, ш. Алаш, 37', kind: 'shooting-range', sanitaryCompliant: true }],
});

const TRAINING_PENDING_BIN = makeBin('2021-01', 'resident-legal-entity', 70_088);
const trainingPendingHead = person({
  fullName: 'Абенов Ғалымжан Сәкенұлы',
  birthDate: '1981-07-19',
  sex: 'male',
  serial: 4605,
  education: [LAW_ENU],
  employment: [director(TRAINING_PENDING_BIN, 'ТОО «Сарбаз Оқу-Жаттығу Орталығы»', '2021-01-25', 5)],
});
const trainingPendingFounder = person({
  fullName: 'Федоров Игорь Павлович',
  birthDate: '1970-12-24',
  sex: 'male',
  serial: 4803,
  criminal: { pendingCriminalCase: true },
});
company({
  bin: TRAINING_PENDING_BIN,
  name: 'ТОО «Сарбаз Оқу-Жаттығу Орталығы»',
  registeredOn: '2021-01-18',
  region: 'г. Астана',
  address: 'г. Астана, район Сарыарка, ул. Жубанова, 2',
  headIin: trainingPendingHead,
  founders: [trainingPendingHead, trainingPendingFounder],
  realEstate: [
    { cadastralNumber: '21:311:005:640', address: 'г. Астана, район Сарыарка, ул. Жубанова, 2', kind: 'training-premises', sanitaryCompliant: true },
    // The range is leased from the shooting club: the registry shows the lessee's right.
    {
      cadastralNumber: '21:325:090:003',
      address: 'г. Астана, район Алматы, ш. Алаш, 37',
      kind: 'shooting-range',
      ownerBin: SHOOTING_CLUB_BIN,
      basis: 'lease',
      sanitaryCompliant: true,
      rightHolderBin: TRAINING_PENDING_BIN,
    },
  ],
});

// ---------------------------------------------------------------- Service D: national company

const NATIONAL_BIN = makeBin('2008-06', 'resident-legal-entity', 2_417);
const nationalHead = person({
  fullName: 'Ибраев Асхат Маратович',
  birthDate: '1971-03-26',
  sex: 'male',
  serial: 5006,
  education: [{ ...LAW_KAZNU, graduatedOn: '1993-06-25' }],
  employment: [job(NATIONAL_BIN, 'АО «Национальная компания «Қазақстан Инфрақұрылым»»', 'Председатель правления', '2020-04-01', 6)],
});
company({
  bin: NATIONAL_BIN,
  name: 'АО «Национальная компания «Қазақстан Инфрақұрылым»»',
  registeredOn: '2008-06-10',
  region: 'г. Астана',
  address: 'г. Астана, район Есиль, пр. Мәңгілік Ел, 55/20',
  category: 'large',
  headIin: nationalHead,
  // The sole shareholder is a state holding, not a natural person.
  founders: [],
  realEstate: [{ cadastralNumber: '21:320:101:001', address: 'г. Астана, район Есиль, пр. Мәңгілік Ел, 55/20', kind: 'building', sanitaryCompliant: true }],
});

export const seedData: SeedData = seed;

export interface CompanyFixture {
  bin: string;
  name: string;
  headIin: string;
  headFullName: string;
  description: string;
}
export interface SpecialistFixture {
  iin: string;
  fullName: string;
  electricalClearanceGroup: 'III' | 'IV' | 'V';
}

const fullNameOf = (iin: string): string => seed.persons.find((p) => p.iin === iin)?.fullName ?? '';
function fixture(bin: string, description: string): CompanyFixture {
  const entity = seed.legalEntities.find((e) => e.bin === bin);
  if (!entity) throw new Error(`no seeded company ${bin}`);
  return { bin, name: entity.name, headIin: entity.headIin, headFullName: fullNameOf(entity.headIin), description };
}
const specialist = (iin: string, electricalClearanceGroup: SpecialistFixture['electricalClearanceGroup'] = 'IV'): SpecialistFixture => ({
  iin,
  fullName: fullNameOf(iin),
  electricalClearanceGroup,
});

/** Named scenarios: which identifier gives which outcome. */
export const fixtures = {
  fire: {
    approved: {
      ...fixture(FIRE_APPROVED_BIN, 'Two qualified specialists (higher automation 4 y; college power supply 2+4 y), office owned'),
      specialists: [specialist(fireSpecialistAutomation), specialist(fireSpecialistPowerSupply, 'III')],
    },
    unlistedSpecialty: {
      ...fixture(FIRE_UNLISTED_BIN, 'One specialist holds a philology diploma (not a listed specialty)'),
      specialists: [specialist(fireSpecialistPhilology), specialist(fireSpecialistPowerEngineering)],
    },
    insufficientExperience: {
      ...fixture(FIRE_SHORT_EXP_BIN, 'One specialist has higher fire-safety education but only 2 years of experience'),
      specialists: [specialist(fireSpecialistTwoYears), specialist(fireSpecialistSixYearsCollege)],
    },
    entrepreneur: {
      ...fixture(fireEntrepreneurIin, 'An individual entrepreneur applying with an IIN; two qualified specialists, office owned'),
      specialists: [specialist(fireEntrepreneurSpecialistA), specialist(fireEntrepreneurSpecialistB, 'III')],
    },
    courtBan: {
      ...fixture(FIRE_BANNED_BIN, 'Qualified specialists, but a court has banned the company from the activity'),
      specialists: [specialist(fireBannedSpecialistA), specialist(fireBannedSpecialistB, 'V')],
    },
  },
  licence: {
    approved: fixture(licenceApproved.bin, 'Head with higher legal education and 6 y experience, clean records, 3 vehicles, 2026 issue fee paid in full'),
    unpaid: fixture(licenceUnpaid.bin, 'Everything in order but no licence fee payment'),
    shortFee: fixture(licenceShortFee.bin, 'Issue fee paid in 2026 at the 2025 rate: 23 592 of 25 950 tenge'),
    criminalHead: fixture(licenceCriminalHead.bin, 'Head has a criminal conviction'),
    educationMissing: fixture(licenceEducationMissing.bin, "Head's diploma is not in the education registry (1-working-day request fallback)"),
    employmentMissing: fixture(licenceEmploymentMissing.bin, "Head's employment record is not in the registry (1-working-day request fallback)"),
    noLegalEducation: fixture(licenceNoLegalEducation.bin, 'Head has higher technical, not legal, education'),
    mentalHealthRegistered: fixture(licenceMentalHealth.bin, 'Head is on the mental-health register'),
    noVehicles: fixture(licenceNoVehicles.bin, 'Company owns no vehicles (sub-type 1 needs at least two)'),
    oneVehicle: fixture(licenceOneVehicle.bin, 'Company owns one vehicle (sub-type 1 needs at least two)'),
    courtBan: fixture(licenceCourtBan.bin, 'A court has banned the company from security activity'),
    reissue: {
      ...fixture(licenceReissue.bin, 'Holds active sub-type 1 licence; re-issue fee 2 595 paid'),
      licenceNumber: REISSUE_LICENCE,
    },
    duplicate: {
      ...fixture(licenceDuplicate.bin, 'Holds active sub-type 2 licence; duplicate fee 25 950 paid'),
      licenceNumber: DUPLICATE_LICENCE,
    },
  },
  training: {
    approved: {
      ...fixture(TRAINING_BIN, 'Two clean founders, sanitary training premises, gym and an owned shooting range'),
      founders: [trainingHead, trainingFounder],
    },
    founderPendingCase: {
      ...fixture(TRAINING_PENDING_BIN, 'A founder has a pending criminal case; shooting range leased'),
      founders: [trainingPendingHead, trainingPendingFounder],
    },
  },
  national: {
    approved: fixture(NATIONAL_BIN, 'National company (large joint-stock company) seeking to create a security organisation'),
  },
  /** Well-formed identifiers that no registry knows. */
  unknown: {
    bin: makeBin('2025-07', 'resident-legal-entity', 99_001),
    iin: makeIin('1993-05-05', 'female', 9_001),
  },
};

/** Licence numbers that exist nowhere. */
export const UNKNOWN_LICENCE_NUMBER = 'KZ00LAA99999999';
