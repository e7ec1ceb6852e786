// The scanner's inline suppressions (`// eng-disable CHECK_ID: why this is safe`), found in src/ and carried
// into the bundles: esbuild drops comments, so without this a scan of out/ (what ships) would see every
// suppressed finding again with no reason next to it. Used by scripts/build.mjs and scripts/security-scan.mjs.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DIRECTIVE = /(?:\/\/|\/\*|<!--)[ \t]*eng-disable[ \t]+([\w \t]+)(.*)$/;

/** Every file under a directory. */
export function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every inline suppression in src/: the checks, the reason, the code on its line and the comment itself. */
export function suppressions(root) {
  const found = [];
  for (const file of filesUnder(path.join(root, 'src')).filter((f) => /\.(ts|tsx|html)$/.test(f))) {
    readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
      const match = DIRECTIVE.exec(line);
      if (match === null) return;
      const words = match[1].trim().split(/\s+/);
      const checks = words.filter((w) => /^[A-Z_]+_CHECK$/.test(w));
      const reason = `${words.filter((w) => !checks.includes(w)).join(' ')} ${match[2].replace(/^:|-->\s*$|\*\/\s*$/g, '')}`.trim();
      const code = line.slice(0, match.index);
      found.push({ file: path.relative(root, file), line: index + 1, checks, reason, code, comment: line.slice(match.index).trim() });
    });
  }
  return found;
}

/** A line of code as esbuild prints it, without its renaming of clashing names (`shell2`) or spacing. */
export function normalize(code) {
  return code.replace(/\b([A-Za-z_$][\w$]*?)\d+\b/g, '$1').replace(/\s+/g, ' ').trim();
}

/**
 * Appends each suppression's comment, reason included, to the lines of the bundles under `outDir` that
 * are its line of code. Only line ends change, so source maps and line numbers stay right. Returns how
 * many lines now carry one.
 */
export function carryDirectives(root, outDir) {
  const byCode = new Map(suppressions(root).filter((s) => s.code.trim() !== '' && !s.file.endsWith('.html')).map((s) => [normalize(s.code), s.comment]));
  let carried = 0;
  for (const file of filesUnder(outDir).filter((f) => /\.(c|m)?js$/.test(f))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    let changed = false;
    const next = lines.map((line) => {
      const comment = byCode.get(normalize(line));
      if (comment === undefined) return line;
      changed = true;
      carried += 1;
      return `${line} ${comment}`;
    });
    if (changed) writeFileSync(file, next.join('\n'));
  }
  return carried;
}
