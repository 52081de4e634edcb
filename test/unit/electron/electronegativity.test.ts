/**
 * The Electronegativity gate (scripts/electronegativity.ts): what fails it,
 * and that the tool really checks the window options it is shown — a
 * hardened window passes, the same window with its protections removed
 * does not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_CSP } from '../../../daemon-bridge/web/csp.ts';
import { mainWindowOptions } from '../../../electron/window-options.ts';
import {
  FAILING,
  formatFindings,
  readResult,
  resolvedValuesSource,
  scan,
} from '../../../scripts/electronegativity.ts';

const options = mainWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', dark: false });

const issue = (id: string, severity: string, manualReview = false) => ({
  id,
  severity: { name: severity },
  confidence: { name: 'FIRM' },
  file: 'electron/x.ts',
  location: { line: 3, column: 1 },
  description: 'd',
  manualReview,
});

describe('the Electronegativity gate', () => {
  it('fails on HIGH and MEDIUM only, and on files the tool could not parse', () => {
    expect([...FAILING].sort()).toEqual(['HIGH', 'MEDIUM']);
    const result = readResult({
      issues: [issue('A', 'LOW'), issue('B', 'HIGH', true), issue('C', 'INFORMATIONAL')],
      errors: [
        { file: 'a.ts', message: 'Unexpected token', tolerable: false },
        { file: 'b.ts', message: 'warning', tolerable: true },
      ],
    });
    expect(result.findings.filter((f) => FAILING.has(f.severity)).map((f) => f.rule)).toEqual([
      'B',
    ]);
    expect(result.errors).toEqual([{ file: 'a.ts', message: 'Unexpected token' }]);
    expect(formatFindings(result.findings)[0]).toMatch(
      /^HIGH +FIRM +B {2}electron\/x\.ts:3:1 {2}d \(review\)$/,
    );
  });

  it('refuses a result it does not understand rather than passing it', () => {
    expect(() => readResult({ issues: 'none' })).toThrow();
    expect(() => readResult({ issues: [issue('A', 'SEVERE')], errors: [] })).toThrow(/severity/);
  });

  it('shows the tool the real window options and header CSP, suppressing only the reviewed preload', () => {
    const source = resolvedValuesSource();
    const literal = /new BrowserWindow\(([\s\S]*?)\);\n/.exec(source)?.[1] ?? '';
    expect(JSON.parse(literal.replace(/ \/\/ eng-disable PRELOAD_JS_CHECK/, ''))).toEqual(options);
    const suppressed = source.split('\n').filter((line) => line.includes('eng-disable'));
    expect(suppressed).toEqual([
      '    "preload": "/app/dist-electron/preload.cjs", // eng-disable PRELOAD_JS_CHECK',
    ]);
    expect(source).toContain(`'Content-Security-Policy': [${JSON.stringify(ELECTRON_CSP)}]`);
  });

  it('passes the hardened window and catches the same window with its protections removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'electronegativity-test-'));
    try {
      writeFileSync(join(dir, 'hardened.js'), resolvedValuesSource());
      const { disableBlinkFeatures: _auxclick, ...loose } = options.webPreferences ?? {};
      writeFileSync(
        join(dir, 'weakened.js'),
        resolvedValuesSource(
          {
            ...options,
            webPreferences: {
              ...loose,
              sandbox: false,
              contextIsolation: false,
              webSecurity: false,
            },
          },
          "default-src 'self' 'unsafe-inline' 'unsafe-eval'",
        ),
      );
      const { findings, errors } = await scan(dir);
      expect(errors).toEqual([]);
      const failing = (file: string) =>
        findings
          .filter((f) => f.file === file && FAILING.has(f.severity))
          .map((f) => f.rule)
          .sort();
      expect(failing('hardened.js')).toEqual([]);
      expect(failing('weakened.js')).toEqual([
        'AUXCLICK_JS_CHECK',
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
