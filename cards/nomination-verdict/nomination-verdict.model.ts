/**
 * The verdict card (5.6, 5.4): what the check of a nomination decided, with every reason and its
 * article, and — once registered — the place in each landlord's queue and the target date for an
 * offer. The same card shows a nomination's status when opened from "mijn aanmeldingen".
 */
import { renderCard, type CardAttachment } from '../render';
import template from './nomination-verdict.card.json' with { type: 'json' };

/** The verdict card's button back to "mijn aanmeldingen". */
export const NOMINATION_LIST_VERB = 'nomination.list';

export interface Fact {
  title: string;
  value: string;
}

export type TextColor = 'Default' | 'Good' | 'Warning' | 'Attention';

export interface NominationVerdictData {
  title: string;
  /** Absent for a nomination that was never checked (a draft). */
  verdict?: { label: string; color: TextColor };
  facts: Fact[];
  /** 5.4: one fact per landlord, "Stichting Vidomes: plaats 3". */
  queue?: { heading: string; facts: Fact[] };
  /** Every reason of the verdict, article first; blocking ones in attention. */
  reasons: { heading: string; items: { text: string; color: TextColor }[] };
  /** E.g. that a not-eligible nomination went to no landlord. */
  notice?: string;
  /** Landlord contacts without the app, to be called or mailed. */
  unreachable?: string;
  /** The status card with the next steps (cards/nomination-status, verb nomination.open), once registered. */
  status?: { title: string; nominationId: string };
  back?: { title: string };
}

export function nominationVerdictCard(data: NominationVerdictData): CardAttachment {
  // The template tests `x != null`: undefined would be left unbound.
  return renderCard(template, {
    ...data,
    verdict: data.verdict ?? null,
    queue: data.queue ?? null,
    notice: data.notice ?? null,
    unreachable: data.unreachable ?? null,
    status: data.status ?? null,
    back: data.back ?? null,
  });
}
