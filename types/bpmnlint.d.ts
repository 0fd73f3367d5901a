/** Packages of the designer's on-canvas lint that ship no type declarations: the parts used. */
declare module 'bpmnlint-pack-config' {
  export function packConfig(configPath: string, format: string, name?: string): Promise<{ code: string }>;
}
/** The repository's bpmnlint configuration, packed at bundle time by ui/build.ts. */
declare module 'bpmnlint-config' {
  const config: { config: object; resolver: object };
  export default config;
}
declare module 'bpmn-js-bpmnlint' {
  const lintModule: object;
  export default lintModule;
}
