/**
 * Whether rendered HTML can run anything, checked the way a browser reads it: the HTML is parsed
 * by parse5 (the HTML standard's parser) and every element and attribute is looked at, so text
 * that only looks like a tag, or a `>` inside an attribute value, is judged for what it is.
 */
import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements that run script, load other documents or change how the page is read. */
const forbiddenElements = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'link', 'meta', 'base', 'form', 'template', 'svg', 'math', 'noscript']);

/** Attributes whose value is a URL the browser may follow or load. */
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite', 'background', 'srcset', 'data', 'ping']);

/** Schemes a sanitised link may carry (GitHub's list); anything else, or a relative URL, is fine only without a scheme. */
const safeSchemes = new Set(['http', 'https', 'mailto', 'xmpp', 'irc', 'ircs']);

/** A URL's scheme as a browser finds it: control characters and whitespace inside it are skipped. */
function schemeOf(value: string): string | null {
  const compact = value.replace(/[\u0000-\u0020\u007f]+/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return match ? match[1]!.toLowerCase() : null;
}

function problemsOf(element: Element): string[] {
  const problems: string[] = [];
  if (forbiddenElements.has(element.tagName)) problems.push(`a <${element.tagName}> element`);
  for (const attribute of element.attrs) {
    const name = (attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name).toLowerCase();
    if (name.startsWith('on')) problems.push(`an event handler (${name}) on <${element.tagName}>`);
    else if (name === 'style') problems.push(`a style attribute on <${element.tagName}>`);
    else if (name === 'srcdoc') problems.push(`a srcdoc attribute on <${element.tagName}>`);
    else if (urlAttributes.has(name)) {
      const scheme = schemeOf(attribute.value);
      if (scheme && !safeSchemes.has(scheme)) problems.push(`a ${scheme}: URL in ${name} of <${element.tagName}>`);
    }
  }
  return problems;
}

/** What in `html` could run script or load something it should not (empty when nothing can). */
export function unsafeHtml(html: string): string[] {
  const problems: string[] = [];
  const stack: ParentNode[] = [parseFragment(html)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.childNodes as ChildNode[]) {
      if (!('tagName' in child)) continue;
      problems.push(...problemsOf(child));
      stack.push(child);
      if ('content' in child) stack.push(child.content);
    }
  }
  return problems;
}
