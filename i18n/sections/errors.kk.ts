/** Kazakh texts of error messages and notices: the same keys as errors.ru.ts. */
import type { ErrorsKey } from './errors.ru';

export const errorsKk: Readonly<Record<ErrorsKey, string>> = {
  'error.intake.invalidApplication': 'Өтініш қате толтырылған',
  'error.intake.applicationNotFound': '{number} өтініші табылмады',
  'error.intake.noRulesInForce':
    'Өтініш {registeredOn} тіркелді, бірақ жүйеде сол күні қолданыста болған қызмет көрсету қағидалары жоқ: өтініш өңделмейді. Көрсетілетін қызметті берушіге хабарласыңыз',
  'error.intake.forbidden': 'Басқа ұйымның атынан өтініш беруге болмайды',
  'error.intake.idempotencyKeyReused':
    'Бұл сұрау бұрын басқа мазмұнмен жіберілген: жаңа өтінішті жаңа нысаннан беріңіз',
  'error.intake.applicationNumberTaken': '{number} нөмірімен басқа өтініш тіркелген',
  'error.intake.engineUnavailable':
    'Өтініш тіркелді, бірақ өңдеу әлі басталмады: жүйе қолжетімді болғанда ол өздігінен басталады, қайта жіберудің қажеті жоқ',
  'error.intake.messageKindUnknown': 'Хабарлама түрі белгісіз',
  'error.intake.allowedValues': 'Рұқсат етілгені: {values}',
  'error.intake.messageForbiddenCharacters': 'Хабарламада рұқсат етілмеген таңбалар бар',
  'error.intake.messageTextOrDocumentRequired': 'Мәтін немесе құжат қажет',
  'error.intake.complaintForbiddenCharacters': 'Шағымда рұқсат етілмеген таңбалар бар',
  'error.intake.complaintTextRequired': 'Шағым мәтіні қажет',
  'error.intake.complaintTextLength': 'Шағым мәтіні 10-нан 10000 таңбаға дейін болуы керек',
  'error.intake.unsupportedMediaType': 'Сұрау {json} немесе «{field}» өрісі бар {multipart} болуы керек',
  'error.intake.idempotencyKeyInvalid': '{header} тақырыбы дұрыс емес',
  'error.intake.idempotencyKeyFormat': '8-ден 100-ге дейін латын әріптері, цифрлар, «-» немесе «_»',
  'error.intake.attachmentNotFound': 'Файл табылмады',
  'error.intake.serviceUnavailable': 'Қызмет уақытша қолжетімсіз, кейінірек қайталаңыз',
  'error.intake.invalidJson': '{format} қате',
  'error.attachment.nameControlCharacters':
    'Файл атауы дұрыс емес: басқару таңбалары болмауы керек ({fileName})',
  'error.attachment.nameTooLong': 'Файл атауы тым ұзын: {length} таңба, ең көбі {nameChars}',
  'error.attachment.typeNotAllowed': '«{fileName}» файлының түріне рұқсат жоқ: тек PDF, JPEG немесе PNG',
  'error.attachment.notAccepted': 'Тіркелген файлдар қабылданбады',
  'error.attachment.storeUnavailable':
    'Файлдар қоймасы қазір қолжетімсіз: өтініш тіркелмеді, біраздан кейін қайта жіберіңіз',
  'error.attachment.fileStoreUnavailable': 'Файлдар қоймасы қазір қолжетімсіз, біраздан кейін қайталаңыз',
  'error.attachment.tooMany': 'Файлдар тым көп: бір жолы ең көбі {files} файл',
  'error.attachment.tooLarge': 'Файл тым үлкен: әр файл ең көбі {MB} МБ',
  'error.attachment.malformed':
    'Сұрау нысаны бұзылған: файлдар мен өтініш {multipart} ретінде жіберілуі керек',
  'error.inbound.invalidAnswer': 'Жауап деректері қате',
  'error.inbound.invalidValue': 'Қате мән: {message}',
  'error.inbound.applicationNotFound': 'Ұлттық компанияның {applicationNumber} өтініші табылмады',
  'error.inbound.channelNotConfigured': 'Кіріс арна бапталмаған ({setting})',
  'error.inbound.tokenMissing': 'Кіріс арнаның токені жоқ немесе қате',
  'error.text.forbiddenCharacters':
    'Мәтінде рұқсат етілмеген таңбалар бар (басқару немесе жазу бағытын өзгертетін таңбалар)',
};
