/**
 * The list card ("mijn aanmeldingen", and the draft choice on "aanmelden") in each state: empty,
 * with nominations and drafts, with more than fit, with the "Nieuwe aanmelding" button.
 */
import { describe, expect, it } from 'vitest';
import template from '../../cards/nomination-list/nomination-list.card.json' with { type: 'json' };
import {
  CONTINUE_DRAFT_VERB,
  nominationListCard,
  SHOW_NOMINATION_VERB,
  type NominationListItem,
} from '../../cards/nomination-list/nomination-list.model';
import { NEW_NOMINATION_VERB } from '../../cards/help/help.model';
import { expectValidAdaptiveCard } from '../support/adaptive-card';

const ITEMS: NominationListItem[] = [
  {
    name: 'Concept Kandidaat',
    facts: [{ title: 'Stand', value: 'concept' }],
    action: { title: 'Verder invullen', verb: CONTINUE_DRAFT_VERB, nominationId: 'nom-1' },
  },
  {
    name: 'Andere Kandidaat',
    facts: [
      { title: 'Stand', value: 'aangemeld' },
      { title: 'Streefdatum woningaanbod (5.4)', value: '16-09-2025' },
    ],
    action: { title: 'Open', verb: SHOW_NOMINATION_VERB, nominationId: 'nom-2' },
  },
];

describe('nomination list card', () => {
  it('is an Adaptive Card 1.5 template', () => {
    expect(template.version).toBe('1.5');
  });

  it('renders empty, with the reason', () => {
    const card = expectValidAdaptiveCard(nominationListCard({ title: 'Aanmeldingen', intro: 'Nog geen.', items: [] }));
    expect(JSON.stringify(card.body)).toContain('Nog geen.');
  });

  it('renders nominations and drafts, each with its own button carrying the id, and how many more there are', () => {
    const card = expectValidAdaptiveCard(
      nominationListCard({ title: 'Aanmeldingen', items: ITEMS, more: 'En nog 3 oudere aanmeldingen.' }),
    );
    const buttons = JSON.stringify(card.body);
    expect(buttons).toContain(`"verb":"${CONTINUE_DRAFT_VERB}","nominationId":"nom-1"`);
    expect(buttons).toContain(`"verb":"${SHOW_NOMINATION_VERB}","nominationId":"nom-2"`);
    expect(buttons).toContain('En nog 3 oudere aanmeldingen.');
    expect(card.actions).toEqual([]);
  });

  it('offers a new nomination that skips the draft check', () => {
    const card = expectValidAdaptiveCard(
      nominationListCard({
        title: 'Aanmelding',
        intro: 'Verder?',
        items: ITEMS.slice(0, 1),
        startNew: { title: 'Nieuwe aanmelding' },
      }),
    );
    expect(card.actions).toEqual([
      expect.objectContaining({ verb: NEW_NOMINATION_VERB, data: { verb: NEW_NOMINATION_VERB, fresh: true } }),
    ]);
  });
});
