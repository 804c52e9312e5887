/** Where the covenant asks for a motivated decision (1c maatwerk, 5.6j), a word or two is not one. */
export const MIN_MOTIVATION_LENGTH = 10;

export function hasMotivation(text: string | undefined): boolean {
  return (text?.trim().length ?? 0) >= MIN_MOTIVATION_LENGTH;
}
