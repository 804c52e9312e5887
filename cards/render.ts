/**
 * Binds an Adaptive Card template (a JSON file beside its model) to data.
 * A `${…}` left after binding means the data missed a field the template uses: that is a bug,
 * and a card showing "${name}" to a user would look broken, so it throws instead.
 */
import * as ACData from 'adaptivecards-templating';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Shaped like botbuilder's Attachment, so handlers can send it as it is. */
export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: Record<string, unknown>;
}

export class UnboundTemplateError extends Error {
  constructor(readonly expressions: string[]) {
    super(`Card template left unbound: ${expressions.join(', ')}`);
    this.name = 'UnboundTemplateError';
  }
}

// Parsing a template's expressions (adaptive-expressions' ANTLR parser) cost more than the rest of a
// turn; a Template is made to be bound to different data in a loop, so each template is parsed once.
const prepared = new WeakMap<object, ACData.Template>();

function templateOf(template: object): ACData.Template {
  let found = prepared.get(template);
  if (!found) {
    found = new ACData.Template(template);
    prepared.set(template, found);
  }
  return found;
}

export function renderCard(template: object, data: object): CardAttachment {
  const content = templateOf(template).expand({ $root: data }) as Record<string, unknown>;
  const unbound = JSON.stringify(content).match(/\$\{[^}]*\}?/g);
  if (unbound) throw new UnboundTemplateError([...new Set(unbound)]);
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}
