import { describe, expect, it } from 'vitest';
import { rescorePages } from './rescore-pages.js';

describe('rescoring a portfolio page by page', () => {
  it('resumes each run after the last id of the one before, until done', async () => {
    const asked: (string | undefined)[] = [];
    const pages = await rescorePages(async (afterId) => {
      asked.push(afterId);
      return afterId === undefined
        ? { done: false, lastId: '10150', written: 140 }
        : { done: true, lastId: '10300', written: 130 };
    });
    expect(asked).toEqual([undefined, '10150']);
    expect(pages.map((p) => p.written)).toEqual([140, 130]);
  });

  it('stops with a message rather than looping when the rescore never finishes', async () => {
    let runs = 0;
    await expect(
      rescorePages(async () => ({ done: false, lastId: String(++runs) }), 3),
    ).rejects.toThrow('the rescore was still not done after 3 runs');
    expect(runs).toBe(3);
  });
});
