import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { isSafeNumber, parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';
import { badRequest, invalidFields, type FieldError } from '../http/problem';
import { topLevelMembers, type Span } from './top-level-members';

/**
 * A Terraform state file (format version 4, what Terraform 0.12 and later write: see Terraform's
 * internal/states/statefile/version4.go) as Mercato reads it. Mercato stores the bytes Terraform
 * sent as they are and reads only the few fields it checks and shows; what it writes itself keeps
 * every number's exact text (an integer past 2^53 in an output or an attribute): a restore changes
 * only the serial's digits, and outputs go through a lossless JSON parser.
 */

/** What a state says of itself. */
export interface StateFacts {
  serial: number;
  lineage: string;
  terraformVersion: string;
}

/** A state file received from Terraform: its text, what it says of itself, its digests. */
export interface StateFile extends StateFacts {
  text: string;
  /** Lower-case hex digests of the bytes. */
  sha256: string;
  md5: string;
  /** Bytes. */
  size: number;
}

/** What `sensitive` outputs show in the API's views. */
const SENSITIVE_MASK = '********';

const MAX_LINEAGE = 200;

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a state file sent to the backend. Answers 400 for bytes that are not a JSON object in
 * UTF-8, 422 naming the field for a JSON object that is not a version 4 state.
 */
export function readStateFile(bytes: Buffer): StateFile {
  if (bytes.length === 0) throw badRequest('the request body is empty: send the state file (JSON)');
  if (!isUtf8(bytes)) throw badRequest('the state file is not UTF-8, which JSON text must be');
  const text = bytes.toString('utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw badRequest(`the state file is not JSON: ${(error as Error).message}`);
  }
  if (!isObject(document)) throw badRequest('the state file is not a JSON object');
  return { ...stateFacts(document), text, ...digests(bytes) };
}

/** Checks the fields Mercato relies on, naming each one that is wrong. */
function stateFacts(document: JsonObject): StateFacts {
  const errors: FieldError[] = [];
  if (document.version !== 4)
    errors.push({
      field: 'version',
      message: `must be 4, the state format of Terraform 0.12 and later (got ${JSON.stringify(document.version)})`,
    });
  const { lineage, serial } = document;
  if (typeof lineage !== 'string' || lineage === '' || lineage.length > MAX_LINEAGE)
    errors.push({ field: 'lineage', message: `must be a non-empty string of at most ${MAX_LINEAGE} characters` });
  if (typeof serial !== 'number' || !Number.isSafeInteger(serial) || serial < 0)
    errors.push({ field: 'serial', message: 'must be a whole number from 0 to 9007199254740991' });
  const terraformVersion = document.terraform_version ?? '';
  if (typeof terraformVersion !== 'string' || terraformVersion.length > 100)
    errors.push({ field: 'terraform_version', message: 'must be a string of at most 100 characters' });
  if (document.outputs !== undefined && document.outputs !== null && !isObject(document.outputs))
    errors.push({ field: 'outputs', message: 'must be an object of outputs by name' });
  if (document.resources !== undefined && document.resources !== null && !Array.isArray(document.resources))
    errors.push({ field: 'resources', message: 'must be an array' });
  if (errors.length) throw invalidFields(errors);
  return { serial: serial as number, lineage: lineage as string, terraformVersion: terraformVersion as string };
}

function digests(bytes: Buffer) {
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    md5: createHash('md5').update(bytes).digest('hex'),
    size: bytes.length,
  };
}

/** A member of a stored state file, parsed (JSON.parse: for members whose numbers are small); undefined when absent. */
function member(text: string, members: Map<string, Span>, name: string): unknown {
  const span = members.get(name);
  return span ? JSON.parse(text.slice(span.start, span.end)) : undefined;
}

