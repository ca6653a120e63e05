import { appMessages } from './messages/app';
import { auditMessages } from './messages/audit';
import { calendarMessages } from './messages/calendar';
import { jobsMessages } from './messages/jobs';
import { regionsMessages } from './messages/regions';
import { registryMessages } from './messages/registry';
import { securityMessages } from './messages/security';
import { usersMessages } from './messages/users';

/** Every user-visible text, as [zh-CN, en-US] pairs, so a text cannot exist in one language only. */
export const dictionary = {
  ...appMessages,
  ...regionsMessages,
  ...calendarMessages,
  ...jobsMessages,
  ...usersMessages,
  ...securityMessages,
  ...auditMessages,
  ...registryMessages,
};

export type MessageKey = keyof typeof dictionary;

/** For texts chosen at run time (e.g. `jobs.kind.<kind>`): whether the dictionary has the key. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(dictionary, key);
}
