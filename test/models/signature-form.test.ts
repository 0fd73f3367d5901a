/**
 * Who signs a result and how the signed document names them. Order 138 (Annex 2 row 4) and Order 923
 * (§9–§11 of the licence rules, §10 of the training-centre and national-company rules) require the
 * result to be an electronic document signed with the EDS of the head (the Minister for an order of
 * service C); they prescribe no position typed at signature. The document names the signatory's post
 * itself, in its own language, from the service's rules (domain/documents/context.ts `signatoryRole`),
 * and the signer's name from the certificate: the signature form asks the head for no position.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { caseSummary } from '../../domain/case-summary';
import { buildDocument } from '../../domain/documents';
import { defaultLegalClock } from '../../domain/legal-clock';
import { FACTS } from '../unit/documents/fixtures';

interface FormComponent {
  key?: string;
  components?: FormComponent[];
}
const keysOf = (components: FormComponent[] = []): string[] =>
  components.flatMap((c) => [...(c.key ? [c.key] : []), ...keysOf(c.components)]);

const signatureForm = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', 'forms', 'signature.form'), 'utf8'),
) as FormComponent;

test('Order 138 Annex 2 row 4, Order 923 §9: the signature form asks the head for the decision and the name, no position', () => {
  const keys = keysOf(signatureForm.components);
  expect(keys).toEqual(expect.arrayContaining(['decision', 'signerName', 'signatureRemarks']));
  expect(keys).not.toContain('signerPosition');
});

test('Order 923 §9: the case summary no longer prefills a position in both languages for the signature form', () => {
  const summary = caseSummary(
    { serviceId: 'security-licence', resultKind: 'licence', signerGroup: 'police-head' },
    { now: new Date('2026-04-14T11:00:00+05:00'), clock: defaultLegalClock },
  );
  expect(summary).not.toHaveProperty('signerPosition');
});

test('Order 138 Annex 2 row 4: the signed permit names the signatory’s post in the document’s language and the signer', () => {
  const kk = buildDocument('permit', FACTS.permit, 'kk').signature;
  const ru = buildDocument('permit', FACTS.permit, 'ru').signature;
  expect(ru.role).toBe('Председатель Комитета');
  expect(kk.role).toBe('Комитет төрағасы');
  expect(ru.name).toBe('Серікбаев Ә. Қ.');
  expect(kk.role).not.toContain('/');
});

test('Order 923 §10 (training centre): the Minister’s order names the Minister, in each language alone', () => {
  const ru = buildDocument('ministers-order', FACTS['ministers-order'], 'ru').signature.role;
  const kk = buildDocument('ministers-order', FACTS['ministers-order'], 'kk').signature.role;
  expect(ru).toMatch(/Министр/);
  expect(kk).toMatch(/министрі/i);
  expect(`${kk} ${ru}`).not.toContain('/');
});
