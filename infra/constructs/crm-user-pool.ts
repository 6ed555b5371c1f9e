import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolRiskConfigurationAttachment,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { claimNames } from '../../shared/platform/auth';
import { roles } from '../../shared/platform/roles';

/** `custom:workspaceId` in the ID token is this attribute; shared/platform/auth.ts reads it by that claim. */
export const workspaceAttribute = claimNames.workspaceId.replace(/^custom:/, '');

export interface CrmUserPoolProps {
  /** Prefix of the hosted UI domain, `<prefix>.auth.<region>.amazoncognito.com`; unique per region. */
  domainPrefix: string;
}

/**
 * Who may sign in: users are invited by an administrator (no self sign-up), each carries the workspace
 * they belong to, and the Cognito groups are the roles of shared/platform/roles.ts.
 */
export class CrmUserPool extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: CrmUserPoolProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      // Mutable so an administrator can correct it (AdminUpdateUserAttributes); the SPA client may read it
      // but not write it, see the client's writeAttributes. authFromClaims validates its format.
      customAttributes: { [workspaceAttribute]: new StringAttribute({ mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection (compromised credentials, risk-based sign-in), configured below.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Your Seed CRM account',
        emailBody:
          'You have been invited to Seed CRM. Sign in as {username} with the temporary password {####}',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional by product decision (small teams, invited users): users can enrol TOTP, and ' +
        'threat protection below demands MFA from enrolled users on risky sign-ins and refuses high-risk ' +
        'sign-ins of users without it.',
    });

    // Risky sign-ins: users with MFA must use it, a high risk without MFA is refused; leaked passwords are refused.
    new CfnUserPoolRiskConfigurationAttachment(this, 'RiskConfiguration', {
      userPoolId: this.userPool.userPoolId,
      clientId: 'ALL',
      compromisedCredentialsRiskConfiguration: {
        actions: { eventAction: 'BLOCK' },
        eventFilter: ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'],
      },
      accountTakeoverRiskConfiguration: {
        actions: {
          lowAction: { eventAction: 'NO_ACTION', notify: false },
          mediumAction: { eventAction: 'MFA_IF_CONFIGURED', notify: false },
          highAction: { eventAction: 'MFA_REQUIRED', notify: false },
        },
      },
    });

    roles.forEach((role, precedence) => {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        precedence,
        description: `Seed CRM role ${role}`,
      });
    });

    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
    });
  }
}
