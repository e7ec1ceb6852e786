import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { EmulatorContext, RequestInfo } from './context';
import { ReplyError, type Reply } from './http-util';
import type { RoleCredentialRecord } from './state';

/**
 * STS `GetCallerIdentity` over the AWS Query protocol, for role credentials GetRoleCredentials issued.
 *
 * botocore 1.43 (the `aws` CLI) and the JS SDK's STS client both speak the Query protocol to STS: a form
 * POST to `/` with `Action=GetCallerIdentity&Version=2011-06-15`, answered in XML. GET with the same query
 * parameters is accepted too, as AWS does.
 */

/** The only STS API version there is. */
export const STS_VERSION = '2011-06-15';
const STS_NAMESPACE = `https://sts.amazonaws.com/doc/${STS_VERSION}/`;

/**
 * The role session name of the emulator's one implicit user: Identity Center names the session after the
 * user, and the emulator has no real sign-in, so this is a fixed, recognisable value.
 */
export const EMULATOR_USER_NAME = 'emulator.user@example.com';

/** STS error shapes with their HTTP status, fault side and the message AWS sends. */
export const STS_ERRORS = {
  InvalidClientTokenId: { status: 403, type: 'Sender', message: 'The security token included in the request is invalid.' },
  ExpiredToken: { status: 400, type: 'Sender', message: 'The security token included in the request is expired' },
  MissingAuthenticationToken: { status: 403, type: 'Sender', message: 'Request is missing Authentication Token' },
  IncompleteSignature: { status: 400, type: 'Sender', message: "Authorization header requires 'Credential' parameter." },
  SignatureDoesNotMatch: { status: 403, type: 'Sender', message: "Credential should be scoped to correct service: 'sts'. " },
  InvalidAction: { status: 400, type: 'Sender', message: 'Could not find operation for version' },
} as const satisfies Record<string, { status: number; type: 'Sender' | 'Receiver'; message: string }>;

/** The name of an STS error the emulator sends. */
export type StsErrorName = keyof typeof STS_ERRORS;

/** Whether a request is for STS: any `POST /`, or `GET /` carrying an `Action` (the landing page has none). */
export function isStsRequest(method: string, url: URL): boolean {
  return url.pathname === '/' && (method === 'POST' || (method === 'GET' && url.searchParams.has('Action')));
}

/** The request's Query-protocol parameters: the query string, overridden by a form body on POST. */
function stsParams(request: RequestInfo): URLSearchParams {
  const params = new URLSearchParams(request.url.searchParams);
  if (request.method === 'POST') {
    for (const [key, value] of new URLSearchParams(request.body)) params.set(key, value);
  }
  return params;
}

/** The operation name for stats: `GetCallerIdentity`, or `STS` for any other (refused) action. */
export function stsOperation(request: RequestInfo): string {
  return stsParams(request).get('Action') === 'GetCallerIdentity' ? 'GetCallerIdentity' : 'STS';
}

/** STS — `POST /` (or `GET /?Action=…`): serves `GetCallerIdentity` and refuses every other action. */
export function sts(context: EmulatorContext, request: RequestInfo): Reply {
  const params = stsParams(request);
  const record = authenticate(context, request, params);
  const action = params.get('Action') ?? '';
  const version = params.get('Version') ?? '';
  if (action !== 'GetCallerIdentity' || version !== STS_VERSION) {
    throw stsError('InvalidAction', `Could not find operation ${action} for version ${version}`);
  }
  return getCallerIdentity(record);
}

function getCallerIdentity(record: RoleCredentialRecord): Reply {
  const identity = callerIdentity(record.accountId, record.roleName);
  return xmlReply(200, (requestId) => `<GetCallerIdentityResponse xmlns="${STS_NAMESPACE}">
  <GetCallerIdentityResult>
    <Arn>${xml(identity.arn)}</Arn>
    <UserId>${xml(identity.userId)}</UserId>
    <Account>${xml(identity.account)}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>${requestId}</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>
`);
}

