/**
 * The API and the snapshot source, provided once at the root and read by components through hooks.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { RendererApi } from '../shared/ipc-contract';
import type { AppSnapshot } from '../shared/snapshot';
import type { SnapshotSource } from './snapshot-source';

/** What every component may reach: the API for intents, the source for state. */
export interface AppContextValue {
  readonly api: RendererApi;
  readonly source: SnapshotSource;
}

export const AppContext = createContext<AppContextValue | null>(null);

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('AppContext is missing: render components inside <AppContext.Provider>.');
  return value;
}

/** The current snapshot, or `null` until the first one arrives. */
export function useAppSnapshot(): AppSnapshot | null {
  const { source } = useAppContext();
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}

/** The API, for sending intents. */
export function useRendererApi(): RendererApi {
  return useAppContext().api;
}
