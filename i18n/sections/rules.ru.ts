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
  'rule.fire-specialists.clearance-group': 'группа допуска по электробезопасности {group}, ниже III',
  'rule.fire-specialists.no-education': 'нет сведений об образовании',
  'rule.fire-specialists.no-listed-education':
    'нет образования по перечисленной специальности с достаточным стажем (стаж {years} лет)',
  'rule.fire-specialists.specialist': 'специалист ИИН {iin}: {reason}',
  'rule.fire-specialists.too-few': 'квалифицированных специалистов {qualified}, требуется не менее {minimum}',
  'rule.fire-specialists.instruments':
    'поверенных средств измерений {verified}, требуется не менее {minimum}',
} as const;

export type RulesKey = keyof typeof rulesRu;
