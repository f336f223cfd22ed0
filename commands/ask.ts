import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { describe, localeOf, refusalText } from '../src/discord/i18n.ts';
import { PRODUCT } from '../src/discord/limits.ts';
import { checkQuestion, MAX_QUESTION_LENGTH } from '../src/engine/question-limit.ts';
import { renderAnswer, renderNotice } from '../src/discord/render.ts';
import { respond } from '../src/discord/respond.ts';

export const ask = {
  data: {
    name: 'ask',
    ...describe('Vprašaj o članku in dobi odgovor z dobesednimi, navedenimi odlomki.', 'Ask about the article; get verbatim, cited passages.'),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        ...describe('Tvoje vprašanje o članku', 'Your question about the article'),
        required: true,
        max_length: MAX_QUESTION_LENGTH,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'hide',
        ...describe('Pokaži odgovor samo meni', 'Show the answer only to me'),
        required: false,
      },
    ],
  },
  async execute(interaction, { live }) {
    const locale = localeOf(interaction.locale);
    // Discord enforces max_length in its clients; the check still covers "???" and any other sender.
    const check = checkQuestion(interaction.options.getString('question', true));
    const hide = interaction.options.getBoolean('hide') ?? false;
    // Before deferring: a public "thinking…" would make this hint to one user public.
    if (!check.ok) return respond(interaction, renderNotice(refusalText(check, locale)), { ephemeral: true });
    // Deferring first keeps us inside Discord's 3 s even when the host is slow or rate limited.
    await interaction.deferReply({ flags: hide ? MessageFlags.Ephemeral : undefined });
    const answer = live.engine.ask(check.question, { limit: PRODUCT.passagesPerAnswer });
    await respond(interaction, renderAnswer(answer, locale));
  },
} satisfies Command;
