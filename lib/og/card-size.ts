/** Share cards' size: what Facebook, LinkedIn, X and Slack show large (1.91:1). */
export const CARD_SIZE = { width: 1200, height: 630 } as const;
