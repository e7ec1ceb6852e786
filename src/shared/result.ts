/**
 * The outcome of a request from the renderer: a value, or an error meant for a person.
 *
 * Handlers never throw across the transport (Electron IPC keeps only `error.message`, and a WebSocket
 * keeps nothing), so every request resolves to one of these.
 */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: UserError };

/** An error a person can act on: what happened and what to do next. */
export interface UserError {
  readonly message: string;
}

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps a message for a person as a failed result. */
export function fail<T = never>(message: string): Result<T> {
  return { ok: false, error: { message } };
}
