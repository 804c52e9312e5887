/** The card check itself must fail on the mistakes it exists for. */
import { describe, expect, it } from 'vitest';
import { expectValidAdaptiveCard } from '../support/adaptive-card';

const card = (content: Record<string, unknown>) => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: { type: 'AdaptiveCard', version: '1.5', body: [], ...content },
});

describe('expectValidAdaptiveCard', () => {
  it('accepts a plain valid card', () => {
    expect(() => expectValidAdaptiveCard(card({ body: [{ type: 'TextBlock', text: 'ok' }] }))).not.toThrow();
  });

  it.each([
    ['an unbound expression', { body: [{ type: 'TextBlock', text: '${name}' }] }],
    ['an unknown element', { body: [{ type: 'Bogus' }] }],
    ['an invalid value', { body: [{ type: 'TextBlock', text: 'x', size: 'Huge' }] }],
    ['a misspelt property', { body: [{ type: 'TextBlock', text: 'x', colour: 'Good' }] }],
    [
      'duplicate input ids',
      {
        body: [
          { type: 'Input.Text', id: 'a' },
          { type: 'Input.Text', id: 'a' },
        ],
      },
    ],
    ['another version', { version: '1.6' }],
    ['Action.Execute without fallback', { actions: [{ type: 'Action.Execute', title: 't', verb: 'v' }] }],
    [
      'a fallback with another verb',
      {
        actions: [
          {
            type: 'Action.Execute',
            title: 't',
            verb: 'v',
            fallback: { type: 'Action.Submit', title: 't', data: { verb: 'w' } },
          },
        ],
      },
    ],
  ])('rejects %s', (_name, content) => {
    expect(() => expectValidAdaptiveCard(card(content))).toThrow();
  });
});
