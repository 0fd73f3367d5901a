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
  'rule.fire-specialists.specialty.fire-safety': 'пожарная безопасность',
  'rule.fire-specialists.specialty.computer-engineering': 'вычислительная техника и информационные сети',
  'rule.fire-specialists.specialty.software': 'программное обеспечение',
  'rule.fire-specialists.specialty.automation-control': 'автоматизация и управление',
  'rule.fire-specialists.specialty.electric-power': 'электроэнергетика',
  'rule.fire-specialists.specialty.radio-engineering': 'радиотехника, электроника и телекоммуникации',
  'rule.fire-specialists.specialty.information-systems': 'информационные системы',
  'rule.fire-specialists.specialty.information-security': 'системы информационной безопасности',
  'rule.fire-specialists.specialty.engineering-automated-control':
    'инжиниринг и автоматизированные системы управления',
  'rule.fire-specialists.specialty.process-automation':
    'автоматизация и управление технологическими процессами',
  'rule.fire-specialists.specialty.automated-production-maintenance':
    'обслуживание и ремонт автоматизированных систем производства',
  'rule.fire-specialists.specialty.mechatronics': 'мехатроника',
  'rule.fire-specialists.specialty.robotics': 'робототехника и встраиваемые системы',
  'rule.fire-specialists.specialty.digital-technology': 'цифровая техника',
  'rule.fire-specialists.specialty.power-supply': 'электроснабжение',
  'rule.fire-specialists.specialty.electromechanical-equipment':
    'техническое обслуживание, ремонт и эксплуатация электромеханического оборудования',
} as const;

export type RulesKey = keyof typeof rulesRu;
