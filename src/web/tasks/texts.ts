/** "Mina uppgifter" and the calendar links' texts, Swedish first; English (texts.en.ts) must have the same keys. */
export const tasksSv = {
  title: 'Mina uppgifter',
  intro:
    'Dina öppna aktiviteter i alla projekt, den närmaste deadlinen först: de du är namngiven för och de som dina roller ansvarar för.',
  listTitle: 'Öppna aktiviteter',
  empty: 'Du har inga öppna aktiviteter. Bra jobbat!',
  project: '{{project}} · {{customer}}',
  deadline: 'Deadline {{date}}',
  noDeadline: 'Ingen deadline',
  overdue: 'Försenad',
  markDone: 'Markera som klar: {{title}}',
  ticked: '”{{title}}” är markerad som klar och borttagen från listan.',
  undo: 'Ångra',
  undone: '”{{title}}” är öppen igen.',
  conflict: 'Någon annan hann ändra ”{{title}}”. Listan är uppdaterad.',
  saveFailed: 'Det gick inte att markera ”{{title}}” som klar: {{message}}',
  reminders: {
    title: 'Påminnelser',
    intro:
      'Stegvis skickar e-post när en deadline närmar sig eller har passerats, och ett veckobrev med det som väntar.',
    enabled: 'Skicka påminnelser per e-post',
    daysBefore: 'Dagar före deadline',
    daysBeforeHint: 'Hur många dagar innan deadline den första påminnelsen skickas (0–{{max}}).',
    digestWeekday: 'Veckobrev på',
    save: 'Spara påminnelser',
    saved: 'Påminnelserna är sparade.',
    noPersonTitle: 'Inga påminnelser för ditt konto',
  },
  weekdays: {
    '1': 'måndag',
    '2': 'tisdag',
    '3': 'onsdag',
    '4': 'torsdag',
    '5': 'fredag',
    '6': 'lördag',
    '7': 'söndag',
  },
  calendar: {
    title: 'Kalender',
    intro: 'Prenumerera på dina deadlines i Outlook, Google Kalender eller ett annat kalenderprogram.',
    create: 'Skapa kalenderlänk',
    renew: 'Förnya kalenderlänk',
    address: 'Kalenderadress',
    copy: 'Kopiera',
    copied: 'Kopierad',
    created: 'Kalenderlänken är skapad.',
    withoutPerson:
      'Ditt konto hör inte till någon person, så det finns inga egna deadlines att visa. Prenumerera i stället på ett projekts kalender under projektets Tidplan.',
    howTo:
      'Lägg till adressen som en kalender från internet (prenumeration) i Outlook eller Google Kalender; kalendern uppdateras av sig själv. Adressen är hemlig: den som har den ser kalendern.',
    renewNote:
      'Adressen är din egen. Stegvis visar den bara när den skapas. Förnyar du länken slutar din gamla adress att fungera (andras adresser påverkas inte), och dina kalendrar som prenumererar på den behöver den nya. Ett projekt du inte längre har någon roll i försvinner ur kalendern.',
  },
};
