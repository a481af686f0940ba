import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { IdempotentAction } from './useIdempotency';

describe('IdempotentAction', () => {
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it('uses one key per action and a new one for the next action', async () => {
    const action = new IdempotentAction(counter());
    const seen: string[] = [];
    await action.run(async (k) => seen.push(k));
    await action.run(async (k) => seen.push(k));
    expect(seen).toEqual(['key-1', 'key-2']);
  });

  it('keeps the key when the answer is unknown (network), so a retry cannot pay twice', async () => {
    const action = new IdempotentAction(counter());
    const seen: string[] = [];
    await expect(
      action.run(async (k) => {
        seen.push(k);
        throw new ApiError(0, { code: 'network' });
      }),
    ).rejects.toBeInstanceOf(ApiError);
    await action.run(async (k) => seen.push(k));
    expect(seen).toEqual(['key-1', 'key-1']);
  });

  it('starts afresh after a refusal, which changed nothing', async () => {
    const action = new IdempotentAction(counter());
    const seen: string[] = [];
    await action
      .run(async (k) => {
        seen.push(k);
        throw new ApiError(409, { code: 'bill-already-paid' });
      })
      .catch(() => undefined);
    await action.run(async (k) => seen.push(k));
    expect(seen).toEqual(['key-1', 'key-2']);
  });

  it('forgets the key on reset (the dialog was closed)', async () => {
    const action = new IdempotentAction(counter());
    const seen: string[] = [];
    await action.run(async () => Promise.reject(new ApiError(0, {}))).catch(() => undefined);
    action.reset();
    await action.run(async (k) => seen.push(k));
    expect(seen).toEqual(['key-2']);
  });
});
