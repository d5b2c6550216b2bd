import type { ValidateFunction } from 'ajv';
import type { MercatoClient } from '../client/mercato-client';

interface VersionRecord {
  version: string;
  status: string;
  options_schema: object;
  /** The properties the schema makes secret, by path (servers before it gave none). */
  secret_attribute_paths?: string[];
  deprecation_message: string;
  replacement_version: string;
}

const versionsByOffering = new Map<string, Promise<VersionRecord[]>>();
const validators = new Map<string, ValidateFunction>();

/** The versions of an offering, fetched once per provider process (a plan asks for many resources). */
export function offeringVersions(client: MercatoClient, offeringId: string): Promise<VersionRecord[]> {
  let versions = versionsByOffering.get(offeringId);
  if (!versions) {
    versions = client.list<VersionRecord>('/offering-versions', { offering_id: offeringId });
    versionsByOffering.set(offeringId, versions);
  }
  return versions;
}

export interface SchemaError {
  path: string;
  message: string;
}

/** Validates attributes against a version's JSON Schema, the same way the server does; paths as `attributes.a[0].b`. */
export function attributeErrors(schema: object, attributes: unknown): SchemaError[] {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    // ajv is loaded only when a plan validates attributes.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = require('ajv').default as typeof import('ajv').default;
    // Formats are left to the server, which checks them when the order is placed.
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  if (validate(attributes)) return [];
  return (validate.errors ?? []).map((e) => {
    const base = e.instancePath
      .split('/')
      .filter(Boolean)
      .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), 'attributes');
    if (e.keyword === 'required') return { path: `${base}.${e.params.missingProperty}`, message: 'is required' };
    if (e.keyword === 'additionalProperties') return { path: `${base}.${e.params.additionalProperty}`, message: 'is not a known field of this offering version' };
    return { path: base, message: e.message ?? e.keyword };
  });
}
