import { highlight } from '../../../shared/account-search';

/** `text` with every part that matches a query word wrapped in `<mark>`. */
export function HighlightedText({ text, words }: { readonly text: string; readonly words: readonly string[] }) {
  if (words.length === 0) return text;
  return highlight(text, words).map((part, index) =>
    part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
  );
}
