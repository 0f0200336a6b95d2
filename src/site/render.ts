/**
 * HTML of a postmortem, rendered from the same mdast tree the linter and the extractor read:
 * remark-rehype, raw HTML parsed and sanitised (unless the repository is trusted), heading ids,
 * in-page and cross-postmortem links fixed, code highlighted by Shiki (colours for light and dark).
 */
import { posix } from 'node:path';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Code, Root, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { bundledLanguages, createCssVariablesTheme, createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { unified } from 'unified';
import type { LogEntry } from '../../schemas/incident.ts';
import type { ParsedPostmortem } from '../core/model.ts';
import { headingText } from '../core/sections.ts';
import { safeLogGrammar } from './log-grammar.ts';
import { walk } from './tree-walk.ts';

/** A heading of the rendered body, for the table of contents and anchors. */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedPostmortem {
  html: string;
  headings: RenderedHeading[];
}

export interface RenderOptions {
  /** Render raw HTML as written (no sanitising): only for repositories whose authors are all trusted. */
  trustedHtml: boolean;
  /** The incident title: a first `#` heading with this text is left out (the page shows the title). */
  title: string;
  /** Log lines the extractor read, by file line: code blocks holding them are highlighted as logs. */
  logs: readonly Pick<LogEntry, 'line'>[];
  /** URL for a link to another postmortem file (resolved against the content root), or null to keep the link. */
  linkToFile?: (file: string) => string | null;
  /** URL for an image beside the postmortem (its path resolved against the content root), or null when it is not published. */
  imageUrl?: (file: string) => string | null;
}

/** A path relative to the postmortem (no scheme, no leading `/`, not an anchor). */
const relativeUrl = (url: string) => !/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(url);

/** Where blogs keep what their root-relative paths point at: Hugo's `static/`, Astro's `public/`, Jekyll's root. */
const siteFolders = ['static', 'public', '.'] as const;

/** A path of the content root for a URL relative to the postmortem file. */
function besideFile(file: string, url: string): string {
  let path = url.split(/[?#]/, 1)[0]!;
  try {
    path = decodeURI(path);
  } catch {
    // Written with a stray `%`: taken as it is.
  }
  return posix.normalize(posix.join(posix.dirname(file.replace(/\\/g, '/')), path));
}

/**
 * Code colours are CSS variables (`--shiki-token-string`…), set for the light and the dark scheme
 * in the site's stylesheet: code is tokenised once, not once per theme.
 */
export const codeTheme = createCssVariablesTheme({ name: 'hindsight', variablePrefix: '--shiki-', fontStyle: true });

/** Short class names for the token colours (`tk-s` is `var(--shiki-token-string)`), set in the stylesheet. */
const tokenClasses: Record<string, string> = {
  constant: 'tk-c', string: 'tk-s', comment: 'tk-m', keyword: 'tk-k', parameter: 'tk-p', function: 'tk-f',
  'string-expression': 'tk-e', punctuation: 'tk-u', link: 'tk-l', inserted: 'tk-i', deleted: 'tk-d', changed: 'tk-g',
};

/**
 * Shiki's token styles as classes: pages stay small (a postmortem's logs have thousands of tokens)
 * and code carries no `style` attributes. Plain-coloured tokens become plain text.
 */
function tokensAsClasses(pre: Element): void {
  delete pre.properties.style;
  walk<ElementContent>(pre, (node, index, parent) => {
    if (node.type !== 'element' || node.tagName !== 'span' || typeof node.properties.style !== 'string') return;
    const classes: string[] = [];
    for (const rule of node.properties.style.split(';')) {
      const [name, value] = rule.split(':').map((x) => x.trim());
      const token = /^var\(--shiki-token-([\w-]+)\)$/.exec(value ?? '')?.[1];
      if (name === 'color' && token && tokenClasses[token]) classes.push(tokenClasses[token]);
      else if (name === 'font-weight' && value === 'bold') classes.push('tk-b');
      else if (name === 'font-style' && value === 'italic') classes.push('tk-it');
      else if (name === 'text-decoration' && value === 'underline') classes.push('tk-ul');
    }
    delete node.properties.style;
    if (classes.length) node.properties.className = classes;
    else if (!(parent as Element).properties?.className?.toString().includes('line')) {
      // A token in the default colour: just its text.
      parent.children.splice(index, 1, ...node.children);
      return index;
    }
    return undefined;
  });
}

/**
 * Longer lines are shown without colours: some patterns of TextMate grammars take time growing with
 * the square of a line's length (a 100,000-character line of `a.` took seconds), and no real log
 * line needs colouring past this.
 */
export const maxHighlightedLine = 1000;

let logHighlighter: Promise<Highlighter> | null = null;
let highlighter: Promise<Highlighter> | null = null;

/**
 * Logs (the most common code in postmortems) are highlighted with Shiki's JavaScript regex engine:
 * the same tokens as the Oniguruma engine for the `log` grammar, in less than half the time. The
 * grammar is the one pattern short of exponential backtracking in that engine (src/site/log-grammar.ts).
 */
function getLogHighlighter(): Promise<Highlighter> {
  logHighlighter ??= safeLogGrammar().then((langs) => createHighlighter({ themes: [codeTheme], langs, engine: createJavaScriptRegexEngine() }));
  return logHighlighter;
}

/** One Shiki highlighter (Oniguruma, as TextMate grammars are written for) for other languages, loaded as postmortems use them. */
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [codeTheme], langs: [] });
  return highlighter;
}

