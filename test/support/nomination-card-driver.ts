/**
 * Plays a person in Teams filling in the nomination card through the real bot: types commands,
 * presses a card's buttons as Action.Execute (Teams merges the inputs into the action's data) or
 * as the Action.Submit fallback, and reads the card or sentence that comes back.
 */
import { expect } from 'vitest';
import type { Activity, Attachment } from 'botbuilder';
import { expectValidAdaptiveCard } from './adaptive-card';
import { postActivity, teamsActivity, type BotAnswer } from './teams-bot';

export type Card = Record<string, unknown>;
export type Reply = { card: Card; text?: undefined } | { text: string; card?: undefined };

interface ButtonData {
  verb: string;
  [key: string]: unknown;
}

export class TeamsUser {
  constructor(
    private readonly bot: { url: string },
    readonly aadObjectId: string,
    private readonly locale?: string,
  ) {}

  private activity(fields: Partial<Activity>): Partial<Activity> {
    return teamsActivity(this.aadObjectId, { ...(this.locale && { locale: this.locale }), ...fields });
  }

  /** A typed message; the bot's one answer. */
  async type(text: string): Promise<Reply> {
    return messageReply(await postActivity(this.bot, this.activity({ text })));
  }

  /** Presses a button as Action.Execute, with these inputs filled in. */
  async press(button: ButtonData, inputs: Record<string, string> = {}): Promise<Reply> {
    const answer = await postActivity(
      this.bot,
      this.activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: undefined,
        value: {
          action: { type: 'Action.Execute', verb: button.verb, data: { ...button, ...inputs } },
          trigger: 'manual',
        },
      }),
    );
    expect(answer.status).toBe(200);
    const response = answer.activities.find((a) => a.type === 'invokeResponse')?.value as
      { status: number; body: { statusCode: number; type: string; value: unknown } } | undefined;
    expect(response?.status).toBe(200);
    const body = response!.body;
    if (body.type === 'application/vnd.microsoft.card.adaptive') {
      const card = expectValidAdaptiveCard({ contentType: body.type, content: body.value });
      return { card };
    }
    return { text: body.value as string };
  }

  /** Presses a button's Action.Submit fallback (older clients): the answer comes as a new message. */
  async pressFallback(button: ButtonData, inputs: Record<string, string> = {}): Promise<Reply> {
    return messageReply(
      await postActivity(this.bot, this.activity({ text: undefined, value: { ...button, ...inputs } })),
    );
  }

  /** Sends raw data as an Action.Execute: for what no real card would send. */
  async invokeRaw(data: unknown): Promise<BotAnswer> {
    return postActivity(
      this.bot,
      this.activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: undefined,
        value: { action: { type: 'Action.Execute', verb: 'nomination.form', data } },
      }),
    );
  }
}

function messageReply(answer: BotAnswer): Reply {
  expect(answer.status).toBe(200);
  expect(answer.messages).toHaveLength(1);
  const message = answer.messages[0]!;
  const attachment = (message.attachments as Attachment[] | undefined)?.[0];
  if (attachment) return { card: expectValidAdaptiveCard(attachment) };
  return { text: message.text ?? '' };
}

export function cardOf(reply: Reply): Card {
  if (!reply.card) throw new Error(`expected a card, got the text: ${reply.text}`);
  return reply.card;
}

/** Every element of the card body, in reading order, containers and columns opened up. */
export function elements(card: Card): Record<string, unknown>[] {
  const walk = (value: unknown): Record<string, unknown>[] => {
    if (Array.isArray(value)) return value.flatMap(walk);
    if (value === null || typeof value !== 'object') return [];
    const element = value as Record<string, unknown>;
    const children = [element.items, element.columns, element.actions].filter(Array.isArray).flatMap(walk);
    return element.type ? [element, ...children] : children;
  };
  return walk(card.body);
}

export function texts(card: Card): string[] {
  return elements(card)
    .filter((e) => e.type === 'TextBlock')
    .map((e) => String(e.text));
}

export function inputValue(card: Card, id: string): unknown {
  return elements(card).find((e) => e.id === id)?.value;
}

/** The message shown right under an input, if any (the TextBlock in attention after it). */
export function errorUnder(card: Card, id: string): string | undefined {
  const all = elements(card);
  const at = all.findIndex((e) => e.id === id);
  if (at < 0) throw new Error(`no input ${id} on the card`);
  const next = all[at + 1];
  return next?.type === 'TextBlock' && next.color === 'Attention' ? String(next.text) : undefined;
}

/** A button's data, by its title, among the card's actions and action sets. */
export function button(card: Card, title: string): ButtonData {
  const actions = [
    ...((card.actions as Card[] | undefined) ?? []),
    ...elements(card).filter((e) => String(e.type).startsWith('Action.')),
  ];
  const found = actions.find((a) => a.title === title);
  if (!found) throw new Error(`no button "${title}"; there are: ${actions.map((a) => String(a.title)).join(', ')}`);
  return found.data as ButtonData;
}

/** A nomination card's button by what it does: save, next, back or submit. */
export function buttonFor(card: Card, move: 'save' | 'next' | 'back' | 'submit'): ButtonData {
  const found = ((card.actions as Card[] | undefined) ?? []).find((a) => (a.data as ButtonData).move === move);
  if (!found) throw new Error(`no ${move} button on the card`);
  return found.data as ButtonData;
}

/** The "Stap n van 3" of a nomination card. */
export function stepOf(card: Card): number | undefined {
  const data = (card.actions as { data?: { step?: number } }[] | undefined)?.[0]?.data;
  return data?.step;
}
