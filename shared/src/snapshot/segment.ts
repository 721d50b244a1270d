import * as z from 'zod/mini';

/** Customer segments, by ARR tier (thresholds live in settings.segments). */
export const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;
export const segmentSchema = z.enum(SEGMENTS);
export type Segment = z.infer<typeof segmentSchema>;
