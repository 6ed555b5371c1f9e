import { runInNewContext } from 'node:vm';
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { beforeAll, describe, expect, it } from 'vitest';
import { functions, httpFunctions, routeKeyOf } from '../../functions/manifest';
import type { CrmFunction } from '../../infra/constructs/crm-function';
import { functionDefaults } from '../../infra/constructs/crm-function';
import { accessLogFields } from '../../infra/constructs/crm-http-api';
import { spaAuthPaths } from '../../infra/constructs/web-hosting';
import { spaRewriteCode } from '../../infra/spa-routes';
import { claimNames } from '../../shared/platform/auth';
import { type SynthesizedSeedCrm, synthSeedCrm } from './synth-seed-crm';

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

let crm: SynthesizedSeedCrm;
let resources: Record<string, Resource>;
beforeAll(() => {
  crm = synthSeedCrm();
  resources = crm.appTemplate.toJSON().Resources;
});

const idOf = (element: unknown) => crm.app.getLogicalId(element as CfnElement);
/** The properties of the resource a construct synthesized to. */
const propertiesOf = (element: unknown): Record<string, unknown> => {
  const resource = resources[idOf(element)];
  if (!resource) throw new Error(`no resource ${idOf(element)}`);
  return resource.Properties;
};
const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const crmFunction = (name: string): CrmFunction => {
  const fn = crm.app.functions.find((candidate) => candidate.spec.name === name);
  if (!fn) throw new Error(`no CrmFunction ${name}`);
  return fn;
};
const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every statement of the policies attached to a function's role. */
function statementsOf(fn: CrmFunction): Statement[] {
  const role = { Ref: idOf(fn.role.node.defaultChild) };
  return ofType('AWS::IAM::Policy')
    .filter(([, policy]) =>
      (policy.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify(role)),
    )
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

describe('the HTTP API', () => {
  it('has exactly one route per http function of the manifest, each integrated with its own function', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route');
    expect(routes.map(([, route]) => route.Properties.RouteKey).sort()).toEqual(
      httpFunctions.map((fn) => routeKeyOf(fn.trigger)).sort(),
    );
    // The local cloud's token issuer (POST /api/local/token) is not in the manifest and never deployed.
    expect(routes.filter(([, route]) => String(route.Properties.RouteKey).includes('/api/local/'))).toEqual(
      [],
    );
    for (const spec of httpFunctions) {
      const [, route] = routes.find(([, r]) => r.Properties.RouteKey === routeKeyOf(spec.trigger)) ?? [];
      const target = JSON.stringify(route?.Properties.Target);
      const [integrationId] =
        ofType('AWS::ApiGatewayV2::Integration').find(([id]) => target.includes(id)) ?? [];
      expect(integrationId, spec.name).toBeDefined();
      expect(resources[integrationId as string]?.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [idOf(crmFunction(spec.name).function.node.defaultChild), 'Arn'] },
      });
    }
  });

  it("sends 'jwt' routes through the Cognito authorizer and leaves 'none' routes public", () => {
    const [[authorizerId]] = ofType('AWS::ApiGatewayV2::Authorizer') as [[string, Resource]];
    for (const spec of httpFunctions) {
      const [, route] = ofType('AWS::ApiGatewayV2::Route').find(
        ([, r]) => r.Properties.RouteKey === routeKeyOf(spec.trigger),
      ) as [string, Resource];
      if (spec.trigger.auth === 'jwt') {
        expect(route.Properties, spec.name).toMatchObject({
          AuthorizationType: 'JWT',
          AuthorizerId: { Ref: authorizerId },
        });
      } else {
        expect(route.Properties.AuthorizationType, spec.name).toBe('NONE');
        expect(route.Properties.AuthorizerId, spec.name).toBeUndefined();
      }
    }
  });

  it('verifies ID tokens of the SPA client issued by the user pool', () => {
    crm.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: idOf(crm.app.userPoolClient.node.defaultChild) }],
        Issuer: {
          'Fn::Join': [
            '',
            Match.arrayWith([
              'https://cognito-idp.',
              Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('UserPool') }),
            ]),
          ],
        },
      },
    });
  });

  it('has a throttled $default stage writing JSON access logs', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: expect.any(Number),
        ThrottlingBurstLimit: expect.any(Number),
      },
    });
    const format = (stage.Properties.AccessLogSettings as { Format: string }).Format;
    expect(JSON.parse(format)).toEqual(accessLogFields);
    expect(format).toContain('$context.requestId');
  });
});

