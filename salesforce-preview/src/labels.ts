import { readFileSync } from 'node:fs';
import { z } from 'zod';

const labelSchema = z.object({
  fullName: z.string().regex(/^\w+$/, 'a label name is letters, digits and underscores'),
  value: z.string(),
});

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The custom labels of CustomLabels.labels-meta.xml by name, as `@salesforce/label/c.Name` answers them. */
export function readCustomLabels(file: string): Map<string, string> {
  const xml = readFileSync(file, 'utf8');
  const labels = new Map<string, string>();
  for (const [, block = ''] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
    const field = (name: string) =>
      unescapeXml(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(block)?.[1] ?? '');
    const parsed = labelSchema.safeParse({ fullName: field('fullName'), value: field('value') });
    if (!parsed.success)
      throw new Error(`${file}: a custom label is unreadable: ${parsed.error.issues[0]?.message}`);
    labels.set(parsed.data.fullName, parsed.data.value);
  }
  return labels;
}
