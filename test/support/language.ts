/**
 * Texts a person reads are in Kazakh and Russian only (Order 138 Annex 2 row 7; Order 923 List row 5:
 * a reasoned refusal the applicant can read): no English, no spec references, no internal codes.
 *
 * The only Latin-script items allowed, each by an exact pattern:
 * - register numbers of applications and documents: `KZ-2026-000123`, `FAP-2026-000701`,
 *   `KZ-2026-000123-REF-01` (the kind code is part of the printed number);
 * - E-licensing permit numbers: `KZ26VFA00001234`;
 * - web addresses: `https://…` and the portal's name `egov.kz`;
 * - Roman numerals of electrical-safety clearance groups, as the acts write them: `ниже III`, `III-ден`.
 */
export const ALLOWED_LATIN: RegExp[] = [
  /\b[A-Z]{2,4}-\d{4}-\d{6}(?:-[A-Z]{3}-\d{2})?\b/g,
  /\bKZ\d{2}[A-Z]{3}\d{8}\b/g,
  /\bhttps:\/\/[^\s,;)»]+/g,
  /\begov\.kz\b/g,
  /\b(?:II|III|IV)\b/g,
];

/**
 * Names of things the web app's pages legitimately print as they are written: the signing
 * program NCALayer, the file formats PDF, JPEG and PNG and the digest SHA-256.
 */
export const ALLOWED_PRODUCT_NAMES: RegExp[] = [
  /\bNCALayer\b/g,
  /\bPDF\b/g,
  /\bJPEG\b/g,
  /\bPNG\b/g,
  /\bSHA-256\b/g,
];

/** Internal identifiers that must never reach a reader, Latin or not. */
export const INTERNAL_CODES: RegExp[] = [
  /\b[A-D]\d{0,2}_[A-Z_]+\b/, // refusal ground codes: A01_UNRELIABLE_DATA, C_UNRELIABLE_DATA
  /\b(?:Task|Gateway|Event|Start|End|Call|Boundary)_[A-Za-z]+/, // BPMN element ids
  /\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b/, // CamelCase names such as MissingDocuments
  /\b[a-z]+[A-Z][A-Za-z]*\b/, // variable names such as hearingAt, refusalGrounds
  /\bC\d{1,2}\b/, // spec rule numbers
  /\b(?:row|spec|Annex|Order)\b/i,
];

/** Latin-script words left in `text` once the allowed items are taken out. */
export function latinLeft(text: string, allowed: RegExp[] = ALLOWED_LATIN): string[] {
  let rest = text;
  for (const pattern of allowed) rest = rest.replace(pattern, ' ');
  return rest.match(/[A-Za-z][A-Za-z0-9_.-]*/g) ?? [];
}

/**
 * Strings of process variables that carry English words, as `path: value`. A value is read by a
 * person when it has words (a space between letters): those may hold no Latin word beyond
 * {@link ALLOWED_LATIN}, {@link ALLOWED_PRODUCT_NAMES}, file names and vehicle plates. A value of one token is an identifier,
 * an enum value, a code, a time, an address or a file name: the machinery's, not a reader's (the
 * forms and pages print them through the catalogue). Variable names and object keys are not values.
 */
export function englishInVariables(vars: unknown, path = ''): string[] {
  if (typeof vars === 'string') {
    if (!/\S\s+\S/.test(vars)) return [];
    const left = latinLeft(vars, [
      ...ALLOWED_LATIN,
      ...ALLOWED_PRODUCT_NAMES,
      // File names the applicant chose, and vehicle plates as the register writes them (210 KRG 02).
      /\S+\.(?:pdf|png|jpe?g)\b/gi,
      /\b\d{3} [A-Z]{2,3} \d{2}\b/g,
    ]);
    return left.length ? [`${path}: ${vars}`] : [];
  }
  if (Array.isArray(vars)) return vars.flatMap((v, i) => englishInVariables(v, `${path}[${i}]`));
  if (vars && typeof vars === 'object')
    return Object.entries(vars).flatMap(([k, v]) => englishInVariables(v, path ? `${path}.${k}` : k));
  return [];
}
