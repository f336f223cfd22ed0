/** The row of buttons under an answer: next passage, full paragraph, the source, 👍 and 👎. */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { LeadAnswerView } from '../../view/lead-answer.ts';
import type { Locale } from '../../view/strings.ts';
import { encodeButtonId, type ButtonAction } from '../custom-id.ts';
import { LIMITS } from '../limits.ts';
import { discordStrings } from '../strings.ts';

/** Which stored answer the buttons act on, and whether they sit on a private copy. */
export interface ButtonsFor {
  key: string;
  privateCopy: boolean;
}

export function answerButtons(
  view: LeadAnswerView,
  target: ButtonsFor,
  locale: Locale,
): APIActionRowComponent<APIButtonComponent> {
  const strings = discordStrings(locale);
  // The fields named rather than `{ ...target, action, page }`: on Node 20 a spread followed by
  // more properties takes microseconds, and this runs four times for every answer.
  const id = (action: ButtonAction, page = view.page) =>
    encodeButtonId({ key: target.key, privateCopy: target.privateCopy, action, page });
  const buttons: APIButtonComponent[] = [
    {
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      // The page is in the footer; the label stays short so the row fits a phone's width. On the
      // last page it goes back to the first, and says so rather than "next" to a page already seen.
      label: view.nextPage === 0 ? strings.firstPassage : strings.nextPassage,
      custom_id: id('next', view.nextPage ?? view.page),
      disabled: view.nextPage === null,
    },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: strings.fullParagraph, custom_id: id('full') },
  ];
  if (view.url && view.url.length <= LIMITS.buttonUrl)
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: strings.source, url: view.url });
  // A vote is on the passage the bot answered with: "the article does not say" answers with none,
  // on any page (paged, its related passages are still only related).
  if (view.lead && view.level !== 'none')
    buttons.push(
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: '👍' }, custom_id: id('up') },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: '👎' }, custom_id: id('down') },
    );
  return { type: ComponentType.ActionRow, components: buttons.slice(0, LIMITS.buttonsPerRow) };
}
