/**
 * The status card of a nomination for one viewer, read from the store: the view the viewer may
 * have (undefined when none), the registry names it shows, the queue position, and the buttons the
 * lifecycle allows that viewer now.
 */
import {
  CARD_STEPS,
  nominationStatusCard,
  type CardStep,
  type StatusCardData,
} from '../../cards/nomination-status/status.model';
import type { CardAttachment } from '../../cards/render';
import { availableSteps } from '../../src/nomination/available-steps';
import { addressedLandlordIds } from '../../src/nomination/actor';
import type { Nomination } from '../../src/nomination/nomination';
import { queuePositionOf, queuePositionsOf } from '../../src/queue/landlord-queue';
import type { Store } from '../../src/storage/ports';
import { localDate, type Clock } from '../../src/time/dates';
import { landlordView } from '../../src/views/landlord-view';
import { organisationView } from '../../src/views/organisation-view';
import type { Texts } from '../i18n/texts';
import { signalFormFor } from '../signals/signal-form';
import { landlordStatusCardData, counsellorStatusCardData } from './status-card-data';
import { actorForViewer, type CardViewer } from './viewer';

export interface StatusCardDeps {
  store: Pick<Store, 'nominations' | 'parties'>;
  clock: Clock;
  config: { timeZone: string };
}

export async function statusCardData(
  deps: StatusCardDeps,
  nomination: Nomination,
  viewer: CardViewer,
  texts: Texts,
  note?: string,
): Promise<StatusCardData | undefined> {
  const { timeZone } = deps.config;
  const options = {
    version: nomination.version,
    today: localDate(deps.clock(), timeZone),
    timeZone,
    ...(note !== undefined && { note }),
  };
  const steps = cardSteps(nomination, viewer);
  if (viewer.audience === 'landlord') {
    const position = await queuePositionOf(deps.store, nomination.id, viewer.partyId, deps.clock);
    const view = landlordView(nomination, viewer.partyId, position);
    if (!view) return undefined;
    const nominatingParty = await deps.store.parties.get(view.nominatingPartyId);
    const nominator = nominatingParty?.contacts.find((c) => c.id === view.nominatedByContactId);
    // This landlord's own acknowledgement only: who at another landlord acted is not its business.
    const ownAcknowledgement = nomination.acknowledgements.find((a) => a.landlordId === viewer.partyId);
    const extras = {
      nominatingPartyName: nominatingParty?.name ?? view.nominatingPartyId,
      ...(nominator && { nominator: { name: nominator.name, email: nominator.email } }),
      ...(ownAcknowledgement && { acknowledgedBy: ownAcknowledgement.contactName }),
    };
    return withSignalForm(landlordStatusCardData(view, extras, steps, texts, options), nomination, viewer, texts);
  }
  const landlordIds = addressedLandlordIds(nomination);
  const positions = await queuePositionsOf(deps.store, nomination.id, landlordIds);
  const view = organisationView(nomination, viewer.partyId, positions);
  if (!view) return undefined;
  const partyNames = Object.fromEntries((await deps.store.parties.list()).map((p) => [p.id, p.name]));
  return withSignalForm(
    counsellorStatusCardData(view, { partyNames }, steps, texts, options),
    nomination,
    viewer,
    texts,
  );
}

/** 8.1, 8.2, 10.5: a tenancy's card carries the "Signaal" form for its two sides. */
function withSignalForm(
  data: StatusCardData,
  nomination: Nomination,
  viewer: CardViewer,
  texts: Texts,
): StatusCardData {
  const signal = signalFormFor(nomination, viewer, texts, data.today);
  return signal ? { ...data, signal } : data;
}

/** The rendered card, or undefined when the viewer may not see this nomination. */
export async function statusCardFor(
  deps: StatusCardDeps,
  nomination: Nomination,
  viewer: CardViewer,
  texts: Texts,
  note?: string,
): Promise<CardAttachment | undefined> {
  const data = await statusCardData(deps, nomination, viewer, texts, note);
  return data && nominationStatusCard(data);
}

function cardSteps(nomination: Nomination, viewer: CardViewer): CardStep[] {
  const allowed = availableSteps(nomination, actorForViewer(viewer));
  return CARD_STEPS.filter((step) => allowed.includes(step));
}
