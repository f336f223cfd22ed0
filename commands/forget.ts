import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type { SlashCommand } from '../src/discord/command.ts';
import { localizedDescription } from '../src/discord/strings.ts';
import { MODERATORS_ONLY, refusedUnlessModerator } from '../src/discord/moderator.ts';
import { moderatorStrings } from '../src/discord/moderator-strings.ts';
import { toPayload } from '../src/discord/render/payload.ts';
import { log } from '../src/log.ts';
import { describeForgotten } from '../src/view/forgotten.ts';
import { forgetServer } from '../src/discord/forget-server.ts';

/** The confirmation's buttons (a prefix of their own: not an answer's `o1.…`). */
export const FORGET_YES = 'm1.forget.yes';
export const FORGET_NO = 'm1.forget.no';

export const forget = {
  data: {
    name: 'forget',
    ...localizedDescription(
      'Moderatorji: izbriši vse, kar bot hrani o tem strežniku (s potrditvijo).',
      'Moderators: delete everything the bot keeps about this server (with a confirmation).',
    ),
    ...MODERATORS_ONLY,
  },
  help: {
    sl: '— moderatorji: izbriše dnevnik vprašanj, statistiko, ocene in nastavitve tega strežnika (po potrditvi).',
    en: "— moderators: deletes this server's question log, statistics, ratings and settings (after a confirmation).",
  },
  async execute(interaction, { locale }) {
    if (await refusedUnlessModerator(interaction, locale)) return;
    const strings = moderatorStrings(locale);
    await interaction.reply({
      ...toPayload({
        content: strings.forgetConfirm,
        embeds: [],
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Danger,
                label: strings.forgetYes,
                custom_id: FORGET_YES,
              },
              {
                type: ComponentType.Button,
                style: ButtonStyle.Secondary,
                label: strings.forgetNo,
                custom_id: FORGET_NO,
              },
            ],
          },
        ],
      }),
      flags: MessageFlags.Ephemeral,
    });
  },
  async button(interaction, context) {
    const { locale } = context;
    if (interaction.customId !== FORGET_YES && interaction.customId !== FORGET_NO) return false;
    // Checked again: the confirmation is private, but its id could be pressed from anywhere.
    if (await refusedUnlessModerator(interaction, locale)) return true;
    const strings = moderatorStrings(locale);
    if (interaction.customId === FORGET_NO) {
      await interaction.update(toPayload({ content: strings.forgetCancelled, embeds: [] }));
      return true;
    }
    const guildId = interaction.guildId!;
    const gone = await forgetServer(context, guildId);
    log.info(`/forget in ${guildId}: deleted ${describeForgotten(gone)}`);
    await interaction.update(toPayload({ content: strings.forgetDone(describeForgotten(gone, locale)), embeds: [] }));
    return true;
  },
} satisfies SlashCommand;
