/**
 * Every Discord size limit the bot respects, in one place, so that renderers and command
 * definitions cannot drift apart (https://discord.com/developers/docs/resources/message).
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

  commandDescription: 100,
  /** Autocomplete: at most 25 choices, each name and string value 1–100 characters. */
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Our product limits (not Discord's), kept beside them because they size the same messages. */
export const PRODUCT = {
  /** Passages shown per answer. */
  passagesPerAnswer: 3,
  /** Title length kept in a citation; the passage id after it must never be cut off. */
  citationTitleMax: 200,
} as const;
