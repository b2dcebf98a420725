/**
 * The day the site is built, `YYYY-MM-DD` in UTC: what "past due" is measured against.
 * `BUILD_DATE=2026-01-15` sets it, so a build (and a test) can be made as of any day.
 */
export function buildDay(env: NodeJS.ProcessEnv = process.env, now = Date.now()): string {
  const given = env.BUILD_DATE?.trim();
  if (given) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given) || Number.isNaN(Date.parse(`${given}T00:00:00Z`))) {
      throw new Error(`BUILD_DATE="${given}" is not a day; set it like BUILD_DATE=2026-01-15`);
    }
    return given;
  }
  return new Date(now).toISOString().slice(0, 10);
}
