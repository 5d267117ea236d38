/**
 * What went wrong, as a code every surface can act on: the CLI turns it into an exit status,
 * `serve` into one line at start, chat surfaces into an apology. Messages are one plain line
 * for the person running cyberbrief (naming the variable or file at fault), never a stack.
 */
export const ERROR_CODES = ['usage', 'config', 'kb', 'store', 'platform', 'input', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The one table from code to exit status (sysexits.h): a wrong command line is 2, a wrong
 * configuration or knowledge base is EX_CONFIG (78), anything else EX_SOFTWARE (70).
 */
export const EXIT_STATUS: Record<ErrorCode, number> = {
  usage: 2,
  config: 78,
  kb: 78,
  store: 70,
  platform: 70,
  input: 70,
  internal: 70,
};

export class CyberbriefError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CyberbriefError';
  }
}

/** The exit status for whatever was thrown: an unknown error is a fault of ours (70). */
export function exitStatusOf(e: unknown): number {
  return EXIT_STATUS[e instanceof CyberbriefError ? e.code : 'internal'];
}
