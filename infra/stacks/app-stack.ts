import {
  CfnOutput,
  CrossStackReferences,
  Duration,
  ReferenceStrength,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import {
  ClientAttributes,
  type IUserPool,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, type EventPattern, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { type FunctionSpec, functions } from '../../functions/manifest';
import { crmEventSource } from '../../shared/events/domain-event';
import { CrmFunction } from '../constructs/crm-function';
import { CrmHttpApi } from '../constructs/crm-http-api';
import { workspaceAttribute } from '../constructs/crm-user-pool';
import { spaAuthPaths, WebHosting } from '../constructs/web-hosting';

export interface AppStackProps extends StackProps {
  table: ITable;
  /** Where webhook intake archives raw deliveries (functions with `access.archive`). */
  archiveBucket: IBucket;
  userPool: IUserPool;
  userPoolDomain: UserPoolDomain;
  /** The built SPA; deployed only if the folder exists at synth time. */
  webDistPath: string;
}

/**
 * The stateless half: every function of the manifest behind the HTTP API, the SPA's user pool client and
 * the CloudFront distribution in front of both. The API, the client and the distribution refer to each
 * other (JWT audience -> client -> callback URL on the distribution -> API origin), so they share a stack.
 */
export class AppStack extends Stack {
  readonly api: CrmHttpApi;
  readonly web: WebHosting;
  readonly userPoolClient: UserPoolClient;
  readonly functions: CrmFunction[] = [];
  readonly eventBus: EventBus;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    // Imports of the data stack's table and pool: while this stack uses them, CloudFormation refuses to
    // delete them or the data stack, which is the protection a stateful stack wants.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const hostedUiBaseUrl = props.userPoolDomain.baseUrl();

    this.api = new CrmHttpApi(this, 'Api');
    this.web = new WebHosting(this, 'Web', { apiDomainName: this.api.domainName, hostedUiBaseUrl });

    const redirectUri = `${this.web.url}${spaAuthPaths.callback}`;
    const logoutUri = `${this.web.url}${spaAuthPaths.signOut}`;
    this.userPoolClient = new UserPoolClient(this, 'SpaClient', {
      userPool: props.userPool,
      // A browser app cannot keep a secret: authorization code flow with PKCE through the hosted UI only.
      generateSecret: false,
      authFlows: { userPassword: false, userSrp: false, custom: false, adminUserPassword: false },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [redirectUri],
        logoutUrls: [logoutUri],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      // The workspace is in the ID token for the API, and only an administrator may change it.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(workspaceAttribute),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    this.api.authorizeWithCognito(props.userPool, this.userPoolClient);

    // One bus for the CRM's domain events; its archive keeps them 30 days so they can be replayed.
    this.eventBus = new EventBus(this, 'EventBus');
    this.eventBus.archive('EventArchive', {
      description: 'Domain events of the CRM, kept for replay',
      eventPattern: { source: [crmEventSource] },
      retention: Duration.days(30),
    });

    const functionScope = new Construct(this, 'Functions');
    for (const spec of functions as readonly FunctionSpec[]) {
      const fn = new CrmFunction(functionScope, spec.name, {
        spec,
        table: props.table,
        eventBus: this.eventBus,
        archiveBucket: props.archiveBucket,
      });
      this.functions.push(fn);
      const { trigger } = spec;
      switch (trigger.kind) {
        case 'http':
          this.api.addFunctionRoute({ ...spec, trigger }, fn.function);
          break;
        case 'event':
          new Rule(functionScope, `${spec.name}Rule`, {
            eventBus: this.eventBus,
            // the manifest's pattern is plain EventBridge JSON; CDK types only the top-level fields
            eventPattern: trigger.pattern as EventPattern,
            // an event EventBridge cannot hand to Lambda at all goes to the function's dead-letter queue too
            targets: [new LambdaFunction(fn.function, { deadLetterQueue: fn.deadLetterQueue })],
          });
          break;
        case 'schedule':
          new Rule(functionScope, `${spec.name}Schedule`, {
            schedule: Schedule.expression(trigger.expression),
            targets: [new LambdaFunction(fn.function, { deadLetterQueue: fn.deadLetterQueue })],
          });
          break;
        case 'stream':
          fn.function.addEventSource(
            new DynamoEventSource(props.table, {
              startingPosition: StartingPosition.TRIM_HORIZON,
              batchSize: trigger.batchSize ?? 100,
              bisectBatchOnError: true,
              reportBatchItemFailures: true,
              retryAttempts: 10,
              maxRecordAge: Duration.days(1),
              filters: [FilterCriteria.filter(trigger.filter as Record<string, unknown>)],
              ...(fn.deadLetterQueue ? { onFailure: new SqsDlq(fn.deadLetterQueue) } : {}),
            }),
          );
          break;
        default: {
          const unknown: never = trigger;
          throw new Error(`${spec.name}: no wiring for trigger kind ${String(unknown)}`);
        }
      }
    }

    this.web.deploy(props.webDistPath, {
      auth: {
        mode: 'cognito',
        domain: hostedUiBaseUrl,
        clientId: this.userPoolClient.userPoolClientId,
        redirectUri,
        logoutUri,
      },
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url, description: 'The HTTP API, direct' });
    new CfnOutput(this, 'WebUrl', {
      value: this.web.url,
      description: 'The web app; it calls the API at /api',
    });
    new CfnOutput(this, 'UserPoolId', { value: props.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'HostedUiDomain', { value: hostedUiBaseUrl });
    new CfnOutput(this, 'EventBusName', { value: this.eventBus.eventBusName });
  }
}
