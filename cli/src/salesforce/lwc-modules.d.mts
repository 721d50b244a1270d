export function readLabels(labelsFile: string): Map<string, string>;
export function lwcTarget(
  specifier: string,
  where: { mappingFile: string; labels: () => Map<string, string> },
): { source: string } | { path: string } | { bare: string } | null;
