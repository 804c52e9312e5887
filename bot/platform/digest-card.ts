/**
 * The digest figures (src/digest) as the digest card, in the reader's language. Every text
 * comes from the figures' counts, the fixed label lists and the landlords' names (10.2).
 */
import { digestCard, type DigestSection, type FigureRow } from '../../cards/digest/digest.model';
import { textBar } from '../../cards/digest/text-bar';
import type { CardAttachment } from '../../cards/render';
import type { DigestFigures, LandlordFigures } from '../../src/digest/digest-figures';
import { SIGNAL_TYPES, type SignalType } from '../../src/digest/signal-counts';
import type { PlatformTexts } from '../i18n/platform.nl';
import { countByType, longDate, weekNumber } from './format';
import { nameOf, type LandlordNames } from './landlord-names';

type DigestTexts = PlatformTexts['digest'];

/** 'weekly': the scheduled digest; 'status': the same card on demand. */
export type DigestOccasion = 'weekly' | 'status';

export function digestCardFor(
  figures: DigestFigures,
  texts: PlatformTexts,
  names: LandlordNames,
  occasion: DigestOccasion,
): CardAttachment {
  const t = texts.digest;
  const { week, year } = weekNumber(figures.isoWeek);
  return digestCard({
    title: occasion === 'weekly' ? t.weeklyTitle(week, year) : t.statusTitle,
    subtitle: t.subtitle(longDate(figures.asOf, texts)),
    sections: [
      nominationsSection(figures, texts),
      landlordsSection(figures, texts, names),
      noodwoningSection(figures, t),
      signalsSection(figures, texts),
      evaluationsSection(figures, t),
      reachSection(figures, texts),
    ],
  });
}

function section(heading: string, parts: Partial<Omit<DigestSection, 'heading'>>): DigestSection {
  return { heading, rows: [], facts: [], remark: '', note: '', ...parts };
}

function nominationsSection(figures: DigestFigures, texts: PlatformTexts): DigestSection {
  const t = texts.digest.nominations;
  return section(t.heading, {
    facts: [
      {
        title: t.newThisWeek(weekNumber(figures.isoWeek).week),
        value: countByType(figures.newNominations.week, texts),
      },
      {
        title: t.newPreviousWeek(weekNumber(figures.previousIsoWeek).week),
        value: countByType(figures.newNominations.previousWeek, texts),
      },
      { title: t.waiting, value: countByType(figures.openQueue.waiting, texts) },
      { title: t.overdue, value: String(figures.openQueue.overdue) },
    ],
  });
}

function landlordsSection(figures: DigestFigures, texts: PlatformTexts, names: LandlordNames): DigestSection {
  const t = texts.digest.landlords;
  const rows: FigureRow[] = Object.entries(figures.distribution).map(([landlordId, use]) => {
    const queue = figures.openQueue.byLandlord[landlordId];
    const detail = [
      useText(use, t),
      t.offers(use.offers),
      ...(use.given > 0 || use.received > 0 ? [t.exchanged(use.set, use.given, use.received)] : []),
      ...(queue ? [t.queue(countByType(queue.waiting, texts), queue.overdue)] : []),
    ];
    return { label: nameOf(names, landlordId), bar: textBar(use.used, use.effective), detail: detail.join(' · ') };
  });
  return section(t.heading(figures.year), { rows });
}

/** What a landlord's row says about its homes, in words as well as in the bar. */
export function useText(
  use: Pick<LandlordFigures, 'status' | 'remaining' | 'overBy' | 'effective'>,
  t: DigestTexts['landlords'],
): string {
  // 9: until the platform sets the year's homes there is nothing to reach or exceed.
  if (use.effective === 0) return t.notSet;
  if (use.status === 'over') return t.over(use.overBy);
  return use.status === 'under' ? t.under(use.remaining) : t.onTarget;
}

function noodwoningSection(figures: DigestFigures, t: DigestTexts): DigestSection {
  const { used, of, waiting, nextNeedsConsultation } = figures.noodwoningen;
  return section(t.noodwoningen.heading, {
    rows: [{ label: t.noodwoningen.offered(figures.year), bar: textBar(used, of), detail: '' }],
    facts: [{ title: t.noodwoningen.waiting, value: String(waiting) }],
    note: nextNeedsConsultation ? t.noodwoningen.consultation : '',
  });
}

function signalsSection(figures: DigestFigures, texts: PlatformTexts): DigestSection {
  const t = texts.digest.signals;
  const { week, previousWeek } = figures.signals;
  if (!week.counted || !previousWeek.counted) return section(t.heading, { remark: t.notCounted });
  const value = (byType: Record<SignalType, number>) =>
    SIGNAL_TYPES.map((type) => `${t.types[type]} ${byType[type]}`).join(' · ');
  return section(t.heading, {
    facts: [
      { title: t.thisWeek, value: value(week.byType) },
      { title: t.previousWeek, value: value(previousWeek.byType) },
    ],
  });
}

function evaluationsSection(figures: DigestFigures, t: DigestTexts): DigestSection {
  const { due, overdue } = figures.evaluations;
  return section(t.evaluations.heading, {
    facts: [
      { title: t.evaluations.due, value: overdue > 0 ? `${due} (${t.evaluations.overdue} ${overdue})` : String(due) },
    ],
  });
}

function reachSection(figures: DigestFigures, texts: PlatformTexts): DigestSection {
  const t = texts.digest.reach;
  const { total, byPartyKind } = figures.unreachableContacts;
  const { failed, unreachable } = figures.outbox;
  const undelivered = failed + unreachable;
  const perKind = (Object.keys(byPartyKind) as (keyof typeof byPartyKind)[])
    .filter((kind) => byPartyKind[kind] > 0)
    .map((kind) => `${byPartyKind[kind]} ${texts.partyKinds[kind]}`);
  return section(t.heading, {
    facts: [
      { title: t.unreachable, value: total === 0 ? texts.digest.none : `${total} (${perKind.join(', ')})` },
      { title: t.undelivered, value: undelivered === 0 ? texts.digest.none : t.undeliveredValue(failed, unreachable) },
    ],
  });
}
