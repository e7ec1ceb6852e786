/** Counters for one operation. */
export interface OperationStats {
  requests: number;
  /** Answers with 429 (rate limit or injected). */
  throttled: number;
  /** Answers with 5xx (fail rate or injected). */
  failed: number;
  byStatus: Record<string, number>;
  /** Time spent producing answers, excluding `--latency-ms`. */
  serverMs: { total: number; max: number };
}

/** Per-operation counters. */
export interface Stats {
  record(operation: string, status: number, serverMs: number): void;
  snapshot(): Record<string, OperationStats>;
  reset(): void;
}

/** Creates empty per-operation counters. */
export function createStats(): Stats {
  let byOperation = new Map<string, OperationStats>();
  return {
    record(operation, status, serverMs) {
      let entry = byOperation.get(operation);
      if (!entry) {
        entry = { requests: 0, throttled: 0, failed: 0, byStatus: {}, serverMs: { total: 0, max: 0 } };
        byOperation.set(operation, entry);
      }
      entry.requests += 1;
      if (status === 429) entry.throttled += 1;
      if (status >= 500) entry.failed += 1;
      entry.byStatus[status] = (entry.byStatus[status] ?? 0) + 1;
      entry.serverMs.total += serverMs;
      entry.serverMs.max = Math.max(entry.serverMs.max, serverMs);
    },
    snapshot: () => structuredClone(Object.fromEntries(byOperation)),
    reset() {
      byOperation = new Map();
    },
  };
}