/** Who role credentials belong to, as `GetCallerIdentity` reports it. */
export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

/**
 * The identity of the emulator's user in a role: `assumed-role/AWSReservedSSO_<role>_<16 hex>/<user>`.
 *
 * Identity Center creates one IAM role per permission set named like that; the suffix and the role id
 * (`AROA…`) are derived from the account and role, so they are stable across calls and restarts.
 */
export function callerIdentity(accountId: string, roleName: string): CallerIdentity {
  const digest = createHash('sha256').update(`${accountId}\0${roleName}`).digest();
  const suffix = digest.subarray(0, 8).toString('hex');
  const roleId = `AROA${[...digest.subarray(8, 25)].map((byte) => ROLE_ID_ALPHABET[byte % 32]).join('')}`;
  return {
    account: accountId,
    arn: `arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_${roleName}_${suffix}/${EMULATOR_USER_NAME}`,
    userId: `${roleId}:${EMULATOR_USER_NAME}`,
  };
}

const ROLE_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Finds the issued role credentials a request was signed with.
 *
 * SECURITY: the signature itself is not verified (the emulator would need to re-sign every request the way
 * each SDK canonicalises it, for no gain in tests); what is checked is that a SigV4 credential is present,
 * names an access key GetRoleCredentials issued, is scoped to `sts`, carries that key's session token, and
 * has not expired on the emulator clock.
 */
function authenticate(context: EmulatorContext, request: RequestInfo, params: URLSearchParams): RoleCredentialRecord {
  const header = request.headers.authorization;
  let credential: string | undefined;
  if (typeof header === 'string' && header.length > 0) {
    credential = /(?:^|[\s,])Credential=([^,\s]+)/.exec(header)?.[1];
    if (credential === undefined) throw stsError('IncompleteSignature');
  } else {
    // Presigned URLs carry the credential as a query parameter instead of the header.
    credential = params.get('X-Amz-Credential') ?? undefined;
    if (credential === undefined) throw stsError('MissingAuthenticationToken');
  }
  // Scope: <key>/<date>/<region>/<service>/aws4_request (SigV4a omits the region).
  const scope = credential.split('/');
  const accessKeyId = scope[0] ?? '';
  if (scope.length >= 4 && scope[scope.length - 2] !== 'sts') throw stsError('SignatureDoesNotMatch');
  const record = context.state.roleCredentials.get(accessKeyId);
  const tokenHeader = request.headers['x-amz-security-token'];
  const sessionToken = typeof tokenHeader === 'string' ? tokenHeader : params.get('X-Amz-Security-Token');
  if (!record || sessionToken === null || !same(record.sessionToken, sessionToken)) {
    throw stsError('InvalidClientTokenId');
  }
  if (context.clock.now() >= record.expiresAt) throw stsError('ExpiredToken');
  return record;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Builds an STS error reply: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export function stsErrorReply(name: StsErrorName, message?: string): Reply {
  const { status, type, message: fallback } = STS_ERRORS[name];
  return xmlReply(status, (requestId) => `<ErrorResponse xmlns="${STS_NAMESPACE}">
  <Error>
    <Type>${type}</Type>
    <Code>${name}</Code>
    <Message>${xml(message ?? fallback)}</Message>
  </Error>
  <RequestId>${requestId}</RequestId>
</ErrorResponse>
`);
}

function stsError(name: StsErrorName, message?: string): ReplyError {
  return new ReplyError(stsErrorReply(name, message));
}

/** An XML reply whose body and `x-amzn-RequestId` header carry the same request id, as AWS's do. */
function xmlReply(status: number, body: (requestId: string) => string): Reply {
  const requestId = randomUUID();
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-RequestId': requestId }, body: body(requestId) };
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
};

/**
 * Escapes text for XML content; characters XML 1.0 cannot hold at all (NUL, most C0 controls, lone
 * surrogates) become U+FFFD, so a hostile fixture's role name still yields a well-formed document.
 */
function xml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
