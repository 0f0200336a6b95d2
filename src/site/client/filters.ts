/**
 * Home page filters: show only the incidents matching the chosen tag, severity and year. Without
 * JavaScript the form stays hidden and every incident is listed. Choices live in the URL query
 * (`?tag=dns&year=2025`), so a filtered list can be bookmarked.
 */
const fields = ['tag', 'severity', 'year'] as const;
type Field = (typeof fields)[number];

export function setUpFilters(): void {
  const form = document.querySelector<HTMLFormElement>('#filters');
  const cards = [...document.querySelectorAll<HTMLElement>('#incidents > .incident-card')];
  const status = document.querySelector<HTMLElement>('#result-count');
  const none = document.querySelector<HTMLElement>('#no-match');
  if (!form) return;
  const select = (name: Field) => form.elements.namedItem(name) as HTMLSelectElement | null;

  const apply = () => {
    const chosen = Object.fromEntries(fields.map((f) => [f, select(f)?.value ?? ''])) as Record<Field, string>;
    let shown = 0;
    for (const card of cards) {
      const match = (!chosen.tag || (card.dataset.tags ?? '').includes(`|${chosen.tag}|`))
        && (!chosen.severity || card.dataset.severity === chosen.severity)
        && (!chosen.year || card.dataset.year === chosen.year);
      card.hidden = !match;
      if (match) shown++;
    }
    if (status) status.textContent = `${shown} of ${cards.length} incident${cards.length === 1 ? '' : 's'}`;
    if (none) none.hidden = shown > 0;
    const query = new URLSearchParams();
    for (const f of fields) if (chosen[f]) query.set(f, chosen[f]);
    const url = `${location.pathname}${query.size ? `?${query}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  };

  const params = new URLSearchParams(location.search);
  for (const f of fields) {
    const el = select(f);
    const value = params.get(f);
    if (el && value && [...el.options].some((o) => o.value === value)) el.value = value;
  }
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply));
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  apply();
}
