// Department contacts (settings key "departmentContacts"): each department's email address, used as
// the To: of reminders and annotated replies. Kept in settings like the department aliases, audited.
import type { z } from 'zod';
import { DepartmentContactsSchema, EmailAddressSchema } from '../../shared/api/overview-schemas';
import type { Store, WriteContext } from '../store/store';
import { fail } from '../../shared/api/result';
import { draftFail } from './draft-texts';

/** department → email address. */
export type DepartmentContacts = z.infer<typeof DepartmentContactsSchema>;

export const CONTACTS_KEY = 'departmentContacts';

/** The saved contacts; {} when none are saved or the stored text is unreadable. */
export function readDepartmentContacts(store: Store): DepartmentContacts {
  try {
    const parsed = DepartmentContactsSchema.safeParse(JSON.parse(store.settings.get(CONTACTS_KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * Replace the contacts (one IMMEDIATE transaction, audited as a setting). Blank addresses are
 * dropped. Refuses (nothing written) an unknown department or an address that is not an email
 * address, with a bilingual message (draft-texts "remind.bad-address", shared "error.unknown-department").
 */
export function saveDepartmentContacts(store: Store, contacts: Readonly<Record<string, string>>, ctx: Omit<WriteContext, 'source'>): DepartmentContacts {
  const departments = store.plans.listDepartments();
  const clean: DepartmentContacts = {};
  for (const [department, raw] of Object.entries(contacts)) {
    const address = raw.trim();
    if (address === '') continue;
    if (!departments.includes(department)) fail('refused', 'error.unknown-department', { name: department });
    if (!EmailAddressSchema.safeParse(address).success) draftFail('refused', 'remind.bad-address', { address, department });
    clean[department] = address;
  }
  store.transaction(() => store.settings.set(CONTACTS_KEY, JSON.stringify(clean), { ...ctx, source: 'settings' }));
  return readDepartmentContacts(store);
}
