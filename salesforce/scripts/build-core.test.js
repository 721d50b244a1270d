// c/csopsCore and c/csopsValidation are committed, not built on deploy: these fail when either no
// longer matches shared/ or cannot load where the platform leaves globalThis out.
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const BUILD_SCRIPT = join(__dirname, 'build-core.mjs');

/** Loads the committed modules afresh while the global object has no globalThis property. */
function loadWithoutGlobalThis() {
  const global = globalThis;
  delete global.globalThis;
  try {
    let modules;
    jest.isolateModules(() => {
      modules = { ...require('c/csopsCore'), ...require('c/csopsValidation') };
    });
    return modules;
  } finally {
    global.globalThis = global;
  }
}

describe('the core modules c/csopsCore and c/csopsValidation', () => {
  it('are byte for byte the build of the current shared/', () => {
    try {
      execFileSync(process.execPath, [BUILD_SCRIPT, '--check'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      throw new Error(e.stderr || e.message);
    }
  });

  it('load and validate settings and handoffs where globalThis is missing', () => {
    const { parseSettings, parseHandoffInput, defaultSettings } = loadWithoutGlobalThis();
    expect(parseSettings(defaultSettings()).success).toBe(true);
    expect(parseSettings({ ...defaultSettings(), bands: { green: 40, yellow: 60 } })).toEqual({
      success: false,
      issues: [
        { path: 'bands.green', message: 'Green from score must be above Yellow from score' },
      ],
    });
    // zod's own wording, which the core supplies itself in a module without classic zod.
    expect(parseHandoffInput({ kickoffDate: 3 })).toEqual({
      success: false,
      issues: [{ path: 'kickoffDate', message: 'Invalid input: expected string, received number' }],
    });
  });

  it('keep schema code out of the rules module: zod is only in c/csopsValidation', () => {
    const source = (name) =>
      readFileSync(join(__dirname, '..', 'force-app/main/default/lwc', name, `${name}.js`), 'utf8');
    expect(source('csopsCore')).not.toMatch(/_zod|ZodError/);
    expect(source('csopsValidation')).toMatch(/_zod/);
  });
});
