// hubspot.serverless is not mocked by createRenderer (it calls the worker's `self.serverless`), so
// card tests replace it; each test queues the answers the app functions would give.
import { vi } from 'vitest';
import { hubspot } from '@hubspot/ui-extensions';

export const serverless = vi.mocked(hubspot.serverless);

export function answerWith(...answers: unknown[]): void {
  for (const a of answers) serverless.mockResolvedValueOnce(a as never);
}

/** An answer that stays pending until the test releases it, to see the loading state. */
export function pendingAnswer(): (value: unknown) => void {
  let release: (value: unknown) => void = () => undefined;
  serverless.mockReturnValueOnce(
    new Promise((resolve) => {
      release = resolve;
    }) as never,
  );
  return release;
}

/** The parameters of the n-th function call, and its name. */
export function call(n: number): { name: string; parameters: unknown } {
  const args = serverless.mock.calls[n];
  if (!args) throw new Error(`no function call #${n}`);
  return { name: args[0], parameters: args[1]?.parameters };
}
