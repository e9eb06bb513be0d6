/** The English of texts.ts, fetched only when someone chooses English. */
import type { ssoSv } from './texts.js';

export const ssoEn: typeof ssoSv = {
  nav: 'Sign-in',
  title: "Sign-in with the organisation's account",
  intro:
    "Connect Stegvis to the municipalities' own identity providers (OpenID Connect) here. Staff then sign in with the account they use for everything else and need no separate Stegvis password. Whoever signs in must exist as a person in Stegvis with the same e-mail address.",
  adminOnly: "Only the vendor's administrator manages sign-in.",
  close: 'Close',
  redirect: {
    title: 'Address to register at the identity provider',
    intro:
      "When the organisation's IT department registers Stegvis at their identity provider, they enter this address as the redirect URI. The same address applies to every provider.",
    label: 'Redirect URI',
    copy: 'Copy the address',
    copied: 'Copied',
  },
  list: {
    title: 'Identity providers',
    empty:
      "No identity providers yet. When a municipality wants its staff to sign in with their usual accounts, add the municipality's identity provider below. Until then everyone signs in with a password.",
  },
  provider: {
    whose: 'For',
    vendorStaff: "The vendor's staff",
    domains: 'E-mail domains',
    issuer: 'Address',
    state: 'State',
    enabled: 'On',
    disabled: 'Off',
    signIns: 'Sign-ins',
    signedIn_one: '{{count}} person has signed in, last {{time}}',
    signedIn_other: '{{count}} people have signed in, last {{time}}',
    noSignIns: 'Nobody has signed in yet',
    check: 'Test the connection',
    checkLabel: 'Test the connection to {{name}}',
    checkOk: 'The connection works',
    checkOkText: 'Sign-in happens at {{endpoint}}.',
    checkFailed: 'The connection does not work',
    edit: 'Edit',
    editLabel: 'Edit {{name}}',
    remove: 'Remove',
    removeLabel: 'Remove {{name}}',
  },
  form: {
    addTitle: 'Add an identity provider',
    editTitle: 'Edit {{name}}',
    name: 'Name',
    nameHint: 'Shown to users when they sign in, for example “Exempelby kommun”.',
    organisation: 'Whose staff sign in',
    organisationMissing: 'Choose whose staff sign in here',
    issuer: "The identity provider's address (issuer)",
    issuerHint: 'For example https://login.exempelby.se. Stegvis reads the rest from there.',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    clientSecretHint: 'The IT department gives you the client ID and secret once Stegvis is registered with them.',
    clientSecretKeep: 'Leave empty to keep the stored secret. It is never shown again.',
    showSecret: 'Show or hide the secret',
    domains: 'E-mail domains',
    domainsHint:
      'People with addresses in these domains sign in here, for example exempelby.se. Press Enter or comma after each domain.',
    enabled: 'On: staff can sign in this way',
    add: 'Add identity provider',
    added: 'The identity provider {{name}} is added. Test the connection before staff start using it.',
    saved: '{{name}} is saved.',
    removed: '{{name}} is removed.',
  },
  removal: {
    title: 'Remove {{name}}?',
    text: 'Staff can no longer sign in through {{name}}. Anyone with a Stegvis password can still sign in with it.',
    confirm: 'Yes, remove',
  },
  login: {
    title: "Use your organisation's account",
    intro:
      'Does your municipality or organisation sign in through its own identity provider? Enter your e-mail address and you will be sent there.',
    email: "E-mail for the organisation's account",
    continue: 'Continue',
    redirecting: 'Sending you on to {{name}} …',
    noProvider: "There is no sign-in with the organisation's account for {{domain}}. Sign in with a password above.",
  },
  failure: {
    title: "Signing in with the organisation's account did not go through",
    expired: 'The sign-in took too long or its link had already been used. Please try again.',
    refused:
      'The sign-in was cancelled or refused at your organisation. Try again, or sign in with a password if you have one.',
    provider_error:
      "Your organisation's identity provider answered with something Stegvis could not accept. Try again in a while. If it happens again, contact the vendor's support.",
    no_email:
      "Your organisation's identity provider sent no verified e-mail address, so Stegvis does not know who you are. Ask your IT department to include the e-mail address in the sign-in.",
    wrong_domain:
      "Your e-mail address is not in the domains your organisation's sign-in covers. Sign in with a password, or ask your project manager to check which address you have in Stegvis.",
    no_account:
      'The sign-in succeeded at your organisation, but there is no Stegvis account for the address. Ask your project manager to add you to the organisation in Stegvis.',
    login_disabled: 'Your login is switched off. Contact whoever administers Stegvis at your organisation.',
    disabled:
      "Sign-in with your organisation's account is turned off at the moment. Sign in with a password if you have one, or contact the vendor.",
    unknown: "Signing in with the organisation's account could not be completed. Please try again.",
  },
};
