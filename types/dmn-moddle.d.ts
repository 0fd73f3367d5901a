/** dmn-moddle ships no type declarations; the engine uses only this much of it. */
declare module 'dmn-moddle' {
  export class DmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(
      xml: string,
      typeName?: string,
    ): Promise<{ rootElement: any; warnings: { message: string }[]; references?: unknown[] }>;
  }
}