/** Shiki's name for a fence language, or null when Shiki has no grammar for it. */
function shikiLanguage(lang: string | null | undefined): BundledLanguage | null {
  const name = (lang ?? '').toLowerCase().trim();
  if (!name) return null;
  return name in bundledLanguages ? (name as BundledLanguage) : null;
}

/** Schema for untrusted HTML: GitHub's (rehype-sanitize's default), which keeps only http(s), mailto and relative URLs. */
const sanitizeSchema = {
  ...defaultSchema,
  // Ids from the Markdown processor (footnotes) get the prefix once, in sanitising.
  clobberPrefix: 'user-content-',
};

/**
 * GitHub's heading anchors (github-slugger's rules), so links written for the repository's web view
 * work on the site: lower case, punctuation dropped, spaces as dashes, repeats numbered.
 */
export function headingSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-') || 'section';
    let slug = base;
    let n = seen.get(base) ?? 0;
    while (seen.has(slug)) slug = `${base}-${++n}`;
    seen.set(base, n);
    seen.set(slug, 0);
    return slug;
  };
}

function hastText(node: HastContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(hastText).join('');
  return '';
}

function hasClass(node: Element, name: string): boolean {
  const c = node.properties.className;
  return Array.isArray(c) && c.includes(name);
}

const processors = new Map<string, ReturnType<typeof buildProcessor>>();

/** Markdown to sanitised hast: raw HTML parsed only when the body has some; sanitised unless trusted. */
function buildProcessor(raw: boolean, trusted: boolean) {
  const processor = unified().use(remarkRehype, { allowDangerousHtml: raw, clobberPrefix: trusted ? 'user-content-' : '' });
  if (raw) processor.use(rehypeRaw);
  if (!trusted) {
    processor.use(rehypeSanitize, {
      ...sanitizeSchema,
      attributes: { ...sanitizeSchema.attributes, code: [...(sanitizeSchema.attributes?.code ?? []), 'dataHighlight'] },
    });
  }
  return processor.freeze();
}

function processorFor(raw: boolean, trusted: boolean) {
  const key = `${raw}/${trusted}`;
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = buildProcessor(raw, trusted)));
  return processor;
}

const stringifier = unified().use(rehypeStringify).freeze();

/** Body blocks to render: no front matter, no leading title heading, no `<!--more-->` marker. */
function bodyOf(tree: Root, title: string): Root {
  const children: RootContent[] = [];
  let seenContent = false;
  for (const node of tree.children) {
    if (node.type === 'yaml' || (node.type as string) === 'toml') continue;
    if (node.type === 'html' && /^<!--\s*more\s*-->$/i.test(node.value.trim())) continue;
    if (!seenContent && node.type === 'heading' && node.depth === 1 && headingText(node) === title.trim()) {
      seenContent = true;
      continue;
    }
    seenContent = true;
    children.push(node);
  }
  return { type: 'root', children };
}

/**
 * What rendering needs to know of the body before it starts, in one walk: whether it has raw HTML
 * to parse, and the language of each code block to highlight, with log blocks (those holding
 * extracted log lines) as `log`.
 */
function bodyFacts(tree: Root, logs: readonly Pick<LogEntry, 'line'>[]): { rawHtml: boolean; languages: Map<Code, BundledLanguage | 'text'> } {
  const languages = new Map<Code, BundledLanguage | 'text'>();
  const logLines = logs.map((l) => l.line);
  let rawHtml = false;
  walk<RootContent>(tree, (node) => {
    if (node.type === 'html') rawHtml = true;
    if (node.type !== 'code') return;
    const start = node.position?.start.line ?? 0;
    const end = node.position?.end.line ?? 0;
    const lang = shikiLanguage(node.lang);
    const isLog = logLines.some((l) => l >= start && l <= end);
    languages.set(node, lang ?? (isLog || /^(logs?|console|syslog|journal\w*|kmsg|dmesg|talos)$/i.test(node.lang ?? '') ? 'log' : 'text'));
  });
  return { rawHtml, languages };
}

