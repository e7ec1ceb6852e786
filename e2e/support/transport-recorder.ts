/**
 * Records everything that crosses the browser preview's transport: every WebSocket frame in both
 * directions and every HTTP response body the page receives from the preview host.
 */
import type { Page } from '@playwright/test';
import type { IssuedSecret } from '../../tools/emulator/state';

/** One recorded message: where it came from and its text. */
export interface RecordedMessage {
  readonly channel: 'ws-sent' | 'ws-received' | 'http';
  readonly where: string;
  readonly text: string;
}

/** A running recorder; `messages` grows as the page talks to the host. */
export interface TransportRecorder {
  readonly messages: RecordedMessage[];
  /** Waits for the HTTP bodies still being read. */
  settle(): Promise<void>;
}

/** Starts recording on `page`; attach before the page opens its WebSocket (then reload). */
export function recordTransport(page: Page, origin: string): TransportRecorder {
  const messages: RecordedMessage[] = [];
  const pending: Promise<void>[] = [];
  const text = (payload: string | Buffer): string => (typeof payload === 'string' ? payload : payload.toString('utf8'));
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => messages.push({ channel: 'ws-sent', where: socket.url(), text: text(frame.payload) }));
    socket.on('framereceived', (frame) => messages.push({ channel: 'ws-received', where: socket.url(), text: text(frame.payload) }));
  });
  page.on('response', (response) => {
    if (new URL(response.url()).origin !== origin) return;
    pending.push(
      response
        .body()
        .then((body) => void messages.push({ channel: 'http', where: response.url(), text: body.toString('utf8') }))
        .catch(() => undefined),
    );
  });
  return { messages, settle: async () => void (await Promise.all(pending)) };
}

/** A secret found where it must not be. */
export interface Leak {
  readonly kind: string;
  readonly where: string;
}

/** Every place in `haystacks` where one of `secrets` appears (also JSON- or URL-escaped). */
export function findLeaks(secrets: readonly IssuedSecret[], haystacks: readonly { where: string; text: string }[]): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of secrets) {
    const forms = new Set([secret.value, JSON.stringify(secret.value).slice(1, -1), encodeURIComponent(secret.value)]);
    for (const haystack of haystacks) {
      if ([...forms].some((form) => haystack.text.includes(form))) leaks.push({ kind: secret.kind, where: haystack.where });
    }
  }
  return leaks;
}
