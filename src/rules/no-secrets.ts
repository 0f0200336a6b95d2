/** no-secrets: API keys, tokens, passwords and private keys anywhere in the file. Messages never repeat them. */
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { defineFileRule, type FileRuleContext } from '../lint/rule.ts';

/**
 * Recognisable credentials: what they are called in a message, text one of them must contain (a
 * fast test that skips the pattern on most files), and their shape.
 */
const tokenPatterns: readonly [kind: string, hints: readonly string[], pattern: RegExp][] = [
  ['an AWS access key ID', ['AKIA', 'ASIA', 'ABIA', 'ACCA'], /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g],
  ['a Google API key', ['AIza'], /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g],
  ['a GitHub token', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b/g],
  ['a GitHub fine-grained token', ['github_pat_'], /\bgithub_pat_[A-Za-z0-9_]{22,255}/g],
  ['a GitLab access token', ['glpat-'], /\bglpat-[A-Za-z0-9_-]{20,}/g],
  ['a Slack token', ['xoxa-', 'xoxb-', 'xoxe-', 'xoxp-', 'xoxr-', 'xoxs-'], /\bxox[abeprs]-[A-Za-z0-9-]{10,}/g],
  ['a Slack webhook URL', ['hooks.slack.com'], /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{20,}/g],
  ['a Stripe live key', ['_live_'], /\b(?:sk|rk)_live_[0-9A-Za-z]{20,}/g],
  ['a JSON Web Token', ['eyJ'], /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g],
  ['an Azure storage account key', ['AccountKey='], /\bAccountKey=[A-Za-z0-9+/]{40,}={0,2}/g],
  ['an Azure shared access signature', ['sig='], /[?&]sig=[A-Za-z0-9%+/]{30,}={0,2}/g],
];

/** Any hint of `tokenPatterns`, in one pass: most files have none. */
const anyTokenHint = new RegExp(tokenPatterns.flatMap(([, hints]) => hints).map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** `Authorization: Bearer …` and bare `Bearer …` values (group 1 is the token). */
const bearer = /\bBearer\s+([A-Za-z0-9._~+/-]{16,}=*)/gi;
/** A password inside a URL: `postgres://user:password@host` (group 1 is the password). */
const urlPassword = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"<>]+:([^\s:/@'"<>]{3,})@/gi;
/**
 * Necessary conditions for `urlPassword` and `keyValue`, tested first because they are cheap: a URL
 * with a password has `@` in the same word as its `://`; a key-value secret has its key word right
 * before `:` or `=`.
 */
// No `/` between `://` and `@`: a password in a URL has none, and each `://` is looked past only to the next `/` (a line of `http://http://…` is read once, not once per `://`).
const urlWithAt = /:\/\/[^\s@/]*@/;
const keyBeforeAssign = /(?:passw(?:or)?d|pwd|secret|key|token)["']?[ \t]*[:=]/i;
/** `password=…`, `secret: …`, `api_key = "…"` (group 1 is the key, group 2 the value). */
const keyValue = /(?<![A-Za-z0-9_-])["']?((?:[A-Za-z0-9]+[_-])*(?:password|passwd|pwd|secret|secret[_-]?key|secret[_-]?access[_-]?key|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|token|private[_-]?key))["']?[ \t]*[:=][ \t]*["']?([^\s"'`,;<>]+)/gi;
const privateKey = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g;

/** Values that stand in for a secret rather than being one. */
const placeholder = /^(?:\*+|x{3,}|\.{2,}|…|-+|<[^>]*>|\[[^\]]*\]|\([^)]*\)|\$\{?[A-Za-z_][\w.]*\}?|\{\{[^}]*\}\}|%[A-Za-z_]+%|!\w+|[|>][+-]?|redacted|removed|hidden|masked|changeme|change[_-]me|password|passw(?:or)?d|secret|example|sample|dummy|placeholder|null|none|nil|true|false|yes|no|your[_-]?\w*|my[_-]?\w*)$/i;

/**
 * A value that names where the secret is kept rather than giving it: a setting read in code
 * (`config.DevelopmentConfig.DB_PASSWORD`, `settings.SECRET_KEY`, `os.environ.get(`) or an
 * environment variable's name (`DB_PASSWORD`).
 */
