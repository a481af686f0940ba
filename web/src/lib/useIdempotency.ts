// One Idempotency-Key per user action: kept while the answer is unknown (a dropped connection,
// so that trying again cannot pay twice), forgotten once the server has answered (a refusal
// changed nothing; a success is done).
import { useMemo } from 'react';
import { isApiError } from '../api/client';
import { newIdempotencyKey } from './licensing';

export class IdempotentAction {
  private key: string | null = null;

  constructor(private readonly makeKey: () => string = newIdempotencyKey) {}

  /** Runs `fn` with this action's key. */
  async run<T>(fn: (key: string) => Promise<T>): Promise<T> {
    this.key ??= this.makeKey();
    try {
      const result = await fn(this.key);
      this.key = null;
      return result;
    } catch (e) {
      if (!(isApiError(e) && e.status === 0)) this.key = null;
      throw e;
    }
  }

  /** Starts a new action (e.g. when its dialog opens again). */
  reset(): void {
    this.key = null;
  }
}

export function useIdempotency(): IdempotentAction {
  return useMemo(() => new IdempotentAction(), []);
}
