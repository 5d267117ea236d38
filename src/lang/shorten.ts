/**
 * Fits a label into `max` characters by cutting its middle: the start names the thing and the end
 * usually tells it apart from its neighbours ("Cyberattack on … (December 2015)").
 */
export function shortenMiddle(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  return `${chars.slice(0, head).join('').trimEnd()}…${chars
    .slice(chars.length - tail)
    .join('')
    .trimStart()}`;
}
