/**
 * Templates bind every property, also those without a value; Adaptive Cards want them left out
 * (an input's value "" or null, a button's draftId before there is a draft). Removes every
 * property whose value is null or "", at any depth.
 */
import type { CardAttachment } from './render';

export function withoutEmptyProperties(card: CardAttachment): CardAttachment {
  return { ...card, content: prune(card.content) as Record<string, unknown> };
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === null || child === '') continue;
    kept[key] = prune(child);
  }
  return kept;
}
