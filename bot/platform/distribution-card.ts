/**
 * The year's distribution (9) as the "verdeling" card, in the reader's language; with inputs
 * only for the platform coordinator (3: the platform sets the distribution).
 */
import { distributionCard, homesInputId } from '../../cards/distribution/distribution.model';
import { textBar } from '../../cards/digest/text-bar';
import type { CardAttachment } from '../../cards/render';
import type { DistributionStatus } from '../../src/distribution/distribution-service';
import type { PlatformTexts } from '../i18n/platform.nl';
import { useText } from './digest-card';
import { shortDate } from './format';
import { nameOf, type LandlordNames } from './landlord-names';

export interface DistributionCardOptions {
  editable: boolean;
  message?: { text: string; color: 'Good' | 'Attention' };
}

export function distributionCardFor(
  status: DistributionStatus,
  texts: PlatformTexts,
  names: LandlordNames,
  { editable, message }: DistributionCardOptions,
): CardAttachment {
  const t = texts.distribution;
  const { distribution } = status;
  // Only the registry's landlords: an id from elsewhere never becomes a label (10.2).
  const landlords = status.landlords.filter((use) => Object.hasOwn(names, use.landlordId));
  const choices = Object.entries(names).map(([value, title]) => ({ title, value }));
  return distributionCard({
    title: t.title(distribution.year),
    intro: editable ? t.introEditable : t.introReadOnly,
    message: message?.text ?? '',
    messageColor: message?.color ?? 'Default',
    rows: landlords.map((use) => ({
      label: nameOf(names, use.landlordId),
      bar: textBar(use.used, use.effective),
      detail: [
        useText(use, texts.digest.landlords),
        ...(use.given > 0 || use.received > 0
          ? [texts.digest.landlords.exchanged(use.set, use.given, use.received)]
          : []),
      ].join(' · '),
    })),
    exchangesHeading: t.exchangesHeading,
    // Without the note: it is free text, and the platform channel shows counts only (10.2).
    exchanges: distribution.exchanges.map((e) => ({
      text: t.exchangeLine(
        shortDate(e.on, texts),
        nameOf(names, e.fromLandlordId),
        nameOf(names, e.toLandlordId),
        e.homes,
      ),
    })),
    edit: editable
      ? {
          homesHeading: t.homesHeading,
          homes: Object.entries(names).map(([landlordId, name]) => ({
            id: homesInputId(landlordId),
            label: name,
            value: distribution.homes[landlordId] ?? 0,
          })),
          saveTitle: t.save,
          exchangeHeading: t.exchangeHeading,
          fromLabel: t.from,
          toLabel: t.to,
          exchangeHomesLabel: t.exchangeHomes,
          noteLabel: t.note,
          landlordChoices: choices,
          exchangeTitle: t.recordExchange,
          year: distribution.year,
          version: distribution.version,
        }
      : undefined,
  });
}
