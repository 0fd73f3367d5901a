/**
 * @peculiar/x509 needs a Reflect polyfill (tsyringe) loaded before it, and a WebCrypto provider;
 * every EDS module imports x509 through here so both are in place.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

// Node's global WebCrypto (Node 20+): the very object the DOM's `Crypto` type describes.
x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
