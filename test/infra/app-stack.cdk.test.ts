import { runInNewContext } from 'node:vm';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionDefaults, userPoolManageActions } from '../../infra/constructs/crm-function';
import { accessLogFields } from '../../infra/constructs/crm-http-api';
import { spaAuthPaths } from '../../infra/constructs/web-hosting';
import { spaRewriteCode } from '../../infra/spa-routes';
import { claimNames } from '../../shared/platform/auth';
import { apiFunctionName, routeKeyOf } from '../../shared/platform/capability';
import { registry } from '../../shared/registry/capability-registry';
import {
  capabilityStackId,
  type FoundResource,
  type SynthesizedSeedCrm,
  synthSeedCrm,
  type TemplateResource,
} from './synth-seed-crm';

let crm: SynthesizedSeedCrm;
beforeAll(() => {
  crm = synthSeedCrm();
});

/** The logical id of what a construct synthesized to, in its own stack. */
const idOf = (construct: unknown) => crm.resourceOf(construct as IConstruct).logicalId;
/** The properties of the resource a construct synthesized to. */
const propertiesOf = (construct: unknown): Record<string, unknown> =>
  crm.resourceOf(construct as IConstruct).resource.Properties;
/** Every resource of a type, in any template, as [logical id, resource]. */
const ofType = (type: string): [string, TemplateResource][] =>
  crm.ofType(type).map(({ logicalId, resource }) => [logicalId, resource]);
const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

const routeResource = (routeKey: string): FoundResource => {
  const found = crm
    .ofType('AWS::ApiGatewayV2::Route')
    .filter((r) => r.resource.Properties.RouteKey === routeKey);
  expect(found, routeKey).toHaveLength(1);
  return found[0] as FoundResource;
};

describe('the HTTP API', () => {
  it('has exactly one route per route of the registry, nothing of the local cloud', () => {
    const routeKeys = crm.ofType('AWS::ApiGatewayV2::Route').map((r) => r.resource.Properties.RouteKey);
    expect(routeKeys.sort()).toEqual(registry.routes.map(routeKeyOf).sort());
    // The local cloud's token issuer (POST /api/local/token) is not in the registry and never deployed.
    expect(routeKeys.filter((key) => String(key).includes('/api/local/'))).toEqual([]);
  });

  it("puts each route in its capability's stack, integrated with that capability's API function", () => {
    const api = { Ref: idOf(crm.app.api.api) };
    for (const route of registry.routes) {
      const where = `${route.capability} ${routeKeyOf(route)}`;
      const fn = crm.functionNamed(route.functionName);
      const { stack, resource } = routeResource(routeKeyOf(route));
      expect(stack.node.id, where).toBe(capabilityStackId(route.capability));
      expect(Stack.of(fn).node.id, where).toBe(capabilityStackId(route.capability));
      expect(crm.resolveIn(stack, resource.Properties.ApiId), where).toEqual(api);
      const target = resource.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
      const [prefix, integrationRef] = target['Fn::Join'][1];
      expect(prefix, where).toBe('integrations/');
      const integration = crm
        .ofType('AWS::ApiGatewayV2::Integration')
        .find((candidate) => candidate.stack === stack && candidate.logicalId === integrationRef.Ref);
      expect(integration, where).toBeDefined();
      expect(integration?.resource.Properties, where).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [idOf(fn.function), 'Arn'] },
      });
      expect(crm.resolveIn(stack, integration?.resource.Properties.ApiId), where).toEqual(api);
    }
  });

  it('lets the HTTP API invoke each API function, on this API only', () => {
    for (const spec of registry.apiFunctions) {
      const fn = crm.functionNamed(spec.name);
      const { stack } = crm.resourceOf(fn.function);
      // a stack may hold more than one API function (apiParts): each has its own permission
      const permissions = crm
        .ofType('AWS::Lambda::Permission')
        .filter(
          (p) =>
            p.stack === stack &&
            p.resource.Properties.Principal === 'apigateway.amazonaws.com' &&
            JSON.stringify(p.resource.Properties.FunctionName) ===
              JSON.stringify({ 'Fn::GetAtt': [idOf(fn.function), 'Arn'] }),
        );
      expect(permissions, spec.name).toHaveLength(1);
      const { Properties } = (permissions[0] as FoundResource).resource;
      const [, parts] = (Properties.SourceArn as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
      expect(
        parts.slice(-2).map((part) => crm.resolveIn(stack, part)),
        spec.name,
      ).toEqual([{ Ref: idOf(crm.app.api.api) }, '/*/*']);
      expect(JSON.stringify(parts), spec.name).toContain(':execute-api:');
    }
  });

  it('sends routes with roles through the one Cognito authorizer and leaves public routes without', () => {
    const authorizers = crm.ofType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers.map(({ stack }) => stack)).toEqual([crm.app]);
    const authorizer = { Ref: (authorizers[0] as FoundResource).logicalId };
    expect(registry.routes.filter((route) => route.roles === 'public').length).toBeGreaterThan(0);
    expect(registry.routes.filter((route) => route.roles !== 'public').length).toBeGreaterThan(0);
    for (const route of registry.routes) {
      const { stack, resource } = routeResource(routeKeyOf(route));
      if (route.roles === 'public') {
        expect(resource.Properties.AuthorizationType, route.name).toBe('NONE');
        expect(resource.Properties.AuthorizerId, route.name).toBeUndefined();
      } else {
        expect(resource.Properties.AuthorizationType, route.name).toBe('JWT');
        expect(crm.resolveIn(stack, resource.Properties.AuthorizerId), route.name).toEqual(authorizer);
      }
    }
  });

  it('verifies ID tokens of the SPA client issued by the user pool', () => {
    crm.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: idOf(crm.app.userPoolClient) }],
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
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, TemplateResource]];
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

