import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimNames } from '../../shared/platform/auth';
import { roles } from '../../shared/platform/roles';
import { crmTable } from '../../shared/store/table';
import { type SynthesizedSeedCrm, synthSeedCrm } from './synth-seed-crm';

let crm: SynthesizedSeedCrm;
beforeAll(() => {
  crm = synthSeedCrm();
});

interface Resource {
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/**
 * The logical ids CloudFormation knows the stateful resources by: a new id means a new table, bucket or
 * pool (the retained old one orphaned), so moving or renaming their constructs must be a deliberate change.
 */
const pinnedResources = [
  'AuthGroupadmin7C6761D1 AWS::Cognito::UserPoolGroup',
  'AuthGroupmarketing42E9A682 AWS::Cognito::UserPoolGroup',
  'AuthGroupsales9F85A861 AWS::Cognito::UserPoolGroup',
  'AuthGroupsupportA3A0475B AWS::Cognito::UserPoolGroup',
  'AuthRiskConfiguration9882A496 AWS::Cognito::UserPoolRiskConfigurationAttachment',
  'AuthUserPool8115E87F AWS::Cognito::UserPool',
  'AuthUserPoolHostedUiAF35A5C3 AWS::Cognito::UserPoolDomain',
  'TableCD117FA1 AWS::DynamoDB::Table',
  'WebhookArchiveAccessLogs2C3D31BB AWS::S3::Bucket',
  'WebhookArchiveAccessLogsPolicy778E1A2A AWS::S3::BucketPolicy',
  'WebhookArchiveBucketCAA73931 AWS::S3::Bucket',
  'WebhookArchiveBucketPolicy30098168 AWS::S3::BucketPolicy',
];

/**
 * What the app stack imports from this one. CloudFormation refuses to remove an export a deployed stack
 * still imports, so the data stack cannot drop one before the app stack stops using it.
 */
// exports may be added (the team API's grant reads the user pool's ARN) but never removed while imported
const pinnedExports = [
  'seed-crm-dev-data:ExportsOutputFnGetAttAuthUserPool8115E87FArn0319CC0B',
  'seed-crm-dev-data:ExportsOutputFnGetAttTableCD117FA1ArnE2C8C204',
  'seed-crm-dev-data:ExportsOutputFnGetAttTableCD117FA1StreamArnB270E65B',
  'seed-crm-dev-data:ExportsOutputFnGetAttWebhookArchiveBucketCAA73931Arn76F1B5D9',
  'seed-crm-dev-data:ExportsOutputRefAuthUserPool8115E87F4F9C6D4C',
  'seed-crm-dev-data:ExportsOutputRefAuthUserPoolHostedUiAF35A5C34018B682',
  'seed-crm-dev-data:ExportsOutputRefTableCD117FA1D18A8047',
  'seed-crm-dev-data:ExportsOutputRefWebhookArchiveBucketCAA7393127A651E9',
];

describe('the data stack', () => {
  it('keeps the logical ids of its table, buckets and user pool', () => {
    const resources = crm.dataTemplate.toJSON().Resources as Record<string, { Type: string }>;
    expect(
      Object.entries(resources)
        .map(([id, resource]) => `${id} ${resource.Type}`)
        .sort(),
    ).toEqual(pinnedResources);
    expect(crm.resourceOf(crm.data.table).logicalId).toBe('TableCD117FA1');
    expect(crm.resourceOf(crm.data.userPool).logicalId).toBe('AuthUserPool8115E87F');
    expect(crm.resourceOf(crm.data.archiveBucket).logicalId).toBe('WebhookArchiveBucketCAA73931');
  });

  it('keeps the exports the app stack and its capability stacks import', () => {
    const outputs = crm.dataTemplate.toJSON().Outputs as Record<string, { Export?: { Name: string } }>;
    const exports = Object.values(outputs).flatMap((output) => (output.Export ? [output.Export.Name] : []));
    expect(exports.sort()).toEqual(pinnedExports);
  });
});

const only = (resources: Record<string, unknown>): Resource => {
  const all = Object.values(resources);
  expect(all).toHaveLength(1);
  return all[0] as Resource;
};

describe('the CRM table', () => {
  it('has the keys and indexes of shared/store/table.ts, each index projecting everything', () => {
    const indexes = Object.values(crmTable.indexes);
    const table = only(crm.dataTemplate.findResources('AWS::DynamoDB::Table'));
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: crmTable.partitionKey, KeyType: 'HASH' },
      { AttributeName: crmTable.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const keyAttributes = [
      crmTable.partitionKey,
      crmTable.sortKey,
      ...indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
    ];
    expect(table.Properties.AttributeDefinitions).toEqual(
      keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    );
  });

  it('is on demand, encrypted, recoverable, streamed, expires items by TTL and survives its stack', () => {
    const table = only(crm.dataTemplate.findResources('AWS::DynamoDB::Table'));
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: crmTable.timeToLiveAttribute, Enabled: true },
      DeletionProtectionEnabled: true,
    });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('the user pool', () => {
  it('has one group per role of shared/platform/roles.ts', () => {
    const groups = Object.values(crm.dataTemplate.findResources('AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...roles].sort());
  });

  it('carries the workspace as a custom attribute, the claim the API reads', () => {
    const pool = only(crm.dataTemplate.findResources('AWS::Cognito::UserPool'));
    expect(pool.Properties.Schema).toContainEqual(
      expect.objectContaining({
        Name: claimNames.workspaceId.replace('custom:', ''),
        AttributeDataType: 'String',
      }),
    );
  });

  it('takes invited users only, with a strong password policy, optional MFA and threat protection', () => {
    const pool = only(crm.dataTemplate.findResources('AWS::Cognito::UserPool'));
    expect(pool.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
    expect(pool.DeletionPolicy).toBe('Retain');
    crm.dataTemplate.hasResourceProperties('AWS::Cognito::UserPoolRiskConfigurationAttachment', {
      ClientId: 'ALL',
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
    });
  });

  it('has a hosted UI domain, and the stack outputs what the web app and operators need', () => {
    crm.dataTemplate.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    crm.dataTemplate.hasOutput('HostedUiDomain', {
      Value: { 'Fn::Join': ['', Match.arrayWith(['https://', '.amazoncognito.com'])] },
    });
    crm.dataTemplate.hasOutput('UserPoolId', Match.anyValue());
    crm.dataTemplate.hasOutput('TableName', Match.anyValue());
  });
});
