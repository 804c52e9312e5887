/**
 * The "Signaal" form a tenancy's status card carries (8.1, 8.2, 10.5): for the landlord that
 * leases the home and for the nominating organisation, with the kinds that side may send now.
 * The guidance kinds are offered only where the guidance agreement allows sharing (8.1, 10.4);
 * otherwise the form says why. The handler checks it all again (src/signals/signal-rules.ts).
 */
import type { SignalFormData } from '../../cards/signal/signal.model';
import { GUIDANCE_SIGNAL_KINDS } from '../../src/signals/signal';
import { sendableKinds } from '../../src/signals/signal-rules';
import type { Nomination } from '../../src/nomination/nomination';
import type { CardViewer } from '../../src/storage/card-activity-port';
import type { Texts } from '../i18n/texts';
import { addDays } from '../../src/time/dates';
import { sideOfViewer } from './signal-card';

export function signalFormFor(
  nomination: Nomination,
  viewer: CardViewer,
  texts: Texts,
  today: string,
): SignalFormData | undefined {
  const side = sideOfViewer(viewer);
  const kinds = sendableKinds(nomination, side);
  if (kinds.length === 0) return undefined;
  const f = texts.signals.form;
  const guidanceOffered = kinds.some((k) => GUIDANCE_SIGNAL_KINDS.includes(k));
  return {
    nominationId: nomination.id,
    title: f.title,
    hint: side.side === 'landlord' ? f.hintLandlord : f.hintCare,
    ...(side.side === 'care' && !guidanceOffered && { guidanceHint: f.guidanceNotShareable }),
    warning: f.warning,
    requiredMessage: texts.nominationStatus.card.requiredMessage,
    // A client may read a typed date as midnight UTC, which Amsterdam time puts after today, and
    // then refuses today's date without a word; one day's room, and the handler checks the date.
    today: addDays(today, 1),
    kinds: kinds.map((value) => ({ title: texts.signals.kindChoices[value], value })),
    labels: { kind: f.kind, note: f.note, amount: f.amount, since: f.since },
    confirm: f.confirm,
  };
}
