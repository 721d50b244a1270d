import { describe, expect, it } from 'vitest';
import { renderPage, type PageBootstrap } from './pages.js';

const page: PageBootstrap = {
  page: 'portfolio',
  title: 'Companies',
  portalId: 1,
  apiToken: 't',
  user: { id: 1, email: 'a@example.com', firstName: 'Ada', lastName: 'Byron' },
  cards: [],
};

describe('the preview navigation', () => {
  it('links the Salesforce record pages when they run beside the preview', () => {
    const html = renderPage({ ...page, salesforceUrl: 'http://127.0.0.1:4501' });
    expect(html).toContain('href="http://127.0.0.1:4501"');
    expect(html).toContain('Salesforce record pages');
  });

  it('shows no Salesforce link when they do not run', () => {
    expect(renderPage(page)).not.toContain('Salesforce record pages');
  });
});
