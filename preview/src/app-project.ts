// Reads the HubSpot project's component metadata (*-hsmeta.json): which cards exist for which
// records, the settings page, and which file each app function uid runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const cardMeta = z.object({
  uid: z.string(),
  type: z.literal('card'),
  config: z.object({
    name: z.string(),
    description: z.string().optional(),
    location: z.enum(['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar']),
    entrypoint: z.string().startsWith('/app/'),
    objectTypes: z.array(z.string()).min(1),
  }),
});

const settingsMeta = z.object({
  uid: z.string(),
  type: z.literal('settings'),
  config: z.object({ entrypoint: z.string().startsWith('/app/') }),
});

const functionMeta = z.object({
  uid: z.string(),
  type: z.literal('app-function'),
  config: z.object({
    entrypoint: z.string().startsWith('/app/'),
    secretKeys: z.array(z.string()).optional(),
  }),
});

export interface CardComponent {
  uid: string;
  name: string;
  location: string;
  objectTypes: string[];
  file: string;
}

export interface SettingsComponent {
  uid: string;
  file: string;
}

export interface AppFunction {
  uid: string;
  file: string;
}

export interface AppProject {
  appDir: string;
  cards: CardComponent[];
  settings: SettingsComponent | undefined;
  functions: AppFunction[];
}

/** Object type names as cards list them, keyed by the id HubSpot puts in `context.crm.objectTypeId`. */
export const OBJECT_TYPE_IDS: Record<string, string> = {
  contacts: '0-1',
  companies: '0-2',
  deals: '0-3',
  tickets: '0-5',
};

function metaFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('-hsmeta.json'))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

function readMeta<T>(file: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

/** `appDir` is the project's `src/app` folder; entrypoints in hsmeta are relative to its parent (`srcDir`). */
export function readAppProject(appDir: string): AppProject {
  const srcDir = resolve(appDir, '..');
  const file = (entrypoint: string) => join(srcDir, entrypoint);
  const cards = metaFiles(join(appDir, 'cards')).map((f) => {
    const meta = readMeta(f, cardMeta);
    return {
      uid: meta.uid,
      name: meta.config.name,
      location: meta.config.location,
      objectTypes: meta.config.objectTypes.map((t) => t.toLowerCase()),
      file: file(meta.config.entrypoint),
    };
  });
  const settingsFiles = metaFiles(join(appDir, 'settings'));
  const settings = settingsFiles[0] ? readMeta(settingsFiles[0], settingsMeta) : undefined;
  const functions = metaFiles(join(appDir, 'functions')).map((f) => {
    const meta = readMeta(f, functionMeta);
    return { uid: meta.uid, file: file(meta.config.entrypoint) };
  });
  return {
    appDir,
    cards: cards.sort((a, b) => a.name.localeCompare(b.name)),
    settings: settings ? { uid: settings.uid, file: file(settings.config.entrypoint) } : undefined,
    functions,
  };
}
