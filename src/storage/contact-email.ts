/** The form e-mail addresses are compared in: contacts are looked up case-insensitively (PartyStore). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
