import { ApplicationCommandOptionType } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { localizedDescription } from '../src/discord/strings.ts';
import { checkQuestion, MAX_QUESTION_LENGTH } from '../src/engine/index.ts';
import { refusalText } from '../src/view/strings.ts';
import { renderAnswer } from '../src/discord/render/answer.ts';
import { renderNotice } from '../src/discord/render/notice.ts';
import { respondInTime, respondPrivately } from '../src/discord/respond.ts';
import { renderOncePerAnswer } from '../src/discord/answer-memo.ts';

const renderAnswerOnce = renderOncePerAnswer(renderAnswer);

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
    sl: '`question` — vprašaj; `hide: True` pokaže odgovor samo tebi.',
    en: '`question` — ask; `hide: True` shows the answer only to you.',
  },
  async execute(interaction, { live, locale, config }) {
    // Discord enforces max_length in its clients; the check still covers "???" and any other sender.
    const check = checkQuestion(interaction.options.getString('question', true));
    const hide = interaction.options.getBoolean('hide') ?? false;
    // Before anything public: a "thinking…" placeholder would make this hint to one user public.
    if (!check.ok) return respondPrivately(interaction, renderNotice(refusalText(check, locale)));
    // One reply when the answer is ready in time (nearly always); a defer and an edit when not.
    await respondInTime(interaction, () => renderAnswerOnce(live.engine.ask(check.question), locale), {
      budgetMs: config.REPLY_BUDGET_MS,
      ephemeral: hide,
    });
  },
} satisfies Command;
