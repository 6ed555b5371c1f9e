import {
  CfnOutput,
  CrossStackReferences,
  Duration,
  ReferenceStrength,
  Stack,
  type StackProps,
  Validations,
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
import { EventBus } from 'aws-cdk-lib/aws-events';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { crmEventSource } from '../../shared/events/domain-event';
import { registry as crmRegistry, type Registry } from '../../shared/registry/capability-registry';
import { AlarmTopic } from '../constructs/alarm-topic';
import type { CrmFunction } from '../constructs/crm-function';
import { CrmHttpApi } from '../constructs/crm-http-api';
import { workspaceAttribute } from '../constructs/crm-user-pool';
import { EdgeWebAcl } from '../constructs/edge-web-acl';
import { SesSending } from '../constructs/ses-sending';
import { spaAuthPaths, WebHosting } from '../constructs/web-hosting';
import { CapabilityStack, capabilityStackId } from './capability-stack';

export interface AppStackProps extends StackProps {
  table: ITable;
  /** Where webhook intake archives raw deliveries (functions with `access.archive`). */
  archiveBucket: IBucket;
  userPool: IUserPool;
  userPoolDomain: UserPoolDomain;
  /** The built SPA; deployed only if the folder exists at synth time. */
  webDistPath: string;
  /** The capabilities to deploy: the CRM's registry unless a test builds a larger one. */
  registry?: Registry;
  /** The SSM parameter (us-east-1) holding the ARN of the edge stack's web ACL. */
  webAclArnParameterName: string;
}

/**
 * The stateless half: every capability (a nested stack each) behind the HTTP API, the SPA's user pool client and
 * the CloudFront distribution in front of both. The API, the client and the distribution refer to each
 * other (JWT audience -> client -> callback URL on the distribution -> API origin), so they share a stack.
 */
export class AppStack extends Stack {
  readonly api: CrmHttpApi;
  readonly web: WebHosting;
  readonly userPoolClient: UserPoolClient;
  readonly functions: CrmFunction[] = [];
  readonly capabilityStacks: CapabilityStack[] = [];
  readonly eventBus: EventBus;
  readonly alarms: AlarmTopic;
  readonly originVerifySecret: Secret;
  readonly webAcl: EdgeWebAcl;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    // Imports of the data stack's table and pool: while this stack uses them, CloudFormation refuses to
    // delete them or the data stack, which is the protection a stateful stack wants.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const hostedUiBaseUrl = props.userPoolDomain.baseUrl();

    this.api = new CrmHttpApi(this, 'Api');
    // CloudFront sends it to the API with every request; the API functions refuse requests without it
    this.originVerifySecret = new Secret(this, 'OriginVerifySecret', {
      description: 'Seed CRM: the header value that proves a request to the API came through CloudFront',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(this.originVerifySecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not rotated automatically: CloudFront and the API functions read it through dynamic references, ' +
        'which CloudFormation resolves on a deployment only; rotate it by changing it and deploying (decision 132).',
    });
    // a dynamic reference ({{resolve:secretsmanager:...}}): the template holds the secret's ARN, not its value
    const originVerifyValue = this.originVerifySecret.secretValue.unsafeUnwrap();
    this.webAcl = new EdgeWebAcl(this, 'EdgeWebAcl', { parameterName: props.webAclArnParameterName });
    this.web = new WebHosting(this, 'Web', {
      apiDomainName: this.api.domainName,
      hostedUiBaseUrl,
      webAclArn: this.webAcl.arn,
      originVerifyValue,
    });

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

    this.alarms = new AlarmTopic(this, 'Alarms', { email: this.node.tryGetContext('alarmEmail') });

    // Links in mail and form snippets point here (PUBLIC_API_URL), never at a request's Host: the
    // distribution's address, or the context value `publicApiUrl` for a custom domain in front of it.
    const publicApiUrl = String(this.node.tryGetContext('publicApiUrl') ?? this.web.url);
    // marketing mail: the configuration set and its events on the default bus, the domain when given
    const context = (name: string) => this.node.tryGetContext(name) as string | number | undefined;
    const ses = new SesSending(this, 'SesSending', {
      domain: context('sesDomain') === undefined ? undefined : String(context('sesDomain')),
      mailFromSubdomain:
        context('mailFromSubdomain') === undefined ? undefined : String(context('mailFromSubdomain')),
      maxSendRate: context('sesMaxSendRate') === undefined ? undefined : Number(context('sesMaxSendRate')),
    });
    // one nested stack per capability: its functions, their routes and triggers (decision 080)
    for (const capability of (props.registry ?? crmRegistry).capabilities) {
      const stack = new CapabilityStack(this, capabilityStackId(capability.name), {
        capability,
        api: this.api,
        table: props.table,
        eventBus: this.eventBus,
        archiveBucket: props.archiveBucket,
        userPool: props.userPool,
        alarmTopic: this.alarms.topic,
        publicApiUrl,
        ses: ses.settings,
        originVerifyValue,
      });
      this.capabilityStacks.push(stack);
      this.functions.push(...stack.functions);
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

    new CfnOutput(this, 'ApiUrl', {
      value: this.api.stage.url,
      description: 'The HTTP API, direct: it answers 403 to anyone but CloudFront; call <WebUrl>/api',
    });
    new CfnOutput(this, 'WebUrl', {
      value: this.web.url,
      description: 'The web app; it calls the API at /api',
    });
    new CfnOutput(this, 'UserPoolId', { value: props.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'HostedUiDomain', { value: hostedUiBaseUrl });
    new CfnOutput(this, 'EventBusName', { value: this.eventBus.eventBusName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
  }
}
