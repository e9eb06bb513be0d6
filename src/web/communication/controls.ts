import type { CommunicationItem } from '../../shared/communication.js';
import type { ItemFormChoices } from './CommunicationItemForm.js';

/** What a row of the communication plan can do, handed down from the section. */
export interface PlanControls {
  projectId: string;
  canEdit: boolean;
  /** The form's choices; null while they load or for those who may not edit. */
  choices: ItemFormChoices | null;
  tick: (item: CommunicationItem, done: boolean, onFailure: () => void) => void;
  remove: (item: CommunicationItem) => void;
  announce: (message: string) => void;
}
