/**
 * Whether a stored health result was scored under other settings than the ones in force, so its
 * band may no longer be what the settings would give and a rescore is due. Versions are the saved
 * settings' numbers; blank (or null) means the defaults, before anything was saved. Results written
 * before csops recorded the version read as blank too, so they are stale once settings are saved.
 */
export function isScoreStale(
  scoredUnder: string | number | null | undefined,
  current: number | null | undefined,
): boolean {
  return versionOf(scoredUnder) !== versionOf(current);
}

function versionOf(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
