import { formatLabel } from 'c/csopsLabels';
import ROUTED_TO from '@salesforce/label/c.Csops_Handoff_RoutedTo';
import AND_THERE from '@salesforce/label/c.Csops_Handoff_AndThere';

describe('c/csopsLabels formatLabel', () => {
  it('fills a shipped label with the values in order', () => {
    expect(formatLabel(ROUTED_TO, 'Owen Park')).toBe('Routed to Owen Park');
    expect(formatLabel(AND_THERE, '3 onboarding tasks created', 1)).toBe(
      '3 onboarding tasks created, 1 already there.',
    );
  });

  it('follows the placeholders where a translation moves them', () => {
    expect(formatLabel('{1} bereits vorhanden; {0}', 'drei erstellt', 1)).toBe(
      '1 bereits vorhanden; drei erstellt',
    );
  });

  it('leaves a placeholder with no value as written', () => {
    expect(formatLabel('Routed to {0} by {1}', 'Owen Park')).toBe('Routed to Owen Park by {1}');
  });
});
