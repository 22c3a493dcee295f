/**
 * Main's own words for the refusals a form shows as they are, re-exported for the component tests
 * (renderer/ may not import main/): a test asserts main's text, never a copy of it.
 */
export { READ_ONLY_MESSAGE, STALE_CASE_MESSAGE } from '../../../main/features/cases/writable-case';
