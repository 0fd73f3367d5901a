import { applicationStatus, stageName, type StatusInput } from '../../../domain/applications/status';
import { defaultLegalClock } from '../../../domain/legal-clock';

const NOW = new Date('2026-03-03T05:00:00Z');
const input = (activeElements: StatusInput['activeElements']): StatusInput => ({
  applicationNumber: 'SEC-2026-000905',
  serviceId: 'security-licence',
  storeState: 'started',
  processState: 'ACTIVE',
  variables: {},
  activeElements,
});

describe("an application's active steps for API readers, in the reader's language", () => {
  const check = {
    elementId: 'Task_CheckCompleteness',
    elementName: 'Құжаттардың толықтығын тексеру / Проверка полноты документов',
    type: 'USER_TASK',
  };

  test('the step is named from the catalogue in Russian or Kazakh, with its element id, never as the diagram\u2019s "Kazakh / Russian"', () => {
    expect(applicationStatus(input([check]), defaultLegalClock, NOW, 'ru').stages).toEqual([
      { elementId: 'Task_CheckCompleteness', name: 'Проверка полноты документов' },
    ]);
    expect(applicationStatus(input([check]), defaultLegalClock, NOW, 'kk').stages).toEqual([
      { elementId: 'Task_CheckCompleteness', name: 'Құжаттардың толықтығын тексеру' },
    ]);
  });

  test('a step the catalogue does not name (a diagram deployed from the designer) shows its own name\u2019s half in the reader\u2019s language', () => {
    const own = {
      elementId: 'Task_Extra',
      elementName: 'Қосымша тексеру / Дополнительная проверка',
      type: 'USER_TASK',
    };
    expect(stageName(own, 'ru')).toBe('Дополнительная проверка');
    expect(stageName(own, 'kk')).toBe('Қосымша тексеру');
    expect(stageName({ elementId: 'Task_Bare', type: 'USER_TASK' }, 'ru')).toBe('Task_Bare');
  });

  test('gateways are not steps an applicant is told of', () => {
    const gateway = {
      elementId: 'Gateway_GroundsFound',
      elementName: 'Негіз бар ма? / Есть основания?',
      type: 'EXCLUSIVE_GATEWAY',
    };
    expect(
      applicationStatus(input([gateway, check]), defaultLegalClock, NOW, 'ru').stages.map((s) => s.elementId),
    ).toEqual(['Task_CheckCompleteness']);
  });
});
