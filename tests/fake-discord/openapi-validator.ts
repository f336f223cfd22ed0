/**
 * Validates what the bot sends to Discord against Discord's own OpenAPI description (kept in
 * `tests/fixtures/discord-api-spec/openapi.json`) plus the documented limits the spec cannot express.
 *
 * Why: a fake that accepts anything would let the bot ship bodies real Discord rejects (a 2001-char
 * answer, a misspelt option type, an embed over 6000 characters) or that ping people (missing
 * `allowed_mentions`). The spec is the closest thing to Discord's real request validation that works
 * offline, so every body the fake receives goes through it.
 *
 * The spec is compiled once per process (lazy singleton); each operation's request schema is
 * compiled the first time a request for it arrives. A body is checked by a validator that stops at
 * the first problem, and only a body with problems again by one that lists them all: listing them
 * walks every branch of the spec's unions, four times the work on an answer with buttons, and the
 * fake shares the machine with the bot it times.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { limitChecks, POLICY } from './limits.ts';

// ajv-formats is CommonJS whose `module.exports` is the plugin itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Repository root (this file lives in `tests/fake-discord/`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The pinned copy of Discord's OpenAPI description, vendored with its licence (`tests/fixtures/README.md`). */
export const specPath = path.join(repoRoot, 'tests/fixtures/discord-api-spec/openapi.json');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One operation of the spec as the router needs it. */
export interface SpecOperation {
  method: string;
  /** Path template as written in the spec, e.g. `/webhooks/{webhook_id}/{webhook_token}`. */
  template: string;
  operationId: string;
  /** The `application/json` request body schema, if the operation takes a body. */
  requestSchema?: Json;
  /** Literal segments count more than `{param}` ones, so `/users/@me` beats `/users/{user_id}`. */
  literalSegments: number;
  segments: string[];
}

interface CompiledSpec {
  /**
   * Stops at the first problem (is the body valid?), and lists every problem (which, when not):
   * made on the first invalid body, as most runs send none.
   */
  ajv: { first: Ajv2020; all: () => Ajv2020 };
  operations: SpecOperation[];
  validators: { first: Map<string, ValidateFunction>; all: Map<string, ValidateFunction> };
}

let compiled: CompiledSpec | undefined;

/** Rewrites every `#/components/schemas/X` ref to point into the `discord` schema's `$defs`. */
function rewriteRefs(node: Json, prefix: string): Json {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, prefix));
  if (node && typeof node === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] =
        k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', prefix) : rewriteRefs(v, prefix);
    }
    return out;
  }
  return node;
}

/**
 * discord.js sends `default_member_permissions` as a string of digits (Discord accepts it; the spec
 * says integer). Patch just that property everywhere instead of turning on type coercion, which would
 * hide real type mistakes elsewhere.
 */
function patchDefaultMemberPermissions(node: Json): void {
  if (Array.isArray(node)) {
    node.forEach(patchDefaultMemberPermissions);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const props = node['properties'];
  if (props && typeof props === 'object' && !Array.isArray(props) && 'default_member_permissions' in props) {
    props['default_member_permissions'] = {
      anyOf: [{ type: 'null' }, { type: 'string', pattern: '^[0-9]{1,20}$' }, { type: 'integer', minimum: 0 }],
    };
  }
  for (const v of Object.values(node)) patchDefaultMemberPermissions(v);
}

/** An ajv instance that knows the spec's schemas (`allErrors`: list every problem, not just the first). */
function specAjv(defs: JsonObject, allErrors: boolean): Ajv2020 {
  const ajv = new Ajv2020({ allErrors, strictTypes: false, strictTuples: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword('x-discord-union');
  ajv.addFormat('snowflake', { type: 'string', validate: (s: string) => /^(0|[1-9][0-9]{0,19})$/.test(s) });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('nonce', { type: 'string', validate: (s: string) => s.length <= 25 });
  ajv.addSchema({ $id: 'discord', $defs: defs });
  return ajv;
}

function loadSpec(): CompiledSpec {
  if (compiled) return compiled;
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
    paths: Record<
      string,
      Record<string, { operationId?: string; requestBody?: { content?: Record<string, { schema?: Json }> } }>
    >;
    components: { schemas: JsonObject };
  };
  const defs = rewriteRefs(spec.components.schemas, '#/$defs/') as JsonObject;
  patchDefaultMemberPermissions(defs);

  let all: Ajv2020 | undefined;
  const ajv = { first: specAjv(defs, false), all: () => (all ??= specAjv(defs, true)) };

  const operations: SpecOperation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op.operationId) continue;
      const raw = op.requestBody?.content?.['application/json']?.schema;
      const segments = template.split('/').filter(Boolean);
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: op.operationId,
        requestSchema: raw === undefined ? undefined : rewriteRefs(raw, 'discord#/$defs/'),
        literalSegments: segments.filter((s) => !s.startsWith('{')).length,
        segments,
      });
    }
  }
  operations.sort((a, b) => b.literalSegments - a.literalSegments);
  compiled = { ajv, operations, validators: { first: new Map(), all: new Map() } };
  return compiled;
}

/** A route matched against the spec, with its path parameters (decoded). */
export interface MatchedOperation {
  operation: SpecOperation;
  params: Record<string, string>;
}

