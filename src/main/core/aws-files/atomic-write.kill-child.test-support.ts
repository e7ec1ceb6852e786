// Test support: a writer that rewrites one file with the real writeFileAtomic until it is killed.
// Run as `node --import tsx <this file> <target>`; prints one "w" per completed write.
import { writeFileAtomic } from './atomic-write';

const target = process.argv[2] ?? '';
const contents = [Buffer.alloc(2 * 1024 * 1024, 'A'), Buffer.alloc(3 * 1024 * 1024, 'B')];
for (let i = 0; ; i += 1) {
  await writeFileAtomic(target, contents[i % 2] ?? Buffer.alloc(0));
  process.stdout.write('w');
}
