import { Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  type HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type FunctionSpec, type HttpTrigger, routeKeyOf } from '../../functions/manifest';

export type HttpFunctionSpec = Pick<FunctionSpec, 'name' | 'description'> & { trigger: HttpTrigger };

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
  /** Default stage limits; the default suits a small team. */
  throttle?: Required<ThrottleSettings>;
}

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
  private authorizer: HttpJwtAuthorizer | undefined;

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
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });
  }

  /** `jwt` routes accept ID tokens issued by this pool to this client. */
  authorizeWithCognito(userPool: IUserPool, client: IUserPoolClient): void {
    const stack = Stack.of(this);
    this.authorizer = new HttpJwtAuthorizer(
      'CognitoJwt',
      `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${userPool.userPoolId}`,
      { jwtAudience: [client.userPoolClientId], identitySource: ['$request.header.Authorization'] },
    );
  }

  /** The execute-api host name, for origins that proxy to this API (CloudFront). */
  get domainName(): string {
    const stack = Stack.of(this);
    return `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }

  /** One route per manifest entry: `jwt` routes go through the authorizer, `none` routes are public. */
  addFunctionRoute(spec: HttpFunctionSpec, handler: IFunction): HttpRoute {
    const { trigger } = spec;
    if (trigger.auth === 'jwt' && !this.authorizer) {
      throw new Error(`${spec.name} needs the JWT authorizer: call authorizeWithCognito first`);
    }
    const route = new HttpRoute(this, `${spec.name}Route`, {
      httpApi: this.api,
      routeKey: HttpRouteKey.with(trigger.path, HttpMethod[trigger.method]),
      integration: new HttpLambdaIntegration(`${spec.name}Integration`, handler),
      ...(trigger.auth === 'jwt' ? { authorizer: this.authorizer } : {}),
    });
    if (trigger.auth === 'none') {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          `Public by design: functions/manifest.ts declares ${routeKeyOf(trigger)} with auth 'none' ` +
          `(${spec.description}); it reads no workspace data. Stage throttling still applies.`,
      });
    }
    return route;
  }
}
