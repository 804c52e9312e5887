/**
 * A signal's card for one viewer, read from the store: the receiving side gets "Ontvangst
 * bevestigen" until someone of it confirms; the sending side sees who confirmed and when. Anyone
 * else gets nothing (undefined). The tenant's name and home come from the landlord view of the
 * tenancy (src/views/landlord-view.ts) — for both sides, so nothing the covenant keeps from a
 * landlord (10.6) can reach a signal card.
 */
import { signalCard, type Fact } from '../../cards/signal/signal.model';
import type { CardAttachment } from '../../cards/render';
import type { Side } from '../../src/nomination/actor';
import { isGuidanceSignal, type Signal } from '../../src/signals/signal';
import { signalRoleOf } from '../../src/signals/signal-rules';
import type { CardViewer } from '../../src/storage/card-activity-port';
import type { Store } from '../../src/storage/ports';
import { localDate } from '../../src/time/dates';
import { landlordView } from '../../src/views/landlord-view';
import type { Texts } from '../i18n/texts';

export interface SignalCardDeps {
  store: Pick<Store, 'nominations' | 'parties'>;
  config: { timeZone: string };
}

export function sideOfViewer(viewer: CardViewer): { side: Side; partyId: string } {
  return { side: viewer.audience === 'landlord' ? 'landlord' : 'care', partyId: viewer.partyId };
}

export async function signalCardFor(
  deps: SignalCardDeps,
  signal: Signal,
  viewer: CardViewer,
  texts: Texts,
  note?: string,
): Promise<CardAttachment | undefined> {
  const role = signalRoleOf(signal, sideOfViewer(viewer));
  if (!role) return undefined;
  const t = texts.signals;
  const c = t.card;
  const landlordId = signal.from.side === 'landlord' ? signal.from.partyId : signal.to.partyId;
  const [nomination, fromParty, toParty] = await Promise.all([
    deps.store.nominations.get(signal.nominationId),
    deps.store.parties.get(signal.from.partyId),
    deps.store.parties.get(signal.to.partyId),
  ]);
  const view = nomination && landlordView(nomination, landlordId);
  const tenant = view && !view.erased ? view : undefined;
  const when = (instant: string) => dateTime(instant, deps.config.timeZone, texts);
  const senderName = fromParty?.contacts.find((x) => x.id === signal.from.contactId)?.name ?? '—';
  const acknowledgement = signal.acknowledgement;
  const acknowledgerName = acknowledgement && toParty?.contacts.find((x) => x.id === acknowledgement.contactId)?.name;

  const facts: [string, string | undefined][] = [
    [c.tenant, tenant ? tenant.candidate.name : c.erasedTenant],
    [c.home, tenant?.own.proposedHome?.description],
    [c.kind, t.kindChoices[signal.kind]],
    [c.amount, signal.arrears && t.euros(signal.arrears.achterstandBedrag)],
    [c.since, signal.arrears && texts.nominationStatus.date(signal.arrears.achterstandSinds)],
    [c.note, signal.note],
  ];
  return signalCard({
    signalId: signal.id,
    title: c.title(t.kinds[signal.kind]),
    subtitle:
      role === 'sender'
        ? c.subtitleSent(toParty?.name ?? signal.to.partyId, when(signal.sentAt))
        : c.subtitleReceived(senderName, fromParty?.name ?? signal.from.partyId, when(signal.sentAt)),
    ...(note !== undefined && { note }),
    facts: facts.filter((f): f is [string, string] => Boolean(f[1])).map(([title, value]): Fact => ({ title, value })),
    ...(isGuidanceSignal(signal.kind) && { guidanceNotice: c.guidanceNotice }),
    status: acknowledgement
      ? c.acknowledgedBy(acknowledgerName ?? toParty?.name ?? '—', when(acknowledgement.at))
      : c.notAcknowledged,
    acknowledged: acknowledgement !== undefined,
    privacyReminder: c.privacyReminder,
    ...(role === 'receiver' && !acknowledgement && { acknowledgeTitle: c.acknowledge }),
  });
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "16-06-2025 om 10:05" in the covenant's time zone, in the reader's language. */
function dateTime(instant: string, timeZone: string, texts: Texts): string {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(timeZone, format);
  }
  const date = new Date(instant);
  return texts.signals.dateTime(texts.nominationStatus.date(localDate(date, timeZone)), format.format(date));
}