describe('the functions', () => {
  it('are one per manifest entry, on Node.js 22 and arm64, with the manifest timeout and memory', () => {
    expect(crm.app.functions.map((fn) => fn.spec.name).sort()).toEqual(functions.map((fn) => fn.name).sort());
    for (const fn of crm.app.functions) {
      const { spec } = fn;
      const props = propertiesOf(fn.function.node.defaultChild);
      expect(props, spec.name).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Timeout: spec.timeoutSeconds ?? functionDefaults.timeoutSeconds,
        MemorySize: spec.memoryMb ?? functionDefaults.memoryMb,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: idOf(fn.logGroup.node.defaultChild) } },
      });
      const variables = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(variables.TABLE_NAME !== undefined, spec.name).toBe(spec.access.table !== undefined);
    }
  });

  it('keep their logs for a bounded time', () => {
    for (const fn of crm.app.functions) {
      expect(propertiesOf(fn.logGroup.node.defaultChild).RetentionInDays).toBeGreaterThan(0);
    }
  });

  it('get exactly the table access their manifest entry declares, and nothing else', () => {
    for (const fn of crm.app.functions) {
      const statements = statementsOf(fn);
      const actions = statements.flatMap((statement) => asArray(statement.Action));
      const dynamodb = actions.filter((action) => action.startsWith('dynamodb:'));
      switch (fn.spec.access.table) {
        case 'read':
          expect(dynamodb, fn.spec.name).toEqual(
            expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']),
          );
          for (const write of writeActions) expect(dynamodb, fn.spec.name).not.toContain(write);
          break;
        case 'readWrite':
          expect(dynamodb, fn.spec.name).toEqual(
            expect.arrayContaining(['dynamodb:GetItem', ...writeActions]),
          );
          break;
        case undefined:
          // a stream-triggered function reads the stream and nothing else of the table
          expect(new Set(dynamodb), fn.spec.name).toEqual(
            new Set(
              fn.spec.trigger.kind === 'stream'
                ? [
                    'dynamodb:DescribeStream',
                    'dynamodb:GetRecords',
                    'dynamodb:GetShardIterator',
                    'dynamodb:ListStreams',
                  ]
                : [],
            ),
          );
          break;
      }
      // Besides the table: its own log group, X-Ray (the one service that needs Resource "*"), and what
      // its manifest entry and trigger add: publishing on the bus, its dead-letter queue.
      const others = actions.filter((action) => !action.startsWith('dynamodb:'));
      expect(new Set(others), fn.spec.name).toEqual(
        new Set([
          'logs:CreateLogStream',
          'logs:PutLogEvents',
          'xray:PutTraceSegments',
          'xray:PutTelemetryRecords',
          ...(fn.spec.access.eventBus ? ['events:PutEvents'] : []),
          ...(fn.spec.access.ses ? ['ses:SendEmail'] : []),
          ...(fn.spec.access.archive
            ? [fn.spec.access.archive === 'write' ? 's3:PutObject' : 's3:GetObject']
            : []),
          ...(['event', 'schedule', 'stream'].includes(fn.spec.trigger.kind) ? ['sqs:SendMessage'] : []),
          // the stream mapping's on-failure destination also looks the queue up
          ...(fn.spec.trigger.kind === 'stream' ? ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl'] : []),
        ]),
      );
      for (const statement of statements.filter((s) => asArray(s.Resource).includes('*'))) {
        expect(
          asArray(statement.Action).every(
            (action) => action.startsWith('xray:') || action === 'dynamodb:ListStreams',
          ),
          fn.spec.name,
        ).toBe(true);
      }
      expect(propertiesOf(fn.role.node.defaultChild).ManagedPolicyArns, fn.spec.name).toBeUndefined();
    }
  });
});

describe('the SPA client', () => {
  it('uses the code flow without a secret and returns to the distribution', () => {
    const distribution = idOf(crm.app.web.distribution.node.defaultChild);
    const onDistribution = (path: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, path]],
    });
    crm.appTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayWith(['openid', 'email']),
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      CallbackURLs: [onDistribution(spaAuthPaths.callback)],
      LogoutURLs: [onDistribution(spaAuthPaths.signOut)],
    });
  });

  it('may read the workspace claim but never write it', () => {
    const [[, client]] = ofType('AWS::Cognito::UserPoolClient') as [[string, Resource]];
    expect(client.Properties.ReadAttributes).toContain(claimNames.workspaceId);
    expect(client.Properties.WriteAttributes).toBeDefined();
    expect(client.Properties.WriteAttributes).not.toContain(claimNames.workspaceId);
  });
});

