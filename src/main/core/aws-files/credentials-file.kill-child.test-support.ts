// Test support: rewrites Rolecall's section of a credentials file with the real writeManagedSection, with
// two alternating sets of credentials, until it is killed. `node --import tsx <this file> <file>`; prints
// one "w" per completed write.
import { writeManagedSection } from './credentials-file';

const file = process.argv[2] ?? '';
const base = { name: 'pay-admin', accountId: '111122223333', roleName: 'Admin', instance: 'corp', expiration: '2026-12-06T05:04:15+00:00' };
// Long tokens, so a write takes long enough to be killed in the middle of one.
const sets = ['A', 'B'].map((c) => ({ ...base, accessKeyId: `ASIA${c.repeat(16)}`, secretAccessKey: c.repeat(40), sessionToken: c.repeat(400_000) }));
for (let i = 0; ; i += 1) {
  await writeManagedSection(file, sets[i % 2] ?? sets[0]!, false, Date.now());
  process.stdout.write('w');
}
