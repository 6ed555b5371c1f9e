import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { formSubmitPathPrefix } from '../../shared/forms/form';

/** CloudFront takes web ACLs from us-east-1 only, wherever the rest of the app runs. */
export const edgeRegion = 'us-east-1';

/** Where the edge stack leaves its web ACL's ARN (in us-east-1) for the app stack to read. */
export const webAclArnParameterName = (stage: string) => `/seed-crm/${stage}/edge/web-acl-arn`;

/** Requests per client address (IP) in any 5 minutes that the web ACL lets through. */
export const webAclLimits = {
  /** Everything: the web app's files (cached ones too: WAF sees every request) and the API. */
  perClient: 2000,
  /** Form posts (`POST /api/webhooks/forms/...`): a person sends one or two. */
  formPostsPerClient: 100,
} as const;

export interface EdgeStackProps extends StackProps {
  stage: string;
}

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

function managedRuleGroup(name: string, priority: number, overrides: string[] = []): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ...(overrides.length
          ? { ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
          : {}),
      },
    },
    visibilityConfig: visibility(name),
  };
}

/**
 * What must live in us-east-1 (decision 132): the web ACL of the CloudFront distribution. Rate-based
 * rules per client address (everything, and form posts tighter), AWS's IP reputation list, common rule
 * set and known bad inputs. Its ARN goes to an SSM parameter, which the app stack reads at deploy time in
 * whatever region it runs in, so both stay deployable from one `cdk deploy --all`.
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;
  readonly webAclArnParameter: StringParameter;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: edgeRegion } });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `seed-crm-${props.stage}`,
      description: 'Seed CRM: rate limits per client and AWS managed rules, in front of the web app and /api',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`seed-crm-${props.stage}`),
      rules: [
        {
          name: 'RateLimitPerClient',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: webAclLimits.perClient,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
            },
          },
          visibilityConfig: visibility('RateLimitPerClient'),
        },
        {
          name: 'RateLimitFormPostsPerClient',
          priority: 1,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: webAclLimits.formPostsPerClient,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                andStatement: {
                  statements: [
                    {
                      byteMatchStatement: {
                        fieldToMatch: { method: {} },
                        positionalConstraint: 'EXACTLY',
                        searchString: 'POST',
                        textTransformations: [{ priority: 0, type: 'NONE' }],
                      },
                    },
                    {
                      byteMatchStatement: {
                        fieldToMatch: { uriPath: {} },
                        positionalConstraint: 'STARTS_WITH',
                        searchString: formSubmitPathPrefix,
                        textTransformations: [{ priority: 0, type: 'NONE' }],
                      },
                    },
                  ],
                },
              },
            },
          },
          visibilityConfig: visibility('RateLimitFormPostsPerClient'),
        },
        managedRuleGroup('AWSManagedRulesAmazonIpReputationList', 2),
        // shop webhooks and form posts may carry bodies up to the API's 256 KB: the set's 8 KB cap only counts
        managedRuleGroup('AWSManagedRulesCommonRuleSet', 3, ['SizeRestrictions_BODY']),
        managedRuleGroup('AWSManagedRulesKnownBadInputsRuleSet', 4),
      ],
    });
    this.webAclArnParameter = new StringParameter(this, 'WebAclArn', {
      parameterName: webAclArnParameterName(props.stage),
      stringValue: this.webAcl.attrArn,
      description: 'The web ACL of the Seed CRM CloudFront distribution (read by the app stack)',
    });
    new CfnOutput(this, 'WebAclArnOutput', {
      value: this.webAcl.attrArn,
      description: 'The CloudFront web ACL',
    });
  }
}
