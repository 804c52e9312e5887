/** Picks the texts for a Teams locale: English for "en…", Dutch for everything else. */
import { en } from './en';
import { nl, type Texts } from './nl';

export type { Texts } from './nl';

export function textsFor(locale: string | undefined): Texts {
  return locale?.toLowerCase().startsWith('en') ? en : nl;
}
