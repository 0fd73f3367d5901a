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
} as const;

export type ErrorsKey = keyof typeof errorsRu;
