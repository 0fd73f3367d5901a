/** Russian texts of the domain's rules: the documents they name and the findings they record. */
export const rulesRu = {
  'rule.security.document.console-staffing':
    'штатное расписание и приказы пульта централизованного наблюдения',
  'rule.security.document.console-technical':
    'техническая документация на компьютерную технику и сервер, принимающие сигналы',
  'rule.security.document.radio':
    'разрешение на использование радиочастотного спектра или договор радиосвязи',
  'rule.security.document.response-groups': 'приказы о создании групп быстрого реагирования',
  'rule.security.document.premises-leased': 'документы на арендованное помещение центрального поста охраны',
  'rule.security.document.premises-if-leased':
    'документы на помещение центрального поста охраны (если оно арендовано)',
  'rule.security.vehicles-short':
    'зарегистрированных транспортных средств в собственности {owned}, требуется не менее {minimum}',
} as const;

export type RulesKey = keyof typeof rulesRu;