/**
 * Finds the spec operation for a method and a path relative to `/api/v10` (query string allowed,
 * percent-encoded segments such as `%40original` are decoded before matching).
 */
export function matchOperation(method: string, rawPath: string): MatchedOperation | undefined {
  const { operations } = loadSpec();
  const segments = splitPath(rawPath);
  const m = method.toUpperCase();
  for (const operation of operations) {
    if (operation.method !== m || operation.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    operation.segments.forEach((seg, i) => {
      const actual = segments[i]!;
      if (seg.startsWith('{')) params[seg.slice(1, -1)] = actual;
      else if (seg !== actual) ok = false;
    });
    if (ok) return { operation, params };
  }
  return undefined;
}

/** Path without query, split into decoded segments. */
export function splitPath(rawPath: string): string[] {
  return rawPath
    .split('?')[0]!
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

function validatorFor(operation: SpecOperation, errors: 'first' | 'all' = 'first'): ValidateFunction | undefined {
  const spec = loadSpec();
  if (operation.requestSchema === undefined) return undefined;
  const key = `${operation.method} ${operation.template}`;
  let fn = spec.validators[errors].get(key);
  if (!fn) {
    fn = (errors === 'first' ? spec.ajv.first : spec.ajv.all()).compile(operation.requestSchema as object);
    spec.validators[errors].set(key, fn);
  }
  return fn;
}

/** ajv errors for unions are noisy: keep the first few, in a readable form. */
function formatErrors(errors: ErrorObject[] | null | undefined, limit = 6): string[] {
  if (!errors?.length) return [];
  // Branch-selection noise ("type must be one of [8]", "must be null", "must match oneOf") says little;
  // errors deep inside the body usually name the real mistake, so they come first.
  const noise = (e: ErrorObject) =>
    ['enum', 'const', 'oneOf', 'anyOf', 'not'].includes(e.keyword) ||
    (e.keyword === 'type' && JSON.stringify(e.params).includes('null'))
      ? 1
      : 0;
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const sorted = [...errors].sort((a, b) => noise(a) - noise(b) || depth(b) - depth(a));
  const unique = [
    ...new Set(
      sorted.map((e) =>
        `${e.instancePath || '(body)'} ${e.message ?? e.keyword} ${e.keyword === 'enum' || e.keyword === 'const' ? JSON.stringify(e.params) : ''}`.trim(),
      ),
    ),
  ];
  const lines = unique.slice(0, limit);
  if (unique.length > limit) lines.push(`… and ${unique.length - limit} more schema errors`);
  return lines;
}

/**
 * Validates one request body. `body` is the parsed JSON (for multipart requests: the parsed
 * `payload_json` field); `undefined` means the request had no body. Returns a list of readable
 * problems, empty when Discord would accept the body.
 */
export function validateRequest(method: string, rawPath: string, body: unknown): string[] {
  return validateRequestDetailed(method, rawPath, body).errors;
}

/** Result of `validateRequestDetailed`. */
export interface ValidationResult {
  errors: string[];
  /** True when Discord itself would refuse the body (400 Invalid Form Body), not just project policy. */
  rejected: boolean;
  operationId?: string;
  /** The spec's path template, e.g. `/channels/{channel_id}/messages`. */
  template?: string;
}

/** Like `validateRequest`, also saying whether Discord would reject the request outright. */
export function validateRequestDetailed(method: string, rawPath: string, body: unknown): ValidationResult {
  const errors = validateInner(method, rawPath, body);
  const match = matchOperation(method, stripApiPrefix(rawPath));
  return {
    errors,
    rejected: errors.some((e) => !e.includes(POLICY)),
    operationId: match?.operation.operationId,
    template: match?.operation.template,
  };
}

function stripApiPrefix(rawPath: string): string {
  return rawPath.replace(/^\/api\/v\d+/, '').replace(/^\/api(?=\/)/, '');
}

function validateInner(method: string, rawPath: string, body: unknown): string[] {
  const p = rawPath.replace(/^\/api\/v\d+/, '').replace(/^\/api(?=\/)/, '');
  const match = matchOperation(method, p);
  const hasBody = body !== undefined;
  if (!match) {
    return hasBody ? [`${method.toUpperCase()} ${p}: no such route in Discord's API spec, but a body was sent`] : [];
  }
  const { operation } = match;
  const where = `${operation.operationId} (${operation.method} ${operation.template})`;
  if (!hasBody) return [];
  const validate = validatorFor(operation);
  if (!validate) return [`${where}: takes no request body, but one was sent`];
  const errors: string[] = [];
  if (!validate(body)) {
    const all = validatorFor(operation, 'all')!;
    all(body);
    errors.push(...formatErrors(all.errors).map((e) => `${where}: ${e}`));
  }
  errors.push(...limitChecks(operation.operationId, body).map((e) => `${where}: ${e}`));
  return errors;
}

/** Forces the one-time spec load and compile (call in `beforeAll` so the first request is not slow). */
export function warmUpValidator(): void {
  const spec = loadSpec();
  for (const op of spec.operations) {
    if (
      [
        'bulk_set_application_commands',
        'create_interaction_response',
        'execute_webhook',
        'update_original_webhook_message',
        'create_message',
      ].includes(op.operationId)
    ) {
      validatorFor(op);
    }
  }
}
