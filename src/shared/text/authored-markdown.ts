const LIST_ITEM = /^(?:- |\d+\. )/;

/**
 * Turns text as officers write it in the knowledge files (one paragraph or "- " / "1. " list item
 * per line) into the Markdown subset Adaptive Cards render: paragraphs need a blank line between
 * them, and a list must be closed by one, or the next paragraph joins its last item.
 */
export function authoredTextToCardMarkdown(text: string): string {
  const blocks: string[] = [];
  let list: string[] = [];
  const closeList = () => {
    if (list.length > 0) blocks.push(list.join('\n'));
    list = [];
  };
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line.length === 0) closeList();
    else if (LIST_ITEM.test(line)) list.push(line.replace(/^- (\d+\. )/, '$1'));
    else {
      closeList();
      blocks.push(line);
    }
  }
  closeList();
  return blocks.join('\n\n');
}
