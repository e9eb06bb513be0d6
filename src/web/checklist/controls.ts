import type { Activity } from '../../shared/checklist.js';
import type { ActivityFormOptions } from './formOptions.js';
import type { Direction } from './order.js';

export type SaveActivity = (
  activity: Activity,
  change: { done?: boolean; deadline?: string | null },
  onFailure?: () => void,
) => void;

/** What the checklist's rows need from the section around them. */
export interface ChecklistControls {
  projectId: string;
  vendorName: string;
  canEdit: boolean;
  /** Today in Sweden, for "Försenad". */
  today: string;
  /** The activity the page address points at (`#aktivitet-<id>`), shown highlighted. */
  highlightedId: string | null;
  /** The choices of the activity form; null until loaded, and for those who may not edit. */
  formOptions: ActivityFormOptions | null;
  save: SaveActivity;
  move: (activity: Activity, direction: Direction) => void;
  remove: (activity: Activity) => void;
  announce: (message: string) => void;
}
