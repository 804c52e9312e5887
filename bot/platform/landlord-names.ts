/** Landlords' names from the party registry, to label the platform cards; an organisation's name is no personal data. */
import type { Store } from '../../src/storage/ports';

export type LandlordNames = Readonly<Record<string, string>>;

export async function landlordNamesOf(store: Pick<Store, 'parties'>): Promise<LandlordNames> {
  const landlords = (await store.parties.list()).filter((p) => p.kind === 'sociale-verhuurder');
  return Object.fromEntries(landlords.map((p) => [p.id, p.name]));
}

export function nameOf(names: LandlordNames, landlordId: string): string {
  return names[landlordId] ?? landlordId;
}
