/**
 * "wachtrij" (a landlord contact, 1:1 chat): the landlord's queue in covenant order (5.4:
 * noodwoning first, then order of registration), each entry from the LandlordView only (10.6),
 * with an "Open" button for its status card. Every nomination listed is an audited read.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import { queueCard, type QueueEntryData } from '../../cards/queue/queue.model';
import { landlordQueuePage } from '../../src/queue/landlord-queue';
import type { QueueEntry } from '../../src/queue/queue';
import { landlordView } from '../../src/views/landlord-view';
import { localDate } from '../../src/time/dates';
import type { BotDeps } from '../deps';
import { textsFor, type Texts } from '../i18n/texts';
import { identityOf } from '../identity';

/** An Adaptive Card in Teams holds about 28 KB; this many entries stay well below it. */
export const QUEUE_CARD_MAX_ENTRIES = 25;

export function queueHandler(deps: BotDeps) {
  return async (context: TurnContext) => {
    const texts = textsFor(context.activity.locale);
    const identity = identityOf(context);
    const landlordId = identity.party.id;
    // The order from the queue's counted fields; whole nominations for the shown entries only.
    const { entries: shown, total } = await landlordQueuePage(
      deps.store,
      landlordId,
      deps.clock,
      QUEUE_CARD_MAX_ENTRIES,
    );
    const entries = shown.flatMap((entry) => entryData(entry, landlordId, texts, deps.config.timeZone));
    const at = deps.clock().toISOString();
    for (const entry of shown) {
      await deps.store.audit.append({
        id: `${entry.nomination.id}:read:queue:${context.activity.id ?? at}:${identity.contact.id}`,
        at,
        action: 'nomination.read:landlord-queue',
        object: { type: 'nomination', id: entry.nomination.id },
        result: 'success',
        origin: 'teams',
        actorId: identity.contact.id,
      });
    }
    const q = texts.queue;
    const more = total - shown.length;
    const card = queueCard({
      title: q.title(identity.party.name),
      intro: q.intro,
      empty: q.empty,
      entries,
      ...(more > 0 && { more: q.more(more) }),
    });
    await context.sendActivity(MessageFactory.attachment(card));
  };
}

/** From the landlord view only: position, type, registration date, target date, state. */
function entryData(entry: QueueEntry, landlordId: string, texts: Texts, timeZone: string): QueueEntryData[] {
  const view = landlordView(entry.nomination, landlordId, entry.position);
  if (!view) return [];
  const q = texts.queue;
  const t = texts.nominationStatus;
  const target = t.date(view.dates.offerTargetDate);
  return [
    {
      nominationId: view.nominationId,
      heading: q.heading(entry.position, view.candidate.name),
      ...(entry.overdue && { overdue: q.overdue(target) }),
      facts: [
        { title: q.type, value: t.types[view.type] },
        { title: q.registeredOn, value: t.date(localDate(new Date(view.dates.registeredAt), timeZone)) },
        { title: q.offerTargetDate, value: target },
        { title: q.state, value: t.states[view.state] },
      ],
      openTitle: q.open,
    },
  ];
}
