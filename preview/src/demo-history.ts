// A freshly seeded demo has never been scored. Scoring it once as of two weeks before the seed and
// once now, through the app's own rescore function, gives every account the trend and the scored
// portfolio a CRM that csops has run on for a while shows, on the very first start.
import { PREVIEW_TOKEN_HEADER } from './request-guard.js';
import { rescorePages, type RescorePage } from './rescore-pages.js';

const DAY_MS = 86_400_000;
export const DEMO_HISTORY_DAYS = 14;

interface RescoreAnswer {
  ok: boolean;
  message?: string;
  response?: { ok?: boolean; data?: RescorePage };
}

async function rescoreAsOf(previewUrl: string, token: string, uid: string, asOf: string) {
  await rescorePages(async (afterId) => {
    const answer = await fetch(`${previewUrl}/api/functions/${uid}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: token },
      body: JSON.stringify({ parameters: afterId ? { asOf, afterId } : { asOf } }),
    });
    const result = (await answer.json()) as RescoreAnswer;
    if (!result.ok || result.response?.ok === false)
      throw new Error(`scoring the demo portfolio failed: ${result.message ?? 'see the log'}`);
    return result.response?.data;
  });
}

/** Scores the whole demo portfolio as of DEMO_HISTORY_DAYS before `seededAt`, then as of `now`. */
export async function scoreDemoHistory(options: {
  previewUrl: string;
  token: string;
  rescoreFunction: string;
  seededAt: string;
  now: Date;
}): Promise<void> {
  const before = new Date(Date.parse(options.seededAt) - DEMO_HISTORY_DAYS * DAY_MS);
  for (const asOf of [before.toISOString(), options.now.toISOString()])
    await rescoreAsOf(options.previewUrl, options.token, options.rescoreFunction, asOf);
}
