import { describe, expect, it } from 'vitest';
import template from '../../cards/help/help.card.json' with { type: 'json' };
import { helpCard, NEW_NOMINATION_VERB, type HelpCardData } from '../../cards/help/help.model';
import { expectValidAdaptiveCard } from '../support/adaptive-card';

const data: HelpCardData = {
  title: 'Convenantbot',
  intro: 'Typ een van deze commando’s:',
  commands: [
    { keyword: 'aanmelden', description: 'Nieuwe aanmelding' },
    { keyword: 'help', description: 'Wat Convenantbot voor je kan doen' },
  ],
};

describe('help card', () => {
  it('is an Adaptive Card 1.5 template', () => {
    expect(template.version).toBe('1.5');
  });

  it('lists the commands it is given, one fact each', () => {
    const content = expectValidAdaptiveCard(helpCard(data));
    const body = content.body as { type: string; facts?: { title: string; value: string }[] }[];
    expect(body.find((element) => element.type === 'FactSet')?.facts).toEqual([
      { title: 'aanmelden', value: 'Nieuwe aanmelding' },
      { title: 'help', value: 'Wat Convenantbot voor je kan doen' },
    ]);
  });

  it('offers "Nieuwe aanmelding" as Action.Execute with an Action.Submit fallback carrying the verb', () => {
    const content = expectValidAdaptiveCard(helpCard({ ...data, newNomination: { title: 'Nieuwe aanmelding' } }));
    expect(content.actions).toEqual([
      {
        type: 'Action.Execute',
        verb: NEW_NOMINATION_VERB,
        title: 'Nieuwe aanmelding',
        data: { verb: NEW_NOMINATION_VERB },
        fallback: { type: 'Action.Submit', title: 'Nieuwe aanmelding', data: { verb: NEW_NOMINATION_VERB } },
      },
    ]);
  });

  it('has no button for people who do not nominate', () => {
    expect(expectValidAdaptiveCard(helpCard(data)).actions).toEqual([]);
  });
});