const codeReference = /^(?:(?:config|conf|cfg|settings|env|process|os|self|this|app|secrets|vault|ctx|context|options|opts|params|args|values|creds|credentials)(?:\.[A-Za-z_$][\w$]*)+(?:\(.*)?|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)$/;

/** A value that looks like a real credential rather than a word or a placeholder. */
function looksReal(value: string): boolean {
  if (value.length < 6 || placeholder.test(value)) return false;
  if (/redacted|\*{3,}|x{6,}|example|placeholder/i.test(value)) return false;
  if (codeReference.test(value)) return false;
  const digit = /\d/.test(value);
  const symbol = /[^A-Za-z0-9]/.test(value);
  const mixed = /[a-z]/.test(value) && /[A-Z]/.test(value);
  return digit || symbol || mixed || value.length >= 16;
}

interface Found {
  kind: string;
  start: number;
  end: number;
  /** Where two finds overlap, the lower number wins (a GitHub token over a `token=` value). */
  priority: number;
}

/** Where in the file a line is, for the message. */
function placeOf(ctx: FileRuleContext, line: number, codeLines: readonly [number, number][]): string {
  const fm = ctx.parsed.frontmatter;
  if (fm && line <= fm.endLine) return 'in the front matter';
  if (codeLines.some(([a, b]) => line >= a && line <= b)) return 'in a code block';
  return 'in the text';
}

export default defineFileRule({
  id: 'no-secrets',
  defaultLevel: 'error',
  checksUnreadable: true,
  summary: 'No API keys, tokens, passwords or private keys in the postmortem',
  description:
    'Postmortems quote configs, commands and logs, and credentials slip in with them. Anywhere in the ' +
    'file — front matter, text, code blocks — this rule finds AWS access key IDs, Google API keys, ' +
    'Azure storage keys and SAS signatures, GitHub, GitLab and Slack tokens, Slack webhooks, Stripe live ' +
    'keys, JSON Web Tokens, `Bearer` tokens, passwords in URLs, `password=` / `secret:` / `token=` / ' +
    '`api_key=` values and `-----BEGIN … PRIVATE KEY-----` blocks. Each is an error at its own line; ' +
    'the message names the kind of secret and where it is, never the secret itself. Placeholders such ' +
    'as `***`, `<redacted>`, `${DB_PASSWORD}` or `changeme` are left alone. Remove the secret, rotate ' +
    'it (it is in the git history), and write `<redacted>`.',
  examples: {
    valid: [
      { source: '## Resolution\n\nWe rotated the key and set `DB_PASSWORD=<redacted>` in the vault.\n\n```\nexport API_KEY=${API_KEY}\n```\n' },
      { source: '## Root cause\n\n```python\npassword = config.DevelopmentConfig.DB_PASSWORD\nsecret: DB_SECRET_KEY\n```\n', note: 'the code names where the secret is kept' },
    ],
    invalid: [
      { source: '## Resolution\n\nThe service used this connection string:\n\n```\nDB_PASSWORD=Tr0ub4dor&3-horse\n```\n', line: 6, column: 13, note: 'a password in a code block' },
      { source: '## Detection\n\nThe leaked key was AKIAZ7Q3M4N5P6R7S8T9 in a public gist.\n', line: 3, column: 20, note: 'an AWS access key ID' },
    ],
  },
  check(ctx) {
    const text = ctx.parsed.text;
    if (!text) return;
    const found: Found[] = [];
    if (anyTokenHint.test(text)) for (const [kind, hints, pattern] of tokenPatterns) {
      if (!hints.some((h) => text.includes(h))) continue;
      for (const m of text.matchAll(pattern)) {
        if (/EXAMPLE/.test(m[0])) continue;
        found.push({ kind, start: m.index, end: m.index + m[0].length, priority: 0 });
      }
    }
    if (text.includes('PRIVATE KEY')) for (const m of text.matchAll(privateKey)) {
      const endMarker = text.indexOf('-----END', m.index);
      const lineEnd = (at: number) => {
        const nl = text.indexOf('\n', at);
        return nl === -1 ? text.length : nl;
      };
      const end = endMarker !== -1 && endMarker - m.index < 20_000 ? lineEnd(endMarker) : lineEnd(m.index);
      found.push({ kind: 'a private key', start: m.index, end: text[end - 1] === '\r' ? end - 1 : end, priority: 0 });
    }
    if (/bearer/i.test(text)) for (const m of text.matchAll(bearer)) {
      const value = m[1]!;
      const start = m.index + m[0].length - value.length;
      if (looksReal(value)) found.push({ kind: 'a bearer token', start, end: start + value.length, priority: 1 });
    }
    if (urlWithAt.test(text)) for (const m of text.matchAll(urlPassword)) {
      const value = m[1]!;
      const start = m.index + m[0].length - value.length - 1;
      if (looksReal(value)) found.push({ kind: 'a password in a URL', start, end: start + value.length, priority: 1 });
    }
    if (keyBeforeAssign.test(text)) for (const m of text.matchAll(keyValue)) {
      const key = m[1]!.toLowerCase();
      // Closing quotes and brackets after the value are the text around it ("(token=…)").
      const value = m[2]!.replace(/["')\]}]+$/, '');
      const start = m.index + m[0].length - m[2]!.length;
      if (!looksReal(value)) continue;
      const kind = /pass|pwd/.test(key) ? 'a password' : /api[_-]?key|apikey/.test(key) ? 'an API key' : /token/.test(key) ? 'a token' : /private/.test(key) ? 'a private key' : /access/.test(key) ? 'an access key' : 'a secret';
      found.push({ kind, start, end: start + value.length, priority: 2 });
    }
    if (found.length === 0) return;
    const codeLines: [number, number][] = [];
    visit(ctx.parsed.tree, 'code', (node: Code) => {
      if (node.position) codeLines.push([node.position.start.line, node.position.end.line]);
    });
    found.sort((a, b) => a.start - b.start || a.priority - b.priority);
    let lastEnd = -1;
    for (const f of found) {
      if (f.start < lastEnd) continue;
      lastEnd = f.end;
      const start = ctx.index.point(f.start);
      const where = placeOf(ctx, start.line, codeLines);
      const kind = f.kind.replace(/^an? /, (a) => (a === 'a ' ? 'A ' : 'An '));
      ctx.report(`${kind} appears ${where}; remove it, rotate it (it stays in the git history) and write \`<redacted>\` instead`, start, ctx.index.point(f.end));
    }
  },
});
