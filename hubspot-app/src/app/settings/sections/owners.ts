// How the portal's HubSpot owners are offered wherever settings name one (CSMs, the CS manager).
import type { Owner } from '../functions.js';

export const ownerName = (o: Owner) =>
  [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || `Owner ${o.id}`;

export function ownerOptions(owners: Owner[], current: string) {
  const options = owners.map((o) => ({
    value: o.id,
    label: o.email && ownerName(o) !== o.email ? `${ownerName(o)} (${o.email})` : ownerName(o),
  }));
  // A saved owner who has left the portal keeps the row readable.
  if (current && !owners.some((o) => o.id === current))
    options.push({ value: current, label: `Owner ${current} (no longer in HubSpot)` });
  return options;
}
