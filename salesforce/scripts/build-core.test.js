// c/csopsCore is committed, not built on deploy: these fail when it no longer matches shared/ or
// cannot load where the platform leaves globalThis out.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const BUILD_SCRIPT = join(__dirname, 'build-core.mjs');

/** Loads the committed module afresh while the global object has no globalThis property. */
function loadCoreWithoutGlobalThis() {
  const global = globalThis;
  delete global.globalThis;
  try {
    let core;
    jest.isolateModules(() => {
      core = require('c/csopsCore');
    });
    return core;
  } finally {
    global.globalThis = global;
  }
}

describe('c/csopsCore', () => {
  it('is byte for byte the build of the current shared/', () => {
    try {
      execFileSync(process.execPath, [BUILD_SCRIPT, '--check'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      throw new Error(e.stderr || e.message);
    }
  });

  it('loads and validates settings and handoffs where globalThis is missing', () => {
    const { parseSettings, parseHandoffInput, defaultSettings } = loadCoreWithoutGlobalThis();
    expect(parseSettings(defaultSettings()).success).toBe(true);
    expect(parseSettings({ ...defaultSettings(), bands: { green: 40, yellow: 60 } })).toEqual({
      success: false,
      issues: [{ path: 'bands.green', message: 'green must start above yellow' }],
    });
    // zod's own wording, which the core supplies itself in a module without classic zod.
    expect(parseHandoffInput({ kickoffDate: 3 })).toEqual({
      success: false,
      issues: [{ path: 'kickoffDate', message: 'Invalid input: expected string, received number' }],
    });
  });
});
