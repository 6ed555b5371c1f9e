import { join } from 'node:path';
import { Aws } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Registry } from '../../shared/registry/capability-registry';
import { repoRoot } from '../constructs/repo-root';
import { AppStack } from './app-stack';
import { DataStack } from './data-stack';
import { EdgeStack, webAclArnParameterName } from './edge-stack';

export interface SeedCrmOptions {
  /** Names one deployment (dev, prod...): part of the stack names and of the hosted UI domain. */
  stage?: string;
  /** Defaults to web/dist. */
  webDistPath?: string;
  /** The capabilities to deploy; the CRM's own registry unless a test builds another. */
  registry?: Registry;
}

export interface SeedCrm {
  data: DataStack;
  edge: EdgeStack;
  app: AppStack;
}

const stagePattern = /^[a-z][a-z0-9-]{0,19}$/;

/**
 * The three stacks of one deployment: data and app environment-agnostic (no account, region or lookups),
 * the edge stack pinned to us-east-1, where CloudFront takes its web ACL from.
 */
export function createSeedCrm(scope: Construct, options: SeedCrmOptions = {}): SeedCrm {
  const stage = options.stage ?? 'dev';
  if (!stagePattern.test(stage)) throw new Error(`stage '${stage}' must match ${stagePattern}`);
  const data = new DataStack(scope, `seed-crm-${stage}-data`, {
    description: `Seed CRM (${stage}): table and user pool, retained`,
    // Hosted UI prefixes are unique per region across all of AWS: the account id makes this one ours.
    authDomainPrefix: `seed-crm-${stage}-${Aws.ACCOUNT_ID}`,
  });
  // the web ACL must be in us-east-1 (CloudFront's rule); the app stack reads its ARN there (decision 132)
  const edge = new EdgeStack(scope, `seed-crm-${stage}-edge`, {
    description: `Seed CRM (${stage}): the CloudFront web ACL, in us-east-1`,
    stage,
  });
  const app = new AppStack(scope, `seed-crm-${stage}-app`, {
    description: `Seed CRM (${stage}): functions, HTTP API, web hosting`,
    table: data.table,
    archiveBucket: data.archiveBucket,
    userPool: data.userPool,
    userPoolDomain: data.userPoolDomain,
    webDistPath: options.webDistPath ?? join(repoRoot, 'web', 'dist'),
    ...(options.registry ? { registry: options.registry } : {}),
    webAclArnParameterName: webAclArnParameterName(stage),
  });
  app.addStackDependency(edge, 'reads the web ACL ARN the edge stack writes');
  return { data, edge, app };
}
