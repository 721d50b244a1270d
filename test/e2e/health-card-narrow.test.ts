import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { withStack } from './harness.js';

// HubSpot's record page at a 1024-px window is the narrowest layout a CSM works in: the card in
// the middle tab must still read as sentences, not a word or two a line.
const NARROW = { width: 1024, height: 900 };
const MIN_CARD_WIDTH = 420;

/** Words on each rendered line of every paragraph-like element under `root`. */
async function wordsPerLine(root: Locator): Promise<{ text: string; lines: number[] }[]> {
  return root.evaluate((el) => {
    const blocks: { text: string; lines: number[] }[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const lines = new Map<number, number>();
      for (const m of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rect = range.getClientRects()[0];
        if (rect === undefined) continue;
        const top = Math.round(rect.top);
        lines.set(top, (lines.get(top) ?? 0) + 1);
      }
      if (lines.size > 0) {
        blocks.push({
          text,
          lines: [...lines.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]),
        });
      }
    }
    return blocks;
  });
}

describe('Customer health card in a narrow window', () => {
  it('keeps a readable width at 1024 px and wraps its drivers as sentences', async () => {
    await withStack(async ({ page, url, companyId, screenshot, pageErrors }) => {
      await page.setViewportSize(NARROW);
      const id = await companyId('silentChurner');
      await page.goto(`${url}/companies/${id}`);
      const card = page.locator('[data-card=csops_health_card]');
      await card.getByTestId('score').waitFor({ timeout: 30_000 });

      const box = await card.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(MIN_CARD_WIDTH);

      const drivers = card.getByTestId('drivers');
      const blocks = await wordsPerLine(drivers);
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) {
        // Every line but a paragraph's last holds three words or more.
        const full = block.lines.slice(0, -1);
        for (const words of full) expect(words, block.text).toBeGreaterThanOrEqual(3);
      }
      const steps = await wordsPerLine(card.getByTestId('playbook-tasks'));
      for (const block of steps)
        for (const words of block.lines.slice(0, -1))
          expect(words, block.text).toBeGreaterThanOrEqual(3);

      await screenshot('health-card-1024');
      await page.setViewportSize({ width: 1440, height: 900 });
      await screenshot('health-card-1440');
      expect(pageErrors).toEqual([]);
    });
  });
});
