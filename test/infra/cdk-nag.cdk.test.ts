import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nagPacks } from '../../infra/constructs/nag';
import { spaAuthPaths } from '../../infra/constructs/web-hosting';
import { createSeedCrm } from '../../infra/stacks/seed-crm';
import {
  capabilityStackId,
  fakeWebBuild,
  noWebBuild,
  type SynthesizedSeedCrm,
  synthSeedCrm,
} from './synth-seed-crm';

/** Unacknowledged findings of both packs under a scope, as `rule resource` lines (empty when it passes). */
function findingsUnder(scope: IConstruct): string[] {
  return nagPacks().flatMap((pack) =>
    pack
      .validateScope(scope)
      .violations.flatMap((violation) =>
        violation.violatingResources.map((resource) => `${violation.ruleName} ${resource.constructPath}`),
      ),
  );
}

/** Every top-level stack; the walk under the app stack goes through every capability's nested stack. */
const findings = (crm: SynthesizedSeedCrm): string[] => [crm.data, crm.edge, crm.app].flatMap(findingsUnder);

interface Acknowledgement {
  construct: IConstruct;
  rule: string;
  reason: string;
}

function acknowledgements(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([rule, reason]) => ({
          construct,
          rule,
          reason,
        })),
      ),
  );
}

const builds: string[] = [];
const webBuild = (files?: Record<string, string>) => {
  const dir = fakeWebBuild(files);
  builds.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of builds) rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['before the web app is built', () => synthSeedCrm()],
  ['with a web build to deploy', () => synthSeedCrm({ webDistPath: webBuild() })],
])('cdk-nag AwsSolutions and Serverless, %s', (_, synth) => {
  let crm: SynthesizedSeedCrm;
  beforeAll(() => {
    crm = synth();
  });

  it('report no unacknowledged finding, warnings included', () => {
    expect(findings(crm)).toEqual([]);
  });

  it('acknowledge on the resources concerned, never a whole stack, each with a real reason', () => {
    const all = acknowledgements(crm.root);
    expect(all.length).toBeGreaterThan(0);
    for (const { construct, rule, reason } of all) {
      const where = `${rule} on ${construct.node.path}`;
      expect(reason.trim().length, where).toBeGreaterThanOrEqual(40);
      // A stack-wide acknowledgement would also hide findings on resources added later.
      expect(Stack.isStack(construct) || construct === crm.root, where).toBe(false);
    }
  });
});

describe('the rule packs', () => {
  it('walk into the nested capability stacks, so a finding there fails the app stack', () => {
    const root = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const crm = createSeedCrm(root, { webDistPath: noWebBuild });
    const nested = crm.app.capabilityStacks.find((stack) => stack.node.id === capabilityStackId('contacts'));
    if (!nested) throw new Error('no contacts capability stack');
    // a queue with no dead-letter queue and no TLS-only policy: findings of both packs
    const probe = new Queue(nested, 'NagProbe');
    const found = findingsUnder(crm.app).filter((finding) => finding.includes(probe.node.path));
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain('AwsSolutions-SQS');
  });
});

describe('the web deployment', () => {
  let crm: SynthesizedSeedCrm;
  let deployment: { Properties: { SourceObjectKeys: string[]; SourceMarkers: Record<string, unknown>[] } };
  beforeAll(() => {
    crm = synthSeedCrm({ webDistPath: webBuild() });
    [deployment] = Object.values(crm.appTemplate.findResources('Custom::CDKBucketDeployment')) as [
      typeof deployment,
    ];
  });

  it('uploads the build to the site bucket, then invalidates the distribution', () => {
    crm.appTemplate.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: {
        Ref: crm.app.getLogicalId(crm.app.web.siteBucket.node.defaultChild as CfnElement),
      },
      DistributionId: { Ref: crm.app.getLogicalId(crm.app.web.distribution.node.defaultChild as CfnElement) },
      DistributionPaths: ['/*'],
    });
  });

  it('writes the /config.json the SPA reads for Cognito sign-in', () => {
    // The JSON source is staged with placeholders that the deployment replaces by the values of its markers.
    const index = deployment.Properties.SourceObjectKeys.findIndex((key) =>
      existsSync(join(crm.root.outdir, `asset.${key.replace(/\.zip$/, '')}`, 'config.json')),
    );
    const key = deployment.Properties.SourceObjectKeys[index] as string;
    let text = readFileSync(
      join(crm.root.outdir, `asset.${key.replace(/\.zip$/, '')}`, 'config.json'),
      'utf8',
    );
    for (const [marker, value] of Object.entries(deployment.Properties.SourceMarkers[index] ?? {})) {
      text = text.replaceAll(marker, `[${JSON.stringify(value).replaceAll('"', "'")}]`);
    }
    const { auth } = JSON.parse(text) as { auth: Record<string, string> };
    const client = crm.app.getLogicalId(crm.app.userPoolClient.node.defaultChild as CfnElement);
    const distribution = crm.app.getLogicalId(crm.app.web.distribution.node.defaultChild as CfnElement);
    expect(auth.mode).toBe('cognito');
    expect(auth.clientId).toBe(`[{'Ref':'${client}'}]`);
    expect(auth.domain).toMatch(
      /^https:\/\/\[.*UserPoolHostedUi.*\]\.auth\.\[.*AWS::Region.*\]\.amazoncognito\.com$/,
    );
    expect(auth.redirectUri).toBe(
      `https://[{'Fn::GetAtt':['${distribution}','DomainName']}]${spaAuthPaths.callback}`,
    );
    expect(auth.logoutUri).toBe(
      `https://[{'Fn::GetAtt':['${distribution}','DomainName']}]${spaAuthPaths.signOut}`,
    );
  });

  it('refuses a build folder without index.html', () => {
    const empty = mkdtempSync(join(tmpdir(), 'seed-crm-empty-dist-'));
    builds.push(empty);
    expect(() => synthSeedCrm({ webDistPath: empty })).toThrow(/index\.html/);
  });
});