/** The outputs of a stored state file, every number kept as its text (LosslessNumber) or turned by `number`. */
function outputsOf(text: string, members: Map<string, Span>, number?: (text: string) => unknown): JsonObject {
  const span = members.get('outputs');
  // a repeated key: the last value, as JSON.parse (which checked the file when it was written) reads it
  const options = {
    ...(number ? { parseNumber: number } : {}),
    onDuplicateKey: ({ newValue }: { newValue: unknown }) => newValue,
  };
  const outputs = span ? parseLossless(text.slice(span.start, span.end), null, options) : undefined;
  return isObject(outputs) ? outputs : {};
}

/**
 * The state file with another `serial` (a restore makes an old version the newest): the text
 * with the serial's digits replaced, every other byte as it was.
 */
export function withSerial(text: string, serial: number): StateFile {
  const span = topLevelMembers(text).get('serial')!;
  const rewritten = `${text.slice(0, span.start)}${serial}${text.slice(span.end)}`;
  return readStateFile(Buffer.from(rewritten, 'utf8'));
}

/**
 * What a project member (who may not write the state) gets from the backend: a state of the same
 * serial and lineage holding only the outputs that are not `sensitive`, no resources. It is what
 * `terraform_remote_state` and `terraform output` read; resources' attributes are left out,
 * because providers do not mark every secret attribute sensitive (a value derived from a secret
 * input often is not), while Terraform refuses an output that carries a sensitive value unless
 * it is marked so. A sensitive output is left out rather than emptied, so that a configuration
 * that refers to it fails loudly instead of reading null. Only the outputs are parsed (the
 * lossless parser is slow, and resources are most of a state).
 */
export function outputsOnlyState(text: string): string {
  const members = topLevelMembers(text);
  const shown = Object.fromEntries(
    Object.entries(outputsOf(text, members)).filter(([, output]) => isObject(output) && output.sensitive !== true),
  );
  const view = {
    version: member(text, members, 'version'),
    terraform_version: member(text, members, 'terraform_version'),
    serial: member(text, members, 'serial'),
    lineage: member(text, members, 'lineage'),
    outputs: shown,
    resources: [],
    check_results: null,
  };
  return `${stringifyLossless(view, null, 2)}\n`;
}

/** An output as the API shows it: a sensitive one's value masked. */
export type OutputView = {
  /** Terraform's type of the value, as the state file writes it (`"string"`, `["list","number"]`...). */
  type: unknown;
  sensitive: boolean;
  /** The value; `********` when sensitive; an integer past 2^53 as its decimal text. */
  value: unknown;
};

/** A resource as the API shows it: where it is and how many instances it has, none of its attributes. */
export type ResourceView = {
  address: string;
  mode: string;
  type: string;
  name: string;
  provider: string;
  instances: number;
};

/** What the API shows of a state's content: outputs (sensitive ones masked) and resources' addresses. */
export function contentView(text: string): { outputs: Record<string, OutputView>; resources: ResourceView[] } {
  const members = topLevelMembers(text);
  // Numbers a double keeps are numbers; the others keep their exact text as strings.
  const outputs = outputsOf(text, members, (number) => (isSafeNumber(number) ? Number(number) : number));
  const resources = member(text, members, 'resources');
  return {
    outputs: Object.fromEntries(
      Object.entries(outputs)
        .filter((entry): entry is [string, JsonObject] => isObject(entry[1]))
        .map(([name, output]) => {
          const sensitive = output.sensitive === true;
          return [name, { type: output.type ?? null, sensitive, value: sensitive ? SENSITIVE_MASK : output.value }];
        }),
    ),
    resources: Array.isArray(resources) ? resources.filter(isObject).map(resourceView) : [],
  };
}

function resourceView(resource: JsonObject): ResourceView {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const mode = text(resource.mode);
  const local = `${mode === 'data' ? 'data.' : ''}${text(resource.type)}.${text(resource.name)}`;
  const module = text(resource.module);
  return {
    address: module ? `${module}.${local}` : local,
    mode,
    type: text(resource.type),
    name: text(resource.name),
    provider: text(resource.provider),
    instances: Array.isArray(resource.instances) ? resource.instances.length : 0,
  };
}

/** The `Content-MD5` header of a body whose MD5 is `hex` (RFC 1864: base64 of the digest). */
export const contentMd5 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
