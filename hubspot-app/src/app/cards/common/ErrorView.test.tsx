import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { Button, ErrorState, Text } from '@hubspot/ui-extensions';
import type * as UiExtensions from '@hubspot/ui-extensions';
import { ErrorView } from './ErrorView.js';
import { callFunction } from './useFunction.js';
import { serverless } from '../__tests__/serverless-mock.js';

vi.mock('@hubspot/ui-extensions', async (importOriginal) => {
  const actual = await importOriginal<typeof UiExtensions>();
  return { ...actual, hubspot: { ...actual.hubspot, serverless: vi.fn() } };
});

beforeEach(() => serverless.mockReset());

function render(error: Parameters<typeof ErrorView>[0]['error'], onRetry?: () => void) {
  const r = createRenderer('crm.record.tab');
  r.render(<ErrorView error={error} onRetry={onRetry} />);
  return r;
}

const texts = (r: ReturnType<typeof createRenderer>) => r.findAll(Text).map((t) => t.text ?? '');

describe('ErrorView', () => {
  it('shows the sentence and the reference to quote to an admin', () => {
    const r = render(
      {
        code: 'not_found',
        message: 'This company no longer exists in HubSpot.',
        reference: 'CS-1A2B3C4D',
      },
      () => undefined,
    );
    expect(r.find(ErrorState).props.title).toBe('This could not be loaded');
    expect(texts(r)).toEqual([
      'This company no longer exists in HubSpot.',
      'Reference: CS-1A2B3C4D',
    ]);
    expect(r.findByTestId(Button, 'retry')).toBeDefined();
  });

  it('shows no reference line when the answer carries none', () => {
    const r = render({ code: 'forbidden', message: 'The csops app is missing a permission.' });
    expect(texts(r)).toEqual(['The csops app is missing a permission.']);
    expect(r.find(ErrorState).props.title).toBe('Missing permission');
  });
});

describe('callFunction', () => {
  it('turns a rejected call into a sentence with a reference, never the bridge’s text', async () => {
    serverless.mockRejectedValueOnce(new Error('HTTP-Code: 502 fetch failed at worker.js:1'));
    const result = await callFunction('account_health', { companyId: '1' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unreachable',
        message: 'csops could not be reached. Check your connection and try again.',
        reference: expect.stringMatching(/^CS-CARD-[0-9A-F]{8}$/),
      },
    });
  });

  it('turns an answer of the wrong shape into a sentence with a reference', async () => {
    serverless.mockResolvedValueOnce('<html>502 Bad Gateway</html>' as never);
    const result = await callFunction('account_health', { companyId: '1' });
    expect(!result.ok && result.error).toMatchObject({
      code: 'bad_response',
      reference: expect.stringMatching(/^CS-CARD-/),
    });
    expect(!result.ok && result.error.message).not.toMatch(/502|html/i);
  });
});
