/** Embed colours: what kind of message it is at a glance. */
export const COLORS = { answer: 0x2e7d4f, related: 0x8a8f98, info: 0x3b6fb6, error: 0xb3261e } as const;
