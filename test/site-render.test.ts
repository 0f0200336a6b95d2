/** Rendering a postmortem to HTML: sanitised by default, highlighted, with working anchors and links. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHighlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../schemas/config.ts';
import { fromBytes } from '../src/core/files.ts';
import { safeLogGrammar, withoutRepeatedIntervals } from '../src/site/log-grammar.ts';
import { codeTheme, headingSlugger, maxHighlightedLine, renderPostmortem } from '../src/site/render.ts';

async function render(markdown: string, options: { trustedHtml?: boolean; file?: string } = {}) {
  const file = options.file ?? 'content/incidents/2025-01-01-x.md';
  const { parsed, extraction } = fromBytes(file, markdown, defaultConfig);
  return renderPostmortem(parsed, {
    trustedHtml: options.trustedHtml ?? false,
    title: extraction?.incident.title ?? '',
    logs: extraction?.incident.logs ?? [],
    linkToFile: (target) => (target === 'content/incidents/2024-02-12-other.md' ? '/incidents/2024-02-12-other/' : null),
  });
}

const front = '---\ntitle: Disk full\ndate: 2025-01-01\n---\n\n';

describe('renderPostmortem', () => {
  it('leaves out the front matter, the title heading and the more marker', async () => {
    const { html } = await render(`${front}# Disk full\n\nFirst.\n\n<!--more-->\n\n## Summary\n\nBody.\n`);
    expect(html).not.toContain('title:');
    expect(html).not.toContain('<h1');
    expect(html).not.toContain('more');
    expect(html).toContain('<p>First.</p>');
    expect(html).toContain('<h2 id="summary">Summary</h2>');
  });

  it('drops scripts, event handlers and javascript: links from raw HTML', async () => {
    const { html } = await render(`${front}## Summary\n\n<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n<a href="javascript:alert(3)">click</a> [md link](javascript:alert(4)) <iframe src="https://evil.example"></iframe>\n\n<details><summary>More</summary>kept</details>\n\n<svg><script>alert(5)</script></svg> <a href="data:text/html,<script>alert(6)</script>">data</a> <div style="background:url(javascript:alert(7))">styled</div>\n`);
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe|data:text|style=|alert\(5\)/);
    expect(html).toContain('<details><summary>More</summary>kept</details>');
    expect(html).toContain('click');
  });

  it('keeps raw HTML as written when the repository is trusted', async () => {
    const { html } = await render(`${front}<div class="note" data-x="1">trusted</div>\n`, { trustedHtml: true });
    expect(html).toContain('<div class="note" data-x="1">trusted</div>');
  });

  it('highlights code with colours for light and dark, and reads unlabelled log blocks as logs', async () => {
    const { html } = await render(`${front}## Logs\n\n\`\`\`\nDec 01 23:05:12 pve2 ceph-osd[1843]: heartbeat_check: no reply from osd.3\n\`\`\`\n\n\`\`\`yaml\nkey: value\n\`\`\`\n\n\`\`\`made-up-language\n<b>not markup</b>\n\`\`\`\n`);
    expect(html).toMatch(/<pre class="shiki hindsight"[^>]*data-language="log"/);
    expect(html).toMatch(/data-language="yaml"/);
    expect(html).toContain('ceph-osd[<span class="tk-c">1843</span>]');
    expect(html).not.toContain('style=');
    expect(html).toContain('&#x3C;b>not markup&#x3C;/b>');
    expect(html).not.toContain('<b>not markup');
  });

  it('tokenises logs with the JavaScript regex engine exactly as with Oniguruma', async () => {
    // Logs are highlighted on Shiki's JavaScript engine for speed; it must not change a single token.
    const theme = { theme: codeTheme.name!, lang: 'log' as const };
    const oniguruma = await createHighlighter({ themes: [codeTheme], langs: ['log'] });
    const javascript = await createHighlighter({ themes: [codeTheme], langs: await safeLogGrammar(), engine: createJavaScriptRegexEngine() });
    const blocks: string[] = [];
    for (const dir of ['content/incidents', 'test/fixtures/logs', 'test/fixtures/hostile']) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.md') || f.endsWith('.log') || f.endsWith('.txt'))) {
        const text = readFileSync(join(dir, name), 'utf8');
        blocks.push(...[...text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]!));
        if (!name.endsWith('.md')) blocks.push(text);
      }
    }
    expect(blocks.length).toBeGreaterThan(20);
    // Lines that exercise the one pattern rewritten for the JavaScript engine (`\\h{2,}+`).
    blocks.push('mac 00:1a:2b:3c:4d:5e up\nid ab-cd-ef-0123 and ab:cdef0123456789abcdefg\nsha 2025-04-22 dead-beef00112233445566778899aabbccddeeff done');
    for (const block of blocks) expect(javascript.codeToHtml(block, theme)).toBe(oniguruma.codeToHtml(block, theme));
  });

  it('highlights a log line with a long hex-like run at once (the grammar is safe for the JavaScript engine)', async () => {
    const line = `2025-04-22T10:04:12Z mon.0 : cluster [WRN] slow ops, oldest one ${'a'.repeat(60)}22-04-2025${'a'.repeat(60)}blocked for 363 sec`;
    const started = performance.now();
    const { html } = await render(`${front}## Logs\n\n\`\`\`\n${line}\n\`\`\`\n`);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(html).toContain('<span class="tk-m">2025-04-22');
    expect(withoutRepeatedIntervals(String.raw`\b(\h{2,}[-:])+\h{2,}+\b`)).toBe(String.raw`\b(\h{2,}[-:])+\h{2,}\b`);
    expect(withoutRepeatedIntervals(String.raw`a++ b*+ \{2,}+ \\{3,}+`)).toBe(String.raw`a++ b*+ \{2,}+ \\{3,}`);
  });

  it(`shows log lines over ${maxHighlightedLine} characters without colours, and whole`, async () => {
    const long = 'a.'.repeat(50_000);
    const started = performance.now();
    const { html } = await render(`${front}## Logs\n\n\`\`\`\n2025-04-22 10:00 short line\n${long}/\n\`\`\`\n`);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(html).toContain('<span class="tk-m">2025-04-22');
    expect(html).toContain(`${long}/`);
  });

  it('gives headings GitHub-style ids and lists them', async () => {
    const { html, headings } = await render(`${front}## Root cause (all times UTC)\n\n## Root cause (all times UTC)\n\n### What went well?\n`);
    expect(headings).toEqual([
      { depth: 2, slug: 'root-cause-all-times-utc', text: 'Root cause (all times UTC)' },
      { depth: 2, slug: 'root-cause-all-times-utc-1', text: 'Root cause (all times UTC)' },
      { depth: 3, slug: 'what-went-well', text: 'What went well?' },
    ]);
    expect(html).toContain('id="root-cause-all-times-utc-1"');
  });

  it('makes footnote links and links to other postmortems work', async () => {
    const { html } = await render(`${front}See [the other one](./2024-02-12-other.md#timeline) and [a missing one](missing.md).[^1]\n\n[^1]: A note.\n`);
    expect(html).toContain('href="/incidents/2024-02-12-other/#timeline"');
    expect(html).toContain('href="missing.md"');
    const ids = [...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    const anchors = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThanOrEqual(2);
    for (const target of anchors) expect(ids).toContain(target);
  });

  it('adds rel=noopener to external links', async () => {
    const { html } = await render(`${front}[Talos](https://www.talos.dev/)\n`);
    expect(html).toContain('<a href="https://www.talos.dev/" rel="noopener noreferrer">Talos</a>');
  });
});

describe('headingSlugger', () => {
  it('numbers repeats and keeps letters of any script', () => {
    const slug = headingSlugger();
    expect(slug('Timeline')).toBe('timeline');
    expect(slug('Timeline')).toBe('timeline-1');
    expect(slug('timeline-1')).toBe('timeline-1-1');
    expect(slug('Zeitablauf: Übersicht')).toBe('zeitablauf-übersicht');
    expect(slug('!!!')).toBe('section');
  });
});
