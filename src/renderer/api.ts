/**
 * The renderer's one way to reach main: the {@link RendererApi} the preload (or the preview's bridge)
 * exposed. The renderer cannot tell which transport carries it.
 */
import { API_GLOBAL, type RendererApi } from '../shared/ipc-contract';

/** Returns the exposed API; throws if the page was opened without Rolecall's preload or bridge. */
export function getRendererApi(): RendererApi {
  const api = (window as unknown as Record<string, RendererApi | undefined>)[API_GLOBAL];
  if (api === undefined) throw new Error('Rolecall’s API is missing: open the app, or the URL `npm run web` printed.');
  return api;
}
