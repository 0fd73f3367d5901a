import {
  earlierWordingNote,
  rulesFromOf,
  versionInForce,
  versionTagFor,
} from '../../../domain/rules/rule-versions';

const def = (version: number, versionTag?: string) => ({
  processDefinitionKey: `k${version}`,
  processDefinitionId: 'fire-automation-permit',
  version,
  versionTag,
});

describe('rules version in force on the registration day (spec C13; Order 138 ¶4)', () => {
  test('a version tag declares the first registration day its rules govern', () => {
    expect(versionTagFor('2026-07-12')).toBe('rules-from-2026-07-12');
    expect(rulesFromOf('rules-from-2026-07-12')).toBe('2026-07-12');
    for (const tag of [undefined, null, '', 'v2', 'rules-from-2026-02-30', 'rules-from-12.07.2026'])
      expect(rulesFromOf(tag)).toBeUndefined();
  });

  test('Order 138 ¶4: the version whose rules took effect last on or before the registration day is chosen, not the latest deployed', () => {
    // Deployed in this order: the July 2026 rules (v2) after the earlier ones (v1), then an untagged edit (v3).
    const deployed = [def(1, 'rules-from-2025-08-28'), def(2, 'rules-from-2026-07-12'), def(3)];
    expect(versionInForce(deployed, '2026-07-11')).toMatchObject({ version: 1, rulesFrom: '2025-08-28' });
    expect(versionInForce(deployed, '2026-07-12')).toMatchObject({ version: 2, rulesFrom: '2026-07-12' });
    expect(versionInForce(deployed, '2027-01-04')).toMatchObject({ version: 2 });
    // Before any version's rules took effect, and with untagged versions only: none is in force.
    expect(versionInForce(deployed, '2025-08-27')).toBeUndefined();
    expect(versionInForce([def(1), def(2)], '2026-07-13')).toBeUndefined();
  });

  test('a corrected diagram of the same rules (same date, higher version) replaces the earlier one; a later-dated version deployed first still waits for its day', () => {
    const deployed = [
      def(1, 'rules-from-2026-07-12'),
      def(2, 'rules-from-2025-08-28'),
      def(3, 'rules-from-2025-08-28'),
    ];
    expect(versionInForce(deployed, '2026-07-10')).toMatchObject({ version: 3 });
    expect(versionInForce(deployed, '2026-07-13')).toMatchObject({ version: 1 });
  });

  test('Order 138 ¶4: a fire-permit application registered before 12 July 2026 carries a note to the clerk, in Kazakh and Russian, that §3, §4, §8 and Annexes 1–2 apply in the previous wording of Order 372', () => {
    const note = earlierWordingNote('fire-automation-permit', '2026-07-11');
    expect(note?.ru).toBe(
      'Заявление зарегистрировано 11.07.2026, то есть до 12 июля 2026 года. Согласно пункту 4 приказа Министра по чрезвычайным ситуациям РК от 31 марта 2026 года № 138 части первая и третья пункта 3, части девятая и десятая пункта 4, пункт 8 и приложения 1–2 Правил применяются к этому заявлению в прежней редакции приказа № 372. Система эту редакцию не моделирует: проверьте заявление в этой части по прежней редакции.',
    );
    expect(note?.kk).toContain('2026 жылғы 12 шілдеге дейін');
    expect(note?.kk).toContain('№ 372 бұйрықтың бұрынғы редакциясында');
    expect(`${note?.kk} ${note?.ru}`).not.toMatch(/[A-Za-z]/);
    expect(earlierWordingNote('fire-automation-permit', '2026-07-12')).toBeUndefined();
    // Order 923 has no deferred parts: services B, C, D get no note.
    expect(earlierWordingNote('security-licence', '2026-03-02')).toBeUndefined();
  });
});
