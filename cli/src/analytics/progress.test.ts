import { describe, expect, it } from 'vitest';
import { progressBar } from './progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = {
    isTTY,
    write: (s: string) => written.push(s) > 0,
  } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progress bar', () => {
  it('draws on a terminal and ends its line', () => {
    const { stream, written } = fakeStream(true);
    const bar = progressBar('calibrating', stream);
    bar.update(3, 6);
    bar.finish();
    expect(written[0]).toContain('calibrating [###############...............] 3/6');
    expect(written[written.length - 1]).toBe('\n');
  });

  it('stays silent when stderr is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const bar = progressBar('calibrating', stream);
    bar.update(1, 2);
    bar.finish();
    expect(written).toEqual([]);
  });
});
