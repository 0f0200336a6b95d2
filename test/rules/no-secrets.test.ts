/** no-secrets: each kind of credential is found at its place, placeholders are not, and nothing is echoed. */
import { describe, expect, it } from 'vitest';
import { lintExample } from './lint-helpers.ts';
import { fakeSecrets } from './fake-secrets.ts';

const doc = (body: string) => `---\ntitle: Leak\ndate: 2025-01-10\n---\n\n## Resolution\n\n${body}\n`;
/** Line 8 is the first line of `body` in `doc`. */
const bodyLine = 8;

const cases: [kind: RegExp, line: string, secret: string][] = [
  [/AWS access key ID/, `key ${fakeSecrets.AWS_KEY_ID} leaked`, fakeSecrets.AWS_KEY_ID!],
  [/Google API key/, `maps key ${['AI', 'za'].join('')}${'Sy9-'.repeat(8)}abc`, `${['AI', 'za'].join('')}${'Sy9-'.repeat(8)}abc`],
  [/GitHub token/, `token ${fakeSecrets.GITHUB_TOKEN}`, fakeSecrets.GITHUB_TOKEN!],
  [/GitHub fine-grained token/, `pat ${['github', '_pat_'].join('')}11ABCDEFG0123456789_abcdefghijKLMNOP`, `${['github', '_pat_'].join('')}11ABCDEFG0123456789_abcdefghijKLMNOP`],
  [/GitLab access token/, `ci ${['gl', 'pat-'].join('')}Zx8Qw7Er6Ty5Ui4Op3As`, `${['gl', 'pat-'].join('')}Zx8Qw7Er6Ty5Ui4Op3As`],
  [/Slack token/, `bot ${['xo', 'xb-'].join('')}2048-1111-AbCdEfGhIjKl`, `${['xo', 'xb-'].join('')}2048-1111-AbCdEfGhIjKl`],
  [/Slack webhook URL/, `hook ${fakeSecrets.SLACK_WEBHOOK}`, fakeSecrets.SLACK_WEBHOOK!],
  [/Stripe live key/, `billing ${fakeSecrets.STRIPE_KEY}`, fakeSecrets.STRIPE_KEY!],
  [/JSON Web Token/, `cookie ${fakeSecrets.JWT}`, fakeSecrets.JWT!],
  [/Azure storage account key/, `conn AccountKey=${'Qm9vZ3Vz'.repeat(11)}==`, `AccountKey=${'Qm9vZ3Vz'.repeat(11)}==`],
  [/bearer token/, 'Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'],
  [/password in a URL/, 'dsn redis://cache:Zq9-Wx8-Ev7@redis-1:6379/0', 'Zq9-Wx8-Ev7'],
  [/password/, 'DB_PASSWORD=hunter2-Hunter3', 'hunter2-Hunter3'],
  [/secret/, 'client_secret: "4f2a9c7e1b3d5f60"', '4f2a9c7e1b3d5f60'],
  [/API key/, 'api_key = Zk29aGq01LmNo', 'Zk29aGq01LmNo'],
  [/token/, 'auth_token=7Yh3Kp9Qs2Vx', '7Yh3Kp9Qs2Vx'],
  [/private key/, '-----BEGIN RSA PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----'],
];

describe('no-secrets', () => {
  for (const [kind, line, secret] of cases) {
    it(`finds ${kind.source} where it is written, without repeating it`, async () => {
      const source = doc(line);
      const result = await lintExample({ source }, 'no-secrets');
      expect(result.messages).toHaveLength(1);
      const m = result.messages[0]!;
      expect(m.message).toMatch(kind);
      expect(m.message).toMatch(/in the text/);
      expect([m.line, m.column]).toEqual([bodyLine, line.indexOf(secret) + 1]);
      expect(m.severity).toBe(2);
      expect(m.message).not.toContain(secret.slice(0, 8));
      expect(JSON.stringify(m)).not.toContain(secret.slice(-8));
    });
  }

  it('says where: front matter, code block, text', async () => {
    const source = `---\ntitle: Leak\ndate: 2025-01-10\napi_key: Zk29aGq01LmNo\n---\n\n## Resolution\n\n\`\`\`\nexport PASSWORD=hunter2-Hunter3\n\`\`\`\n`;
    const result = await lintExample({ source }, 'no-secrets');
    expect(result.messages.map((m) => [m.line, m.column, /front matter/.test(m.message), /code block/.test(m.message)])).toEqual([
      [4, 10, true, false],
      [10, 17, false, true],
    ]);
  });

  it('reports a private key block from its BEGIN line to its END line', async () => {
    const source = doc(`-----BEGIN PRIVATE KEY-----\n${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'.repeat(2)}\n-----END PRIVATE KEY-----`);
    const [m] = (await lintExample({ source }, 'no-secrets')).messages;
    expect([m!.line, m!.column, m!.endLine, m!.endColumn]).toEqual([bodyLine, 1, bodyLine + 2, 26]);
  });

  it('leaves placeholders, variables and prose alone', async () => {
    const lines = [
      'password: <redacted>', 'password=***', 'DB_PASSWORD=${DB_PASSWORD}', 'token: {{ .Values.token }}', 'secret: changeme',
      'api_key=REDACTED', 'The password: rotated', 'the token: expired', 'Authorization: Bearer $TOKEN', 'Authorization: Bearer <token>',
      'AWS example key AKIAIOSFODNN7EXAMPLE', 'password_hash column', 'tokens: 5', 'Keep secrets out of the runbook.',
      'secret: !vault |', 'passwd: xxxxxxxx', 'postgres://user@db-1/app',
      'C3([Client: <code>GET name.whl.metadata<b>?token=x</b></code>]) --> E3{Fastly edge}',
    ];
    const result = await lintExample({ source: doc(lines.join('\n\n')) }, 'no-secrets');
    expect(result.messages.map((m) => `${m.line}: ${m.message}`)).toEqual([]);
  });

  it('reads a value up to the markup or brackets around it', async () => {
    const source = doc('The job ran with (api_key=Zx9Qw8Er7Ty6Ui5) set.');
    const [m] = (await lintExample({ source }, 'no-secrets')).messages;
    expect([m!.column, m!.endColumn]).toEqual([27, 42]);
  });

  it('reports each secret on its own line when a line holds several', async () => {
    const line = `${fakeSecrets.AWS_KEY_ID} and ${fakeSecrets.GITHUB_TOKEN}`;
    const result = await lintExample({ source: doc(line) }, 'no-secrets');
    expect(result.messages.map((m) => m.column)).toEqual([1, fakeSecrets.AWS_KEY_ID!.length + 6]);
  });
});
