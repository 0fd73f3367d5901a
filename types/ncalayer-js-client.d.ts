/** The slice of ncalayer-js-client (no bundled types) the portal and the tests use. */
declare module 'ncalayer-js-client' {
  export class NCALayerError extends Error {
    canceledByUser?: boolean;
  }
  export class NCALayerClient {
    constructor(url?: string, allowKmdHttpApi?: boolean);
    connect(): Promise<string>;
    basicsSignCMS(
      allowedStorages: string[] | null,
      data: string | ArrayBuffer | Blob | Array<string | ArrayBuffer | Blob>,
      signingParams: object,
      signerParams: object,
      locale?: string,
    ): Promise<string | string[]>;
    getKeyInfo(storageType: string): Promise<Record<string, string>>;
    static get basicsStorageAll(): null;
    static get basicsCMSParamsAttached(): object;
    static get basicsCMSParamsDetached(): object;
    static get basicsSignerAuthAny(): object;
    static get basicsSignerSignAny(): object;
    static get basicsSignerAny(): object;
    static get fileStorageType(): string;
  }
}
