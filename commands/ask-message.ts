import { ApplicationCommandType, MessageFlags } from 'discord.js';
import type { MessageCommand } from '../src/discord/command.ts';
import { checkQuestion, isSmallTalk } from '../src/engine/index.ts';
import { refusalText } from '../src/view/strings.ts';
import { answerMessage } from '../src/discord/answer-post.ts';
import { renderNotice } from '../src/discord/render/notice.ts';
import { toPayload } from '../src/discord/render/payload.ts';
import { respond, respondPrivately } from '../src/discord/respond.ts';
import { log } from '../src/log.ts';
import { publicLocale } from '../src/discord/server-settings.ts';
import { channelSetupProblem, mayReplyInChannel } from '../src/discord/channel-qa.ts';
import { earlierQuestion, inContextOf } from '../src/discord/follow-up.ts';

/** The context menu on any message: its text is the question, the answer a reply to it. */
export const askMessage = {
  data: {
    type: ApplicationCommandType.Message,
    name: 'Vprašaj članek',
    name_localizations: { 'en-US': 'Ask the article', 'en-GB': 'Ask the article' },
  },
  help: {
    sl: 'desni klik (ali dolg pritisk) na sporočilo → Apps → **Vprašaj članek** (v angleškem Discordu **Ask the article**): besedilo sporočila je vprašanje, odgovor pride kot odgovor nanj.',
    en: 'right-click (or long-press) a message → Apps → **Ask the article**: its text is the question, the answer comes as a reply to it.',
  },
  async execute(interaction, context) {
    const target = interaction.targetMessage;
    const check = checkQuestion(target.content);
    if (!check.ok) return respondPrivately(interaction, renderNotice(refusalText(check, context.locale)));
    const who = { askerId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId };
    // A greeting ("živjo vsi :)") asks nothing: what the bot is for goes to the one who ran the
    // command, as /ask tells it, not as a public reply to whoever said hello.
    if (isSmallTalk(check.question))
      return respondPrivately(
        interaction,
        await answerMessage(context, { ...who, question: check.question, locale: context.locale, hidden: true }),
      );
    // Acknowledged first: reading a follow-up may wait on the database (Discord allows 3 s).
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const asked = {
      ...who,
      // A message replying to one of the bot's answers ("zakaj pa?") is read as the follow-up it is.
      question: await inContextOf(
        context.live.engine,
        check.question,
        earlierQuestion(target, interaction.client.user.id, context.store),
      ),
    };
    // Where the bot may not reply (Discord says so with the interaction), the answer is the
    // asker's alone from the start: in their language, with buttons that stay private.
    if (!mayReplyInChannel(interaction) || !target.channel) {
      log.info(
        `cannot post in ${interaction.channelId} (${target.channel ? 'permissions' : 'not cached'}); answering privately`,
      );
      return respond(interaction, await answerMessage(context, { ...asked, locale: context.locale, hidden: true }));
    }
    // The reply is in the channel, for everyone: in the server's language, like other channel replies.
    const settings = await context.settings.get(interaction.guildId);
    const message = await answerMessage(context, {
      ...asked,
      locale: publicLocale(settings, interaction.guildId, context.locale),
    });
    try {
      await target.reply({ ...toPayload(message), failIfNotExists: false });
    } catch (error) {
      // Refused although the permissions said yes (changed meanwhile): privately after all.
      if (channelSetupProblem(error) === undefined) throw error;
      log.info(`cannot post in ${target.channelId} (${(error as Error).message}); answering privately`);
      return respond(interaction, message);
    }
    // The private "thinking…" has done its job; the answer is in the channel.
    await interaction.deleteReply();
  },
} satisfies MessageCommand;
