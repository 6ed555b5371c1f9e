import { Stack, Validations } from 'aws-cdk-lib';
import { CfnPolicy, CfnRole } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/** The rule packs every stack must pass: app.ts registers them for synth, the cdk tests run them directly. */
export function nagPacks(scope?: IConstruct): NagPack[] {
  return [new AwsSolutionsChecks(scope), new ServerlessChecks(scope)];
}

/** An IAM statement as CloudFormation will see it, with resources flattened the way cdk-nag names them. */
export interface ResolvedStatement {
  actions: string[];
  resources: string[];
}

/** A kind of wildcard IAM permission that is acceptable, and why. */
export interface WildcardAllowance {
  /** Becomes the acknowledgement's reason. */
  reason: string;
  covers: (statement: ResolvedStatement) => boolean;
}

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

interface PolicyDocumentJson {
  Statement?: { Effect?: string; Action?: unknown; Resource?: unknown }[];
}

function policyDocumentsUnder(scope: IConstruct): PolicyDocumentJson[] {
  const documents: PolicyDocumentJson[] = [];
  for (const node of scope.node.findAll()) {
    const stack = Stack.of(node);
    if (node instanceof CfnPolicy) documents.push(stack.resolve(node.policyDocument));
    if (node instanceof CfnRole) {
      for (const policy of asArray(stack.resolve(node.policies))) {
        documents.push(stack.resolve((policy as { policyDocument: unknown }).policyDocument));
      }
    }
  }
  return documents;
}

/** AwsSolutions-IAM5 finding ids (`Action::s3:List*`, `Resource::<Table.Arn>/index/*`) and their statements. */
function wildcardFindings(scope: IConstruct): Map<string, ResolvedStatement[]> {
  const findings = new Map<string, ResolvedStatement[]>();
  for (const document of policyDocumentsUnder(scope)) {
    for (const statement of document.Statement ?? []) {
      if (statement.Effect !== 'Allow') continue;
      const resolved: ResolvedStatement = {
        actions: asArray(statement.Action).map(String),
        resources: asArray(statement.Resource).map(flattenCfnReference),
      };
      const ids = [
        ...resolved.actions.filter((action) => action.includes('*')).map((action) => `Action::${action}`),
        ...resolved.resources.filter((resource) => resource.includes('*')).map((r) => `Resource::${r}`),
      ];
      for (const id of ids) findings.set(id, [...(findings.get(id) ?? []), resolved]);
    }
  }
  return findings;
}

/**
 * Acknowledges AwsSolutions-IAM5 for the wildcards under `scope` that an allowance covers, and only those:
 * a finding is acknowledged when every statement that raises it is covered, so a new, unexpected wildcard
 * still fails synth. cdk-nag names a finding by its final CloudFormation form, which for a cross-stack
 * reference exists only once CDK has resolved references; so this runs at construct validation, after
 * that resolution and before the validation plugins.
 */
export function acknowledgeWildcards(scope: IConstruct, allowances: readonly WildcardAllowance[]): void {
  let acknowledged = false;
  scope.node.addValidation({
    validate: () => {
      if (acknowledged) return [];
      acknowledged = true;
      for (const [finding, statements] of wildcardFindings(scope)) {
        // policies may be minimised (statements merged), so each action is judged on its own
        const reasons = statements.flatMap((statement) =>
          statement.actions.map(
            (action) =>
              allowances.find((allowance) =>
                allowance.covers({ actions: [action], resources: statement.resources }),
              )?.reason,
          ),
        );
        if (reasons.some((reason) => reason === undefined)) continue;
        Validations.of(scope).acknowledge({
          id: `AwsSolutions-IAM5[${finding}]`,
          reason: [...new Set(reasons)].join(' '),
        });
      }
      return [];
    },
  });
}

/**
 * Acknowledges the Lambda findings of a singleton function aws-cdk-lib creates at stack level for one of its
 * constructs (BucketDeployment, AwsCustomResource): its code and runtime are CDK's, CloudFormation invokes it
 * and fails the deployment when it errs. `tracing` says why traces would add nothing for this one.
 */
export function acknowledgeCdkOwnedHandler(
  scope: IConstruct,
  handler: { idPrefix: string; name: string; tracing: string },
): void {
  const found = Stack.of(scope).node.children.find((child) => child.node.id.startsWith(handler.idPrefix));
  if (!found) throw new Error(`${handler.name} handler not found: did aws-cdk-lib change its layout?`);
  const cdkOwned = `CDK-owned ${handler.name} handler (aws-cdk-lib chooses its code and runtime):`;
  Validations.of(found).acknowledge(
    { id: 'AwsSolutions-L1', reason: `${cdkOwned} its runtime moves with aws-cdk-lib upgrades.` },
    {
      id: 'Serverless-LambdaLatestVersion',
      reason: `${cdkOwned} its runtime moves with aws-cdk-lib upgrades.`,
    },
    {
      id: 'Serverless-LambdaDLQ',
      reason:
        `${cdkOwned} CloudFormation invokes it for the custom resource and fails the deployment when it ` +
        'errs, so a failure surfaces in the deployment, never in a queue.',
    },
    { id: 'Serverless-LambdaTracing', reason: `${cdkOwned} ${handler.tracing}` },
  );
}

/** A DynamoDB stream event source needs dynamodb:ListStreams, which has no resource-level permissions. */
export const streamListWildcard: WildcardAllowance = {
  reason:
    'The DynamoDB stream event source mapping needs dynamodb:ListStreams, which supports no resource-level ' +
    'permissions; reading the records (GetRecords, GetShardIterator, DescribeStream) is granted on the ' +
    "table's stream only.",
  covers: ({ actions, resources }) =>
    actions.every((action) => action === 'dynamodb:ListStreams') &&
    resources.every((resource) => resource === '*'),
};

/** X-Ray has no resource-level permissions: active tracing needs PutTraceSegments on `*`. */
export const xrayWildcard: WildcardAllowance = {
  reason:
    'Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level ' +
    'permissions, so IAM only accepts Resource "*" for them.',
  covers: ({ actions, resources }) =>
    actions.every((action) => action.startsWith('xray:')) && resources.every((resource) => resource === '*'),
};
