import { ApplicationCommandOptionType } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { localizedDescription } from '../src/discord/strings.ts';
import { checkQuestion, isSmallTalk, MAX_QUESTION_LENGTH } from '../src/engine/index.ts';
import { refusalText } from '../src/view/strings.ts';
import { questionSuggestions } from '../src/view/suggestions.ts';
import { answerMessage } from '../src/discord/answer-post.ts';
import { LIMITS } from '../src/discord/limits.ts';
import { renderNotice } from '../src/discord/render/notice.ts';
import { respondInTime, respondPrivately } from '../src/discord/respond.ts';
import { publicLocale } from '../src/discord/server-settings.ts';

export const ask = {
  data: {
    name: 'ask',
    ...localizedDescription(
      'Vprašaj o članku in dobi odgovor z dobesednimi, navedenimi odlomki.',
      'Ask about the article; get verbatim, cited passages.',
    ),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        ...localizedDescription('Tvoje vprašanje o članku', 'Your question about the article'),
        required: true,
        max_length: MAX_QUESTION_LENGTH,
        autocomplete: true,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'hide',
        ...localizedDescription('Pokaži odgovor samo meni', 'Show the answer only to me'),
        required: false,
      },
    ],
  },
  help: {
    sl: '`question` — vprašaj (med tipkanjem predlagam stavke iz članka); `hide: True` pokaže odgovor samo tebi (`hide: False` vsem).',
    en: '`question` — ask (while you type I suggest sentences of the article); `hide: True` shows the answer only to you (`hide: False` to everyone).',
  },
  async execute(interaction, context) {
    // Discord enforces max_length in its clients; the check still covers "???" and any other sender.
    const check = checkQuestion(interaction.options.getString('question', true));
    // Before anything public: a "thinking…" placeholder would make this hint to one user public.
    if (!check.ok) return respondPrivately(interaction, renderNotice(refusalText(check, context.locale)));
    const settings = await context.settings.get(interaction.guildId);
    // Not said: the server's default (its /settings, else PRIVATE_ANSWERS). A "hvala" is answered
    // with what the bot is for: a hint to one member, as the one for an empty question is.
    const hidden = isSmallTalk(check.question) || (interaction.options.getBoolean('hide') ?? settings.privateAnswers);
    const asked = {
      question: check.question,
      askerId: interaction.user.id,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      // A public answer is read by the whole channel: the server's language, as channel replies are.
      locale: hidden ? context.locale : publicLocale(settings, interaction.guildId, context.locale),
      hidden,
    };
    // One reply when the answer is ready in time (nearly always); a defer and an edit when not.
    await respondInTime(interaction, () => answerMessage(context, asked), {
      budgetMs: context.config.REPLY_BUDGET_MS,
      ephemeral: hidden,
    });
  },
  async autocomplete(interaction, { live }) {
    const typed = interaction.options.getFocused();
    const lines = questionSuggestions(live.engine, typed, { limit: LIMITS.choices, maxChars: LIMITS.choiceName });
    await interaction.respond(lines.map((line) => ({ name: line, value: line })));
  },
} satisfies SlashCommand;
