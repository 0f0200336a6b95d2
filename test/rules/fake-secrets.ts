/**
 * Credentials in the shapes the no-secrets rule looks for, assembled at run time so that no
 * token-shaped string is ever written into the repository. None of them is real.
 */
const alnum = (n: number, seed = 7): string => {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += chars[x % chars.length];
  }
  return out;
};

export const fakeSecrets: Record<string, string> = {
  AWS_KEY_ID: ['AK', 'IA', 'Q7XZ4M2P9R3T6W8Y'].join(''),
  GITHUB_TOKEN: ['gh', 'p_', alnum(36, 11)].join(''),
  JWT: ['ey', 'J', alnum(20, 3), '.', 'ey', 'J', alnum(24, 5), '.', alnum(32, 9)].join(''),
  SLACK_WEBHOOK: ['https://hooks.', 'slack.com/services/', 'T0', alnum(8, 2).toUpperCase(), '/B0', alnum(8, 4).toUpperCase(), '/', alnum(24, 6)].join(''),
  STRIPE_KEY: ['sk', '_live_', alnum(24, 13)].join(''),
  KEY_BODY: [alnum(64, 17), alnum(64, 19), `${alnum(40, 23)}==`].join('\n'),
};

/** Replace `{{NAME}}` markers with the fake credentials. */
export function withFakeSecrets(text: string): string {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (m, name: string) => fakeSecrets[name] ?? m);
}
