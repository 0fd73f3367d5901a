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
};