describe('the capability stacks', () => {
  it('are one nested stack per capability, each holding exactly the functions its capability declares', () => {
    expect(crm.app.capabilityStacks.map((stack) => stack.node.id)).toEqual(
      registry.capabilities.map((capability) => capabilityStackId(capability.name)),
    );
    for (const capability of registry.capabilities) {
      const stack = crm.app.capabilityStacks.find((s) => s.node.id === capabilityStackId(capability.name));
      expect(
        stack?.functions.map((fn) => fn.spec.name),
        capability.name,
      ).toEqual(capability.functions.map((fn) => fn.name));
    }
    // the function names the docs, the logs and the local cloud use
    expect(registry.apiFunctions.map((fn) => fn.name)).toEqual(
      registry.capabilities.flatMap((capability) => [
        ...(Object.keys(capability.routes ?? {}).length > 0 ? [apiFunctionName(capability.name)] : []),
        ...(capability.apiParts ?? []).map((part) => part.name),
      ]),
    );
    expect(registry.apiFunctions.map((fn) => fn.name)).toEqual(
      expect.arrayContaining([
        'ContactsApi',
        'ShopsApi',
        'HealthApi',
        'ApiDocsApi',
        'DealsApi',
        'PipelinesApi',
      ]),
    );
  });

  it('keep the API, its authorizer, the bus, the alarm topic, the client and CloudFront in the app stack', () => {
    for (const type of [
      'AWS::ApiGatewayV2::Api',
      'AWS::ApiGatewayV2::Stage',
      'AWS::ApiGatewayV2::Authorizer',
      'AWS::Events::EventBus',
      'AWS::SNS::Topic',
      'AWS::Cognito::UserPoolClient',
      'AWS::CloudFront::Distribution',
    ]) {
      expect(
        crm.ofType(type).map(({ stack }) => stack.node.id),
        type,
      ).toEqual([crm.app.node.id]);
    }
    crm.appTemplate.resourceCountIs('AWS::CloudFormation::Stack', registry.capabilities.length);
    // no function of its own but CDK's handler that reads the web ACL's ARN in us-east-1 while deploying
    expect(Object.keys(crm.appTemplate.findResources('AWS::Lambda::Function'))).toEqual([
      expect.stringMatching(/^AWS679f53fac002430cb0da5b7982bd2287/),
    ]);
  });
});

