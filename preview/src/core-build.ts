// App functions require('@csops/core'), which resolves to the core's CommonJS build. `csops start`
// builds it when it is missing or older than the core's sources, so a fresh clone previews in one command.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The core's own folder, wherever the workspace installed it. */
export const CORE_DIR = dirname(createRequire(import.meta.url).resolve('@csops/core/package.json'));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function coreBuildIsCurrent(coreDir: string = CORE_DIR): boolean {
  const built = join(coreDir, 'dist', 'index.cjs');
  if (!existsSync(built)) return false;
  return statSync(built).mtimeMs >= newestSource(join(coreDir, 'src'));
}

export async function ensureCoreBuilt(
  log: (line: string) => void,
  coreDir: string = CORE_DIR,
): Promise<void> {
  if (coreBuildIsCurrent(coreDir)) return;
  log('Building @csops/core for the app functions (npm run build in shared/)…');
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], {
      cwd: coreDir,
      // stderr, so a benchmark's --json output stays nothing but JSON.
      stdio: ['ignore', 2, 2],
    });
    child.once('error', reject);
    child.once('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0)
    throw new Error(
      `Building @csops/core failed (exit ${code}); run "npm run build -w shared" to see why`,
    );
}
