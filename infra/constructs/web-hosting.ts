import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { originVerifyHeader } from '../../shared/platform/http-handler';
import { spaRewriteCode } from '../spa-routes';
import { acknowledgeCdkOwnedHandler, acknowledgeWildcards } from './nag';
import { accessLogBucket, privateBucketProps } from './private-bucket';

/** SPA paths Cognito sends the browser back to; the web app's router serves them. */
export const spaAuthPaths = { callback: '/auth/callback', signOut: '/sign-in' } as const;

/** What the SPA reads from /config.json at start (web/src/auth/auth-config.ts). */
export interface WebConfig {
  auth: { mode: 'cognito'; domain: string; clientId: string; redirectUri: string; logoutUri: string };
}

export interface WebHostingProps {
  /** execute-api host name of the HTTP API, proxied under /api/*. */
  apiDomainName: string;
  /** https://<prefix>.auth.<region>.amazoncognito.com: the SPA posts the code exchange there. */
  hostedUiBaseUrl: string;
  /** The web ACL (in us-east-1) in front of the whole distribution. */
  webAclArn: string;
  /**
   * The value of the origin header CloudFront adds to every request to the API (the API refuses requests
   * without it): a dynamic reference to a Secrets Manager secret, never the secret itself.
   */
  originVerifyValue: string;
}

/** Security headers for every answer; the CSP lets the SPA call its own /api and Cognito's token endpoint. */
function securityHeaders(hostedUiBaseUrl: string): ResponseSecurityHeadersBehavior {
  const contentSecurityPolicy = [
    "default-src 'self'",
    "script-src 'self'",
    // Mantine sets inline style attributes and a <style> with its CSS variables.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${hostedUiBaseUrl}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
  return {
    contentSecurityPolicy: { contentSecurityPolicy, override: true },
    strictTransportSecurity: {
      accessControlMaxAge: Duration.days(730),
      includeSubdomains: true,
      override: true,
    },
    frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
    contentTypeOptions: { override: true },
    referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
  };
}

/**
 * The web app and the API behind one CloudFront distribution: a private bucket reached through Origin
 * Access Control, `/api/*` passed uncached to the HTTP API, and an access-log bucket for both.
 */
export class WebHosting extends Construct {
  readonly siteBucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  readonly headers: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    // S3 delivers the site bucket's access logs under a bucket policy scoped to that bucket, instead of
    // the legacy LogDeliveryWrite ACL that CDK uses while this flag is unset in cdk.json.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);

    this.logBucket = accessLogBucket(this, {
      // CloudFront standard logs are delivered with an ACL, which BucketOwnerEnforced would refuse.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      logsOf: 'the site bucket and of CloudFront',
    });

    this.siteBucket = new Bucket(this, 'Site', {
      ...privateBucketProps,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The app shell must be revalidated; Vite's /assets/* file names carry a content hash.
    const withCacheControl = (id: string, cacheControl: string) =>
      new ResponseHeadersPolicy(this, id, {
        comment: `Seed CRM security headers, ${cacheControl}`,
        securityHeadersBehavior: securityHeaders(props.hostedUiBaseUrl),
        customHeadersBehavior: {
          customHeaders: [{ header: 'Cache-Control', value: cacheControl, override: false }],
        },
      });
    this.headers = withCacheControl('Headers', 'no-cache');
    const assetHeaders = withCacheControl('AssetHeaders', 'public, max-age=31536000, immutable');

    const spaRewrite = new CloudFrontFunction(this, 'SpaRewrite', {
      // client-side routes get the app shell; only the default behaviour, so /api/* answers are never touched
      code: FunctionCode.fromInline(spaRewriteCode),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for client-side routes',
    });

    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.siteBucket);
    const apiOrigin = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // proves to the API that the request came through this distribution (and so through its web ACL)
      customHeaders: { [originVerifyHeader]: props.originVerifyValue },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Seed CRM web app and API',
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // Never cached; every viewer header but Host (API Gateway routes by its own host name) reaches
        // the API, Authorization included, which CloudFront allows because caching is disabled.
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.headers,
        },
        '/assets/*': {
          origin: siteOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: assetHeaders,
        },
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'The CRM serves teams wherever they work; access is controlled by sign-in, not by country.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain yet, so the distribution uses the default *.cloudfront.net certificate, whose ' +
          'security policy CloudFront fixes; a custom domain with an ACM certificate (TLSv1.2_2021) ends this.',
      },
    );
  }

  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /**
   * Uploads the built SPA and its /config.json, then invalidates the distribution. Without a build
   * (`web/dist` absent) nothing is deployed, so synth works before the web app is built.
   */
  deploy(webDistPath: string, config: WebConfig): BucketDeployment | undefined {
    if (!existsSync(webDistPath)) return undefined;
    if (!existsSync(join(webDistPath, 'index.html'))) {
      throw new Error(`${webDistPath} has no index.html: build the web app (npm run build) or remove it`);
    }
    const logGroup = new LogGroup(this, 'DeploymentLogs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Seed CRM web deployment (CDK BucketDeployment handler)',
    });
    logGroup.grantWrite(role);
    const deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(webDistPath), Source.jsonData('config.json', config)],
      destinationBucket: this.siteBucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
      logGroup,
      role,
    });
    acknowledgeWildcards(role, [
      {
        reason:
          "CDK's BucketDeployment handler grants itself wildcard S3 actions on the asset object and on the " +
          'site bucket (to sync and prune files) and cloudfront:CreateInvalidation on "*" (invalidations ' +
          'take no resource-level permission); it runs only during deployments.',
        covers: () => true,
      },
    ]);
    acknowledgeCdkOwnedHandler(this, {
      idPrefix: 'Custom::CDKBucketDeployment',
      name: 'BucketDeployment',
      tracing:
        'it runs only while deploying the web app and logs to its own log group; traces would add nothing.',
    });
    return deployment;
  }
}
