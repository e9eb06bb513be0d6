import type { Activity, Checklist } from '../../shared/checklist.js';
import type { Organisation, Person } from '../../shared/organisation.js';

export interface Option {
  value: string;
  label: string;
}

/** What the activity form offers to choose from. */
export interface ActivityFormOptions {
  customerRoles: Option[];
  vendorRoles: Option[];
  customerPeople: Option[];
  vendorPeople: Option[];
  /** Every activity of the project by group, for "Väntar på". */
  activities: { group: string; items: Option[] }[];
}

const byKey = (roles: { key: string; title: string }[]): Option[] => {
  const seen = new Map<string, Option>();
  for (const role of roles) if (!seen.has(role.key)) seen.set(role.key, { value: role.key, label: role.title });
  return [...seen.values()];
};

/**
 * The choices for the activity form. The template's customer roles are the project's and, since
 * every school has the same ones, the first school's.
 */
export function activityFormOptions(
  organisation: Organisation | undefined,
  checklist: Checklist | undefined,
  people: { customer: Person[]; vendor: Person[] },
): ActivityFormOptions {
  return {
    customerRoles: byKey([...(organisation?.customerRoles ?? []), ...(organisation?.schools[0]?.roles ?? [])]),
    vendorRoles: byKey(organisation?.vendorRoles ?? []),
    customerPeople: people.customer.map((person) => ({ value: person.id, label: person.name })),
    vendorPeople: people.vendor.map((person) => ({ value: person.id, label: person.name })),
    activities: (checklist?.groups ?? [])
      .filter((group) => group.activities.length > 0)
      .map((group) => ({
        group: group.title,
        items: group.activities.map((activity) => ({ value: activity.id, label: activity.title })),
      })),
  };
}

/**
 * The options with the activity's own choices added when missing: a role or person the lists do not
 * hold (a vendor person a customer cannot list, say) must not vanish from the form on save.
 */
export function withCurrentChoices(options: ActivityFormOptions, activity: Activity | undefined): ActivityFormOptions {
  if (!activity) return options;
  const add = (list: Option[], extra: Option[]) => [
    ...list,
    ...extra.filter((option) => !list.some((existing) => existing.value === option.value)),
  ];
  const person = (ref: Activity['customerPerson']) => (ref ? [{ value: ref.id, label: ref.name }] : []);
  const roles = (refs: Activity['customerResponsible']) => refs.map((role) => ({ value: role.key, label: role.title }));
  return {
    customerRoles: add(options.customerRoles, roles(activity.customerResponsible)),
    vendorRoles: add(options.vendorRoles, roles(activity.vendorResponsible)),
    customerPeople: add(options.customerPeople, person(activity.customerPerson)),
    vendorPeople: add(options.vendorPeople, person(activity.vendorPerson)),
    activities: options.activities.map((group) => ({
      ...group,
      items: group.items.filter((option) => option.value !== activity.id),
    })),
  };
}
