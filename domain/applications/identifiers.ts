/** IIN/BIN validity comes from the shared identifiers module; re-exported for the schemas. */
export { isValidBin, isValidIin } from '../identifiers';
