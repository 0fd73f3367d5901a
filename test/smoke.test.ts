import { BpmnModdle } from 'bpmn-moddle';
import { evaluate } from '@bpmn-io/feelin';

test('ESM-only parsing and FEEL packages load under jest', async () => {
  const moddle = new BpmnModdle();
  const { rootElement } = await moddle.fromXML(
    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"/>',
  );
  expect(rootElement.id).toBe('d');
  expect(evaluate('1 + 2', {})).toMatchObject({ value: 3 });
});
