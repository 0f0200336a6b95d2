/**
 * Draws the page's Mermaid diagrams in the browser. Mermaid is served by the site itself (no CDN;
 * see src/site/vendor.ts) and loaded only by pages that have a diagram; it runs with
 * `securityLevel: 'strict'`.
 */
import type { Mermaid, MermaidConfig } from 'mermaid';

const dark = window.matchMedia('(prefers-color-scheme: dark)');
const narrow = window.matchMedia('(max-width: 40rem)');

/** On a narrow screen a left-to-right timeline is laid out top down instead, to stay readable. */
function forScreen(source: string): string {
  return narrow.matches && source.startsWith('timeline\n') ? `timeline TD\n${source.slice('timeline\n'.length)}` : source;
}

/** Section colours of timelines: pale fills with dark text, or deep fills with light text. */
const sections = {
  light: { fills: ['#dbeafe', '#ffedd5', '#dcfce7', '#fce7f3', '#e0e7ff', '#fef9c3', '#cffafe', '#f3e8ff'], text: '#0f172a', line: '#475569' },
  dark: { fills: ['#1e3a8a', '#7c2d12', '#14532d', '#831843', '#312e81', '#713f12', '#164e63', '#581c87'], text: '#f8fafc', line: '#a3b1c6' },
};

function themeVariables(isDark: boolean, font: string): Record<string, unknown> {
  const s = isDark ? sections.dark : sections.light;
  const vars: Record<string, unknown> = {
    darkMode: isDark,
    fontFamily: font,
    fontSize: '15px',
    background: isDark ? '#111a2e' : '#f8fafc',
    primaryColor: s.fills[0],
    primaryTextColor: s.text,
    primaryBorderColor: s.line,
    lineColor: s.line,
    textColor: isDark ? '#e2e8f0' : '#0f172a',
    pieStrokeColor: isDark ? '#111a2e' : '#ffffff',
    pieOuterStrokeColor: isDark ? '#111a2e' : '#ffffff',
    pieTitleTextColor: isDark ? '#e2e8f0' : '#0f172a',
    pieSectionTextColor: '#ffffff',
    pieLegendTextColor: isDark ? '#e2e8f0' : '#0f172a',
    xyChart: {
      backgroundColor: isDark ? '#111a2e' : '#f8fafc',
      titleColor: isDark ? '#e2e8f0' : '#0f172a',
      xAxisLabelColor: isDark ? '#e2e8f0' : '#0f172a',
      xAxisTitleColor: isDark ? '#e2e8f0' : '#0f172a',
      xAxisTickColor: s.line,
      xAxisLineColor: s.line,
      yAxisLabelColor: isDark ? '#e2e8f0' : '#0f172a',
      yAxisTitleColor: isDark ? '#e2e8f0' : '#0f172a',
      yAxisTickColor: s.line,
      yAxisLineColor: s.line,
    },
  };
  s.fills.forEach((fill, i) => {
    vars[`cScale${i}`] = fill;
    vars[`cScaleLabel${i}`] = s.text;
  });
  return vars;
}

function mermaidConfig(isDark: boolean): MermaidConfig {
  const font = getComputedStyle(document.body).fontFamily;
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    fontFamily: font,
    htmlLabels: false,
    timeline: { disableMulticolor: false, useMaxWidth: true },
    xyChart: { showLegend: true, width: 760, height: 420 },
    pie: { useMaxWidth: true },
    themeVariables: themeVariables(isDark, font),
  };
}

/** Draw every `pre.mermaid` on the page, and draw them again when the colour scheme changes. */
export async function drawDiagrams(): Promise<void> {
  const nodes = [...document.querySelectorAll<HTMLElement>('pre.mermaid')];
  if (nodes.length === 0) return;
  // Keep each diagram's source to draw it again in the other colour scheme.
  const sources = new Map(nodes.map((n) => [n, n.textContent ?? '']));
  const url = nodes[0]!.dataset.module;
  if (!url) return;
  const { default: mermaid } = (await import(/* @vite-ignore */ url)) as { default: Mermaid };
  const draw = async () => {
    for (const [node, source] of sources) {
      node.removeAttribute('data-processed');
      node.removeAttribute('data-drawn');
      node.textContent = forScreen(source);
    }
    mermaid.initialize(mermaidConfig(dark.matches));
    await mermaid.run({ nodes });
    // Mermaid lays a diagram out inside its element before writing the finished SVG: mark the end.
    for (const node of nodes) if (node.querySelector('svg')) node.setAttribute('data-drawn', '');
  };
  await draw();
  dark.addEventListener('change', () => {
    draw().catch((error: unknown) => console.error(error));
  });
}
