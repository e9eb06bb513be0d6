/** Two-factor sign-in: the login page's second step, the account page and the vendor admin's requirements. */
export const twoFactorSv = {
  nav: 'Mitt konto',
  accountTitle: 'Mitt konto',
  title: 'Tvåstegsverifiering',
  intro:
    'Med tvåstegsverifiering räcker det inte att någon kommer över ditt lösenord: vid inloggningen bekräftar du också med en kod från en app i telefonen eller med en nyckel (passkey).',
  required: 'Leverantören kräver tvåstegsverifiering för ditt konto.',
  none: 'Du har ingen tvåstegsverifiering ännu.',
  app: {
    title: 'App för engångskoder',
    enabled: 'Påslagen sedan {{date}}',
    add: 'Lägg till app',
    remove: 'Ta bort appen',
    setupIntro:
      'Öppna en app för engångskoder (till exempel Microsoft Authenticator eller Google Authenticator), välj att lägga till ett konto och skriv in nyckeln nedan, eller öppna länken på telefonen.',
    secret: 'Nyckel att skriva in i appen',
    uri: 'Länk för appen',
    code: 'Kod från appen',
    codeHint: 'Sex siffror',
    confirm: 'Bekräfta',
    cancel: 'Avbryt',
  },
  passkeys: {
    title: 'Nycklar (passkeys)',
    intro:
      'En nyckel finns i datorn, telefonen eller på en säkerhetsnyckel och låser upp med fingeravtryck, ansikte eller pinkod.',
    empty: 'Inga nycklar ännu.',
    add: 'Lägg till nyckel',
    name: 'Namn på nyckeln',
    nameDefault: 'Min nyckel',
    created: 'Tillagd {{date}}',
    lastUsed: 'senast använd {{date}}',
    remove: 'Ta bort nyckeln {{name}}',
    unsupported: 'Webbläsaren kan inte använda nycklar här.',
    cancelled: 'Nyckeln registrerades inte. Försök igen.',
  },
  recovery: {
    title: 'Återställningskoder',
    left: 'Du har {{count}} oanvända återställningskoder.',
    shownOnce:
      'Spara koderna på ett säkert ställe, till exempel skrivna på papper. De visas bara nu. Varje kod fungerar en gång om du inte har telefonen eller nyckeln till hands.',
    saved: 'Jag har sparat koderna',
    renew: 'Skapa nya återställningskoder',
  },
  password: {
    label: 'Ditt lösenord',
    removeTitle: 'Bekräfta med ditt lösenord',
    confirm: 'Ta bort',
    renewConfirm: 'Skapa nya koder',
  },
  signIn: {
    title: 'Bekräfta inloggningen',
    codeIntro: 'Skriv koden som appen för engångskoder visar för Stegvis.',
    code: 'Kod från appen',
    verify: 'Bekräfta',
    usePasskey: 'Använd nyckel',
    useRecovery: 'Använd en återställningskod',
    useCode: 'Använd kod från appen',
    recoveryCode: 'Återställningskod',
    back: 'Tillbaka till inloggningen',
    enrolTitle: 'Lägg till tvåstegsverifiering',
    enrolIntro:
      'Ditt konto kräver tvåstegsverifiering. Lägg till en app för engångskoder eller en nyckel för att logga in.',
  },
  policy: {
    vendorTitle: 'Tvåstegsverifiering för leverantörens personal',
    vendorLabel: 'Kräv tvåstegsverifiering av leverantörens personal',
    customerTitle: 'Tvåstegsverifiering',
    customerLabel: 'Kräv tvåstegsverifiering av kundens personer',
    hint: 'Gäller inloggning med lösenord. Den som loggar in via sin organisation (single sign-on) bekräftar hos den.',
    saved: 'Sparat.',
  },
};
