/** Kazakh texts of the domain's rules: the same keys as rules.ru.ts. */
import type { RulesKey } from './rules.ru';

export const rulesKk: Readonly<Record<RulesKey, string>> = {
  'rule.security.document.console-staffing':
    'орталықтандырылған бақылау пультінің штаттық кестесі мен бұйрықтары',
  'rule.security.document.console-technical':
    'сигнал қабылдайтын компьютерлік техника мен серверге техникалық құжаттама',
  'rule.security.document.radio': 'радиожиілік спектрін пайдалануға рұқсат немесе радиобайланыс шарты',
  'rule.security.document.response-groups': 'жедел ден қою топтарын құру туралы бұйрықтар',
  'rule.security.document.premises-leased':
    'орталықтандырылған күзет пунктінің жалға алынған үй-жайына құжаттар',
  'rule.security.document.premises-if-leased':
    'орталықтандырылған күзет пунктінің үй-жайына құжаттар (жалға алынған болса)',
  'rule.security.vehicles-short': 'меншіктегі тіркелген көлік құралдары {owned}, кемінде {minimum} қажет',
  'rule.fire-specialists.clearance-group':
    'электр қауіпсіздігі бойынша рұқсат беру тобы {group}, III-ден төмен',
  'rule.fire-specialists.no-education': 'білімі туралы мәліметтер жоқ',
  'rule.fire-specialists.no-listed-education':
    'тізбедегі мамандық бойынша білімі және жеткілікті жұмыс өтілі жоқ (өтілі {years} жыл)',
  'rule.fire-specialists.specialist': 'маман ЖСН {iin}: {reason}',
  'rule.fire-specialists.too-few': 'талаптарға сай мамандар саны {qualified}, кемінде {minimum} қажет',
  'rule.fire-specialists.instruments': 'тексерілген өлшеу құралдары {verified}, кемінде {minimum} қажет',
  'rule.fire-specialists.specialty.fire-safety': 'өрт қауіпсіздігі',
  'rule.fire-specialists.specialty.computer-engineering': 'есептеу техникасы және ақпараттық желілер',
  'rule.fire-specialists.specialty.software': 'бағдарламалық қамтамасыз ету',
  'rule.fire-specialists.specialty.automation-control': 'автоматтандыру және басқару',
  'rule.fire-specialists.specialty.electric-power': 'электр энергетикасы',
  'rule.fire-specialists.specialty.radio-engineering': 'радиотехника, электроника және телекоммуникациялар',
  'rule.fire-specialists.specialty.information-systems': 'ақпараттық жүйелер',
  'rule.fire-specialists.specialty.information-security': 'ақпараттық қауіпсіздік жүйелері',
  'rule.fire-specialists.specialty.engineering-automated-control':
    'инжиниринг және автоматтандырылған басқару жүйелері',
  'rule.fire-specialists.specialty.process-automation':
    'технологиялық процесстерді автоматтандыру және басқару',
  'rule.fire-specialists.specialty.automated-production-maintenance':
    'өндірістің автоматтандырылған жүйелеріне қызмет көрсету және жөндеу',
  'rule.fire-specialists.specialty.mechatronics': 'мехатроника',
  'rule.fire-specialists.specialty.robotics': 'робототехника және кірістірілетін жүйелер',
  'rule.fire-specialists.specialty.digital-technology': 'сандық техника',
  'rule.fire-specialists.specialty.power-supply': 'электрмен қамтамасыз ету',
  'rule.fire-specialists.specialty.electromechanical-equipment':
    'электромеханикалық жабдықтарға техникалық қызмет көрсету, жөндеу және пайдалану',
};
