/** Sign-in through the organisation's own account: the vendor admin's page and the login page's part. English in texts.en.ts. */
export const ssoSv = {
  nav: 'Inloggning',
  title: 'Inloggning med organisationens konto',
  intro:
    'Här kopplar du Stegvis till kommunernas egna inloggningstjänster (OpenID Connect). Då loggar personalen in med samma konto som de använder i övrigt och behöver inget särskilt lösenord för Stegvis. Den som loggar in måste finnas som person i Stegvis med samma e-postadress.',
  adminOnly: 'Bara leverantörens administratör hanterar inloggningen.',
  close: 'Stäng',
  redirect: {
    title: 'Adress att registrera hos inloggningstjänsten',
    intro:
      'När organisationens it-avdelning registrerar Stegvis i sin inloggningstjänst ska de ange den här adressen som omdirigeringsadress. Samma adress gäller för alla inloggningstjänster.',
    label: 'Omdirigeringsadress (redirect URI)',
    copy: 'Kopiera adressen',
    copied: 'Kopierad',
  },
  list: {
    title: 'Inloggningstjänster',
    empty:
      'Inga inloggningstjänster ännu. När en kommun vill att personalen ska logga in med sina vanliga konton lägger du till kommunens inloggningstjänst här nedanför. Till dess loggar alla in med lösenord.',
  },
  provider: {
    whose: 'Gäller',
    vendorStaff: 'Leverantörens personal',
    domains: 'E-postdomäner',
    issuer: 'Adress',
    state: 'Läge',
    enabled: 'Påslagen',
    disabled: 'Avstängd',
    signIns: 'Inloggningar',
    signedIn_one: '{{count}} person har loggat in, senast {{time}}',
    signedIn_other: '{{count}} personer har loggat in, senast {{time}}',
    noSignIns: 'Ingen har loggat in ännu',
    check: 'Testa anslutningen',
    checkLabel: 'Testa anslutningen till {{name}}',
    checkOk: 'Anslutningen fungerar',
    checkOkText: 'Inloggningen sker på {{endpoint}}.',
    checkFailed: 'Anslutningen fungerar inte',
    edit: 'Ändra',
    editLabel: 'Ändra {{name}}',
    remove: 'Ta bort',
    removeLabel: 'Ta bort {{name}}',
  },
  form: {
    addTitle: 'Lägg till inloggningstjänst',
    editTitle: 'Ändra {{name}}',
    name: 'Namn',
    nameHint: 'Visas för användarna när de loggar in, till exempel ”Exempelby kommun”.',
    organisation: 'Vems personal loggar in',
    organisationMissing: 'Välj vems personal som loggar in här',
    issuer: 'Inloggningstjänstens adress (issuer)',
    issuerHint: 'Till exempel https://login.exempelby.se. Stegvis hämtar resten av uppgifterna därifrån.',
    clientId: 'Klient-id',
    clientSecret: 'Klienthemlighet',
    clientSecretHint: 'Klient-id och hemlighet får ni av it-avdelningen när Stegvis är registrerat hos dem.',
    clientSecretKeep: 'Lämna tomt för att behålla den sparade hemligheten. Den visas aldrig igen.',
    showSecret: 'Visa eller dölj hemligheten',
    domains: 'E-postdomäner',
    domainsHint:
      'Personer med adresser på de här domänerna loggar in här, till exempel exempelby.se. Tryck Enter eller komma efter varje domän.',
    enabled: 'Påslagen: personalen kan logga in den här vägen',
    add: 'Lägg till inloggningstjänst',
    added: 'Inloggningstjänsten {{name}} är tillagd. Testa anslutningen innan personalen börjar använda den.',
    saved: '{{name}} är sparad.',
    removed: '{{name}} är borttagen.',
  },
  removal: {
    title: 'Ta bort {{name}}?',
    text: 'Personalen kan inte längre logga in via {{name}}. Den som har ett lösenord i Stegvis kan fortfarande logga in med det.',
    confirm: 'Ja, ta bort',
  },
  login: {
    title: 'Använd organisationens konto',
    intro:
      'Loggar din kommun eller organisation in via en egen inloggningstjänst? Skriv din e-postadress, så skickas du dit.',
    email: 'E-post för organisationens konto',
    continue: 'Fortsätt',
    redirecting: 'Du skickas vidare till {{name}} …',
    noProvider: 'Det finns ingen inloggning via organisationens konto för {{domain}}. Logga in med lösenord ovan.',
  },
  failure: {
    title: 'Inloggningen via organisationens konto gick inte igenom',
    expired: 'Inloggningen tog för lång tid eller så hade länken redan använts. Försök igen.',
    refused:
      'Inloggningen avbröts eller nekades hos er organisation. Försök igen, eller logga in med lösenord om du har ett.',
    provider_error:
      'Er organisations inloggningstjänst svarade med något som Stegvis inte kunde godta. Försök igen om en stund. Händer det igen, kontakta leverantörens support.',
    no_email:
      'Er organisations inloggningstjänst skickade ingen bekräftad e-postadress, så Stegvis vet inte vem du är. Be er it-avdelning se till att e-postadressen följer med vid inloggningen.',
    wrong_domain:
      'Din e-postadress hör inte till de domäner som er organisations inloggning gäller för. Logga in med lösenord, eller be er projektledare kontrollera vilken adress du har i Stegvis.',
    no_account:
      'Inloggningen lyckades hos er organisation, men det finns inget konto i Stegvis för adressen. Be er projektledare att lägga till dig i organisationen i Stegvis.',
    login_disabled: 'Inloggningen är avstängd. Kontakta den som administrerar Stegvis hos er.',
    disabled:
      'Inloggning med er organisations konto är avstängd just nu. Logga in med lösenord om du har ett, eller kontakta leverantören.',
    unknown: 'Inloggningen via organisationens konto kunde inte slutföras. Försök igen.',
  },
};