describe('web hosting', () => {
  const distributionConfig = () => {
    const [[, distribution]] = ofType('AWS::CloudFront::Distribution') as [[string, Resource]];
    return distribution.Properties.DistributionConfig as {
      DefaultCacheBehavior: Record<string, unknown>;
      CacheBehaviors: Record<string, unknown>[];
      Origins: {
        Id: string;
        DomainName: unknown;
        OriginAccessControlId?: unknown;
        CustomOriginConfig?: unknown;
      }[];
      Logging?: unknown;
    };
  };

  it('passes /api/* to the HTTP API uncached, with every viewer header but Host and every method', () => {
    const config = distributionConfig();
    const api = config.CacheBehaviors.find((behavior) => behavior.PathPattern === '/api/*');
    expect(api).toMatchObject({
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS']),
      ViewerProtocolPolicy: 'https-only',
    });
    const origin = config.Origins.find((candidate) => candidate.Id === api?.TargetOriginId);
    expect(JSON.stringify(origin?.DomainName)).toContain(idOf(crm.app.api.api.node.defaultChild));
    expect(origin?.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
  });

  it('serves the site bucket through Origin Access Control, with the SPA rewrite and security headers', () => {
    const config = distributionConfig();
    const site = idOf(crm.app.web.siteBucket.node.defaultChild);
    const origin = config.Origins.find(
      (candidate) => candidate.Id === config.DefaultCacheBehavior.TargetOriginId,
    );
    expect(origin?.DomainName).toEqual({ 'Fn::GetAtt': [site, 'RegionalDomainName'] });
    expect(origin?.OriginAccessControlId).toBeDefined();
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      ResponseHeadersPolicyId: { Ref: idOf(crm.app.web.headers.node.defaultChild) },
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
    });
    for (const behavior of config.CacheBehaviors) expect(behavior.ResponseHeadersPolicyId).toBeDefined();
    expect(config.Logging).toBeDefined();
    crm.appTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: site },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('keeps the site bucket private, TLS-only and logged', () => {
    expect(propertiesOf(crm.app.web.siteBucket.node.defaultChild)).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: idOf(crm.app.web.logBucket.node.defaultChild) } },
    });
    const site = idOf(crm.app.web.siteBucket.node.defaultChild);
    const logs = idOf(crm.app.web.logBucket.node.defaultChild);
    for (const bucket of [site, logs]) {
      crm.appTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucket },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
    // Log delivery by bucket policy for that one source bucket, not by the legacy LogDeliveryWrite ACL.
    expect(propertiesOf(crm.app.web.logBucket.node.defaultChild).AccessControl).toBeUndefined();
    crm.appTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logs },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [site, 'Arn'] } } }),
          }),
        ]),
      },
    });
  });

  it('sends HSTS, a CSP for the SPA and Cognito, DENY framing, nosniff and a referrer policy', () => {
    const { ResponseHeadersPolicyConfig } = propertiesOf(crm.app.web.headers.node.defaultChild);
    const config = (ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, unknown> })
      .SecurityHeadersConfig;
    expect(config).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: expect.any(Number), Override: true },
      FrameOptions: { FrameOption: 'DENY' },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin' },
    });
    const csp = JSON.stringify(config.ContentSecurityPolicy);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "frame-ancestors 'none'",
      "connect-src 'self' https://",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).toContain('.amazoncognito.com');
  });

  it('rewrites client-side routes to /index.html and leaves files alone', () => {
    const handler = runInNewContext(`${spaRewriteCode}\nhandler`) as (event: {
      request: { uri: string };
    }) => {
      uri: string;
    };
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/contacts')).toBe('/index.html');
    expect(rewrite('/contacts/01HZX3')).toBe('/index.html');
    expect(rewrite(spaAuthPaths.callback)).toBe('/index.html');
    expect(rewrite('/assets/index-3f2a.js')).toBe('/assets/index-3f2a.js');
    expect(rewrite('/config.json')).toBe('/config.json');
    expect(rewrite('/favicon.ico')).toBe('/favicon.ico');
    expect(rewrite('/assets/index-3f2a.js.map')).toBe('/assets/index-3f2a.js.map');
    // ids with a dot in them (a form is <workspace>.<ulid>) are routes, not files
    expect(rewrite('/settings/forms/acme.01HZX3K4M5N6P7Q8R9S0T1V2W3')).toBe('/index.html');
    expect(rewrite('/settings/shops/acme.01HZX3K4M5N6P7Q8R9S0T1V2W3')).toBe('/index.html');
  });

  it('deploys nothing while the web app is not built', () => {
    crm.appTemplate.resourceCountIs('Custom::CDKBucketDeployment', 0);
  });
});

describe('outputs', () => {
  it('give the API URL, web URL, user pool, client and hosted UI domain', () => {
    for (const name of ['ApiUrl', 'WebUrl', 'UserPoolId', 'UserPoolClientId', 'HostedUiDomain']) {
      crm.appTemplate.hasOutput(name, Match.anyValue());
    }
  });
});
