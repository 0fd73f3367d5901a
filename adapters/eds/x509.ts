/**
 * @peculiar/x509 needs a Reflect polyfill (tsyringe) loaded before it, and a WebCrypto provider;
 * every EDS module imports x509 through here so both are in place.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
