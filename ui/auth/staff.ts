import { makeIin } from '../../domain/identifiers';

/**
 * Synthetic staff of the embedded identity provider (`npm start`): invented people with valid IINs,
 * at least one per candidate group and one operator and one designer. Production signs staff in
 * through Keycloak (deploy/keycloak/realm-kz-permits.json), never with these accounts.
 */
export interface SeededStaff {
  username: string;
  name: string;
  iin: string;
  groups: string[];
}

/** The password of every seeded account; the embedded provider listens on 127.0.0.1 only. */
export const SEEDED_STAFF_PASSWORD = 'demo-2026';

export const SEEDED_STAFF: readonly SeededStaff[] = [
  {
    username: 'fire.clerk',
    name: 'Ахметова Айгерім Серікқызы',
    iin: makeIin('1990-04-12', 'female', 201),
    groups: ['fire-clerks'],
  },
  {
    username: 'fire.head',
    name: 'Нұрланов Бауыржан Қайратұлы',
    iin: makeIin('1978-09-03', 'male', 202),
    groups: ['fire-head'],
  },
  {
    username: 'police.clerk',
    name: 'Сапарова Динара Маратқызы',
    iin: makeIin('1988-01-25', 'female', 203),
    groups: ['police-clerks'],
  },
  {
    username: 'police.head',
    name: 'Жақсылықов Ерлан Асқарұлы',
    iin: makeIin('1975-06-17', 'male', 204),
    groups: ['police-head'],
  },
  {
    username: 'mia.clerk',
    name: 'Омарова Гүлнар Бекқызы',
    iin: makeIin('1992-11-08', 'female', 205),
    groups: ['mia-clerks'],
  },
  {
    username: 'mia.head',
    name: 'Тоқтаров Нұрсұлтан Ерікұлы',
    iin: makeIin('1972-02-14', 'male', 206),
    groups: ['mia-head'],
  },
  {
    username: 'minister',
    name: 'Әбдірахманов Серік Жанұлы',
    iin: makeIin('1968-07-30', 'male', 207),
    groups: ['minister'],
  },
  {
    username: 'legal.expert',
    name: 'Қасымова Мәдина Талғатқызы',
    iin: makeIin('1986-03-21', 'female', 208),
    groups: ['legal-experts'],
  },
  {
    username: 'editorial.expert',
    name: 'Есенова Әсем Нұрланқызы',
    iin: makeIin('1994-12-02', 'female', 209),
    groups: ['editorial-experts'],
  },
  {
    username: 'operator',
    name: 'Мұхамеджанов Асхат Бақытұлы',
    iin: makeIin('1983-05-19', 'male', 210),
    groups: ['operators'],
  },
  {
    username: 'designer',
    name: 'Бекова Жанар Омарқызы',
    iin: makeIin('1991-08-27', 'female', 211),
    groups: ['designers'],
  },
];
