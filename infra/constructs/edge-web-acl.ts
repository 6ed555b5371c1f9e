import { Stack } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { edgeRegion } from '../stacks/edge-stack';
import { acknowledgeCdkOwnedHandler } from './nag';

export interface EdgeWebAclProps {
  /** The SSM parameter (in us-east-1) where the edge stack left the web ACL's ARN. */
  parameterName: string;
}

/**
 * The ARN of the edge stack's web ACL, read at deploy time from its SSM parameter in us-east-1 (an SDK
 * call by CDK's AwsCustomResource): the app stack stays environment-agnostic, and CloudFormation's own
 * cross-stack references do not cross regions (decision 132).
 */
export class EdgeWebAcl extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: EdgeWebAclProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const parameterArn = stack.formatArn({
      service: 'ssm',
      region: edgeRegion,
      resource: 'parameter',
      // the name starts with a slash already
      resourceName: props.parameterName.slice(1),
    });
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Seed CRM: reads the web ACL ARN of the edge stack (CDK AwsCustomResource handler)',
    });
    logGroup.grantWrite(role);
    const getParameter = {
      service: 'SSM',
      action: 'getParameter',
      region: edgeRegion,
      parameters: { Name: props.parameterName },
      physicalResourceId: PhysicalResourceId.of(props.parameterName),
    };
    const reader = new AwsCustomResource(this, 'Reader', {
      onCreate: getParameter,
      onUpdate: getParameter,
      policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: [parameterArn] }),
      role,
      logGroup,
      installLatestAwsSdk: false,
      memorySize: 256,
    });
    this.arn = reader.getResponseField('Parameter.Value');

    acknowledgeCdkOwnedHandler(this, {
      idPrefix: 'AWS679f53fac002430cb0da5b7982bd2287',
      name: 'AwsCustomResource',
      tracing:
        'it makes one SSM call per deployment and logs to its own log group; traces would add nothing.',
    });
  }
}
