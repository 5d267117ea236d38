import { styleText } from 'node:util';

export interface Styler {
  bold(t: string): string;
  dim(t: string): string;
  em(t: string): string;
  heading(t: string): string;
}

/** Colour only on a TTY (and never when NO_COLOR is set), so piped output stays plain text. */
export function styler(color: boolean): Styler {
  if (!color) return { bold: (t) => t, dim: (t) => t, em: (t) => t, heading: (t) => t };
  return {
    bold: (t) => styleText('bold', t),
    dim: (t) => styleText('dim', t),
    em: (t) => styleText('cyan', t),
    heading: (t) => styleText(['bold', 'yellow'], t),
  };
}
