import {
  ApplicationCommandType,
  DiscordAPIError,
  MessageFlags,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
} from 'discord.js';
import type { MessageCommand } from '../src/discord/command.ts';
import { checkQuestion } from '../src/engine/index.ts';
import { refusalText } from '../src/view/strings.ts';
import { answerMessage } from '../src/discord/answer-post.ts';
import { renderNotice } from '../src/discord/render/notice.ts';
import { toPayload } from '../src/discord/render/payload.ts';
import { respond, respondPrivately } from '../src/discord/respond.ts';
import { log } from '../src/log.ts';
import { publicLocale } from '../src/discord/server-settings.ts';

/** Discord's refusals that mean "the bot may not post in that channel": the answer then goes privately to the asker. */
const CANNOT_POST = new Set<number | string>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.UnknownChannel,
]);

/** What a reply in the channel needs: to see it, post there, read the message it answers, and show an embed. */
const TO_REPLY = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.EmbedLinks,
];

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
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    // Discord says with every interaction what the bot may do in its channel: a channel it may not
    // answer in gets the answer privately, in the asker's own language, without a failed post first.
    const post = interaction.channel?.isThread()
      ? PermissionFlagsBits.SendMessagesInThreads
      : PermissionFlagsBits.SendMessages;
    // A channel discord.js has not cached (an archived forum post) cannot be replied in either.
    if (!interaction.appPermissions.has([...TO_REPLY, post]) || !target.channel) {
      log.info(
        `cannot post in ${interaction.channelId} (${target.channel ? "the bot's permissions there" : 'not cached'}); answering privately`,
      );
      const alone = await answerMessage(context, {
        question: check.question,
        askerId: interaction.user.id,
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        locale: context.locale,
        hidden: true,
      });
      return respond(interaction, alone);
    }
    // The reply is in the channel, for everyone: in the server's language, like other channel replies.
    const settings = await context.settings.get(interaction.guildId);
    const message = await answerMessage(context, {
      question: check.question,
      askerId: interaction.user.id,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      locale: publicLocale(settings, interaction.guildId, context.locale),
    });
    try {
      await target.reply({ ...toPayload(message), failIfNotExists: false });
    } catch (error) {
      // Refused although the permissions said yes (changed meanwhile): privately after all.
      if (!(error instanceof DiscordAPIError && CANNOT_POST.has(error.code))) throw error;
      log.info(`cannot post in ${target.channelId} (${error.message}); answering privately`);
      return respond(interaction, message);
    }
    // The private "thinking…" has done its job; the answer is in the channel.
    await interaction.deleteReply();
  },
} satisfies MessageCommand;
