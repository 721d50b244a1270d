// A HubSpot function runs for seconds: the rescore function stops at its time budget and answers
// where to resume (`lastId`), until `done`. Used by the Companies page and the demo's first scoring.

export interface RescorePage {
  done?: boolean;
  lastId?: string;
  written?: number;
  scanned?: number;
  bands?: Record<string, number>;
}

export const MAX_RESCORE_RUNS = 1000;

/** Calls `runOnce` from the start, then from each answer's `lastId`, and returns every page. */
export async function rescorePages(
  runOnce: (afterId: string | undefined) => Promise<RescorePage | undefined>,
  maxRuns = MAX_RESCORE_RUNS,
): Promise<RescorePage[]> {
  const pages: RescorePage[] = [];
  let afterId: string | undefined;
  for (let run = 0; run < maxRuns; run++) {
    const page = (await runOnce(afterId)) ?? {};
    pages.push(page);
    if (page.done !== false) return pages;
    afterId = page.lastId;
  }
  throw new Error(`the rescore was still not done after ${maxRuns} runs`);
}
