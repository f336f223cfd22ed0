import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { describe, localeOf, t } from '../src/discord/i18n.ts';
import { PRODUCT } from '../src/discord/limits.ts';
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
        max_length: PRODUCT.questionMaxLength,
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
    const question = interaction.options.getString('question', true).trim();
    const hide = interaction.options.getBoolean('hide') ?? false;
    // Before deferring: a public "thinking…" would make this hint to one user public.
    if (question === '') return respond(interaction, renderNotice(t(locale).emptyQuestion), { ephemeral: true });
    // Deferring first keeps us inside Discord's 3 s even when the host is slow or rate limited.
    await interaction.deferReply({ flags: hide ? MessageFlags.Ephemeral : undefined });
    const answer = live.engine.ask(question, { limit: PRODUCT.passagesPerAnswer });
    await respond(interaction, renderAnswer(answer, locale));
  },
} satisfies Command;
