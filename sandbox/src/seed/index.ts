import { CrmStore } from '../store/store.js';
import { seedDemoPortfolio } from './demo.js';
import { installCsops } from './install.js';
import { seedBasePortal } from './portal.js';

export { DEMO_ACCOUNTS, DEMO_ACCOUNT_COUNT } from './demo.js';
export type { DemoAccountKey } from './demo.js';
export { DEMO_AES, DEMO_CSMS, DEMO_NON_ADMIN, DEMO_PEOPLE, DEMO_SETTINGS_ADMIN } from './portal.js';

/**
 * A new portal. `empty` is HubSpot as it comes (before csops is set up); `demo` has csops
 * installed and a portfolio of customer accounts with histories relative to `reference`.
 */
export function seedPortal(seed: 'demo' | 'empty', portalId: number, reference: Date): CrmStore {
  const at = reference.toISOString();
  const store = new CrmStore({ portalId, seededAt: at, seed });
  seedBasePortal(store, at);
  if (seed === 'demo') {
    installCsops(store, at);
    seedDemoPortfolio(store, reference);
  }
  return store;
}
