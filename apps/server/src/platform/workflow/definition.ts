import type { Level } from '@minzheng/contracts';
import type { Actor } from '../access/actor';
import type { Bilingual } from '../i18n/lang';

export type Deadline = { workingDays: number } | { calendarDays: number };

export interface StateDefinition {
  label: Bilingual;
  terminal?: boolean;
  /** Time allowed in this state, counted from the day it is entered. */
  deadline?: Deadline;
}

export interface GuardInput {
  actor: Actor;
  instance: { id: string; state: string; regionCode: string; assigneeId: string | null; entityId: string };
  data: Record<string, unknown>;
}

export interface ActionDefinition {
  label: Bilingual;
  from: readonly string[];
  to: string;
  permission: string;
  /** Levels whose staff may take this action (by the level of their scope); any level when absent. */
  levels?: readonly Level[];
  /** Only the assignee may act, when the case has one. */
  assigneeOnly?: boolean;
  /** A reason to refuse, or null to allow. */
  guard?: (input: GuardInput) => Bilingual | null;
}

export interface WorkflowDefinition {
  caseType: string;
  initial: string;
  start: { permission: string; levels?: readonly Level[] };
  /** Time allowed for the whole case, from its start. */
  caseDeadline?: Deadline;
  states: Record<string, StateDefinition>;
  actions: Record<string, ActionDefinition>;
}

/** Checks a definition's internal consistency once, when a module declares it. */
export function defineWorkflow<T extends WorkflowDefinition>(def: T): T {
  const states = new Set(Object.keys(def.states));
  if (!states.has(def.initial))
    throw new Error(`${def.caseType}: initial state ${def.initial} is not a state`);
  for (const [name, a] of Object.entries(def.actions)) {
    for (const s of [...a.from, a.to])
      if (!states.has(s)) throw new Error(`${def.caseType}: action ${name} names unknown state ${s}`);
    for (const s of a.from)
      if (def.states[s]!.terminal)
        throw new Error(`${def.caseType}: action ${name} leaves terminal state ${s}`);
  }
  return def;
}
