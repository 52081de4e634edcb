import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../daemon-bridge/desktop/app-id.ts';
import { TRAY_FLAG, autostartEntry } from '../../../daemon-bridge/desktop/autostart.ts';
import {
  HELPER_POLKIT_ACTION,
  INSTALLED_HELPER_PATH,
} from '../../../daemon-bridge/helper/helper-launch.ts';
import { EXECUTABLE_NAME } from '../../../scripts/package-check.ts';
import { BUILD_FILES, desktopEntryKeys } from '../../../scripts/package-layout.ts';
import { SCREENSHOTS, SCREENSHOT_SIZE } from '../../../scripts/package-screenshots.ts';
import { repoRoot } from '../../support/reference.ts';

const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  version: string;
  homepage: string;
  description: string;
  productName: string;
  license: string;
};

describe('the launcher, build/<app id>.desktop', () => {
  it('starts the command on PATH and names the icon and window class by the app id', () => {
    const keys = desktopEntryKeys(read(BUILD_FILES.desktopEntry));
    expect(Object.fromEntries(keys)).toMatchObject({
      Type: 'Application',
      Name: pkg.productName,
      Comment: pkg.description,
      Exec: EXECUTABLE_NAME,
      Icon: APP_ID,
      StartupWMClass: APP_ID,
      Terminal: 'false',
    });
  });
});

describe('the autostart entry, build/<app id>.autostart.desktop', () => {
  it('is the entry the app writes itself, for the packaged command, starting in the tray', () => {
    const text = read(BUILD_FILES.autostartEntry);
    expect(text).toBe(autostartEntry({ exec: `/usr/bin/${EXECUTABLE_NAME}` }));
    expect(desktopEntryKeys(text).get('Exec')).toBe(`/usr/bin/${EXECUTABLE_NAME} ${TRAY_FLAG}`);
  });
});

describe('the AppStream metainfo', () => {
  const xml = read(BUILD_FILES.metainfo);
  const texts = (tag: string): string[] =>
    [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);

  it('describes this app: its id, launcher, licence, homepage, command and current version', () => {
    expect(texts('id')).toEqual([APP_ID]);
    expect(texts('launchable')).toEqual([`${APP_ID}.desktop`]);
    expect(texts('project_license')).toEqual([pkg.license]);
    expect(texts('url')).toEqual([pkg.homepage]);
    expect(texts('binary')).toEqual([EXECUTABLE_NAME]);
    expect(texts('name')[0]).toBe(pkg.productName);
    // The newest release comes first and is the version being packaged.
    expect(/<release version="([^"]+)"/.exec(xml)?.[1]).toBe(pkg.version);
  });

  it('shows every screenshot of build/screenshots/, in order, by https URL under the homepage', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    const urls = texts('image');
    expect(urls).toEqual(SCREENSHOTS.map((s) => `${pkg.homepage}/screenshots/${s.name}`));
    expect(readdirSync(join(repoRoot, BUILD_FILES.screenshots)).sort()).toEqual(
      SCREENSHOTS.map((s) => s.name).sort(),
    );
    expect(xml).toContain(`width="${SCREENSHOT_SIZE.width}" height="${SCREENSHOT_SIZE.height}"`);
    expect(xml.match(/<screenshot type="default">/g)).toHaveLength(1);
  });

  it('has screenshots that are real 1280×800 pictures, not blank ones', () => {
    for (const { name } of SCREENSHOTS) {
      const png = PNG.sync.read(readFileSync(join(repoRoot, BUILD_FILES.screenshots, name)));
      expect([png.width, png.height], name).toEqual([
        SCREENSHOT_SIZE.width,
        SCREENSHOT_SIZE.height,
      ]);
      const colours = new Set<number>();
      for (let i = 0; i < png.data.length && colours.size < 50; i += 4 * 97)
        colours.add(png.data.readUInt32BE(i));
      expect(colours.size, name).toBeGreaterThanOrEqual(50);
    }
  });
});

describe('the helper polkit policy', () => {
  it('defines the action the app asks for, tied to the installed wrapper', () => {
    const xml = read(BUILD_FILES.helperPolicy);
    expect([...xml.matchAll(/<action id="([^"]+)">/g)].map((m) => m[1])).toEqual([
      HELPER_POLKIT_ACTION,
    ]);
    expect(xml).toContain(
      `<annotate key="org.freedesktop.policykit.exec.path">${INSTALLED_HELPER_PATH}</annotate>`,
    );
  });
});
