/** Russian texts of the outgoing documents: their legal wording, with `{param}` placeholders for the facts. */
export const documentsRu = {
  'document.person.iin': 'ИИН',
  'document.facts.specialist.clearance-group':
    'группа допуска по электробезопасности {group}, требуется не ниже {minGroup}',
  'document.facts.specialist.no-education': 'сведения об образовании в государственной системе не найдены',
  'document.facts.specialist.education': 'образование',
  'document.facts.specialist.specialty-not-listed': ' (специальность не входит в перечень)',
  'document.facts.specialist.experience': 'стаж работы по специальности {experience}, требуется {required}',
  'document.facts.specialists.qualified-count':
    'Квалифицированных специалистов {qualified}, требуется не менее {minimum}',
  'document.facts.specialists.instruments':
    'Поверенных на день регистрации заявления средств измерений {instruments}, требуется не менее {minInstruments}',
  'document.facts.fee.for': 'за {purpose} ',
  'document.facts.fee.not-found':
    'В платёжном шлюзе «электронного правительства» не найдена оплата лицензионного сбора {forWhat}по БИН {bin}, внесённая не позднее дня подачи заявления{due}',
  'document.facts.fee.underpaid':
    'Лицензионный сбор {forWhat}внесён {paidOn} в сумме {paid} тенге, не в полном размере{due}',
  'document.facts.applicant': 'Услугополучатель',
  'document.facts.person.conviction': 'имеется судимость',
  'document.facts.person.non-exonerating-release':
    'освобождён от уголовной ответственности по нереабилитирующим основаниям',
  'document.facts.person.criminal-case': 'возбуждено уголовное дело',
  'document.facts.person.extremism': 'имеются сведения по линии противодействия экстремизму или терроризму',
  'document.facts.person.legal-statistics-source':
    'сведения информационной системы органов правовой статистики, полученные через шлюз «электронного правительства»',
  'document.facts.person.mental-health':
    'состоит на учёте в организации, оказывающей медицинскую помощь в области психического здоровья',
  'document.facts.antimonopoly.not-confirmed':
    'Антимонопольный орган не подтвердил предварительное согласие на создание национальной компанией охранной организации{comment}',
  'document.facts.court-ban':
    'В государственной базе данных юридических лиц имеются сведения о запрете судом деятельности услугополучателя',
  'document.facts.study-notes': 'Заключение по изучению документов',
  'document.facts.heading': 'Установленные обстоятельства',
  'document.hearing.held': 'Заслушивание проведено {at}.',
  'document.hearing.position-stated': 'Услугополучатель представил позицию: {stated}',
  'document.hearing.no-position': 'Услугополучатель позицию не представил.',
  'document.hearing.per-record': 'Согласно протоколу заслушивания',
  'document.hearing.result': 'Итог заслушивания',
  'document.hearing.heading': 'Заслушивание',
  'document.grounds.basis': 'основание',
  'document.hearing.time': 'Время',
  'document.hearing.place': 'Место',
  'document.hearing.method': 'Способ',
  'document.appeal.term-fire':
    ' Жалоба рассматривается в течение 5 (пяти) рабочих дней со дня её регистрации.',
  'document.appeal.text':
    'Настоящее решение может быть обжаловано услугодателю, в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг либо в суд в порядке, установленном законодательством Республики Казахстан.{term}',
  'document.refusal-further-consideration.checked':
    'Проверена полнота документов, представленных с заявлением {applicationRef} на получение государственной услуги «{serviceName}».',
  'document.refusal-further-consideration.found':
    'По результатам проверки установлено, что представлен неполный пакет документов и (или) документы с истёкшим сроком действия.',
  'document.refusal-further-consideration.missing': 'Не представлены документы',
  'document.refusal-further-consideration.expired': 'Документы с истёкшим сроком действия',
  'document.refusal-further-consideration.reason': 'Результат проверки',
  'document.refusal-further-consideration.service-refused':
    'В связи с этим в оказании государственной услуги отказано. Основание: {basis}.',
  'document.refusal-further-consideration.consideration-refused':
    'В связи с этим в дальнейшем рассмотрении заявления отказано. Основание: {basis}.',
  'document.refusal-further-consideration.reapply':
    'После устранения указанных недостатков Вы вправе повторно обратиться за получением государственной услуги.',
  'document.refusal.title': 'Мотивированный отказ в оказании государственной услуги',
  'document.refusal-further-consideration.title': 'Мотивированный отказ в дальнейшем рассмотрении заявления',
  'document.refusal.decided-after-hearing':
    'С учётом результатов заслушивания, проведённого {heardAt}, принято решение об отказе в оказании государственной услуги по следующим основаниям.',
  'document.refusal.decided':
    'Принято решение об отказе в оказании государственной услуги по следующим основаниям.',
  'document.refusal.considered':
    'Рассмотрено Ваше заявление {applicationRef} на получение государственной услуги «{serviceName}».',
  'document.refusal.grounds': 'Основания отказа',
  'document.preliminary-decision.title':
    'Предварительное решение об отказе в оказании государственной услуги и уведомление о заслушивании',
  'document.preliminary-decision.grounds-exist':
    'Сообщаем, что по результатам рассмотрения Вашего заявления {applicationRef} на получение государственной услуги «{serviceName}» имеются следующие основания для отказа в оказании государственной услуги.',
  'document.preliminary-decision.grounds': 'Основания для отказа',
  'document.preliminary-decision.reasoning': 'Обоснование предварительного решения',
  'document.preliminary-decision.hearing-offered':
    'В соответствии со статьёй 73 Административного процедурно-процессуального кодекса Республики Казахстан Вам предоставляется возможность выразить позицию по предварительному решению. Заслушивание состоится в следующее время, в следующем месте и следующим способом:',
  'document.preliminary-decision.position-rights':
    'Вы вправе выразить свою позицию устно на заслушивании или письменно до его начала, в том числе через «личный кабинет» на портале, и представить документы, подтверждающие Ваши возражения.',
  'document.preliminary-decision.final-decision':
    'После заслушивания будет принято окончательное решение об оказании государственной услуги либо об отказе в её оказании. При неявке на заслушивание и непредставлении позиции решение принимается на основании имеющихся материалов.',
  'document.hearing-record.participants': 'Участники',
  'document.hearing-record.title': 'Протокол заслушивания',
  'document.hearing-record.addressee': 'Материалы дела по заявлению {applicationRef}',
  'document.hearing-record.held':
    'Проведено заслушивание по предварительному решению об отказе в оказании государственной услуги «{serviceName}» по заявлению {applicant}.',
  'document.hearing-record.grounds': 'Основания отказа, указанные в предварительном решении',
  'document.hearing-record.position': 'Позиция услугополучателя',
  'document.hearing-record.outcome': 'Итог',
  'document.hearing-record.considered':
    'Материалы заслушивания учитываются при принятии окончательного решения.',
  'document.hearing-record.signatory': 'Должностное лицо, проводившее заслушивание',
  'document.complaint-answer.title': 'Ответ на жалобу',
  'document.complaint-answer.considered':
    'Рассмотрена Ваша жалоба, поступившая {receivedAt}, по заявлению {applicationRef} на получение государственной услуги «{serviceName}».',
  'document.complaint-answer.content': 'Содержание жалобы',
  'document.complaint-answer.result': 'Результат рассмотрения',
  'document.complaint-answer.upheld': 'Жалоба признана обоснованной и удовлетворена.',
  'document.complaint-answer.dismissed': 'Жалоба признана необоснованной и оставлена без удовлетворения.',
  'document.complaint-answer.further-appeal':
    'В случае несогласия с результатами рассмотрения жалобы Вы вправе обратиться в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг либо в суд в порядке, установленном законодательством Республики Казахстан.',
  'document.missing-documents-request.not-in-state-systems':
    'Сведения, указанные ниже, не удалось получить из государственных информационных систем через шлюз «электронного правительства».',
  'document.missing-documents-request.documents-needed':
    'Для рассмотрения заявления необходимы следующие документы, предусмотренные перечнем документов.',
  'document.missing-documents-request.under-review':
    'Ваше заявление {applicationRef} на получение государственной услуги «{serviceName}» находится на рассмотрении. {why}',
  'document.missing-documents-request.submit':
    'Просим представить электронные копии указанных документов через «личный кабинет» на портале. Основание: {ref}.',
  'document.missing-documents-request.due': 'Срок представления: до {dueAt}.',
  'document.missing-documents-request.title': 'Запрос о представлении документов',
  'document.missing-documents-request.documents': 'Запрашиваемые документы',
  'document.licence.basis.issue': 'выдача лицензии',
  'document.licence.basis.reissue': 'переоформление лицензии',
  'document.licence.basis.duplicate': 'выдача дубликата лицензии',
  'document.licence.number': 'Номер лицензии',
  'document.licence.licensee': 'Лицензиат',
  'document.particulars.bin': 'БИН',
  'document.particulars.activity': 'Вид деятельности',
  'document.licence.activity': 'Охранная деятельность',
  'document.licence.sub-type': 'Подвид деятельности',
  'document.licence.licensor': 'Лицензиар',
  'document.licence.basis': 'Основание оформления',
  'document.licence.application': 'заявление',
  'document.particulars.issued-on': 'Дата выдачи',
  'document.particulars.location': 'Место нахождения',
  'document.permit.activity':
    'осуществление деятельности по монтажу, наладке и техническому обслуживанию систем пожарной автоматики',
  'document.permit.number': 'Номер разрешения',
  'document.permit.holder': 'Владелец разрешения',
  'document.particulars.iin-bin': 'ИИН/БИН',
  'document.permit.issued-by': 'Орган, выдавший разрешение',
  'document.particulars.application': 'Заявление',
  'document.particulars.head': 'Руководитель',
  'document.permit.title':
    'Разрешение на осуществление деятельности по монтажу, наладке и техническому обслуживанию систем пожарной автоматики',
  'document.permit.grants':
    'Настоящее разрешение выдано {applicantName} и предоставляет право на {activity}.',
  'document.permit.particulars': 'Сведения о разрешении',
  'document.permit.e-licensing':
    'Разрешение оформлено в форме электронного документа в государственной базе данных «Е-лицензирование» и направлено в «личный кабинет» услугополучателя.',
  'document.permit.law': 'Подпункт 88) пункта 1 статьи 12 Закона Республики Казахстан «О гражданской защите»',
  'document.licence.issued-to': 'Лицензия на право занятия охранной деятельностью выдана {applicantName}.',
  'document.licence.reissued': 'Лицензия переоформлена по заявлению услугополучателя.',
  'document.licence.duplicate-note':
    'Дубликат выдан взамен утраченной или повреждённой лицензии и имеет ту же юридическую силу, что и подлинник.',
  'document.licence.particulars': 'Сведения о лицензии',
  'document.licence.duplicate-title': 'Дубликат лицензии на право занятия охранной деятельностью',
  'document.licence.title': 'Лицензия на право занятия охранной деятельностью',
  'document.licence-annex.places': 'Места осуществления деятельности',
  'document.licence-annex.duplicate-title':
    'Дубликат приложения к лицензии на право занятия охранной деятельностью',
  'document.licence-annex.title': 'Приложение к лицензии на право занятия охранной деятельностью',
  'document.licence-annex.confirms':
    'Настоящее приложение к лицензии № {licenceNumber} подтверждает право лицензиата осуществлять деятельность по подвиду: {subType}.',
  'document.licence-annex.valid-with-licence': 'Приложение действительно только вместе с лицензией.',
  'document.licence-annex.particulars': 'Сведения о приложении',
  'document.objects.heading': 'Объекты, передаваемые под охрану (включая объекты дочерних организаций)',
  'document.outside-document.reference': '№ {number} от {date}',
  'document.antimonopoly-letter.considering':
    'Министерство внутренних дел Республики Казахстан рассматривает заявление {applicationRef} национальной компании {applicantName} (БИН {bin}) о согласовании создания охранной организации.',
  'document.antimonopoly-letter.consent-submitted':
    'Услугополучателем представлен документ о предварительном согласии антимонопольного органа {consent}.',
  'document.antimonopoly-letter.title': 'Запрос о подтверждении предварительного согласия',
  'document.antimonopoly-letter.addressee': 'Антимонопольный орган Республики Казахстан',
  'document.antimonopoly-letter.reply': 'Ответ просим направить со ссылкой на номер настоящего письма.',
  'document.consent-letter.title': 'Письмо-согласие на создание национальной компанией охранной организации',
  'document.consent-letter.objects': 'Охранная организация создаётся для охраны объектов, указанных ниже.',
  'document.consent-letter.result':
    'Настоящее письмо является результатом оказания государственной услуги «{serviceName}».',
  'document.ministers-order.legal-entity': 'Юридическое лицо',
  'document.ministers-order.draft-title': 'Приказ Министра внутренних дел Республики Казахстан (проект)',
  'document.ministers-order.title': 'Приказ Министра внутренних дел Республики Казахстан',
  'document.ministers-order.draft-addressee':
    'Заинтересованные службы Министерства внутренних дел Республики Казахстан (правовая и редакционная экспертиза)',
  'document.ministers-order.heading':
    'Об определении специализированного учебного центра по подготовке и повышению квалификации работников, занимающих должности руководителя и охранника в частной охранной организации',
  'document.ministers-order.preamble':
    'В соответствии с Законом Республики Казахстан «Об охранной деятельности» и Правилами оказания государственной услуги «{serviceName}» ПРИКАЗЫВАЮ:',
  'document.ministers-order.item1':
    '1. Определить {name} (БИН {bin}) специализированным учебным центром по подготовке и повышению квалификации работников, занимающих должности руководителя и охранника в частной охранной организации.',
  'document.ministers-order.item2':
    '2. Департаменту контроля за охранной деятельностью Министерства внутренних дел Республики Казахстан обеспечить направление настоящего приказа в «личный кабинет» услугополучателя.',
  'document.ministers-order.item3':
    '3. Контроль за исполнением настоящего приказа возложить на курирующего заместителя Министра внутренних дел Республики Казахстан.',
  'document.ministers-order.item4': '4. Настоящий приказ вводится в действие со дня его подписания.',
  'document.ministers-order.particulars': 'Сведения о заявлении',
  'document.ministers-order.draft-procedure':
    'Проект направляется на правовую и редакционную экспертизу ({ref9}); после заключений экспертов приказ согласовывается и вносится на подпись Министру ({ref10}).',
  'document.ministers-order.agreed':
    'Приказ согласован после положительных заключений правовой и редакционной экспертизы ({ref9}, {ref10}).',
  'document.application.registered': '№ {number} (зарегистрировано {registeredOn})',
  'document.city': 'г. {city}',
  'document.signature.officer': 'Уполномоченное лицо услугодателя',
  'document.date.on-signing': 'указывается при подписании',
  'document.years.one': '{n} год',
  'document.years.few': '{n} года',
  'document.years.many': '{n} лет',
  'document.years.at-least.one': 'не менее {n} года',
  'document.years.at-least.many': 'не менее {n} лет',
  'document.facts.role.specialist': 'специалист',
  'document.facts.role.head': 'руководитель',
  'document.facts.role.founder': 'учредитель (руководитель)',
  'document.facts.education.higher': 'высшее образование',
  'document.facts.education.technical-vocational': 'техническое и профессиональное образование',
  'document.facts.fee.purpose.issue': 'выдачу лицензии',
  'document.facts.fee.purpose.reissue': 'переоформление лицензии',
  'document.facts.fee.purpose.duplicate': 'выдачу дубликата лицензии',
  'document.facts.fee.due': ' (требуемая сумма {expected} тенге{mci})',
  'document.facts.fee.mci': ', 1 МРП = {mci} тенге',
  'document.hearing.outcome.refusal-confirmed': 'по итогам заслушивания основания для отказа подтверждены',
  'document.hearing.outcome.position-accepted': 'по итогам заслушивания позиция услугополучателя принята',
  'document.hearing.method.in-person': 'очно',
  'document.hearing.method.video': 'посредством видеоконференцсвязи',
  'document.hearing.method.phone': 'по телефонной связи',
  'document.hearing.method.written': 'письменно',
  'document.licence.sub-type.1':
    'все виды охранных услуг, включая охрану объектов, уязвимых в террористическом отношении',
  'document.licence.sub-type.2':
    'все виды охранных услуг, за исключением охраны объектов, уязвимых в террористическом отношении',
  'document.antimonopoly-letter.request':
    'В соответствии с пунктом {paragraph} Правил просим подтвердить предварительное согласие антимонопольного органа, данное в соответствии с Предпринимательским кодексом Республики Казахстан, на создание указанной охранной организации, в том числе на расширение и (или) изменение уставных видов деятельности.',
  'document.consent-letter.consents':
    'Министерство внутренних дел Республики Казахстан, рассмотрев заявление {applicationRef} и с учётом {answer}, согласовывает создание национальной компанией {applicantName} охранной организации.',
  'document.consent-letter.answer': 'ответа антимонопольного органа {reference}',
  'document.consent-letter.answer-unnumbered': 'ответа антимонопольного органа',
  'document.act.mes-372':
    'утверждённые приказом Министра по чрезвычайным ситуациям Республики Казахстан от 28 августа 2025 года № 372',
  'document.act.mes-138':
    '(с изменениями, внесёнными приказом Министра по чрезвычайным ситуациям Республики Казахстан от 31 марта 2026 года № 138)',
  'document.act.mia-261':
    'утверждённые приказом Министра внутренних дел Республики Казахстан от 28 марта 2020 года № 261',
  'document.act.mia-923':
    '(с изменениями, внесёнными приказом Министра внутренних дел Республики Казахстан от 22 ноября 2024 года № 923)',
  'document.issuer.mia': 'Министерство внутренних дел Республики Казахстан',
  'document.place.astana': 'г. Астана',
  'document.head.mia-department':
    'Начальник Департамента контроля за охранной деятельностью Министерства внутренних дел Республики Казахстан',
  'document.rules.mia': 'Правила оказания государственной услуги «{name}», {approved} {amended}',
  'document.service-name.security-licence': 'Выдача лицензии на право занятия охранной деятельностью',
  'document.service-name.training-centre-designation':
    'Определение уполномоченным органом специализированного учебного центра по подготовке и повышению квалификации работников, занимающих должности руководителя и охранника в частной охранной организации',
  'document.service-name.national-company-security-approval':
    'Согласование уполномоченным органом создания национальной компанией охранной организации',
  'document.issuer.fire-committee':
    'Комитет противопожарной службы Министерства по чрезвычайным ситуациям Республики Казахстан',
  'document.head.fire-committee': 'Председатель Комитета',
  'document.service-name.fire-automation-permit':
    'Выдача разрешения на осуществление деятельности по монтажу, наладке и техническому обслуживанию систем пожарной автоматики',
  'document.rules.fire-automation-permit':
    'Правила выдачи разрешения на осуществление деятельности по монтажу, наладке и техническому обслуживанию систем пожарной автоматики, {approved} {amended}',
  'document.issuer.police': 'Территориальный орган полиции Министерства внутренних дел Республики Казахстан',
  'document.head.police': 'Руководитель территориального органа полиции',
  'document.head.minister': 'Министр внутренних дел Республики Казахстан',
  'document.ref.list-sub-item':
    'подпункт {subItem}) пункта {item} Перечня основных требований к оказанию государственной услуги (приложение {annex} к Правилам)',
  'document.ref.list-item':
    'пункт {item} Перечня основных требований к оказанию государственной услуги (приложение {annex} к Правилам)',
  'document.ref.ordinal.1': 'первый',
  'document.ref.ordinal.2': 'второй',
  'document.ref.indent': 'абзац {ordinal} пункта {paragraph}',
  'document.ref.part-2': 'часть вторая пункта {paragraph}',
  'document.ref.paragraph': 'пункт {paragraph}',
  'document.ref.short.list-sub-item':
    'подпункт {subItem}) пункта {item} Перечня основных требований (приложение {annex} к Правилам)',
  'document.ref.short.list-item': 'пункт {item} Перечня основных требований (приложение {annex} к Правилам)',
  'document.ref.short.paragraph': 'пункт {paragraph} Правил',
  'document.ref.short.rules': '{ref} Правил',
  'document.law.appc-73':
    'Статья 73 Административного процедурно-процессуального кодекса Республики Казахстан (заслушивание)',
  'document.law.public-services-25':
    'Пункт 2 статьи 25 Закона Республики Казахстан «О государственных и социально ответственных услугах»',
  'document.law.security-activity': 'Закон Республики Казахстан «Об охранной деятельности»',
  'document.law.entrepreneurial-code': 'Предпринимательский кодекс Республики Казахстан',
  'document.law.mia-863':
    'Пункт 3 Правил предоставления национальным компаниям права создания охранных организаций, утверждённых приказом Министра внутренних дел Республики Казахстан от 29 октября 2024 года № 863',
  'document.package.application': 'заявление, подписанное ЭЦП',
  'document.package.specialists':
    'документы специалистов (группа допуска по электробезопасности, образование, стаж)',
  'document.package.employment-contracts': 'трудовые договоры со специалистами',
  'document.package.premises': 'документы, подтверждающие право на здание или помещение',
  'document.package.measuring-instruments': 'документы, подтверждающие наличие средств измерений',
  'document.package.central-post-premises':
    'документы на помещение центрального охранного пункта (при аренде)',
  'document.package.monitoring-console': 'документы на централизованный пульт наблюдения',
  'document.package.radio-permit':
    'разрешение на использование радиочастотного спектра или договор радиосвязи',
  'document.package.response-groups': 'приказы о создании мобильных групп (групп быстрого реагирования)',
  'document.package.vehicles':
    'свидетельства о государственной регистрации не менее двух транспортных средств',
  'document.package.inspection-act': 'акт обследования',
  'document.package.teachers':
    'документы, подтверждающие трудовую деятельность преподавателей и специалистов',
  'document.package.curricula': 'учебные программы и учебные планы',
  'document.package.shooting-range': 'документы, подтверждающие наличие стрелкового тира (при аренде)',
  'document.package.antimonopoly-consent':
    'документ, подтверждающий предварительное согласие антимонопольного органа',
  'document.package.constituent': 'учредительные документы',
  'document.package.objects-list': 'перечень объектов, передаваемых под охрану',
  'document.pdf.legal-basis': 'Правовое основание',
  'document.pdf.page': 'стр.',
  'document.signature.title': 'Подписано электронной цифровой подписью',
  'document.signature.signer': 'Подписал',
  'document.signature.time': 'Время подписания',
  'document.signature.serial': 'Серийный номер сертификата',
  'document.signature.verify': 'Проверка подлинности',
  'document.letter.antimonopoly-subject':
    'Подтверждение предварительного согласия на создание охранной организации национальной компанией',
} as const;

export type DocumentsKey = keyof typeof documentsRu;
