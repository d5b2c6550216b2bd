import { ID_PATTERN } from './generated/constants';

/** Whether `text` has the form of an object id (else it may be a name or a slug). */
export function isId(text: string): boolean {
  return ID_PATTERN.test(text);
}
