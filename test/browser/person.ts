/**
 * A person at the keyboard of the Agents Playground's web UI (playwright-core), counting what they
 * do, and the screenshots of docs/screenshots/.
 *
 * Cards are located by what they say: `person.cardTitled('Aanmelding Anna de Vries')` is the last
 * card in the chat with that title (a nomination's status card, posted once and updated in place),
 * and `person.within(card)` fills in that card instead of the last one in the chat.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

export const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** What a person did, for the README's estimate of how long the nomination card takes. */
export class Effort {
  clicks = 0;
  keystrokes = 0;
  readonly fields = new Set<string>();

  count(clicks: number, keystrokes: number, field?: RegExp): void {
    this.clicks += clicks;
    this.keystrokes += keystrokes;
    if (field) this.fields.add(field.source);
  }
}

export class Person {
  constructor(
    readonly page: Page,
    readonly effort = new Effort(),
    private readonly scope?: Locator,
  ) {}

  /** The card being filled in: the one given to within(), else the last one in the chat. */
  card(): Locator {
    return this.scope ?? this.page.locator('.ac-adaptiveCard').last();
  }

  /** The last card in the chat whose first line is `title` (a card opened with ShowCard is inside it). */
  cardTitled(title: string): Locator {
    return this.page
      .locator('.ac-adaptiveCard')
      .filter({ has: this.page.getByText(title, { exact: true }) })
      .last();
  }

  /** The same person filling in another card (their effort counted apart). */
  within(card: Locator): Person {
    return new Person(this.page, new Effort(), card);
  }

  /** Types in the chat's compose box and sends. */
  async say(text: string): Promise<void> {
    await this.page.locator('[data-lexical-editor=true]').click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    this.effort.count(1, text.length + 1);
  }

  /** "@Convenantbot <text>" in a channel: the mention picked from the playground's suggestions. */
  async mentionBot(text: string): Promise<void> {
    await this.page.locator('[data-lexical-editor=true]').first().click();
    await this.page.keyboard.type('@Conv');
    await this.page.getByRole('menuitem', { name: 'Convenantbot' }).click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.keyboard.press('Enter');
  }

  async type(field: RegExp, text: string): Promise<void> {
    const box = this.card().getByRole('textbox', { name: field });
    await box.click();
    await box.pressSequentially(text);
    this.effort.count(1, text.length, field);
  }

  /** A number field: select what is there and type over it. */
  async number(field: RegExp, value: number): Promise<void> {
    const box = this.card().getByRole('spinbutton', { name: field });
    await box.fill(String(value));
    this.effort.count(1, String(value).length + 1, field);
  }

  /**
   * A date field: a click opens the playground's calendar; Escape closes it and leaves the
   * cursor in the field, where a date can be typed. The playground reads typed dates the American
   * way (01-05-1990 is 5 January), so the date is typed as M/D/YYYY. Not as ISO: the playground
   * reads "2025-06-16" as midnight UTC, which in Amsterdam is after a card's `max` of that same
   * day (the field then silently refuses to submit) and in America the day before.
   */
  async date(field: RegExp, iso: string): Promise<void> {
    // The field's accessible name changes while its calendar is open: hold on to its id.
    const id = await this.card().getByRole('combobox', { name: field }).getAttribute('id');
    const input = this.page.locator(`[id="${id}"]`);
    await input.click();
    await this.page.keyboard.press('Escape');
    const [year, month, day] = iso.split('-').map(Number);
    const typed = `${month}/${day}/${year}`;
    await input.pressSequentially(typed);
    await input.press('Tab');
    this.effort.count(1, typed.length + 2, field);
  }

  async choose(question: RegExp, answer: string): Promise<void> {
    await this.card().getByRole('radiogroup', { name: question }).getByRole('radio', { name: answer }).check();
    this.effort.count(1, 0, question);
  }

  /** A drop-down: open it, click the answer. */
  async pick(question: RegExp, answer: string): Promise<void> {
    await this.card().getByRole('combobox', { name: question }).click();
    await this.page.getByRole('option', { name: answer, exact: true }).click();
    this.effort.count(2, 0, question);
  }

  async tick(box: RegExp): Promise<void> {
    await this.card().getByRole('checkbox', { name: box }).check();
    this.effort.count(1, 0, box);
  }

  /** A button by its exact title; the last one of that title (a ShowCard's confirm repeats its title). */
  async press(button: string): Promise<void> {
    await this.card().getByRole('button', { name: button, exact: true }).last().click();
    this.effort.count(1, 0);
  }
}

/**
 * Writes a screenshot of the page with `showing` in view: at the top of the chat pane with
 * `top`, else wherever scrolling it into view puts it. The mouse is moved away first, so no
 * button shows as hovered.
 */
export async function screenshot(page: Page, name: string, showing: Locator, { top = false } = {}): Promise<void> {
  if (top) await showing.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  else await showing.scrollIntoViewIfNeeded();
  await page.mouse.move(1, 1);
  await page.waitForTimeout(300); // let the scroll and the card's layout settle
  await page.screenshot({ path: join(SHOTS, name) });
}
