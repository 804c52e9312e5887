/**
 * What every nomination handler needs about this turn: who acts (as the lifecycle's Actor), in
 * which language, today's date in the covenant's time zone, and the landlords taking part today.
 */
import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../src/nomination/actor';
import { NominationService } from '../../src/nomination/service';
import { isActive } from '../../src/parties/registry';
import { localDate, type IsoDate } from '../../src/time/dates';
import { COMMANDS, isCommandAvailable } from '../commands';
import { commandPlace } from '../conversation';
import type { BotDeps } from '../deps';
import type { NominationTexts } from '../i18n/nomination.nl';
import { textsFor, type Texts } from '../i18n/texts';
import { identityOf, type Identity } from '../identity';

export interface Landlord {
  id: string;
  name: string;
}

export interface NominationTurn {
  identity: Identity;
  actor: Actor;
  allTexts: Texts;
  texts: NominationTexts;
  today: IsoDate;
  service: NominationService;
  /** The activity's id: one audit record per request, however often Teams resends it. */
  requestId: string;
}

export function nominationTurn(context: TurnContext, deps: BotDeps): NominationTurn {
  const identity = identityOf(context);
  const allTexts = textsFor(context.activity.locale);
  return {
    identity,
    actor: {
      contactId: identity.contact.id,
      contactName: identity.contact.name,
      partyId: identity.party.id,
      role: identity.role,
    },
    allTexts,
    texts: allTexts.nomination,
    today: localDate(deps.clock(), deps.config.timeZone),
    service: new NominationService({ store: deps.store, clock: deps.clock, origin: 'teams' }),
    requestId: context.activity.id ?? deps.clock().toISOString(),
  };
}

/** Nominating is for counsellors and casemanagers, in their 1:1 chat (personal data, 10.2). */
export function mayNominate(context: TurnContext, deps: BotDeps): boolean {
  const aanmelden = COMMANDS.find((command) => command.id === 'aanmelden');
  const place = commandPlace(context.activity, deps.config.platformChannelId);
  return aanmelden !== undefined && isCommandAvailable(aanmelden, place, identityOf(context).role);
}

/** The social landlords taking part today (art. 2, 12.2, 13.2), in the registry's order. */
export async function currentLandlords(deps: BotDeps, today: IsoDate): Promise<Landlord[]> {
  const parties = await deps.store.parties.list();
  return parties
    .filter((party) => party.kind === 'sociale-verhuurder' && isActive(party, today))
    .map((party) => ({ id: party.id, name: party.name }));
}
