/**
 * Every English text, in a chunk of its own: most people use Stegvis in Swedish, so the start of the
 * app carries Swedish only and this is fetched when someone chooses English.
 */
import { acknowledgementsEn } from '../acknowledgements/texts.en.js';
import { checklistEn } from '../checklist/texts.en.js';
import { closureEn } from '../closure/texts.en.js';
import { communicationEn } from '../communication/texts.en.js';
import { deliveryEn } from '../delivery/texts.en.js';
import { measurementsEn } from '../measurements/texts.en.js';
import { planEn } from '../plan/texts.en.js';
import { portfolioEn } from '../portfolio/texts.en.js';
import { revisionsEn } from '../revisions/texts.en.js';
import { ssoEn } from '../sso/texts.en.js';
import { steeringEn } from '../steering/texts.en.js';
import { stepsEn } from '../steps/texts.en.js';
import { tasksEn } from '../tasks/texts.en.js';
import { timelineEn } from '../timeline/texts.en.js';
import { trainingsEn } from '../trainings/texts.en.js';
import { twoFactorEn } from '../two-factor/texts.en.js';
import { en } from './en.js';
import type { swedish } from './index.js';

export const english: typeof swedish = {
  ...en,
  checklist: checklistEn,
  plan: planEn,
  revisions: revisionsEn,
  tasks: tasksEn,
  timeline: timelineEn,
  trainings: trainingsEn,
  communication: communicationEn,
  delivery: deliveryEn,
  measurements: measurementsEn,
  portfolio: portfolioEn,
  steps: stepsEn,
  closure: closureEn,
  steering: steeringEn,
  acknowledgements: acknowledgementsEn,
  sso: ssoEn,
  twoFactor: twoFactorEn,
};
