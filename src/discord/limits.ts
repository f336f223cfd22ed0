/**
 * Every Discord size limit the bot respects, in one place, so that renderers and command
 * definitions cannot drift apart (https://discord.com/developers/docs/resources/message).
 * Only the Discord face reads them: the terminal has no such limits.
 */
export const LIMITS = {
  /** Message `content`. */
  content: 2000,
  embedsPerMessage: 10,
  embedDescription: 4096,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  /** Our own stricter rule: content and embed text together, "6000 per message". */
  messageTotal: 6000,

  embedTitle: 256,

  /** Message components: a button's `custom_id` and label, a link button's URL, buttons in a row. */
  customId: 100,
  buttonLabel: 80,
  buttonUrl: 512,
  buttonsPerRow: 5,

  /**
   * Bytes of the files of one message we send: under the 10 MiB Discord allows a bot in any server
   * (more in boosted ones), with room for the multipart envelope.
   */
  attachmentBytes: 8 * 1024 * 1024,
  /** Embed fields per message. */
  embedFields: 25,

  commandDescription: 100,
  /** Autocomplete: at most 25 choices, each name and string value 1–100 characters. */
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
