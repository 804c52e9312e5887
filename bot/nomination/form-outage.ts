/**
 * The nomination card while the database is unreachable (issue 6). Nothing can be read or saved,
 * not even who is pressing, but what the counsellor typed must not be lost: an Action.Execute
 * answered with a sentence would replace the card, and the answers with it. So the card comes
 * back as it was sent, with a banner saying nothing was saved and to press again later.
 *
 * It echoes only the presser's own input (read through the form's zod schema, unknown keys
 * dropped) and shows no stored data, so it is safe to answer before the identity gate has run.
 */
import type { Activity } from 'botbuilder';
import { NOMINATION_FORM_VERB } from '../../cards/nomination-form/nomination-form.model';
import type { CardAttachment } from '../../cards/render';
import { COVENANT_PARTY_ENTRIES } from '../../src/parties/covenant-parties';
import type { NominationTexts } from '../i18n/nomination.nl';
import { formCard } from './form-card';
import { readFormAction, readFormValues } from './form-schema';

/**
 * The registry cannot be read either: the landlords that signed the covenant stand in. A landlord
 * that joined later (13.2) is missing from the choices until the database is back; one that left
 * is still offered, and the next, successful press checks the choice against the registry again.
 */
const SIGNATORY_LANDLORDS = COVENANT_PARTY_ENTRIES.filter((p) => p.kind === 'sociale-verhuurder').map(
  ({ id, name }) => ({ id, name }),
);

/** The form card with the values as sent, or undefined when this is not a nomination card's button. */
export function formCardDuringOutage(activity: Partial<Activity>, texts: NominationTexts): CardAttachment | undefined {
  const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  if (action?.verb !== NOMINATION_FORM_VERB) return undefined;
  const button = readFormAction(action.data);
  if (!button) return undefined;
  const draft = button.draftId && button.version ? { id: button.draftId, version: button.version } : undefined;
  return formCard({
    step: button.step,
    values: readFormValues(action.data),
    errors: {},
    texts,
    landlords: SIGNATORY_LANDLORDS,
    formId: button.formId,
    ...(draft && { draft }),
    banner: { text: texts.form.storeUnavailable, color: 'Attention' },
  });
}
