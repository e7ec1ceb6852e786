import { highlight } from '../../../shared/account-search';

/** `text` with every part that matches a query word wrapped in `<mark>`. */
export function HighlightedText({ text, words }: { readonly text: string; readonly words: readonly string[] }) {
  if (words.length === 0) return text;
  // Unmatched parts stay bare text nodes: fewer elements to create and lay out on every keystroke.
  return highlight(text, words).map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text));
}
