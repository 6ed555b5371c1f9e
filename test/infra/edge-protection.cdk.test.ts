import { beforeAll, describe, expect, it } from 'vitest';
import { defaultAnonymousThrottle, defaultThrottle } from '../../infra/constructs/crm-http-api';
import { edgeRegion, webAclArnParameterName, webAclLimits } from '../../infra/stacks/edge-stack';
import { formSubmitPathPrefix } from '../../shared/forms/form';
import { routeKeyOf } from '../../shared/platform/capability';
import { originVerifyHeader } from '../../shared/platform/http-handler';
import { registry } from '../../shared/registry/capability-registry';
import { type SynthesizedSeedCrm, synthSeedCrm, type TemplateResource } from './synth-seed-crm';

/**
 * What stands between an anonymous caller and the API (issue 14, item 3; decision 132): the web ACL in
 * us-east-1 on the CloudFront distribution, the secret origin header that closes the execute-api endpoint
 * to everyone else, and lower throttles on the public routes.
 */
let crm: SynthesizedSeedCrm;
beforeAll(() => {
  crm = synthSeedCrm();
});

const only = (type: string, template = crm.appTemplate): [string, TemplateResource] => {
  const found = Object.entries(template.findResources(type)) as [string, TemplateResource][];
  expect(found, type).toHaveLength(1);
  return found[0] as [string, TemplateResource];
};

interface Rule {
  Name: string;
  Action?: unknown;
  Statement: {
    RateBasedStatement?: { Limit: number; AggregateKeyType: string; ScopeDownStatement?: unknown };
    ManagedRuleGroupStatement?: { VendorName: string; Name: string };
  };
}

