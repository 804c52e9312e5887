/**
 * "verdeling" in the platform channel (3, 9): the year's homes per landlord. The platform
 * coordinator (2 Gemeente e: the gemeente runs the platform) sets the homes and records
 * exchanges; everyone else sees the figures read-only, and a card action by anyone else is
 * refused whatever card it came from.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import {
  EXCHANGE_INPUTS,
  EXCHANGE_NOTE_MAX,
  homesInputId,
  RECORD_EXCHANGE_VERB,
  SAVE_HOMES_VERB,
} from '../../cards/distribution/distribution.model';
import type { CardAttachment } from '../../cards/render';
import { DistributionRuleError } from '../../src/distribution/allocation';
import { covenantYearOf } from '../../src/distribution/covenant-year';
import {
  distributionStatus,
  recordHomeExchange,
  setLandlordHomes,
  yearDistribution,
  type ActorContext,
} from '../../src/distribution/distribution-service';
import { localDate } from '../../src/time/dates';
import type { BotDeps } from '../deps';
import { textsFor } from '../i18n/texts';
import { identityOf } from '../identity';
import { onCardAction } from '../nomination/card-reply';
import { distributionCardFor, type DistributionCardOptions } from '../platform/distribution-card';
import { landlordNamesOf, nameOf } from '../platform/landlord-names';

type Message = DistributionCardOptions['message'];

function isCoordinator(context: TurnContext): boolean {
  return identityOf(context).role === 'platform-coordinator';
}

async function cardFor(context: TurnContext, deps: BotDeps, year: number, message?: Message): Promise<CardAttachment> {
  const [status, names] = await Promise.all([distributionStatus(deps.store, year), landlordNamesOf(deps.store)]);
  const texts = textsFor(context.activity.locale).platform;
  return distributionCardFor(status, texts, names, { editable: isCoordinator(context), ...(message && { message }) });
}

function thisYear(deps: BotDeps): number {
  return covenantYearOf(localDate(deps.clock()));
}

export function distributionHandler(deps: BotDeps) {
  return async (context: TurnContext) => {
    await context.sendActivity(MessageFactory.attachment(await cardFor(context, deps, thisYear(deps))));
  };
}

// Teams sends card inputs as strings ("" when left empty); older clients may send numbers. Either
// way at most 999, as the card's inputs say (a number sent as a number was not capped before).
const wholeNumber = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d{1,3}$/)
      .transform(Number),
  ])
  .pipe(z.number().int().min(0).max(999));
const cardVersion = z.object({ year: z.coerce.number().int(), version: z.coerce.number().int().min(0) });

export function registerDistributionActions(app: Application<TurnState>, deps: BotDeps): void {
  onCardAction(app, deps, SAVE_HOMES_VERB, (context, data) => saveHomes(context, deps, data));
  onCardAction(app, deps, RECORD_EXCHANGE_VERB, (context, data) => recordExchange(context, deps, data));
}

async function saveHomes(context: TurnContext, deps: BotDeps, data: Record<string, unknown>): Promise<CardAttachment> {
  const t = textsFor(context.activity.locale).platform.distribution;
  const shown = cardVersion.safeParse(data);
  const now = thisYear(deps);
  // The card's own year: this one, or the next, which the platform may set in advance (3, 9).
  const year = shown.success && [now, now + 1].includes(shown.data.year) ? shown.data.year : now;
  if (!isCoordinator(context)) return cardFor(context, deps, year, { text: t.notAllowed, color: 'Attention' });
  if (!shown.success || shown.data.year !== year) return cardFor(context, deps, year);

  const names = await landlordNamesOf(deps.store);
  const wanted: { landlordId: string; homes: number }[] = [];
  for (const landlordId of Object.keys(names)) {
    const raw = data[homesInputId(landlordId)];
    if (raw === undefined || raw === '') continue;
    const homes = wholeNumber.safeParse(raw);
    if (!homes.success) {
      return cardFor(context, deps, year, { text: t.invalidHomes(nameOf(names, landlordId)), color: 'Attention' });
    }
    wanted.push({ landlordId, homes: homes.data });
  }

  // The card shows one version; a change made since then by someone else is not overwritten unseen.
  const stored = await yearDistribution(deps.store, year);
  if (stored.version !== shown.data.version) {
    return cardFor(context, deps, year, { text: t.changedMeanwhile, color: 'Attention' });
  }
  const changes = wanted.filter((w) => (stored.homes[w.landlordId] ?? 0) !== w.homes);
  for (const change of changes) await setLandlordHomes(deps.store, { year, ...change }, actorOf(context, deps));
  const text = changes.length > 0 ? t.saved : t.unchanged;
  return cardFor(context, deps, year, { text, color: 'Good' });
}

const exchangeInput = z.object({
  [EXCHANGE_INPUTS.from]: z.string().min(1),
  [EXCHANGE_INPUTS.to]: z.string().min(1),
  [EXCHANGE_INPUTS.homes]: wholeNumber.pipe(z.number().min(1)),
  [EXCHANGE_INPUTS.note]: z.string().trim().max(EXCHANGE_NOTE_MAX).optional(),
});

async function recordExchange(
  context: TurnContext,
  deps: BotDeps,
  data: Record<string, unknown>,
): Promise<CardAttachment> {
  const t = textsFor(context.activity.locale).platform.distribution;
  const year = thisYear(deps);
  if (!isCoordinator(context)) return cardFor(context, deps, year, { text: t.notAllowed, color: 'Attention' });
  const names = await landlordNamesOf(deps.store);
  const input = exchangeInput.safeParse(data);
  if (!input.success) return cardFor(context, deps, year, { text: t.invalidExchange, color: 'Attention' });
  const fromLandlordId = input.data[EXCHANGE_INPUTS.from];
  const toLandlordId = input.data[EXCHANGE_INPUTS.to];
  if (!Object.hasOwn(names, fromLandlordId) || !Object.hasOwn(names, toLandlordId)) {
    return cardFor(context, deps, year, { text: t.invalidExchange, color: 'Attention' });
  }
  const note = input.data[EXCHANGE_INPUTS.note];
  try {
    await recordHomeExchange(
      deps.store,
      { fromLandlordId, toLandlordId, homes: input.data[EXCHANGE_INPUTS.homes], ...(note && { note }) },
      actorOf(context, deps),
    );
  } catch (error) {
    if (!(error instanceof DistributionRuleError)) throw error;
    return cardFor(context, deps, year, { text: t.rules[error.rule], color: 'Attention' });
  }
  return cardFor(context, deps, year, { text: t.exchangeRecorded, color: 'Good' });
}

function actorOf(context: TurnContext, deps: BotDeps): ActorContext {
  return { actorId: identityOf(context).contact.id, clock: deps.clock, origin: 'teams' };
}
