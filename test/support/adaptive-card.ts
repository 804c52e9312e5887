/**
 * One check for every card the bot sends: fully bound, Adaptive Card 1.5, and accepted by the
 * Adaptive Cards SDK without errors, warnings or dropped properties. Every Action.Execute must
 * carry an Action.Submit fallback with the same verb, so that older Teams clients still submit.
 *
 * The SDK's ESM build imports without file extensions, which Node refuses; its UMD bundle loads
 * fine, and parsing needs no DOM.
 */
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type * as AdaptiveCards from 'adaptivecards';

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** botbuilder's Attachment and cards/render's CardAttachment both fit. */
interface Attachment {
  contentType: string;
  content?: unknown;
}

export function expectValidAdaptiveCard(attachment: Attachment): Record<string, unknown> {
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const content = attachment.content as Record<string, unknown>;
  expect(JSON.stringify(content)).not.toContain('${');
  expect(content.type).toBe('AdaptiveCard');
  expect(content.version).toBe('1.5');

  expect(sdkProblems(content)).toEqual([]);
  for (const action of findAll(content, (node) => node.type === 'Action.Execute')) {
    const fallback = action.fallback as Record<string, unknown> | undefined;
    expect(fallback?.type, `Action.Execute ${String(action.verb)} needs an Action.Submit fallback`).toBe(
      'Action.Submit',
    );
    expect((fallback?.data as Record<string, unknown> | undefined)?.verb).toBe(action.verb);
    // The SDK does not keep an action's fallback, so parse it as an action of its own.
    expect(sdkProblems({ type: 'AdaptiveCard', version: '1.5', actions: [fallback] })).toEqual([]);
  }
  return content;
}

/** Parse and validation events, plus properties the SDK dropped (unknown names, misplaced values). */
function sdkProblems(content: Record<string, unknown>): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(content, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  const kept = new Set(paths(card.toJSON()));
  for (const path of paths(content)) if (!kept.has(path)) problems.push(`dropped: ${path}`);
  return problems;
}

function paths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    // An action's fallback is checked on its own (above).
    key === 'fallback' ? [] : paths(child, `${prefix}/${key}`),
  );
}

function findAll(value: unknown, match: (node: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  if (value === null || typeof value !== 'object') return [];
  const node = value as Record<string, unknown>;
  return [...(match(node) ? [node] : []), ...Object.values(node).flatMap((child) => findAll(child, match))];
}
