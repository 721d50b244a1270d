import * as z from 'zod/mini';
import { SEGMENTS } from '../vocabulary/keys.js';

export const segmentSchema = z.enum(SEGMENTS);
