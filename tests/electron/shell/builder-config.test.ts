// electron-builder.yml checked three ways: against electron-builder's own JSON schema with ajv,
// through electron-builder's own loader and validator (what `electron-builder` runs first), and for
// the settings this app depends on (native module unpacked, fuses, targets, icons).
// js-yaml, ajv and app-builder-lib are dependencies OF electron-builder (not of this package), so
// they are loaded with createRequire and typed here by the little we use.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(join(root, 'package.json'));

interface AjvInstance {
  compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown[] | null };
}
const yaml = require('js-yaml') as { load(text: string): unknown };
const Ajv = require('ajv') as new (options: Record<string, unknown>) => AjvInstance;
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type Target = { target: string; arch: string[] };
interface Config {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  npmRebuild: boolean;
  buildDependenciesFromSource: boolean;
  electronFuses: Record<string, boolean>;
  directories: { buildResources: string; output: string };
  win: { target: Target[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: Target[]; category: string; icon: string };
  deb: { depends: string[] };
  mac: { target: { target: string }[]; icon: string };
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('matches electron-builder’s JSON schema (ajv), and a misspelt option would not', () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as unknown;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, nsis: { ...config.nsis, oneClik: false } })).toBe(false);
  });

  it('passes electron-builder’s own loader and validator', async () => {
    const loaded = await builderConfig.getConfig(root, 'electron-builder.yml', null);
    await expect(builderConfig.validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    expect(loaded.productName).toBe('指标填报台');
  });

  it('packages the built app with the native module outside the asar, rebuilt for Electron only there', () => {
    expect(config.appId).toBe('cn.gov.dongtou.indicatordesk');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/**/*']));

    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    // Tests and the CLI use the Node build of better-sqlite3: nothing run by `npm test` (or on
    // install) may rebuild it for Electron.
    const testChain = ['test', 'test:unit', 'test:e2e', 'typecheck', 'lint', 'build:renderer', 'postinstall', 'install', 'prepare', 'pretest'];
    for (const name of testChain) expect(pkg.scripts[name] ?? '').not.toMatch(/electron-builder|electron-rebuild|install-app-deps|@electron\/rebuild/);
  });

  it('packages the Electron version npm installs, which is an optional dependency only', () => {
    // `electron` is optional so that `npm install` completes where its runtime download fails
    // (README, "Install"); electron-builder then takes the version from this file.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    expect(pkg.optionalDependencies?.electron).toBeDefined();
    expect(pkg.dependencies?.electron).toBeUndefined();
    expect(pkg.devDependencies?.electron).toBeUndefined();
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; optional?: boolean }> };
    const locked = lock.packages['node_modules/electron'];
    expect(locked?.optional).toBe(true);
    expect((config as unknown as { electronVersion: string }).electronVersion).toBe(locked?.version);
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      // The renderer is served from app://desk (electron/main/app-protocol.ts), not file://.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds Windows (NSIS per-user + portable, x64/ia32), Linux (AppImage + deb, x64/arm64) and macOS dmg', () => {
    const byTarget = (targets: Target[]) => Object.fromEntries(targets.map((t) => [t.target, [...t.arch].sort()]));
    expect(byTarget(config.win.target)).toEqual({ nsis: ['ia32', 'x64'], portable: ['ia32', 'x64'] });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false });
    expect(byTarget(config.linux.target)).toEqual({ AppImage: ['arm64', 'x64'], deb: ['arm64', 'x64'] });
    expect(config.linux.category).toBe('Office');
    expect(config.deb.depends.join(' ')).toMatch(/libnss3/);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
  });

  it('has real icons in the build resources folder', () => {
    expect(config.directories.buildResources).toBe('resources');
    const png = readFileSync(join(root, config.linux.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = readFileSync(join(root, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + i * 16) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    const icns = readFileSync(join(root, config.mac.icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(existsSync(join(root, 'resources', 'icon.svg'))).toBe(true);
  });
});
