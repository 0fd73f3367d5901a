/** The public verification page (/verify, ui/client/components/verify-page.ts) and its API's errors. */
export const edsRu = {
  'eds.verifyIntro':
    'Проверьте документ, подписанный ЭЦП должностного лица: введите номер, напечатанный на документе, или загрузите полученный файл.',
  'eds.verifyByNumber': 'Проверка по номеру',
  'eds.verifyNumberHelper': 'Номер напечатан в документе рядом с датой',
  'eds.verifyByFile': 'Проверка файла',
  'eds.verifyFileHelper': 'Файл документа, полученный из личного кабинета, не больше 20 МБ',
  'eds.verifyChooseFile': 'Выбрать файл',
  'eds.checking': 'Проверка…',
  'eds.resultHeading': 'Результат проверки',
  'eds.kind': 'Вид документа',
  'eds.certificateValidity': 'Срок действия сертификата',
  'eds.validUntil': 'до {until}; в момент подписания действовал',
  'eds.lang.kk': 'казахский',
  'eds.lang.ru': 'русский',
  'eds.downloadDocument': 'Скачать подписанный документ',
  'eds.numberRequired': 'Номер документа: введите номер',
  'eds.numberTooLong': 'Номер документа: не длиннее 80 знаков',
  'eds.fileTooLarge': 'Файл: больше 20 МБ, выберите файл меньше',
  'eds.checkFailed': 'Проверить не удалось: повторите позже',
} as const;
