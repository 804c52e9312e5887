import { describe, expect, it } from 'vitest';
import { renderCard, UnboundTemplateError } from '../../cards/render';

const template = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Hallo ${name}', wrap: true }],
};

describe('renderCard', () => {
  it('binds the data and returns an Adaptive Card attachment', () => {
    const card = renderCard(template, { name: 'wereld' });
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toEqual({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Hallo wereld', wrap: true }],
    });
  });

  it('throws, naming the expression, when the data misses a field the template uses', () => {
    expect(() => renderCard(template, {})).toThrow(UnboundTemplateError);
    expect(() => renderCard(template, {})).toThrow('${name}');
  });

  it('parses a template once, yet each card is its own: changing one changes neither the next nor the template', () => {
    const first = renderCard(template, { name: 'een' });
    (first.content.body as { text: string }[])[0]!.text = 'veranderd';
    first.content.version = '0.0';
    const second = renderCard(template, { name: 'twee' });
    expect(second.content).toEqual({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Hallo twee', wrap: true }],
    });
    expect(template.body[0]!.text).toBe('Hallo ${name}');
  });

  it('leaves the template untouched for the next card', () => {
    renderCard(template, { name: 'een' });
    expect(renderCard(template, { name: 'twee' }).content.body).toEqual([
      { type: 'TextBlock', text: 'Hallo twee', wrap: true },
    ]);
  });
});