/** Render a parsed postmortem to HTML. Never evaluates anything from the file. */
export async function renderPostmortem(parsed: ParsedPostmortem, options: RenderOptions): Promise<RenderedPostmortem> {
  const tree = bodyOf(parsed.tree, options.title);
  const { rawHtml, languages } = bodyFacts(tree, options.logs);
  const wanted = new Set(languages.values());
  const logs = await getLogHighlighter();
  const others = [...wanted].some((lang) => lang !== 'text' && lang !== 'log') ? await getHighlighter() : null;
  const loaded = new Set(['log', ...(others?.getLoadedLanguages() ?? [])]);
  for (const lang of wanted) {
    if (lang !== 'text' && !loaded.has(lang)) {
      await others!.loadLanguage(lang);
      loaded.add(lang);
    }
  }

  // The language chosen per code block travels into hast on a data attribute read by the highlighter below.
  for (const [node, lang] of languages) {
    node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), dataHighlight: lang } };
  }

  const hast = (await processorFor(rawHtml, options.trustedHtml).run(tree)) as HastRoot;
  const headings: RenderedHeading[] = [];
  const slug = headingSlugger();
  const ids = new Set<string>();
  // Ids already there (raw HTML, footnotes), and ids for headings without one, in one walk.
  walk<HastContent>(hast, (node) => {
    if (node.type !== 'element') return;
    const existing = node.properties.id;
    if (typeof existing === 'string') ids.add(existing);
    const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (!depth || existing) return;
    const text = hastText(node).trim();
    const id = slug(text);
    node.properties.id = id;
    ids.add(id);
    headings.push({ depth: Number(depth), slug: id, text });
  });

  walk<HastContent>(hast, (node, index, parent) => {
    if (node.type !== 'element') return undefined;
    if (node.tagName === 'a' && typeof node.properties.href === 'string') {
      const href = node.properties.href;
      if (href.startsWith('#')) {
        // Footnote and raw-HTML anchors carry the sanitiser's prefix; links written without it still work.
        const target = decodeURIComponent(href.slice(1));
        if (!ids.has(target) && ids.has(`user-content-${target}`)) node.properties.href = `#user-content-${target}`;
      } else if (options.linkToFile && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) {
        const [path, hash] = href.split('#', 2) as [string, string | undefined];
        if (/\.(md|markdown|mdx)$/i.test(path)) {
          const file = besideFile(parsed.file, path);
          const url = options.linkToFile(file);
          if (url) node.properties.href = hash ? `${url}#${hash}` : url;
        }
      }
      if (/^https?:/i.test(String(node.properties.href))) node.properties.rel = ['noopener', 'noreferrer'];
    }
    if (node.tagName === 'pre') {
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (!code) return;
      // Raw HTML can carry any attribute: only a language loaded above is used.
      const asked = String(code.properties.dataHighlight ?? 'text');
      const lang = wanted.has(asked as BundledLanguage) && (asked === 'text' || loaded.has(asked)) ? asked : 'text';
      const shiki = lang === 'log' || lang === 'text' || !others ? logs : others;
      const highlighted = shiki.codeToHast(hastText(code).replace(/\n$/, ''), { lang, theme: codeTheme.name!, tokenizeMaxLineLength: maxHighlightedLine });
      const pre = highlighted.children[0];
      if (pre?.type === 'element') {
        tokensAsClasses(pre);
        pre.properties.dataLanguage = lang;
        parent.children[index] = pre;
      }
      return 'skip';
    }
    if (node.tagName === 'code') delete node.properties.dataHighlight;
    if (node.tagName === 'img') {
      if (node.properties.alt === undefined) node.properties.alt = '';
      const src = node.properties.src;
      if (options.imageUrl && typeof src === 'string' && relativeUrl(src)) {
        // An image beside the postmortem is published with the site, or not shown at all.
        const url = options.imageUrl(besideFile(parsed.file, src));
        if (url) node.properties.src = url;
        else delete node.properties.src;
      } else if (options.imageUrl && typeof src === 'string' && /^\/(?!\/)/.test(src)) {
        // A path from the site's root ("/images/grafana.png", as Hugo, Jekyll and Astro blogs write
        // them) is published from the project's static folder when it is there; else it is kept, for
        // a site hosted under a blog that serves it.
        // The first folder that has it: each look-up publishes what it finds.
        for (const dir of siteFolders) {
          const url = options.imageUrl(besideFile(`${dir}/index.md`, `.${src}`));
          if (url) {
            node.properties.src = url;
            break;
          }
        }
      }
    }
    if (node.tagName === 'table' && !hasClass(node, 'table-wrap')) {
      // Wide tables scroll inside their own box on small screens.
      const wrap: Element = { type: 'element', tagName: 'div', properties: { className: ['table-wrap'] }, children: [node] };
      parent.children[index] = wrap;
      return 'skip';
    }
    return undefined;
  });

  const html = stringifier.stringify(hast);
  return { html, headings };
}
