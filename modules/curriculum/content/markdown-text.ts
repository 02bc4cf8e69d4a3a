import MarkdownIt from 'markdown-it';

/**
 * Lesson bodies as plain text, for word counts, readability and language checks.
 *
 * Why markdown-it and not `marked` (which the API may use to render): marked 18 is
 * published as an ES module only, and this project's Jest runtime (CommonJS, see
 * jest.config.js transformIgnorePatterns) cannot load it. markdown-it ships a
 * CommonJS build and gives every block its source line, which lets issues point
 * at a line of the body. Both follow CommonMark, so they agree on what is a link,
 * a heading or a list.
 */

type Token = ReturnType<MarkdownIt['parse']>[number];

// `html: true` so that HTML comments and tags become html tokens that we skip,
// rather than paragraphs of literal text.
const parser = new MarkdownIt({ html: true, linkify: false });

export type BlockKind = 'heading' | 'text' | 'code';

/** One block of learner-visible text with Markdown syntax removed. */
export interface TextBlock {
  kind: BlockKind;
  /** Soft line breaks are kept as `\n`, so a match can be traced to its line. */
  text: string;
  /** 0-based line of the body where the block starts. */
  line: number;
  /** Heading level (1-6) for headings. */
  level?: number;
}

export interface MarkdownLink {
  href: string;
  text: string;
  /** 0-based line of the body. */
  line: number;
}

export interface MarkdownText {
  blocks: TextBlock[];
  links: MarkdownLink[];
}

/**
 * Walks markdown-it's tokens: inline tokens hold the text of headings, paragraphs,
 * list items and table cells; their children carry emphasis, links and breaks.
 * Markers (`#`, `-`, `*`, `[...](url)`) never reach the text; link URLs are kept
 * only in `links`.
 */
export function parseMarkdown(markdown: string): MarkdownText {
  const blocks: TextBlock[] = [];
  const links: MarkdownLink[] = [];
  let headingLevel: number | undefined;
  for (const token of parser.parse(markdown, {})) {
    const line = token.map?.[0] ?? 0;
    if (token.type === 'heading_open') headingLevel = Number(token.tag.slice(1));
    else if (token.type === 'heading_close') headingLevel = undefined;
    else if (token.type === 'fence' || token.type === 'code_block') blocks.push({ kind: 'code', text: token.content.replace(/\n$/, ''), line });
    else if (token.type === 'inline') {
      const inline = inlineText(token.children ?? [], line);
      links.push(...inline.links);
      if (inline.text.trim() === '') continue;
      blocks.push(
        headingLevel === undefined
          ? { kind: 'text', text: inline.text, line }
          : { kind: 'heading', text: inline.text, line, level: headingLevel },
      );
    }
  }
  return { blocks, links };
}

function inlineText(children: readonly Token[], firstLine: number): { text: string; links: MarkdownLink[] } {
  let text = '';
  let line = firstLine;
  const links: MarkdownLink[] = [];
  let openLink: MarkdownLink | undefined;
  for (const child of children) {
    let piece = '';
    // An image's alt text is read aloud by screen readers, so it is learner-facing text too.
    if (child.type === 'text' || child.type === 'code_inline' || child.type === 'image') piece = child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') {
      piece = '\n';
      line += 1;
    } else if (child.type === 'link_open') {
      openLink = { href: child.attrGet('href') ?? '', text: '', line };
      links.push(openLink);
    } else if (child.type === 'link_close') openLink = undefined;
    // Inline HTML and emphasis markers add no words.
    text += piece;
    if (openLink && piece !== '\n') openLink.text += piece;
  }
  return { text, links };
}

/**
 * The prose a reader reads as sentences: paragraphs, list items, quotes and table
 * cells, each ending a sentence. Headings and code are left out: they are labels,
 * not sentences, and would distort sentence length.
 */
export function readableProse(blocks: readonly TextBlock[]): string {
  return blocks
    .filter((block) => block.kind === 'text')
    .map((block) => asSentence(block.text))
    .filter((sentence) => sentence !== '')
    .join('\n');
}

/**
 * text-readability splits sentences only at `.`, `?` or `!`; a list item or a cell
 * without one would otherwise run into the next block and count as one long sentence.
 * Dashes between words become spaces so that `word—word` stays two words.
 */
function asSentence(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').replace(/\s*[\u2013\u2014]\s*/g, ' - ').trim();
  if (flat === '') return '';
  if (/[.!?]["'\u201d\u2019)\]]*$/.test(flat)) return flat;
  return `${flat.replace(/[:;,]$/, '')}.`;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019.-][\p{L}\p{N}]+)*/gu;

/** Words a reader reads: headings and prose, not code. `don't` and `42-year` count once. */
export function countWords(blocks: readonly TextBlock[]): number {
  let total = 0;
  for (const block of blocks) {
    if (block.kind !== 'code') total += block.text.match(WORD)?.length ?? 0;
  }
  return total;
}
