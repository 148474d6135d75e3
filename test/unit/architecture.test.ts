/** The dependency rule of DESIGN.md, checked on the sources' import statements. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers';

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(REPO, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts)$/.test(f) && !f.includes('node_modules'))
    .map((f) => path.join(dir, f));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(REPO, file), 'utf8');
  return [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2]!);
}

function target(file: string, spec: string): string {
  return spec.startsWith('.') ? path.relative(REPO, path.resolve(REPO, path.dirname(file), spec)) : spec;
}

describe('dependency rule', () => {
  it('src-shared imports nothing from Node, Electron, the DOM side or our other folders', () => {
    const offenders = sources('src-shared').flatMap((f) =>
      imports(f)
        .filter(
          (s) =>
            s.startsWith('node:') ||
            ['fs', 'path', 'os', 'crypto', 'electron', 'react'].includes(s) ||
            (s.startsWith('.') && !target(f, s).startsWith('src-shared')),
        )
        .map((s) => `${f} -> ${s}`),
    );
    expect(offenders).toEqual([]);
    // and its tsconfig gives it no Node or DOM types, so globals of either fail to compile
    const cfg = JSON.parse(fs.readFileSync(path.join(REPO, 'src-shared/tsconfig.json'), 'utf8'));
    expect(cfg.compilerOptions.types).toEqual([]);
    expect(cfg.compilerOptions.lib).toEqual(['ES2023']);
  });

  it('src-main services never import electron, the web host or the CLI', () => {
    const doors = ['src-main/electron', 'src-main/web', 'src-main/cli'];
    const services = sources('src-main').filter(
      (f) => !doors.some((d) => f.startsWith(d)) && !f.startsWith('src-main/bin'),
    );
    expect(services.length).toBeGreaterThan(10);
    const offenders = services.flatMap((f) =>
      imports(f)
        .filter(
          (s) =>
            s === 'electron' || s.startsWith('electron/') || doors.some((d) => target(f, s).startsWith(d)),
        )
        .map((s) => `${f} -> ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('src-main and src-renderer never import each other', () => {
    const cross = [
      ...sources('src-main').flatMap((f) =>
        imports(f)
          .filter((s) => target(f, s).startsWith('src-renderer'))
          .map((s) => `${f} -> ${s}`),
      ),
      ...sources('src-renderer').flatMap((f) =>
        imports(f)
          .filter((s) => target(f, s).startsWith('src-main'))
          .map((s) => `${f} -> ${s}`),
      ),
    ];
    expect(cross).toEqual([]);
  });
});
