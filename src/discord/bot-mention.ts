/** The bot's own user mention in a message's text (`<@id>`, `<@!id>`), which is not part of what it says. */

const mentionOf = (botId: string) => new RegExp(`<@!?${botId}>`, 'g');

/** `content` names the bot with a user mention. */
export function namesBot(content: string, botId: string): boolean {
  return mentionOf(botId).test(content);
}

/** What `content` says to the bot: its mention taken out, on one line. */
export function withoutBotMention(content: string, botId: string): string {
  return content.replace(mentionOf(botId), ' ').replace(/\s+/g, ' ').trim();
}
