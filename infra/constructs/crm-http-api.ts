import { Lazy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnIntegration,
  CfnRoute,
  type CfnStage,
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  type HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type NamedRoute, routeKeyOf } from '../../shared/platform/capability';

/** One JSON object per request, with the HTTP API's own context variables (not the REST API's). */
export const accessLogFields = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  httpMethod: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  userId: '$context.authorizer.claims.sub',
} as const;

export interface CrmHttpApiProps {
  /** Default limits of each route of the stage; the default suits a small team. */
  throttle?: Required<ThrottleSettings>;
  /** Lower limits of each public route (no token): anonymous callers cannot use up what users need. */
  anonymousThrottle?: Required<ThrottleSettings>;
}

export const defaultThrottle = { rateLimit: 50, burstLimit: 100 } as const;
/** Form posts, confirmation links and shop webhooks: far below what a signed-in team does. */
export const defaultAnonymousThrottle = { rateLimit: 10, burstLimit: 20 } as const;

/**
 * The HTTP API: a `$default` stage with JSON access logs and throttling, and one Cognito JWT authorizer
 * that verifies ID tokens of the SPA client (issuer and audience), which is where `custom:workspaceId`
 * and `cognito:groups` come from. The authorizer is set after construction because its audience (the
 * SPA client) needs the distribution that proxies to this API.
 */
export class CrmHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  private authorizer: HttpAuthorizer | undefined;
  /** The public route keys, each given the anonymous limits in the stage's route settings. */
  private readonly anonymousRouteKeys: string[] = [];

  constructor(scope: Construct, id: string, props: CrmHttpApiProps = {}) {
    super(scope, id);
    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Seed CRM API',
      // The stage below is the default one, created explicitly to give it logs and throttling.
      createDefaultStage: false,
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? defaultThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });
    const anonymous = props.anonymousThrottle ?? defaultAnonymousThrottle;
    // route settings name routes that the capability stacks add later (addFunctionRoutes)
    (this.stage.node.defaultChild as CfnStage).routeSettings = Lazy.any({
      produce: () =>
        this.anonymousRouteKeys.length === 0
          ? undefined
          : Object.fromEntries(
              this.anonymousRouteKeys.map((routeKey) => [
                routeKey,
                // a JSON property: CloudFormation's own names, as CDK passes it through unchanged
                { ThrottlingRateLimit: anonymous.rateLimit, ThrottlingBurstLimit: anonymous.burstLimit },
              ]),
            ),
    });
  }

  /** `jwt` routes accept ID tokens issued by this pool to this client. */
  authorizeWithCognito(userPool: IUserPool, client: IUserPoolClient): void {
    const stack = Stack.of(this);
    // created here, once, so routes in every capability's stack refer to the same authorizer
    this.authorizer = new HttpAuthorizer(this, 'CognitoJwt', {
      httpApi: this.api,
      type: HttpAuthorizerType.JWT,
      jwtIssuer: `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${userPool.userPoolId}`,
      jwtAudience: [client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });
  }

  /** The execute-api host name, for origins that proxy to this API (CloudFront). */
  get domainName(): string {
    const stack = Stack.of(this);
    return `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }

  /**
   * A capability's API function behind its routes, created in `scope` (the capability's stack): one
   * integration and one invoke permission for the function, then one resource per route. Routes with roles
   * go through the JWT authorizer; public routes do not (each is acknowledged with its reason).
   */
  addFunctionRoutes(scope: Construct, handler: IFunction, routes: readonly NamedRoute[]): CfnRoute[] {
    const authorizer = this.authorizer;
    if (!authorizer && routes.some((route) => route.roles !== 'public')) {
      throw new Error('routes with roles need the JWT authorizer: call authorizeWithCognito first');
    }
    const stack = Stack.of(scope);
    const integration = new CfnIntegration(scope, 'Integration', {
      apiId: this.api.apiId,
      integrationType: 'AWS_PROXY',
      integrationUri: handler.functionArn,
      payloadFormatVersion: '2.0',
    });
    handler.addPermission('InvokeFromApi', {
      principal: new ServicePrincipal('apigateway.amazonaws.com'),
      // any stage and route of this API: the function answers only its own route keys (else 404)
      sourceArn: stack.formatArn({ service: 'execute-api', resource: this.api.apiId, resourceName: '*/*' }),
      scope,
    });
    const publicRoutes = routes.filter((route) => route.roles === 'public');
    if (publicRoutes.length > 0) {
      this.anonymousRouteKeys.push(...publicRoutes.map(routeKeyOf));
      // API Gateway refuses route settings for a route that does not exist yet
      this.stage.node.addDependency(scope);
    }
    return routes.map((route) => {
      const cfnRoute = new CfnRoute(scope, `${route.name}Route`, {
        apiId: this.api.apiId,
        routeKey: routeKeyOf(route),
        target: `integrations/${integration.ref}`,
        ...(route.roles === 'public'
          ? { authorizationType: 'NONE' }
          : { authorizationType: 'JWT', authorizerId: authorizer?.authorizerId }),
      });
      if (route.roles === 'public') {
        Validations.of(cfnRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            `Public by design: its capability declares ${routeKeyOf(route)} public ` +
            `(${route.summary}); it reads no workspace from a token. It has lower route throttles of its own, ` +
            'and in AWS only CloudFront (with its web ACL) may call the API.',
        });
      }
      return cfnRoute;
    });
  }
}
