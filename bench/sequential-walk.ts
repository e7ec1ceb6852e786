import { ListAccountRolesCommand, ListAccountsCommand, type SSOClient } from '@aws-sdk/client-sso';
import { setTimeout as sleep } from 'node:timers/promises';

/** What a one-at-a-time walk measured. */
export interface WalkResult {
  readonly calls: number;
  readonly accounts: number;
  readonly throttled: number;
  readonly elapsedMs: number;
}

/**
 * Walks the portal API the naive way, for comparison: one call at a time, no scheduler, a 429 answered by
 * sleeping a second and trying again. Stops once `accountLimit` accounts have had their roles read.
 */
export async function sequentialWalk(client: SSOClient, accessToken: string, accountLimit: number): Promise<WalkResult> {
  const counters = { calls: 0, throttled: 0 };
  const send = async <T>(call: () => Promise<T>): Promise<T> => {
    for (;;) {
      counters.calls += 1;
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'TooManyRequestsException') throw error;
        counters.throttled += 1;
        await sleep(1000);
      }
    }
  };
  const started = performance.now();
  let accounts = 0;
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const page = await send(() => client.send(new ListAccountsCommand({ accessToken, maxResults: 100, nextToken: token })));
    for (const account of page.accountList ?? []) {
      if (accounts >= accountLimit) break;
      let rolesToken: string | undefined;
      do {
        const current = rolesToken;
        const roles = await send(() =>
          client.send(new ListAccountRolesCommand({ accessToken, accountId: account.accountId, maxResults: 100, nextToken: current })),
        );
        rolesToken = roles.nextToken ?? undefined;
      } while (rolesToken !== undefined);
      accounts += 1;
    }
    nextToken = accounts >= accountLimit ? undefined : (page.nextToken ?? undefined);
  } while (nextToken !== undefined);
  return { ...counters, accounts, elapsedMs: performance.now() - started };
}
