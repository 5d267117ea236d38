import { z } from 'zod';
import { Locale } from '../../src/domain/text';

/** Action ids shared by the renderers (which put buttons in messages) and the listeners (which answer them). */
export const ACTION = {
  show: (section: BriefView) => `cyberbrief_show_${section}`,
  showPattern: /^cyberbrief_show_(summary|timeline|sources|related)$/,
  post: 'cyberbrief_post',
  full: 'cyberbrief_full',
  help: 'cyberbrief_help',
  open: (n: number) => `cyberbrief_open_${n}`,
  openPattern: /^cyberbrief_open_\d+$/,
} as const;

export const BriefView = z.enum(['summary', 'timeline', 'sources', 'related']);
export type BriefView = z.infer<typeof BriefView>;

/**
 * What a button needs to rebuild a brief: its subject and language (and the words typed, for the
 * title of a "did you mean" reply). Slack returns the value verbatim; it is still validated.
 */
export const BriefRef = z.object({
  k: z.enum(['incident', 'actor']),
  id: z.string().min(1).max(120),
  l: Locale,
  q: z.string().max(200).default(''),
  /** Who posted it in the channel, so the credit survives an expand. */
  by: z
    .string()
    .regex(/^[UW][A-Z0-9]+$/)
    .optional(),
});
export type BriefRef = z.infer<typeof BriefRef>;

export function encodeRef(ref: BriefRef): string {
  return JSON.stringify({ ...ref, q: ref.q.slice(0, 200) });
}

export function decodeRef(value: string | undefined): BriefRef | undefined {
  if (!value) return undefined;
  try {
    const r = BriefRef.safeParse(JSON.parse(value));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}
