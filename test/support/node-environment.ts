/**
 * Jest's node environment on a plain V8 context (`vm.constants.DONT_CONTEXTIFY`, Node 20.18+).
 * Jest's own environment runs each test file in a context made by `vm.createContext()`, whose global
 * object answers every lookup of a global (`Math`, `JSON`, `Buffer`, `Date`, …) through an
 * interceptor, 20 to 50 times slower than a plain global: a QR code's PNG encoding took 300–600 ms
 * under jest against 17 ms in node. A plain context has the same built-ins and the same isolation
 * between test files (a new context per file), without the interceptor.
 */
import vm from 'node:vm';
import { TestEnvironment } from 'jest-environment-node';

export default class PlainContextEnvironment extends TestEnvironment {
  constructor(...args: ConstructorParameters<typeof TestEnvironment>) {
    // The parent makes its context with `vm.createContext()`; it gets the plain one instead.
    const createContext = vm.createContext;
    vm.createContext = (() => createContext(vm.constants.DONT_CONTEXTIFY)) as typeof vm.createContext;
    try {
      super(...args);
    } finally {
      vm.createContext = createContext;
    }
  }
}
