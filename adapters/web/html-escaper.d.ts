// html-escaper ships no type declarations; these are the two functions it exports.
declare module 'html-escaper' {
  export function escape(text: string): string;
  export function unescape(text: string): string;
}
