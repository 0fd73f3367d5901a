/** Kazakh texts of the public verification page: the same keys as eds.ru.ts. */
import type { edsRu } from './eds.ru';

export const edsKk: Readonly<Record<keyof typeof edsRu, string>> = {
  'eds.verifyIntro':
    'Лауазымды тұлғаның ЭЦҚ-сымен қол қойылған құжатты тексеріңіз: құжатта басылған нөмірді енгізіңіз немесе алған файлды жүктеңіз.',
  'eds.verifyByNumber': 'Нөмір бойынша тексеру',
  'eds.verifyNumberHelper': 'Нөмір құжатта күнінің қасында басылған',
  'eds.verifyByFile': 'Файлды тексеру',
  'eds.verifyFileHelper': 'Жеке кабинеттен алынған құжат файлы, 20 МБ-тан аспайды',
  'eds.verifyChooseFile': 'Файлды таңдау',
  'eds.checking': 'Тексерілуде…',
  'eds.resultHeading': 'Тексеру нәтижесі',
  'eds.kind': 'Құжат түрі',
  'eds.certificateValidity': 'Сертификаттың қолданылу мерзімі',
  'eds.validUntil': '{until} дейін; қол қойған кезде жарамды болды',
  'eds.lang.kk': 'қазақ тілі',
  'eds.lang.ru': 'орыс тілі',
  'eds.downloadDocument': 'Қол қойылған құжатты жүктеп алу',
  'eds.numberRequired': 'Құжат нөмірі: нөмірді енгізіңіз',
  'eds.numberTooLong': 'Құжат нөмірі: 80 таңбадан аспауы керек',
  'eds.fileTooLarge': 'Файл: 20 МБ-тан үлкен, кішірек файл таңдаңыз',
  'eds.checkFailed': 'Тексеру мүмкін болмады: кейінірек қайталаңыз',
};
