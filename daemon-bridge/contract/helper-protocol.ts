/**
 * The privileged helper's wire protocol (issue #5): JSON lines over the
 * helper's stdin/stdout. The main process writes one request per line, the
 * helper answers each with one reply line, in order. Both sides parse every
 * line they receive with these strict schemas; nothing else is trusted.
 *
 *   → {"id":1,"method":"pin","params":{"index":1,"osname":"fedora",
 *        "checksum":"<64 hex>","serial":0,"pinned":true}}
 *   → {"id":2,"method":"set-automatic-update-policy","params":{"policy":"stage"}}
 *   ← {"id":1,"ok":true}
 *   ← {"id":2,"ok":false,"error":{"kind":"not-authorized","message":"…"}}
 *
 * The helper first writes one hello line (`{"hello":…,"protocol":1}`) when
 * it runs: behind pkexec that is the moment authentication succeeded.
 */
import { z } from 'zod';
import { userUpdatePolicies } from './desktop.ts';
import type { AppError, ErrorKind } from './domain.ts';

/** Longest line either side accepts, newline excluded (bytes). */
export const HELPER_MAX_LINE_BYTES = 64 * 1024;

/** Longest error message a reply carries; the helper truncates to it. */
export const HELPER_MAX_MESSAGE_LENGTH = 4096;

export const HELPER_PROTOCOL_VERSION = 1;
export const HELPER_HELLO = 'ostree-update-manager-helper';

/** The whole allow-list: nothing else is ever executed by the helper. */
export const helperMethods = ['pin', 'set-automatic-update-policy'] as const;
export type HelperMethod = (typeof helperMethods)[number];

/** Every ErrorKind, for the reply schema (domain.ts only has the type). */
export const helperErrorKinds = [
  'not-authorized',
  'daemon-unavailable',
  'daemon-busy',
  'transaction-failed',
  'cancelled',
  'invalid-input',
  'protocol',
] as const satisfies readonly ErrorKind[];
// Fails to compile when ErrorKind gains a member the list above lacks.
const _allKinds: readonly (typeof helperErrorKinds)[number][] = [] as ErrorKind[];

/**
 * A stateroot (osname) safe to put on a command line: letters, digits, `_`,
 * `.`, `-`; never starting with `-` (an option) or `.` (`.`, `..`, hidden);
 * no `/`, so never a path.
 */
export const STATEROOT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

const requestId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const pinParams = z
  .object({
    index: z.number().int().nonnegative().max(1024),
    osname: z.string().min(1).max(255).regex(STATEROOT_NAME, 'not a stateroot name'),
    checksum: z
      .string()
      .length(64)
      .regex(/^[0-9a-f]{64}$/, 'not a SHA-256 checksum'),
    serial: z.number().int().nonnegative().max(0x7fffffff),
    pinned: z.boolean(),
  })
  .strict();
export type PinParams = z.infer<typeof pinParams>;

export const policyParams = z.object({ policy: z.enum(userUpdatePolicies) }).strict();

const pinRequest = z
  .object({ id: requestId, method: z.literal('pin'), params: pinParams })
  .strict();
const policyRequest = z
  .object({
    id: requestId,
    method: z.literal('set-automatic-update-policy'),
    params: policyParams,
  })
  .strict();

export const helperRequest = z.discriminatedUnion('method', [pinRequest, policyRequest]);
export type HelperRequest = z.infer<typeof helperRequest>;

const replyError = z
  .object({
    kind: z.enum(helperErrorKinds),
    message: z.string().max(HELPER_MAX_MESSAGE_LENGTH),
  })
  .strict();

export const helperReply = z.union([
  z.object({ id: requestId, ok: z.literal(true) }).strict(),
  // id null: the helper could not read which request a bad line was.
  z.object({ id: requestId.nullable(), ok: z.literal(false), error: replyError }).strict(),
]);
export type HelperReply = z.infer<typeof helperReply>;

export const helperHello = z
  .object({ hello: z.literal(HELPER_HELLO), protocol: z.literal(HELPER_PROTOCOL_VERSION) })
  .strict();
export type HelperHello = z.infer<typeof helperHello>;

/** A line as the helper reads it: a request, or what to answer instead. */
export type ParsedRequest =
  | { readonly ok: true; readonly request: HelperRequest }
  | { readonly ok: false; readonly id: number | null; readonly error: AppError };

/** A line as the client reads it. */
export type ParsedReply =
  | { readonly ok: true; readonly message: HelperReply | HelperHello }
  | { readonly ok: false; readonly id: number | null; readonly message: string };

/** Parses one request line (without its newline); never throws. */
export function parseHelperRequest(line: string): ParsedRequest {
  const refuse = (id: number | null, message: string): ParsedRequest => ({
    ok: false,
    id,
    error: { kind: 'invalid-input', message },
  });
  if (byteLength(line) > HELPER_MAX_LINE_BYTES)
    return refuse(null, `Request longer than ${HELPER_MAX_LINE_BYTES} bytes`);
  const value = parseJson(line);
  if (value === undefined) return refuse(null, 'Request is not JSON');
  const id = readableId(value);
  const method = isRecord(value) ? value.method : undefined;
  if (typeof method !== 'string' || !(helperMethods as readonly string[]).includes(method))
    return refuse(
      id,
      `Unknown method ${quote(method)}; the helper only does: ${helperMethods.join(', ')}`,
    );
  const parsed = helperRequest.safeParse(value);
  if (!parsed.success)
    return refuse(id, `Invalid ${method} request: ${describeIssue(parsed.error)}`);
  return { ok: true, request: parsed.data };
}

/** Parses one line the helper wrote (without its newline); never throws. */
export function parseHelperReply(line: string): ParsedReply {
  if (byteLength(line) > HELPER_MAX_LINE_BYTES)
    return { ok: false, id: null, message: `Reply longer than ${HELPER_MAX_LINE_BYTES} bytes` };
  const value = parseJson(line);
  if (value === undefined) return { ok: false, id: null, message: 'Reply is not JSON' };
  const hello = helperHello.safeParse(value);
  if (hello.success) return { ok: true, message: hello.data };
  const reply = helperReply.safeParse(value);
  if (reply.success) return { ok: true, message: reply.data };
  return {
    ok: false,
    id: readableId(value),
    message: `Malformed reply: ${describeIssue(reply.error)}`,
  };
}

/** The request line for `request` (validated first: the client never sends what the helper would refuse). */
export function encodeHelperRequest(request: HelperRequest): string {
  return `${JSON.stringify(helperRequest.parse(request))}\n`;
}

/** The reply line for `reply`. Messages are cut to the cap so the line stays valid. */
export function encodeHelperReply(reply: HelperReply): string {
  if (reply.ok) return `${JSON.stringify(reply)}\n`;
  const message = truncate(reply.error.message, HELPER_MAX_MESSAGE_LENGTH);
  return `${JSON.stringify({ ...reply, error: { ...reply.error, message } })}\n`;
}

export function encodeHelperHello(): string {
  const hello: HelperHello = { hello: HELPER_HELLO, protocol: HELPER_PROTOCOL_VERSION };
  return `${JSON.stringify(hello)}\n`;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id of an off-schema message when it is a usable one, so the error can name its request. */
function readableId(value: unknown): number | null {
  if (!isRecord(value) || !Object.hasOwn(value, 'id')) return null;
  const id = requestId.safeParse(value.id);
  return id.success ? id.data : null;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'rejected';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(truncate(value, 64)) : typeof value;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** UTF-8 length without Buffer (contract code runs in the browser too). */
function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
