/**
 * The search page: queries the Pagefind index (built after `astro build` into `<base>pagefind/`)
 * and lists the matching incidents. Result text is put on the page as text; only Pagefind's
 * `<mark>` highlights become elements.
 */
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

/** Pagefind's excerpt as nodes: its text, with `<mark>` kept and nothing else. */
function excerptNodes(excerpt: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const nodes: Node[] = [];
  for (const child of doc.body.firstChild?.childNodes ?? []) {
    if (child.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = child.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(child.textContent ?? ''));
    }
  }
  return nodes;
}

export function setUpSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form.search-form');
  const input = document.querySelector<HTMLInputElement>('#search-query');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (!form || !input || !status || !list) return;
  const base = form.dataset.pagefindBase ?? '/';
  let pagefind: Promise<Pagefind> | null = null;
  const load = () => {
    pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (p: Pagefind) => {
      await p.options({ baseUrl: base, excerptLength: 24 });
      await p.init();
      return p;
    });
    return pagefind;
  };

  const run = async (query: string) => {
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    let found;
    try {
      found = await (await load()).search(query);
    } catch (error) {
      console.warn('Search index could not be loaded:', error);
      status.textContent = 'The search index is missing: it is built by `astro build`.';
      return;
    }
    const results = await Promise.all(found.results.slice(0, 30).map((r) => r.data()));
    status.textContent = `${found.results.length} incident${found.results.length === 1 ? '' : 's'} found for “${query}”`;
    for (const result of results) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title ?? result.url;
      const title = document.createElement('h2');
      title.className = 'card-title';
      title.append(link);
      item.append(title);
      if (result.meta.date) {
        const date = document.createElement('p');
        date.className = 'muted';
        date.textContent = result.meta.date;
        item.append(date);
      }
      const excerpt = document.createElement('p');
      excerpt.append(...excerptNodes(result.excerpt));
      item.append(excerpt);
      list.append(item);
    }
  };

  const query = new URLSearchParams(location.search).get('q') ?? '';
  input.value = query;
  const header = document.querySelector<HTMLInputElement>('#site-search');
  if (header) header.value = query;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value;
    history.replaceState(null, '', q ? `?q=${encodeURIComponent(q)}` : location.pathname);
    run(q).catch((error: unknown) => console.error(error));
  });
  run(query).catch((error: unknown) => console.error(error));
}
