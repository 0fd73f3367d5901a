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
};
