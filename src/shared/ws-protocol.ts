/**
 * The browser preview's WebSocket framing of the IPC contract.
 *
 * The page sends requests; the host answers each by id and pushes snapshots.
 */
/** The WebSocket sub-protocol; the per-launch token travels as a second sub-protocol entry. */
export const WS_PROTOCOL = 'rolecall.v1';
/** Prefix of the sub-protocol entry that carries the per-launch token. */
export const WS_TOKEN_PREFIX = 'token.';
/** The path of the WebSocket endpoint on the preview host. */
export const WS_PATH = '/ws';

/** Frames from the host: a response to a request, or a pushed event. */
export type WsServerFrame =
  | { readonly type: 'response'; readonly id: number; readonly result: unknown }
  | { readonly type: 'event'; readonly event: 'snapshot' | 'accounts'; readonly payload: unknown };
