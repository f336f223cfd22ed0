/** Embed colours: what kind of message it is at a glance (a clear answer, the closest, "not said"). */
export const COLORS = {
  answer: 0x2e7d4f,
  closest: 0xc48a1a,
  related: 0x8a8f98,
  info: 0x3b6fb6,
  error: 0xb3261e,
} as const;
