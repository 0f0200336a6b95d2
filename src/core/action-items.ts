/**
 * Action items: checklists, lists and tables in the action-items sections, else their paragraphs;
 * and, anywhere else, a paragraph or list item that labels itself one ("Action item: …").
 */
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ActionItem } from '../../schemas/incident.ts';
import type { Section } from './model.ts';
import { ownChildren, topSections } from './sections.ts';
import { blockText } from './plain-text.ts';

/** Tracker references: `#112`, `GH-12`, `ABC-123`, `org/repo#45`. */
const refPattern = /(?:^|[\s(\[,;])((?:[\w.-]+\/[\w.-]+)?#\d{1,7}|[A-Z][A-Z0-9]{1,9}-\d{1,7})(?=$|[\s)\],.;:!?])/g;
const mentionPattern = /(?:^|[\s(\[,;])@([A-Za-z0-9][\w-]{0,38}(?:\/[\w-]{1,39})?)/;
const ownerPhrase = /\b(?:owner|owned by|assignee|assigned to|responsible)\s*[:=-]?\s*@?([A-Za-z][\w.-]{0,38}(?: [A-Z][\w-]+)?)/i;

/** Bare URLs in text (the parse leaves literal autolinks as text). */
const bareUrl = /\bhttps?:\/\/[^\s<>()\[\]"'`]+[^\s<>()\[\]"'`.,;:!?]/g;

/**
 * Each link of a node, with where it stands in the node's text as `toString` gives it: link and
 * definition URLs, and bare URLs in text and inline code. A plain depth-first walk: items are
 * small, and a generic visitor costs more than the work here.
 */
function linkSpots(node: Nodes): { url: string; at: number }[] {
  const spots: { url: string; at: number }[] = [];
  let at = 0;
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if ((n.type === 'link' || n.type === 'definition') && typeof n.url === 'string') spots.push({ url: n.url, at });
    else if ((n.type === 'text' || n.type === 'inlineCode') && n.value.includes('://')) for (const m of n.value.slice(0, 4000).matchAll(bareUrl)) spots.push({ url: m[0], at: at + m.index });
    // The text `toString` gives: a node's value, an image's alt text, else its children's.
    if ('value' in n && typeof n.value === 'string') at += n.value.length;
    else if (n.type === 'image') at += (n.alt ?? '').length;
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  return spots;
}

/** The URLs a node links to, each once, in document order. */
function linksOf(node: Nodes): string[] {
  return [...new Set(linkSpots(node).map((s) => s.url))];
}

function refsOf(text: string): string[] {
  const refs: string[] = [];
  for (const m of text.slice(0, 4000).matchAll(refPattern)) if (!refs.includes(m[1]!)) refs.push(m[1]!);
  return refs;
}

function ownerOf(text: string): string | null {
  const mention = mentionPattern.exec(text);
  if (mention) return `@${mention[1]}`;
  const phrase = ownerPhrase.exec(text);
  return phrase ? phrase[1]!.trim() : null;
}

const doneWords = /^(done|complete|completed|closed|fixed|resolved|shipped|yes|✅|✔|✓|\[x\])$/i;
/** An item marked done in its text: struck through, "(done)" or "Done:" first, or "(done)", "- done", ✅ last. */
const doneInText = /^\s*(~~|\(done\)|done:)|(\((done|completed|fixed|shipped)\)|\s[-–—]\s*done|✅)\s*\.?\s*$/i;
/** A status in capitals at the end of a cell: "… **TODO**", "… DONE". */
const statusMark = /\s*\b(DONE|TODO|OPEN|CLOSED|FIXED|IN PROGRESS|WIP)$/;
/** A cell that says nothing: "-", "n/a", "TBD". */
const placeholderCell = /^(-|—|n\/a|tbd|none|)$/i;

function fromListItem(item: ListItem, line: number): ActionItem {
  // A code block under an item shows how; it is no part of what the item says.
  const blocks = item.children.filter((c) => c.type !== 'code');
  const own = blocks.filter((c) => c.type !== 'list' || !c.children.some((i) => typeof i.checked === 'boolean'));
  const ownText = own.map((c) => blockText(c)).join(' ');
  const text = ownText.replace(/\s+/g, ' ').trim();
  // With nested checklist items, owners and references are looked for in them too.
  const withNested = own.length === blocks.length ? ownText : blocks.map((c) => blockText(c)).join(' ');
  return {
    text,
    done: item.checked === true || doneInText.test(text),
    owner: ownerOf(withNested),
    links: linksOf(item),
    refs: refsOf(withNested),
    line,
  };
}

function fromTable(table: Table): ActionItem[] {
  const [head, ...rows] = table.children;
  if (!head) return [];
  const names = head.children.map((c) => toString(c).trim().toLowerCase());
  const col = (re: RegExp) => names.findIndex((n) => re.test(n));
  const ownerCol = col(/owner|assignee|who|responsible|dri/);
  const statusCol = col(/status|state|done|complete/);
  const linkCol = col(/link|ticket|issue|tracking|ref|jira|url|bug/);
  let textCol = col(/action|item|task|description|what|fix|remediation|title|change/);
  if (textCol === -1) {
    // The widest column that is none of the others holds the action.
    const widths = names.map((_, i) => rows.reduce((sum, r) => sum + toString(r.children[i] ?? { type: 'text', value: '' }).length, 0));
    textCol = widths.reduce((best, w, i) => ([ownerCol, statusCol, linkCol].includes(i) || w <= (widths[best] ?? -1) ? best : i), [ownerCol, statusCol, linkCol].includes(0) ? 1 : 0);
  }
  return rows.flatMap((row) => {
    const cell = (i: number) => (i >= 0 && row.children[i] ? toString(row.children[i]!).trim() : '');
    const text = cell(textCol);
    if (!text) return [];
    const owner = cell(ownerCol);
    const status = cell(statusCol);
    const all = row.children.map((c) => toString(c)).join(' ');
    // Without a status column, a status written at the end of a cell ("Bug 5554823 **DONE**") counts.
    const marked = statusCol === -1 ? row.children.map((c) => statusMark.exec(toString(c).trim())?.[1] ?? '').find(Boolean) ?? '' : '';
    const refs = refsOf(all);
    // The tracking column holds the reference, whatever its form ("Bug 5554823", "b/123").
    const tracked = cell(linkCol).replace(statusMark, '').trim();
    if (tracked && !placeholderCell.test(tracked) && !refs.includes(tracked) && linksOf(row).length === 0) refs.push(tracked);
    return [{
      text: marked ? text.replace(statusMark, '').trim() : text,
      done: doneWords.test(status) || /\[x\]/i.test(status) || doneWords.test(marked),
      owner: owner && !placeholderCell.test(owner) ? owner : ownerOf(all),
      links: linksOf(row),
      refs,
      line: row.position?.start.line ?? 1,
    }];
  });
}

/**
 * A line saying there is nothing to do ("None.", "No further actions are needed."), or a template's
 * blank ("…", "${first item}", "<owner>", "{{ summary }}", "[TBD]"): no item. Words written inside
 * braces ("{{ Add DB index }}") are an item.
 */
const nothingToDo = /^(?:none|n\/a|nothing(?: to do)?|no action items?|no actions?|tbd|todo|\.\.|…|\$\{[^}]*\}|\{\{\s*[\w-]+\s*\}\}|<[\w-]+(?: [\w-]+)?>|\[(?:tbd|todo|…|\.\.\.)\])\W*$|^(?:there (?:are|were|is) )?no (?:further |other |more |follow[- ]?up )?(?:actions?|action items?|follow[- ]?ups?|changes?|work)\b.{0,40}\b(?:needed|required|necessary|planned|identified|outstanding)\b/i;

/** A label that makes a paragraph or list item an action wherever it is ("Action point: …", "Follow-up: …"). */
const actionLabel = /^(?:action (?:point|item)|follow[- ]?up)s?\s*[:：]\s*(?=\S)/i;

function fromParagraph(p: Paragraph, text = toString(p).replace(/\s+/g, ' ').trim()): ActionItem {
  return { text, done: false, owner: ownerOf(text), links: linksOf(p), refs: refsOf(text), line: p.position?.start.line ?? 1 };
}

/**
 * Bullet lists written between the items of one numbered list ("1. **Step**", bullets, "2. **Step**",
 * the numbers going on across them): details of the item above, not items. Once the numbering is
 * seen to go on, bullets after its last item are details too, up to the next heading.
 */
function detailLists(blocks: readonly RootContent[]): Set<List> {
  const details = new Set<List>();
  let numbered: List | null = null;
  let between: List[] = [];
  let goesOn = false;
  const close = () => {
    if (goesOn) for (const l of between) details.add(l);
    numbered = null;
    between = [];
    goesOn = false;
  };
  for (const block of blocks) {
    if (block.type === 'heading') close();
    if (block.type !== 'list') continue;
    if (!block.ordered) {
      if (numbered) between.push(block);
      continue;
    }
    const previous: List | null = numbered;
    if (previous && between.length > 0 && (block.start ?? 1) === (previous.start ?? 1) + previous.children.length) {
      goesOn = true;
      for (const l of between) details.add(l);
      between = [];
    } else if (previous) {
      close();
    }
    numbered = block;
    between = [];
  }
  close();
  return details;
}

/** A lead-in that introduces references, not work: "More information on this can be found at:". */
const referenceLeadIn = /\b(?:more (?:information|info|details|context)|can be found (?:at|in|here)|see (?:also|the following|these)|for (?:reference|details|background)|further reading|references?|related (?:links|issues|reading)|background reading)\b[^.!?]{0,80}:\s*$/i;

/** Whether a list follows a paragraph that says it lists references. */
function listsReferences(blocks: readonly RootContent[], index: number): boolean {
  const before = blocks[index - 1];
  return before?.type === 'paragraph' && referenceLeadIn.test(toString(before).slice(-300));
}

/**
 * A name rather than a task: one word in lower case, or a host name, address, path or handle
 * ("staticshare", "www.example.gov", "https://status.example.com"). A link to tracked work is not
 * one: a list of issue links is a list of tracked actions ("* https://github.com/org/repo/issues/8567").
 */
const bareName = /^[`"']?(?!https?:\/\/\S*(?:\/issues\/\d|\/pull\/\d|\/merge_requests\/\d|\/browse\/[A-Z][A-Z0-9]*-\d|show_bug\.cgi\?id=\d))(?:[a-z][a-z0-9]*|[\w@][\w.:/@-]*[.:/@\d-][\w.:/@-]*)[`"']?$/;

/** Whether these texts (two or more) are all names: a list of the records or hosts an action dealt with, not actions. */
function namesOnly(texts: readonly string[]): boolean {
  return texts.length >= 2 && texts.every((t) => bareName.test(t.trim()));
}

/** Items of one run of blocks: every list item (nested lists too) and table row. */
function itemsOf(blocks: readonly RootContent[]): ActionItem[] {
  const items: ActionItem[] = [];
  const details = detailLists(blocks);
  for (const [index, block] of blocks.entries()) {
    if (block.type === 'list' && (details.has(block) || listsReferences(blocks, index) || namesOnly(block.children.map((item) => toString(item))))) continue;
    if (block.type === 'list') {
      // Nested bullets are details of their parent item; nested checklist items are items of their own.
      const walk = (list: typeof block, nested: boolean) => {
        for (const item of list.children) {
          if (!nested || item.checked !== null && item.checked !== undefined) items.push(fromListItem(item, item.position?.start.line ?? 1));
          for (const child of item.children) if (child.type === 'list') walk(child, true);
        }
      };
      walk(block, false);
    } else if (block.type === 'table') {
      const rows = fromTable(block);
      if (!namesOnly(rows.map((item) => item.text))) for (const item of rows) items.push(item);
    }
  }
  return items;
}

/** The first words of a run of inline nodes, cheaply: enough to see whether it opens with a label. */
function opening(children: readonly PhrasingContent[]): string {
  const first = children[0];
  if (!first) return '';
  if (first.type === 'text') return first.value;
  return first.type === 'strong' || first.type === 'emphasis' ? opening(first.children) : '';
}

/** A label may open this text: "Action …" or "Follow…" (checked before any text is built). */
const labelStart = /^\s*(?:action|follow)/i;

/** Labelled actions in the blocks of a section that is not an action-items section. */
function labelledIn(blocks: readonly RootContent[], items: ActionItem[]): void {
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      if (!labelStart.test(opening(block.children))) continue;
      const text = toString(block).replace(/\s+/g, ' ').trim();
      const label = actionLabel.exec(text);
      if (label) items.push(fromParagraph(block, text.slice(label[0].length)));
    } else if (block.type === 'list') {
      for (const entry of block.children) {
        const lead = entry.children[0];
        if (lead?.type !== 'paragraph' || !labelStart.test(opening(lead.children))) continue;
        const item = fromListItem(entry, entry.position?.start.line ?? 1);
        const label = actionLabel.exec(item.text);
        if (label) items.push({ ...item, text: item.text.slice(label[0].length) });
      }
    }
  }
}

/** A word that can open an enumerated step: "First, …", "Second …", "Finally, …". */
const stepWord = /\b(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|finally|lastly)\b,?\s/gi;

/** Whether `index` starts a sentence: nothing but a few spaces between it and `.`, `!`, `?`, `;` or the start. */
function opensSentence(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && index - i <= 8 && /\s/.test(text[i]!)) i--;
  return i < 0 || (i < index - 1 && '.!?;'.includes(text[i]!));
}

/**
 * The steps a paragraph enumerates in prose ("First, I am going to … Second, … Finally, …"), one
 * item each; null unless it opens a sentence with "First" and goes on with at least one more step.
 */
function enumeratedSteps(p: Paragraph): ActionItem[] | null {
  const text = toString(p);
  const starts = [...text.slice(0, 20_000).matchAll(stepWord)].filter((m) => opensSentence(text, m.index));
  if (starts.length < 2 || !/^first/i.test(starts[0]![0])) return null;
  const links = linkSpots(p);
  const line = p.position?.start.line ?? 1;
  return starts.map((m, k) => {
    const from = m.index;
    const to = starts[k + 1]?.index ?? text.length;
    const step = text.slice(from, to).replace(/\s+/g, ' ').trim();
    const own = [...new Set(links.filter((l) => l.at >= from && l.at < to).map((l) => l.url))];
    // Lines of the paragraph before the step (its text keeps the soft line breaks).
    const at = line + (text.slice(0, from).match(/\n/g)?.length ?? 0);
    return { text: step, done: false, owner: ownerOf(step), links: own, refs: refsOf(step), line: at };
  });
}

/**
 * Action items of every action-items section (paragraphs count when a section has no list or
 * table; a paragraph that enumerates steps in prose gives one item a step), then labelled actions
 * elsewhere, in document order.
 */
export function extractActionItems(sections: readonly Section[]): ActionItem[] {
  const top = topSections(sections, 'actionItems');
  const items: ActionItem[] = [];
  for (const section of top) {
    const found = itemsOf(section.children);
    if (found.length > 0) {
      for (const item of found) items.push(item);
      continue;
    }
    for (const [index, block] of section.children.entries()) {
      if (block.type !== 'paragraph') continue;
      const text = toString(block).trim();
      // A short line ending with a colon ("Improvements:") introduces the items; it is not one. Nor
      // is one that introduces a list or table of names ("…other old DNS records. Namely:").
      const next = section.children[index + 1]?.type;
      if (text.length === 0 || (text.endsWith(':') && (text.split(/\s+/).length <= 6 || next === 'list' || next === 'table'))) continue;
      for (const item of enumeratedSteps(block) ?? [fromParagraph(block)]) items.push(item);
    }
  }
  const labelled: ActionItem[] = [];
  for (const section of sections) if (section.kind !== 'actionItems') labelledIn(ownChildren(section), labelled);
  // A block can sit in two sections (a labelled section and the one around it): one item a line.
  const taken = new Set(items.map((i) => i.line));
  const fresh = labelled.filter((i) => !taken.has(i.line) && taken.add(i.line));
  const all = fresh.length === 0 ? items : [...items, ...fresh].sort((a, b) => a.line - b.line);
  const kept: ActionItem[] = [];
  for (const item of all) {
    const label = actionLabel.exec(item.text);
    const text = label ? item.text.slice(label[0].length) : item.text;
    if (text.length > 0 && !nothingToDo.test(text)) kept.push(label ? { ...item, text } : item);
  }
  return kept;
}
