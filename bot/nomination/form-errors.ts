/**
 * What can be wrong with a field of the nomination card, as language-free codes: the zod schema
 * (form-schema.ts) reports them, the texts (i18n) say them in Dutch or English beside the field.
 */
export const FORM_ERROR_CODES = [
  'required',
  'choose',
  'invalidChoice',
  'date',
  'dateInFuture',
  'tooLong',
  'wholeNumber',
  'atLeastOneAdult',
  'tooMany',
  'periodFromMissing',
  'periodEndsBeforeStart',
  'landlordRequired',
  'motivationTooShort',
] as const;
export type FormErrorCode = (typeof FORM_ERROR_CODES)[number];

export function isFormErrorCode(value: string): value is FormErrorCode {
  return (FORM_ERROR_CODES as readonly string[]).includes(value);
}
