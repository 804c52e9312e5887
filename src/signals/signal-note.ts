/**
 * The free note of a signal. Control characters go (a note is one short paragraph on a card, and
 * hidden characters could make it read differently from what was stored), line breaks become
 * spaces, and what is left is trimmed. Length is checked after cleaning.
 */
import { NOTE_MAX_LENGTH } from './signal';

// C0 and C1 controls, and the bidirectional overrides and isolates that can reorder text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS_AND_TABS = /[\t\n\r\u2028\u2029]+/g;

export function cleanNote(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const cleaned = raw.replace(LINE_BREAKS_AND_TABS, ' ').replace(CONTROL, '').replace(/ {2,}/g, ' ').trim();
  return cleaned === '' ? undefined : cleaned;
}

export function isNoteTooLong(note: string | undefined): boolean {
  return note !== undefined && [...note].length > NOTE_MAX_LENGTH;
}
