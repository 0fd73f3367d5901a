/** Kazakh texts of the outgoing documents: the same keys as documents.ru.ts, in the state language. */
import type { DocumentsKey } from './documents.ru';

export const documentsKk: Readonly<Record<DocumentsKey, string>> = {
  'document.person.iin': 'ЖСН',
  'document.facts.specialist.clearance-group':
    'электр қауіпсіздігі бойынша рұқсат беру тобы {group}, кемінде {minGroup} қажет',
  'document.facts.specialist.no-education': 'білімі туралы мәліметтер мемлекеттік жүйеде табылмады',
  'document.facts.specialist.education': 'білімі',
  'document.facts.specialist.specialty-not-listed': ' (мамандық тізбеде жоқ)',
  'document.facts.specialist.experience': 'мамандығы бойынша жұмыс өтілі {experience}, {required} қажет',
  'document.facts.specialists.qualified-count':
    'Талаптарға сай мамандар саны {qualified}, кемінде {minimum} қажет',
  'document.facts.specialists.instruments':
    'Өтініш тіркелген күні тексерілген өлшеу құралдары {instruments}, кемінде {minInstruments} қажет',
  'document.facts.fee.for': '{purpose} үшін ',
  'document.facts.fee.not-found':
    '«Электрондық үкімет» төлем шлюзінде БСН {bin} бойынша {forWhat}лицензиялық алымның өтініш берілген күнге дейін төленгені табылмады{due}',
  'document.facts.fee.underpaid':
    '{forWhat}лицензиялық алым {paidOn} {paid} теңге сомасында толық төленбеген{due}',
  'document.facts.applicant': 'Көрсетілетін қызметті алушы',
  'document.facts.person.conviction': 'соттылығы бар',
  'document.facts.person.non-exonerating-release':
    'ақталмайтын негіздер бойынша қылмыстық жауаптылықтан босатылған',
  'document.facts.person.criminal-case': 'қылмыстық іс қозғалған',
  'document.facts.person.extremism':
    'экстремизмге немесе терроризмге қарсы іс-қимыл желісі бойынша мәліметтер бар',
  'document.facts.person.legal-statistics-source':
    'құқықтық статистика органдарының ақпараттық жүйесінің «электрондық үкімет» шлюзі арқылы алынған мәліметтері',
  'document.facts.person.mental-health':
    'психикалық денсаулық саласында медициналық көмек көрсететін ұйымда есепте тұр',
  'document.facts.antimonopoly.not-confirmed':
    'Монополияға қарсы орган ұлттық компанияның күзет ұйымын құруына алдын ала келісімді растамады{comment}',
  'document.facts.court-ban':
    'Заңды тұлғалардың мемлекеттік дерекқорында көрсетілетін қызметті алушының қызметіне соттың тыйым салуы туралы мәлімет бар',
  'document.facts.study-notes': 'Зерделеу нәтижесі',
  'document.facts.heading': 'Анықталған мән-жайлар',
  'document.hearing.held': 'Тыңдау {at} өткізілді.',
  'document.hearing.position-stated': 'Көрсетілетін қызметті алушы позициясын білдірді: {stated}',
  'document.hearing.no-position': 'Көрсетілетін қызметті алушы позициясын білдірмеді.',
  'document.hearing.per-record': 'Тыңдау хаттамасы бойынша',
  'document.hearing.result': 'Тыңдау нәтижесі',
  'document.hearing.heading': 'Тыңдау',
  'document.grounds.basis': 'негіздеме',
  'document.hearing.time': 'Уақыты',
  'document.hearing.place': 'Орны',
  'document.hearing.method': 'Тәсілі',
  'document.appeal.term-fire': ' Шағым тіркелген күнінен бастап 5 (бес) жұмыс күні ішінде қаралады.',
  'document.appeal.text':
    'Осы шешімге көрсетілетін қызметті берушіге, мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға не сотқа Қазақстан Республикасының заңнамасында белгіленген тәртіппен шағым жасалуы мүмкін.{term}',
  'document.refusal-further-consideration.checked':
    '«{serviceName}» мемлекеттік қызметін алуға берілген {applicationRef} өтінішіңіз бойынша ұсынылған құжаттардың толықтығы тексерілді.',
  'document.refusal-further-consideration.found':
    'Тексеру нәтижесінде құжаттардың толық емес топтамасы және (немесе) қолданылу мерзімі өтіп кеткен құжаттар ұсынылғаны анықталды.',
  'document.refusal-further-consideration.missing': 'Ұсынылмаған құжаттар',
  'document.refusal-further-consideration.expired': 'Қолданылу мерзімі өткен құжаттар',
  'document.refusal-further-consideration.reason': 'Тексеру нәтижесі',
  'document.refusal-further-consideration.service-refused':
    'Осыған байланысты мемлекеттік қызмет көрсетуден бас тартылады. Негіздеме: {basis}.',
  'document.refusal-further-consideration.consideration-refused':
    'Осыған байланысты өтінішті одан әрі қараудан бас тартылады. Негіздеме: {basis}.',
  'document.refusal-further-consideration.reapply':
    'Көрсетілген кемшіліктерді жойғаннан кейін мемлекеттік қызметті алу үшін қайта жүгінуге құқылысыз.',
  'document.refusal.title': 'Мемлекеттік қызмет көрсетуден дәлелді бас тарту',
  'document.refusal-further-consideration.title': 'Өтінішті одан әрі қараудан дәлелді бас тарту',
  'document.refusal.decided-after-hearing':
    '{heardAt} өткізілген тыңдау нәтижелерін ескере отырып, мемлекеттік қызмет көрсетуден мынадай негіздер бойынша бас тарту туралы шешім қабылданды.',
  'document.refusal.decided':
    'Мемлекеттік қызмет көрсетуден мынадай негіздер бойынша бас тарту туралы шешім қабылданды.',
  'document.refusal.considered':
    '«{serviceName}» мемлекеттік қызметін алуға берілген {applicationRef} өтінішіңіз қаралды.',
  'document.refusal.grounds': 'Бас тарту негіздері',
  'document.preliminary-decision.title':
    'Мемлекеттік қызмет көрсетуден бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама',
  'document.preliminary-decision.grounds-exist':
    '«{serviceName}» мемлекеттік қызметін алуға берілген {applicationRef} өтінішіңізді қарау нәтижелері бойынша мемлекеттік қызмет көрсетуден бас тартуға мынадай негіздер бар екенін хабарлаймыз.',
  'document.preliminary-decision.grounds': 'Бас тарту негіздері',
  'document.preliminary-decision.reasoning': 'Алдын ала шешімнің негіздемесі',
  'document.preliminary-decision.hearing-offered':
    'Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінің 73-бабына сәйкес Сізге алдын ала шешім бойынша өз позицияңызды білдіру мүмкіндігі беріледі. Тыңдау мынадай уақытта, орында және тәсілмен өткізіледі:',
  'document.preliminary-decision.position-rights':
    'Сіз өз позицияңызды тыңдау кезінде ауызша немесе ол басталғанға дейін жазбаша түрде, оның ішінде порталдағы «жеке кабинет» арқылы білдіруге, қарсылықтарыңызды растайтын құжаттарды ұсынуға құқылысыз.',
  'document.preliminary-decision.final-decision':
    'Тыңдау өткізілгеннен кейін мемлекеттік қызметті көрсету немесе одан бас тарту туралы түпкілікті шешім қабылданады. Тыңдауға келмеген және позиция білдірілмеген жағдайда шешім қолда бар материалдар негізінде қабылданады.',
  'document.hearing-record.participants': 'Қатысқандар',
  'document.hearing-record.title': 'Тыңдау хаттамасы',
  'document.hearing-record.addressee': '{applicationRef} өтініш бойынша іс материалдары',
  'document.hearing-record.held':
    '{applicant} «{serviceName}» мемлекеттік қызметін алуға берілген өтініші бойынша мемлекеттік қызмет көрсетуден бас тарту туралы алдын ала шешімге қатысты тыңдау өткізілді.',
  'document.hearing-record.grounds': 'Алдын ала шешімде көрсетілген бас тарту негіздері',
  'document.hearing-record.position': 'Көрсетілетін қызметті алушының позициясы',
  'document.hearing-record.outcome': 'Қорытынды',
  'document.hearing-record.considered': 'Тыңдау материалдары түпкілікті шешім қабылдау кезінде ескеріледі.',
  'document.hearing-record.signatory': 'Тыңдауды жүргізген лауазымды адам',
  'document.complaint-answer.title': 'Шағымға жауап',
  'document.complaint-answer.considered':
    '«{serviceName}» мемлекеттік қызметін алуға берілген {applicationRef} өтініш бойынша {receivedAt} келіп түскен шағымыңыз қаралды.',
  'document.complaint-answer.content': 'Шағымның мазмұны',
  'document.complaint-answer.result': 'Қарау нәтижесі',
  'document.complaint-answer.upheld': 'Шағым негізді деп танылды және қанағаттандырылды.',
  'document.complaint-answer.dismissed': 'Шағым негізсіз деп танылды және қанағаттандырусыз қалдырылды.',
  'document.complaint-answer.further-appeal':
    'Шағымды қарау нәтижелерімен келіспеген жағдайда Сіз мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға не сотқа Қазақстан Республикасының заңнамасында белгіленген тәртіппен жүгінуге құқылысыз.',
  'document.missing-documents-request.not-in-state-systems':
    'Төменде көрсетілген мәліметтерді «электрондық үкімет» шлюзі арқылы тиісті мемлекеттік ақпараттық жүйелерден алу мүмкін болмады.',
  'document.missing-documents-request.documents-needed':
    'Өтінішті қарау үшін құжаттар тізбесінде көзделген мынадай құжаттар қажет.',
  'document.missing-documents-request.under-review':
    '«{serviceName}» мемлекеттік қызметін алуға берілген {applicationRef} өтінішіңіз қаралуда. {why}',
  'document.missing-documents-request.submit':
    'Аталған құжаттардың электрондық көшірмелерін порталдағы «жеке кабинет» арқылы ұсынуыңызды сұраймыз. Негіздеме: {ref}.',
  'document.missing-documents-request.due': 'Ұсыну мерзімі: {dueAt} дейін.',
  'document.missing-documents-request.title': 'Құжаттарды ұсыну туралы сұрау салу',
  'document.missing-documents-request.documents': 'Сұралатын құжаттар',
  'document.licence.basis.issue': 'лицензия беру',
  'document.licence.basis.reissue': 'лицензияны қайта ресімдеу',
  'document.licence.basis.duplicate': 'лицензияның телнұсқасын беру',
  'document.licence.number': 'Лицензия нөмірі',
  'document.licence.licensee': 'Лицензиат',
  'document.particulars.bin': 'БСН',
  'document.particulars.activity': 'Қызмет түрі',
  'document.licence.activity': 'Күзет қызметі',
  'document.licence.sub-type': 'Қызметтің кіші түрі',
  'document.licence.licensor': 'Лицензиар',
  'document.licence.basis': 'Ресімдеу негізі',
  'document.licence.application': 'өтініш',
  'document.particulars.issued-on': 'Берілген күні',
  'document.particulars.location': 'Орналасқан жері',
  'document.permit.activity':
    'өрт автоматикасы жүйелерін монтаждау, баптау және оларға техникалық қызмет көрсету жөніндегі қызметті жүзеге асыру',
  'document.permit.number': 'Рұқсат нөмірі',
  'document.permit.holder': 'Рұқсат иесі',
  'document.particulars.iin-bin': 'ЖСН/БСН',
  'document.permit.issued-by': 'Берген орган',
  'document.particulars.application': 'Өтініш',
  'document.particulars.head': 'Басшы',
  'document.permit.title':
    'Өрт автоматикасы жүйелерін монтаждау, баптау және оларға техникалық қызмет көрсету жөніндегі қызметті жүзеге асыруға рұқсат',
  'document.permit.grants': 'Осы рұқсат {applicantName} атына берілді және {activity} құқығын береді.',
  'document.permit.particulars': 'Рұқсат деректері',
  'document.permit.e-licensing':
    'Рұқсат «Е-лицензиялау» мемлекеттік деректер базасында электрондық құжат нысанында ресімделді және көрсетілетін қызметті алушының «жеке кабинетіне» жолданды.',
  'document.permit.law':
    '«Азаматтық қорғау туралы» Қазақстан Республикасы Заңының 12-бабы 1-тармағының 88) тармақшасы',
  'document.licence.issued-to': 'Күзет қызметімен айналысу құқығына лицензия {applicantName} атына берілді.',
  'document.licence.reissued': 'Лицензия көрсетілетін қызметті алушының өтініші бойынша қайта ресімделді.',
  'document.licence.duplicate-note':
    'Телнұсқа лицензия жоғалған немесе бүлінген жағдайда беріледі және түпнұсқамен бірдей заңды күшке ие.',
  'document.licence.particulars': 'Лицензия деректері',
  'document.licence.duplicate-title': 'Күзет қызметімен айналысу құқығына лицензияның телнұсқасы',
  'document.licence.title': 'Күзет қызметімен айналысу құқығына лицензия',
  'document.licence-annex.places': 'Қызметті жүзеге асыру орындары',
  'document.licence-annex.duplicate-title':
    'Күзет қызметімен айналысу құқығына лицензияға қосымшаның телнұсқасы',
  'document.licence-annex.title': 'Күзет қызметімен айналысу құқығына лицензияға қосымша',
  'document.licence-annex.confirms':
    '№ {licenceNumber} лицензияға осы қосымша лицензиаттың мынадай кіші түр бойынша қызметті жүзеге асыру құқығын растайды: {subType}.',
  'document.licence-annex.valid-with-licence': 'Қосымша лицензиясыз жарамсыз.',
  'document.licence-annex.particulars': 'Қосымша деректері',
  'document.objects.heading': 'Күзетке берілетін объектілер (еншілес ұйымдардың объектілерін қоса алғанда)',
  'document.outside-document.reference': '{date} № {number}',
  'document.antimonopoly-letter.considering':
    'Қазақстан Республикасы Ішкі істер министрлігі {applicantName} (БСН {bin}) ұлттық компаниясының күзет ұйымын құруын келісу туралы {applicationRef} өтінішін қарауда.',
  'document.antimonopoly-letter.consent-submitted':
    'Көрсетілетін қызметті алушы монополияға қарсы органның {consent} алдын ала келісімін ұсынды.',
  'document.antimonopoly-letter.title': 'Алдын ала келісімді растау туралы сұрау салу',
  'document.antimonopoly-letter.addressee': 'Қазақстан Республикасының монополияға қарсы органы',
  'document.antimonopoly-letter.reply':
    'Жауабыңызды хатта көрсетілген нөмірге сілтеме жасай отырып жолдауыңызды сұраймыз.',
  'document.consent-letter.title': 'Ұлттық компанияның күзет ұйымын құруына келісім хат',
  'document.consent-letter.objects': 'Күзет ұйымы төменде көрсетілген объектілерді күзету үшін құрылады.',
  'document.consent-letter.result':
    'Осы хат «{serviceName}» мемлекеттік қызметті көрсетудің нәтижесі болып табылады.',
  'document.ministers-order.legal-entity': 'Заңды тұлға',
  'document.ministers-order.draft-title': 'Қазақстан Республикасы Ішкі істер министрінің бұйрығы (жоба)',
  'document.ministers-order.title': 'Қазақстан Республикасы Ішкі істер министрінің бұйрығы',
  'document.ministers-order.draft-addressee':
    'Қазақстан Республикасы Ішкі істер министрлігінің мүдделі қызметтері (құқықтық және редакциялық сараптама)',
  'document.ministers-order.heading':
    'Жеке күзет ұйымында басшы және күзетші лауазымдарын атқаратын жұмыскерлерді даярлау және біліктілігін арттыру жөніндегі мамандандырылған оқу орталығын айқындау туралы',
  'document.ministers-order.preamble':
    '«Күзет қызметі туралы» Қазақстан Республикасының Заңына және «{serviceName}» мемлекеттік қызмет көрсету қағидаларына сәйкес БҰЙЫРАМЫН:',
  'document.ministers-order.item1':
    '1. {name} (БСН {bin}) жеке күзет ұйымында басшы және күзетші лауазымдарын атқаратын жұмыскерлерді даярлау және біліктілігін арттыру жөніндегі мамандандырылған оқу орталығы болып айқындалсын.',
  'document.ministers-order.item2':
    '2. Қазақстан Республикасы Ішкі істер министрлігінің Күзет қызметін бақылау департаменті осы бұйрықты көрсетілетін қызметті алушының «жеке кабинетіне» жолдауды қамтамасыз етсін.',
  'document.ministers-order.item3':
    '3. Осы бұйрықтың орындалуын бақылау Қазақстан Республикасы Ішкі істер министрінің жетекшілік ететін орынбасарына жүктелсін.',
  'document.ministers-order.item4': '4. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.',
  'document.ministers-order.particulars': 'Өтініш деректері',
  'document.ministers-order.draft-procedure':
    'Жоба құқықтық және редакциялық сараптамаға жолданады ({ref9}); сарапшылардың қорытындыларынан кейін бұйрық келісіліп, Министрдің қол қоюына ұсынылады ({ref10}).',
  'document.ministers-order.agreed':
    'Бұйрық құқықтық және редакциялық сараптаманың оң қорытындыларынан кейін келісілді ({ref9}, {ref10}).',
  'document.application.registered': '№ {number} (тіркелген күні {registeredOn})',
  'document.city': '{city} қ.',
  'document.signature.officer': 'Көрсетілетін қызметті берушінің уәкілетті адамы',
  'document.date.on-signing': 'қол қойылған күні көрсетіледі',
  'document.years.one': '{n} жыл',
  'document.years.few': '{n} жыл',
  'document.years.many': '{n} жыл',
  'document.years.at-least.one': 'кемінде {n} жыл',
  'document.years.at-least.many': 'кемінде {n} жыл',
  'document.facts.role.specialist': 'маман',
  'document.facts.role.head': 'басшы',
  'document.facts.role.founder': 'құрылтайшы (басшы)',
  'document.facts.education.higher': 'жоғары білім',
  'document.facts.education.technical-vocational': 'техникалық және кәсіптік білім',
  'document.facts.fee.purpose.issue': 'лицензия беру',
  'document.facts.fee.purpose.reissue': 'лицензияны қайта ресімдеу',
  'document.facts.fee.purpose.duplicate': 'лицензияның телнұсқасын беру',
  'document.facts.fee.due': ' (талап етілетін сома {expected} теңге{mci})',
  'document.facts.fee.mci': ', 1 АЕК = {mci} теңге',
  'document.hearing.outcome.refusal-confirmed': 'тыңдау нәтижесі бойынша бас тарту негіздері расталды',
  'document.hearing.outcome.position-accepted':
    'тыңдау нәтижесі бойынша көрсетілетін қызметті алушының позициясы қабылданды',
  'document.hearing.method.in-person': 'тікелей қатысу арқылы',
  'document.hearing.method.video': 'бейнеконференцбайланыс арқылы',
  'document.hearing.method.phone': 'телефон байланысы арқылы',
  'document.hearing.method.written': 'жазбаша',
  'document.licence.sub-type.1':
    'күзет қызметтерінің барлық түрі, оның ішінде террористік тұрғыдан осал объектілерді күзету',
  'document.licence.sub-type.2':
    'террористік тұрғыдан осал объектілерді күзетуді қоспағанда, күзет қызметтерінің барлық түрі',
  'document.antimonopoly-letter.request':
    'Қағидалардың {paragraph}-тармағы негізінде Қазақстан Республикасының Кәсіпкерлік кодексіне сәйкес берілген, аталған күзет ұйымын құруға, оның ішінде қызметтің жарғылық түрлерін кеңейтуге және (немесе) өзгертуге монополияға қарсы органның алдын ала келісімін растауды сұраймыз.',
  'document.consent-letter.consents':
    'Қазақстан Республикасы Ішкі істер министрлігі {applicationRef} өтінішті қарап, {answer} ескере отырып, {applicantName} ұлттық компаниясының күзет ұйымын құруына келісім береді.',
  'document.consent-letter.answer': 'монополияға қарсы органның {reference} жауабын',
  'document.consent-letter.answer-unnumbered': 'монополияға қарсы органның жауабын',
  'document.act.mes-372':
    'Қазақстан Республикасы Төтенше жағдайлар министрінің 2025 жылғы 28 тамыздағы № 372 бұйрығымен бекітілген',
  'document.act.mes-138':
    '(Қазақстан Республикасы Төтенше жағдайлар министрінің 2026 жылғы 31 наурыздағы № 138 бұйрығымен енгізілген өзгерістерімен)',
  'document.act.mia-261':
    'Қазақстан Республикасы Ішкі істер министрінің 2020 жылғы 28 наурыздағы № 261 бұйрығымен бекітілген',
  'document.act.mia-923':
    '(Қазақстан Республикасы Ішкі істер министрінің 2024 жылғы 22 қарашадағы № 923 бұйрығымен енгізілген өзгерістерімен)',
  'document.issuer.mia': 'Қазақстан Республикасы Ішкі істер министрлігі',
  'document.place.astana': 'Астана қ.',
  'document.head.mia-department':
    'Қазақстан Республикасы Ішкі істер министрлігі Күзет қызметін бақылау департаментінің бастығы',
  'document.rules.mia': '{approved} «{name}» мемлекеттік қызмет көрсету қағидалары {amended}',
  'document.service-name.security-licence': 'Күзет қызметімен айналысу құқығына лицензия беру',
  'document.service-name.training-centre-designation':
    'Уәкілетті органның жеке күзет ұйымында басшы және күзетші лауазымдарын атқаратын жұмыскерлерді даярлау және біліктілігін арттыру жөніндегі мамандандырылған оқу орталығын айқындау',
  'document.service-name.national-company-security-approval':
    'Ұлттық компанияның күзет ұйымын құруын уәкілетті органмен келісу',
  'document.issuer.fire-committee':
    'Қазақстан Республикасы Төтенше жағдайлар министрлігінің Өртке қарсы қызмет комитеті',
  'document.head.fire-committee': 'Комитет төрағасы',
  'document.service-name.fire-automation-permit':
    'Өрт автоматикасы жүйелерін монтаждау, баптау және оларға техникалық қызмет көрсету жөніндегі қызметті жүзеге асыруға рұқсат беру',
  'document.rules.fire-automation-permit':
    '{approved} Өрт автоматикасы жүйелерін монтаждау, баптау және оларға техникалық қызмет көрсету жөніндегі қызметті жүзеге асыруға рұқсат беру қағидалары {amended}',
  'document.issuer.police': 'Қазақстан Республикасы Ішкі істер министрлігінің аумақтық полиция органы',
  'document.head.police': 'Аумақтық полиция органының басшысы',
  'document.head.minister': 'Қазақстан Республикасының Ішкі істер министрі',
  'document.ref.list-sub-item':
    'Қағидаларға {annex}-қосымшадағы мемлекеттік қызмет көрсетуге қойылатын негізгі талаптар тізбесінің {item}-тармағының {subItem}) тармақшасы',
  'document.ref.list-item':
    'Қағидаларға {annex}-қосымшадағы мемлекеттік қызмет көрсетуге қойылатын негізгі талаптар тізбесінің {item}-тармағы',
  'document.ref.ordinal.1': 'бірінші',
  'document.ref.ordinal.2': 'екінші',
  'document.ref.indent': '{paragraph}-тармақтың {ordinal} абзацы',
  'document.ref.part-2': '{paragraph}-тармақтың екінші бөлігі',
  'document.ref.paragraph': '{paragraph}-тармақ',
  'document.ref.short.list-sub-item':
    'Қағидаларға {annex}-қосымшадағы Тізбенің {item}-тармағының {subItem}) тармақшасы',
  'document.ref.short.list-item': 'Қағидаларға {annex}-қосымшадағы Тізбенің {item}-тармағы',
  'document.ref.short.paragraph': 'Қағидалардың {paragraph}-тармағы',
  'document.ref.short.rules': 'Қағидалардың {ref}',
  'document.law.appc-73': 'Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінің 73-бабы (тыңдау)',
  'document.law.public-services-25':
    '«Мемлекеттік және әлеуметтік жауапкершілігі бар көрсетілетін қызметтер туралы» Қазақстан Республикасы Заңының 25-бабының 2-тармағы',
  'document.law.security-activity': '«Күзет қызметі туралы» Қазақстан Республикасының Заңы',
  'document.law.entrepreneurial-code': 'Қазақстан Республикасының Кәсіпкерлік кодексі',
  'document.law.mia-863':
    'Қазақстан Республикасы Ішкі істер министрінің 2024 жылғы 29 қазандағы № 863 бұйрығымен бекітілген Ұлттық компанияларға күзет ұйымдарын құру құқығын беру қағидаларының 3-тармағы',
  'document.package.application': 'ЭЦҚ қойылған өтініш',
  'document.package.specialists':
    'мамандардың құжаттары (электр қауіпсіздігі бойынша рұқсат тобы, білімі, еңбек өтілі)',
  'document.package.employment-contracts': 'мамандармен жасалған еңбек шарттары',
  'document.package.premises': 'ғимаратқа немесе үй-жайға құқықты растайтын құжаттар',
  'document.package.measuring-instruments': 'өлшеу құралдарының бар екенін растайтын құжаттар',
  'document.package.central-post-premises':
    'орталықтандырылған күзет пунктінің үй-жайына құжаттар (жалға алған жағдайда)',
  'document.package.monitoring-console': 'орталықтандырылған бақылау пультіне құжаттар',
  'document.package.radio-permit': 'радиожиілік спектрін пайдалануға рұқсат немесе радиобайланыс шарты',
  'document.package.response-groups': 'мобильді топтарды (жедел ден қою топтарын) құру туралы бұйрықтар',
  'document.package.vehicles': 'кемінде екі көлік құралының мемлекеттік тіркеу куәліктері',
  'document.package.inspection-act': 'тексеру актісі',
  'document.package.teachers': 'оқытушылар мен мамандардың еңбек қызметін растайтын құжаттар',
  'document.package.curricula': 'оқу бағдарламалары мен оқу жоспарлары',
  'document.package.shooting-range': 'атыс тирінің бар екенін растайтын құжаттар (жалға алған жағдайда)',
  'document.package.antimonopoly-consent': 'монополияға қарсы органның алдын ала келісімін растайтын құжат',
  'document.package.constituent': 'құрылтай құжаттары',
  'document.package.objects-list': 'күзетке берілетін объектілердің тізбесі',
  'document.pdf.legal-basis': 'Құқықтық негіз',
  'document.pdf.page': 'бет',
  'document.signature.title': 'Электрондық цифрлық қолтаңбамен қол қойылған',
  'document.signature.signer': 'Қол қойған',
  'document.signature.time': 'Қол қойылған уақыты',
  'document.signature.serial': 'Сертификаттың сериялық нөмірі',
  'document.signature.verify': 'Түпнұсқалығын тексеру',
  'document.letter.antimonopoly-subject':
    'Ұлттық компанияның күзет ұйымын құруына алдын ала келісімін растау',
};
