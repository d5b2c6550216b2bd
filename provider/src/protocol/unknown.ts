/**
 * The "known after apply" marker. Terraform sends unknowns as msgpack extension 0 (or 0x0c for
 * refined unknowns, which carry extra bytes about the eventual value); we keep the original bytes
 * so a refined unknown goes back exactly as it came.
 */
import type { MsgpackExtension } from './msgpack';

export class UnknownValue {
  constructor(readonly raw?: MsgpackExtension) {}
  toJSON(): string {
    return '(known after apply)';
  }
}

/** A fresh, unrefined unknown. */
export const UNKNOWN = new UnknownValue();

export function isUnknown(value: unknown): value is UnknownValue {
  return value instanceof UnknownValue;
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value))
    return Object.values(value).some(containsUnknown);
  return false;
}
