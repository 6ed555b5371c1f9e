import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { createSeedCrm, type SeedCrm, type SeedCrmOptions } from '../../infra/stacks/seed-crm';

const cdkJsonContext = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

export interface SynthesizedSeedCrm extends SeedCrm {
  root: App;
  dataTemplate: Template;
  appTemplate: Template;
}

/** A folder that does not exist: the app as synthesized before the web app is built. */
export const noWebBuild = join(tmpdir(), 'seed-crm-no-web-build', 'dist');

/**
 * Both stacks, synthesized the fast way: no Lambda bundling (`npm run synth` bundles for real) and no
 * built-in CloudFormation validation.
 */
export function synthSeedCrm(options: SeedCrmOptions = {}): SynthesizedSeedCrm {
  const root = new App({
    // the feature flags of cdk.json (policy minimisation changes what cdk-nag sees), without bundling
    context: { ...cdkJsonContext, 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: false,
  });
  const crm = createSeedCrm(root, { webDistPath: noWebBuild, ...options });
  return {
    ...crm,
    root,
    dataTemplate: Template.fromStack(crm.data),
    appTemplate: Template.fromStack(crm.app),
  };
}

/** A tiny stand-in for `web/dist`. */
export function fakeWebBuild(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'seed-crm-web-dist-'));
  const all = { 'index.html': '<!doctype html><div id="root"></div>', 'assets/app-3f2a.js': '', ...files };
  for (const [name, content] of Object.entries(all)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}