describe('the functions', () => {
  it('are one per function of the registry, on Node.js 22 and arm64, with the declared timeout and memory', () => {
    expect(crm.app.functions.map((fn) => fn.spec.name).sort()).toEqual(
      registry.functions.map((fn) => fn.name).sort(),
    );
    for (const fn of crm.app.functions) {
      const { spec } = fn;
      const props = propertiesOf(fn.function);
      expect(props, spec.name).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Timeout: spec.timeoutSeconds ?? functionDefaults.timeoutSeconds,
        MemorySize: spec.memoryMb ?? functionDefaults.memoryMb,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: idOf(fn.logGroup) } },
      });
      const variables = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(variables.TABLE_NAME !== undefined, spec.name).toBe(spec.access.table !== undefined);
      expect(variables.USER_POOL_ID !== undefined, spec.name).toBe(spec.access.userPool !== undefined);
    }
  });

  it('administer the users of the one user pool only when their capability says so (the team)', () => {
    const managers = crm.app.functions.filter((fn) => fn.spec.access.userPool === 'manage');
    expect(managers.map((fn) => fn.spec.name)).toEqual(['TeamApi']);
    for (const fn of crm.app.functions) {
      const cognito = crm
        .statementsOf(fn)
        .filter((statement) => asArray(statement.Action).some((action) => action.startsWith('cognito-idp:')));
      if (fn.spec.access.userPool !== 'manage') {
        expect(cognito, fn.spec.name).toEqual([]);
        continue;
      }
      expect(cognito.flatMap((statement) => asArray(statement.Action)).sort()).toEqual(
        [...userPoolManageActions].sort(),
      );
      // the pool's ARN, never a wildcard
      for (const statement of cognito) expect(asArray(statement.Resource)).not.toContain('*');
    }
  });

  it('keep their logs for a bounded time', () => {
    for (const fn of crm.app.functions) {
      expect(propertiesOf(fn.logGroup).RetentionInDays, fn.spec.name).toBe(functionDefaults.logRetention);
    }
  });

  it('get exactly the table access their capability declares, and nothing else', () => {
    for (const fn of crm.app.functions) {
      const statements = crm.statementsOf(fn);
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
      const archiveActions = {
        write: ['s3:PutObject'],
        read: ['s3:GetObject'],
        // erasure deletes every version of an archived delivery, finding them under webhooks/ only
        erase: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:ListBucketVersions'],
      };
      // Besides the table: its own log group, X-Ray (the one service that needs Resource "*"), and what
      // its capability and trigger add: publishing on the bus, mail, the archive, its dead-letter queue.
      const others = actions.filter((action) => !action.startsWith('dynamodb:'));
      expect(new Set(others), fn.spec.name).toEqual(
        new Set([
          'logs:CreateLogStream',
          'logs:PutLogEvents',
          'xray:PutTraceSegments',
          'xray:PutTelemetryRecords',
          ...(fn.spec.access.eventBus ? ['events:PutEvents'] : []),
          ...(fn.spec.access.ses === 'send' ? ['ses:SendEmail'] : []),
          ...(fn.spec.access.archive ? archiveActions[fn.spec.access.archive] : []),
          ...(fn.spec.access.userPool ? userPoolManageActions : []),
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
      expect(propertiesOf(fn.role).ManagedPolicyArns, fn.spec.name).toBeUndefined();
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
    const [[, client]] = ofType('AWS::Cognito::UserPoolClient') as [[string, TemplateResource]];
    expect(client.Properties.ReadAttributes).toContain(claimNames.workspaceId);
    expect(client.Properties.WriteAttributes).toBeDefined();
    expect(client.Properties.WriteAttributes).not.toContain(claimNames.workspaceId);
  });
});

describe('web hosting', () => {
  const distributionConfig = () => {
    const [[, distribution]] = ofType('AWS::CloudFront::Distribution') as [[string, TemplateResource]];
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
  it('give the API URL, web URL, user pool, client, hosted UI domain, bus and alarm topic', () => {
    for (const name of [
      'ApiUrl',
      'WebUrl',
      'UserPoolId',
      'UserPoolClientId',
      'HostedUiDomain',
      'EventBusName',
      'AlarmTopicArn',
    ]) {
      crm.appTemplate.hasOutput(name, Match.anyValue());
    }
  });
});
