import { describe, expect, it } from 'vitest';
import { DEFAULT_PREVIEW_PORT, parseStartOptions } from './start-options.js';

describe('csops start flags', () => {
  it('serves on 4400 with a fresh-or-kept sandbox when nothing is given', () => {
    expect(parseStartOptions([], {})).toEqual({
      ok: true,
      value: { port: DEFAULT_PREVIEW_PORT, sandboxPort: 0, reset: false },
    });
  });

  it('takes the port from PORT, and --port over PORT', () => {
    expect(parseStartOptions([], { PORT: '5100' })).toMatchObject({
      ok: true,
      value: { port: 5100 },
    });
    expect(parseStartOptions(['--port', '5200'], { PORT: '5100' })).toMatchObject({
      ok: true,
      value: { port: 5200 },
    });
  });

  it('reads the sandbox data folder and reset flag', () => {
    expect(parseStartOptions(['--data-dir', '/tmp/x', '--reset'], {})).toMatchObject({
      ok: true,
      value: { dataDir: '/tmp/x', reset: true },
    });
  });

  it('refuses a port that is not a port, naming the flag', () => {
    const bad = parseStartOptions(['--port', 'abc'], {});
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/--port/);
    const high = parseStartOptions([], { PORT: '70000' });
    expect(!high.ok && high.message).toMatch(/between 0 and 65535/);
  });

  it('refuses unknown flags', () => {
    const bad = parseStartOptions(['--prot', '1'], {});
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/prot/);
  });
});
