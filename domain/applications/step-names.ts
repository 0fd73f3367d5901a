/**
 * Names of the steps people see (user tasks and waiting points), in the two languages of the
 * service, keyed by the diagrams' element ids. The diagrams keep English names for designers;
 * clerks, operators and applicants read these.
 */
export const STEP_NAMES: Record<string, { kk: string; ru: string }> = {
  Task_CheckCompleteness: { kk: 'Құжаттардың толықтығын тексеру', ru: 'Проверка полноты документов' },
  Task_StudyCompliance: {
    kk: 'Құжаттарды зерделеу және талаптарға сәйкестігін тексеру',
    ru: 'Изучение документов и проверка соответствия требованиям',
  },
  Task_ReviewMissingDocuments: {
    kk: 'Ұсынылған құжат көшірмелерін қарау',
    ru: 'Рассмотрение представленных копий документов',
  },
  Task_PreparePreliminaryDecision: {
    kk: 'Алдын ала шешім және тыңдау туралы хабарлама',
    ru: 'Предварительное решение и уведомление о заслушивании',
  },
  Task_RecordHearing: { kk: 'Тыңдау хаттамасы', ru: 'Протокол заслушивания' },
  Task_SignResult: { kk: 'Нәтижеге қол қою', ru: 'Подписание результата' },
  Task_DraftOrder: { kk: 'Министр бұйрығының жобасын дайындау', ru: 'Подготовка проекта приказа Министра' },
  Task_LegalExpertise: { kk: 'Құқықтық сараптама', ru: 'Правовая экспертиза' },
  Task_EditorialExpertise: { kk: 'Редакциялық сараптама', ru: 'Редакционная экспертиза' },
  Task_DraftConsentLetter: { kk: 'Келісім хатын дайындау', ru: 'Подготовка письма о согласовании' },
  Task_ReviewComplaint: { kk: 'Шағымды қарау', ru: 'Рассмотрение жалобы' },
  Task_InformOperatorAndContactCentre: {
    kk: 'Операторды және 1414 байланыс орталығын хабардар ету',
    ru: 'Информирование оператора и контакт-центра 1414',
  },
  SubProcess_Review: { kk: 'Өтінішті қарау', ru: 'Рассмотрение заявления' },
  Call_Hearing: { kk: 'Бас тартар алдында тыңдау', ru: 'Заслушивание перед отказом' },
  Call_DeliverResult: {
    kk: 'Нәтижені ресімдеу, қол қою және жіберу',
    ru: 'Оформление, подписание и направление результата',
  },
  Event_AntimonopolyAnswerReceived: {
    kk: 'Монополияға қарсы органның жауабын күту',
    ru: 'Ожидание ответа антимонопольного органа',
  },
  Event_MissingDocumentsSubmitted: {
    kk: 'Өтініш берушіден құжат көшірмелерін күту',
    ru: 'Ожидание копий документов от заявителя',
  },
  Event_DocumentWindowClosed: {
    kk: 'Құжат көшірмелерін ұсыну мерзімі',
    ru: 'Срок представления копий документов',
  },
  Event_HearingDateReached: { kk: 'Тыңдау күнін күту', ru: 'Ожидание даты заслушивания' },
};

/** The step's name in `lang`, or `fallback` (the diagram's name) for steps without a translation. */
export function stepName(elementId: string, lang: 'kk' | 'ru', fallback?: string): string {
  return STEP_NAMES[elementId]?.[lang] ?? fallback ?? elementId;
}
