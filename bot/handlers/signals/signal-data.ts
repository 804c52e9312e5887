/**
 * Readers for the signal verbs: zod checks the shape of what the card sent back (its data plus the
 * form's inputs, named as in cards/signal/signal.model.ts SIGNAL_INPUT_IDS). Whether the values
 * are allowed (kind, amount, dates, note) is src/signals/signal-rules.ts's to say.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { SignalInput } from '../../../src/signals/signal-rules';

// Teams sends an empty input as "": that is "not filled in". Generous limits: the rules check
// the real ones (a note of 500 characters after cleaning), these only stop a tampered card's bulk.
const input = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));
// Input.Number answers a number, or its text on some clients.
const amount = z
  .union([z.number().finite(), z.string().max(20)])
  .optional()
  .transform((v) => (v === undefined ? undefined : String(v)))
  .pipe(input(20));

const sendSchema = z.object({
  nominationId: z.string().min(1).max(200),
  signalKind: input(40),
  signalAchterstandBedrag: amount,
  signalAchterstandSinds: input(10),
  signalNote: input(4000),
});

export interface SendSignalData {
  nominationId: string;
  input: SignalInput;
}

export function readSendSignalData(raw: unknown): SendSignalData | undefined {
  const parsed = sendSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const d = parsed.data;
  return {
    nominationId: d.nominationId,
    input: {
      kind: d.signalKind ?? '',
      ...(d.signalAchterstandBedrag !== undefined && { achterstandBedrag: d.signalAchterstandBedrag }),
      ...(d.signalAchterstandSinds !== undefined && { achterstandSinds: d.signalAchterstandSinds }),
      ...(d.signalNote !== undefined && { note: d.signalNote }),
    },
  };
}

const acknowledgeSchema = z.object({ signalId: z.string().min(1).max(200) });

export function readAcknowledgeSignalData(raw: unknown): { signalId: string } | undefined {
  const parsed = acknowledgeSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The id of the signal a card action sends: from the activity and the sender, so Teams resending
 * the invoke, or the Action.Submit fallback's retry, lands on the same signal.
 */
export function signalIdFor(activity: Partial<Activity>, contactId: string): string {
  // Without an activity id there is nothing to recognise a retry by: a fresh signal.
  if (!activity.id) return `sig-${randomUUID()}`;
  const parts = [activity.conversation?.id ?? '', activity.id, contactId];
  return `sig-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;
}
