// The operating-system account running the app: recorded in every audit row next to the name typed
// in settings (which anyone can change), so "who" is always traceable to a login.
import { userInfo } from 'node:os';

let cached: string | null = null;

/** The OS user name (os.userInfo().username), or 'unknown' where the system cannot say. */
export function osUserName(): string {
  if (cached !== null) return cached;
  try {
    cached = userInfo().username || 'unknown';
  } catch {
    cached = 'unknown';
  }
  return cached;
}
