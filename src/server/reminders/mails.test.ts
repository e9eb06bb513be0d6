import { describe, expect, it } from 'vitest';
import { defaultReminderPreferences } from '../../shared/reminders.js';
import { reminderLinks, reminderMail } from './mails.js';
import type { DeadlineActivity, Reminder, ReminderProject } from './rules.js';

const links = reminderLinks('https://stegvis.exempel.se/');
const person = { id: 'lena', name: 'Lena Ek', email: 'lena@exempel.se', preferences: defaultReminderPreferences };
const project: ReminderProject = {
  id: 'p1',
  name: 'Implementering Åkerby kommun',
  customerName: 'Åkerby kommun',
  progress: { done: 5, total: 20, percent: 25 },
};
const activity = (id: string, title: string, deadline: string): DeadlineActivity => ({
  id,
  projectId: 'p1',
  title,
  deadline,
  customerRoleKeys: ['projektledare'],
  vendorRoleKeys: [],
  customerPersonId: null,
  vendorPersonId: null,
});
const blankett = activity('a1', 'Beställningsblankett <skickad> & klar', '2027-03-31');

describe('reminder mails', () => {
  it('reminds before the deadline with a link straight to the activity and how to turn reminders off', () => {
    const reminder: Reminder = { kind: 'due_soon', key: 'k', person, project, activity: blankett };
    const mail = reminderMail(reminder, links, '2027-03-28');
    expect(mail.to).toBe('lena@exempel.se');
    expect(mail.subject).toBe('Påminnelse: Beställningsblankett <skickad> & klar ska vara klar 31 mars 2027');
    expect(mail.text).toContain('ska vara klar 31 mars 2027, om 3 dagar.');
    expect(mail.text).toContain('https://stegvis.exempel.se/projekt/p1#aktivitet-a1');
    expect(mail.text).toContain('https://stegvis.exempel.se/mina-uppgifter');
    expect(mail.html).toContain('href="https://stegvis.exempel.se/projekt/p1#aktivitet-a1"');
    expect(mail.html).toContain('Beställningsblankett &lt;skickad&gt; &amp; klar');
    expect(mail.html).not.toContain('<skickad>');
    expect(reminderMail(reminder, links, '2027-03-31').text).toContain('ska vara klar i dag, 31 mars 2027.');
    expect(reminderMail(reminder, links, '2027-03-30').text).toContain('ska vara klar i morgon, 31 mars 2027.');
  });

  it('tells that an activity is late', () => {
    const mail = reminderMail({ kind: 'overdue', key: 'k', person, project, activity: blankett }, links, '2027-04-01');
    expect(mail.subject).toBe('Försenad: Beställningsblankett <skickad> & klar skulle vara klar 31 mars 2027');
    expect(mail.text).toContain('skulle ha varit klar 31 mars 2027 och är inte avbockad');
  });

  it('lists the week’s tasks in the digest, each with its link in the text', () => {
    const late = { activity: activity('a2', 'Avtalspåskrift', '2027-03-20'), project };
    const soon = { activity: blankett, project };
    const mail = reminderMail(
      { kind: 'digest', key: 'k', person, overdue: [late], upcoming: [soon] },
      links,
      '2027-03-29',
    );
    expect(mail.subject).toBe('Veckans uppgifter i Stegvis');
    expect(mail.text).toContain(
      'Försenade (1):\n• Avtalspåskrift (Implementering Åkerby kommun) – 20 mars 2027\n  https://stegvis.exempel.se/projekt/p1#aktivitet-a2',
    );
    expect(mail.text).toContain('Ska vara klara inom två veckor (1):');
    expect(mail.html).toContain('href="https://stegvis.exempel.se/mina-uppgifter"');
  });

  it('sums up the project’s week for the Projektledare', () => {
    const mail = reminderMail(
      {
        kind: 'project_summary',
        key: 'k',
        person,
        project,
        overdue: [],
        dueThisWeek: [blankett],
      },
      links,
      '2027-03-29',
    );
    expect(mail.subject).toBe('Veckosammanfattning: Implementering Åkerby kommun');
    expect(mail.text).toContain('vecka 13');
    expect(mail.text).toContain('Framdrift: 5 av 20 aktiviteter klara (25 %).');
    expect(mail.text).toContain('Inga aktiviteter är försenade.');
    expect(mail.text).toContain('Ska vara klara den här veckan (1):\n• Beställningsblankett');
    expect(mail.link).toBe('https://stegvis.exempel.se/projekt/p1');
  });
});
