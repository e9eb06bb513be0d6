import type { TrainingsOverview } from '../../shared/trainings.js';

/** What every part of the trainings page needs: who may do what, today, and how to report. */
export interface TrainingControls {
  projectId: string;
  may: TrainingsOverview['may'];
  trainers: TrainingsOverview['trainers'];
  /** Today in Sweden, 'YYYY-MM-DD'. */
  today: string;
  language: string;
  /** Says politely what a change did. */
  announce: (message: string) => void;
  /** Shows why a one-click change failed. */
  fail: (error: Error) => void;
}