describe('the web ACL', () => {
  it('lives in a stack pinned to us-east-1, for CloudFront, with rate-based rules and AWS managed rules', () => {
    expect(crm.edge.region).toBe(edgeRegion);
    const [, acl] = only('AWS::WAFv2::WebACL', crm.edgeTemplate);
    expect(acl.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    const rules = acl.Properties.Rules as Rule[];
    const rateBased = rules.filter((rule) => rule.Statement.RateBasedStatement);
    expect(rateBased.map((rule) => [rule.Statement.RateBasedStatement?.Limit, rule.Action])).toEqual([
      [webAclLimits.perClient, { Block: {} }],
      [webAclLimits.formPostsPerClient, { Block: {} }],
    ]);
    expect(rateBased.every((rule) => rule.Statement.RateBasedStatement?.AggregateKeyType === 'IP')).toBe(
      true,
    );
    expect(JSON.stringify(rateBased[1]?.Statement.RateBasedStatement?.ScopeDownStatement)).toContain(
      formSubmitPathPrefix,
    );
    expect(rules.flatMap((rule) => rule.Statement.ManagedRuleGroupStatement?.Name ?? [])).toEqual(
      expect.arrayContaining(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']),
    );
  });

  it('is associated with the distribution through its ARN, read from SSM in us-east-1 while deploying', () => {
    const [parameterId, parameter] = only('AWS::SSM::Parameter', crm.edgeTemplate);
    expect(parameterId).toBeDefined();
    expect(parameter.Properties.Name).toBe(webAclArnParameterName('dev'));
    expect(JSON.stringify(parameter.Properties.Value)).toContain('WebAcl');

    const [readerId, reader] = only('Custom::AWS');
    const create = JSON.stringify(reader.Properties.Create);
    expect(create).toContain('"service\\":\\"SSM\\"');
    expect(create).toContain(`"region\\":\\"${edgeRegion}\\"`);
    expect(create).toContain(webAclArnParameterName('dev'));

    const [, distribution] = only('AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig as { WebACLId?: unknown };
    expect(config.WebACLId).toEqual({ 'Fn::GetAtt': [readerId, 'Parameter.Value'] });
    // the app stack is deployed after the edge stack that writes the parameter
    expect(crm.app.dependencies).toContain(crm.edge);
  });
});

describe('the origin header', () => {
  const dynamicReference = (value: unknown) => JSON.stringify(value);

  it('is a generated secret that CloudFront sends to the API by dynamic reference, never in plain text', () => {
    const [secretId, secret] = only('AWS::SecretsManager::Secret');
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48 });
    expect(secret.Properties).not.toHaveProperty('SecretString');
    const [, distribution] = only('AWS::CloudFront::Distribution');
    const origins = (
      distribution.Properties.DistributionConfig as {
        Origins: { Id: string; CustomOriginConfig?: unknown; OriginCustomHeaders?: unknown[] }[];
      }
    ).Origins;
    const api = origins.filter((origin) => origin.CustomOriginConfig);
    expect(api).toHaveLength(1);
    const headers = api[0]?.OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[];
    expect(headers.map((header) => header.HeaderName)).toEqual([originVerifyHeader]);
    const value = dynamicReference(headers[0]?.HeaderValue);
    expect(value).toContain('{{resolve:secretsmanager:');
    expect(value).toContain(secretId);
    // the S3 origin gets no secret
    expect(
      origins.filter((origin) => !origin.CustomOriginConfig).flatMap((o) => o.OriginCustomHeaders ?? []),
    ).toEqual([]);
  });

  it('is required by every API function (ORIGIN_VERIFY_SECRET from the same secret), and given to no other', () => {
    for (const fn of crm.app.functions) {
      const { stack, resource } = crm.resourceOf(fn.function);
      const variables = (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const value = variables.ORIGIN_VERIFY_SECRET;
      if (fn.spec.trigger.kind !== 'api') {
        expect(value, fn.spec.name).toBeUndefined();
        continue;
      }
      const joined = value as { 'Fn::Join': [string, unknown[]] };
      const parts = joined['Fn::Join'][1].map((part) => crm.resolveIn(stack, part));
      expect(dynamicReference(parts), fn.spec.name).toContain('{{resolve:secretsmanager:');
      expect(dynamicReference(parts), fn.spec.name).toContain(
        crm.resourceOf(crm.app.originVerifySecret).logicalId,
      );
    }
  });
});

describe('route throttles', () => {
  it('give every public route, and only those, lower limits than the stage default', () => {
    const [, stage] = only('AWS::ApiGatewayV2::Stage');
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: defaultThrottle.rateLimit,
      ThrottlingBurstLimit: defaultThrottle.burstLimit,
    });
    const settings = stage.Properties.RouteSettings as Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    >;
    const publicKeys = registry.routes.filter((route) => route.roles === 'public').map(routeKeyOf);
    expect(publicKeys).toContain('POST /api/webhooks/forms/{formId}');
    expect(Object.keys(settings).sort()).toEqual([...publicKeys].sort());
    for (const [key, limits] of Object.entries(settings)) {
      expect(limits, key).toEqual({
        ThrottlingRateLimit: defaultAnonymousThrottle.rateLimit,
        ThrottlingBurstLimit: defaultAnonymousThrottle.burstLimit,
      });
      expect(limits.ThrottlingRateLimit).toBeLessThan(defaultThrottle.rateLimit);
      expect(limits.ThrottlingBurstLimit).toBeLessThan(defaultThrottle.burstLimit);
    }
  });

  it('are set once the routes exist: the stage depends on the stacks of the capabilities with public routes', () => {
    const [stageId] = only('AWS::ApiGatewayV2::Stage');
    const dependsOn = (crm.appTemplate.toJSON() as { Resources: Record<string, { DependsOn?: string[] }> })
      .Resources[stageId]?.DependsOn;
    const withPublicRoutes = crm.app.capabilityStacks.filter((stack) =>
      stack.functions.some(
        (fn) =>
          fn.spec.trigger.kind === 'api' && fn.spec.trigger.routes.some((route) => route.roles === 'public'),
      ),
    );
    expect(withPublicRoutes.length).toBeGreaterThan(0);
    for (const stack of withPublicRoutes)
      expect(dependsOn, stack.node.id).toContain(
        crm.resourceOf(stack.nestedStackResource as never).logicalId,
      );
  });
});
