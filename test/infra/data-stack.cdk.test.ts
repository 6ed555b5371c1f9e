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
