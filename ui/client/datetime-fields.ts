import { almatyFromBrowserInput, browserInputFromAlmaty } from '../../domain/almaty-time';

/**
 * Date-time fields of a Camunda form are entered as Almaty time whatever the browser's zone: the
 * picker works in the browser's zone, so the form is filled with the Almaty wall clock and what
 * the person picked is read back as Almaty wall clock. Pure, so the browser and tests share it.
 */
export interface SchemaComponent {
  type?: string;
  subtype?: string;
  key?: string;
  components?: SchemaComponent[];
}

/** Keys of the schema's date-time fields (date and time, not date only or time only). */
export function dateTimeKeys(schema: { components?: SchemaComponent[] }): string[] {
  const keys: string[] = [];
  const walk = (list: SchemaComponent[] | undefined) => {
    for (const c of list ?? []) {
      if (c.type === 'datetime' && c.subtype === 'datetime' && c.key) keys.push(c.key);
      walk(c.components);
    }
  };
  walk(schema.components);
  return keys;
}

/** Variables to import into the form: each date-time instant as its Almaty wall clock. */
export function toFormData(
  schema: { components?: SchemaComponent[] },
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...variables };
  for (const key of dateTimeKeys(schema)) {
    const v = out[key];
    if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) out[key] = browserInputFromAlmaty(v);
  }
  return out;
}

/** Submitted form data: each date-time read as Almaty time, with its Almaty offset. */
export function fromFormData(
  schema: { components?: SchemaComponent[] },
  data: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...data };
  for (const key of dateTimeKeys(schema)) {
    const v = out[key];
    if (typeof v === 'string') out[key] = almatyFromBrowserInput(v) ?? v;
  }
  return out;
}
