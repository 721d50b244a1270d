import { describe, expect, it } from 'vitest';
import { startSandbox } from './index.js';
import { WaveCounter } from './waves.js';

describe('WaveCounter', () => {
  it('counts requests in flight together as one wave, and each one sent after an answer as the next', () => {
    const w = new WaveCounter();
    const first = [w.arrive(), w.arrive(), w.arrive()];
    expect(w.waves).toBe(1);
    w.answer(first[0]!);
    // Sent after an answer: may have waited for it.
    const second = w.arrive();
    w.answer(first[1]!);
    w.answer(first[2]!);
    w.answer(second);
    w.answer(w.arrive());
    expect(w.waves).toBe(3);
    expect(w.concurrency).toBe(3);
  });

  it('counts a strictly sequential caller one wave per request', () => {
    const w = new WaveCounter();
    for (let i = 0; i < 5; i++) w.answer(w.arrive());
    expect(w.waves).toBe(5);
    expect(w.concurrency).toBe(1);
  });

  it('starts over on reset, ignoring answers to requests from before it', () => {
    const w = new WaveCounter();
    w.answer(w.arrive());
    const late = w.arrive();
    w.reset();
    w.answer(late);
    w.answer(w.arrive());
    expect(w.waves).toBe(1);
    expect(w.concurrency).toBe(1);
  });
});

describe('sandbox stats', () => {
  it('report the waves and concurrency a client’s requests came in', async () => {
    const sandbox = await startSandbox({ port: 0, seed: 'empty', latencyMs: 30 });
    try {
      const get = () =>
        fetch(`${sandbox.url}/crm/v3/objects/companies`, {
          headers: { authorization: 'Bearer any' },
        }).then((r) => r.text());
      await Promise.all([get(), get(), get()]);
      await get();
      expect(sandbox.stats()).toMatchObject({ requests: 4, waves: 2, maxInFlight: 3 });
      sandbox.resetStats();
      await get();
      expect(sandbox.stats()).toMatchObject({ waves: 1, maxInFlight: 1 });
    } finally {
      await sandbox.close();
    }
  });
});
