/** Russian texts of error messages and notices a person reads. */
export const errorsRu = {
  'error.intake.invalidApplication': 'Заявление заполнено с ошибками',
  'error.intake.applicationNotFound': 'Заявление {number} не найдено',
  'error.intake.noRulesInForce':
    'Заявление зарегистрировано {registeredOn}, но действовавших в этот день правил оказания услуги в системе нет: заявление не обрабатывается. Обратитесь к услугодателю',
  'error.intake.forbidden': 'Нельзя подать заявление от имени другой организации',
  'error.intake.idempotencyKeyReused':
    'Этот запрос уже отправлялся с другим содержанием: подайте новое заявление из новой формы',
  'error.intake.applicationNumberTaken': 'Под номером {number} зарегистрировано другое заявление',
  'error.intake.engineUnavailable':
    'Заявление зарегистрировано, но обработка ещё не началась: она начнётся сама, когда система станет доступна, повторно отправлять не нужно',
  'error.intake.messageKindUnknown': 'Неизвестный вид сообщения',
  'error.intake.allowedValues': 'Допустимо: {values}',
  'error.intake.messageForbiddenCharacters': 'В сообщении недопустимые символы',
  'error.intake.messageTextOrDocumentRequired': 'Нужен текст или документ',
  'error.intake.complaintForbiddenCharacters': 'В жалобе недопустимые символы',
  'error.intake.complaintTextRequired': 'Нужен текст жалобы',
  'error.intake.complaintTextLength': 'Текст жалобы от 10 до 10000 символов',
  'error.intake.unsupportedMediaType': 'Запрос должен быть {json} или {multipart} с полем «{field}»',
  'error.intake.idempotencyKeyInvalid': 'Неверный заголовок {header}',
  'error.intake.idempotencyKeyFormat': 'От 8 до 100 латинских букв, цифр, «-» или «_»',
  'error.intake.attachmentNotFound': 'Файл не найден',
  'error.intake.serviceUnavailable': 'Сервис временно недоступен, повторите позже',
  'error.intake.invalidJson': 'Некорректный {format}',
  'error.attachment.nameControlCharacters':
    'Недопустимое имя файла: управляющие символы не допускаются ({fileName})',
  'error.attachment.nameTooLong': 'Слишком длинное имя файла: {length} символов, не более {nameChars}',
  'error.attachment.typeNotAllowed': 'Тип файла «{fileName}» не допускается: только PDF, JPEG или PNG',
  'error.attachment.notAccepted': 'Приложенные файлы не приняты',
  'error.attachment.storeUnavailable':
    'Хранилище файлов сейчас недоступно: заявление не зарегистрировано, отправьте его ещё раз позже',
  'error.attachment.fileStoreUnavailable': 'Хранилище файлов сейчас недоступно, повторите позже',
  'error.attachment.tooMany': 'Слишком много файлов: не более {files} за раз',
  'error.attachment.tooLarge': 'Файл слишком большой: не более {MB} МБ каждый',
  'error.attachment.malformed': 'Форма запроса повреждена: файлы и заявление отправляются как {multipart}',
  'error.inbound.invalidAnswer': 'Неверные данные ответа',
  'error.inbound.invalidValue': 'Неверное значение: {message}',
  'error.inbound.applicationNotFound': 'Заявление национальной компании {applicationNumber} не найдено',
  'error.inbound.channelNotConfigured': 'Входящий канал не настроен ({setting})',
  'error.inbound.tokenMissing': 'Токен входящего канала отсутствует или неверен',
  'error.text.forbiddenCharacters':
    'В тексте недопустимые символы (управляющие или меняющие направление письма)',
} as const;

export type ErrorsKey = keyof typeof errorsRu;
